"""Read ``data/<kind>/<id>.yaml`` into the model, reporting every problem with file and line."""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml

from .model import KINDS

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class DataError:
    path: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{_shown(self.path)}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def _shown(path: Path) -> str:
    """The path as the reader typed it: relative to the working folder where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class DataErrors(Exception):
    """Raised with every problem found; ``str()`` lists one problem per line."""

    def __init__(self, errors: list[DataError]) -> None:
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


@dataclass(frozen=True)
class Located:
    """A YAML value with the line it starts on; mappings and lists hold Located values."""

    value: Any
    line: int
    raw: str | None = None


class _TextLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so `2020-11-12` stays a string."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _located(node: yaml.Node, loader: _TextLoader) -> Located:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return Located({key.value: (key.start_mark.line + 1, _located(value, loader)) for key, value in node.value}, line)
    if isinstance(node, yaml.SequenceNode):
        return Located([_located(item, loader) for item in node.value], line)
    return Located(loader.construct_object(node, deep=True), line, node.value)


def _duplicate_keys(node: yaml.Node) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                found.append((key.value, key.start_mark.line + 1))
            seen.add(key.value)
            found += _duplicate_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _duplicate_keys(item)
    return found


def read_yaml(path: Path) -> Located:
    """Parse one file; raise DataErrors for syntax errors, empty files and repeated keys."""
    text = path.read_text(encoding="utf-8")
    loader = _TextLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise DataErrors([DataError(path, line, "", f"YAML-fout: {error.problem or error}")]) from None
    finally:
        loader.dispose()
    if node is None:
        raise DataErrors([DataError(path, 1, "", "het bestand is leeg; verwacht een mapping met velden")])
    duplicates = [DataError(path, line, key, "dit veld staat er twee keer in") for key, line in _duplicate_keys(node)]
    if duplicates:
        raise DataErrors(duplicates)
    return _located(node, _TextLoader(""))


def _type_name(annotation: Any) -> str:
    origin = get_origin(annotation)
    if origin is Literal:
        return "een van: " + ", ".join(str(choice) for choice in get_args(annotation))
    if origin is tuple:
        return "een lijst"
    if dataclasses.is_dataclass(annotation):
        return "een mapping met velden " + ", ".join(f.name for f in dataclasses.fields(annotation))
    return {str: "tekst", int: "een geheel getal", bool: "true of false"}.get(annotation, str(annotation))


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (typing.Union, types.UnionType):
        args = tuple(arg for arg in get_args(annotation) if arg is not type(None))
        nullable = len(args) < len(get_args(annotation))
        return (args[0] if len(args) == 1 else typing.Union[args]), nullable
    return annotation, False


def _variants(annotation: Any) -> dict[str, type]:
    """A union of records told apart by their `type` field: {type value: record}."""
    if get_origin(annotation) not in (typing.Union, types.UnionType):
        return {}
    return {get_args(typing.get_type_hints(variant)["type"])[0]: variant for variant in get_args(annotation)}


class _Builder:
    """Turns Located YAML into model instances, collecting errors instead of stopping at the first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.errors: list[DataError] = []
        self.references: list[Reference] = []

    def fail(self, line: int, field: str, message: str) -> None:
        self.errors.append(DataError(self.path, line, field, message))

    def build(self, annotation: Any, located: Located, field: str) -> Any:
        annotation, nullable = _unwrap_optional(annotation)
        value = located.value
        if value is None:
            if not nullable:
                self.fail(located.line, field, f"leeg; verwacht {_type_name(annotation)}")
            return None
        if dataclasses.is_dataclass(annotation):
            return self.build_record(annotation, located, field)
        if variants := _variants(annotation):
            return self.build_variant(variants, located, field)
        origin = get_origin(annotation)
        if origin is tuple:
            return self.build_list(get_args(annotation)[0], located, field)
        if origin is Literal:
            return self.build_choice(get_args(annotation), located, field)
        return self.build_scalar(annotation, located, field)

    def build_variant(self, variants: dict[str, type], located: Located, field: str) -> Any:
        kind = located.value.get("type") if isinstance(located.value, dict) else None
        chosen = variants.get(kind[1].value) if kind else None
        if chosen is None:
            self.fail(located.line, f"{field}.type", f"verwacht een van: {', '.join(variants)}")
            return None
        return self.build_record(chosen, located, field)

    def build_scalar(self, annotation: type, located: Located, field: str) -> Any:
        value = located.value
        if annotation is str and isinstance(value, str):
            if not value.strip():
                self.fail(located.line, field, "lege tekst; vul iets in of laat het veld weg")
            return value.strip()
        if annotation is int and isinstance(value, int) and not isinstance(value, bool):
            return value
        if annotation is bool and isinstance(value, bool):
            return value
        found = _describe_value(value)
        if located.raw is not None and located.raw != str(value):
            found = f"{located.raw} (gelezen als {found})"
        hint = " (zet de waarde tussen aanhalingstekens als het tekst is)" if annotation is str else ""
        self.fail(located.line, field, f"verwacht {_type_name(annotation)}, gevonden {found}{hint}")
        return None

    def build_choice(self, choices: tuple[str, ...], located: Located, field: str) -> Any:
        if located.value in choices:
            return located.value
        self.fail(located.line, field, f"onbekende waarde {located.value!r}; verwacht een van: {', '.join(choices)}")
        return None

    def build_list(self, item_type: Any, located: Located, field: str) -> tuple[Any, ...]:
        if not isinstance(located.value, list):
            self.fail(located.line, field, f"verwacht een lijst, gevonden {_describe_value(located.value)}")
            return ()
        return tuple(self.build(item_type, item, f"{field}[{index + 1}]") for index, item in enumerate(located.value))

    def build_record(self, record_type: type, located: Located, field: str) -> Any:
        prefix = f"{field}." if field else ""
        if not isinstance(located.value, dict):
            self.fail(located.line, field or "(bestand)", f"verwacht {_type_name(record_type)}, gevonden {_describe_value(located.value)}")
            return None
        known = {f.name: f for f in dataclasses.fields(record_type)}
        hints = typing.get_type_hints(record_type)
        values: dict[str, Any] = {}
        for key, (key_line, item) in located.value.items():
            if key not in known:
                self.fail(key_line, f"{prefix}{key}", f"onbekend veld; toegestaan: {', '.join(known)}")
                continue
            values[key] = self.build(hints[key], item, f"{prefix}{key}")
            if known[key].metadata["ref"]:
                self.note_references(known[key].metadata["ref"], item, f"{prefix}{key}")
        for name, spec in known.items():
            required = spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
            if required and name not in values:
                self.fail(located.line, f"{prefix}{name}", f"ontbreekt; verwacht {_type_name(hints[name])} ({spec.metadata['doc']})")
        if any(error.path == self.path for error in self.errors):
            return None
        record = record_type(**values)
        for name, message in getattr(record, "problems", list)():
            self.fail(located.line, f"{prefix}{name}", message)
        return record


    def note_references(self, kind: str, located: Located, field: str) -> None:
        items = located.value if isinstance(located.value, list) else [located]
        for item in items:
            if isinstance(item.value, str):
                self.references.append(Reference(self.path, item.line, field, kind, item.value))


