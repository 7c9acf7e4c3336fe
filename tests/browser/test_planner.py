"""The session planner in Chromium, on the every-kind fixture handbook: build a plan, keep it, move it between browsers, print it."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from macros.handbook import Entry

from ..test_site import HANDBOOK
from .test_accessibility import violations

PLANS = HANDBOOK.entries("plans")
WHOLE_METHOD = "vooruitblik"  # a method with steps but no minutes per step, added whole
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
def planner(page: Page, every_kind_url: str) -> Iterator[Page]:
    """The planner page, failing the test on any console error or uncaught exception."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(every_kind_url + "sessie-plannen/")
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
    add(page, f"m:{WHOLE_METHOD}")
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
    whole = HANDBOOK.entry("methods", WHOLE_METHOD).title

    assert [r["title"] for r in rows(planner)] == [step.title, whole, "Pauze"]
    assert rows(planner)[0]["minutes"] == str(minutes)

    row(planner, 1).get_by_role("button", name="Omhoog").focus()
    planner.keyboard.press("Enter")
    focused_row = planner.evaluate("document.activeElement.closest('.hb-planner__row').querySelector('[data-field=title]').value")
    assert focused_row == whole

    assert [(r["start"], r["title"]) for r in rows(planner)] == [
        ("10:00", whole), (clock(600 + 20), step.title), (clock(600 + 20 + minutes), "Pauze"),
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
    target = HANDBOOK.entry("methods", WHOLE_METHOD)
    planner.fill("#hb-planner-search", target.title)
    visible = planner.locator("#hb-planner-pick option:not([hidden])").all_text_contents()
    # An option may end in a note on its time, such as "(korte vermelding, geen duur)".
    steps = [step.title for step in target.item.steps]
    assert visible and all(target.title in text or any(text.startswith(step) for step in steps) for text in visible)
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
     b'{"format": "handboek-sessieplan", "version": 1, "rows": [{"title": "X", "minutes": "veel"}]}',
     b'{"format": "handboek-sessieplan", "version": 1, "date": "2025-02-31", "rows": []}'],
    ids=["not-json", "other-format", "bad-minutes", "impossible-date"],
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
def test_a_ready_made_plan_opens_from_its_address(planner: Page, every_kind_url: str, plan: Entry) -> None:
    planner.goto(f"{every_kind_url}sessie-plannen/?plan={plan.id}")
    shown = rows(planner)
    assert [(r["title"], r["minutes"]) for r in shown] == [(item_title(i), str(i.minutes)) for i in plan.item.items]
    starts = [clock(9 * 60 + start) for start in plan.item.starts]
    assert [r["start"] for r in shown] == starts
    expect(planner.locator("#hb-planner-total")).to_contain_text(f"Totaal {plan.item.total_minutes} minuten")
    expect(planner.locator("#hb-planner-title")).to_have_value(plan.title)


def test_the_plan_page_button_opens_the_plan_in_the_planner(planner: Page, every_kind_url: str) -> None:
    plan = PLANS[0]
    planner.goto(every_kind_url + plan.path.removesuffix(".md") + "/")
    planner.get_by_role("link", name="Openen in de planner").click()
    expect(planner.locator("#hb-planner-title")).to_have_value(plan.title)
    assert len(rows(planner)) == len(plan.item.items)


def test_printed_session_is_cover_agenda_and_facilitator_page_and_shows_only_those(planner: Page, every_kind_url: str, tmp_path: Path) -> None:
    plan = max(PLANS, key=lambda entry: len(entry.item.items))
    planner.goto(f"{every_kind_url}sessie-plannen/?plan={plan.id}")
    while len(rows(planner)) < 12:
        planner.click("#hb-planner-add-free")
    for index in range(12):
        row(planner, index).locator("[data-field=note]").fill(f"Aantekening {index + 1} met wat uitleg voor de begeleider.")
    planner.fill("#hb-planner-date", "2025-03-14")
    planner.emulate_media(media="print")
    pdf = tmp_path / "agenda.pdf"
    planner.pdf(path=str(pdf), format="A4")

    reader = PdfReader(pdf)
    assert 3 <= len(reader.pages) <= 6, "omslag, agenda met aanpak per onderdeel, begeleidersblad"
    assert squeezed(plan.title) in squeezed(reader.pages[0].extract_text())
    text = squeezed(" ".join(page.extract_text() for page in reader.pages))
    assert text.index(squeezed("Agenda")) < text.index(squeezed("Voor de begeleider")), "eerst de agenda, dan het begeleidersblad"
    assert squeezed(plan.title) in text
    assert squeezed("vrijdag 14 maart 2025") in text
    for shown in rows(planner):
        assert squeezed(shown["title"]) in text
        assert squeezed(shown["start"]) in text
    assert squeezed("Afdrukken") in text
    for sheet in HANDBOOK.refs("worksheets", plan.item.worksheets):
        assert squeezed(sheet.title) in text
    assert squeezed(f"Totaal {plan.item.total_minutes + 15 * (12 - len(plan.item.items))} minuten") in text
    for control in EDITING_CONTROLS:
        assert squeezed(control) not in text, control


