"""`python -m macros export <map>`: the whole handbook as plain Markdown, for another engine.

MkDocs itself reads the configuration and runs the hooks and the macros, so the exported
pages are exactly what a build renders: hand-written pages with their macros expanded and
every generated item page. Links stay relative; links in raw HTML, which the site resolves
from the page's address, are rewritten to point from the page's file."""

from __future__ import annotations

import logging
import posixpath
import re
import shutil
from pathlib import Path

from . import engine  # first: with ProperDocs, it makes the `mkdocs` imports below work

from mkdocs.commands.build import get_navigation
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page

from .render import page_url, relative_link

HTML_LINK = re.compile(r'(?P<attribute>\b(?:href|src))="(?P<target>[^"]*)"')
NOT_RELATIVE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)


class ExportFailed(Exception):
    """The configuration, the settings or the data stopped the export; the message says why."""


def export(config_file: Path, target: Path) -> list[Path]:
    """Write every page as Markdown and every other file of the site as it is; return the pages."""
    for logger in {"mkdocs", engine.NAME}:
        logging.getLogger(logger).setLevel(logging.ERROR)  # a strict build reports warnings; the export only writes
    try:
        config = load_config(str(config_file))
        config = config.plugins.on_config(config)
    except MkDocsException as error:
        raise ExportFailed(str(error)) from None
    config.plugins.on_pre_build(config=config)
    files = config.plugins.on_files(get_files(config), config=config)
    nav = get_navigation(files, config)
    config.plugins.on_nav(nav, config=config, files=files)
    pages = [file.src_uri for file in files.documentation_pages()]
    written = [_write_page(file, config, files, target, pages) for file in files.documentation_pages()]
    for file in files:
        if not file.is_documentation_page() and file.inclusion.is_included():
            _copy(file, target)
    return written


def _write_page(file: File, config: MkDocsConfig, files: Files, target: Path, pages: list[str]) -> Path:
    page = file.page or Page(None, file, config)
    page.read_source(config)
    markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
    path = target / file.src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html_links_from_file(markdown, file.src_uri, pages), encoding="utf-8")
    return path


def _copy(file: File, target: Path) -> None:
    path = target / file.src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    if file.abs_src_path:
        shutil.copyfile(file.abs_src_path, path)
    else:
        path.write_bytes(file.content_bytes)


def html_links_from_file(markdown: str, page: str, pages: list[str]) -> str:
    """Rewrite relative links in raw HTML from the page's address on the site to the page's file."""

    def rewrite(match: re.Match[str]) -> str:
        link = match["target"]
        if not link or NOT_RELATIVE.match(link):
            return match[0]
        path, suffix = re.match(r"([^?#]*)(.*)", link).groups()
        on_site = posixpath.normpath(posixpath.join(page_url(page) or ".", path))
        if path.endswith("/") or path in ("", ".") or posixpath.basename(path) == "index.html":
            on_site = _page_at(on_site.removesuffix("index.html").rstrip("/") or ".", pages)
        return f'{match["attribute"]}="{relative_link(page, on_site)}{suffix}"'

    return HTML_LINK.sub(rewrite, markdown)


def _page_at(address: str, pages: list[str]) -> str:
    """The Markdown file of a page address: `a/b` → `a/b.md` or `a/b/index.md`."""
    address = "" if address == "." else address
    candidates = [f"{address}.md", posixpath.join(address, "index.md")]
    return next((candidate for candidate in candidates if candidate in pages), candidates[-1])
