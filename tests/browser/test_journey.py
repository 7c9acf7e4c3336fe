"""A facilitator's way through the handbook without search: home → filtered list → method → case,
worksheet and session plan → planner → printed agenda."""

from __future__ import annotations

import io
import re

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from ..test_site import HANDBOOK

ROUTE = ("Werkwijzen met cliënten of burgers", "clienten-en-burgers")


def journey_method():
    """The first method in the finder's order for the home route's setting that has a case,
    a worksheet and a ready-made session plan."""
    for entry in HANDBOOK.entries("methods"):
        if ROUTE[1] in entry.item.settings and all(
            HANDBOOK.linked("methods", entry.id, kind) for kind in ("cases", "worksheets", "plans")
        ):
            return entry
    raise AssertionError("geen werkwijze met casus, werkblad en sessieplan voor deze setting in de gegevens")


def follow(page: Page, section: str, title: str) -> None:
    """Click the link with this title under the 'Verbonden' heading of the current page."""
    heading = page.locator("h3").filter(has_text=re.compile(rf"^{section}\W*$"))
    group = page.locator(".hb-connections__group").filter(has=heading)
    group.get_by_role("link", name=title, exact=True).click()
    expect(page.locator("h1")).to_contain_text(title)


def test_from_home_to_a_printed_agenda_without_search(page: Page, every_kind_url: str, errors: list[str]) -> None:
    method = journey_method()
    case = HANDBOOK.linked("methods", method.id, "cases")[0]
    worksheet = HANDBOOK.linked("methods", method.id, "worksheets")[0]
    plan = HANDBOOK.linked("methods", method.id, "plans")[0]

    page.goto(every_kind_url)
    page.locator(".hb-routes").get_by_role("link", name=ROUTE[0]).click()
    expect(page).to_have_url(re.compile(rf"setting={ROUTE[1]}"))
    page.locator("[data-hb-finder-cards]").get_by_role("link", name=method.title, exact=True).click()
    expect(page.locator("h1")).to_contain_text(method.title)
    method_url = page.url

    follow(page, "Casussen", case.title)
    page.goto(method_url)
    follow(page, "Werkbladen", worksheet.title)
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
    page.goto(method_url)
    follow(page, "Sessieplannen", plan.title)

    page.get_by_role("link", name="Openen in de planner").click()
    expect(page.locator(".hb-planner__row")).to_have_count(len(plan.item.items))
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    text = " ".join(page_.extract_text() for page_ in pdf.pages)
    assert 3 <= len(pdf.pages) <= 6, "omslag, agenda met aanpak per onderdeel, begeleidersblad"
    assert plan.item.title.split()[0] in text
    assert not errors, errors