def wcag_violations(page: Page) -> list[str]:
    """What axe finds against WCAG 2.1 AA in the planner as filled in by script; the rest of the page
    is test_accessibility.py's."""
    return violations(page, "planner", {"include": [["#hb-planner"]]})


def test_a_filled_planner_breaks_no_wcag_aa_rule(planner: Page, every_kind_url: str) -> None:
    planner.goto(f"{every_kind_url}sessie-plannen/?plan={PLANS[0].id}")
    planner.click("#hb-planner-share")
    row(planner, 0).locator("[data-field=minutes]").fill("0")
    found = wcag_violations(planner)
    assert not found, found


# ── The reader's own plan is never lost ──────────────────────────────────────

OWN_TITLE = "Mijn teamdag"
OWN_ROWS = ("Opening", "Pauze", "Afsluiting")
BLOCK_STORAGE = """Object.defineProperty(window, "localStorage", {
    get() { throw new DOMException("Opslag geblokkeerd", "SecurityError"); },
});"""


def make_own_plan(page: Page, planner_url: str) -> list[dict[str, str]]:
    page.goto(planner_url)
    page.fill("#hb-planner-title", OWN_TITLE)
    for title in OWN_ROWS:
        page.fill("#hb-planner-free", title)
        page.click("#hb-planner-add-free")
    return rows(page)


