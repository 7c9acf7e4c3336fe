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
# How much less than its page a one-page sheet's writing space may fill, tried in turn until the sheet
# fits it. The last: no filling at all.
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


MM = 72 / 25.4  # PDF points per millimetre
FOOTER_ZONE = 18 * MM  # the bottom page margin of worksheet.css, where the footer is
CREDIT_LINE_MM = 6  # what the line after the last block needs below its baseline, and a little air


@dataclass(frozen=True)
class Fill:
    """How a sheet fills its pages: the slack of a one-page sheet's column, the millimetres added to the
    last writing block of a longer sheet."""

    slack_mm: int = 0
    extra_mm: int = 0


# In the browser: give every sheet on the page (a sheet's own page, or each part of a packet or werkmap)
# its fill. A sheet's own page has no data-sheet; `own` is then its fill.
APPLY_FILL = """([fills, own]) => {
  const parts = [...document.querySelectorAll('[data-sheet]')];
  const targets = parts.length ? parts.map((part) => [part, fills[part.dataset.sheet]]) : [[document.documentElement, own]];
  for (const [root, fill] of targets) {
    if (!fill) continue;
    root.style.setProperty('--hb-fill-slack', fill.slack_mm + 'mm');
    const blocks = root.querySelectorAll('.hb-sheet:not([data-page-limit="1"]) .hb-block--grow');
    const space = blocks.length && blocks[blocks.length - 1].querySelector('.hb-box, .hb-lines');
    if (!space || !fill.extra_mm) continue;
    space.style.height = `calc(${space.getBoundingClientRect().height}px + ${fill.extra_mm}mm)`;
    space.style.overflow = 'hidden';
    space.querySelectorAll('.hb-line--extra').forEach((line) => { line.style.display = 'block'; });
  }
}"""


def apply_fill(page: Page, fills: dict[str, Fill], own: Fill | None = None) -> None:
    as_json = {sheet: vars(fill) for sheet, fill in fills.items()}
    page.evaluate(APPLY_FILL, [as_json, vars(own) if own else None])


def print_pdf(page: Page, target: Path) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(target), format="A4", prefer_css_page_size=True, tagged=True, outline=True)
    return len(PdfReader(target).pages)


def room_on_last_page_mm(target: Path) -> int:
    """How far the lowest text above the footer of the last page stands above the footer."""
    lowest = [float("inf")]

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        height = tm[5] * cm[3] + cm[5]
        if text.strip() and height > FOOTER_ZONE:
            lowest[0] = min(lowest[0], height)

    PdfReader(target).pages[-1].extract_text(visitor_text=visit)
    return int((lowest[0] - FOOTER_ZONE) / MM) if lowest[0] != float("inf") else 0


def print_worksheet(page: Page, url: str, document: PrintDocument, target: Path) -> tuple[int, Fill]:
    """Print a sheet filling its declared pages, with as little slack as keeps it within them."""
    limit = document.page_limit or 1
    for slack in FILL_SLACK_MM:
        open_for_print(page, url)
        apply_fill(page, {}, Fill(slack_mm=slack))
        pages = print_pdf(page, target)
        if pages <= limit:
            break
    else:
        raise PageLimitExceeded(Path(document.pdf).stem, pages, limit)
    if limit == 1:
        return pages, Fill(slack_mm=slack)
    return grow_last_block(page, url, target, limit, pages)


def grow_last_block(page: Page, url: str, target: Path, limit: int, pages: int) -> tuple[int, Fill]:
    """A longer sheet: its last writing block takes the room left on the last page, or as much of it as
    keeps the sheet within its pages."""
    extra = room_on_last_page_mm(target) - CREDIT_LINE_MM
    while extra > 5:
        open_for_print(page, url)
        apply_fill(page, {}, Fill(extra_mm=extra))
        grown = print_pdf(page, target)
        if grown <= limit:
            return grown, Fill(extra_mm=extra)
        extra //= 2
    open_for_print(page, url)
    return print_pdf(page, target), Fill()


def render_pdfs(handbook: Handbook, site: Path, chromium: str = CHROMIUM) -> list[Written]:
    """Write every document of print_documents into the built site; worksheets first, whose fill the
    documents that hold them reuse."""
    documents = print_documents(handbook)
    urls = {document.page: built_page_url(site, document.page) for document in documents}
    written: list[Written] = []
    fills: dict[str, Fill] = {}
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for document in documents:
            target, url = site / document.pdf, base_url + urls[document.page]
            if document.kind == "werkblad":
                pages, fills[Path(document.pdf).stem] = print_worksheet(page, url, document, target)
            else:
                open_for_print(page, url)
                apply_fill(page, fills)
                pages = print_pdf(page, target)
            written.append(Written(document, target, pages))
        browser.close()
    return written
