"""The scripts of an English handbook speak English: what the planner, the finder and a worksheet's save
button put on the page, read in Chromium after using them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from macros.pdf import serve

from ..language_site import ENGLISH_SETTINGS, build_language_site, english_data
from ..page_words import dutch_found

SHOWN_TEXT = """() => [document.body.innerText,
  ...Array.from(document.querySelectorAll("[aria-label], [title], [placeholder]"), (node) =>
    [node.getAttribute("aria-label"), node.getAttribute("title"), node.getAttribute("placeholder")].filter(Boolean).join("\\n")),
  ...Array.from(document.querySelectorAll("option, optgroup"), (node) => node.label || node.textContent),
].join("\\n")"""


@pytest.fixture(scope="module")
def english_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_language_site(tmp_path_factory.mktemp("english"), ENGLISH_SETTINGS, english_data())
    with serve(site) as url:
        yield url


@pytest.fixture
def english_page(browser, english_url: str) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def no_dutch(page: Page, where: str) -> None:
    problems = dutch_found(page.evaluate(SHOWN_TEXT), where)
    assert not problems, "\n".join(problems[:40])


def test_the_planner_speaks_english(english_page: Page, english_url: str, errors: list[str]) -> None:
    page = english_page
    page.goto(english_url + "sessie-plannen/")
    page.get_by_label("Ready-made session plan").select_option(label="Short meeting")
    page.get_by_role("button", name="Load plan", exact=True).click()
    page.get_by_label("Search for a method or step").fill("walk")
    page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_role("button", name="Add free part").click()
    for summary in page.locator(".hb-planner__guide summary").all():
        summary.click()
    page.get_by_role("button", name="Share link").click()
    assert "Total" in page.locator("#hb-planner-total").inner_text()
    no_dutch(page, "sessie-plannen/")
    assert not errors


def test_the_finder_speaks_english(english_page: Page, english_url: str) -> None:
    page = english_page
    page.goto(english_url + "werkwijzen/")
    page.get_by_label("Exploring").check()
    assert page.locator("[data-hb-finder-count]").inner_text() == "1 of 3 methods"
    page.get_by_role("button", name="Save: Opening round").click()
    no_dutch(page, "werkwijzen/")


def test_a_worksheet_and_the_saved_list_speak_english(english_page: Page, english_url: str) -> None:
    page = english_page
    page.goto(english_url + "werkbladen/round-notes/")
    page.get_by_role("button", name="Save", exact=True).click()
    assert page.get_by_role("button", name="Saved", exact=True).is_visible()
    no_dutch(page, "werkbladen/round-notes/")
    page.goto(english_url + "bewaard/")
    assert page.get_by_role("button", name="Remove: Round notes").is_visible()
    no_dutch(page, "bewaard/")
