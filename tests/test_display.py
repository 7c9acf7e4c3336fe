"""Display defects, on a handbook of its own (tests/tiny_site.py): the worksheet overview's group
headings, the glossary marks and the printed footer."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from macros.handbook import load_handbook
from macros.pages import print_footer
from macros.sheets import css_string

from .page_outline import content_outline
from .tiny_site import DEFINITION_SHOWN, METHODS, SHEETS, TERM, build_tiny_site, tiny_data


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_site(tmp_path_factory.mktemp("tiny"))


def page(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def heading_text(text: str) -> str:
    return text.replace("¶", "").strip()


def test_worksheet_overview_draws_each_group_heading_outside_the_lists(tiny_site: Path) -> None:
    headings = content_outline(page(tiny_site, "werkbladen")).headings
    groups = {heading_text(heading.text): heading for heading in headings}
    expected = [*METHODS.values(), "Per moment", "Voorbereiding", "Na afloop"]
    for title in expected:
        assert title in groups, f"geen kopje '{title}' in {list(groups)}"
        assert groups[title].level in ("h2", "h3")
        assert "li" not in groups[title].inside, f"het kopje '{title}' staat in een lijstpunt"


def test_worksheet_overview_lists_each_sheet_under_its_method(tiny_site: Path) -> None:
    sections = sections_by_heading(page(tiny_site, "werkbladen"))
    for method_id, method_title in METHODS.items():
        listed = [title for title, method, _ in SHEETS.values() if f">{title}</a>" in sections[method_title]]
        assert listed == [title for title, method, _ in SHEETS.values() if method == method_id]


def sections_by_heading(page_html: str) -> dict[str, str]:
    """The HTML after each h2 or h3 up to the next one, by the heading's text."""
    parts = re.split(r"<h[23][^>]*>", page_html)[1:]
    sections = {}
    for part in parts:
        heading, body = re.split(r"</h[23]>", part, maxsplit=1)
        sections[heading_text(html.unescape(re.sub(r"<[^>]+>", "", heading)))] = body
    return sections


def test_glossary_term_is_never_marked_inside_a_heading(tiny_site: Path) -> None:
    method_page = page(tiny_site, "werkwijzen/eerste-werkwijze")
    outline = content_outline(method_page)
    assert TERM in heading_text(outline.headings[0].text)
    assert outline.marks, "de term is nergens uitgelegd"
    assert [mark for mark in outline.marks if mark.in_heading] == []


def test_glossary_term_is_marked_once_per_section(tiny_site: Path) -> None:
    outline = content_outline(page(tiny_site, "werkwijzen/eerste-werkwijze"))
    sections = [mark.section for mark in outline.marks if mark.word == TERM]
    assert len(sections) == len(set(sections)), f"de term is in één deel meer dan eens gemarkeerd: {sections}"
    assert len(set(sections)) >= 2, "de term staat in de inleiding en onder 'Waarvoor', en hoort in beide uitgelegd"


def test_glossary_definition_reaches_the_tooltip_as_text(tiny_site: Path) -> None:
    """Where glossary.js does not run, Material's tooltip writes the title into the page as HTML: the title
    must be that HTML, escaped (glossary.js reads it back as text)."""
    mark = content_outline(page(tiny_site, "werkwijzen/eerste-werkwijze")).marks[0]
    assert mark.title == html.escape(DEFINITION_SHOWN, quote=False)


def css_unescaped(css: str) -> str:
    """A CSS string's text as CSS Syntax reads it: backslash, 1-6 hex digits, one optional whitespace."""
    return re.sub(r"\\([0-9a-fA-F]{1,6})[ \t\n]?", lambda match: chr(int(match.group(1), 16)), css)


@pytest.mark.parametrize("text", ["Vernieuwend werken – SWS Balans", "Wat maakt je blij van? Overzicht", 'Een "titel" · Bron: A\\B'])
def test_footer_text_keeps_its_spaces_after_escaped_characters(text: str) -> None:
    assert css_unescaped(css_string(text)) == text


def test_footer_names_the_sheets_address_only_when_the_site_has_one(tmp_path: Path) -> None:
    for name, text in tiny_data().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    handbook = load_handbook(tmp_path)
    sheet = handbook.entries("worksheets")[0]
    without = print_footer(sheet, handbook, {"handbook_name": "Ons handboek", "site_url": ""})
    assert without == f"Ons handboek · {sheet.title}", "de bronnen staan op het blad zelf, één keer"
    with_site = print_footer(sheet, handbook, {"handbook_name": "Ons handboek", "site_url": "https://voorbeeld.nl/hb/"})
    assert with_site == f"Ons handboek · {sheet.title} · https://voorbeeld.nl/hb/werkbladen/{sheet.id}/"


MATERIAL_ENGLISH_LABELS = {"Header", "Footer", "Tabs", "Navigation", "Table of contents", "Search", "Clear", "Share"}


def test_screen_reader_labels_are_dutch_on_every_page(tiny_site: Path) -> None:
    pages = [*tiny_site.rglob("index.html"), tiny_site / "404.html"]
    english = {
        str(path.relative_to(tiny_site)): sorted(set(labels) & MATERIAL_ENGLISH_LABELS)
        for path in pages
        if (labels := [html.unescape(label) for label in re.findall(r'aria-label="([^"]*)"', path.read_text(encoding="utf-8"))])
    }
    assert {page: labels for page, labels in english.items() if labels} == {}


def test_not_found_page_is_dutch_with_a_way_home_and_to_search(tiny_site: Path) -> None:
    not_found = (tiny_site / "404.html").read_text(encoding="utf-8")
    outline = content_outline(not_found)
    assert [heading_text(heading.text) for heading in outline.headings if heading.level == "h1"] == ["Pagina niet gevonden"]
    assert "Not found" not in not_found
    assert ">Naar de startpagina</a>" in not_found
    assert re.search(r'<form[^>]*role="search"', not_found) and 'name="q"' in not_found