@dataclass(frozen=True)
class Reference:
    path: Path
    line: int
    field: str
    kind: str
    target: str


def _describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (ja/nee)"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, dict):
        return "een mapping"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, Located):
        return _describe_value(value.value)
    return f"{value!r}"


@dataclass(frozen=True)
class Loaded:
    """Every valid item per kind (in file-name order) and where each came from."""

    items: dict[str, dict[str, Any]]
    paths: dict[tuple[str, str], Path]


def load_item(path: Path, record_type: type) -> tuple[Any, list[Reference], list[DataError]]:
    """Build one item from one file: the item (None if invalid), its references and its problems."""
    try:
        located = read_yaml(path)
    except DataErrors as problems:
        return None, [], problems.errors
    builder = _Builder(path)
    item = builder.build_record(record_type, located, "")
    return item, builder.references, builder.errors


def _id_errors(path: Path, seen: dict[str, Path]) -> list[DataError]:
    item_id = path.stem
    errors = []
    if not ID_PATTERN.match(item_id):
        errors.append(DataError(path, 1, "id", f"bestandsnaam {item_id!r} is geen geldige id; gebruik kleine letters, cijfers en koppeltekens"))
    if item_id in seen:
        errors.append(DataError(path, 1, "id", f"id {item_id!r} bestaat al in {seen[item_id]}"))
    return errors


def _data_files(kind_dir: Path) -> list[Path]:
    return sorted(kind_dir.glob("*.y*ml")) if kind_dir.is_dir() else []


def load_data(data_dir: Path) -> Loaded:
    """Load and validate all data; raise DataErrors listing every problem in every file."""
    errors: list[DataError] = []
    items: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    paths: dict[tuple[str, str], Path] = {}
    references: list[Reference] = []
    known_ids: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for kind, record_type in KINDS.items():
        seen: dict[str, Path] = {}
        for path in _data_files(data_dir / kind):
            errors += _id_errors(path, seen)
            seen.setdefault(path.stem, path)
            known_ids[kind].add(path.stem)
            item, item_references, item_errors = load_item(path, record_type)
            errors += item_errors
            references += item_references
            if item is not None:
                items[kind].setdefault(path.stem, item)
                paths.setdefault((kind, path.stem), path)
    errors += _unknown_kind_dirs(data_dir)
    errors += [
        DataError(ref.path, ref.line, ref.field, f"onbekende id {ref.target!r}; verwacht een bestand data/{ref.kind}/{ref.target}.yaml")
        for ref in references
        if ref.target not in known_ids[ref.kind]
    ]
    if errors:
        raise DataErrors(errors)
    return Loaded(items, paths)


def _unknown_kind_dirs(data_dir: Path) -> list[DataError]:
    if not data_dir.is_dir():
        return [DataError(data_dir, 1, "", "de map met gegevens bestaat niet")]
    return [
        DataError(child, 1, "", f"onbekende soort {child.name!r}; verwacht een van: {', '.join(KINDS)}")
        for child in sorted(data_dir.iterdir())
        if child.is_dir() and child.name not in KINDS and not child.name.startswith(".")
    ]
