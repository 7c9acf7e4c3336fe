"""Print every worksheet of a built site to PDF with headless Chromium, plus one werkmap per method.

The PDF is the browser's own print of the worksheet page, so it uses the same print CSS."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject

from .handbook import Entry, Handbook
from .render import page_url

# Debian's Chromium; elsewhere (such as Google Chrome on a GitHub runner) set CHROMIUM to the browser's path.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


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


def worksheet_pdf_path(site: Path, worksheet_id: str) -> Path:
    return site / "werkbladen" / f"{worksheet_id}.pdf"


def werkmap_pdf_path(site: Path, method_id: str) -> Path:
    return site / "werkmappen" / f"{method_id}.pdf"


def print_page(page: Page, url: str, target: Path) -> None:
    """What the browser prints: print media, collapsed details opened as on `beforeprint`."""
    page.goto(url)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    target.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(target), format="A4", prefer_css_page_size=True, tagged=True, outline=True)


def write_werkmap(method: Entry, sheets: list[Entry], site: Path) -> Path:
    """All worksheets of one method in one PDF, each sheet a bookmark."""
    writer = PdfWriter()
    for sheet in sheets:
        writer.append(str(worksheet_pdf_path(site, sheet.id)), outline_item=sheet.title)
    writer.add_metadata({"/Title": f"Werkmap {method.title}"})
    writer.root_object[NameObject("/Lang")] = TextStringObject("nl")
    target = werkmap_pdf_path(site, method.id)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as output:
        writer.write(output)
    return target


def built_page_url(site: Path, docs_path: str) -> str:
    """A page's address in this built site; the offline build (OFFLINE=true) has no directory URLs."""
    flat = page_url(docs_path, directory_urls=False)
    return flat if (site / flat).is_file() else page_url(docs_path)


def render_pdfs(handbook: Handbook, site: Path, chromium: str = CHROMIUM) -> list[Path]:
    """Write werkbladen/<id>.pdf for every worksheet and werkmappen/<method>.pdf per method."""
    written: list[Path] = []
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for sheet in handbook.entries("worksheets"):
            target = worksheet_pdf_path(site, sheet.id)
            print_page(page, base_url + built_page_url(site, sheet.path), target)
            written.append(target)
        browser.close()
    for method in handbook.entries("methods"):
        sheets = handbook.linked("methods", method.id, "worksheets")
        if sheets:
            written.append(write_werkmap(method, sheets, site))
    return written
