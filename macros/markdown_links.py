"""Relative links inside Markdown fields, checked against the pages and files the site will have.

MkDocs would find a broken one too, but names the generated page (`werkwijzen/x.md`), which
is not in the repository; this check names the data file, its line and the field."""

from __future__ import annotations

import dataclasses
import difflib
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .handbook import KIND_INFO, Handbook
from .links import item_paths
from .loader import DataError, Located, read_yaml
from .open_data import open_data_files

_INLINE = re.compile(r"\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?(?P<target>[^\s>]+)", re.MULTILINE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_FIELD_STEP = re.compile(r"(?P<name>\w+)(?:\[(?P<index>\d+)\])?")


def markdown_values(record: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(field as the loader names it, text) for every Markdown field of a record and the records inside it."""
    for spec in dataclasses.fields(record):
        value, name = getattr(record, spec.name), f"{prefix}{spec.name}"
        if spec.metadata.get("markdown") and isinstance(value, str):
            yield name, value
        elif dataclasses.is_dataclass(value):
            yield from markdown_values(value, f"{name}.")
        elif isinstance(value, tuple):
            for index, nested in enumerate(value, start=1):
                if dataclasses.is_dataclass(nested):
                    yield from markdown_values(nested, f"{name}[{index}].")


def link_targets(markdown: str) -> list[str]:
    """The targets of inline links, images and reference definitions."""
    return [match["target"] for pattern in (_INLINE, _DEFINITION) for match in pattern.finditer(markdown)]


def target_problem(target: str, page: str, existing: set[str]) -> str | None:
    """Why a link from `page` to `target` will not work, or None when it will (or is not relative)."""
    if target.startswith(("#", "//")) or _SCHEME.match(target):
        return None
    if target.startswith("/"):
        return f"de link {target} begint met /; schrijf hem relatief, vanaf {page}, zoals ../werkwijzen/<id>.md"
    path = unquote(re.split(r"[#?]", target, maxsplit=1)[0])
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if resolved in existing:
        return None
    close = difflib.get_close_matches(resolved, sorted(existing), n=1, cutoff=0.8)
    hint = f" (bedoel je {posixpath.relpath(close[0], posixpath.dirname(page))}?)" if close else ""
    return f"de link {target} wijst naar {resolved}, maar die pagina of dat bestand heeft de site niet{hint}; links gaan vanaf {page}"


def line_of(located: Located, field: str) -> int:
    """The line of a field named as the loader names it, such as `steps[2].description`."""
    for step in field.split("."):
        match = _FIELD_STEP.fullmatch(step)
        if match is None or not isinstance(located.value, dict) or match["name"] not in located.value:
            break
        located = located.value[match["name"]][1]
        if match["index"]:
            located = located.value[int(match["index"]) - 1]
    return located.line


def site_paths(handbook: Handbook, docs_dir: Path, other_pages: set[str]) -> set[str]:
    """Every page and file of the built site, as paths under docs/: the files there, the items' pages,
    the open data, and `other_pages` (the content's own pages and the section pages)."""
    written = {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file()}
    return written | item_paths(handbook) | set(open_data_files(handbook, "")) | other_pages


def broken_links(handbook: Handbook, existing: set[str]) -> list[DataError]:
    """One problem per relative link in a Markdown field that leads to no page or file of the site (`existing`)."""
    errors: list[DataError] = []
    for kind in KIND_INFO:
        for entry in handbook.entries(kind):
            found = [
                (field, problem)
                for field, text in markdown_values(entry.item)
                for target in link_targets(text)
                if (problem := target_problem(target, entry.path, existing))
            ]
            if found:
                path = handbook.paths[(kind, entry.id)]
                located = read_yaml(path)
                errors += [DataError(path, line_of(located, field), field, problem) for field, problem in found]
    return errors

