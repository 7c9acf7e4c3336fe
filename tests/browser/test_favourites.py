"""Bewaard in Chromium: save a method and a worksheet, find them on the Bewaard page, reload, remove."""

from __future__ import annotations

import json
import re

from playwright.sync_api import Browser, Page, expect

from macros.render import page_url

from ..test_finder import HANDBOOK

METHOD = HANDBOOK.entries("methods")[0]
SHEET = HANDBOOK.entries("worksheets")[0]
NOTHING_SAVED = "Je hebt nog niets bewaard."
BLOCKED = "Deze browser staat niet toe dat het handboek iets bewaart"
BLOCK_STORAGE = """Object.defineProperty(window, "localStorage", {
    get() { throw new DOMException("Opslag geblokkeerd", "SecurityError"); },
});"""

def save_button(page: Page):
    return page.locator(".hb-save-bar [data-hb-save]")


def saved_links(page: Page) -> list[tuple[str, str]]:
    links = page.locator("[data-hb-saved-list] a")
    return [(links.nth(i).inner_text(), links.nth(i).get_attribute("href") or "") for i in range(links.count())]


def test_save_open_reload_and_remove(page: Page, every_kind_url: str, errors: list[str]) -> None:
    page.goto(every_kind_url + "bewaard/")
    expect(page.get_by_text("Je hebt nog niets bewaard.")).to_be_visible()

    for entry in (METHOD, SHEET):
        page.goto(every_kind_url + page_url(entry.path))
        button = save_button(page)
        expect(button).to_have_text("Bewaren")
        expect(button).to_have_attribute("aria-pressed", "false")
        button.click()
        expect(button).to_have_text("Bewaard")
        expect(button).to_have_attribute("aria-pressed", "true")

    page.goto(every_kind_url + "bewaard/")
    expect(page.get_by_text("Je hebt nog niets bewaard.")).to_be_hidden()
    expect(page.get_by_role("heading", name="Werkwijzen")).to_be_visible()
    expect(page.get_by_role("heading", name="Werkbladen")).to_be_visible()
    assert saved_links(page) == [
        (METHOD.title, "../" + page_url(METHOD.path)),
        (SHEET.title, "../" + page_url(SHEET.path)),
    ]
    for entry in (METHOD, SHEET):
        page.locator("[data-hb-saved-list]").get_by_role("link", name=entry.title, exact=True).click()
        expect(page.locator("h1")).to_have_text(re.compile(rf"^{re.escape(entry.title)}¶?$"))
        assert page.url == every_kind_url + page_url(entry.path)
        expect(save_button(page)).to_have_attribute("aria-pressed", "true")
        page.go_back()

    page.reload()
    assert [title for title, _ in saved_links(page)] == [METHOD.title, SHEET.title]

    page.get_by_role("button", name=f"Verwijderen: {METHOD.title}", exact=True).click()
    assert [title for title, _ in saved_links(page)] == [SHEET.title]
    expect(page.get_by_role("status")).to_have_text(f"{METHOD.title} staat niet meer bij Bewaard.")
    expect(page.get_by_role("button", name=f"Verwijderen: {SHEET.title}", exact=True)).to_be_focused()
    page.reload()
    assert [title for title, _ in saved_links(page)] == [SHEET.title]

    page.goto(every_kind_url + page_url(METHOD.path))
    expect(save_button(page)).to_have_attribute("aria-pressed", "false")
    page.goto(every_kind_url + page_url(SHEET.path))
    save_button(page).click()
    expect(save_button(page)).to_have_text("Bewaren")
    page.goto(every_kind_url + "bewaard/")
    assert saved_links(page) == []
    expect(page.get_by_text("Je hebt nog niets bewaard.")).to_be_visible()
    assert not errors


def test_save_from_a_finder_card(page: Page, every_kind_url: str, errors: list[str]) -> None:
    page.goto(every_kind_url + "werkwijzen/")
    button = page.get_by_role("button", name=f"Bewaren: {METHOD.title}", exact=True)
    button.click()
    expect(page.get_by_role("button", name=f"Bewaard: {METHOD.title}", exact=True)).to_have_attribute("aria-pressed", "true")
    page.goto(every_kind_url + "bewaard/")
    assert saved_links(page) == [(METHOD.title, "../" + page_url(METHOD.path))]
    stored = page.evaluate("() => JSON.parse(window.hbStorage.read('handboek.bewaard'))")
    assert stored == [{"kind": "methods", "id": METHOD.id, "title": METHOD.title}]
    assert not errors


def test_save_button_does_not_print(page: Page, every_kind_url: str, errors: list[str]) -> None:
    page.goto(every_kind_url + page_url(SHEET.path))
    expect(save_button(page)).to_be_visible()
    page.emulate_media(media="print")
    expect(save_button(page)).to_be_hidden()
    assert not errors


def test_without_javascript_there_is_no_save_button_and_bewaard_says_why(browser: Browser, every_kind_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(every_kind_url + page_url(METHOD.path))
        expect(page.locator("[data-hb-save]")).to_be_hidden()
        page.goto(every_kind_url + "bewaard/")
        expect(page.get_by_text("Bewaren werkt alleen als JavaScript in je browser aan staat.")).to_be_visible()
    finally:
        context.close()


def first_card_item(page: Page, site: str) -> dict[str, str]:
    """The method on the first card of the Werkwijzen overview, as Bewaard keeps it."""
    page.goto(site + "werkwijzen/")
    button = page.locator(".hb-finder-card [data-hb-save]").first
    return {"kind": "methods", "id": button.get_attribute("data-id") or "", "title": button.get_attribute("data-title") or ""}


def test_two_handbooks_on_one_origin_keep_their_own_favourites(page: Page, two_handbooks: tuple[str, str], errors: list[str]) -> None:
    first, second = two_handbooks
    item = first_card_item(page, first)
    page.get_by_role("button", name=f"Bewaren: {item['title']}", exact=True).click()
    page.goto(second + "bewaard/")
    expect(page.get_by_text(NOTHING_SAVED)).to_be_visible()
    page.goto(first + "bewaard/")
    assert [title for title, _ in saved_links(page)] == [item["title"]]
    assert not errors


def test_favourites_saved_before_keys_were_scoped_stay_in_each_handbook(
    page: Page, two_handbooks: tuple[str, str], errors: list[str],
) -> None:
    first, second = two_handbooks
    item = first_card_item(page, first)
    page.evaluate("value => localStorage.setItem('handboek.bewaard', value)", json.dumps([item]))
    for site in (first, second):
        page.goto(site + "bewaard/")
        assert [title for title, _ in saved_links(page)] == [item["title"]]
    page.get_by_role("button", name=f"Verwijderen: {item['title']}", exact=True).click()
    page.reload()
    expect(page.get_by_text(NOTHING_SAVED)).to_be_visible()
    page.goto(first + "bewaard/")
    assert [title for title, _ in saved_links(page)] == [item["title"]]
    assert not errors


def test_blocked_storage_bewaren_says_the_browser_does_not_allow_it(browser: Browser, every_kind_url: str) -> None:
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(BLOCK_STORAGE)
    try:
        page = context.new_page()
        page.goto(every_kind_url + page_url(METHOD.path))
        button = save_button(page)
        button.click()
        expect(page.locator(".hb-save-bar").get_by_role("status")).to_contain_text(BLOCKED)
        expect(button).to_have_attribute("aria-pressed", "false")
        page.goto(every_kind_url + "bewaard/")
        expect(page.get_by_text(BLOCKED)).to_be_visible()
    finally:
        context.close()
