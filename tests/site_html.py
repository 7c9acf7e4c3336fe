"""Reading the built site: pages, links and text, with the standard library's HTML parser."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.ids: set[str] = set()
        self.h1: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"] or "")
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"] or "")
        if tag in ("script", "img", "iframe", "source", "audio", "video") and attributes.get("src"):
            self.resources.append(attributes["src"] or "")
        if tag == "link" and attributes.get("href"):
            self.resources.append(attributes["href"] or "")
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1[-1] += data


class NavigationParser(HTMLParser):
    """The links of the site navigation: Material's primary sidebar."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "div" and (self._depth or "md-sidebar--primary" in (attributes.get("class") or "")):
            self._depth += 1
        if self._depth and tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._depth:
            self._depth -= 1


def navigation_links(site: Path, page: Path) -> set[str]:
    """Where the navigation on a built page links to, as paths from the site root (`/a/b/`)."""
    parser = NavigationParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return site_paths(site, page, parser.links)


def page_links(site: Path, page: Path) -> set[str]:
    """Where any link on a built page points to, as paths from the site root."""
    return site_paths(site, page, parse(page).links)


def site_paths(site: Path, page: Path, hrefs: list[str]) -> set[str]:
    base = "/" + page.relative_to(site).as_posix()
    return {urlsplit(urljoin(base, href)).path for href in hrefs}


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_file(site: Path, docs_path: str) -> Path:
    """The built file of a page given by its path under docs/ (directory URLs)."""
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / stem.removesuffix("index") / "index.html"
    return site / stem / "index.html"


def visible_text(path: Path) -> str:
    """The page's text without tags, whitespace folded, for 'the reader sees this' checks."""
    source = path.read_text(encoding="utf-8")
    source = re.sub(r"<(script|style)\b.*?</\1>", " ", source, flags=re.S)
    source = re.sub(r"</?(?:abbr|em|strong|code)\b[^>]*>", "", source)  # inline: no word break
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", source)).split())


def is_external(url: str) -> bool:
    return bool(urlsplit(url).scheme in ("http", "https") or url.startswith("//"))


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The file and anchor an internal link on a built page points to."""
    base = "/" + page.relative_to(site).as_posix()
    target = urlsplit(urljoin(base, href))
    path = site / target.path.lstrip("/")
    if target.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, target.fragment
