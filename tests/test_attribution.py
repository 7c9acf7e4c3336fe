"""Attribution: every item page and printed worksheet credits the makers of each source it uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.handbook import KIND_INFO, Handbook, load_handbook
from macros.model import Source
from macros.present import attribution
from macros.settings import load_settings

from .conftest import ROOT, fixture_data
from .site_html import page_file, visible_text

HANDBOOK: Handbook = load_handbook(fixture_data("every-kind"))
LICENCE = load_settings(ROOT).licence.name
CITING_ENTRIES = [entry for kind in KIND_INFO if kind != "sources" for entry in HANDBOOK.entries(kind)]


@pytest.mark.parametrize("entry", CITING_ENTRIES, ids=lambda entry: entry.path)
def test_item_page_credits_each_source(every_kind_site: Path, entry) -> None:
    text = visible_text(page_file(every_kind_site, entry.path))
    bronnen = text.rsplit("Bronnen", 1)[1]
    for source in HANDBOOK.refs("sources", entry.item.sources):
        assert source.title in bronnen
        assert attribution(source.item) in bronnen
    assert "rechten op het oorspronkelijke werk blijven bij de makers" in bronnen
    assert LICENCE in bronnen


def test_printed_sheet_carries_the_credit_line(every_kind_site: Path) -> None:
    for entry in HANDBOOK.entries("worksheets"):
        page = page_file(every_kind_site, entry.path).read_text(encoding="utf-8")
        credit = page.split('class="hb-sheet__credit"', 1)[1].split(">", 1)[1].split("</p>", 1)[0]
        for source in HANDBOOK.refs("sources", entry.item.sources):
            assert source.title in credit
        assert LICENCE in credit


def test_attribution_names_makers_once_and_the_licence() -> None:
    source = Source(title="Werk", type="rapport", authors=("NJi", "A. Auteur"), publisher="NJi", year=2020, licence="CC BY 4.0")
    assert attribution(source) == "NJi, A. Auteur; 2020; licentie: CC BY 4.0"
