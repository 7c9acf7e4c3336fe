"""The method finder in Chromium, on the every-kind fixture handbook: each filter, combined filters, the address, the empty result, keyboard, no JavaScript."""

from __future__ import annotations

import itertools
import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, expect


from ..test_finder import FACETS, METHODS, expected_methods

ALL_IDS = [entry.id for entry in METHODS]
SECONDARY = ("rol", "discipline", "competentie", "bron")  # behind "Meer filters"


def open_finder(page: Page, every_kind_url: str, query: dict[str, list[str]] | None = None) -> None:
    page.goto(every_kind_url + "werkwijzen/" + ("?" + urlencode(query, doseq=True) if query else ""))
    expect(page.locator("[data-hb-finder-form]")).to_be_visible()


def visible_ids(page: Page) -> list[str]:
    """The methods whose cards a reader sees, by the address their title links to."""
    hrefs = page.eval_on_selector_all(
        "[data-hb-finder-card]",
        "cards => cards.filter(card => card.getClientRects().length > 0)"
        ".map(card => card.querySelector('a').getAttribute('href'))",
    )
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


def expect_shown(page: Page, ids: list[str]) -> None:
    expect(page.locator("[data-hb-finder-count]")).to_have_text(re.compile(rf"^{len(ids)} van {len(METHODS)} werkwijzen\b"))
    assert visible_ids(page) == ids


def checkbox(page: Page, key: str, value: str):
    return page.locator(f'input[type=checkbox][name="{key}"][value="{value}"]')


def choose(page: Page, key: str, value: str) -> None:
    if key in SECONDARY and not page.locator("[data-hb-finder-more]").evaluate("details => details.open"):
        page.locator("[data-hb-finder-more] > summary").click()
    checkbox(page, key, value).check()


def address_query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def telling_option(key: str) -> str:
    """An option of the filter that shows some methods but not all, so a filter that does nothing fails."""
    facet = next(facet for facet in FACETS if facet.key == key)
    options = [option.value for option in facet.options if 0 < len(expected_methods({key: [option.value]})) < len(METHODS)]
    assert options, f"geen optie van {key} die de lijst inperkt"
    return options[0]


@pytest.mark.parametrize("key", [facet.key for facet in FACETS if facet.options])
def test_each_filter_shows_exactly_the_matching_methods(page: Page, every_kind_url: str, errors: list[str], key: str) -> None:
    open_finder(page, every_kind_url)
    expect_shown(page, ALL_IDS)
    value = telling_option(key)
    choose(page, key, value)
    expect_shown(page, expected_methods({key: [value]}))
    assert address_query(page) == {key: [value]}
    assert not errors


def test_options_within_a_filter_add_up(page: Page, every_kind_url: str, errors: list[str]) -> None:
    phases = [option.value for option in FACETS[0].options][:2]
    open_finder(page, every_kind_url)
    for phase in phases:
        choose(page, "fase", phase)
    expected = expected_methods({"fase": phases})
    assert len(expected) > max(len(expected_methods({"fase": [phase]})) for phase in phases)
    expect_shown(page, expected)
    assert not errors


def test_filters_combine_with_and(page: Page, every_kind_url: str, errors: list[str]) -> None:
    query = {"fase": ["verkennen"], "setting": ["team"]}
    expected = expected_methods(query)
    assert 0 < len(expected) < min(len(expected_methods({key: values})) for key, values in query.items())
    open_finder(page, every_kind_url)
    choose(page, "fase", "verkennen")
    choose(page, "setting", "team")
    expect_shown(page, expected)
    assert address_query(page) == query
    assert not errors


def test_the_address_round_trips(page: Page, every_kind_url: str, errors: list[str]) -> None:
    method = next(entry.item for entry in METHODS if entry.item.phases and entry.item.roles)
    query = {"fase": [method.phases[0]], "rol": [method.roles[0]]}
    expected = expected_methods(query)
    assert 0 < len(expected) < len(METHODS)
    open_finder(page, every_kind_url, query)
    for key, (value,) in query.items():
        expect(checkbox(page, key, value)).to_be_checked()
    assert page.locator("[data-hb-finder-form] input[type=checkbox]:checked").count() == 2
    expect(page.locator("[data-hb-finder-more]")).to_have_attribute("open", "")
    expect_shown(page, expected)
    checkbox(page, "fase", query["fase"][0]).uncheck()
    expect_shown(page, expected_methods({"rol": query["rol"]}))
    assert address_query(page) == {"rol": query["rol"]}
    page.reload()
    expect(checkbox(page, "rol", query["rol"][0])).to_be_checked()
    expect_shown(page, expected_methods({"rol": query["rol"]}))
    assert not errors


def empty_combination() -> dict[str, list[str]]:
    """Two options from different filters that no method has together."""
    options = [(facet.key, option.value) for facet in FACETS[:3] for option in facet.options]
    for (key, value), (other_key, other_value) in itertools.combinations(options, 2):
        if key != other_key and not expected_methods({key: [value], other_key: [other_value]}):
            return {key: [value], other_key: [other_value]}
    raise AssertionError("elke combinatie van twee filters toont een werkwijze")


def test_empty_result_explains_and_reset_brings_everything_back(page: Page, every_kind_url: str, errors: list[str]) -> None:
    query = empty_combination()
    open_finder(page, every_kind_url, query)
    expect_shown(page, [])
    expect(page.get_by_text("Geen werkwijze past bij alle filters. Zet een filter uit of kies 'Alle filters wissen'.")).to_be_visible()
    page.get_by_role("button", name="Alle filters wissen").click()
    expect_shown(page, ALL_IDS)
    expect(page.locator("[data-hb-finder-empty]")).to_be_hidden()
    expect(page.locator("[data-hb-finder-form] input[type=checkbox]:checked")).to_have_count(0)
    assert urlsplit(page.url).query == ""
    assert not errors


def test_keyboard_tab_to_a_checkbox_and_toggle_with_space(page: Page, every_kind_url: str, errors: list[str]) -> None:
    open_finder(page, every_kind_url)
    page.locator(".hb-finder__how").click()
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    first = FACETS[0].options[0].value
    assert focused == [FACETS[0].key, first]
    page.keyboard.press("Space")
    expect(checkbox(page, FACETS[0].key, first)).to_be_checked()
    expect_shown(page, expected_methods({FACETS[0].key: [first]}))
    live = page.locator("[aria-live=polite]", has=page.locator("[data-hb-finder-count]"))
    expect(live).to_have_attribute("role", "status")
    page.keyboard.press("Space")
    expect_shown(page, ALL_IDS)
    assert not errors


def test_without_javascript_every_method_is_listed(browser: Browser, every_kind_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(every_kind_url + "werkwijzen/?fase=verkennen&setting=team")
        assert visible_ids(page) == ALL_IDS
        titles = [page.locator("[data-hb-finder-card] a").nth(index).inner_text() for index in range(len(METHODS))]
        assert titles == [entry.title for entry in METHODS]
        expect(page.locator("[data-hb-finder-form]")).to_be_hidden()
        expect(page.get_by_role("button", name=re.compile("^Bewaren"))).to_have_count(0)
    finally:
        context.close()
