"""Print every document of a built site to PDF with headless Chromium: each worksheet, a werkmap per
method, a packet per session plan, a card per method and the whole card deck (macros/printing.py).

Each PDF is the browser's own print of one page, in one pass, so it keeps the tags (structure tree,
language, bookmarks) and uses the same print CSS as printing from the browser."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from pypdf import PdfReader

from .handbook import Handbook
from .printing import PrintDocument, print_documents
from .render import page_url

# Debian's Chromium; elsewhere (such as Google Chrome on a GitHub runner) set CHROMIUM to the browser's path.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# How much less than its declared pages a sheet's writing space may fill, tried in turn until the sheet
# fits them (a block that may not be split leaves a gap at a page break). The last: no filling at all.
FILL_SLACK_MM = (0, 10, 25, 50, 100000)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class PageLimitExceeded(Exception):
    """A worksheet prints on more pages than its page_limit."""

    def __init__(self, sheet_id: str, pages: int, limit: int) -> None:
        super().__init__(sheet_id, pages, limit)
        self.sheet_id, self.pages, self.limit = sheet_id, pages, limit


class MissingPage(Exception):
    """The built site lacks the page a document is printed from: it was built from other data."""


@dataclass(frozen=True)
class Written:
    document: PrintDocument
    path: Path
    pages: int


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a built site on a free localhost port for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def built_page_url(site: Path, docs_path: str) -> str:
    """A page's address in this built site; the offline build (OFFLINE=true) has no directory URLs."""
    flat = page_url(docs_path, directory_urls=False)
    if (site / flat).is_file():
        return flat
    directory = page_url(docs_path)
    if not (site / directory / "index.html").is_file() and not (site / directory).is_file():
        raise MissingPage(docs_path)
    return directory


def open_for_print(page: Page, url: str) -> None:
    """What the browser prints: print media, collapsed details opened as on `beforeprint`."""
    page.goto(url)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")


def set_slack(page: Page, slack: dict[str, int], whole_page: int | None = None) -> None:
    """Give each sheet on the page (by id) the slack it needed on its own; ``whole_page`` for a sheet's own page."""
    page.evaluate(
        """([slack, whole]) => {
          if (whole !== null) document.documentElement.style.setProperty('--hb-fill-slack', whole + 'mm');
          document.querySelectorAll('[data-sheet]').forEach((part) => {
            const mm = slack[part.dataset.sheet];
            if (mm !== undefined) part.style.setProperty('--hb-fill-slack', mm + 'mm');
          });
        }""",
        [slack, whole_page],
    )


def print_pdf(page: Page, target: Path) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(target), format="A4", prefer_css_page_size=True, tagged=True, outline=True)
    return len(PdfReader(target).pages)


def print_worksheet(page: Page, url: str, document: PrintDocument, target: Path) -> tuple[int, int]:
    """Print a sheet filling its declared pages, with as little slack as keeps it within them."""
    open_for_print(page, url)
    limit = document.page_limit or 1
    for slack in FILL_SLACK_MM:
        set_slack(page, {}, slack)
        pages = print_pdf(page, target)
        if pages <= limit:
            return pages, slack
    raise PageLimitExceeded(Path(document.pdf).stem, pages, limit)


def render_pdfs(handbook: Handbook, site: Path, chromium: str = CHROMIUM) -> list[Written]:
    """Write every document of print_documents into the built site; worksheets first, whose slack the
    documents that hold them reuse."""
    documents = print_documents(handbook)
    urls = {document.page: built_page_url(site, document.page) for document in documents}
    written: list[Written] = []
    slack: dict[str, int] = {}
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for document in documents:
            target = site / document.pdf
            if document.kind == "werkblad":
                pages, slack[Path(document.pdf).stem] = print_worksheet(page, base_url + urls[document.page], document, target)
            else:
                open_for_print(page, base_url + urls[document.page])
                set_slack(page, slack)
                pages = print_pdf(page, target)
            written.append(Written(document, target, pages))
        browser.close()
    return written
