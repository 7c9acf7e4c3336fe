"""Terms explained where they appear: Markdown abbreviations (``*[term]: uitleg``) per page."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .handbook import Handbook

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
MAX_EXPLANATION = 220


_WORD_CHARACTERS = re.compile(r"\w+")


@dataclass(frozen=True)
class GlossaryWord:
    word: str
    explanation: str
    pattern: re.Pattern[str]

    @functools.cached_property
    def first_word(self) -> str:
        """The term's leading run of word characters: a page without it as a word cannot contain the term."""
        leading = _WORD_CHARACTERS.match(self.word)
        return leading.group() if leading else ""


def plain_explanation(definition: str) -> str:
    """The definition as one line of plain text, cut after a sentence when it is long."""
    text = " ".join(_EMPHASIS.sub("", _LINK.sub(r"\1", definition)).split())
    if len(text) <= MAX_EXPLANATION:
        return text
    sentences = _SENTENCE_END.split(text)
    shortened = sentences[0]
    for sentence in sentences[1:]:
        if len(shortened) + 1 + len(sentence) > MAX_EXPLANATION:
            break
        shortened += " " + sentence
    return shortened if len(shortened) <= MAX_EXPLANATION else shortened[: MAX_EXPLANATION - 1].rstrip() + "…"


def glossary_words(handbook: Handbook) -> list[GlossaryWord]:
    """Each term as written; a term of several words also in lower case, as it reads mid-sentence.
    A one-word term is matched only as written, so 'Richting' does not explain every 'richting'."""
    words: dict[str, str] = {}
    for entry in handbook.entries("terms"):
        explanation = plain_explanation(entry.item.definition)
        forms = [entry.item.term] + ([entry.item.term.lower()] if " " in entry.item.term else [])
        for form in forms:
            words.setdefault(form, explanation)
    return [GlossaryWord(word, text, re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")) for word, text in words.items()]


GlossaryIndex = dict[str, list[tuple[int, GlossaryWord]]]


def glossary_index(words: list[GlossaryWord]) -> GlossaryIndex:
    """The words grouped by their first word, each with its place in the glossary."""
    index: GlossaryIndex = {}
    for position, word in enumerate(words):
        index.setdefault(word.first_word, []).append((position, word))
    return index


def with_abbreviations(markdown: str, index: GlossaryIndex) -> str:
    """The page's Markdown plus an abbreviation for every glossary word that occurs in it."""
    found = sorted(_words_on_page(markdown, index), key=lambda entry: entry[0])
    if not found:
        return markdown
    definitions = "\n".join(f"*[{word.word}]: {word.explanation}" for _, word in found)
    return f"{markdown}\n\n{definitions}\n"


def _words_on_page(markdown: str, index: GlossaryIndex) -> set[tuple[int, GlossaryWord]]:
    """One pass over the page's words, trying only the terms that start with that word.
    A page's cost grows with its own length, not with the glossary's (a 100x handbook has 6 000 terms)."""
    found = {entry for entry in index.get("", []) if entry[1].pattern.search(markdown)}
    unmatched: GlossaryIndex = {}
    for word in _WORD_CHARACTERS.finditer(markdown):
        first = word.group()
        if first not in index:
            continue
        waiting = unmatched.setdefault(first, list(index[first]))
        start = word.start()
        for entry in [entry for entry in waiting if _term_at(markdown, start, entry[1].word)]:
            found.add(entry)
            waiting.remove(entry)
    return found


def _term_at(markdown: str, start: int, term: str) -> bool:
    """Whether the term is written at this word's start and ends where a word ends."""
    end = start + len(term)
    return markdown.startswith(term, start) and not _WORD_CHARACTERS.match(markdown, end)
