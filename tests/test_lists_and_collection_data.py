"""A collection's own lists (data/lijsten.yaml) and the room for its data on methods: links, an external id,
an image, a duration range or one per group size, and extra labelled fields. All on data written here."""

from __future__ import annotations

import html
import os
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from macros import finder
from macros.handbook import Handbook
from macros.loader import DataErrors, load_data, read_yaml
from macros.model import Lists
from macros.open_data import open_data_files
from macros.pages import item_tags
from macros.planner import planner_payload
from macros.scaffold import starter
from macros.schema import kind_schema, lists_schema

from .conftest import build, copy_project

# Six phases of another collection, none of them one of the reference handbook's.
PHASES = {
    "signaleren": "Signaleren",
    "verhelderen": "Verhelderen",
    "kiezen": "Kiezen",
    "aan-de-slag": "Aan de slag",
    "volhouden": "Volhouden",
    "terugkijken": "Terugkijken & leren",
}
LISTS = "phases:\n" + "".join(f"  - id: {phase_id}\n    label: {label}\n" for phase_id, label in PHASES.items()) + (
    "settings:\n  - id: klas\n    label: In de klas\n  - id: school\n    label: Hele school\n"
)
SOURCE = "title: Een bron\ntype: essay\n"


def method(title: str, *more: str) -> str:
    return f"title: {title}\nsummary: Kort.\npurpose: Waarvoor.\nsources: [bron]\n" + "".join(line + "\n" for line in more)


