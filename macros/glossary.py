"""Terms explained where they appear: Markdown abbreviations (``*[term]: uitleg``) per page,
marked once per section and never in a heading (GlossaryMarks)."""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

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
    definitions = "\n".join(f"*[{word.word}]: {tooltip_text(word.explanation)}" for _, word in found)
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


def tooltip_text(explanation: str) -> str:
    """The explanation as an abbreviation's title: the text HTML-escaped, so that it is text also where the
    title is read as HTML. glossary.js reads it back as text; but where that script does not run, Material's
    tooltip (content.tooltips) writes the title into the page as HTML (innerHTML). Escaped twice, because
    Python-Markdown writes an attribute's entities (``&lt;``) as they are."""
    return html.escape(html.escape(explanation, quote=False), quote=False)


HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class GlossaryMarks(Treeprocessor):
    """After the abbreviations are marked: a term keeps its mark only the first time it appears in a
    section (the text up to the next h2), and never in a heading, where it would underline a title."""

    def run(self, root: etree.Element) -> None:
        self._marked: set[str] = set()
        self._visit(root, in_heading=False)

    def _visit(self, element: etree.Element, in_heading: bool) -> None:
        for child in list(element):
            if child.tag == "h2":
                self._marked = set()
            if child.tag == "abbr" and (in_heading or not self._first_in_section(child)):
                unwrap(element, child)
            else:
                self._visit(child, in_heading or child.tag in HEADINGS)

    def _first_in_section(self, abbr: etree.Element) -> bool:
        term = (abbr.text or "").casefold()
        if term in self._marked:
            return False
        self._marked.add(term)
        return True


def unwrap(parent: etree.Element, child: etree.Element) -> None:
    """Replace the element by its text, keeping the text that follows it."""
    text = (child.text or "") + (child.tail or "")
    position = list(parent).index(child)
    if position == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[position - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(child)


class GlossaryMarksExtension(Extension):
    """Listed after ``abbr`` under markdown_extensions in mkdocs.yml (as ``macros.glossary``)."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After the abbreviations (priority 7), before the text is unescaped (0).
        md.treeprocessors.register(GlossaryMarks(md), "glossary_marks", 6)


def makeExtension(**kwargs: object) -> GlossaryMarksExtension:  # noqa: N802 (the name Markdown looks for)
    return GlossaryMarksExtension(**kwargs)
