"""A section lists its items in the navigation only while the list stays short; its overview page lists them all."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros import pages
from macros.handbook import KIND_INFO, load_handbook
from macros.pages import listed_paths, section_entries
from macros.render import page_url

from .conftest import build, fixture_data
from .site_html import navigation_links, page_file, page_links

HANDBOOK = load_handbook(fixture_data("every-kind"))


def test_sections_longer_than_the_limit_leave_the_navigation(monkeypatch: pytest.MonkeyPatch) -> None:
    full = section_entries(HANDBOOK)
    sizes = sorted({len(entries) for entries in full.values()})
    assert len(sizes) > 1
    monkeypatch.setattr(pages, "NAV_ITEM_LIMIT", sizes[0])
    kept = section_entries(HANDBOOK)
    assert kept == {section: entries for section, entries in full.items() if len(entries) == sizes[0]}
    assert listed_paths(kept) == {path for entries in kept.values() for entry in entries for path in entry.values()}


def test_a_long_section_builds_strictly_and_its_items_are_reached_from_the_overview(every_kind_project: Path) -> None:
    source = HANDBOOK.entries("sources")[0].id
    for number in range(pages.NAV_ITEM_LIMIT + 1 - len(HANDBOOK.entries("terms"))):
        (every_kind_project / f"data/terms/proefbegrip-{number}.yaml").write_text(
            f"term: Proefbegrip {number}\ndefinition: Een proef.\nsources: [{source}]\n", encoding="utf-8"
        )
    result = build(every_kind_project)
    assert result.returncode == 0, result.output
    overview = page_file(result.site, KIND_INFO["terms"].section)
    added = "/" + page_url(f"{KIND_INFO['terms'].folder}/proefbegrip-0.md")
    assert (result.site / added.strip("/") / "index.html").exists()
    assert added in page_links(result.site, overview)
    assert added not in navigation_links(result.site, overview)
    assert "/" + page_url(KIND_INFO["terms"].section) in navigation_links(result.site, overview)
