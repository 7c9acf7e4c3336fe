"""The glossary checks a page's words before its patterns; that shortcut must find exactly what the patterns find."""

from __future__ import annotations

import re

from macros.glossary import GlossaryWord, glossary_index, glossary_words, with_abbreviations
from macros.handbook import KIND_INFO, load_handbook
from macros.render import Renderer

from .conftest import ROOT, fixture_data

HANDBOOK = load_handbook(fixture_data("every-kind"))


def every_pattern(markdown: str, words: list[GlossaryWord]) -> str:
    """The glossary's result by searching every pattern, as it did before the shortcut."""
    found = [word for word in words if word.pattern.search(markdown)]
    if not found:
        return markdown
    return markdown + "\n\n" + "\n".join(f"*[{word.word}]: {word.explanation}" for word in found) + "\n"


def test_every_page_gets_the_same_abbreviations() -> None:
    words = glossary_words(HANDBOOK)
    site = {"site_url": "", "handbook_name": "Handboek", "licence": "CC BY-SA 4.0", "organisation": {"name": "Handboek", "logo": "logo.svg"}}
    renderer = Renderer(HANDBOOK, site=site)
    pages = [renderer.item_page(entry) for kind in KIND_INFO for entry in HANDBOOK.entries(kind)]
    pages += [path.read_text(encoding="utf-8") for path in (ROOT / "docs").rglob("*.md")]
    assert words and pages
    changed = [page for page in pages if with_abbreviations(page, glossary_index(words)) != every_pattern(page, words)]
    assert not changed
    assert any(with_abbreviations(page, glossary_index(words)) != page for page in pages)


def word(text: str) -> GlossaryWord:
    return GlossaryWord(text, "uitleg", re.compile(rf"(?<!\w){re.escape(text)}(?!\w)"))


def test_terms_of_several_words_or_with_signs_are_found_as_before() -> None:
    words = [word("werken volgens de bedoeling"), word("bedoeling"), word("0-100-teams"), word("#hashtag"), word("Richting")]
    for text in ("We werken volgens de bedoeling.", "De 0-100-teams en #hashtag", "richting", "bedoelingen", "Richting!"):
        assert with_abbreviations(text, glossary_index(words)) == every_pattern(text, words), text
