"""The finder answers "what fits my session": available minutes and participants, on a fixture handbook."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from macros.handbook import load_handbook
from macros.pdf import serve

from ..conftest import build, copy_project
from ..test_method_card import FIXTURE
from .test_finder import visible_ids


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("finder") / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(FIXTURE, project / "data")
    result = build(project)
    assert result.returncode == 0, result.output
    with serve(result.site) as url:
        yield url


@pytest.mark.parametrize(("minutes", "participants", "shown"), [
    (60, 12, ["stille-start"]),
    (120, 20, ["grote-kring", "stille-start"]),
    (120, 30, ["grote-kring"]),
    (20, 10, []),
])
def test_time_and_group_size_leave_the_methods_that_fit(
    page: Page, fixture_url: str, errors: list[str], minutes: int, participants: int, shown: list[str]
) -> None:
    page.goto(fixture_url + "werkwijzen/")
    page.get_by_label("Beschikbare tijd in minuten").fill(str(minutes))
    page.get_by_label("Aantal deelnemers").fill(str(participants))
    expect(page.locator("[data-hb-finder-count]")).to_have_text(f"{len(shown)} van 3 werkwijzen")
    assert visible_ids(page) == shown
    page.reload()
    expect(page.get_by_label("Beschikbare tijd in minuten")).to_have_value(str(minutes))
    assert visible_ids(page) == shown
    assert not errors


def test_a_mere_mention_is_listed_until_time_or_size_is_asked(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + "werkwijzen/")
    assert "rondje" in visible_ids(page)
    page.goto(fixture_url + "werkwijzen/?" + urlencode({"deelnemers": 10}))
    assert "rondje" not in visible_ids(page)


def test_every_method_the_finder_shows_for_a_session_fits_it(page: Page, fixture_url: str) -> None:
    methods = {entry.id: entry.item for entry in load_handbook(FIXTURE).entries("methods")}
    page.goto(fixture_url + "werkwijzen/?" + urlencode({"tijd": 120, "deelnemers": 20}))
    for method_id in visible_ids(page):
        method = methods[method_id]
        assert method.planned_minutes[0] <= 120 and method.group_size.min <= 20 <= method.group_size.max
