"""The method finder: which filter values each method carries and which options each filter offers.

Pure Python over the handbook; the page renders the cards and filters, finder.js does the filtering."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import Markup

from .handbook import KIND_INFO, Entry, Handbook
from .model import Duration, GroupMinutes, GroupSize, Lists, Method, source_ids
from .words import word

HOUR = 60
HALF_DAY = 4 * HOUR
DAY = 2 * HALF_DAY


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Facet:
    """One filter: its key in the address and on the cards, its legend and its options."""

    key: str
    legend: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Card:
    entry: Entry
    values: dict[str, tuple[str, ...]]  # facet key → the option values this method matches
    group_size: GroupSize | None  # only when the data give a number of participants
    duration: Duration | None  # only the numbers, without the note
    minutes_by_group: tuple[GroupMinutes, ...] = ()  # a duration that depends on the number of participants


def _minutes_range(duration: Duration) -> tuple[int, int] | None:
    low = duration.minutes_min if duration.minutes_min is not None else duration.minutes_max
    high = duration.minutes_max if duration.minutes_max is not None else duration.minutes_min
    return None if low is None or high is None else (low, high)


def _overlaps(span: tuple[int, int] | None, low: int, high: float) -> bool:
    """The method's minutes reach into the bucket (low, high]."""
    return span is not None and span[0] <= high and span[1] > low


# Each bucket's label is the text duration_<value> of the language file (macros/words.py).
DURATION_BUCKETS: tuple[tuple[str, Callable[[Duration], bool]], ...] = (
    ("tot-1-uur", lambda d: _overlaps(_minutes_range(d), 0, HOUR)),
    ("1-tot-3-uur", lambda d: _overlaps(_minutes_range(d), HOUR, 3 * HOUR)),
    (
        "dagdeel-tot-dag",
        lambda d: _overlaps(_minutes_range(d), 3 * HOUR, DAY) or (1 <= (d.half_days or 0) <= 2 and not d.months),
    ),
    (
        "meerdere-dagdelen",
        lambda d: _overlaps(_minutes_range(d), DAY, float("inf")) or (d.half_days or 0) > 2 or bool(d.months),
    ),
)


def duration_buckets(duration: Duration | None) -> tuple[str, ...]:
    """The duration options a method matches; none when the data give no number."""
    if duration is None:
        return ()
    return tuple(value for value, matches in DURATION_BUCKETS if matches(duration))


def duration_label(value: str) -> str:
    return word(f"duration_{value.replace('-', '_')}")


def known_group_size(size: GroupSize | None) -> GroupSize | None:
    """The group size when it names a number of participants; a note alone does not filter."""
    if size is None or (size.min is None and size.max is None):
        return None
    return size


def _without_note(size: GroupSize | None) -> GroupSize | None:
    return None if size is None else dataclasses.replace(size, note=None)


def planned_duration(method: Method) -> Duration | None:
    """The numbers of a method's time (its own duration, or else the sum of its steps); none for a mere mention."""
    if method.brief:
        return None
    if span := method.planned_minutes:
        return Duration(minutes_min=span[0], minutes_max=span[1])
    duration = method.duration
    if duration is None or not (duration.half_days or duration.months):
        return None
    return dataclasses.replace(duration, note=None)


def planned_minutes_by_group(method: Method) -> tuple[GroupMinutes, ...]:
    """The minutes per group size the finder's time filter reads with the number of participants."""
    return () if method.brief or method.duration is None else method.duration.by_group_size


def planned_group_size(method: Method) -> GroupSize | None:
    """The number of participants to filter on; none for a mere mention."""
    return None if method.brief else _without_note(known_group_size(method.group_size))


def _ids(entries: Iterable[Entry]) -> tuple[str, ...]:
    return tuple(entry.id for entry in entries)


def method_values(handbook: Handbook, method_id: str) -> dict[str, tuple[str, ...]]:
    """Per facet key, the values of one method; discipline and competence as the pages link them."""
    method = handbook.entry("methods", method_id).item
    return {
        "fase": tuple(method.phases),
        "duur": duration_buckets(planned_duration(method)),
        "setting": tuple(method.settings),
        "rol": tuple(method.roles),
        "discipline": _ids(handbook.linked("methods", method_id, "disciplines")),
        "competentie": _ids(handbook.linked("methods", method_id, "competences")),
        "bron": source_ids(method.sources),
    }


def cards(handbook: Handbook) -> list[Card]:
    return [
        Card(
            entry=entry,
            values=method_values(handbook, entry.id),
            group_size=planned_group_size(entry.item),
            duration=planned_duration(entry.item),
            minutes_by_group=planned_minutes_by_group(entry.item),
        )
        for entry in handbook.entries("methods")
    ]


def _used(options: Iterable[Option], used: set[str]) -> tuple[Option, ...]:
    return tuple(option for option in options if option.value in used)


def _entry_options(handbook: Handbook, kind: str) -> list[Option]:
    return [Option(entry.id, entry.title) for entry in handbook.entries(kind)]


def _list_options(lists: Lists, name: str) -> list[Option]:
    return [Option(choice.id, choice.label) for choice in getattr(lists, name)]


# A filter with one option does not divide the methods: checking it hides only those without a value.
FEWEST_OPTIONS = 2


def facets(handbook: Handbook, all_cards: list[Card]) -> list[Facet]:
    """The checkbox filters in the order of the content's lists, each offering only options that at least
    one method has; a filter with fewer than two such options is left out."""
    offered = {
        "fase": (word("phase"), _list_options(handbook.lists, "phases")),
        "setting": (word("setting"), _list_options(handbook.lists, "settings")),
        "duur": (word("duration"), [Option(value, duration_label(value)) for value, _ in DURATION_BUCKETS]),
        "rol": (KIND_INFO["roles"].singular, _entry_options(handbook, "roles")),
        "discipline": (KIND_INFO["disciplines"].singular, _entry_options(handbook, "disciplines")),
        "competentie": (KIND_INFO["competences"].singular, _entry_options(handbook, "competences")),
        "bron": (KIND_INFO["sources"].singular, _entry_options(handbook, "sources")),
    }
    used = {
        key: _used(options, {value for card in all_cards for value in card.values[key]})
        for key, (_legend, options) in offered.items()
    }
    return [Facet(key, offered[key][0], options) for key, options in used.items() if len(options) >= FEWEST_OPTIONS]


def card_attributes(card: Card) -> Markup:
    """The card's filter values as HTML data attributes: space-separated ids, numbers for the group size."""
    attributes = {f"data-{key}": " ".join(values) for key, values in card.values.items()}
    bounds: dict[str, int | None] = {}
    if card.group_size is not None:
        bounds |= {"data-deelnemers-min": card.group_size.min, "data-deelnemers-max": card.group_size.max}
    if card.duration is not None:
        bounds |= {"data-minuten-min": card.duration.minutes_min, "data-minuten-max": card.duration.minutes_max}
    attributes.update({name: str(bound) for name, bound in bounds.items() if bound is not None})
    if card.minutes_by_group:  # "8:45 30:90": up to 8 participants 45 minutes, up to 30 participants 90 minutes
        attributes["data-minuten-per-groep"] = " ".join(f"{row.up_to_participants}:{row.minutes}" for row in card.minutes_by_group)
    return Markup(" ").join(Markup('{}="{}"').format(name, value) for name, value in attributes.items())
