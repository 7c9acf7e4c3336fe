"""Glossary terms explained where they appear, and tags on every item page with a tag index."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from macros.glossary import glossary_index, glossary_words, plain_explanation, with_abbreviations
from macros.handbook import KIND_INFO, Handbook, load_handbook
from macros.pages import item_tags

from .conftest import fixture_data
from .site_html import page_file, resolve

HANDBOOK: Handbook = load_handbook(fixture_data("every-kind"))
ALL_ENTRIES = [entry for kind in KIND_INFO for entry in HANDBOOK.entries(kind)]
WORDS = {word.word: word for word in glossary_words(HANDBOOK)}
ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')
TAG_LINK = re.compile(r'<a href="([^"]*)" class="md-tag">([^<]*)</a>')


def test_explanation_is_one_line_of_plain_text() -> None:
    assert plain_explanation("Zie [de bron](https://x.nl) en *vooral* `dit`.\nNog een zin.") == "Zie de bron en vooral dit. Nog een zin."
    long = "Eerste zin. " + "woord " * 60
    assert plain_explanation(long) == "Eerste zin."


def test_one_word_term_is_matched_only_as_written() -> None:
    one_word = next(entry.item.term for entry in HANDBOOK.entries("terms") if " " not in entry.item.term and entry.item.term[0].isupper())
    assert one_word.lower() not in WORDS
    text = f"Hier staat {one_word.lower()} en verder niets."
    assert with_abbreviations(text, glossary_index(list(WORDS.values()))) == text
    assert f"*[{one_word}]:" in with_abbreviations(f"{one_word} staat hier.", glossary_index(list(WORDS.values())))


def test_method_pages_explain_the_terms_they_use(every_kind_site: Path) -> None:
    explained = 0
    for entry in HANDBOOK.entries("methods"):
        page = page_file(every_kind_site, entry.path).read_text(encoding="utf-8")
        for title, word in ABBR.findall(page):
            # Escaped once more for Material's tooltip, which reads the title as HTML where glossary.js does not run.
            assert html.unescape(html.unescape(title)) == WORDS[html.unescape(word)].explanation
            explained += 1
    assert explained >= len(HANDBOOK.entries("methods"))


def test_glossary_pages_do_not_explain_themselves(every_kind_site: Path) -> None:
    for entry in HANDBOOK.entries("terms"):
        assert "<abbr" not in page_file(every_kind_site, entry.path).read_text(encoding="utf-8")


@pytest.mark.parametrize("entry", ALL_ENTRIES, ids=lambda entry: entry.path)
def test_every_item_page_has_its_tags_linked_to_the_tag_index(every_kind_site: Path, entry) -> None:
    page = page_file(every_kind_site, entry.path)
    links = dict((html.unescape(name), href) for href, name in TAG_LINK.findall(page.read_text(encoding="utf-8")))
    assert set(links) == set(item_tags(entry, HANDBOOK))
    assert KIND_INFO[entry.kind].singular in links
    for href in links.values():
        target, anchor = resolve(every_kind_site, page, href)
        assert target == page_file(every_kind_site, "trefwoorden.md")
        listing = target.read_text(encoding="utf-8")
        section = listing.split(f'id="{anchor}"', 1)[1].split("<h2", 1)[0]
        assert f'href="../{entry.path.removesuffix(".md")}/"' in section


def test_methods_are_tagged_with_phase_setting_and_discipline() -> None:
    entry = next(entry for entry in HANDBOOK.entries("methods") if entry.item.phases and entry.item.settings)
    tags = item_tags(entry, HANDBOOK)
    assert "Werkwijze" in tags
    assert all(phase.replace("-", " ").capitalize().split()[0] in " ".join(tags) for phase in entry.item.phases)
    for discipline in HANDBOOK.linked("methods", entry.id, "disciplines"):
        assert discipline.title in tags
