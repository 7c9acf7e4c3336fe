"""Content can be replaced, not only added: any kind emptied still builds, with an empty state."""

from __future__ import annotations

import dataclasses
import types
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.handbook import KIND_INFO
from macros.model import KINDS

from .conftest import build
from .site_html import page_file, visible_text

Removed = set[tuple[str, str]]


def _record_types(annotation: Any) -> dict[str | None, type]:
    """The record types a field can hold, keyed by their `type` value for unions of blocks."""
    if dataclasses.is_dataclass(annotation):
        type_hint = typing.get_type_hints(annotation).get("type")
        return {typing.get_args(type_hint)[0] if type_hint else None: annotation}
    if typing.get_origin(annotation) is tuple:
        return _record_types(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return {key: record for arg in typing.get_args(annotation) for key, record in _record_types(arg).items()}
    return {}


def _strip(value: dict[str, Any], record_type: type, removed: Removed, nested: bool = False) -> dict[str, Any] | None:
    """The record without references to removed items; None when it cannot stand without them
    (a required reference gone, a required list emptied, or a block that was about the removed item)."""
    hints = typing.get_type_hints(record_type)
    for spec in dataclasses.fields(record_type):
        if spec.name not in value:
            continue
        field_value = value[spec.name]
        required = spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
        if kind := spec.metadata.get("ref"):
            if isinstance(field_value, list):
                value[spec.name] = [target for target in field_value if (kind, target) not in removed]
                if required and field_value and not value[spec.name]:
                    return None
            elif (kind, field_value) in removed:
                if required or nested:
                    return None
                del value[spec.name]
                for sibling in dataclasses.fields(record_type):  # a step title means nothing without its method
                    if sibling.metadata.get("step_of") == spec.name:
                        value.pop(sibling.name, None)
        elif records := _record_types(hints[spec.name]):
            items = field_value if isinstance(field_value, list) else [field_value]
            kept = [_strip(item, records.get(item.get("type")) or records[None], removed, nested=True) for item in items]
            kept = [item for item in kept if item is not None]
            if isinstance(field_value, list):
                value[spec.name] = kept
                if required and field_value and not kept:
                    return None
            elif not kept:
                return None
    return value


def empty_kind(data: Path, kind: str) -> None:
    """Delete every item of a kind, then whatever can no longer stand without it, as an editor would."""
    removed: Removed = set()
    doomed = {(kind, path.stem): path for path in (data / kind).glob("*.yaml")}
    while doomed:
        for (doomed_kind, item_id), path in doomed.items():
            path.unlink()
            removed.add((doomed_kind, item_id))
        doomed = {}
        for other_kind, record_type in KINDS.items():
            for path in (data / other_kind).glob("*.yaml"):
                stripped = _strip(yaml.safe_load(path.read_text(encoding="utf-8")), record_type, removed)
                if stripped is None:
                    doomed[(other_kind, path.stem)] = path
                else:
                    path.write_text(yaml.safe_dump(stripped, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("kind", list(KINDS))
def test_emptied_kind_leaves_no_empty_section(project: Path, kind: str) -> None:
    """A kind without items has no section: no overview page, no menu entry, no link on the home page."""
    empty_kind(project / "data", kind)
    result = build(project)
    assert result.returncode == 0, result.output
    section = KIND_INFO[kind].section
    others_in_section = [other for other, info in KIND_INFO.items() if info.section == section and other != kind]
    if section.endswith("/index.md") and not others_in_section:
        assert not page_file(result.site, section).exists()
        home = page_file(result.site, "index.md").read_text(encoding="utf-8")
        assert f'href="{section.removesuffix("index.md")}"' not in home
    assert not (result.site / KIND_INFO[kind].folder).exists() or not any((result.site / KIND_INFO[kind].folder).glob("*/index.html"))