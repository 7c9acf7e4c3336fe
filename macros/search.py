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
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import snowballstemmer

from .loader import DataError, DataErrors, Located, read_yaml

SYNONYM_FILE = "zoekwoorden.yaml"
# Hidden fields of an index entry, each weighted in mkdocs.yml (plugins > search > fields): the other
# names its item declares, and other forms of the words of its title (and names), tags and text.
NAMES, TITLE_FORMS, TAG_FORMS, TEXT_FORMS = "names", "title_forms", "tag_forms", "text_forms"

MIN_FORM_LENGTH = 3  # shorter forms find almost every page
TEXT_FORM_LENGTH = 4  # in running text, short words are mostly small words ("den", "eens")
_STEMMER = snowballstemmer.stemmer("dutch")
_DOUBLE_VOWEL = re.compile(r"([aeiou])\1")
_MARKUP = re.compile(r"<[^>]*>")
_EDGE_MARKS = string.punctuation + "‘’‚“”„«»‹›…–—·•"


@cache
def fold(text: str) -> str:
    """Lower case without accents: "Cliënten" → "clienten", "coördinator" → "coordinator"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str, separator: re.Pattern[str]) -> list[str]:
    """The words of indexed text as the search worker cuts them: markup left out, lower case, no edge punctuation."""
    return list(_words(text, separator))


@lru_cache(maxsize=65536)  # under `mkdocs serve` most of the index is the same text as at the last save
def _words(text: str, separator: re.Pattern[str]) -> tuple[str, ...]:
    plain = html.unescape(_MARKUP.sub(" ", text))
    cut = (part.strip(_EDGE_MARKS) for part in separator.split(plain.lower()))
    return tuple(word for word in cut if word)


@cache
def stem_keys(word: str) -> frozenset[str]:
    """Keys that the forms of one Dutch word share: "dialoog" and "dialogen", "werkwijze" and "werkwijzen",
    "idee" and "ideeën", "tutor" and "tutoren". The Snowball stem alone misses the plural of words ending
    in a vowel, and writes the long vowel of an open syllable twice ("tutoren" → "tutoor")."""
    folded = fold(word)
    stems = {_STEMMER.stemWord(folded)}
    if folded[-1:] in "aeiouy":
        stems |= {_STEMMER.stemWord(folded + "n"), _STEMMER.stemWord(folded + "en")}
    return frozenset(_DOUBLE_VOWEL.sub(r"\1", stem) for stem in stems)


@cache
def inflections(word: str) -> frozenset[str]:
    """Plural and singular forms a reader may type for a word of a title, such as "stuurgroepen" for
    "stuurgroep", "dialogen" for "dialoog", "casussen" for "casus" or "tutor" for "tutoren". Some
    guesses are not Dutch ("dialoogen"); in a hidden field they cost a few bytes and no wrong result."""
    folded = fold(word)
    if len(folded) < 4:
        return frozenset()  # "met", "of": small words, not names
    if folded.endswith(("en", "s")):
        return frozenset(_singulars(folded))
    if folded.endswith("ee"):
        guesses = {folded + "en", folded + "s"}  # idee → ideeen (ideeën folded)
    elif folded.endswith("e"):
        guesses = {folded + "n", folded + "s"}
    elif folded[-1:] in "aiouy":
        guesses = {folded + "s"}
    else:
        guesses = {folded + "en", folded + "s"}
        if re.search(r"[^aeiou](aa|ee|oo|uu)[^aeiou]$", folded):
            guesses.add(folded[:-2] + folded[-1] + "en")  # dialoog → dialogen
        if re.search(r"[^aeiou][aeiou][^aeiouwy]$", folded):
            guesses.add(folded + folded[-1] + "en")  # casus → casussen
    return frozenset(guess for guess in guesses if guess != folded and len(guess) >= MIN_FORM_LENGTH)


def _singulars(folded: str) -> set[str]:
    """dialogen → dialoog, casussen → casus, stuurgroepen → stuurgroep, werkwijzen → werkwijze; and
    for a word in -s that is singular, its plural."""
    if folded.endswith("s"):
        return {folded[:-1], folded + "sen"}  # stakeholders → stakeholder, casus → casussen
    base = folded[:-2]
    guesses = {base, base + "e"}
    if re.search(r"(.)\1$", base):
        guesses.add(base[:-1])
    if re.search(r"[^aeiou][aeiou][^aeiou]$", base):
        guesses.add(base[:-2] + base[-2] + base[-2:])
    return {guess for guess in guesses if len(guess) >= MIN_FORM_LENGTH}


def title_weight(title_words: list[str]) -> float:
    """Material sets lunr's length normalisation (b) to 0, so a one-word title counts as much as a
    ten-word one. A reader who types "Dialoog" means the page called that, not "Dialoog over een
    goede toekomst: werkblad": shorter titles weigh a little more (half again for one word)."""
    return 1 + 0.5 / max(len(title_words), 1)


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
    by_word: dict[str, frozenset[str]] = field(default_factory=dict)  # most words are on many pages

    def other_forms(self, page_words: Iterable[str]) -> set[str]:
        """The words a reader may type for these words: unaccented, other forms, synonyms (and their forms)."""
        return set().union(*(self.word_forms(word) for word in set(page_words)))

    def word_forms(self, word: str) -> frozenset[str]:
        if word not in self.by_word:
            found = {fold(word)}
            for key in stem_keys(word):
                found |= self.forms.get(key, set())
                for typed in self.typed.get(key, set()):
                    found |= self.phrase_forms(typed)
            self.by_word[word] = frozenset(found)
        return self.by_word[word]

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


