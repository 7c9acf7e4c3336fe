"""Read ``data/<kind>/<id>.yaml`` into the model, reporting every problem with file and line."""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml

from .images import ImageProblem, project_image
from .markdown_rules import markdown_problems
from .model import KINDS, Lists

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DEFAULT_LISTS = Lists()


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
        return str(path.absolute().relative_to(Path.cwd()))
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


class _FastTextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same, parsed by libyaml when PyYAML has it: several times faster."""


_TextLoader.yaml_implicit_resolvers = _FastTextLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# Limits that keep a hostile or broken file from hanging check, build or serve; the
# reference files are far below them (the largest is 26 kB, 8 levels deep, no aliases).
MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 50
MAX_ALIAS_VALUES = 1_000


def read_text(path: Path) -> str:
    """The file as UTF-8 text; DataErrors for a file that is too large or not UTF-8."""
    with path.open("rb") as file:
        data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        limit = f"{MAX_FILE_BYTES // 1_000_000} MB"
        raise DataErrors([DataError(path, 1, "", f"het bestand is groter dan {limit}; splits het op in kleinere bestanden")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = f"byte 0x{data[error.start]:02x} is geen UTF-8; sla het bestand op met de codering UTF-8"
        raise DataErrors([DataError(path, line, "", message)]) from None


class _Refused(Exception):
    """A structure the handbook does not accept, found while reading: line and message."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class _Collection:
    """A mapping or list being read: what it holds so far and how many values it counts."""

    line: int
    value: dict[str, tuple[int, Located]] | list[Located]
    anchor: str | None
    size: int = 1
    key: tuple[str, int] | None = None  # a mapping's key waiting for its value


class _Reader:
    """Builds Located values from parser events in one pass, without recursion.

    Aliases are not copied: an alias shares the Located of its anchor, and the values it
    repeats are counted, so a file cannot multiply itself (a "billion laughs" bomb)."""

    def __init__(self, loader: yaml.SafeLoader) -> None:
        self.loader = loader
        self.constructor = _TextLoader("")
        self.stack: list[_Collection] = []
        self.anchors: dict[str, tuple[Located, int]] = {}
        self.aliased = 0
        self.duplicates: list[tuple[str, int]] = []

    def read(self) -> Located | None:
        root: Located | None = None
        while not self.loader.check_event(yaml.StreamEndEvent):
            event = self.loader.get_event()
            if isinstance(event, yaml.DocumentStartEvent) and root is not None:
                raise _Refused(_line(event), "een tweede document (---); een gegevensbestand bevat één onderdeel")
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentStartEvent, yaml.DocumentEndEvent)):
                continue
            finished = self.step(event)
            if finished is not None and not self.stack:
                root = finished[0]
        return root

    def step(self, event: yaml.Event) -> tuple[Located, int] | None:
        """Take one event; the finished value and its size when one is complete."""
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                raise _Refused(_line(event), f"meer dan {MAX_DEPTH} niveaus diep ingesprongen of genest; maak de gegevens platter")
            empty: dict[str, tuple[int, Located]] | list[Located] = {} if isinstance(event, yaml.MappingStartEvent) else []
            self.stack.append(_Collection(_line(event), empty, event.anchor))
            return None
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            done = self.stack.pop()
            return self.finish(Located(done.value, done.line), done.size, done.anchor)
        if isinstance(event, yaml.AliasEvent):
            return self.finish(*self.alias(event), None)
        return self.finish(self.scalar(event), 1, event.anchor)

    def alias(self, event: yaml.AliasEvent) -> tuple[Located, int]:
        if event.anchor not in self.anchors:
            raise _Refused(_line(event), f"alias *{event.anchor} verwijst naar geen eerder anker &{event.anchor}")
        located, size = self.anchors[event.anchor]
        self.aliased += size
        if self.aliased > MAX_ALIAS_VALUES:
            raise _Refused(_line(event), f"aliassen (*naam) herhalen samen meer dan {MAX_ALIAS_VALUES} waarden; schrijf de waarden uit")
        return located, size

    def scalar(self, event: yaml.ScalarEvent) -> Located:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR_TAG:  # most values: text as written, without building a node for the constructor
            return Located(event.value, _line(event), event.value)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self.constructor.construct_object(node)
        except Exception:  # PyYAML's constructors fail in many ways on a value that does not fit its tag
            written = tag.replace("tag:yaml.org,2002:", "!!", 1)
            raise _Refused(_line(event), f"{event.value!r} is niet te lezen als {written}; laat {written} weg") from None
        return Located(value, _line(event), event.value)

    def finish(self, located: Located, size: int, anchor: str | None) -> tuple[Located, int] | None:
        """Place a finished value in the collection around it."""
        if anchor is not None:
            self.anchors[anchor] = (located, size)
        if not self.stack:
            return located, size
        parent = self.stack[-1]
        parent.size += size
        if isinstance(parent.value, list):
            parent.value.append(located)
        elif parent.key is None:
            if isinstance(located.value, (dict, list)):
                raise _Refused(located.line, "een veldnaam moet tekst zijn, geen lijst of velden")
            key = str(located.raw)
            if key in parent.value:
                self.duplicates.append((key, located.line))
            parent.key = (key, located.line)
        else:
            key, key_line = parent.key
            parent.value[key] = (key_line, located)
            parent.key = None
        return None


