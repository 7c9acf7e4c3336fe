"""Starter files for `python -m macros new <soort> <id>`, written from the model's field metadata.

Required fields get a placeholder that passes the check; optional fields are commented out,
each under its explanation, so the file documents itself."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml

from .handbook import KIND_INFO
from .loader import unwrap_optional, variants
from .model import KINDS, Lists
from .schema import is_required, schema_comment, schema_path, singular

PLACEHOLDER = "Nog invullen."
EXTRA_ALIASES = {"profiel": "profiles", "competentieprofielen": "profiles"}


def kind_aliases() -> dict[str, str]:
    """Every name a kind is known by, Dutch and English, singular and plural: {name: kind}."""
    aliases: dict[str, str] = {}
    for kind in KINDS:
        names = {kind, kind.removesuffix("s"), singular(kind)}
        if kind in KIND_INFO:
            names.add(KIND_INFO[kind].folder)
        aliases.update(dict.fromkeys(names, kind))
    return {**aliases, **{name: kind for name, kind in EXTRA_ALIASES.items() if kind in KINDS}}


def resolve_kind(name: str) -> str | None:
    return kind_aliases().get(name.strip().lower())


def humanise(item_id: str) -> str:
    """A title from an id: 'mijn-werkwijze' → 'Mijn werkwijze'."""
    return item_id.replace("-", " ").capitalize()


class _Examples:
    """Placeholder values per type; references point at items that exist, where there are any."""

    def __init__(self, existing: dict[str, list[str]], lists: Lists) -> None:
        self.existing = existing
        self.lists = lists

    def field_value(self, spec: dataclasses.Field[Any], annotation: Any) -> Any:
        if choices := spec.metadata.get("choices"):
            return list(self.lists.ids(choices)[:1])
        if example := spec.metadata.get("example"):
            return example
        return self.value(annotation, spec.metadata.get("ref"))

    def value(self, annotation: Any, ref: str | None = None) -> Any:
        annotation, _ = unwrap_optional(annotation)
        if options := variants(annotation):
            return self.variant(list(options.values()))
        if dataclasses.is_dataclass(annotation):
            return self.record(annotation)
        origin = get_origin(annotation)
        if origin is tuple:
            if ref and not self.existing.get(ref):
                return []
            return [self.value(get_args(annotation)[0], ref)]
        if origin is Literal:
            return get_args(annotation)[0]
        if ref:
            return (self.existing.get(ref) or [f"id-van-een-{singular(ref)}"])[0]
        return {str: PLACEHOLDER, int: 1, bool: False}[annotation]

    def record(self, record_type: type) -> dict[str, Any]:
        """The required fields of a record, plus the first optional field that makes it valid if needed."""
        hints = typing.get_type_hints(record_type)
        fields = dataclasses.fields(record_type)
        example = {spec.name: self.field_value(spec, hints[spec.name]) for spec in fields if is_required(spec)}
        if getattr(record_type, "SHORTHAND", None):  # show the text fields of a reference too, such as its locator
            example.update({spec.name: PLACEHOLDER for spec in fields if hints[spec.name] == str | None and not spec.metadata["ref"]})
        if _is_valid(record_type, example) and example:
            return example
        for spec in fields:
            if spec.name not in example:
                extended = {**example, spec.name: self.field_value(spec, hints[spec.name])}
                if _is_valid(record_type, extended):
                    return {f.name: extended[f.name] for f in fields if f.name in extended}
        return example

    def variant(self, options: list[type]) -> dict[str, Any]:
        """An example of the first kind of block that can be made valid."""
        examples = [self.record(option) for option in options]
        return next((example for option, example in zip(options, examples) if _is_valid(option, example)), examples[0])


def _is_valid(record_type: type, example: dict[str, Any]) -> bool:
    """Whether the record's own cross-field rules accept the example (the loader checks them too)."""
    record = record_type(**example)
    return not getattr(record, "problems", list)()


class _IndentedDumper(yaml.SafeDumper):
    """Indents list items under their key, as the handbook's data files do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _dump(name: str, value: Any) -> list[str]:
    text = yaml.dump(
        {name: value}, Dumper=_IndentedDumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100
    )
    return text.rstrip("\n").splitlines()


def _explanation(spec: dataclasses.Field[Any], annotation: Any, kind_names: dict[str, str], lists: Lists) -> str:
    parts = [spec.metadata["doc"]]
    annotation, _ = unwrap_optional(annotation)
    item_type = get_args(annotation)[0] if get_origin(annotation) is tuple else annotation
    if options := variants(item_type):
        parts.append("Soorten: " + ", ".join(options) + ".")
    elif dataclasses.is_dataclass(item_type):
        parts.append("Velden: " + ", ".join(f.name for f in dataclasses.fields(item_type)) + ".")
    elif get_origin(item_type) is Literal:
        parts.append("Kies uit: " + ", ".join(get_args(item_type)) + ".")
    if choices := spec.metadata.get("choices"):
        parts.append("Kies uit: " + ", ".join(lists.ids(choices)) + ".")
    if ref := spec.metadata.get("ref"):
        parts.append(f"Ids uit data/{ref}/ ({kind_names.get(ref, ref)}).")
    if spec.metadata.get("markdown"):
        parts.append("Markdown mag.")
    return " ".join(parts)


def starter(
    kind: str, item_id: str, existing: dict[str, list[str]], lists: Lists | None = None, data_dir: Path = Path("data"),
) -> str:
    """A commented YAML file for a new item in `data_dir` (from the project root) that passes the check as it is;
    list fields offer the values of ``lists``."""
    lists = lists or Lists()
    record_type = KINDS[kind]
    hints = typing.get_type_hints(record_type)
    examples = _Examples(existing, lists)
    title_field = KIND_INFO[kind].title_field if kind in KIND_INFO else None
    kind_names = {name: (KIND_INFO[name].plural.lower() if name in KIND_INFO else name) for name in KINDS}
    lines = [
        schema_comment(kind, data_dir),
        f"# {singular(kind).capitalize()} {item_id}: de bestandsnaam is de id.",
        "# Vul de velden in. Regels met # ervoor tellen niet mee: haal het # weg om een veld te gebruiken.",
        f"# Alle velden met uitleg: {schema_path(kind)}",
    ]
    for spec in dataclasses.fields(record_type):
        annotation = hints[spec.name]
        lines += ["", "# " + _explanation(spec, annotation, kind_names, lists)]
        if spec.name == title_field:
            lines += _dump(spec.name, humanise(item_id))
        elif is_required(spec):
            lines += _dump(spec.name, examples.field_value(spec, annotation))
        elif spec.default is not None and spec.default is not dataclasses.MISSING:
            lines += ["# " + line for line in _dump(spec.name, spec.default)]
        elif unwrap_optional(annotation)[0] in (str, int) and not spec.metadata.get("ref"):
            lines.append(f"# {spec.name}:")
        else:
            lines += ["# " + line for line in _dump(spec.name, examples.field_value(spec, annotation))]
    return "\n".join(lines) + "\n"
