"""A glossary term tapped on a phone, on a handbook of its own (tests/tiny_site.py): the explanation is
readable, leaves the line being read visible, and a definition's HTML shows as text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from macros.pdf import serve

from ..tiny_site import DEFINITION_SHOWN, TERM, build_tiny_site

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def tiny_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(build_tiny_site(tmp_path_factory.mktemp("tiny"))) as url:
        yield url


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, locale="nl-NL", has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def test_tapped_term_shows_its_definition_as_readable_text(tiny_url: str, phone: Page) -> None:
    dialogs: list[str] = []
    phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    phone.goto(tiny_url + "werkwijzen/eerste-werkwijze/")
    term = phone.locator("article abbr", has_text=TERM).first
    term.scroll_into_view_if_needed()
    term.tap()
    tooltip = phone.locator(".md-tooltip2--active .md-tooltip2__inner")
    tooltip.wait_for()
    assert " ".join(tooltip.inner_text().split()) == DEFINITION_SHOWN
    assert tooltip.locator("img").count() == 0
    assert phone.locator("article img[src='x']").count() == 0
    font_size = tooltip.evaluate("inner => parseFloat(getComputedStyle(inner).fontSize)")
    assert font_size >= 14, f"uitleg in {font_size} px"
    term_box, tooltip_box = term.bounding_box(), tooltip.bounding_box()
    assert term_box and tooltip_box
    overlaps = tooltip_box["y"] < term_box["y"] + term_box["height"] and term_box["y"] < tooltip_box["y"] + tooltip_box["height"]
    assert not overlaps, "de uitleg ligt over de regel met de term"
    assert tooltip_box["x"] >= 0 and tooltip_box["x"] + tooltip_box["width"] <= PHONE["width"]
    assert dialogs == []