def colleagues_link(browser: Browser, every_kind_url: str) -> str:
    """A plan link as a colleague makes it with 'Link delen' in their own browser."""
    context = browser.new_context(locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(every_kind_url + "sessie-plannen/")
        page.fill("#hb-planner-title", "Plan van een collega")
        page.fill("#hb-planner-free", "Kennismaken")
        page.click("#hb-planner-add-free")
        page.click("#hb-planner-share")
        return page.locator("#hb-planner-link").input_value()
    finally:
        context.close()


def plan_in_a_new_tab(page: Page, every_kind_url: str) -> tuple[str, list[dict[str, str]]]:
    """What the planner shows in another tab of the same browser: what is stored."""
    tab = page.context.new_page()
    try:
        tab.goto(every_kind_url + "sessie-plannen/")
        return tab.locator("#hb-planner-title").input_value(), rows(tab)
    finally:
        tab.close()


def notice(page: Page):
    return page.locator("#hb-planner-notice[role=status]")


def first_ready_plan(page: Page, every_kind_url: str) -> tuple[str, str]:
    """The id and title of the first ready-made plan the planner offers."""
    page.goto(every_kind_url + "sessie-plannen/")
    option = page.locator("#hb-planner-plan option").first
    return option.get_attribute("value") or "", option.inner_text()


def test_a_shared_link_keeps_the_own_plan_until_vervangen(planner: Page, browser: Browser, every_kind_url: str) -> None:
    own = make_own_plan(planner, every_kind_url + "sessie-plannen/")
    link = colleagues_link(browser, every_kind_url)
    planner.goto(every_kind_url)
    planner.goto(link)
    preview = planner.locator("#hb-planner-preview")
    expect(preview).to_be_visible()
    expect(preview).to_contain_text("Plan van een collega")
    expect(preview).to_contain_text("Kennismaken")
    expect(preview).to_contain_text(OWN_TITLE)
    expect(planner.get_by_role("button", name="Toevoegen", exact=True)).to_be_hidden()
    assert plan_in_a_new_tab(planner, every_kind_url) == (OWN_TITLE, own)

    planner.get_by_role("button", name="Annuleren").click()
    expect(preview).to_be_hidden()
    assert rows(planner) == own
    expect(planner.locator("#hb-planner-title")).to_have_value(OWN_TITLE)
    expect(notice(planner)).to_contain_text("Je eigen plan staat er nog")
    assert "#plan=" not in planner.url
    planner.reload()
    expect(preview).to_be_hidden()
    assert rows(planner) == own

    planner.goto(link)
    expect(preview).to_be_visible()
    assert plan_in_a_new_tab(planner, every_kind_url) == (OWN_TITLE, own)
    planner.get_by_role("button", name="Vervangen").click()
    expect(preview).to_be_hidden()
    assert [r["title"] for r in rows(planner)] == ["Kennismaken"]
    expect(notice(planner)).to_contain_text("je vorige plan is vervangen")
    planner.reload()
    assert [r["title"] for r in rows(planner)] == ["Kennismaken"]
    expect(planner.locator("#hb-planner-title")).to_have_value("Plan van een collega")


def test_a_ready_made_plan_from_the_address_keeps_the_own_plan_until_vervangen(planner: Page, every_kind_url: str) -> None:
    ready_id, ready_title = first_ready_plan(planner, every_kind_url)
    own = make_own_plan(planner, every_kind_url + "sessie-plannen/")
    address = f"{every_kind_url}sessie-plannen/?plan={ready_id}"
    planner.goto(address)
    preview = planner.locator("#hb-planner-preview")
    expect(preview).to_contain_text(ready_title)
    assert plan_in_a_new_tab(planner, every_kind_url) == (OWN_TITLE, own)

    planner.get_by_role("button", name="Annuleren").click()
    assert rows(planner) == own
    assert "?plan=" not in planner.url

    planner.goto(address)
    planner.get_by_role("button", name="Vervangen").click()
    expect(planner.locator("#hb-planner-title")).to_have_value(ready_title)
    ready_rows = rows(planner)
    assert ready_rows and ready_rows != own
    assert plan_in_a_new_tab(planner, every_kind_url) == (ready_title, ready_rows)

    planner.goto(address)  # The same plan is stored now: nothing to ask.
    expect(preview).to_be_hidden()
    assert rows(planner) == ready_rows


def test_the_preview_of_a_link_breaks_no_wcag_aa_rule(planner: Page, every_kind_url: str) -> None:
    ready_id, _ = first_ready_plan(planner, every_kind_url)
    make_own_plan(planner, every_kind_url + "sessie-plannen/")
    planner.goto(f"{every_kind_url}sessie-plannen/?plan={ready_id}")
    expect(planner.get_by_role("button", name="Vervangen")).to_be_visible()
    expect(planner.get_by_role("heading", name="Plan uit een link")).to_be_focused()
    found = wcag_violations(planner)
    assert not found, found


def link_of(content: bytes) -> str:
    return "#plan=" + base64.urlsafe_b64encode(content).decode().rstrip("=")


@pytest.mark.parametrize(
    ("address", "reason"),
    [("#plan=kapot!", "de link is onvolledig of beschadigd"),
     (link_of(b"{niet json"), "de link is geen geldig JSON"),
     (link_of(b'{"format": "handboek-sessieplan", "version": 1, "rows": [{"minutes": 0}]}'), "onderdeel 1 heeft geen geldig aantal minuten"),
     ("?plan=bestaat-niet-in-dit-handboek", "het sessieplan ‘bestaat-niet-in-dit-handboek’ staat niet in dit handboek")],
    ids=["not-base64", "not-json", "bad-row", "unknown-plan"],
)
def test_a_broken_link_leaves_the_own_plan_and_says_why(planner: Page, every_kind_url: str, address: str, reason: str) -> None:
    own = make_own_plan(planner, every_kind_url + "sessie-plannen/")
    planner.goto(every_kind_url)
    planner.goto(f"{every_kind_url}sessie-plannen/{address}")
    expect(notice(planner)).to_contain_text("Deze link kan de planner niet openen: ")
    expect(notice(planner)).to_contain_text(reason)
    expect(notice(planner)).to_contain_text("Je eigen plan is niet veranderd.")
    assert rows(planner) == own
    expect(planner.locator("#hb-planner-title")).to_have_value(OWN_TITLE)

    planner.fill("#hb-planner-free", "Nog een onderdeel")
    planner.click("#hb-planner-add-free")
    planner.reload()
    assert [r["title"] for r in rows(planner)] == [*OWN_ROWS, "Nog een onderdeel"]


def edit_stored_plan(page: Page, change) -> None:
    """Change the stored plan as an older or damaged copy of it could look."""
    key = page.evaluate(f"""() => Object.keys(localStorage).find(
        key => (localStorage.getItem(key) || "").includes({json.dumps(OWN_TITLE)}))""")
    stored = json.loads(page.evaluate("key => localStorage.getItem(key)", key))
    change(stored)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, json.dumps(stored)])


