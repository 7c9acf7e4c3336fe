"""Reference content: every method card is complete enough to run, and every part says where it comes from."""

from __future__ import annotations

import pytest

from macros.handbook import load_handbook

from ..conftest import ROOT

METHODS = load_handbook(ROOT / "data").entries("methods")


def missing_parts(method) -> list[str]:
    required = {
        "invitation": bool(method.invitation),
        "group_size": bool(method.group_size and method.group_size.min and method.group_size.max),
        "configurations": bool(method.configurations),
        "duration": method.planned_minutes is not None,
        "materials": bool(method.materials),
        "three steps with minutes": len(method.steps) >= 3 and all(step.minutes for step in method.steps),
    }
    return [part for part, present in required.items() if not present]


@pytest.mark.parametrize("entry", METHODS, ids=lambda entry: entry.id)
def test_a_method_that_is_not_a_mere_mention_has_a_complete_card(entry) -> None:
    if entry.item.brief:
        assert entry.item.fill_from, "een korte vermelding zegt welke bron haar kan aanvullen (fill_from)"
        return
    assert missing_parts(entry.item) == []


@pytest.mark.parametrize("entry", METHODS, ids=lambda entry: entry.id)
def test_every_part_of_the_card_is_cited_or_marked_as_a_suggestion(entry) -> None:
    without_basis = [part for part in entry.item.filled_parts() if entry.item.basis_of(part) is None]
    assert without_basis == []