@dataclass(frozen=True)
class EntryWords:
    """The words of one index entry, and the other names of its item (on the entry of the page itself)."""

    title: list[str]
    text: list[str]
    tags: list[str]
    names: list[str]

    def all(self) -> list[str]:
        return self.title + self.text + self.tags + self.names


def entry_words(doc: dict[str, Any], separator: re.Pattern[str], item_synonyms: Mapping[str, Iterable[str]]) -> EntryWords:
    names = item_synonyms.get(doc["location"], ()) if "#" not in doc["location"] else ()
    return EntryWords(
        title=words(doc.get("title", ""), separator),
        text=words(doc.get("text", ""), separator),
        tags=[word for tag in doc.get("tags", ()) for word in words(tag, separator)],
        names=[word for name in names for word in words(name, separator)],
    )


def add_search_forms(
    index: dict[str, Any], search_words: SearchWords, item_synonyms: Mapping[str, Iterable[str]],
) -> dict[str, Any]:
    """The search index with hidden fields of other word forms per entry; item_synonyms is keyed by page address."""
    separator = re.compile(index["config"]["separator"])
    docs: list[dict[str, Any]] = index["docs"]
    found = [entry_words(doc, separator, item_synonyms) for doc in docs]
    known = vocabulary((word for entry in found for word in entry.all()), separator, search_words)
    page_text: dict[str, list[str]] = defaultdict(list)
    for doc, entry in zip(docs, found):
        page_text[doc["location"].split("#")[0]] += entry.text
    for doc, entry in zip(docs, found):
        named = entry.title + entry.names
        _set_field(doc, NAMES, {form for word in entry.names for form in (word, fold(word))}, entry.title)
        _set_field(doc, TITLE_FORMS, known.other_forms(named) | {form for word in named for form in inflections(word)}, named)
        if "#" not in doc["location"]:
            # The entries of a page's sections share most words, and each repeats the page's tags: their
            # forms go once, on the entry of the page itself. That keeps the index a third smaller.
            text = page_text[doc["location"]]
            _set_field(doc, TEXT_FORMS, known.other_forms(text), text, TEXT_FORM_LENGTH)
            _set_field(doc, TAG_FORMS, {form for word in entry.tags for form in (fold(word), *inflections(word))}, entry.tags)
            doc["boost"] = round(doc.get("boost", 1) * title_weight(entry.title), 3)
    return index


def _set_field(doc: dict[str, Any], name: str, forms: set[str], present: list[str], min_length: int = MIN_FORM_LENGTH) -> None:
    """Only forms a typed word would not already find: a query matches the start of an indexed word."""
    present_words = set(present)
    shown = sorted(present_words)
    missing = sorted(form for form in forms - present_words if len(form) >= min_length and not _starts_one_of(form, shown))
    if missing:
        doc[name] = " ".join(missing)


def _starts_one_of(prefix: str, ordered: list[str]) -> bool:
    at = bisect.bisect_left(ordered, prefix)
    return at < len(ordered) and ordered[at].startswith(prefix)
