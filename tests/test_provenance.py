"""Each item says how its text relates to its source: in the handbook's own words, or the source's own
text under the source's licence; the open data states the licence of handboek.yml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import build, build_with_data, copy_project, write_own_settings
from .site_html import page_file, visible_text

SOURCE = "title: Open werkvormen\ntype: webpagina\nauthors: [Collectief]\nlicence: CC BY 4.0\nsummary: Een open verzameling.\n"
OWN_WORDS = "Dit onderdeel geeft de bron in eigen woorden weer"
TAKEN_OVER = "komt uit de bron zelf, onder CC BY 4.0"


def method(title: str, provenance: str = "") -> str:
    line = f"provenance: {provenance}\n" if provenance else ""
    return f"title: {title}\nsummary: Een werkvorm.\npurpose: Leren.\nsources: [open]\n{line}"


def sheet(provenance: str) -> str:
    return (f"title: Blad\npurpose: Invullen.\nmoment: na-afloop\nsources: [open]\nmethod: overgenomen\nprovenance: {provenance}\n"
            "blocks:\n  - type: vraag\n    prompt: Wat werkte?\n    lines: 3\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = {
        "sources/open.yaml": SOURCE,
        "methods/eigen.yaml": method("Eigen woorden"),
        "methods/overgenomen.yaml": method("Overgenomen", "overgenomen"),
        "worksheets/blad.yaml": sheet("overgenomen"),
    }
    return build_with_data(tmp_path_factory.mktemp("provenance"), files)


def test_an_item_in_own_words_says_so(site: Path) -> None:
    text = visible_text(page_file(site, "werkwijzen/eigen.md"))
    assert OWN_WORDS in text and TAKEN_OVER not in text


def test_an_item_taken_over_names_the_sources_licence(site: Path) -> None:
    text = visible_text(page_file(site, "werkwijzen/overgenomen.md"))
    assert TAKEN_OVER in text and OWN_WORDS not in text
    sheet_text = visible_text(page_file(site, "werkbladen/blad.md"))
    assert "Tekst uit de bron zelf, onder CC BY 4.0" in sheet_text and "In eigen woorden bewerkt" not in sheet_text


def test_the_handbook_default_and_licence_apply(tmp_path: Path) -> None:
    """provenance in handboek.yml holds where an item is silent; open data states that file's licence."""
    project = copy_project(tmp_path / "project")
    own = write_own_settings(project, "provenance: overgenomen\n")
    settings = own / "handboek.yml"
    text = settings.read_text(encoding="utf-8")
    licence = text[text.index("\nlicence:"):].split("\n\n", 1)[0]
    settings.write_text(text.replace(licence, "\nlicence:\n  name: CC0 1.0\n  url: https://creativecommons.org/publicdomain/zero/1.0/"), encoding="utf-8")
    for name, body in {"sources/open.yaml": SOURCE, "methods/eigen.yaml": method("Zonder eigen opgave")}.items():
        (own / "data" / name).parent.mkdir(parents=True, exist_ok=True)
        (own / "data" / name).write_text(body, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    assert TAKEN_OVER in visible_text(page_file(result.site, "werkwijzen/eigen.md"))
    index = json.loads((result.site / "open-data/index.json").read_text(encoding="utf-8"))
    assert index["licence"] == {"name": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}


def test_open_data_carries_each_items_provenance(site: Path) -> None:
    methods = {record["id"]: record for record in json.loads((site / "open-data/methods.json").read_text(encoding="utf-8"))}
    assert methods["overgenomen"]["provenance"] == "overgenomen" and "provenance" not in methods["eigen"]
