"""The handbook's data as open data: one JSON file per kind, its JSON Schema, and an index."""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from .handbook import KIND_INFO, Handbook
from .loader import ID_PATTERN
from .model import KINDS, Lists
from .schema import DRAFT, kind_schema, to_json

FOLDER = "open-data"


def plain(value: Any) -> Any:
    """A model value as JSON data: records become objects without their empty optional fields."""
    if dataclasses.is_dataclass(value):
        fields = ((spec.name, getattr(value, spec.name)) for spec in dataclasses.fields(value))
        return {name: plain(field_value) for name, field_value in fields if field_value is not None}
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    return value


def records(handbook: Handbook, kind: str) -> list[dict[str, Any]]:
    """Every item of a kind with its id first, in id order."""
    return [{"id": item_id, **plain(item)} for item_id, item in sorted(handbook.items[kind].items())]


def dataset_schema(kind: str, lists: Lists | None = None) -> dict[str, Any]:
    """The schema of `<kind>.json`: a list of items as in the data files, each with its id."""
    item = kind_schema(kind, lists)
    definitions = item.pop("$defs", None)
    for key in ("$schema", "title", "description"):
        item.pop(key)
    identity = {"description": "De id: de bestandsnaam in data/.", "type": "string", "pattern": ID_PATTERN.pattern}
    item["properties"] = {"id": identity, **item["properties"]}
    item["required"] = ["id", *item["required"]]
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "title": _plural(kind),
        "description": f"Alle {_plural(kind).lower()} van het handboek zoals in data/{kind}/, elk onderdeel met zijn id.",
        "type": "array",
        "items": item,
    }
    if definitions:
        schema["$defs"] = definitions
    return schema


def _plural(kind: str) -> str:
    return KIND_INFO[kind].plural if kind in KIND_INFO else kind


@functools.lru_cache(maxsize=64)
def dataset_schema_json(kind: str, lists: Lists | None) -> str:
    """The schema as its file holds it: the same for the same lists, so `mkdocs serve` writes it out once."""
    return to_json(dataset_schema(kind, lists))


def open_data_files(handbook: Handbook, handbook_name: str, licence: dict[str, str] | None = None) -> dict[str, str]:
    """Every open-data file, keyed by its path in the site; the index states the texts' `licence`."""
    files: dict[str, str] = {}
    datasets = []
    for kind in KINDS:
        files[f"{FOLDER}/{kind}.json"] = to_json(records(handbook, kind))
        files[f"{FOLDER}/{kind}.schema.json"] = dataset_schema_json(kind, handbook.lists)
        datasets.append({
            "kind": kind,
            "title": _plural(kind),
            "count": len(handbook.items[kind]),
            "data": f"{kind}.json",
            "schema": f"{kind}.schema.json",
        })
    index = {"title": f"Open data: {handbook_name}", "licence": licence or {}, "datasets": datasets}
    index["lists"] = plain(handbook.lists)  # the labels of the values in list fields such as phases, in order
    files[f"{FOLDER}/index.json"] = to_json(index)
    return files
