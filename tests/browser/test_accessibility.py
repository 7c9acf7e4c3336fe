"""WCAG 2.1 AA in Chromium: axe-core finds nothing on any page, and keyboard users can find their way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from ..conftest import page_address, site_pages

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 812}
WITHOUT_NAVIGATION = {"exclude": [[".md-sidebar--primary"]]}
AXE = Axe()


def violations(page: Page, label: str, context: dict | None = None) -> list[str]:
    """One line per rule broken on the page as it is now: where, which rule, which elements."""
    response = AXE.run(page, context=context, options=AXE_OPTIONS).response
    return [
        f"{label}: {violation['id']} ({violation['help']}): "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in response["violations"]
    ]


def search_for(page: Page, query: str) -> None:
    """Search as a reader does: in the field on a wide screen, behind the magnifier on a phone."""
    magnifier = page.locator("label.md-header__button[for='__search']")
    if magnifier.is_visible():
        magnifier.click()
    else:
        page.get_by_role("textbox", name="Zoeken").click()
    page.keyboard.type(query)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def sample_pages(site: Path) -> list[str]:
    """Home plus, per top-level section, its first and last page: every template and layout once."""
    by_section: dict[str, list[str]] = {}
    for page in site_pages(site):
        address = page_address(site, page)
        by_section.setdefault(address.split("/")[0], []).append(address)
    return sorted({address for addresses in by_section.values() for address in (addresses[0], addresses[-1])})


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="nl-NL", viewport=MOBILE)
    yield context.new_page()
    context.close()


def test_no_page_breaks_a_wcag_aa_rule(browser: Browser, built_site: Path, site_url: str) -> None:
    """Every page whole, except that the site navigation (the same on every page of a section, and
    most of axe's work) is checked on the sample pages only."""
    context = browser.new_context(locale="nl-NL", viewport=DESKTOP)
    page = context.new_page()
    addresses = [page_address(built_site, path) for path in site_pages(built_site)]
    samples = set(sample_pages(built_site))
    found: list[str] = []
    for address in addresses:
        page.goto(site_url + address)
        found += violations(page, address or "/", None if address in samples else WITHOUT_NAVIGATION)
    context.close()
    assert len(addresses) > 20
    assert not found, "\n".join(found)


def test_no_wcag_aa_problem_on_a_phone(phone: Page, built_site: Path, site_url: str) -> None:
    found: list[str] = []
    for address in sample_pages(built_site):
        phone.goto(site_url + address)
        found += violations(phone, f"{address or '/'} (telefoon)")
    phone.locator(".md-header label[for='__drawer']").click()
    expect(phone.locator(".md-sidebar--primary")).to_be_in_viewport()
    found += violations(phone, "menu open (telefoon)")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "telefoon"])
def test_search_with_results_breaks_no_wcag_aa_rule(browser: Browser, site_url: str, viewport: dict[str, int]) -> None:
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    page = context.new_page()
    page.goto(site_url)
    search_for(page, "stuurgroep")
    found = violations(page, "zoeken met resultaten")
    context.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "telefoon"])
def test_skip_link_comes_first_shows_on_focus_and_leads_to_the_content(
    browser: Browser, built_site: Path, site_url: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    page = context.new_page()
    for address in sample_pages(built_site):
        page.goto(site_url + address)
        skip = page.locator("a.md-skip")
        expect(skip, address).to_have_css("opacity", "0")
        page.keyboard.press("Tab")
        expect(skip, address).to_be_focused()
        expect(skip, address).to_have_css("opacity", "1")
        expect(skip, address).to_be_in_viewport()
        target = skip.get_attribute("href") or ""
        page.keyboard.press("Enter")
        expect(page.locator(f"article [id='{target.lstrip('#')}']"), address).to_be_in_viewport()
    context.close()


@pytest.mark.parametrize("address", ["", "werkwijzen/toekomstdialoog/", "werkbladen/toekomstdialoog-werkblad/"])
def test_every_focused_element_shows_an_outline(page: Page, site_url: str, address: str) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + address)
    unseen: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focus = page.evaluate(
            """() => {
                const element = document.activeElement;
                if (element === document.body) return {name: 'BODY', outline: false, shown: false};
                const style = getComputedStyle(element);
                const box = element.getBoundingClientRect();
                return {
                    name: element.tagName + ' ' + (element.textContent || element.getAttribute('aria-label') || '').trim().slice(0, 40),
                    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1,
                    shown: box.width > 0 && box.height > 0,
                };
            }"""
        )
        if focus["shown"] and not focus["outline"]:
            unseen.append(focus["name"])
    assert not unseen, f"focus niet zichtbaar op: {unseen}"


def main_content(path: Path) -> str:
    source = path.read_text(encoding="utf-8")
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', source, re.S)
    assert match, f"{path}: geen hoofdinhoud"
    return match.group(1)


def test_headings_skip_no_level_and_images_have_alt_text(built_site: Path) -> None:
    problems: list[str] = []
    for path in site_pages(built_site):
        address = page_address(built_site, path) or "/"
        if '<html lang="nl"' not in path.read_text(encoding="utf-8"):
            problems.append(f"{address}: taal niet nl")
        content = main_content(path)
        levels = [int(level) for level in re.findall(r"<h([1-6])\b", content)]
        if levels[:1] != [1] or levels.count(1) != 1:
            problems.append(f"{address}: niet precies één h1 bovenaan ({levels[:3]})")
        problems += [
            f"{address}: kop springt van h{before} naar h{after}"
            for before, after in zip(levels, levels[1:]) if after > before + 1
        ]
        problems += [f"{address}: afbeelding zonder alt: {image}" for image in re.findall(r"<img\b(?![^>]*\balt=)[^>]*>", content)]
    assert not problems, "\n".join(problems)
