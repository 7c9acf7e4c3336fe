"""Values are checked against what they mean, not only their type: numbers, titles, steps, references."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.loader import load_data

from .test_loader import VALID_TERM, data, problems, write  # noqa: F401 (data is a fixture)

METHOD = "title: M\nsummary: S\npurpose: P\nsources: [bron]\n"
STEPS = "steps:\n  - title: Voorbereiden\n  - title: Gesprek\n"
WORKSHEET = "title: W\npurpose: P\nmoment: na-afloop\nsources: [bron]\n"


def sheet(blocks: str, extra: str = "") -> str:
    return WORKSHEET + extra + "blocks:\n" + blocks


def plan(item: str) -> str:
    return "title: P\nsummary: S\nsources: [bron]\nitems:\n  - " + item + "\n"


@pytest.mark.parametrize(("relative", "text", "expected"), [
    ("methods/m.yaml", METHOD + "duration: {minutes_min: 12:30}\n",
     "m.yaml:5: duration.minutes_min: 12:30 leest YAML als het getal 750; schrijf het getal gewoon, zonder voorloopnul, "
     "dubbele punt of liggend streepje (zoals 45), of zet het tussen aanhalingstekens als het tekst is"),
    ("methods/m.yaml", METHOD + "duration: {minutes_max: 045}\n", "m.yaml:5: duration.minutes_max: 045 leest YAML als het getal 37; "),
    ("plans/p.yaml", plan("{title: Pauze, minutes: 1_000}"), "p.yaml:5: items[1].minutes: 1_000 leest YAML als het getal 1000; "),
    ("methods/m.yaml", METHOD + "duration: {minutes_min: 0}\n",
     "m.yaml:5: duration.minutes_min: verwacht een geheel getal van 1 tot en met 1440, gevonden het getal 0"),
    ("methods/m.yaml", METHOD + "duration: {minutes_max: -30}\n",
     "m.yaml:5: duration.minutes_max: verwacht een geheel getal van 1 tot en met 1440, gevonden het getal -30"),
    ("methods/m.yaml", METHOD + "duration: {minutes_min: 120, minutes_max: 10}\n",
     "m.yaml:5: duration.minutes_max: 10 is kleiner dan minutes_min (120); verwacht minstens 120"),
    ("methods/m.yaml", METHOD + "duration:\n  minutes_min: 120\n  minutes_max: 10\n",
     "m.yaml:7: duration.minutes_max: 10 is kleiner dan minutes_min (120); verwacht minstens 120"),
    ("methods/m.yaml", METHOD + "duration:\n  months: 1000000000000000000000000000000\n",
     "m.yaml:6: duration.months: verwacht een geheel getal van 1 tot en met 120, gevonden het getal 1000000000000000000000000000000"),
    ("methods/m.yaml", METHOD + "duration: {half_days: 0}\n",
     "m.yaml:5: duration.half_days: verwacht een geheel getal van 1 tot en met 100, gevonden het getal 0"),
    ("methods/m.yaml", METHOD + "group_size: {min: 12, max: 3}\n", "m.yaml:5: group_size.max: 3 is kleiner dan min (12); verwacht minstens 12"),
    ("plans/p.yaml", plan("{title: Pauze, minutes: 2000}"),
     "p.yaml:5: items[1].minutes: verwacht een geheel getal van 1 tot en met 1440, gevonden het getal 2000"),
    ("plans/p.yaml", plan("{title: Pauze, minutes: 0}"),
     "p.yaml:5: items[1].minutes: verwacht een geheel getal van 1 tot en met 1440, gevonden het getal 0"),
    ("worksheets/w.yaml", sheet("  - {type: notities}\n", "page_limit: 0\n"),
     "w.yaml:5: page_limit: verwacht een geheel getal van 1 tot en met 20, gevonden het getal 0"),
    ("worksheets/w.yaml", sheet("  - {type: vraag, prompt: V, lines: 100000000}\n"),
     "w.yaml:6: blocks[1].lines: verwacht een geheel getal van 1 tot en met 33, gevonden het getal 100000000"),
    ("worksheets/w.yaml", sheet("  - {type: notities, box_mm: -5}\n"),
     "w.yaml:6: blocks[1].box_mm: verwacht een geheel getal van 1 tot en met 250, gevonden het getal -5"),
    ("worksheets/w.yaml", sheet("  - {type: tabel, title: T, columns: [A], row_mm: 300}\n"),
     "w.yaml:6: blocks[1].row_mm: verwacht een geheel getal van 1 tot en met 250, gevonden het getal 300"),
    ("worksheets/w.yaml", sheet("  - {type: schema, title: T, levels: [A], boxes: 1000}\n"),
     "w.yaml:6: blocks[1].boxes: verwacht een geheel getal van 1 tot en met 10, gevonden het getal 1000"),
    ("worksheets/w.yaml", sheet("  - {type: beoordeling, title: T, items: [A], scale_max: 100}\n"),
     "w.yaml:6: blocks[1].scale_max: verwacht een geheel getal van 1 tot en met 10, gevonden het getal 100"),
    ("worksheets/w.yaml", sheet("  - {type: notities, box_mm: 200}\n  - {type: vraag, prompt: V, box_mm: 100}\n"),
     "w.yaml:1: page_limit: de schrijfruimte van de blokken is samen 300 mm, meer dan op 1 A4-pagina's past "
     "(265 mm); maak de blokken kleiner of verhoog page_limit"),
], ids=[
    "sexagesimal", "octal", "underscores", "zero-minutes", "negative-minutes", "inverted-duration",
    "inverted-duration-block", "huge-months",
    "zero-half-days", "inverted-group", "plan-day-and-more", "plan-zero", "page-limit-zero", "lines-huge",
    "box-negative", "row-too-tall", "boxes-many", "scale-wide", "sheet-overfull",
])
def test_numbers_outside_their_meaning_are_refused(data: Path, relative: str, text: str, expected: str) -> None:
    write(data, relative, text)
    messages = problems(data)
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"{data}/{relative.split('/')[0]}/") and expected in messages[0], messages


def test_sensible_numbers_and_quoted_times_pass(data: Path) -> None:
    write(data, "methods/m.yaml", METHOD + "duration: {minutes_min: 45, minutes_max: 45, note: '12:30'}\ngroup_size: {min: 1, max: 1000}\n")
    write(data, "worksheets/w.yaml", sheet("  - {type: vraag, prompt: V, lines: 33}\n", "page_limit: 1\n"))
    loaded = load_data(data)
    assert loaded.items["methods"]["m"].duration.note == "12:30"


def test_a_worksheet_step_must_be_a_step_of_its_method(data: Path) -> None:
    write(data, "methods/m.yaml", METHOD + STEPS)
    write(data, "worksheets/w.yaml", sheet("  - {type: notities}\n", "method: m\nstep: Gesprekken\n"))
    assert problems(data) == [
        f"{data}/worksheets/w.yaml:6: step: data/methods/m.yaml heeft geen stap 'Gesprekken'; verwacht een van: 'Voorbereiden'; 'Gesprek'"
    ]


def test_a_worksheet_step_needs_its_method(data: Path) -> None:
    write(data, "worksheets/w.yaml", sheet("  - {type: notities}\n", "step: Gesprek\n"))
    assert problems(data) == [f"{data}/worksheets/w.yaml:5: step: een stap hoort bij een werkwijze; vul ook method in"]


def test_a_worksheet_naming_a_real_step_passes(data: Path) -> None:
    write(data, "methods/m.yaml", METHOD + STEPS)
    write(data, "worksheets/w.yaml", sheet("  - {type: notities}\n", "method: m\nstep: Gesprek\n"))
    assert load_data(data).items["worksheets"]["w"].step == "Gesprek"


@pytest.mark.parametrize(("kind", "field_path", "minimum", "maximum"), [
    ("plans", ("$defs", "PlanItem", "properties", "minutes"), 1, 1440),
    ("worksheets", ("properties", "page_limit"), 1, 20),
])
def test_the_schemas_show_the_same_bounds(kind: str, field_path: tuple[str, ...], minimum: int, maximum: int) -> None:
    from macros.schema import kind_schema

    spec = kind_schema(kind)
    for step in field_path:
        spec = spec[step]
    assert (spec["minimum"], spec["maximum"]) == (minimum, maximum)


def test_two_items_of_a_kind_may_not_share_a_title(data: Path) -> None:
    write(data, "terms/tweede.yaml", VALID_TERM.replace("term: Bedoeling", "term: '  bedoeling '"))
    assert problems(data) == [
        f"{data}/terms/tweede.yaml:1: term: 'bedoeling' is ook de term van {data}/terms/bedoeling.yaml; geef elk onderdeel een eigen term"
    ]


def test_the_same_title_in_two_kinds_is_fine(data: Path) -> None:
    write(data, "methods/bedoeling.yaml", METHOD.replace("title: M", "title: Bedoeling"))
    assert load_data(data).items["methods"]["bedoeling"].title == "Bedoeling"


def test_an_item_may_not_name_itself(data: Path) -> None:
    write(data, "terms/bedoeling.yaml", VALID_TERM + "related:\n  - bedoeling\n")
    assert problems(data) == [f"{data}/terms/bedoeling.yaml:5: related: 'bedoeling' is dit onderdeel zelf; laat het weg"]


@pytest.mark.parametrize("linked", ["file", "folder"])
def test_a_data_file_linked_from_outside_is_refused_without_its_content(tmp_path: Path, data: Path, linked: str) -> None:
    secret = tmp_path / "geheim" / "sleutel.yaml"
    secret.parent.mkdir()
    secret.write_text("GEHEIM_TOKEN_123\n", encoding="utf-8")
    if linked == "file":
        (data / "terms/sleutel.yaml").symlink_to(secret)
        shown = data / "terms/sleutel.yaml"
    else:
        (data / "roles").symlink_to(secret.parent, target_is_directory=True)
        shown = data / "roles/sleutel.yaml"
    messages = problems(data)
    assert messages == [
        f"{shown}:1: is een koppeling (symlink) naar een bestand buiten de map met gegevens; zet het bestand zelf in de map"
    ]
    assert "GEHEIM" not in messages[0] and "geheim" not in messages[0]


def test_a_link_inside_the_data_folder_is_read_like_any_file(data: Path) -> None:
    (data / "terms/zelfde.yaml").symlink_to(data / "terms/bedoeling.yaml")
    messages = problems(data)
    assert messages == [f"{data}/terms/zelfde.yaml:1: term: 'Bedoeling' is ook de term van {data}/terms/bedoeling.yaml; geef elk onderdeel een eigen term"]


def test_a_long_value_is_quoted_shortened(data: Path) -> None:
    write(data, "terms/lang.yaml", "term: Lang\ndefinition: Y\nsources: [bron]\nsynonyms: " + "x" * 5000 + "\n")
    (message,) = problems(data)
    assert message.startswith(f"{data}/terms/lang.yaml:4: synonyms: verwacht een lijst, gevonden '{'x' * 79}… (ingekort)")
    assert len(message) < 400
