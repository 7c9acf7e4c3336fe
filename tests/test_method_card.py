"""A method page reads as a card a facilitator can run, with the basis of every part shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros import finder
from macros.handbook import load_handbook
from macros.loader import DataErrors
from macros.model import GroupSize
from macros.planner import planner_payload

from .conftest import build, copy_project
from .site_html import page_file, visible_text

FIXTURE = Path(__file__).parent / "fixtures" / "cards"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("cards") / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(FIXTURE, project / "data")
    result = build(project)
    assert result.returncode == 0, result.output
    return result.site


def card_text(site: Path, method_id: str) -> str:
    return " ".join(visible_text(page_file(site, f"werkwijzen/{method_id}.md")).split()).replace(" ,", ",")


def test_the_card_follows_the_order_a_facilitator_reads(site: Path) -> None:
    text = card_text(site, "stille-start")
    headings = ["Groepsgrootte", "Werkvorm", "Waarvoor", "De uitnodiging", "Ruimte en materialen", "Voorbereiding", "Stappen",
                "Wat het oplevert", "Tips", "Varianten"]
    card = text[text.index("Bewaren"):]  # the page's own text, after the navigation and contents
    positions = [card.index(heading) for heading in headings]
    assert positions == sorted(positions), text


def test_each_part_shows_its_source_or_that_it_is_the_editors_suggestion(site: Path) -> None:
    text = card_text(site, "stille-start")
    assert "Wat wil je dat deze groep vandaag over jou weet? Bron: Gids voor gesprekken, hoofdstuk 2" in text
    assert "4–24 deelnemers Suggestie van de redactie" in text
    assert "Alleen, In tweetallen, Met de hele groep Bron: Gids voor gesprekken, hoofdstuk 2" in text
    assert "Minuten per stap: Suggestie van de redactie" in text


def test_the_duration_is_the_sum_of_the_steps_when_the_method_gives_none(site: Path) -> None:
    assert "Duur 30 minuten" in card_text(site, "stille-start")


def test_a_duration_summed_from_suggested_minutes_is_marked_as_the_editors_suggestion(site: Path) -> None:
    assert "Duur 30 minuten (de stappen samen) Suggestie van de redactie" in card_text(site, "stille-start")


def test_a_group_size_note_written_as_a_sentence_reads_as_one(site: Path) -> None:
    text = card_text(site, "grote-kring")
    assert "15–40 deelnemers. Iedereen in één kring, ook wie alleen komt luisteren." in text
    assert "(Iedereen" not in text


def test_a_mere_mention_says_so_and_which_source_would_fill_it(site: Path) -> None:
    text = card_text(site, "rondje")
    assert "Korte vermelding" in text
    assert "Aanvullen kan uit: de beschrijving van de makers" in text


def problem_after_editing_the_card(tmp_path: Path, old: str, new: str) -> str:
    """The first problem the loader names after one edit of the fixture's complete card."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    card = data / "methods" / "stille-start.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_handbook(data)
    return str(raised.value.errors[0])


def test_the_basis_must_name_a_source_with_a_locator_or_be_a_suggestion(tmp_path: Path) -> None:
    problem = problem_after_editing_the_card(tmp_path, 'locator: "hoofdstuk 2"', "suggestion: false")
    assert "stille-start.yaml" in problem
    assert "geef een bron (source) met vindplaats (locator)" in problem


def test_a_part_the_card_does_not_fill_cannot_have_a_basis(tmp_path: Path) -> None:
    problem = problem_after_editing_the_card(tmp_path, "outcomes, tips, variations]", "outcomes, tips, variations, pitfalls]")
    assert "de kaart vult deze onderdelen niet in: pitfalls" in problem


def test_the_finder_and_planner_use_the_steps_time_and_leave_mere_mentions_out() -> None:
    handbook = load_handbook(FIXTURE)
    card, mention = (handbook.entry("methods", method_id).item for method_id in ("stille-start", "rondje"))
    assert finder.duration_buckets(finder.planned_duration(card)) == ("tot-1-uur",)
    assert finder.planned_group_size(card) == GroupSize(min=4, max=24)
    methods = {method["id"]: method for method in planner_payload(handbook, "sessie-plannen.md")["methods"]}
    assert methods["stille-start"]["minutes"] == 30
    assert [step["minutes"] for step in methods["stille-start"]["steps"]] == [5, 10, 15]
    assert finder.planned_duration(mention) is None and methods["rondje"]["minutes"] is None
