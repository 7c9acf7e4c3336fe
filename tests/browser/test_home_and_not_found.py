"""The ways on: the home page links every part of the handbook, also on a desktop where the navigation is
hidden; an address that does not exist gets a Dutch page with a way home and to search."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page


DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    yield context.new_page()
    context.close()


# Each top-level entry of the menu as a reader finds it on a page: its title and the pages it leads to
# (a section its overview, a group without one its pages; with navigation.prune, a closed group shows its first).
TOP_LEVEL_ENTRIES = """
[...document.querySelectorAll('.md-nav--primary > .md-nav__list > .md-nav__item')].map(item => [
  item.querySelector('.md-nav__link').innerText.trim(),
  [...item.querySelectorAll(':scope > a.md-nav__link, :scope > .md-nav__container > a.md-nav__link')].map(a => a.href),
])
"""


def test_home_page_links_every_section_of_the_navigation(site_url: str, desktop: Page) -> None:
    desktop.goto(site_url + "open-data/")
    entries = [(title, links) for title, links in desktop.evaluate(TOP_LEVEL_ENTRIES) if links]
    assert len(entries) >= 5, entries
    desktop.goto(site_url)
    visible_links = desktop.evaluate(
        "[...document.querySelectorAll('article a[href]')].filter(a => a.checkVisibility()).map(a => a.href)"
    )
    missing = {title: links for title, links in entries if links != [site_url] and not set(links) & set(visible_links)}
    assert missing == {}, f"geen zichtbare link op de startpagina naar: {missing}"


def test_not_found_page_is_dutch_and_leads_home(site_url: str, desktop: Page) -> None:
    desktop.goto(site_url + "404.html")
    heading = desktop.locator("article h1")
    assert heading.inner_text() == "Pagina niet gevonden"
    assert "not found" not in desktop.locator("article").inner_text().lower()
    desktop.get_by_role("link", name="Naar de startpagina").click()
    desktop.wait_for_url(site_url)


def test_not_found_page_searches_the_handbook(site_url: str, desktop: Page) -> None:
    desktop.goto(site_url + "404.html")
    desktop.get_by_label("Zoek in het handboek").fill("werkblad")
    desktop.locator("article").get_by_role("button", name="Zoeken").click()
    query = desktop.locator("input[data-md-component='search-query']")
    desktop.wait_for_function("() => document.querySelector(\"input[data-md-component='search-query']\").value === 'werkblad'")
    assert query.is_visible()
    desktop.locator(".md-search-result__item").first.wait_for()
