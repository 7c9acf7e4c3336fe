"""A built handbook (the every-kind fixture): a page per item, links both ways, sources, search, no third parties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.handbook import KIND_INFO, Handbook, load_handbook
from macros.pages import listed_paths, section_entries
from macros.render import page_url

from .conftest import fixture_data
from .site_html import is_external, navigation_links, page_file, page_links, parse, resolve, visible_text

HANDBOOK: Handbook = load_handbook(fixture_data("every-kind"))
ALL_ENTRIES = [entry for kind in KIND_INFO for entry in HANDBOOK.entries(kind)]


@pytest.mark.parametrize("entry", ALL_ENTRIES, ids=lambda entry: entry.path)
def test_every_item_has_a_page_with_its_title_and_sources(every_kind_site: Path, entry) -> None:
    page = page_file(every_kind_site, entry.path)
    assert page.exists(), f"geen pagina voor {entry.path}"
    parsed = parse(page)
    assert parsed.h1 and parsed.h1[0].strip().rstrip("¶") == entry.title
    if entry.kind != "sources":
        text = visible_text(page)
        assert "Bronnen" in text
        for source in HANDBOOK.refs("sources", entry.item.sources):
            assert source.title in text


def test_every_item_is_in_the_navigation_of_its_overview_page(every_kind_site: Path) -> None:
    """The sidebar shows the open section only (navigation.prune): on its overview page, a section
    lists its items, unless it is too long for the navigation; the overview's text links every item."""
    in_nav = listed_paths(section_entries(HANDBOOK))
    missing = []
    for entry in ALL_ENTRIES:
        overview = page_file(every_kind_site, KIND_INFO[entry.kind].section)
        address = "/" + page_url(entry.path)
        listed = address in navigation_links(every_kind_site, overview)
        if address not in page_links(every_kind_site, overview) or listed != (entry.path in in_nav):
            missing.append(entry.path)
    assert in_nav
    assert not missing


def test_search_index_is_dutch_and_covers_every_item(every_kind_site: Path) -> None:
    index = json.loads((every_kind_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    locations = {doc["location"] for doc in index["docs"]}
    missing = [e.path for e in ALL_ENTRIES if e.path.removesuffix(".md") + "/" not in locations]
    assert not missing


def test_competence_pages_show_every_behaviour_indicator(every_kind_site: Path) -> None:
    for entry in HANDBOOK.entries("competences"):
        text = visible_text(page_file(every_kind_site, entry.path))
        for element in entry.item.elements:
            assert element.name in text
            for indicator in element.indicators:
                assert " ".join(indicator.split()) in text, indicator


@pytest.mark.parametrize(("kind", "other"), [
    ("methods", "cases"), ("cases", "methods"), ("methods", "disciplines"), ("disciplines", "methods"),
    ("methods", "competences"), ("competences", "methods"), ("methods", "roles"), ("roles", "methods"),
    ("disciplines", "cases"), ("cases", "disciplines"),
])
def test_links_run_both_ways(every_kind_site: Path, kind: str, other: str) -> None:
    checked = 0
    for entry in HANDBOOK.entries(kind):
        hrefs = parse(page_file(every_kind_site, entry.path)).links
        for linked in HANDBOOK.linked(kind, entry.id, other):
            target = "../../" + linked.path.removesuffix(".md") + "/"
            assert target in hrefs, f"{entry.path} mist een link naar {linked.path}"
            checked += 1
    assert checked > 0, f"geen enkele link van {kind} naar {other} in de gegevens"


@pytest.fixture(params=["built_site", "every-kind", "minimal", "empty-kinds"])
def handbook_site(request: pytest.FixtureRequest) -> Path:
    """The project's own handbook (whatever content it has) and each fixture handbook."""
    if request.param == "built_site":
        return request.getfixturevalue("built_site")
    return request.getfixturevalue("fixture_site")(request.param)


def test_every_internal_link_and_anchor_resolves(handbook_site: Path) -> None:
    broken = []
    pages = sorted(handbook_site.rglob("*.html"))
    ids = {page: parse(page).ids for page in pages}
    for page in pages:
        for href in parse(page).links:
            if is_external(href) or href.startswith(("mailto:", "tel:")):
                continue
            target, anchor = resolve(handbook_site, page, href)
            if not target.exists() or (anchor and target in ids and anchor not in ids[target]):
                broken.append(f"{page.relative_to(handbook_site)} → {href}")
    assert not broken, broken[:20]


def test_no_page_loads_anything_from_a_third_party(handbook_site: Path) -> None:
    external = [
        f"{page.relative_to(handbook_site)}: {url}"
        for page in handbook_site.rglob("*.html")
        for url in parse(page).resources
        if is_external(url)
    ]
    assert not external, external[:20]


def test_source_page_lists_items_that_use_it(every_kind_site: Path) -> None:
    for entry in HANDBOOK.entries("sources"):
        citing = HANDBOOK.citing(entry.id)
        if not citing:
            continue
        text = visible_text(page_file(every_kind_site, entry.path))
        assert "Gebruikt in dit handboek" in text
        for entries in citing.values():
            for item in entries:
                assert item.title in text


@pytest.mark.parametrize("kind", ["roles", "terms"])
def test_overview_lists_each_item_as_its_own_entry(every_kind_site: Path, kind: str) -> None:
    page = page_file(every_kind_site, KIND_INFO[kind].section).read_text(encoding="utf-8")
    entries = [entry for entry in HANDBOOK.entries(kind)]
    items = page.split('<article', 1)[1].count("<li><strong><a href=")
    assert items == len(entries)
