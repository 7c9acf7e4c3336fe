"""The fixture handbooks build, and the switch that turns the reference-content tests off for a fork."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros import words
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


class TitledElements(HTMLParser):
    """The page's heading links, and the elements of its article that carry a title."""

    def __init__(self) -> None:
        super().__init__()
        self.heading_links: list[dict[str, str | None]] = []
        self.titled: list[str] = []
        self._article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "article":
            self._article_depth += 1
        if tag == "a" and "headerlink" in (attributes.get("class") or "").split():
            self.heading_links.append(attributes)
        elif self._article_depth and "title" in attributes:
            self.titled.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article_depth -= 1


def test_heading_links_are_named_without_a_title_and_only_glossary_terms_carry_one(fixture_site: Callable[[str], Path]) -> None:
    """Material starts a tooltip for every titled element of the article as the page loads, a cost a phone
    feels: the link beside each heading has its name (the language file's permalink_title) as aria-label."""
    site = fixture_site("every-kind")
    found = {page_address(site, page): parsed for page in site_pages(site) if (parsed := titled_elements(page))}
    links = [link for parsed in found.values() for link in parsed.heading_links]
    assert len(links) > len(found), "te weinig kopjes om iets te zeggen"
    assert {link.get("aria-label") for link in links} == {words.Words("nl", {}).permalink_title}
    assert not [link for link in links if "title" in link]
    assert {tag for parsed in found.values() for tag in parsed.titled} <= {"abbr"}


def titled_elements(page: Path) -> TitledElements:
    parser = TitledElements()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser
