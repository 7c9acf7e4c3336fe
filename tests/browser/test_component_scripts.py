"""Each component still works now that its script loads only on the pages that hold it.

The page for each component is found in the built site by what it holds, not by name."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..conftest import page_address, site_pages
from ..test_scripts_per_page import ComponentParser, read


def first_page(site: Path, holds: Callable[[ComponentParser], bool]) -> str:
    return next(page_address(site, page) for page in site_pages(site) if holds(read(page)))


def test_the_finder_counts_the_methods(page: Page, every_kind_url: str, every_kind_site: Path, errors: list[str]) -> None:
    page.goto(every_kind_url + first_page(every_kind_site, lambda found: "finder" in found.components))
    expect(page.locator("[data-hb-finder-count]")).to_have_text(re.compile(r"^\d+ van \d+ werkwijzen"))
    assert errors == []


def test_the_planner_offers_methods_to_add(page: Page, every_kind_url: str, every_kind_site: Path, errors: list[str]) -> None:
    page.goto(every_kind_url + first_page(every_kind_site, lambda found: "planner" in found.components))
    expect(page.locator("#hb-planner-pick option").first).to_be_attached()
    assert errors == []


def test_a_saved_item_shows_on_the_bewaard_page(page: Page, every_kind_url: str, every_kind_site: Path, errors: list[str]) -> None:
    page.goto(every_kind_url + first_page(every_kind_site, lambda found: found.save_buttons > 0))
    button = page.locator("[data-hb-save]").first
    title = button.get_attribute("data-title") or ""
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    page.goto(every_kind_url + first_page(every_kind_site, lambda found: "favourites" in found.components and not found.save_buttons))
    expect(page.locator("[data-hb-saved-list]")).to_contain_text(title)
    assert errors == []


def test_the_print_button_prints(page: Page, every_kind_url: str, every_kind_site: Path, errors: list[str]) -> None:
    page.goto(every_kind_url + first_page(every_kind_site, lambda found: "worksheet" in found.components))
    page.evaluate("window.print = () => { window.printed = true }")
    page.locator("[data-hb-print]").first.click()
    assert page.evaluate("window.printed") is True
    assert errors == []


@pytest.mark.parametrize("width", [320])
def test_a_table_wider_than_the_screen_can_take_focus(page: Page, every_kind_url: str, every_kind_site: Path, errors: list[str], width: int) -> None:
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(every_kind_url + first_page(every_kind_site, lambda found: "a11y" in found.components), wait_until="load")
    wrappers = page.locator(".md-typeset__scrollwrap")
    expect(wrappers.first).to_be_attached()
    states = wrappers.evaluate_all("all => all.map(w => [w.scrollWidth > w.clientWidth, w.getAttribute('tabindex')])")
    assert any(wide for wide, _ in states), "geen tabel is breder dan het scherm"
    assert all((focusable == "0") == wide for wide, focusable in states), states
    assert errors == []