def test_a_stored_plan_keeps_its_good_rows_and_says_what_was_dropped(planner: Page, every_kind_url: str) -> None:
    make_own_plan(planner, every_kind_url + "sessie-plannen/")
    long_title = "Een onderdeel met een lange titel " * 8

    def damage(stored: dict) -> None:
        stored["rows"][1]["minutes"] = "veel"
        stored["rows"][2]["title"] = long_title
        stored["date"] = "2025-02-31"

    edit_stored_plan(planner, damage)
    planner.reload()
    assert [r["title"] for r in rows(planner)] == ["Opening", long_title.strip()]
    expect(planner.locator("#hb-planner-title")).to_have_value(OWN_TITLE)
    expect(notice(planner)).to_contain_text("onderdeel 2 (‘Pauze’) heeft geen geldig aantal minuten")
    expect(notice(planner)).to_contain_text("de datum 2025-02-31 is geen bestaande datum")
    expect(planner.locator("#hb-planner-date")).to_have_value("")
    assert "maart" not in (planner.locator("#hb-planner-sheet").text_content() or "")

    planner.fill("#hb-planner-title", "Mijn teamdag, bijgewerkt")
    planner.reload()
    assert [r["title"] for r in rows(planner)] == ["Opening", long_title.strip()]
    expect(notice(planner)).to_be_empty()


def test_two_handbooks_on_one_origin_keep_their_own_plans(page: Page, two_handbooks: tuple[str, str]) -> None:
    first, second = two_handbooks
    for site, title in ((first, "Alleen in het eerste handboek"), (second, "Alleen in het tweede handboek")):
        page.goto(site + "sessie-plannen/")
        assert rows(page) == []
        page.fill("#hb-planner-free", title)
        page.click("#hb-planner-add-free")
    page.goto(first + "sessie-plannen/")
    assert [r["title"] for r in rows(page)] == ["Alleen in het eerste handboek"]


def test_a_plan_stored_before_keys_were_scoped_stays_in_each_handbook(page: Page, two_handbooks: tuple[str, str]) -> None:
    first, second = two_handbooks
    old_plan = {"format": "handboek-sessieplan", "version": 1, "title": "Van vroeger",
                "rows": [{"title": "Oud onderdeel", "minutes": 20}]}
    page.goto(first)
    page.evaluate("value => localStorage.setItem('handboek.sessieplan', value)", json.dumps(old_plan))
    for site in (first, second):
        page.goto(site + "sessie-plannen/")
        expect(page.locator("#hb-planner-title")).to_have_value("Van vroeger")
        assert [r["title"] for r in rows(page)] == ["Oud onderdeel"]
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#hb-planner-clear")
    page.goto(first + "sessie-plannen/")
    assert [r["title"] for r in rows(page)] == ["Oud onderdeel"]
    page.goto(second + "sessie-plannen/")
    assert rows(page) == []


def test_blocked_storage_is_told_in_the_planner(browser: Browser, every_kind_url: str) -> None:
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(BLOCK_STORAGE)
    try:
        page = context.new_page()
        page.goto(every_kind_url + "sessie-plannen/")
        expect(notice(page)).to_contain_text("Deze browser staat niet toe dat het handboek iets bewaart")
        page.click("#hb-planner-add-free")
        assert [r["title"] for r in rows(page)] == ["Pauze"]
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 390])
def test_the_planner_fits_a_phone_screen(browser: Browser, every_kind_url: str, width: int) -> None:
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        ready_id, _ = first_ready_plan(page, every_kind_url)
        page.goto(f"{every_kind_url}sessie-plannen/?plan={ready_id}")
        page.fill("#hb-planner-free", "Een vrij onderdeel met een vrij lange naam")
        page.click("#hb-planner-add-free")
        add(page, f"m:{guided_method().id}")
        assert len(rows(page)) >= 4
        for summary in page.locator(".hb-planner__guide summary").all():
            summary.click()
        assert page.locator(".hb-planner__guide[open]").count() >= 1
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


# ── Per block: the method's own time and what the facilitator needs; moving by drag and by keyboard ──


