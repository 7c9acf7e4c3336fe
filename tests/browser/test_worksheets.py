"""Every worksheet, printed by Chromium: within its page limit, with title, blocks and footer, no screen chrome."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from macros.handbook import Entry
from macros.settings import load_settings
from macros.sheets import rating_groups

from ..conftest import ROOT
from ..test_site import HANDBOOK

SHEETS = HANDBOOK.entries("worksheets")
SETTINGS = load_settings(ROOT)
HANDBOOK_NAME = SETTINGS.title
SITE_URL = SETTINGS.site_url
SCREEN_ONLY = ("Afdrukken", "PDF downloaden", "Over dit werkblad", "Zoeken", "Inhoudsopgave")


def words(text: str) -> str:
    """Text as a reader compares it: each run of whitespace, a line break included, as one space, and
    without hyphens, which pdftotext drops where a line breaks after one. Spaces stay, so a lost one shows."""
    return " ".join(text.replace("-\n", "-").split()).replace("-", "")


def pdf_text(path: Path) -> str:
    """The text a reader of the PDF sees, margin boxes included (poppler's pdftotext)."""
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def block_texts(sheet: Entry) -> list[str]:
    texts = []
    for block in sheet.item.blocks:
        texts.append(getattr(block, "prompt", None) or block.title)
        if block.type == "beoordeling":
            texts += [item for group in rating_groups(block, HANDBOOK) for item in group.items]
    return texts


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda sheet: sheet.id)
def test_printed_worksheet_fits_its_page_limit_and_shows_everything(every_kind_site: Path, sheet: Entry) -> None:
    pdf = every_kind_site / "werkbladen" / f"{sheet.id}.pdf"
    pages = len(PdfReader(pdf).pages)
    assert 1 <= pages <= sheet.item.page_limit
    text = words(pdf_text(pdf))
    assert text.startswith(words(sheet.title)), "de tags of iets anders van het scherm staan boven de titel"
    for expected in block_texts(sheet):
        assert words(expected) in text, expected
    for chrome in SCREEN_ONLY:
        assert chrome not in text
    for number in range(1, pages + 1):
        assert f"{number}/{pages}" in text.replace(" ", "")


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda sheet: sheet.id)
def test_printed_footer_names_handbook_and_sheet_and_the_sources_stand_once_in_the_body(every_kind_site: Path, sheet: Entry) -> None:
    text = words(pdf_text(every_kind_site / "werkbladen" / f"{sheet.id}.pdf"))
    assert words(f"{HANDBOOK_NAME} · {sheet.title}") in text
    assert text.count("Bron:") == 1, "de bron staat één keer op het blad, niet in elke voettekst"
    for source in HANDBOOK.refs("sources", sheet.item.sources):
        assert words(source.title) in text
    path = words(f"werkbladen/{sheet.id}/")
    if SITE_URL:
        assert words(SITE_URL.rstrip("/")) + "/" + path in text.replace(" ", "")
    else:
        assert path not in text, "een pad zonder webadres van de site brengt een lezer nergens"


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda sheet: sheet.id)
def test_worksheet_pdf_is_tagged_titled_and_dutch(every_kind_site: Path, sheet: Entry) -> None:
    reader = PdfReader(every_kind_site / "werkbladen" / f"{sheet.id}.pdf")
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root.get("/Lang") == "nl"
    assert sheet.title in (reader.metadata.title or "")


def test_every_method_with_worksheets_has_a_werkmap_with_all_their_pages(every_kind_site: Path) -> None:
    checked = 0
    for method in HANDBOOK.entries("methods"):
        sheets = HANDBOOK.linked("methods", method.id, "worksheets")
        if not sheets:
            continue
        werkmap = PdfReader(every_kind_site / "werkmappen" / f"{method.id}.pdf")
        assert "/StructTreeRoot" in werkmap.trailer["/Root"], "in één keer afgedrukt, dus getagd"
        expected = sum(len(PdfReader(every_kind_site / "werkbladen" / f"{s.id}.pdf").pages) for s in sheets)
        assert len(werkmap.pages) == expected
        # Chromium's bookmarks drop the space where a long title wraps; the words are all there.
        bookmarks = [item.title.replace(" ", "") for item in werkmap.outline if hasattr(item, "title")]
        assert bookmarks == [s.title.replace(" ", "") for s in sheets]
        checked += 1
    assert checked > 0


def test_print_button_opens_the_print_dialog_and_pdf_link_works(page: Page, every_kind_url: str) -> None:
    sheet = SHEETS[0]
    page.goto(every_kind_url + f"werkbladen/{sheet.id}/")
    page.evaluate("window.print = () => { window.printed = true }")
    page.get_by_role("button", name="Afdrukken").click()
    assert page.evaluate("window.printed") is True
    response = page.request.get(page.get_by_role("link", name="PDF downloaden").evaluate("a => a.href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"


def test_worksheet_page_lists_on_its_method_and_in_the_index(page: Page, every_kind_url: str) -> None:
    sheet = next(s for s in SHEETS if s.item.method or s.item.competence)
    owner = HANDBOOK.refs("methods", sheet.item.method) or HANDBOOK.refs("competences", sheet.item.competence)
    for path in (owner[0].path, "werkbladen/index.md"):
        page.goto(every_kind_url + path.removesuffix(".md").removesuffix("index") + ("/" if not path.endswith("index.md") else ""))
        expect(page.locator("article").get_by_role("link", name=sheet.title).first).to_be_visible()
