"""The session planner in Chromium: build a plan, keep it, move it between browsers, print it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from macros.handbook import Entry

from ..test_site import HANDBOOK

PLANS = HANDBOOK.entries("plans")
EDITING_CONTROLS = ("Toevoegen", "Omhoog", "Omlaag", "Verwijderen", "Agenda afdrukken", "Link delen", "Zoek een werkwijze")


def squeezed(text: str) -> str:
    return "".join(text.split())


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def step_minutes(method_id: str, index: int) -> int:
    duration = HANDBOOK.items["methods"][method_id].steps[index].duration
    return duration.minutes_max


def method_with_timed_step() -> tuple[str, int]:
    """The first method step in the data whose duration is given in minutes."""
    for entry in HANDBOOK.entries("methods"):
        for index, step in enumerate(entry.item.steps):
            if step.duration and step.duration.minutes_max:
                return entry.id, index
    raise AssertionError("geen enkele stap met een duur in minuten in de gegevens")


def item_title(item) -> str:
    return item.title or item.step or HANDBOOK.entry("methods", item.method).title


@pytest.fixture
def planner(page: Page, site_url: str) -> Iterator[Page]:
    """The planner page, failing the test on any console error or uncaught exception."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(site_url + "sessie-plannen/")
    yield page
    assert not errors, errors


def rows(page: Page) -> list[dict[str, str]]:
    return page.locator(".hb-planner__row").evaluate_all("""items => items.map(item => ({
        start: item.querySelector('.hb-planner__time').textContent,
        title: item.querySelector('[data-field=title]').value,
        minutes: item.querySelector('[data-field=minutes]').value,
        note: item.querySelector('[data-field=note]').value,
    }))""")


def add(page: Page, value: str) -> None:
    page.select_option("#hb-planner-pick", value=value)
    page.click("#hb-planner-add")


def row(page: Page, index: int):
    return page.locator(".hb-planner__row").nth(index)


def build_plan(page: Page) -> tuple[str, int]:
    """A timed step, a whole method and a pause; returns the step's method and index."""
    method_id, index = method_with_timed_step()
    add(page, f"s:{method_id}:{index}")
    add(page, "m:kletspot")
    page.fill("#hb-planner-free", "Pauze")
    page.click("#hb-planner-add-free")
    row(page, 1).locator("[data-field=minutes]").fill("20")
    row(page, 2).locator("[data-field=minutes]").fill("15")
    page.fill("#hb-planner-start", "10:00")
    page.fill("#hb-planner-title", "Teamdag <b>voorjaar</b>")
    return method_id, index


def test_adding_setting_minutes_and_reordering_recomputes_times_and_total(planner: Page) -> None:
    method_id, index = build_plan(planner)
    step = HANDBOOK.items["methods"][method_id].steps[index]
    minutes = step_minutes(method_id, index)
    kletspot = HANDBOOK.entry("methods", "kletspot").title

    assert [r["title"] for r in rows(planner)] == [step.title, kletspot, "Pauze"]
    assert rows(planner)[0]["minutes"] == str(minutes)

    row(planner, 1).get_by_role("button", name="Omhoog").focus()
    planner.keyboard.press("Enter")
    focused_row = planner.evaluate("document.activeElement.closest('.hb-planner__row').querySelector('[data-field=title]').value")
    assert focused_row == kletspot

    assert [(r["start"], r["title"]) for r in rows(planner)] == [
        ("10:00", kletspot), (clock(600 + 20), step.title), (clock(600 + 20 + minutes), "Pauze"),
    ]
    total = 20 + minutes + 15
    expect(planner.locator("#hb-planner-total")).to_contain_text(f"Totaal {total} minuten")
    expect(planner.locator("#hb-planner-total")).to_contain_text(f"van 10:00 tot {clock(600 + total)}")

    row(planner, 0).get_by_role("button", name="Verwijderen").click()
    assert [r["title"] for r in rows(planner)] == [step.title, "Pauze"]
    assert planner.evaluate("document.activeElement.dataset.action") == "remove"
    assert rows(planner)[0]["start"] == "10:00"

    before = rows(planner)
    planner.reload()
    assert rows(planner) == before
    expect(planner.locator("#hb-planner-title")).to_have_value("Teamdag <b>voorjaar</b>")
    expect(planner.locator("#hb-planner-start")).to_have_value("10:00")


def test_search_narrows_the_choice_of_methods_and_steps(planner: Page) -> None:
    target = HANDBOOK.entry("methods", "kletspot")
    planner.fill("#hb-planner-search", target.title)
    visible = planner.locator("#hb-planner-pick option:not([hidden])").all_text_contents()
    assert visible and all(target.title in text or text in [s.title for s in target.item.steps] for text in visible)
    planner.fill("#hb-planner-search", "qqqxyz")
    expect(planner.locator("#hb-planner-search-result")).to_have_text("Geen werkwijze of stap gevonden")
    expect(planner.locator("#hb-planner-add")).to_be_disabled()


def test_export_then_import_gives_the_same_plan(planner: Page, tmp_path: Path) -> None:
    build_plan(planner)
    before = rows(planner)
    with planner.expect_download() as download:
        planner.click("#hb-planner-export")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["title"] == "Teamdag <b>voorjaar</b>"

    planner.click("#hb-planner-clear")
    assert rows(planner) == []
    expect(planner.locator("#hb-planner-empty")).to_be_visible()

    planner.set_input_files("#hb-planner-import", str(saved))
    expect(planner.locator("#hb-planner-message")).to_contain_text("is geladen")
    assert rows(planner) == before
    expect(planner.locator("#hb-planner-title")).to_have_value("Teamdag <b>voorjaar</b>")


