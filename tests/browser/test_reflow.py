"""Every page on a 320 px phone screen (WCAG 1.4.10 reflow): no sideways scroll of the page;
a table wider than the screen scrolls inside its own box, which the keyboard can reach."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import page_address, site_pages

PHONE = {"width": 320, "height": 640}
SCROLL_LABEL = "Tabel, schuift opzij"


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    yield context.new_page()
    context.close()


def rating_sheet(site: Path) -> str:
    """A worksheet with a rating table: a column per score and one for notes, too wide for a phone."""
    sheets = sorted((site / "werkbladen").glob("*/index.html"))
    return page_address(site, next(page for page in sheets if "hb-rating__table" in page.read_text(encoding="utf-8")))


def page_width(page: Page, url: str) -> int:
    page.goto(url)
    return page.evaluate("document.documentElement.scrollWidth")


def test_no_page_is_wider_than_a_320px_screen(built_site: Path, site_url: str, phone: Page) -> None:
    addresses = [page_address(built_site, page) for page in site_pages(built_site)]
    assert len(addresses) > 20, "de site heeft te weinig pagina's om iets te zeggen"
    too_wide = {}
    for address in addresses:
        width = page_width(phone, site_url + address)
        if width > PHONE["width"]:
            too_wide[address] = width
    assert too_wide == {}, f"breder dan {PHONE['width']} px: {too_wide}"


def test_a_table_wider_than_the_screen_scrolls_in_its_own_box_by_keyboard(built_site: Path, site_url: str, phone: Page) -> None:
    phone.goto(site_url + rating_sheet(built_site))
    box = phone.get_by_role("region", name=SCROLL_LABEL).first
    assert box.evaluate("box => box.scrollWidth > box.clientWidth")
    assert box.locator("table").count() == 1
    cue = box.evaluate("box => getComputedStyle(box).backgroundImage")
    assert cue.count("gradient") >= 2, "geen schaduw aan de rand die laat zien dat de tabel verder gaat"
    box.focus()
    phone.keyboard.press("ArrowRight")
    phone.wait_for_function("box => box.scrollLeft > 0", arg=box.element_handle())
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_table_that_fits_stays_out_of_the_tab_order(built_site: Path, site_url: str, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + rating_sheet(built_site))
    assert page.get_by_role("region", name=SCROLL_LABEL).count() == 0
    assert page.locator(".hb-block[tabindex]").count() == 0
    context.close()
