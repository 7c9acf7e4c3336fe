"""A self-assessment in Chromium, on a handbook of its own (tests/practice_site.py): scores picked by
keyboard, a summary that names what trains the lowest, clean for axe, and an empty sheet on paper."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from macros.pdf import serve

from ..practice_site import (
    ASKING, ASKING_METHOD, ASKING_SUMMARY, LISTENING, LISTENING_METHOD, SELF_ASSESSMENT_PAGE, build_practice_site,
)
from .test_accessibility import violations


@pytest.fixture(scope="module")
def practice_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(build_practice_site(tmp_path_factory.mktemp("practice"))) as url:
        yield url


def score_by_keyboard(page: Page) -> None:
    """Aandachtig luisteren 4, Open vragen stellen 2, then the button: Tab, arrows and Enter only."""
    page.get_by_role("radio", name=f"{LISTENING} 1").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Laat zien wat ik kan oefenen")).to_be_focused()
    page.keyboard.press("Enter")


def test_scores_picked_by_keyboard_suggest_the_methods_of_the_lowest_competence(
    page: Page, practice_url: str, errors: list[str]
) -> None:
    page.goto(practice_url + SELF_ASSESSMENT_PAGE)
    score_by_keyboard(page)
    expect(page.get_by_role("radio", name=f"{LISTENING} 4")).to_be_checked()
    expect(page.get_by_role("radio", name=f"{ASKING} 2")).to_be_checked()
    result = page.locator("[data-hb-self-assessment-result]")
    expect(result).to_contain_text(f"Je laagste score is 2. Die gaf je bij:{ASKING}")
    expect(result.get_by_role("link", name=ASKING_METHOD)).to_be_visible()
    expect(result).to_contain_text(ASKING_SUMMARY)
    expect(result).not_to_contain_text(LISTENING_METHOD)
    result.get_by_role("link", name=ASKING_METHOD).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(ASKING_METHOD)
    assert errors == []


def test_the_summary_says_what_is_missing_before_every_point_has_a_score(page: Page, practice_url: str) -> None:
    page.goto(practice_url + SELF_ASSESSMENT_PAGE)
    button = page.get_by_role("button", name="Laat zien wat ik kan oefenen")
    button.click()
    result = page.locator("[data-hb-self-assessment-result]")
    expect(result).to_have_text("Je hebt nog geen score gekozen. Kies eerst bij elk punt een score.")
    page.get_by_role("radio", name=f"{LISTENING} 3").check()
    button.click()
    expect(result).to_contain_text("1 punt heeft nog geen score.")
    expect(result.get_by_role("link", name=LISTENING_METHOD)).to_be_visible()


def test_the_self_assessment_breaks_no_wcag_aa_rule(page: Page, practice_url: str) -> None:
    page.goto(practice_url + SELF_ASSESSMENT_PAGE)
    score_by_keyboard(page)
    expect(page.locator("[data-hb-self-assessment-result] a").first).to_be_visible()
    assert violations(page, SELF_ASSESSMENT_PAGE) == []


def test_on_paper_the_sheet_has_empty_circles_and_no_inputs_or_summary(page: Page, practice_url: str) -> None:
    page.goto(practice_url + SELF_ASSESSMENT_PAGE)
    page.get_by_role("radio", name=f"{LISTENING} 4").check()
    page.emulate_media(media="print")
    sheet = page.locator(".hb-rating")
    expect(sheet.locator(".hb-circle")).to_have_count(10)
    for circle in sheet.locator(".hb-circle").all():
        expect(circle).to_be_visible()
    for radio in sheet.locator("input").all():
        expect(radio).to_be_hidden()
    expect(page.get_by_role("button", name="Laat zien wat ik kan oefenen")).to_be_hidden()
    page.emulate_media(media="screen")
    expect(sheet.locator(".hb-circle").first).to_be_hidden()
    expect(page.get_by_role("radio", name=f"{LISTENING} 4")).to_be_checked()


CORE_ROWS = [
    {"text": "a", "competence": "x", "score": 3},
    {"text": "b", "competence": "y", "score": None},
    {"text": "c", "competence": "y", "score": 1},
    {"text": "d", "competence": "x", "score": 1},
    {"text": "e", "competence": "y", "score": 1},
]


def test_the_core_ranks_the_rows_with_the_lowest_score_in_sheet_order(page: Page, practice_url: str) -> None:
    page.goto(practice_url + SELF_ASSESSMENT_PAGE)
    outcome = page.evaluate("(rows) => window.hbSelfAssessment.lowestScored(rows)", CORE_ROWS)
    assert outcome["lowest"] == 1
    assert [row["text"] for row in outcome["rows"]] == ["c", "d", "e"]
    assert outcome["competences"] == ["y", "x"]
    assert outcome["unscored"] == 1
    nothing = page.evaluate("(rows) => window.hbSelfAssessment.lowestScored(rows)", [CORE_ROWS[1]])
    assert nothing == {"lowest": None, "rows": [], "competences": [], "unscored": 1}
