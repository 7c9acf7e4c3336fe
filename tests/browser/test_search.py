"""Dutch search in Chromium: a reader types a term of the field, as they would write it, and finds the item's own page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.pdf import serve

from ..conftest import build, copy_project

# A small handbook of its own: titles with brackets and slashes, accents, a synonym of the item and one
# of the synonym list, and a page that mentions another item's name more often than that item's page.
OWN_DATA = {
    "sources/bron.yaml": "title: Een bron\ntype: essay\n",
    "sources/curriculum-tutoren.yaml": (
        "title: Een curriculum voor tutoren en hun tutorgroepen\ntype: essay\n"
        "summary: Hoe tutoren leren, wat een tutor doet en hoe tutoren elkaar als tutor steunen.\n"
    ),
    "roles/tutor.yaml": "name: Tutor\nsummary: Begeleidt een groep die leert.\nsources: [curriculum-tutoren]\n",
    "methods/stille-start.yaml": (
        "title: Stille start (silent start)\nsummary: Iedereen denkt eerst alleen na.\n"
        "purpose: Deelnemers schrijven eerst in stilte hun gedachten op.\nsynonyms: [stiltemoment]\nsources: [bron]\n"
    ),
    "methods/kringgesprek.yaml": (
        "title: Kringgesprek\nsummary: Een gesprek in een kring, na een stille start.\n"
        "purpose: Open met een stille start. Na de stille start deelt ieder wat de stille start opleverde;"
        " de stille start (silent start) helpt ook wie weinig zegt.\nsources: [bron]\n"
    ),
    "methods/plan-do-check.yaml": (
        "title: Werken met plan/do/check\nsummary: Een cyclus van plannen en toetsen.\n"
        "purpose: Plan, doe en toets in korte rondes.\nsources: [bron]\n"
    ),
    "methods/opwarmronde.yaml": (
        "title: Opwarmronde\nsummary: Een korte ronde om op gang te komen.\n"
        "purpose: Ieder noemt kort iets wat goed ging.\nsources: [bron]\n"
    ),
    "methods/buurtreunie.yaml": (
        "title: Buurtreunie\nsummary: Oud-bewoners komen terug.\npurpose: Een reunie van de straat.\nsources: [bron]\n"
    ),
    "terms/clientenraad.yaml": "term: Cliëntenraad\ndefinition: Een raad van cliënten met een coördinator.\nsources: [bron]\n",
    "worksheets/stille-start-werkblad.yaml": (
        "title: 'Stille start: werkblad'\npurpose: Schrijf in stilte op wat je denkt.\nmoment: tijdens-de-sessie\n"
        "method: stille-start\nblocks:\n  - {type: notities, title: Mijn gedachten}\nsources: [bron]\n"
    ),
    "zoekwoorden.yaml": "woorden:\n  ijsbreker: [opwarmronde]\n",
}
CONTROL_LABELS = ("Afdrukken", "PDF downloaden", "Bewaren", "Naam", "Datum")
# The worker builds the index before the first results show; on a busy machine that takes seconds.
INDEX_READY = 30_000


@pytest.fixture(scope="module")
def own_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("zoeken") / "project")
    shutil.rmtree(project / "data")
    for relative, text in OWN_DATA.items():
        path = project / "data" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    with serve(result.site) as url:
        yield url


def type_query(page: Page, site_url: str, query: str) -> None:
    page.goto(site_url)
    page.get_by_role("textbox", name="Zoeken").first.click()
    page.keyboard.type(query)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=INDEX_READY)


def search(page: Page, site_url: str, query: str) -> list[str]:
    """The pages the search dialog lists for the query, in order, relative to the site."""
    type_query(page, site_url, query)
    links = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    pages = [href.removeprefix(site_url).split("#")[0].split("?")[0] for href in links]
    return list(dict.fromkeys(pages))


@pytest.mark.parametrize(("query", "expected"), [
    ("clientenraad", "begrippen/clientenraad/"),
    ("coordinator", "begrippen/clientenraad/"),
    ("Cliëntenraad", "begrippen/clientenraad/"),
    ("reünie", "werkwijzen/buurtreunie/"),  # no page writes it with its accent
])
def test_a_query_with_or_without_accents_finds_the_accented_page(page: Page, own_site_url: str, query: str, expected: str) -> None:
    assert search(page, own_site_url, query)[0] == expected


def test_a_query_goes_to_the_worker_also_without_its_accents(page: Page, own_site_url: str) -> None:
    page.goto(own_site_url)
    assert page.evaluate("hbSearch.foldedQuery('Cliënt coördinator')") == "Cliënt coördinator Client coordinator"
    assert page.evaluate("hbSearch.foldedQuery('stille start')") == "stille start"


@pytest.mark.parametrize(("query", "expected"), [
    ("silent", "werkwijzen/stille-start/"),
    ("plan/do/check", "werkwijzen/plan-do-check/"),
    ("check", "werkwijzen/plan-do-check/"),
    ("do check", "werkwijzen/plan-do-check/"),
])
def test_words_in_brackets_and_between_slashes_are_found_alone_and_whole(page: Page, own_site_url: str, query: str, expected: str) -> None:
    assert search(page, own_site_url, query)[0] == expected


def test_the_items_page_ranks_first_for_its_title_over_pages_that_mention_it_more(page: Page, own_site_url: str) -> None:
    found = search(page, own_site_url, "stille start")
    assert found[0] == "werkwijzen/stille-start/", found
    assert "werkwijzen/kringgesprek/" in found, found
    found = search(page, own_site_url, "tutor")
    assert found[0] == "rollen/tutor/", found
    assert "bronnen/curriculum-tutoren/" in found, found


@pytest.mark.parametrize(("query", "expected"), [
    ("ijsbreker", "werkwijzen/opwarmronde/"),      # data/zoekwoorden.yaml
    ("stiltemoment", "werkwijzen/stille-start/"),  # the item's own synonyms
    ("kringgesprekken", "werkwijzen/kringgesprek/"),  # plural of a title
])
def test_the_readers_own_word_finds_the_item(page: Page, own_site_url: str, query: str, expected: str) -> None:
    assert search(page, own_site_url, query)[0] == expected


def test_no_result_snippet_shows_a_button_or_form_label(page: Page, own_site_url: str) -> None:
    type_query(page, own_site_url, "stille start")
    page.locator(".md-search-result__more summary").evaluate_all("all => all.forEach(s => s.click())")
    snippets = page.locator(".md-search-result__item").all_inner_texts()
    assert any("werkblad" in snippet.lower() for snippet in snippets), snippets
    shown = [label for label in CONTROL_LABELS for snippet in snippets if label in snippet]
    assert not shown, snippets


def test_search_reports_no_results_in_dutch(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_role("textbox", name="Zoeken").first.click()
    page.keyboard.type("xqzxqz")
    expect(page.locator(".md-search-result__meta")).to_contain_text("Geen", timeout=INDEX_READY)


# How a reader opens search: on a laptop by clicking the field or with Material's key, on a phone with
# the magnifier in the header.
OPEN_SEARCH = {
    "klik": ((1366, 768), lambda page: page.get_by_role("textbox", name="Zoeken").first.click()),
    "toets": ((1366, 768), lambda page: page.keyboard.press("/")),
    "telefoon": ((390, 844), lambda page: page.locator("label.md-header__button[for=__search]").click()),
}


@pytest.mark.parametrize("way", list(OPEN_SEARCH))
def test_the_search_index_loads_when_the_reader_opens_search_and_not_before(
    browser: Browser, own_site_url: str, way: str
) -> None:
    """The index holds every text of the site; a page that is only read does not download or parse it."""
    (width, height), open_search = OPEN_SEARCH[way]
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": height})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url) if "search_index" in request.url else None)
    page.goto(own_site_url, wait_until="load")
    page.wait_for_timeout(1500)
    assert requested == [], "de zoekindex werd geladen voordat de lezer zocht"
    open_search(page)
    page.keyboard.type("kringgesprek")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=INDEX_READY)
    assert requested == [own_site_url + "search/search_index.json"]
    context.close()