@pytest.mark.parametrize(
    "content",
    [b"{niet json", b'{"format": "iets anders", "version": 1, "rows": []}',
     b'{"format": "handboek-sessieplan", "version": 1, "rows": [{"title": "X", "minutes": "veel"}]}'],
    ids=["not-json", "other-format", "bad-minutes"],
)
def test_a_bad_file_is_refused_with_a_dutch_message(planner: Page, content: bytes) -> None:
    build_plan(planner)
    before = rows(planner)
    planner.set_input_files("#hb-planner-import", files=[{"name": "plan.json", "mimeType": "application/json", "buffer": content}])
    expect(planner.locator("#hb-planner-message")).to_contain_text("Dit bestand kan de planner niet openen")
    assert rows(planner) == before


def test_imported_text_is_shown_as_text_never_as_html(planner: Page) -> None:
    attack = '<img src=x onerror="window.hacked=1">'
    plan = {"format": "handboek-sessieplan", "version": 1, "title": attack, "notes": attack,
            "rows": [{"title": attack, "minutes": 10, "note": attack, "method": attack, "worksheets": [attack]}]}
    planner.set_input_files("#hb-planner-import", files=[
        {"name": "plan.json", "mimeType": "application/json", "buffer": json.dumps(plan).encode()}])
    assert rows(planner)[0]["title"] == attack
    assert planner.locator("#hb-planner img, #hb-planner-sheet img").count() == 0
    assert planner.evaluate("window.hacked") is None


def test_a_shared_link_opens_the_same_plan_in_another_browser(planner: Page, browser: Browser) -> None:
    build_plan(planner)
    before = rows(planner)
    planner.click("#hb-planner-share")
    link = planner.locator("#hb-planner-link").input_value()
    assert "#plan=" in link

    other = browser.new_context(locale="nl-NL")
    try:
        page = other.new_page()
        page.goto(link)
        assert rows(page) == before
        expect(page.locator("#hb-planner-title")).to_have_value("Teamdag <b>voorjaar</b>")
        assert "#plan=" not in page.url
    finally:
        other.close()


@pytest.mark.parametrize("plan", PLANS, ids=lambda plan: plan.id)
def test_a_ready_made_plan_opens_from_its_address(planner: Page, site_url: str, plan: Entry) -> None:
    planner.goto(f"{site_url}sessie-plannen/?plan={plan.id}")
    shown = rows(planner)
    assert [(r["title"], r["minutes"]) for r in shown] == [(item_title(i), str(i.minutes)) for i in plan.item.items]
    starts = [clock(9 * 60 + start) for start in plan.item.starts]
    assert [r["start"] for r in shown] == starts
    expect(planner.locator("#hb-planner-total")).to_contain_text(f"Totaal {plan.item.total_minutes} minuten")
    expect(planner.locator("#hb-planner-title")).to_have_value(plan.title)


def test_the_plan_page_button_opens_the_plan_in_the_planner(planner: Page, site_url: str) -> None:
    plan = PLANS[0]
    planner.goto(site_url + plan.path.removesuffix(".md") + "/")
    planner.get_by_role("link", name="Openen in de planner").click()
    expect(planner.locator("#hb-planner-title")).to_have_value(plan.title)
    assert len(rows(planner)) == len(plan.item.items)


def test_printed_agenda_fits_two_pages_and_shows_only_the_agenda(planner: Page, site_url: str, tmp_path: Path) -> None:
    plan = max(PLANS, key=lambda entry: len(entry.item.items))
    planner.goto(f"{site_url}sessie-plannen/?plan={plan.id}")
    while len(rows(planner)) < 12:
        planner.click("#hb-planner-add-free")
    for index in range(12):
        row(planner, index).locator("[data-field=note]").fill(f"Aantekening {index + 1} met wat uitleg voor de begeleider.")
    planner.fill("#hb-planner-date", "2025-03-14")
    planner.emulate_media(media="print")
    pdf = tmp_path / "agenda.pdf"
    planner.pdf(path=str(pdf), format="A4")

    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= 2
    text = squeezed(" ".join(page.extract_text() for page in reader.pages))
    assert squeezed(plan.title) in text
    assert squeezed("vrijdag 14 maart 2025") in text
    for shown in rows(planner):
        assert squeezed(shown["title"]) in text
        assert squeezed(shown["start"]) in text
    assert squeezed("Mee te nemen werkbladen") in text
    for sheet in HANDBOOK.refs("worksheets", plan.item.worksheets):
        assert squeezed(sheet.title) in text
    assert squeezed(f"Totaal {plan.item.total_minutes + 15 * (12 - len(plan.item.items))} minuten") in text
    for control in EDITING_CONTROLS:
        assert squeezed(control) not in text, control


def test_a_filled_planner_breaks_no_wcag_aa_rule(planner: Page, site_url: str) -> None:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()
    planner.goto(f"{site_url}sessie-plannen/?plan={PLANS[0].id}")
    planner.click("#hb-planner-share")
    row(planner, 0).locator("[data-field=minutes]").fill("0")
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}
    # The planner as filled in by script; the rest of the page is test_accessibility.py's.
    found = [
        f"{violation['id']}: " + "; ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in axe.run(planner, context="#hb-planner", options=options).response["violations"]
    ]
    assert not found, found
