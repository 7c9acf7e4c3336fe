"""The search index's hidden word forms (macros/search.py) and the synonym list data/zoekwoorden.yaml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.loader import DataErrors
from macros.search import SearchWords, add_search_forms, fold, load_search_words

SEPARATOR = r"[\s\-/()\[\]]+"


def index(*docs: dict[str, object]) -> dict[str, object]:
    return {"config": {"separator": SEPARATOR}, "docs": [dict(doc) for doc in docs]}


def hidden(doc: dict[str, object]) -> set[str]:
    """Every hidden word of an entry, whatever field it is in."""
    fields = ("names", "title_forms", "tag_forms", "text_forms")
    return {word for name in fields for word in str(doc.get(name, "")).split()}


def test_fold_drops_accents_and_case() -> None:
    assert fold("Cliënten") == "clienten"
    assert fold("coördinator") == "coordinator"
    assert fold("Forlì-Cesena") == "forli-cesena"


def test_an_accented_word_is_findable_without_its_accent_and_the_text_stays_as_written() -> None:
    result = add_search_forms(index({"location": "raad/", "title": "Cliëntenraad", "text": "<p>Met een coördinator.</p>"}), SearchWords(), {})
    doc = result["docs"][0]
    assert {"clientenraad", "coordinator"} <= hidden(doc)
    assert doc["title"] == "Cliëntenraad" and doc["text"] == "<p>Met een coördinator.</p>"


def test_each_form_of_a_word_finds_the_pages_with_the_other_form() -> None:
    result = add_search_forms(index(
        {"location": "a/", "title": "Dialoog", "text": ""},
        {"location": "b/", "title": "Over dialogen", "text": ""},
    ), SearchWords(), {})
    singular, plural = result["docs"]
    assert "dialogen" in hidden(singular)
    assert "dialoog" in hidden(plural)


def test_the_plural_of_a_title_word_is_findable_even_where_no_page_writes_it() -> None:
    result = add_search_forms(index({"location": "rol/", "title": "Stuurgroep", "text": ""}), SearchWords(), {})
    assert "stuurgroepen" in result["docs"][0]["title_forms"].split()


def test_synonyms_of_the_list_and_of_the_item_are_added_where_the_meant_word_stands() -> None:
    words = SearchWords({"werkvorm": {"werkwijze"}})
    result = add_search_forms(index(
        {"location": "werkwijzen/", "title": "Werkwijzen", "text": ""},
        {"location": "kring/", "title": "Kring", "text": "<p>Een andere werkwijze.</p>"},
        {"location": "kring/#stappen", "title": "Stappen", "text": ""},
    ), words, {"kring/": ("stiltemoment",), "kring/#stappen": ("nergens",)})
    overview, item, section = result["docs"]
    assert "werkvorm" in overview["title_forms"].split()
    assert "werkvorm" in item["text_forms"].split()
    assert item["names"] == "stiltemoment"
    assert "names" not in section


def test_a_form_that_a_typed_word_already_finds_is_left_out() -> None:
    # Search matches the start of a word: "werk" already finds "werken".
    result = add_search_forms(index(
        {"location": "a/", "title": "Werken", "text": ""},
        {"location": "b/", "title": "Werk", "text": ""},
    ), SearchWords(), {})
    assert "werk" not in hidden(result["docs"][0])


def test_a_short_title_weighs_more_than_a_long_one_that_holds_the_same_word() -> None:
    result = add_search_forms(index(
        {"location": "a/", "title": "Dialoog", "text": "", "boost": 2},
        {"location": "b/", "title": "Dialoog over een goede toekomst", "text": "", "boost": 2},
    ), SearchWords(), {})
    short, long = result["docs"]
    assert short["boost"] > long["boost"] > 2


def write(data: Path, text: str) -> Path:
    data.mkdir(parents=True, exist_ok=True)
    path = data / "zoekwoorden.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_synonym_list_reads_one_way_words_and_groups(tmp_path: Path) -> None:
    write(tmp_path, "woorden:\n  werkvorm: [werkwijze]\n  energizer: opwarmdialoog\ngroepen:\n  - [stuurgroep, governancegroep]\n")
    words = load_search_words(tmp_path)
    assert words.meaning == {
        "werkvorm": {"werkwijze"}, "energizer": {"opwarmdialoog"},
        "stuurgroep": {"governancegroep"}, "governancegroep": {"stuurgroep"},
    }


def test_without_a_synonym_list_search_has_no_synonyms(tmp_path: Path) -> None:
    assert load_search_words(tmp_path).meaning == {}


@pytest.mark.parametrize(("text", "line", "field", "words"), [
    ("woorden:\n  werkvorm: [werkwijze]\nsynoniemen: {}\n", 3, "synoniemen", "onbekend veld"),
    ("groepen:\n  - [stuurgroep]\n", 2, "groepen.1", "minstens twee woorden"),
    ("woorden:\n  werkvorm: {werkwijze: 1}\n", 2, "woorden.werkvorm", "een woord of een lijst"),
    ("woorden: [werkvorm]\n", 1, "woorden", "werkvorm: [werkwijze]"),
])
def test_a_mistake_in_the_synonym_list_names_file_line_and_field(tmp_path: Path, text: str, line: int, field: str, words: str) -> None:
    write(tmp_path, text)
    with pytest.raises(DataErrors) as raised:
        load_search_words(tmp_path)
    message = str(raised.value)
    assert re.search(rf"zoekwoorden\.yaml:{line}: {re.escape(field)}: .*{re.escape(words)}", message), message