_STR_TAG = "tag:yaml.org,2002:str"


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1


def _parse(text: str, loader_type: type[yaml.SafeLoader]) -> tuple[Located | None, list[tuple[str, int]]]:
    """The file's value and its repeated keys (name, line)."""
    loader = loader_type(text)
    try:
        reader = _Reader(loader)
        return reader.read(), reader.duplicates
    finally:
        loader.dispose()


@functools.lru_cache(maxsize=4096)  # `mkdocs serve` reads every file again at each save; Located values are only read
def _parse_fast(text: str) -> tuple[Located | None, tuple[tuple[str, int], ...]]:
    root, duplicates = _parse(text, _FastTextLoader)
    return root, tuple(duplicates)


def read_yaml(path: Path) -> Located:
    """Parse one file; raise DataErrors for syntax errors, empty files, repeated keys and files beyond the limits."""
    return parse_yaml(path, read_text(path))


def parse_yaml(path: Path, text: str) -> Located:
    """Parse the text of the file at `path`, with read_yaml's errors."""
    try:
        try:
            root, duplicates = _parse_fast(text)
        except yaml.YAMLError:
            # libyaml words its errors differently: report (or accept) what the Python parser finds.
            root, duplicates = _parse(text, _TextLoader)
    except _Refused as refused:
        raise DataErrors([DataError(path, refused.line, "", refused.message)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise DataErrors([DataError(path, line, "", f"YAML-fout: {error.problem or error}{_yaml_hint(error)}")]) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        message = f"het teken U+{error.character:04X} mag niet in YAML staan (een stuurteken); haal het weg"
        raise DataErrors([DataError(path, line, "", message)]) from None
    if root is None:
        raise DataErrors([DataError(path, 1, "", "het bestand is leeg; verwacht velden met een waarde, zoals title: Mijn titel")])
    if duplicates:
        raise DataErrors([DataError(path, line, key, "dit veld staat er twee keer in; laat er één staan") for key, line in duplicates])
    return root


YAML_HINTS = {
    "mapping values are not allowed here": "een dubbele punt midden in tekst; zet de tekst tussen aanhalingstekens",
    "found character '\\t'": "een tab; spring in met spaties",
    "expected ',' or ']'": "een lijst tussen [ ] is niet afgesloten",
    "could not find expected ':'": "een regel zonder 'veld: waarde', of tekst die verkeerd is ingesprongen",
    "expected <block end>": "een regel die verkeerd is ingesprongen",
}


def _yaml_hint(error: yaml.MarkedYAMLError) -> str:
    """A Dutch explanation of PyYAML's most common complaints, after its own words."""
    problem = f"{error.problem} {error.context}"
    return next((f" (waarschijnlijk {hint})" for known, hint in YAML_HINTS.items() if known in problem), "")


@functools.cache
def _type_hints(record_type: type) -> dict[str, Any]:
    return typing.get_type_hints(record_type)


def _type_name(annotation: Any) -> str:
    origin = get_origin(annotation)
    if origin is Literal:
        return "een van: " + ", ".join(str(choice) for choice in get_args(annotation))
    if origin is tuple:
        return "een lijst"
    if dataclasses.is_dataclass(annotation):
        return "velden (" + ", ".join(f.name for f in dataclasses.fields(annotation)) + ")"
    return {str: "tekst", int: "een geheel getal", bool: "true of false"}.get(annotation, str(annotation))


def unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (typing.Union, types.UnionType):
        args = tuple(arg for arg in get_args(annotation) if arg is not type(None))
        nullable = len(args) < len(get_args(annotation))
        return (args[0] if len(args) == 1 else typing.Union[args]), nullable
    return annotation, False


@functools.cache
def variants(annotation: Any) -> dict[str, type]:
    """A union of records told apart by their `type` field: {type value: record}."""
    if get_origin(annotation) not in (typing.Union, types.UnionType):
        return {}
    return {get_args(typing.get_type_hints(variant)["type"])[0]: variant for variant in get_args(annotation)}


class _Builder:
    """Turns Located YAML into model instances, collecting errors instead of stopping at the first."""

    def __init__(self, path: Path, lists: Lists | None) -> None:
        self.path = path
        self.lists = lists  # None: the lists file is broken, so list values are not checked against it
        self.errors: list[DataError] = []
        self.references: list[Reference] = []
        self.images: list[Reference] = []  # kind "images", target: the path as written

    def fail(self, line: int, field: str, message: str) -> None:
        self.errors.append(DataError(self.path, line, field, message))

    def build(self, annotation: Any, located: Located, field: str) -> Any:
        annotation, nullable = unwrap_optional(annotation)
        value = located.value
        if value is None:
            if not nullable:
                self.fail(located.line, field, f"geen waarde ingevuld; verwacht {_type_name(annotation)}")
            return None
        if dataclasses.is_dataclass(annotation):
            if isinstance(value, str) and (shorthand := getattr(annotation, "SHORTHAND", None)):
                located = Located({shorthand: (located.line, located)}, located.line)
            return self.build_record(annotation, located, field)
        if options := variants(annotation):
            return self.build_variant(options, located, field)
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
            found = f"onbekende soort blok {_describe_value(kind[1].value)}" if kind else "het veld type ontbreekt"
            self.fail(located.line, f"{field}.type", f"{found}; verwacht een van: {', '.join(variants)}")
            return None
        return self.build_record(chosen, located, field)

    def build_scalar(self, annotation: type, located: Located, field: str) -> Any:
        value = located.value
        if annotation is str and isinstance(value, str):
            if not value.strip():
                self.fail(located.line, field, "lege tekst; vul iets in of laat het veld weg")
            return value.strip()
        if annotation is int and isinstance(value, int) and not isinstance(value, bool):
            if located.raw is not None and located.raw.strip() != str(value):
                self.fail(located.line, field, (
                    f"{located.raw} leest YAML als het getal {value}; schrijf het getal gewoon, zonder voorloopnul, "
                    "dubbele punt of liggend streepje (zoals 45), of zet het tussen aanhalingstekens als het tekst is"
                ))
                return None
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
            found = _describe_value(located.value)
            self.fail(located.line, field, f"verwacht een lijst, gevonden {found} (zet elk punt op een eigen regel die begint met '- ')")
            return ()
        return tuple(self.build(item_type, item, f"{field}[{index + 1}]") for index, item in enumerate(located.value))

    def build_record(self, record_type: type, located: Located, field: str) -> Any:
        prefix = f"{field}." if field else ""
        if not isinstance(located.value, dict):
            self.fail(located.line, field or "(bestand)", f"verwacht {_type_name(record_type)}, gevonden {_describe_value(located.value)}")
            return None
        known = {f.name: f for f in dataclasses.fields(record_type)}
        hints = _type_hints(record_type)
        values: dict[str, Any] = {}
        for key, (key_line, item) in located.value.items():
            if key not in known:
                self.fail(key_line, f"{prefix}{key}", f"onbekend veld{_did_you_mean(key, known)}; toegestaan: {', '.join(known)}")
                continue
            values[key] = self.build(hints[key], item, f"{prefix}{key}")
            self.check_bounds(known[key].metadata, values[key], item.line, f"{prefix}{key}")
            self.check_list(known[key].metadata, item, key_line, f"{prefix}{key}")
            if known[key].metadata.get("file") and isinstance(values[key], str):
                self.images.append(Reference(self.path, item.line, f"{prefix}{key}", "images", values[key]))
            if known[key].metadata["markdown"] and isinstance(values[key], str):
                for message in markdown_problems(values[key]):
                    self.fail(item.line, f"{prefix}{key}", message)
        for key, (_key_line, item) in located.value.items():
            if key in known and known[key].metadata["ref"]:
                cited_in = values.get(known[key].metadata.get("cited_in", ""))
                self.note_references(known[key].metadata["ref"], item, f"{prefix}{key}", cited_in)
        self.note_steps(known, values, located, prefix)
        for name, spec in known.items():
            required = spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
            if required and name not in values:
                self.fail(located.line, f"{prefix}{name}", f"ontbreekt; verwacht {_type_name(hints[name])} ({spec.metadata['doc']})")
        if any(error.path == self.path for error in self.errors):
            return None
        record = record_type(**values)
        for name, message in getattr(record, "problems", list)():
            line = located.value[name][1].line if name in located.value else located.line
            self.fail(line, f"{prefix}{name}", message)
        return record


    def check_list(self, metadata: typing.Mapping[str, Any], located: Located, key_line: int, field: str) -> None:
        """A list no longer than its ``max_items``, holding only values of its ``choices`` list."""
        if not isinstance(located.value, list):
            return
        if (limit := metadata.get("max_items")) and len(located.value) > limit:
            self.fail(key_line, field, f"{len(located.value)} punten; verwacht hoogstens {limit}")
        if (name := metadata.get("choices")) and self.lists is not None:
            known = self.lists.ids(name)
            for index, item in enumerate(located.value):
                if isinstance(item.value, str) and item.value.strip() not in known:
                    self.fail(item.line, f"{field}[{index + 1}]", (
                        f"onbekende waarde {item.value.strip()!r}{_did_you_mean(item.value, known)}; "
                        f"verwacht een van: {', '.join(known)} (de lijst {name} in {LISTS_FILE} of, zonder dat bestand, de standaardlijst)"
                    ))

    def check_bounds(self, metadata: typing.Mapping[str, Any], value: Any, line: int, field: str) -> None:
        minimum, maximum = metadata.get("minimum"), metadata.get("maximum")
        if not isinstance(value, int) or isinstance(value, bool):
            return
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            self.fail(line, field, f"verwacht {bounds_text(minimum, maximum)}, gevonden het getal {value}")

    def note_steps(self, known: dict[str, Any], values: dict[str, Any], located: Located, prefix: str) -> None:
        """A step title names a step of the item in its sibling field; checked once all items are loaded."""
        for name, spec in known.items():
            owner_field = spec.metadata.get("step_of")
            if owner_field and isinstance(values.get(name), str) and isinstance(values.get(owner_field), str):
                line = located.value[name][1].line
                kind = known[owner_field].metadata["ref"]
                self.references.append(Reference(self.path, line, f"{prefix}{name}", kind, values[owner_field], values[name]))

    def note_references(self, kind: str, located: Located, field: str, cited_in: Any = None) -> None:
        items = located.value if isinstance(located.value, list) else [located]
        via = cited_in if isinstance(cited_in, str) else None
        for item in items:
            if isinstance(item.value, str):
                self.references.append(Reference(self.path, item.line, field, kind, item.value, via=via))


def bounds_text(minimum: int | None, maximum: int | None) -> str:
    """The allowed numbers in words: 'een geheel getal van 1 tot en met 1440'."""
    if minimum is not None and maximum is not None:
        return f"een geheel getal van {minimum} tot en met {maximum}"
    return f"een geheel getal van minstens {minimum}" if minimum is not None else f"een geheel getal van hoogstens {maximum}"


@dataclass(frozen=True)
class Reference:
    path: Path
    line: int
    field: str
    kind: str
    target: str
    step: str | None = None  # a step title the target item must have
    via: str | None = None  # a work cited: the source that must cite it (in its cited_in)


def _did_you_mean(found: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(found, list(known), n=1)
    return f" (bedoel je {close[0]!r}?)" if close else ""


SHOWN_TEXT_LIMIT = 80  # a message quotes no more of a value: it is read in a terminal or a CI log


def _describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (ja/nee)"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, dict):
        return "velden"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, Located):
        return _describe_value(value.value)
    shown = repr(value)
    return shown if len(shown) <= SHOWN_TEXT_LIMIT else f"{shown[:SHOWN_TEXT_LIMIT]}… (ingekort)"


@dataclass(frozen=True)
class Loaded:
    """Every valid item per kind (in file-name order) and where each came from."""

    items: dict[str, dict[str, Any]]
    paths: dict[tuple[str, str], Path]
    lists: Lists = dataclasses.field(default_factory=Lists)
    images: dict[str, Path] = dataclasses.field(default_factory=dict)  # path as written in the data → the file


@dataclass(frozen=True)
class _ItemFile:
    """One data file read and built: the item (None if invalid), its references, its problems and its YAML."""

    item: Any
    references: list[Reference]
    errors: list[DataError]
    located: Located | None
    images: list[Reference] = dataclasses.field(default_factory=list)


def _read_item(path: Path, record_type: type, lists: Lists | None = DEFAULT_LISTS) -> _ItemFile:
    try:
        text = read_text(path)
    except DataErrors as problems:
        return _ItemFile(None, [], problems.errors, None)
    built = _built_item(path, text, record_type, lists)
    return dataclasses.replace(built, references=list(built.references), errors=list(built.errors), images=list(built.images))


@functools.lru_cache(maxsize=4096)  # `mkdocs serve` reads every file again at each save; records are frozen
def _built_item(path: Path, text: str, record_type: type, lists: Lists | None) -> _ItemFile:
    try:
        located = parse_yaml(path, text)
    except DataErrors as problems:
        return _ItemFile(None, [], problems.errors, None)
    builder = _Builder(path, lists)
    item = builder.build_record(record_type, located, "")
    return _ItemFile(item, builder.references, builder.errors, located, builder.images)


def load_item(path: Path, record_type: type, lists: Lists = DEFAULT_LISTS) -> tuple[Any, list[Reference], list[DataError]]:
    """Build one item from one file: the item (None if invalid), its references and its problems."""
    read = _read_item(path, record_type, lists)
    return read.item, read.references, read.errors


LISTS_FILE = "lijsten.yaml"


def load_lists(data_dir: Path) -> Lists:
    """The content's lists from lijsten.yaml in the data folder, or the default lists without that file;
    raise DataErrors naming file, line and field."""
    path = data_dir / LISTS_FILE
    if not path.is_file():
        return Lists()  # made now: its labels follow the language in use
    read = _read_item(path, Lists)
    errors = read.errors + (_list_id_errors(path, read.located) if read.item and read.located else [])
    if errors:
        raise DataErrors(errors)
    return read.item


def _list_id_errors(path: Path, located: Located) -> list[DataError]:
    """Ids of a lists file that data could not name (it was read into Lists, so its shape is right)."""
    return [
        DataError(path, entry.value["id"][1].line, f"{name}[{index + 1}].id",
                  f"{entry.value['id'][1].value.strip()!r} is geen geldige id; gebruik kleine letters, cijfers en koppeltekens")
        for name, (_line, entries) in located.value.items()
        for index, entry in enumerate(entries.value)
        if not ID_PATTERN.match(entry.value["id"][1].value.strip())
    ]


def lists_dir(layers: list[tuple[Path, frozenset[str]]]) -> Path:
    """The data folder whose lists are used: the last layer that has its own lists file."""
    with_lists = [data_dir for data_dir, _kinds in layers if (data_dir / LISTS_FILE).is_file()]
    return (with_lists or [layers[-1][0]])[-1]


def _image_errors(images: list[Reference]) -> tuple[dict[str, Path], list[DataError]]:
    """Every image the data name, checked to be an acceptable image inside the folder of the content that
    names it (the folder holding its data/): {path as written: file}."""
    found: dict[str, Path] = {}
    errors: list[DataError] = []
    for image in images:
        content_dir = image.path.parent.parent.parent  # <content>/data/<kind>/<id>.yaml
        try:
            found[image.target] = project_image(image.target, content_dir)
        except ImageProblem as problem:
            errors.append(DataError(image.path, image.line, image.field, str(problem)))
    return found, errors


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


def _outside_error(path: Path, data_root: Path) -> DataError | None:
    """A data file must be a file inside the data folder, also after following symbolic links.
    The message names the link, never what it points at: that may be a secret."""
    resolved = path.resolve()
    if not resolved.is_relative_to(data_root):
        return DataError(path, 1, "", "is een koppeling (symlink) naar een bestand buiten de map met gegevens; zet het bestand zelf in de map")
    if not resolved.is_file():
        return DataError(path, 1, "", "is geen gewoon bestand; verwacht een YAML-bestand")
    return None


class _Titles:
    """The titles seen so far per kind, compared without case and extra spaces."""

    def __init__(self) -> None:
        from .handbook import KIND_INFO  # the one home of each kind's title field; handbook imports this module

        self.fields = {kind: info.title_field for kind, info in KIND_INFO.items()}
        self.seen: dict[tuple[str, str], Path] = {}

    def check(self, kind: str, path: Path, read: _ItemFile) -> list[DataError]:
        field = self.fields.get(kind)
        if read.item is None or read.located is None or field is None:
            return []
        title = getattr(read.item, field)
        first = self.seen.setdefault((kind, " ".join(title.split()).casefold()), path)
        if first == path:
            return []
        line = read.located.value[field][1].line
        return [DataError(path, line, field, f"{title!r} is ook de {field} van {_shown(first)}; geef elk onderdeel een eigen {field}")]


def _self_references(kind: str, path: Path, references: list[Reference]) -> list[DataError]:
    return [
        DataError(ref.path, ref.line, ref.field, f"{ref.target!r} is dit onderdeel zelf; laat het weg")
        for ref in references
        if ref.kind == kind and ref.target == path.stem and ref.step is None
    ]


def load_data(data_dir: Path) -> Loaded:
    """Load and validate all data of one folder; raise DataErrors listing every problem in every file."""
    return load_layers([(data_dir, frozenset(KINDS))])


def _winning_files(layers: list[tuple[Path, frozenset[str]]], kind: str) -> tuple[list[Path], list[DataError]]:
    """A kind's data files over all layers: a later layer's file replaces an earlier one with the same id."""
    chosen: dict[str, Path] = {}
    errors: list[DataError] = []
    for data_dir, kinds in layers:
        if kind not in kinds:
            continue
        seen: dict[str, Path] = {}
        for path in _data_files(data_dir / kind):
            errors += _id_errors(path, seen)
            if seen.setdefault(path.stem, path) == path:
                chosen[path.stem] = path
    return list(chosen.values()), errors


def load_layers(layers: list[tuple[Path, frozenset[str]]]) -> Loaded:
    """Load and validate the data of every layer (folder, kinds taken from it), later layers replacing
    items of earlier ones; raise DataErrors listing every problem in every file."""
    errors: list[DataError] = []
    items: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    paths: dict[tuple[str, str], Path] = {}
    references: list[Reference] = []
    known_ids: dict[str, set[str]] = {kind: set() for kind in KINDS}
    titles = _Titles()
    images: list[Reference] = []
    lists: Lists | None = None
    try:
        lists = load_lists(lists_dir(layers))
    except DataErrors as problems:
        errors += problems.errors
    for kind, record_type in KINDS.items():
        files, id_errors = _winning_files(layers, kind)
        errors += id_errors
        for path in files:
            known_ids[kind].add(path.stem)
            if outside := _outside_error(path, path.parent.parent.resolve()):
                errors.append(outside)
                continue
            read = _read_item(path, record_type, lists)
            errors += read.errors + titles.check(kind, path, read) + _self_references(kind, path, read.references)
            references += read.references
            images += read.images
            if read.item is not None:
                items[kind][path.stem] = read.item
                paths[(kind, path.stem)] = path
    for data_dir, kinds in layers:
        errors += _unknown_kind_dirs(data_dir)
    folders = " of ".join(str(data_dir) for data_dir, _kinds in layers)
    errors += [
        DataError(
            ref.path, ref.line, ref.field,
            f"onbekende id {ref.target!r}{_did_you_mean(ref.target, known_ids[ref.kind])}; "
            f"er is geen bestand {ref.kind}/{ref.target}.yaml in {folders}",
        )
        for ref in references
        if ref.step is None and ref.target not in known_ids[ref.kind]
    ]
    errors += _step_errors(references, items)
    errors += _citation_errors(references, items["sources"])
    image_files, image_errors = _image_errors(images)
    errors += image_errors
    if errors:
        raise DataErrors(errors)
    return Loaded(items, paths, lists or Lists(), image_files)


def _step_errors(references: list[Reference], items: dict[str, dict[str, Any]]) -> list[DataError]:
    errors = []
    for ref in references:
        owner = items[ref.kind].get(ref.target) if ref.step is not None else None
        titles = [step.title for step in getattr(owner, "steps", ())]
        if owner is not None and ref.step not in titles:
            choices = "; ".join(repr(title) for title in titles) or "geen: die heeft geen stappen, laat dit veld weg"
            errors.append(DataError(ref.path, ref.line, ref.field, f"data/{ref.kind}/{ref.target}.yaml heeft geen stap {ref.step!r}; verwacht een van: {choices}"))
    return errors


def _citation_errors(references: list[Reference], sources: dict[str, Any]) -> list[DataError]:
    """A work the handbook knows only from another source is cited "in" that source, never named as a source."""
    errors = []
    for ref in references:
        work = sources.get(ref.target) if ref.kind == "sources" and ref.step is None else None
        if work is None or ref.field.endswith("cited_in"):
            continue
        if ref.via is not None and ref.via not in work.cited_in:
            errors.append(DataError(ref.path, ref.line, ref.field, (
                f"data/sources/{ref.target}.yaml noemt {ref.via!r} niet onder cited_in; "
                f"noem het werk alleen bij de bron die het aanhaalt, of voeg {ref.via!r} daar toe aan cited_in"
            )))
        elif ref.via is None and work.cited_in:
            citing = " of ".join(repr(source) for source in work.cited_in)
            errors.append(DataError(ref.path, ref.line, ref.field, (
                f"{ref.target!r} kent het handboek alleen als aangehaald in {citing}; "
                f"verwijs naar die bron met een vindplaats (locator) en zet {ref.target!r} onder cites"
            )))
    return errors


def _unknown_kind_dirs(data_dir: Path) -> list[DataError]:
    if not data_dir.is_dir():
        return [DataError(data_dir, 1, "", "de map met gegevens bestaat niet")]
    # A folder without YAML files holds no items (images, say); one with them is a misnamed kind.
    return [
        DataError(child, 1, "", f"onbekende soort {child.name!r}; verwacht een van: {', '.join(KINDS)}")
        for child in sorted(data_dir.iterdir())
        if child.is_dir() and child.name not in KINDS and not child.name.startswith(".") and _data_files(child)
    ]
