"""The ways on: the home page links every part of the handbook, also on a desktop where the navigation is
hidden; an address that does not exist gets a Dutch page with a way home and to search."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from mkdocs.config import load_config
from playwright.sync_api import Browser, Page

from macros.render import page_url

from ..conftest import ROOT

DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    yield context.new_page()
    context.close()


def section_pages(entry: Any) -> tuple[str, list[str]]:
    """A top-level nav entry of mkdocs.yml: its title and the pages a reader must be able to reach."""
    ((title, target),) = entry.items()
    if isinstance(target, str):
        return title, [target]
    return title, [next(iter(child.values())) if isinstance(child, dict) else child for child in target]


def test_home_page_links_every_section_of_the_navigation(site_url: str, desktop: Page) -> None:
    nav = load_config(str(ROOT / "mkdocs.yml")).nav
    desktop.goto(site_url)
    visible_links = desktop.evaluate(
        "[...document.querySelectorAll('article a[href]')].filter(a => a.checkVisibility()).map(a => a.href)"
    )
    missing = {}
    for entry in nav[1:]:
        title, pages = section_pages(entry)
        unlinked = [page for page in pages if site_url + page_url(page) not in visible_links]
        if unlinked:
            missing[title] = unlinked
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
