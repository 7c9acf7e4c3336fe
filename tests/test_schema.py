"""The JSON Schemas follow the model: committed copies are current, the data passes, and they judge as the loader does."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from macros.loader import DataErrors, Located, load_data, load_lists, read_yaml
from macros.model import KINDS
from macros.schema import kind_schema, schema_comment, schema_files

from .conftest import ROOT

DATA = ROOT / "data"


def plain(located: Located) -> Any:
    """The YAML as the loader reads it (dates stay text), without line numbers."""
    if isinstance(located.value, dict):
        return {key: plain(value) for key, (_line, value) in located.value.items()}
    if isinstance(located.value, list):
        return [plain(item) for item in located.value]
    return located.value


def data_files() -> list[tuple[str, Path]]:
    files = [(kind, path) for kind in KINDS for path in sorted((DATA / kind).glob("*.y*ml"))]
    assert files, "no data files found"
    return files


def schema_errors(kind: str, document: Any) -> list[str]:
    validator = Draft202012Validator(kind_schema(kind, load_lists(ROOT / "data")))
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]


def test_committed_schemas_are_the_generated_ones() -> None:
    """Regenerate with `python -m macros schemas` after changing macros/model.py."""
    committed = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / "schemas").glob("*.schema.json")}
    generated = schema_files(load_lists(ROOT / "data"))
    outdated = sorted(name for name in committed.keys() | generated.keys() if committed.get(name) != generated.get(name))
    assert outdated == [], "verouderd; schrijf ze opnieuw met: python -m macros schemas"


def test_every_schema_is_a_valid_draft_2020_12_schema() -> None:
    for kind in KINDS:
        Draft202012Validator.check_schema(kind_schema(kind))


@pytest.mark.parametrize(("kind", "path"), data_files(), ids=lambda value: getattr(value, "name", value))
def test_every_data_file_matches_its_schema(kind: str, path: Path) -> None:
    assert schema_errors(kind, plain(read_yaml(path))) == []


def test_every_data_file_names_its_schema_on_the_first_line() -> None:
    wrong = [str(path) for kind, path in data_files() if path.read_text(encoding="utf-8").split("\n", 1)[0] != schema_comment(kind)]
    assert wrong == []


def test_the_schema_line_points_at_the_committed_schema() -> None:
    for kind in KINDS:
        target = schema_comment(kind).split("$schema=", 1)[1]
        assert (DATA / kind / target).resolve() == ROOT / "schemas" / f"{kind}.schema.json"
        assert (DATA / kind / target).resolve().is_file()


def test_schema_describes_fields_from_the_model_metadata() -> None:
    method = kind_schema("methods")
    assert method["additionalProperties"] is False
    assert {"title", "summary", "purpose", "sources"} <= set(method["required"])
    assert "synonyms" not in method["required"]
    assert "Markdown" in method["properties"]["purpose"]["description"]
    assert "werkwijze" in method["properties"]["related"]["description"]
    assert method["properties"]["related"]["items"]["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$"
    assert method["properties"]["phases"]["items"]["enum"][0] == "verkennen"
    blocks = kind_schema("worksheets")["properties"]["blocks"]["items"]["oneOf"]
    definitions = kind_schema("worksheets")["$defs"]
    block_types = [definitions[block["$ref"].rsplit("/", 1)[1]]["properties"]["type"]["const"] for block in blocks]
    assert "vraag" in block_types and "tijdschema" in block_types


def test_vscode_maps_each_schema_to_its_data_folder() -> None:
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    for kind in KINDS:
        assert f"data/{kind}/*.yaml" in mapped[f"schemas/{kind}.schema.json"]
    extensions = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


VALID_METHOD = {
    "title": "Proef",
    "summary": "Een proef.",
    "purpose": "Om te testen.",
    "duration": {"minutes_min": 30},
    "steps": [{"title": "Stap", "activities": ["Praten"]}],
    "sources": [{"source": "nji-lerende-organisatie", "locator": "§ 1.4", "cites": ["nji-2019"]}],
}
VALID_WORKSHEET = {
    "title": "Proef",
    "purpose": "Om te testen.",
    "moment": "na-afloop",
    "blocks": [{"type": "vraag", "prompt": "Wat zag je?", "lines": 2}, {"type": "notities"}],
    "sources": ["nji-lerende-organisatie"],
}
SAMPLES = {
    "valid-method": ("methods", VALID_METHOD, True),
    "valid-worksheet": ("worksheets", VALID_WORKSHEET, True),
    "missing-field": ("methods", {key: value for key, value in VALID_METHOD.items() if key != "summary"}, False),
    "unknown-field": ("methods", {**VALID_METHOD, "kleur": "rood"}, False),
    "text-as-number": ("methods", {**VALID_METHOD, "title": 12}, False),
    "blank-text": ("methods", {**VALID_METHOD, "summary": "   "}, False),
    "not-a-list": ("methods", {**VALID_METHOD, "synonyms": "gesprek"}, False),
    "unknown-choice": ("methods", {**VALID_METHOD, "phases": ["dromen"]}, False),
    "nested-wrong-type": ("methods", {**VALID_METHOD, "duration": {"minutes_min": "een half uur"}}, False),
    "nested-unknown-field": ("methods", {**VALID_METHOD, "steps": [{"title": "Stap", "wie": "iedereen"}]}, False),
    "empty-required": ("methods", {**VALID_METHOD, "purpose": None}, False),
    "id-not-kebab-case": ("methods", {**VALID_METHOD, "related": ["Brown Paper"]}, False),
    "reference-without-source": ("methods", {**VALID_METHOD, "sources": [{"locator": "p. 3"}]}, False),
    "reference-unknown-field": ("methods", {**VALID_METHOD, "sources": [{"source": "nji-lerende-organisatie", "pagina": 3}]}, False),
    "unknown-block-type": ("worksheets", {**VALID_WORKSHEET, "blocks": [{"type": "tekening", "title": "X"}]}, False),
    "block-field-of-other-type": ("worksheets", {**VALID_WORKSHEET, "blocks": [{"type": "notities", "prompt": "X"}]}, False),
}


@pytest.mark.parametrize("sample", list(SAMPLES))
def test_schema_and_loader_agree(tmp_path: Path, sample: str) -> None:
    kind, document, valid = SAMPLES[sample]
    assert (schema_errors(kind, document) == []) is valid
    data = tmp_path / "data"
    shutil.copytree(DATA / "sources", data / "sources")
    path = data / kind / "proef.yaml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    if valid:
        load_data(data)
        return
    with pytest.raises(DataErrors) as raised:
        load_data(data)
    assert any(error.path == path for error in raised.value.errors), raised.value


def test_line_numbers_count_the_schema_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "methods" / "kletspot.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == schema_comment("methods")
    line = next(number for number, text in enumerate(lines, 1) if text.startswith("summary:"))
    lines[line - 1] = "summary: 12"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_data(data)
    assert [str(error).split(": ", 1)[0] for error in raised.value.errors] == [f"{path}:{line}"]
