"""What a worksheet block shows, resolved from the data it points at (no drift from the pages)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .handbook import Handbook
from .model import Duration, RatingBlock, ScheduleBlock
from .present import duration_text


@dataclass(frozen=True)
class RatingRow:
    text: str
    competence: str | None  # the competence the row rates, when there is one: the on-screen summary's key


@dataclass(frozen=True)
class RatingGroup:
    heading: str | None
    rows: tuple[RatingRow, ...]

    @property
    def items(self) -> tuple[str, ...]:
        return tuple(row.text for row in self.rows)


@dataclass(frozen=True)
class ScheduleRow:
    part: str
    minutes: str
    who: str
    what: str


def rating_groups(block: RatingBlock, handbook: Handbook) -> list[RatingGroup]:
    """The rows to rate: given items, every indicator of a competence, or every competence of a profile."""
    if block.competence:
        competence = handbook.items["competences"][block.competence]
        return [
            RatingGroup(element.name, tuple(RatingRow(indicator, block.competence) for indicator in element.indicators))
            for element in competence.elements
            if element.indicators
        ]
    if block.profile:
        competences = handbook.linked("profiles", block.profile, "competences")
        ordered = sorted(competences, key=lambda entry: entry.item.order)
        return [RatingGroup(None, tuple(RatingRow(entry.title, entry.id) for entry in ordered))]
    return [RatingGroup(None, tuple(RatingRow(item, None) for item in block.items))]


def schedule_rows(block: ScheduleBlock, handbook: Handbook) -> list[ScheduleRow]:
    """One row per step of the method: its title, minutes, who and what happens."""
    method = handbook.items["methods"][block.method]
    return [
        ScheduleRow(step.title, _minutes(step.duration), step.who or "", "; ".join(step.activities))
        for step in method.steps
    ]


def _minutes(duration: Duration | None) -> str:
    """Minutes as a bare number for the schedule's Minuten column; other durations in words."""
    if duration and duration.minutes_max and duration.minutes_max == duration.minutes_min:
        return str(duration.minutes_max)
    return duration_text(duration)


def schedule_total(block: ScheduleBlock, handbook: Handbook) -> int:
    method = handbook.items["methods"][block.method]
    return sum(step.minutes or 0 for step in method.steps)


_CSS_SAFE = re.compile(r"[^0-9A-Za-z .,:;/()\-·]")


def css_string(text: str) -> str:
    """Text as the inside of a CSS string: every character that could end or break it escaped.
    Each escape ends in a space, which CSS takes as its end; a space that follows is then kept."""
    return _CSS_SAFE.sub(lambda match: f"\\{ord(match.group()):x} ", text)
