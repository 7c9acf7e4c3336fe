"""Search in the words Dutch readers type: the search index gets hidden fields with other forms of its words.

Material's search (lunr) matches each typed word as the start of an indexed word, without accents
folded and without stemming the query. So the index carries, per entry, the words a reader might type
instead of the ones on the page: the word without accents ("clienten" for "cliënten"), the other forms
of the word found anywhere in the handbook ("dialogen" beside "dialoog"), and the words of the synonym
list (data/zoekwoorden.yaml) and of the item's own `synonyms`. The visible title and text stay as written.
"""

from __future__ import annotations

import bisect
import html
import re
import string
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import snowballstemmer

from .loader import DataError, DataErrors, Located, read_yaml

SYNONYM_FILE = "zoekwoorden.yaml"
# Hidden fields of an index entry: other forms of the words of its title, and of its text.
TITLE_FORMS = "aliases"
TEXT_FORMS = "keys"

MIN_FORM_LENGTH = 3  # shorter forms find almost every page
_STEMMER = snowballstemmer.stemmer("dutch")
_MARKUP = re.compile(r"<[^>]*>")
_EDGE_MARKS = string.punctuation + "‘’‚“”„«»‹›…–—·•"


@cache
def fold(text: str) -> str:
    """Lower case without accents: "Cliënten" → "clienten", "coördinator" → "coordinator"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str, separator: re.Pattern[str]) -> list[str]:
    """The words of indexed text as the search worker cuts them: markup left out, lower case, no edge punctuation."""
    plain = html.unescape(_MARKUP.sub(" ", text))
    cut = (part.strip(_EDGE_MARKS) for part in separator.split(plain.lower()))
    return [word for word in cut if word]


@cache
def stem_keys(word: str) -> frozenset[str]:
    """Keys that the forms of one Dutch word share: "dialoog" and "dialogen", "werkwijze" and "werkwijzen",
    "idee" and "ideeën". The Snowball stem alone misses the plural of words ending in a vowel."""
    folded = fold(word)
    keys = {_STEMMER.stemWord(folded)}
    if folded[-1:] in "aeiouy":
        keys |= {_STEMMER.stemWord(folded + "n"), _STEMMER.stemWord(folded + "en")}
    return frozenset(keys)


@dataclass
class SearchWords:
    """What readers type (key) and the words of the handbook they mean (values), from data/zoekwoorden.yaml."""

    meaning: dict[str, set[str]] = field(default_factory=dict)

    def typed_for(self) -> dict[str, set[str]]:
        """Per stem key of a handbook word, the words readers type for it."""
        typed: dict[str, set[str]] = defaultdict(set)
        for reader_word, meant in self.meaning.items():
            for word in meant:
                for key in stem_keys(word):
                    typed[key].add(reader_word)
        return typed


def load_search_words(data_dir: Path) -> SearchWords:
    """Read data/zoekwoorden.yaml (optional); raise DataErrors naming file, line and field."""
    path = data_dir / SYNONYM_FILE
    if not path.is_file():
        return SearchWords()
    document = read_yaml(path)
    errors: list[DataError] = []
    result = SearchWords()
    if not isinstance(document.value, dict):
        raise DataErrors([DataError(path, document.line, "", "verwacht de velden woorden en/of groepen")])
    for key, (line, value) in document.value.items():
        if key == "woorden":
            errors += _read_one_way(path, value, result)
        elif key == "groepen":
            errors += _read_groups(path, value, result)
        else:
            errors.append(DataError(path, line, key, "onbekend veld; toegestaan: woorden, groepen"))
    if errors:
        raise DataErrors(errors)
    return result


def _word(located: Located) -> str | None:
    """One search word in lower case, or None when it is not text."""
    if isinstance(located.value, (dict, list)) or located.value is None:
        return None
    text = str(located.value).strip().lower()
    return text or None


def _read_one_way(path: Path, section: Located, into: SearchWords) -> list[DataError]:
    if not isinstance(section.value, dict):
        return [DataError(path, section.line, "woorden", "verwacht per regel een woord met de woorden van het handboek, zoals werkvorm: [werkwijze]")]
    errors: list[DataError] = []
    for reader_word, (line, meant) in section.value.items():
        targets = [_word(item) for item in meant.value] if isinstance(meant.value, list) else [_word(meant)]
        if not reader_word.strip() or None in targets or not targets:
            errors.append(DataError(path, line, f"woorden.{reader_word}", "verwacht een woord of een lijst van woorden, zoals [werkwijze, aanpak]"))
            continue
        into.meaning.setdefault(reader_word.strip().lower(), set()).update(t for t in targets if t)
    return errors


def _read_groups(path: Path, section: Located, into: SearchWords) -> list[DataError]:
    if not isinstance(section.value, list):
        return [DataError(path, section.line, "groepen", "verwacht een lijst van groepen, zoals - [stuurgroep, governancegroep]")]
    errors: list[DataError] = []
    for number, group in enumerate(section.value, start=1):
        members = [_word(item) for item in group.value] if isinstance(group.value, list) else []
        if len(members) < 2 or None in members:
            errors.append(DataError(path, group.line, f"groepen.{number}", "verwacht een lijst van minstens twee woorden, zoals [stuurgroep, governancegroep]"))
            continue
        for member in members:
            into.meaning.setdefault(member, set()).update(other for other in members if other and other != member)
    return errors


@dataclass
class Vocabulary:
    """Every word of the index, grouped by stem key, so that each form of a word finds the others."""

    forms: dict[str, set[str]]
    typed: dict[str, set[str]]
    separator: re.Pattern[str]

    def other_forms(self, page_words: Iterable[str]) -> set[str]:
        """The words a reader may type for these words: unaccented, other forms, synonyms (and their forms)."""
        found: set[str] = set()
        for word in set(page_words):
            found.add(fold(word))
            for key in stem_keys(word):
                found |= self.forms.get(key, set())
                for typed in self.typed.get(key, set()):
                    found |= self.phrase_forms(typed)
        return found

    def phrase_forms(self, phrase: str) -> set[str]:
        """A synonym as typed, and the forms of each of its words."""
        found: set[str] = set()
        for word in words(phrase, self.separator):
            found |= {word, fold(word)}
            for key in stem_keys(word):
                found |= self.forms.get(key, set())
        return found


def vocabulary(all_words: Iterable[str], separator: re.Pattern[str], search_words: SearchWords) -> Vocabulary:
    forms: dict[str, set[str]] = defaultdict(set)
    for word in set(all_words):
        for key in stem_keys(word):
            forms[key] |= {word, fold(word)}
    return Vocabulary(forms, search_words.typed_for(), separator)


def add_search_forms(
    index: dict[str, Any], search_words: SearchWords, item_synonyms: Mapping[str, Iterable[str]],
) -> dict[str, Any]:
    """The search index with hidden fields of other word forms per entry; item_synonyms is keyed by page address."""
    separator = re.compile(index["config"]["separator"])
    docs: list[dict[str, Any]] = index["docs"]
    doc_words = [(words(doc.get("title", ""), separator), words(doc.get("text", ""), separator)) for doc in docs]
    known = vocabulary((word for pair in doc_words for part in pair for word in part), separator, search_words)
    for doc, (title_words, text_words) in zip(docs, doc_words):
        title_forms = known.other_forms(title_words)
        if "#" not in doc["location"]:
            for synonym in item_synonyms.get(doc["location"], ()):
                title_forms |= known.phrase_forms(synonym)
        _set_field(doc, TITLE_FORMS, title_forms, title_words)
        _set_field(doc, TEXT_FORMS, known.other_forms(text_words) - title_forms, text_words)
    return index


def _set_field(doc: dict[str, Any], name: str, forms: set[str], present: list[str]) -> None:
    """Only forms a typed word would not already find: a query matches the start of an indexed word."""
    shown = sorted(set(present))
    missing = sorted(form for form in forms if len(form) >= MIN_FORM_LENGTH and not _starts_one_of(form, shown))
    if missing:
        doc[name] = " ".join(missing)


def _starts_one_of(prefix: str, ordered: list[str]) -> bool:
    at = bisect.bisect_left(ordered, prefix)
    return at < len(ordered) and ordered[at].startswith(prefix)