def guided_method() -> Entry:
    """The method with the most for the facilitator: invitation, materials and who does what."""
    def richness(entry: Entry) -> int:
        method = entry.item
        return bool(method.invitation) + bool(method.materials) + any(step.who for step in method.steps)
    candidates = [entry for entry in HANDBOOK.entries("methods") if not entry.item.brief and entry.item.planned_minutes]
    best = max(candidates, key=richness)
    assert richness(best) == 3, "geen werkwijze met uitnodiging, materialen en wie wat doet in de gegevens"
    return best


def test_a_method_block_takes_its_own_time_and_shows_what_the_facilitator_needs(planner: Page) -> None:
    entry = guided_method()
    method = entry.item
    add(planner, f"m:{entry.id}")
    assert rows(planner)[0]["minutes"] == str(method.planned_minutes[1])
    guide = row(planner, 0).locator(".hb-planner__guide")
    expect(guide.get_by_text(method.invitation)).to_be_hidden()
    guide.get_by_text("Voor de begeleider").click()
    expect(guide).to_contain_text(method.invitation)
    for material in method.materials:
        expect(guide).to_contain_text(material)
    if method.configurations:
        expect(guide).to_contain_text("Werkvorm: ")
    for step in method.steps:
        if step.who:
            expect(guide).to_contain_text(f"{step.title}: {step.who}")
    for sheet in HANDBOOK.linked("methods", entry.id, "worksheets"):
        expect(guide.get_by_role("link", name=sheet.title)).to_be_visible()

    planner.fill("#hb-planner-free", "Pauze")
    planner.click("#hb-planner-add-free")
    row(planner, 1).get_by_role("button", name="Omhoog").click()
    expect(row(planner, 1).locator(".hb-planner__guide")).to_have_attribute("open", "")

    planner.emulate_media(media="print")
    sheet = planner.locator("#hb-planner-sheet")
    expect(sheet).to_be_visible()
    expect(sheet).to_contain_text(f"Uitnodiging: {method.invitation}")
    for material in method.materials:
        expect(sheet.locator(".hb-planner-sheet__materials li", has_text=material).first).to_be_visible()


def test_a_mere_mention_says_it_has_no_time_instead_of_a_silent_default(planner: Page) -> None:
    brief = [entry for entry in HANDBOOK.entries("methods") if entry.item.brief]
    if not brief:
        pytest.skip("geen korte vermelding in de gegevens")
    option = planner.locator(f"#hb-planner-pick option[value='m:{brief[0].id}']")
    expect(option).to_contain_text("korte vermelding, geen duur")
    add(planner, f"m:{brief[0].id}")
    minutes = row(planner, 0).locator("[data-field=minutes]")
    hint = row(planner, 0).locator(".hb-planner__no-time")
    expect(hint).to_contain_text("het handboek geeft hier geen duur voor. Vul zelf de minuten in.")
    assert minutes.get_attribute("aria-describedby") == hint.get_attribute("id")


def free_rows(page: Page, *titles: str) -> None:
    for title in titles:
        page.fill("#hb-planner-free", title)
        page.click("#hb-planner-add-free")


def test_dragging_a_row_by_its_handle_reorders_and_keeps_the_order(planner: Page) -> None:
    free_rows(planner, "Eerste", "Tweede", "Derde")
    planner.set_viewport_size({"width": 1280, "height": 1400})
    planner.locator("#hb-planner-agenda-heading").evaluate("heading => heading.scrollIntoView()")
    handle = row(planner, 0).locator(".hb-planner__handle").bounding_box()
    last = row(planner, 2).bounding_box()
    planner.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    planner.mouse.down()
    planner.mouse.move(handle["x"] + 5, last["y"] + last["height"] * 0.75, steps=8)
    expect(row(planner, 2)).to_have_class("hb-planner__row hb-planner__row--drop-after")
    planner.mouse.up()
    assert [r["title"] for r in rows(planner)] == ["Tweede", "Derde", "Eerste"]
    expect(planner.locator("#hb-planner-message")).to_have_text("Eerste staat nu op plaats 3 van 3.")
    planner.reload()
    assert [r["title"] for r in rows(planner)] == ["Tweede", "Derde", "Eerste"]


