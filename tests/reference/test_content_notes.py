"""Readers never see notes on how the source texts were extracted: those are YAML comments for editors."""

from __future__ import annotations

from pathlib import Path

from ..conftest import site_pages
from ..site_html import visible_text

PRODUCTION_NOTES = ("tekstversie", "opmaak van de tabel", "extractie")


def test_no_page_or_search_entry_mentions_the_text_extraction(built_site: Path) -> None:
    texts = {page.relative_to(built_site).as_posix(): visible_text(page) for page in site_pages(built_site)}
    texts["search/search_index.json"] = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    shown = [f"{name}: {note}" for name, text in texts.items() for note in PRODUCTION_NOTES if note in text.lower()]
    assert not shown, shown
