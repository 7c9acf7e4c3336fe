"""The fixture handbooks build, and the switch that turns the reference-content tests off for a fork."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.handbook import KIND_INFO, load_handbook
from macros.render import page_url

from .conftest import copy_project, fixture_data, page_address, reference_in_use, site_pages, write_own_settings
from .site_html import navigation_links, page_file, visible_text


@pytest.mark.parametrize(("own_settings", "in_use"), [
    (None, True),                        # no eigen/handboek.yml: the reference handbook itself
    ("", False),                         # a fork that does not name the reference
    ("reference: [sources]\n", True),    # a fork that keeps part of it
    ("reference: [all]\n", True),
])
def test_the_reference_group_runs_only_where_the_reference_content_is_in_use(
    tmp_path: Path, own_settings: str | None, in_use: bool
) -> None:
    project = copy_project(tmp_path / "project")
    if own_settings is not None:
        write_own_settings(project, own_settings)
    assert reference_in_use(project) is in_use


def test_a_handbook_of_one_method_shows_it_in_the_finder(fixture_site: Callable[[str], Path]) -> None:
    site = fixture_site("minimal")
    [method] = load_handbook(fixture_data("minimal")).entries("methods")
    assert method.title in visible_text(page_file(site, method.path))
    finder = visible_text(page_file(site, KIND_INFO["methods"].section))
    assert method.title in finder


def test_a_kind_without_items_has_no_section_in_the_menu(fixture_site: Callable[[str], Path]) -> None:
    site = fixture_site("empty-kinds")
    handbook = load_handbook(fixture_data("empty-kinds"))
    # The planner page stays without ready-made plans: a reader builds a plan of their own there.
    sections = {info.section for kind, info in KIND_INFO.items() if kind != "plans"}
    filled = {KIND_INFO[kind].section for kind in KIND_INFO if handbook.entries(kind)}
    empty = {"/" + page_url(section) for section in sections - filled}
    assert empty
    assert not empty & navigation_links(site, site / "index.html")


@pytest.mark.parametrize("name", ["every-kind", "minimal"])
def test_no_page_shows_an_unrendered_template_expression(fixture_site: Callable[[str], Path], name: str) -> None:
    """The engine's own pages write their headings as {{ words.key }}: the menu, the page titles and the
    footer show the text, never the expression."""
    site = fixture_site(name)
    leftovers = {
        page_address(site, page): expression
        for page in site_pages(site)
        if (expression := next((mark for mark in ("{{", "{%") if mark in page.read_text(encoding="utf-8")), None))
    }
    assert not leftovers, leftovers
