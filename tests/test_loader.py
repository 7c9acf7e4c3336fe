"""The loader turns every kind of bad input into one clear message naming file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.loader import DataErrors, load_data

VALID_SOURCE = "title: Een bron\ntype: essay\n"
VALID_TERM = "term: Bedoeling\ndefinition: Waar het werk om draait.\nsources: [bron]\n"


def write(data: Path, relative: str, text: str) -> Path:
    path = data / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    write(data, "sources/bron.yaml", VALID_SOURCE)
    write(data, "terms/bedoeling.yaml", VALID_TERM)
    return data


def problems(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as raised:
        load_data(data)
    return [str(error) for error in raised.value.errors]


def test_valid_data_loads_with_ids_from_file_names(data: Path) -> None:
    loaded = load_data(data)
    assert loaded.items["terms"]["bedoeling"].term == "Bedoeling"
    assert loaded.items["sources"]["bron"].type == "essay"


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("term: [\n", 2, "YAML-fout"),
        ("", 1, "het bestand is leeg"),
        ("term: X\nsources: [bron]\n", 1, "definition: ontbreekt"),
        ("term: X\ndefinition: 12\nsources: [bron]\n", 2, "definition: verwacht tekst, gevonden het getal 12"),
        ("term: X\ndefinition: Y\nsources: [bron]\ncolour: red\n", 4, "colour: onbekend veld"),
        ("term: X\ndefinition: Y\nsources:\n  - bron\n  - brn\n", 5, "sources[2].source: onbekende id 'brn'"),
        ("term: X\nterm: Y\ndefinition: Y\nsources: [bron]\n", 2, "term: dit veld staat er twee keer in"),
        ("term: X\ndefinition: Y\nsynonyms: gesprek\nsources: [bron]\n", 3, "synonyms: verwacht een lijst"),
        ("term: 12:30\ndefinition: Y\nsources: [bron]\n", 1, "12:30 (gelezen als het getal 750)"),
        ("term: on\ndefinition: Y\nsources: [bron]\n", 1, "gevonden on (gelezen als true"),
    ],
    ids=["syntax", "empty", "missing", "wrong-type", "unknown-key", "unknown-id", "repeated-key", "not-a-list", "time", "yaml11-bool"],
)
def test_bad_file_names_file_line_and_problem(data: Path, text: str, line: int, expected: str) -> None:
    write(data, "terms/kapot.yaml", text)
    messages = problems(data)
    assert len(messages) == 1, messages
    assert f"terms/kapot.yaml:{line}: " in messages[0]
    assert expected in messages[0]


def test_every_problem_is_reported_not_only_the_first(data: Path) -> None:
    write(data, "terms/een.yaml", "term: X\nsources: [bron]\n")
    write(data, "terms/twee.yaml", "term: X\ndefinition: Y\nsources: [nergens]\nextra: 1\n")
    messages = problems(data)
    assert len(messages) == 3
    assert any("een.yaml:1: definition: ontbreekt" in message for message in messages)
    assert any("twee.yaml:3: sources[1].source: onbekende id 'nergens'" in message for message in messages)
    assert any("twee.yaml:4: extra: onbekend veld" in message for message in messages)


def test_duplicate_id_across_extensions_is_reported(data: Path) -> None:
    write(data, "terms/bedoeling.yml", VALID_TERM)
    messages = problems(data)
    assert any("bedoeling.yml:1: id: id 'bedoeling' bestaat al" in message for message in messages)


def test_nested_fields_are_named_with_their_path(data: Path) -> None:
    write(data, "methods/m.yaml", (
        "title: M\nsummary: S\npurpose: P\nsources: [bron]\n"
        "steps:\n  - title: Stap\n    duration: {half_days: een}\n"
    ))
    messages = problems(data)
    assert any("m.yaml:7: steps[1].duration.half_days: verwacht een geheel getal" in message for message in messages)


def test_unknown_choice_lists_the_allowed_values(data: Path) -> None:
    write(data, "methods/m.yaml", "title: M\nsummary: S\npurpose: P\nphases: [dromen]\nsources: [bron]\n")
    messages = problems(data)
    assert any("phases[1]: onbekende waarde 'dromen'; verwacht een van: verkennen" in message for message in messages)


def test_file_name_that_is_not_an_id_is_reported(data: Path) -> None:
    write(data, "terms/Mijn Begrip.yaml", VALID_TERM)
    assert any("is geen geldige id" in message for message in problems(data))