def test_moving_by_keyboard_keeps_focus_on_the_moved_row_and_announces_it(planner: Page) -> None:
    free_rows(planner, "Eerste", "Tweede", "Derde")
    row(planner, 0).get_by_role("button", name="Omlaag").focus()
    planner.keyboard.press("Enter")
    assert [r["title"] for r in rows(planner)] == ["Tweede", "Eerste", "Derde"]
    focused = planner.evaluate("""() => [document.activeElement.dataset.action,
        document.activeElement.closest('.hb-planner__row').querySelector('[data-field=title]').value]""")
    assert focused == ["down", "Eerste"]
    message = planner.locator("#hb-planner-message")
    expect(message).to_have_text("Eerste staat nu op plaats 2 van 3.")
    assert message.get_attribute("aria-live") == "polite"
    planner.keyboard.press("Enter")
    assert [r["title"] for r in rows(planner)] == ["Tweede", "Derde", "Eerste"]
    assert planner.evaluate("document.activeElement.dataset.action") == "up", "Omlaag is off on the last row"
    planner.reload()
    assert [r["title"] for r in rows(planner)] == ["Tweede", "Derde", "Eerste"]


# ── The plan core (plan-core.js) on data of its own, without the planner page ──

CORE_DATA = {
    "methods": [
        {"id": "m", "title": "Werkwijze M", "steps": [{"title": "Stap 1"}]},
        {"id": "g", "title": "Werkwijze G", "minutes": 25, "invitation": "Wat werkt?", "materials": ["Flap"],
         "steps": [{"title": "Ronde", "who": "Iedereen", "minutes": 15}, {"title": "Oogst", "minutes": 10}]},
    ],
    "worksheets": {},
    "plans": [],
}


def with_core(page: Page, every_kind_url: str, script: str, value: object) -> object:
    page.goto(every_kind_url + "sessie-plannen/")
    return page.evaluate(f"([data, value]) => ({script})(window.hbPlanCore(data), value)", [CORE_DATA, value])


def test_the_plan_core_keeps_the_readable_rows_and_names_what_it_dropped(page: Page, every_kind_url: str) -> None:
    stored = {"format": "handboek-sessieplan", "version": 1, "title": "T", "date": "2025-02-31", "start": "10:00",
              "rows": [{"title": "Goed", "minutes": 10}, {"title": "Fout", "minutes": 0},
                       {"method": "m", "step": "Stap 1", "minutes": 20}]}
    read = with_core(page, every_kind_url, """(core, stored) => {
        const { plan, dropped } = core.readPlan(stored);
        return { titles: plan.rows.map(core.rowTitle), starts: core.startsOf(plan).map(core.clock), date: plan.date, dropped };
    }""", stored)
    assert read == {
        "titles": ["Goed", "Stap 1"],
        "starts": ["10:00", "10:10"],
        "date": "",
        "dropped": ["de datum 2025-02-31 is geen bestaande datum als 2025-03-14",
                    "onderdeel 2 (‘Fout’) heeft geen geldig aantal minuten (een geheel getal van 1 tot 1440)"],
    }


def test_the_plan_core_knows_which_dates_exist(page: Page, every_kind_url: str) -> None:
    dates = ["2025-03-14", "2024-02-29", "2025-02-29", "2025-02-31", "2025-13-01", "2025-00-10", "14-03-2025"]
    real = with_core(page, every_kind_url, "(core, dates) => dates.filter(core.isRealDate)", dates)
    assert real == ["2025-03-14", "2024-02-29"]


def test_the_plan_core_gives_each_row_its_time_and_guide_and_where_a_drag_lands(page: Page, every_kind_url: str) -> None:
    found = with_core(page, every_kind_url, """(core) => {
        const whole = core.newRow({ method: "g", minutes: 25 });
        const step = core.newRow({ method: "g", step: "Ronde", minutes: 15 });
        const mention = core.newRow({ method: "m", minutes: 30 });
        return {
            minutes: [whole, step, mention, core.newRow({ title: "Pauze", minutes: 15 })].map(core.dataMinutes),
            whole: core.guideOf(whole), step: core.guideOf(step).who,
            drops: [[[10, 50, 90], 0, 70], [[10, 50, 90], 0, 95], [[10, 50, 90], 2, 5], [[10, 50, 90], 1, 40]]
                .map(([middles, from, pointer]) => core.dropIndex(middles, from, pointer)),
        };
    }""", None)
    assert found == {
        "minutes": [25, 15, None, None],
        "whole": {"invitation": "Wat werkt?", "configurations": None, "who": [{"step": "Ronde", "who": "Iedereen"}],
                  "preparation": [], "materials": ["Flap"]},
        "step": [{"step": "Ronde", "who": "Iedereen"}],
        "drops": [1, 2, 0, 1],
    }
