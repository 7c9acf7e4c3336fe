"""Dutch search in Chromium: a reader types a term of the field and finds the item's own page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect


def search(page: Page, site_url: str, query: str) -> list[str]:
    page.goto(site_url)
    page.get_by_role("textbox", name="Zoeken").first.click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible()
    return [href.split("#")[0].split("?")[0] for href in results.evaluate_all("links => links.map(a => a.href)")]


@pytest.mark.parametrize(("query", "expected"), [
    ("stuurgroep", "rollen/stuurgroep/"),
    ("toekomstdialoog", "werkwijzen/toekomstdialoog/"),
    ("batenlogica", "begrippen/batenlogica/"),
    ("kletspot", "werkwijzen/kletspot/"),
    ("vernieuwingsgericht", "competenties/vernieuwingsgericht-handelen/"),
    ("Pudasjärvi", "casussen/pudasjarvi/"),
])
def test_search_finds_the_items_own_page_among_the_first_results(page: Page, site_url: str, query: str, expected: str) -> None:
    found = search(page, site_url, query)
    assert site_url + expected in found[:5], found[:5]


def test_search_reports_no_results_in_dutch(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_role("textbox", name="Zoeken").first.click()
    page.keyboard.type("xqzxqz")
    expect(page.locator(".md-search-result__meta")).to_contain_text("Geen")
