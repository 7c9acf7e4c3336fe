"""The finder on a phone and on a laptop: after a filter changes, the reader sees the new count and the
first result without scrolling, the page does not jump, and the count is announced."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Locator, Page

from .test_finder import open_finder, telling_option

SCREENS = {"telefoon": (390, 844), "laptop": (1366, 768)}


@pytest.fixture(params=list(SCREENS), ids=list(SCREENS))
def screen(request: pytest.FixtureRequest, browser: Browser) -> Page:
    width, height = SCREENS[request.param]
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": height})
    page = context.new_page()
    yield page
    context.close()


def in_viewport(locator: Locator) -> bool:
    """Wholly inside the window and not covered by something else at its centre."""
    return locator.evaluate(
        """element => {
          const box = element.getBoundingClientRect();
          if (box.width === 0 || box.top < 0 || box.bottom > window.innerHeight) return false;
          const atCentre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return atCentre !== null && (element === atCentre || element.contains(atCentre) || atCentre.contains(element));
        }"""
    )


def first_result_title(page: Page) -> str:
    return page.eval_on_selector_all(
        "[data-hb-finder-card]",
        "cards => cards.find(card => card.getClientRects().length > 0).querySelector('a').textContent.trim()",
    )


def expect_result_in_view(page: Page) -> None:
    count = page.locator("[data-hb-finder-count]")
    assert page.locator("[role=status] [data-hb-finder-count]").count() == 1, "de telling staat in een role=status"
    assert in_viewport(count), count.inner_text()
    title = first_result_title(page)
    shown = page.locator("[data-hb-finder-first] a")
    assert shown.inner_text().strip() == title
    assert in_viewport(shown)


def test_changing_a_filter_keeps_the_place_and_shows_count_and_first_result(screen: Page, every_kind_url: str, errors: list[str]) -> None:
    open_finder(screen, every_kind_url)
    box = screen.locator(f'input[type=checkbox][name="setting"][value="{telling_option("setting")}"]')
    box.scroll_into_view_if_needed()
    before = screen.evaluate("window.scrollY")
    box.check()
    assert screen.evaluate("window.scrollY") == before, "de pagina verspringt niet"
    assert in_viewport(box), "het gekozen vakje blijft in beeld"
    expect_result_in_view(screen)
    assert errors == []


def test_typing_time_and_group_size_shows_count_and_first_result(screen: Page, every_kind_url: str, errors: list[str]) -> None:
    open_finder(screen, every_kind_url)
    screen.locator("#hb-finder-tijd").fill("120")
    screen.locator("#hb-finder-deelnemers").fill("12")
    assert in_viewport(screen.locator("#hb-finder-deelnemers"))
    expect_result_in_view(screen)
    assert errors == []


def test_the_first_result_line_follows_the_filters_and_links_to_the_method(screen: Page, every_kind_url: str) -> None:
    open_finder(screen, every_kind_url)
    first = screen.locator("[data-hb-finder-first] a")
    unfiltered = first.inner_text()
    screen.locator(f'input[type=checkbox][name="fase"][value="{telling_option("fase")}"]').check()
    assert first.inner_text() == first_result_title(screen)
    href = screen.eval_on_selector_all(
        "[data-hb-finder-card]", "cards => cards.find(card => card.getClientRects().length > 0).querySelector('a').href"
    )
    assert first.evaluate("link => link.href") == href
    assert unfiltered  # also without a filter, the line names the first method
