"""Source references: where in a source an item comes from, and works a source only cites shown as
"aangehaald in" that source; never as a source the handbook read itself."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros.loader import DataErrors, load_data
from macros.schema import kind_schema

from .conftest import build_with_data
from .site_html import page_file, visible_text

READ = "title: Gelezen gids\ntype: handboek\nauthors: [Schrijver]\nyear: 2021\nseed: gids.txt\n"
CITED = "title: Oud boek\ntype: boek\nauthors: [Denker]\nyear: 1990\ncited_in: [gids]\n"
OTHER = "title: Andere gids\ntype: essay\n"
TERM = "term: Kernwoord\ndefinition: Een woord dat telt.\n"
SHEET = (
    "title: Blad\npurpose: Een proef.\nmoment: na-afloop\n"
    "blocks:\n  - type: vraag\n    prompt: Wat viel je op?\n    lines: 3\n"
)
WITH_LOCATOR = "sources:\n  - {source: gids, locator: \"p. 14\", cites: [oud-boek]}\n  - andere\n"
TWO_PLACES = WITH_LOCATOR + "  - {source: gids, locator: p. 20}\n"


def write_data(folder: Path, term_sources: str) -> Path:
    files = {"sources/gids.yaml": READ, "sources/oud-boek.yaml": CITED, "sources/andere.yaml": OTHER,
             "terms/kernwoord.yaml": TERM + term_sources}
    for name, text in files.items():
        path = folder / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder / "data"


def problems(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as raised:
        load_data(data)
    return [str(error) for error in raised.value.errors]


def test_a_reference_is_an_id_or_a_source_with_locator_and_cited_works(tmp_path: Path) -> None:
    term = load_data(write_data(tmp_path, WITH_LOCATOR)).items["terms"]["kernwoord"]
    assert [(ref.source, ref.locator, ref.cites) for ref in term.sources] == [
        ("gids", "p. 14", ("oud-boek",)), ("andere", None, ()),
    ]


def test_a_work_known_only_from_another_source_cannot_be_named_as_the_source(tmp_path: Path) -> None:
    [message] = problems(write_data(tmp_path, "sources:\n  - andere\n  - oud-boek\n"))
    assert "terms/kernwoord.yaml:5: sources[2].source:" in message
    assert "'oud-boek' kent het handboek alleen als aangehaald in 'gids'" in message
    assert "zet 'oud-boek' onder cites" in message


def test_a_cited_work_must_be_cited_in_the_source_it_is_listed_under(tmp_path: Path) -> None:
    [message] = problems(write_data(tmp_path, "sources:\n  - {source: andere, locator: p. 3, cites: [oud-boek]}\n"))
    assert "terms/kernwoord.yaml:4: sources[1].cites:" in message
    assert "data/sources/oud-boek.yaml noemt 'andere' niet onder cited_in" in message


def test_a_reference_without_source_names_the_field(tmp_path: Path) -> None:
    [message] = problems(write_data(tmp_path, "sources:\n  - {locator: p. 3}\n"))
    assert "terms/kernwoord.yaml:4: sources[1].source: ontbreekt" in message


def test_the_schema_accepts_both_forms_and_refuses_an_unknown_field() -> None:
    schema = kind_schema("terms")
    term = yaml.safe_load(TERM + WITH_LOCATOR)
    jsonschema.validate(term, schema)
    term["sources"][0]["page"] = 14
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(term, schema)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("references")
    return build_with_data(folder, {
        "sources/gids.yaml": READ, "sources/oud-boek.yaml": CITED, "sources/andere.yaml": OTHER,
        "sources/webpagina.yaml": "title: Webpagina\ntype: webpagina\nurl: https://voorbeeld.nl/\n",
        "terms/kernwoord.yaml": TERM + TWO_PLACES,
        "worksheets/blad.yaml": SHEET + TWO_PLACES,
    })


def test_item_page_shows_the_locator_and_the_cited_work_as_cited_in_its_source(site: Path) -> None:
    text = visible_text(page_file(site, "begrippen/kernwoord.md"))
    sources = text.rsplit("Bronnen", 1)[1].replace(" ,", ",")  # the text helper puts a space where a link ends
    assert "Gelezen gids (Schrijver; 2021), p. 14; p. 20" in sources
    assert "Oud boek (Denker; 1990), aangehaald in Gelezen gids, p. 14 " in sources
    listed = sources.split("Het handboek kent deze werken alleen", 1)[0]
    assert listed.count("Gelezen gids") == 1 and "Andere gids" in listed
    assert "Oud boek" not in listed


def test_printed_sheet_credits_the_locator_and_the_cited_work(site: Path) -> None:
    page = page_file(site, "werkbladen/blad.md").read_text(encoding="utf-8")
    credit = page.split('class="hb-sheet__credit"', 1)[1].split(">", 1)[1].split("</p>", 1)[0]
    assert credit.startswith(
        "Bron: Gelezen gids (Schrijver; 2021), p. 14; p. 20. Bron: Andere gids. "
        "Oud boek (Denker; 1990), aangehaald in Gelezen gids. In eigen woorden bewerkt"
    )


def test_open_data_carries_the_locator_and_the_cited_works(site: Path) -> None:
    [term] = json.loads((site / "open-data" / "terms.json").read_text(encoding="utf-8"))
    assert term["sources"] == [
        {"source": "gids", "locator": "p. 14", "cites": ["oud-boek"]},
        {"source": "andere", "cites": []},
        {"source": "gids", "locator": "p. 20", "cites": []},
    ]
    schema = json.loads((site / "open-data" / "terms.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate([term], schema)


def test_the_source_list_keeps_read_and_only_cited_works_apart(site: Path) -> None:
    text = visible_text(page_file(site, "bronnen/index.md"))
    body = text.rsplit("Brondocumenten van dit handboek", 1)[1]  # after the table of contents
    seeds, rest = body.split("Aanvullende bronnen die het handboek raadpleegde", 1)
    consulted, cited = rest.split("Werken die de brondocumenten aanhalen", 1)
    assert "Gelezen gids" in seeds
    assert "Webpagina" in consulted and "Andere gids" in consulted and "Oud boek" not in consulted
    assert "Oud boek" in cited


def test_a_cited_work_says_the_items_lean_on_the_source_that_cites_it(site: Path) -> None:
    text = visible_text(page_file(site, "bronnen/oud-boek.md"))
    assert "Aangehaald in: Gelezen gids" in text
    assert "Gebruikt in dit handboek" not in text
    named = text.split("Genoemd in dit handboek", 1)[1]
    assert "Kernwoord" in named and "Blad" in named
