"""Pages do not jump while they load: controls that need JavaScript hold their place from the first paint.

The handbook's own scripts are held back half a second, as on a slow connection, so that Chromium
draws the page before they run; any shift they cause is then counted (Cumulative Layout Shift)."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, Route

from macros.handbook import load_handbook
from macros.render import page_url

from ..conftest import fixture_data

HANDBOOK = load_handbook(fixture_data("every-kind"))
SCRIPT_DELAY = 0.5
# Google's boundary between a good and a poor Cumulative Layout Shift.
GOOD_LAYOUT_SHIFT = 0.1

COLLECT_SHIFTS = """
window.hbLayoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.hbLayoutShift += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def pages_with_scripted_controls() -> list[str]:
    method = HANDBOOK.entries("methods")[0]
    worksheet = HANDBOOK.entries("worksheets")[0]
    return ["", "werkwijzen/", page_url(method.path), page_url(worksheet.path), "sessie-plannen/", "bewaard/"]


def held_back(route: Route) -> None:
    time.sleep(SCRIPT_DELAY)
    route.continue_()


@pytest.mark.parametrize("path", pages_with_scripted_controls())
def test_page_does_not_shift_when_its_scripts_run(page: Page, every_kind_url: str, path: str) -> None:
    page.set_viewport_size({"width": 375, "height": 812})
    page.add_init_script(COLLECT_SHIFTS)
    page.route("**/assets/js/*.js", held_back)
    page.goto(every_kind_url + path, wait_until="load")
    page.wait_for_timeout(300)
    shift = page.evaluate("window.hbLayoutShift")
    assert shift < GOOD_LAYOUT_SHIFT, f"/{path} verschuift {shift:.3f} tijdens het laden"


@pytest.mark.parametrize("path", pages_with_scripted_controls())
def test_page_is_in_its_javascript_state_before_material_starts(page: Page, every_kind_url: str, path: str) -> None:
    """Material's bundle swaps the page's no-js class for js; done only then, the whole page is styled and
    laid out a second time as the bundle starts. The page swaps it before it is first drawn, so that a
    page whose bundle is slow does not move when it arrives."""
    page.set_viewport_size({"width": 375, "height": 812})
    page.add_init_script(COLLECT_SHIFTS)
    page.route("**/assets/javascripts/bundle.*.js", held_back)
    page.goto(every_kind_url + path, wait_until="load")
    page.wait_for_timeout(300)
    assert page.evaluate("window.hbLayoutShift") < GOOD_LAYOUT_SHIFT


def test_page_without_material_bundle_is_already_marked_as_scripted(page: Page, every_kind_url: str) -> None:
    page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    page.goto(every_kind_url, wait_until="load")
    classes = page.evaluate("[...document.documentElement.classList]")
    assert "js" in classes and "no-js" not in classes
