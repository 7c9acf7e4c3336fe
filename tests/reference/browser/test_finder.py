"""The finder on the reference handbook: a common session (two hours, twelve people) gets a useful list."""

from __future__ import annotations

from playwright.sync_api import Page

from macros.handbook import load_handbook

from ...browser.test_finder import open_finder, visible_ids
from ...conftest import ROOT

METHODS = load_handbook(ROOT / "data").entries("methods")


def test_a_two_hour_session_with_twelve_people_gets_a_useful_list(page: Page, site_url: str) -> None:
    """Reference content: the cards carry time and group size, so the finder has an answer."""
    open_finder(page, site_url, {"tijd": ["120"], "deelnemers": ["12"]})
    shown = visible_ids(page)
    assert len(shown) >= 5, shown
    methods = {entry.id: entry.item for entry in METHODS}
    for method_id in shown:
        method = methods[method_id]
        assert method.planned_minutes[0] <= 120 and method.group_size.min <= 12 <= method.group_size.max, method_id