def png() -> bytes:
    """A real one-pixel PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\xff\0\0")) + chunk(b"IEND", b"")


FULL_METHOD = method(
    "Volle kaart",
    "phases: [signaleren, verhelderen]",
    "settings: [klas]",
    "duration:\n  minutes_min: 30\n  minutes_max: 75",
    "external_id: WV-0042",
    "image:\n  file: data/afbeeldingen/kaart.png\n  alt: Een kring stoelen <rond> een tafel",
    "links:\n  - title: De werkvorm bij de bron\n    url: https://example.org/werkvormen/42?taal=nl&x=1\n"
    "  - title: Filmpje *met* uitleg\n    url: https://example.org/film",
    "extra:\n  - label: Leeftijd\n    text: 12 tot 16 jaar\n  - label: Niveau\n    text: Alle niveaus <b>",
)
GROUP_METHOD = method(
    "Per groep",
    "phases: [kiezen]",
    "settings: [klas]",
    "roles: [leerling, mentor]",
    "duration:\n  by_group_size:\n    - up_to_participants: 8\n      minutes: 45\n    - up_to_participants: 30\n      minutes: 90",
)
OTHER_METHODS = {
    f"methods/fase-{phase_id}.yaml": method(f"Werkvorm {number}", f"phases: [{phase_id}]", "settings: [klas]")
    for number, phase_id in enumerate(["aan-de-slag", "volhouden", "terugkijken"], start=1)
}


def collection_files() -> dict[str, str]:
    return {
        "lijsten.yaml": LISTS,
        "sources/bron.yaml": SOURCE,
        **{f"roles/{role}.yaml": f"name: {role.capitalize()}\nsummary: Een rol.\nsources: [bron]\n" for role in ("leerling", "mentor")},
        "methods/volle-kaart.yaml": FULL_METHOD,
        "methods/per-groep.yaml": GROUP_METHOD,
        **OTHER_METHODS,
    }


def write_data(data: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (data / "afbeeldingen").mkdir(exist_ok=True)
    (data / "afbeeldingen" / "kaart.png").write_bytes(png())
    return data


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write_data(tmp_path / "handboek" / "data", collection_files())


def problems(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as raised:
        load_data(data)
    return [str(error) for error in raised.value.errors]


def only_problem(data: Path) -> str:
    found = problems(data)
    assert len(found) == 1, found
    return found[0]


def rewrite(data: Path, name: str, old: str, new: str) -> None:
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(data: Path, name: str, text: str) -> int:
    lines = (data / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


# The lists ------------------------------------------------------------------------------------------------


def test_six_phases_of_the_collection_reach_the_finder_in_their_order_with_their_labels(data: Path) -> None:
    handbook = Handbook(load_data(data))
    facets = {facet.key: facet for facet in finder.facets(handbook, finder.cards(handbook))}
    assert [(option.value, option.label) for option in facets["fase"].options] == list(PHASES.items())


def test_tags_carry_the_collections_phase_labels(data: Path) -> None:
    handbook = Handbook(load_data(data))
    tags = item_tags(handbook.entry("methods", "volle-kaart"), handbook)
    assert "Signaleren" in tags and "Verhelderen" in tags and "In de klas" in tags


def test_a_phase_not_in_the_lists_is_refused_with_file_line_and_the_known_values(data: Path) -> None:
    rewrite(data, "methods/per-groep.yaml", "phases: [kiezen]", "phases:\n  - kiezen\n  - ontwerpen")
    line = line_of(data, "methods/per-groep.yaml", "- ontwerpen")
    message = only_problem(data)
    assert f"methods/per-groep.yaml:{line}: phases[2]: onbekende waarde 'ontwerpen'" in message
    assert "signaleren, verhelderen, kiezen, aan-de-slag, volhouden, terugkijken" in message
    assert "lijsten.yaml" in message


def test_without_a_lists_file_the_default_lists_hold(data: Path) -> None:
    (data / "lijsten.yaml").unlink()
    refused = [problem for problem in problems(data) if "volle-kaart.yaml" in problem and "phases[1]" in problem]
    assert refused and "onbekende waarde 'signaleren'" in refused[0]
    assert "verkennen, bedoeling-bepalen, ontwerpen, uitvoeren-en-verankeren, reflecteren-en-leren" in refused[0]


@pytest.mark.parametrize(("lists", "line", "field", "message"), [
    ("phases:\n  - id: Hoofdletter\n    label: Fout\n", 2, "phases[1].id", "'Hoofdletter' is geen geldige id"),
    ("phases:\n  - id: a\n    label: A\n  - id: a\n    label: Nog eens A\n", 2, "phases", "meer dan eens: a"),
    ("phases:\n  - id: a\n", 2, "phases[1].label", "ontbreekt"),
    ("fasen:\n  - id: a\n    label: A\n", 1, "fasen", "onbekend veld"),
    ("phases: []\n", 1, "phases", "noem minstens één waarde"),
])
def test_a_broken_lists_file_is_refused_with_file_line_and_field(data: Path, lists: str, line: int, field: str, message: str) -> None:
    (data / "lijsten.yaml").write_text(lists, encoding="utf-8")
    found = problems(data)
    assert len(found) == 1 and f"lijsten.yaml:{line}: {field}: " in found[0] and message in found[0], found
    # the data's phases are not checked against a broken list: one problem, not one per method


def test_a_filter_group_with_one_value_in_the_data_is_not_offered(data: Path) -> None:
    handbook = Handbook(load_data(data))
    keys = [facet.key for facet in finder.facets(handbook, finder.cards(handbook))]
    assert "fase" in keys
    assert "setting" not in keys  # every method is "klas"
    assert "bron" not in keys  # one source
    assert "rol" in keys


def test_schema_open_data_and_new_offer_the_collections_lists(data: Path) -> None:
    handbook = Handbook(load_data(data))
    phases = kind_schema("methods", handbook.lists)["properties"]["phases"]
    assert phases["items"] == {"enum": list(PHASES)}
    index = open_data_files(handbook, "Collectie")["open-data/index.json"]
    assert '"label": "Terugkijken & leren"' in index
    assert "phases" in index and '"id": "aan-de-slag"' in index
    text = starter("methods", "nieuw", {"sources": ["bron"]}, handbook.lists)
    assert "Kies uit: signaleren, verhelderen, kiezen, aan-de-slag, volhouden, terugkijken." in text
    assert "#   - signaleren" in text


def test_the_lists_schema_accepts_a_good_lists_file_and_refuses_a_bad_id(data: Path) -> None:
    from .test_schema import plain  # YAML as an editor reads it

    validator = Draft202012Validator(lists_schema())
    Draft202012Validator.check_schema(lists_schema())
    assert validator.is_valid(plain(read_yaml(data / "lijsten.yaml")))
    assert not validator.is_valid({"phases": [{"id": "Hoofdletter", "label": "Fout"}]})


# Room for a collection's data -----------------------------------------------------------------------------


def test_a_method_carries_links_external_id_image_and_extra_fields(data: Path) -> None:
    loaded = load_data(data)
    item = loaded.items["methods"]["volle-kaart"]
    assert [link.title for link in item.links] == ["De werkvorm bij de bron", "Filmpje *met* uitleg"]
    assert item.external_id == "WV-0042"
    assert item.image.alt == "Een kring stoelen <rond> een tafel"
    assert [(extra.label, extra.text) for extra in item.extra] == [("Leeftijd", "12 tot 16 jaar"), ("Niveau", "Alle niveaus <b>")]
    assert loaded.images == {"data/afbeeldingen/kaart.png": (data / "afbeeldingen" / "kaart.png").resolve()}


def test_a_duration_per_group_size_counts_for_finder_and_planner(data: Path) -> None:
    handbook = Handbook(load_data(data))
    grouped = handbook.entry("methods", "per-groep").item
    assert grouped.planned_minutes == (45, 90)
    assert finder.duration_buckets(finder.planned_duration(grouped)) == ("tot-1-uur", "1-tot-3-uur")
    planned = {method["id"]: method["minutes"] for method in planner_payload(handbook, "sessie-plannen.md")["methods"]}
    assert planned["per-groep"] == 90  # the time of the largest group, so a plan does not run short
    assert planned["volle-kaart"] == 75


@pytest.mark.parametrize(("old", "new", "marker", "field", "message"), [
    ("  alt: Een kring stoelen <rond> een tafel", "", "file:", "image.alt", "ontbreekt"),
    ("file: data/afbeeldingen/kaart.png", "file: ../buiten.png", "file:", "image.file", "buiten de map van het handboek"),
    ("file: data/afbeeldingen/kaart.png", "file: data/afbeeldingen/link.png", "file:", "image.file", "buiten de map van het handboek"),
    ("file: data/afbeeldingen/kaart.png", "file: data/afbeeldingen/tekst.png", "file:", "image.file", "is geen PNG-afbeelding"),
    ("file: data/afbeeldingen/kaart.png", "file: data/afbeeldingen/weg.png", "file:", "image.file", "bestaat niet"),
    ("url: https://example.org/film", "url: javascript:alert(1)", "javascript:", "links[2].url", "javascript: is niet toegestaan"),
    ("url: https://example.org/film", "url: film.html", "film.html", "links[2].url", "verwacht een volledig webadres"),
    ("  minutes_max: 75", "  minutes_max: 20", "minutes_max", "duration.minutes_max", "kleiner dan minutes_min"),
    ("external_id: WV-0042", "external_id: ''", "external_id", "external_id", "lege tekst"),
])
def test_bad_collection_data_is_refused_with_file_line_and_field(
    data: Path, old: str, new: str, marker: str, field: str, message: str,
) -> None:
    outside = data.parent.parent / "buiten.png"  # beside the handbook's folder
    outside.write_bytes(png())
    os.symlink(outside, data / "afbeeldingen" / "link.png")
    (data / "afbeeldingen" / "tekst.png").write_text("geen afbeelding", encoding="utf-8")
    rewrite(data, "methods/volle-kaart.yaml", old, new)
    line = line_of(data, "methods/volle-kaart.yaml", marker)
    found = only_problem(data)
    assert f"methods/volle-kaart.yaml:{line}: {field}: " in found and message in found, found


@pytest.mark.parametrize(("rows", "message"), [
    ("    - up_to_participants: 30\n      minutes: 90\n    - up_to_participants: 8\n      minutes: 45\n", "van kleine naar grote groep"),
    ("    - up_to_participants: 8\n      minutes: 0\n", "verwacht een geheel getal van 1 tot en met 1440"),
])
def test_a_bad_duration_per_group_size_is_refused(data: Path, rows: str, message: str) -> None:
    path = data / "methods" / "per-groep.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("    - up_to")] + rows, encoding="utf-8")
    found = only_problem(data)
    assert "methods/per-groep.yaml:" in found and "duration.by_group_size" in found and message in found, found


def test_range_and_group_size_together_are_refused(data: Path) -> None:
    rewrite(data, "methods/per-groep.yaml", "duration:\n", "duration:\n  minutes_min: 10\n")
    found = only_problem(data)
    assert "duration.by_group_size: geef minutes_min en minutes_max of by_group_size, niet allebei" in found


def test_too_many_extra_fields_are_refused(data: Path) -> None:
    extra = "".join(f"  - label: Veld {number}\n    text: Tekst\n" for number in range(13))
    rewrite(data, "methods/volle-kaart.yaml", "extra:\n", "extra:\n" + extra)
    assert f"methods/volle-kaart.yaml:{line_of(data, 'methods/volle-kaart.yaml', 'extra:')}: extra: 15 punten; verwacht hoogstens 12" in only_problem(data)


# The built site -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("collectie") / "project")
    shutil.rmtree(project / "data")
    write_data(project / "data", collection_files())
    result = build(project)
    assert result.returncode == 0, result.output
    return result.site


def page(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def test_the_method_page_shows_the_collections_data_escaped(site: Path) -> None:
    text = page(site, "werkwijzen/volle-kaart")
    assert "WV-0042" in text
    assert '<a href="https://example.org/werkvormen/42?taal=nl&amp;x=1">De werkvorm bij de bron</a>' in text
    assert "Filmpje *met* uitleg</a>" in text  # no emphasis: titles are text
    assert "30–75 minuten" in text
    assert re.search(r"<dt>Leeftijd</dt>\s*<dd>\s*(<p>)?12 tot 16 jaar", text)
    assert re.search(r"<dt>Niveau</dt>\s*<dd>\s*(<p>)?Alle niveaus &lt;b&gt;", text)
    image = re.search(r'<figure class="hb-figure"><img src="([^"]+)" alt="([^"]*)"', text)
    assert image and html.unescape(image.group(2)) == "Een kring stoelen <rond> een tafel"
    published = (site / "werkwijzen" / "volle-kaart" / image.group(1)).resolve()
    assert published.read_bytes() == png()


def test_the_method_page_shows_a_duration_per_group_size(site: Path) -> None:
    assert "tot 8 deelnemers 45 minuten; tot 30 deelnemers 90 minuten" in page(site, "werkwijzen/per-groep")


def test_the_finder_offers_the_six_phases_in_order_and_no_group_with_one_value(site: Path) -> None:
    text = page(site, "werkwijzen")
    offered = re.findall(r'name="fase" value="([^"]+)"> ([^<]+)</label>', text)
    assert [(value, html.unescape(label)) for value, label in offered] == list(PHASES.items())
    assert 'name="setting"' not in text
    assert 'name="bron"' not in text
    assert re.findall(r"<summary>(Meer filters[^<]*)</summary>", text) == ["Meer filters: rol"]


def test_item_pages_are_tagged_with_the_collections_phases(site: Path) -> None:
    tags = re.findall(r'class="md-tag">([^<]*)</a>', page(site, "werkwijzen/fase-terugkijken"))
    assert "Terugkijken &amp; leren" in tags
