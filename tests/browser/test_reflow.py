"""A 320 px phone screen (WCAG 1.4.10 reflow): no sideways scroll of the page, on one page of each
template plus a sample in the browser, and no fixed width wider than the screen in the HTML of any page;
a table wider than the screen scrolls inside its own box, which the keyboard can reach."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import page_address, site_pages
from ..page_sample import is_print_document, pages_by_template, template_of, template_sample

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


def test_no_page_template_is_wider_than_a_320px_screen(
    built_site: Path, site_url: str, every_kind_site: Path, every_kind_url: str, phone: Page
) -> None:
    """Each template once plus its largest page; a template the project's handbook lacks is measured
    on the every-kind fixture."""
    present = set(pages_by_template(built_site))
    # Print documents (packets, werkmappen, cards) are A4 sources for the pdf command: no page links to them.
    visits = [site_url + address for address in template_sample(built_site) if not is_print_document(built_site, address)]
    visits += [
        every_kind_url + address for address in template_sample(every_kind_site)
        if template_of(address) not in present and not is_print_document(every_kind_site, address)
    ]
    too_wide = {}
    for url in visits:
        width = page_width(phone, url)
        if width > PHONE["width"]:
            too_wide[url] = width
    assert too_wide == {}, f"breder dan {PHONE['width']} px: {too_wide}"


# A width written into the page (style="width: 400px", width="400", min-width) that the theme's CSS
# cannot shrink; images and SVGs with a width attribute are scaled down by the theme (max-width: 100%).
FIXED_WIDTH = re.compile(r'<(?!img\b|svg\b)(\w+)\b[^>]*\bstyle="[^"]*\b(?:min-)?width:\s*(\d+)px', re.I)


@pytest.mark.parametrize("site_name", ["built_site", "every_kind_site"])
def test_no_page_fixes_a_width_wider_than_a_320px_screen(request: pytest.FixtureRequest, site_name: str) -> None:
    """The per-page part of reflow that needs no browser: every page, whatever the handbook's size."""
    site: Path = request.getfixturevalue(site_name)
    fixed = [
        f"{page_address(site, page) or '/'}: <{tag}> {width}px"
        for page in site_pages(site)
        for tag, width in FIXED_WIDTH.findall(page.read_text(encoding="utf-8"))
        if int(width) > PHONE["width"]
    ]
    assert not fixed, fixed[:20]


def test_a_table_wider_than_the_screen_scrolls_in_its_own_box_by_keyboard(every_kind_site: Path, every_kind_url: str, phone: Page) -> None:
    phone.goto(every_kind_url + rating_sheet(every_kind_site))
    box = phone.get_by_role("region", name=SCROLL_LABEL).first
    assert box.evaluate("box => box.scrollWidth > box.clientWidth")
    assert box.locator("table").count() == 1
    cue = box.evaluate("box => getComputedStyle(box).backgroundImage")
    assert cue.count("gradient") >= 2, "geen schaduw aan de rand die laat zien dat de tabel verder gaat"
    box.focus()
    phone.keyboard.press("ArrowRight")
    phone.wait_for_function("box => box.scrollLeft > 0", arg=box.element_handle())
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_table_that_fits_stays_out_of_the_tab_order(every_kind_site: Path, every_kind_url: str, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(every_kind_url + rating_sheet(every_kind_site))
    assert page.get_by_role("region", name=SCROLL_LABEL).count() == 0
    assert page.locator(".hb-block[tabindex]").count() == 0
    context.close()
