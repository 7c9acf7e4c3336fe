"""A glossary term's explanation (docs/assets/js/glossary.js), on a handbook of its own (tests/tiny_site.py):
shown when the term is tapped on a phone, pointed at or reached by keyboard, as readable text beside the
line being read, described to a screen reader, closed by Escape; and no tooltip component of Material's
started for it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from macros.pdf import serve

from ..tiny_site import DEFINITION_SHOWN, TERM, build_tiny_site

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
METHOD = "werkwijzen/eerste-werkwijze/"


@pytest.fixture(scope="module")
def tiny_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(build_tiny_site(tmp_path_factory.mktemp("tiny"))) as url:
        yield url


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, locale="nl-NL", has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser: Browser, tiny_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    page = context.new_page()
    page.goto(tiny_url + METHOD)
    yield page
    context.close()


def first_term(page: Page) -> Locator:
    return page.locator("article abbr", has_text=TERM).first


def shown_tips(page: Page) -> Locator:
    return page.locator(".hb-tip:visible")


def assert_beside_the_line(page: Page, term: Locator, tip: Locator, width: int) -> None:
    term_box, tip_box = term.bounding_box(), tip.bounding_box()
    assert term_box and tip_box
    overlaps = tip_box["y"] < term_box["y"] + term_box["height"] and term_box["y"] < tip_box["y"] + tip_box["height"]
    assert not overlaps, "de uitleg ligt over de regel met de term"
    assert tip_box["x"] >= 0 and tip_box["x"] + tip_box["width"] <= width


def test_tapped_term_shows_its_definition_as_readable_text(tiny_url: str, phone: Page) -> None:
    dialogs: list[str] = []
    phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    phone.goto(tiny_url + METHOD)
    term = first_term(phone)
    term.scroll_into_view_if_needed()
    term.tap()
    tip = shown_tips(phone)
    expect(tip).to_have_count(1)
    assert " ".join(tip.inner_text().split()) == DEFINITION_SHOWN
    assert tip.locator("img").count() == 0
    assert phone.locator("article img[src='x']").count() == 0
    font_size = tip.evaluate("tip => parseFloat(getComputedStyle(tip).fontSize)")
    assert font_size >= 14, f"uitleg in {font_size} px"
    assert_beside_the_line(phone, term, tip, PHONE["width"])
    phone.locator("article h1").tap()
    expect(shown_tips(phone)).to_have_count(0)
    assert dialogs == []


def test_pointed_term_shows_its_definition_until_the_pointer_leaves(desktop: Page) -> None:
    term = first_term(desktop)
    term.hover()
    expect(shown_tips(desktop)).to_have_count(1)
    assert_beside_the_line(desktop, term, shown_tips(desktop), DESKTOP["width"])
    shown_tips(desktop).hover()  # the pointer may move onto the explanation (WCAG 1.4.13)
    desktop.wait_for_timeout(400)
    expect(shown_tips(desktop)).to_have_count(1)
    desktop.mouse.move(5, DESKTOP["height"] - 5)
    expect(shown_tips(desktop)).to_have_count(0)


def test_a_keyboard_reaches_the_term_and_escape_closes_its_explanation(desktop: Page) -> None:
    term = first_term(desktop)
    for _ in range(60):
        desktop.keyboard.press("Tab")
        if desktop.evaluate("document.activeElement.matches('article abbr')"):
            break
    assert desktop.evaluate("document.activeElement.textContent") == term.inner_text()
    expect(shown_tips(desktop)).to_have_count(1)
    desktop.keyboard.press("Escape")
    expect(shown_tips(desktop)).to_have_count(0)
    assert desktop.evaluate("document.activeElement.matches('article abbr')"), "Escape hoort de focus te laten staan"


def test_the_term_is_described_by_its_explanation_and_material_starts_no_tooltip_for_it(desktop: Page) -> None:
    term = first_term(desktop)
    described_by = term.get_attribute("aria-describedby")
    assert described_by
    explanation = desktop.locator(f"[id='{described_by}']")
    assert explanation.get_attribute("role") == "tooltip"
    assert " ".join(explanation.text_content().split()) == DEFINITION_SHOWN
    assert term.get_attribute("title") is None, "een title naast de eigen uitleg geeft de browser een tweede"
    term.hover()
    expect(shown_tips(desktop)).to_have_count(1)
    assert desktop.locator(".md-tooltip2").count() == 0


def test_without_glossary_js_materials_tooltip_shows_the_definition_as_text(browser: Browser, tiny_url: str) -> None:
    """A script that does not arrive (a slow or filtering network): the term's title reaches Material's
    tooltip, which reads it as HTML; the definition's markup must stay text there too."""
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.route("**/glossary.js", lambda route: route.abort())
    page.goto(tiny_url + METHOD)
    first_term(page).hover()
    tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    tooltip.wait_for()
    assert " ".join(tooltip.inner_text().split()) == DEFINITION_SHOWN
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []
    context.close()


@pytest.mark.parametrize(
    ("term", "tip", "expected"),
    [
        ({"top": 100, "bottom": 120, "left": 100, "width": 60}, {"width": 200, "height": 80}, {"left": 30, "top": 128, "above": False}),
        ({"top": 700, "bottom": 720, "left": 100, "width": 60}, {"width": 200, "height": 80}, {"left": 30, "top": 612, "above": True}),
        ({"top": 100, "bottom": 120, "left": 360, "width": 20}, {"width": 200, "height": 80}, {"left": 182, "top": 128, "above": False}),
        ({"top": 100, "bottom": 120, "left": 0, "width": 20}, {"width": 200, "height": 80}, {"left": 8, "top": 128, "above": False}),
    ],
    ids=["below", "above-near-the-bottom", "kept-from-the-right-edge", "kept-from-the-left-edge"],
)
def test_where_the_explanation_goes(desktop: Page, term: dict[str, int], tip: dict[str, int], expected: dict[str, object]) -> None:
    """glossary.js's pure core, in a window of 390 × 800 px: below the term, centred, 8 px from it and from the edges."""
    placed = desktop.evaluate("([term, tip]) => window.hbGlossary.place(term, tip, {width: 390, height: 800})", [term, tip])
    assert placed == expected
