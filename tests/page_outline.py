"""The content of a built page as a reader's structure: headings with what encloses them, and glossary
marks with the heading and h2 section they stand in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass
class Heading:
    level: str
    text: str = ""
    inside: tuple[str, ...] = ()


@dataclass
class Mark:
    word: str
    title: str
    section: int
    in_heading: bool


@dataclass
class Outline(HTMLParser):
    headings: list[Heading] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    _open: list[str] = field(default_factory=list)
    _section: int = 0

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HEADINGS:
            self._section += tag == "h2"
            self.headings.append(Heading(tag, inside=tuple(self._open)))
        if tag == "abbr":
            in_heading = any(name in HEADINGS for name in self._open)
            self.marks.append(Mark("", dict(attrs).get("title") or "", self._section, in_heading))
        if tag not in VOID:
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if any(name in HEADINGS for name in self._open):
            self.headings[-1].text += data
        if self._open and self._open[-1] == "abbr":
            self.marks[-1].word += data


def content_outline(page_html: str) -> Outline:
    """The outline of the page's article, without Material's navigation and table of contents."""
    article = re.search(r'<article class="md-content__inner[^"]*">(.*)</article>', page_html, re.S)
    outline = Outline()
    outline.feed(article.group(1) if article else page_html)
    return outline
