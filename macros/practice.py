"""From a competence to practice: the methods and worksheets that train it.

A competence page lists them; a self-assessment worksheet embeds them per rated competence, so that its
on-screen summary can suggest what to practise for the points a reader scored lowest."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .handbook import KIND_INFO, Entry, Handbook
from .model import RatingBlock, Worksheet
from .sheets import rating_groups

PRACTICE_KINDS = ("methods", "worksheets")


def is_self_assessment(worksheet: Worksheet) -> bool:
    """A worksheet that rates a competence or a profile: it measures, it does not train."""
    return any(
        isinstance(block, RatingBlock) and (block.competence or block.profile) for block in worksheet.blocks
    )


def practice_for(competence_id: str, handbook: Handbook) -> list[Entry]:
    """The methods, then the worksheets, that name the competence, self-assessments left out."""
    return [
        entry
        for kind in PRACTICE_KINDS
        for entry in handbook.linked("competences", competence_id, kind)
        if not (kind == "worksheets" and is_self_assessment(entry.item))
    ]


def self_assessments_of(competence_id: str, handbook: Handbook) -> list[Entry]:
    """The self-assessment worksheets that name the competence: where a reader sees what to practise first."""
    return [entry for entry in handbook.linked("competences", competence_id, "worksheets") if is_self_assessment(entry.item)]


def summary_of(entry: Entry) -> str:
    """The one line a list shows under an item's title: a method's summary, a worksheet's purpose."""
    return entry.item.summary if entry.kind == "methods" else entry.item.purpose


def suggestions(block: RatingBlock, handbook: Handbook, link: Callable[[Entry], str]) -> dict[str, Any]:
    """Per competence that the block rates: its name and what trains it, with links made by ``link``."""
    rated = dict.fromkeys(row.competence for group in rating_groups(block, handbook) for row in group.rows)
    return {
        competence_id: {
            "name": handbook.items["competences"][competence_id].name,
            "practice": [_suggestion(entry, link) for entry in practice_for(competence_id, handbook)],
        }
        for competence_id in rated
        if competence_id
    }


def _suggestion(entry: Entry, link: Callable[[Entry], str]) -> dict[str, str]:
    return {"kind": KIND_INFO[entry.kind].singular, "title": entry.title, "url": link(entry), "summary": summary_of(entry)}
