"""Each page loads only the handbook scripts of the components it holds, deferred, and nothing else of ours.

Read from the built HTML: which component a page holds is seen from its elements (the finder's form,
the planner, a Bewaren button or the Bewaard list, a print button, a self-assessment, a table, a glossary
term), which scripts it loads
from its <script> tags."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import page_address, site_pages

OWN_SCRIPTS = "assets/js/"
# The scripts each component needs; the others need only the script named after them.
SCRIPTS_OF = {"planner": {"storage", "plan-core", "planner"}, "favourites": {"storage", "favourites"}}
# The components whose scripts say something read their texts, in the site's language, through words.js.
SPEAKING = {"finder", "planner", "favourites", "self-assessment", "a11y"}


class ComponentParser(HTMLParser):
    """The components a page holds and the handbook scripts it loads (src → has defer)."""

    def __init__(self) -> None:
        super().__init__()
        self.components: set[str] = set()
        self.scripts: dict[str, bool] = {}
        self.save_buttons = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if "data-hb-finder" in attributes:
            self.components.add("finder")
        if attributes.get("id") == "hb-planner":
            self.components.add("planner")
        if "data-hb-save" in attributes or "data-hb-saved" in attributes:
            self.components.add("favourites")
            self.save_buttons += "data-hb-save" in attributes
        if "data-hb-print" in attributes:
            self.components.add("worksheet")
        if "data-hb-self-assessment" in attributes:
            self.components.add("self-assessment")
        if tag == "table":
            self.components.add("a11y")
        if tag == "abbr" and "title" in attributes:
            self.components.add("glossary")
        if attributes.get("data-md-component") == "search-query":
            self.components.add("search-fold")
        source = attributes.get("src") or ""
        if tag == "script" and OWN_SCRIPTS in source:
            self.scripts[source] = "defer" in attributes


def read(page: Path) -> ComponentParser:
    parser = ComponentParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def script_name(source: str) -> str:
    return posixpath.basename(source).removesuffix(".js")


def read_site(site: Path) -> dict[str, ComponentParser]:
    return {page_address(site, page): read(page) for page in site_pages(site)}


@pytest.fixture(scope="module", params=["built_site", "every_kind_site"])
def site(request: pytest.FixtureRequest) -> Path:
    """The project's own handbook, whatever its content, and the every-kind fixture."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, ComponentParser]:
    return read_site(site)


def test_a_page_loads_the_script_of_each_component_it_holds_and_no_other(pages: dict[str, ComponentParser]) -> None:
    wrong = {}
    for address, page in pages.items():
        loaded = {script_name(source) for source in page.scripts}
        needed = set().union(set(), *(SCRIPTS_OF.get(component, {component}) for component in page.components))
        needed |= {"words"} if page.components & SPEAKING else set()
        if loaded != needed:
            wrong[f"/{address}"] = f"houdt {sorted(page.components)}, laadt {sorted(loaded)}"
    assert not wrong, wrong


def test_every_component_is_somewhere_and_pages_with_only_search_load_only_its_script(every_kind_site: Path) -> None:
    pages = read_site(every_kind_site)
    held = set().union(*(page.components for page in pages.values()))
    assert held == {"finder", "planner", "favourites", "worksheet", "self-assessment", "a11y", "glossary", "search-fold"}
    home = pages[""]
    assert "finder" not in home.components and not any("finder" in source for source in home.scripts)
    assert any(page.components == {"search-fold"} and len(page.scripts) == 1 for page in pages.values())


def test_the_handbook_scripts_are_deferred_and_exist(pages: dict[str, ComponentParser], site: Path) -> None:
    for address, page in pages.items():
        for source, deferred in page.scripts.items():
            assert deferred, f"/{address}: {source} zonder defer"
            assert (site / address / source).resolve().is_file(), f"/{address}: {source} ontbreekt"
