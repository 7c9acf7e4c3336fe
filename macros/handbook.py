"""The loaded handbook: items per kind, where each lives on the site, and links between them."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .loader import Loaded, load_data
from .model import SourceRef
from .words import capitalised, word


@dataclass(frozen=True)
class Kind:
    name: str
    folder: str
    singular_word: str  # keys of macros/languages/: the kind's name follows the language and a fork's words
    plural_word: str
    title_field: str
    section: str  # the overview page under which the items are listed in the navigation

    @property
    def singular(self) -> str:
        return capitalised(word(self.singular_word))

    @property
    def plural(self) -> str:
        return capitalised(word(self.plural_word))


KIND_INFO: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("methods", "werkwijzen", "method", "methods", "title", "werkwijzen/index.md"),
        Kind("cases", "casussen", "case", "cases", "title", "casussen/index.md"),
        Kind("profiles", "profielen", "profile", "profiles", "title", "competenties/index.md"),
        Kind("competences", "competenties", "competence", "competences", "name", "competenties/index.md"),
        Kind("disciplines", "disciplines", "discipline", "disciplines", "name", "disciplines/index.md"),
        Kind("roles", "rollen", "role", "roles", "name", "rollen/index.md"),
        Kind("terms", "begrippen", "term", "terms", "term", "begrippen/index.md"),
        Kind("worksheets", "werkbladen", "worksheet", "worksheets", "title", "werkbladen/index.md"),
        Kind("plans", "sessies", "plan", "plans", "title", "sessie-plannen.md"),
        Kind("sources", "bronnen", "source", "sources", "title", "bronnen/index.md"),
    )
}


@dataclass(frozen=True)
class Entry:
    """One item with its kind and id, as templates and navigation need it."""

    kind: str
    id: str
    item: Any

    @property
    def title(self) -> str:
        return getattr(self.item, KIND_INFO[self.kind].title_field)

    @property
    def path(self) -> str:
        return f"{KIND_INFO[self.kind].folder}/{self.id}.md"


def _references(record: Any) -> Iterator[tuple[str, str, str]]:
    """(field, target kind, id) for every reference in a record, those in nested records included."""
    for spec in dataclasses.fields(record):
        value = getattr(record, spec.name)
        if spec.metadata.get("ref"):
            yield from ((spec.name, spec.metadata["ref"], target) for target in _as_ids(value))
            continue
        for nested in value if isinstance(value, tuple) else (value,):
            if dataclasses.is_dataclass(nested):
                yield from _references(nested)


class Handbook:
    """All items plus the reverse of every reference, built once per load."""

    def __init__(self, loaded: Loaded) -> None:
        self.items = loaded.items
        self.paths = loaded.paths
        self.lists = loaded.lists
        self.images = loaded.images
        self._outgoing: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        self._incoming: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for kind, items in self.items.items():
            for item_id, item in items.items():
                self._outgoing[(kind, item_id)] = list(_references(item))
                for _field, target_kind, target in self._outgoing[(kind, item_id)]:
                    incoming = self._incoming[(target_kind, target)][kind]
                    if item_id not in incoming:
                        incoming.append(item_id)

    def entry(self, kind: str, item_id: str) -> Entry:
        return Entry(kind, item_id, self.items[kind][item_id])

    def entries(self, kind: str) -> list[Entry]:
        entries = [Entry(kind, item_id, item) for item_id, item in self.items[kind].items()]
        if any(hasattr(entry.item, "order") for entry in entries):
            return sorted(entries, key=lambda entry: (getattr(entry.item, "order", 0), entry.id))
        return sorted(entries, key=lambda entry: entry.title.casefold())

    def refs(self, kind: str, ids: Any) -> list[Entry]:
        return [self.entry(kind, item_id) for item_id in _as_ids(ids)]

    def linked(self, kind: str, item_id: str, other_kind: str) -> list[Entry]:
        """Items of ``other_kind`` that this item names or that name this item, each once."""
        outgoing = [
            target
            for field_name, target_kind, target in self._outgoing[(kind, item_id)]
            if target_kind == other_kind and field_name != "sources"
        ]
        incoming = self._incoming[(kind, item_id)].get(other_kind, [])
        ids = list(dict.fromkeys(outgoing + incoming))
        ids = [other for other in ids if (other_kind, other) != (kind, item_id)]
        return sorted(self.refs(other_kind, ids), key=lambda e: e.title.casefold())

    def citing(self, source_id: str) -> dict[str, list[Entry]]:
        """Per kind, the items that name this source."""
        incoming = self._incoming[("sources", source_id)]
        return {kind: self.refs(kind, ids) for kind, ids in incoming.items()}


def _as_ids(value: Any) -> tuple[str, ...]:
    """Ids from one id, a list of ids or a list of source references."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(item.source if isinstance(item, SourceRef) else item for item in value)


def load_handbook(data_dir: Path) -> Handbook:
    return Handbook(load_data(data_dir))
