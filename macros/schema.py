"""JSON Schemas (draft 2020-12) derived from the data model, one per kind of item.

The schemas describe the same rules as the loader, so an editor can check a YAML file
while it is being written. Checks that span fields (a model's ``problems()``) are left
to ``python -m macros check``."""

from __future__ import annotations

import dataclasses
import json
import typing
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from .handbook import KIND_INFO
from .loader import ID_PATTERN, unwrap_optional, variants
from .model import KINDS, LIST_LIMIT, Lists

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = "schemas"
NOT_BLANK = r"\S"


def schema_path(kind: str) -> str:
    """Where the schema of a kind lives, relative to the project root."""
    return f"{SCHEMA_DIR}/{kind}.schema.json"


def schema_comment(kind: str, data_dir: Path = Path("data")) -> str:
    """The first line of a data file in `data_dir` (relative to the project root, e.g. eigen/data): tells
    YAML editors which schema applies."""
    up = "/".join([".."] * (len(data_dir.parts) + 1))
    return f"# yaml-language-server: $schema={up}/{schema_path(kind)}"


def singular(kind: str) -> str:
    """The Dutch name of one item of a kind, in lower case: 'werkwijze'."""
    info = KIND_INFO.get(kind)
    return info.singular.lower() if info else kind.removesuffix("s")


def kind_schema(kind: str, lists: Lists | None = None) -> dict[str, Any]:
    """The schema of one data file `data/<kind>/<id>.yaml`; values of a list field come from ``lists``
    (the content's lists file, or the default lists)."""
    definitions = _Definitions(lists or Lists())
    body = _record(KINDS[kind], definitions)
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "title": singular(kind).capitalize(),
        "description": f"Eén {singular(kind)} van het handboek: data/{kind}/<id>.yaml. De bestandsnaam is de id.",
        **body,
    }
    if definitions:
        schema["$defs"] = dict(sorted(definitions.items()))
    return schema


class _Definitions(dict[str, Any]):
    """The records a schema defines once under $defs, and the lists whose ids its list fields take."""

    def __init__(self, lists: Lists) -> None:
        super().__init__()
        self.lists = lists


LISTS_SCHEMA = "lijsten.schema.json"


def lists_schema() -> dict[str, Any]:
    """The schema of the content's lists file, data/lijsten.yaml."""
    definitions = _Definitions(Lists())
    body = _record(Lists, definitions)
    for name in body["properties"]:
        defaults = [dataclasses.asdict(choice) for choice in getattr(Lists(), name)]
        body["properties"][name].update(minItems=1, maxItems=LIST_LIMIT, default=defaults)
    definitions["Choice"]["properties"]["id"]["pattern"] = ID_PATTERN.pattern
    return {
        "$schema": DRAFT,
        "title": "Lijsten",
        "description": "De waarden van fase, setting en werkvorm met hun naam op de site, in volgorde: data/lijsten.yaml.",
        **body,
        "$defs": definitions,
    }


def schema_files(lists: Lists | None = None) -> dict[str, str]:
    """Every kind's schema, and that of the lists file, as formatted JSON, keyed by its file name in the schemas folder."""
    files = {f"{kind}.schema.json": to_json(kind_schema(kind, lists)) for kind in KINDS}
    return {**files, LISTS_SCHEMA: to_json(lists_schema())}


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _record(record_type: type, definitions: _Definitions) -> dict[str, Any]:
    hints = typing.get_type_hints(record_type)
    fields = dataclasses.fields(record_type)
    properties = {spec.name: _field(spec, hints[spec.name], definitions) for spec in fields}
    required = [spec.name for spec in fields if is_required(spec)]
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


def is_required(spec: dataclasses.Field[Any]) -> bool:
    return spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING


def _field(spec: dataclasses.Field[Any], annotation: Any, definitions: _Definitions) -> dict[str, Any]:
    annotation, nullable = unwrap_optional(annotation)
    ref = spec.metadata.get("ref")
    value = _value(annotation, definitions, ref)
    if choices := spec.metadata.get("choices"):
        value = {**value, "items": {"enum": list(definitions.lists.ids(choices))}}
    if "max_items" in spec.metadata:
        value = {**value, "maxItems": spec.metadata["max_items"]}
    value = {**value, **{bound: spec.metadata[bound] for bound in ("minimum", "maximum") if bound in spec.metadata}}
    if nullable:
        value = {"anyOf": [value, {"type": "null"}]}
    result = {"description": _description(spec.metadata, ref), **value}
    if spec.default is not dataclasses.MISSING and spec.default is not None:
        result["default"] = spec.default
    elif spec.default_factory is not dataclasses.MISSING:
        result["default"] = list(spec.default_factory())
    return result


def _description(metadata: typing.Mapping[str, Any], ref: str | None) -> str:
    parts = [metadata["doc"]]
    if ref:
        parts.append(f"Verwijst met de id naar een {singular(ref)}: data/{ref}/<id>.yaml.")
    if metadata.get("markdown"):
        parts.append("Markdown is toegestaan.")
    return " ".join(parts)


def _value(annotation: Any, definitions: _Definitions, ref: str | None = None) -> dict[str, Any]:
    if options := variants(annotation):
        return {"oneOf": [_definition(option, definitions) for option in options.values()]}
    if dataclasses.is_dataclass(annotation):
        if shorthand := getattr(annotation, "SHORTHAND", None):
            bare = {"type": "string", "pattern": ID_PATTERN.pattern, "description": f"Kort voor {{{shorthand}: id}}."}
            return {"anyOf": [_definition(annotation, definitions), bare]}
        return _definition(annotation, definitions)
    origin = get_origin(annotation)
    if origin is tuple:
        return {"type": "array", "items": _value(get_args(annotation)[0], definitions, ref)}
    if origin is Literal:
        choices = list(get_args(annotation))
        return {"const": choices[0]} if len(choices) == 1 else {"enum": choices}
    if annotation is str and ref:
        return {"type": "string", "pattern": ID_PATTERN.pattern}
    return _SCALARS[annotation]


def _definition(record_type: type, definitions: _Definitions) -> dict[str, Any]:
    name = record_type.__name__
    if name not in definitions:
        definitions[name] = {}  # reserved first, so a record that contains itself ends
        definitions[name] = _record(record_type, definitions)
    return {"$ref": f"#/$defs/{name}"}


_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string", "pattern": NOT_BLANK},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
}
