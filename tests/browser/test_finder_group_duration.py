"""The finder's time filter with a duration that depends on the group size, on a collection of its own."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from macros.pdf import serve

from ..conftest import build, copy_project
from ..test_lists_and_collection_data import collection_files, write_data
from .test_finder import visible_ids


@pytest.fixture(scope="module")
def collection_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("groepsduur") / "project")
    shutil.rmtree(project / "data")
    write_data(project / "data", collection_files())
    result = build(project)
    assert result.returncode == 0, result.output
    with serve(result.site) as url:
        yield url


# per-groep: up to 8 participants 45 minutes, up to 30 participants 90 minutes; volle-kaart: 30-75 minutes.
@pytest.mark.parametrize(("minutes", "participants", "shown"), [
    (60, None, ["per-groep", "volle-kaart"]),
    (60, 6, ["per-groep"]),
    (60, 20, []),
    (90, 20, ["per-groep"]),
    (120, 40, []),
])
def test_the_time_a_method_needs_follows_the_number_of_participants(
    page: Page, collection_url: str, errors: list[str], minutes: int, participants: int | None, shown: list[str]
) -> None:
    query = {"tijd": minutes, **({"deelnemers": participants} if participants else {})}
    page.goto(collection_url + "werkwijzen/?" + urlencode(query))
    expect(page.locator("[data-hb-finder-count]")).to_have_text(f"{len(shown)} van 5 werkwijzen")
    assert visible_ids(page) == shown
    assert not errors
