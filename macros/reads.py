"""What a piece of output read of the handbook, so that a preview can keep it while none of that changed.

ReadingHandbook is the handbook itself, noting while it records every item, every kind listed in full
and every link lookup a template or helper asks for. What each read found is written down as text
(`found`); the same reads giving the same text on a newer handbook means the output would be the same,
as long as the output reads nothing else that changes: the caller adds the rest (settings, words,
templates) to its own key. Reading ``items`` directly is noted too, so no lookup goes around the log."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .handbook import Entry, Handbook

Read = tuple[str, ...]  # ("item", kind, id), ("kind", kind), ("linked", kind, id, other kind), ("citing", id)


class ReadingHandbook(Handbook):
    """The same handbook (no copy of its items), noting reads while `recording`."""

    def __init__(self, handbook: Handbook) -> None:
        self.__dict__.update(handbook.__dict__)  # not Handbook.__init__, which would index every link again
        self.plain = handbook
        self.log: set[Read] | None = None
        self.items = NotedItems(handbook.items, self)  # type: ignore[assignment]

    def note(self, read: Read) -> None:
        if self.log is not None:
            self.log.add(read)

    @contextlib.contextmanager
    def recording(self, given: Iterable[Read] = ()) -> Iterator[set[Read]]:
        """Every read until the block ends, after the `given` ones: what the caller handed to the work
        itself, such as the entry of the page it writes. Blocks do not nest."""
        self.log = set(given)
        try:
            yield self.log
        finally:
            self.log = None

    def entries(self, kind: str) -> list[Entry]:
        self.note(("kind", kind))
        return super().entries(kind)

    def linked(self, kind: str, item_id: str, other_kind: str) -> list[Entry]:
        self.note(("linked", kind, item_id, other_kind))
        return super().linked(kind, item_id, other_kind)

    def citing(self, source_id: str) -> dict[str, list[Entry]]:
        self.note(("citing", source_id))
        return super().citing(source_id)


class NotedItems(Mapping[str, Mapping[str, Any]]):
    """handbook.items, per kind a mapping that notes each item looked up, or the whole kind when listed."""

    def __init__(self, items: dict[str, dict[str, Any]], handbook: ReadingHandbook) -> None:
        self._kinds = {kind: NotedKind(kind, found, handbook) for kind, found in items.items()}

    def __getitem__(self, kind: str) -> NotedKind:
        return self._kinds[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(self._kinds)

    def __len__(self) -> int:
        return len(self._kinds)


class NotedKind(Mapping[str, Any]):
    def __init__(self, kind: str, items: dict[str, Any], handbook: ReadingHandbook) -> None:
        self.kind, self._items, self._handbook = kind, items, handbook

    def __getitem__(self, item_id: str) -> Any:
        self._handbook.note(("item", self.kind, item_id))
        return self._items[item_id]

    def __iter__(self) -> Iterator[str]:
        self._handbook.note(("kind", self.kind))
        return iter(self._items)

    def __len__(self) -> int:
        self._handbook.note(("kind", self.kind))
        return len(self._items)


def item_read(entry: Entry) -> Read:
    return ("item", entry.kind, entry.id)


def found(handbook: Handbook, read: Read) -> str:
    """What `read` finds in this handbook, as text: equal text, equal finding."""
    plain = handbook.plain if isinstance(handbook, ReadingHandbook) else handbook
    what, *where = read
    if what == "item":
        kind, item_id = where
        return repr(plain.items.get(kind, {}).get(item_id))
    if what == "kind":
        return repr(sorted(plain.items.get(where[0], {}).items()))
    if what == "linked":
        kind, item_id, other_kind = where
        if item_id not in plain.items.get(kind, {}):
            return "-"
        return repr([entry.id for entry in plain.linked(kind, item_id, other_kind)])
    if what == "citing":
        return repr({kind: [entry.id for entry in entries] for kind, entries in plain.citing(where[0]).items()})
    raise ValueError(f"onbekende leesactie {read!r}")
