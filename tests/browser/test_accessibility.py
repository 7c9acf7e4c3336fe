"""WCAG 2.1 AA: axe-core in Chromium finds nothing on one page of each template plus a sample (of the
project's own handbook and of the every-kind fixture), static checks of the HTML cover every page, and
keyboard users can find their way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from ..conftest import page_address, site_pages
from ..page_sample import PRINT_DOCUMENT, is_print_document, pages_by_template, template_of, template_sample

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 812}
WITHOUT_NAVIGATION = {"exclude": [[".md-sidebar--primary"]]}
AXE = Axe()
# Halfway through a transition (Material fades a hovered button's colours) a colour is neither the
# page's before nor after; axe would judge the contrast of that moment.
TRANSITIONS_ENDED = """() => Promise.all(document.getAnimations()
    .filter((animation) => animation.effect.getComputedTiming().endTime !== Infinity)
    .map((animation) => animation.finished.catch(() => null)))"""


def violations(page: Page, label: str, context: dict | None = None) -> list[str]:
    """One line per rule broken on the page as it is now, once its transitions have ended: where, which
    rule, which elements."""
    page.evaluate(TRANSITIONS_ENDED)
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


def template_pages(site: Path) -> list[str]:
    """One page of each template (its first) and the 404 page."""
    first = sorted(page_address(site, pages[0]) for pages in pages_by_template(site).values())
    return first + (["404.html"] if (site / "404.html").is_file() else [])


def fixture_only(every_kind_site: Path, site: Path) -> list[str]:
    """The fixture's pages whose template the project's own handbook lacks (a fork without cases, say)."""
    present = set(pages_by_template(site))
    return [address for address in template_sample(every_kind_site) if template_of(address) not in present]


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="nl-NL", viewport=MOBILE)
    yield context.new_page()
    context.close()


def test_no_page_template_breaks_a_wcag_aa_rule(
    browser: Browser, built_site: Path, site_url: str, every_kind_site: Path, every_kind_url: str
) -> None:
    """Each template once plus its largest page, whole; a template the project's handbook lacks is
    checked on the every-kind fixture."""
    context = browser.new_context(locale="nl-NL", viewport=DESKTOP)
    page = context.new_page()
    visits = [(site_url, address) for address in template_sample(built_site)]
    visits += [(every_kind_url, address) for address in fixture_only(every_kind_site, built_site)]
    found: list[str] = []
    for url, address in visits:
        page.goto(url + address)
        found += violations(page, address or "/")
    context.close()
    assert any(address == "404.html" for _url, address in visits)
    assert not found, "\n".join(found)


def test_no_wcag_aa_problem_on_a_phone(phone: Page, built_site: Path, site_url: str) -> None:
    found: list[str] = []
    for address in template_pages(built_site):
        phone.goto(site_url + address)
        found += violations(phone, f"{address or '/'} (telefoon)")
    phone.locator(".md-header label[for='__drawer']").click()
    expect(phone.locator(".md-sidebar--primary")).to_be_in_viewport()
    found += violations(phone, "menu open (telefoon)")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "telefoon"])
def test_search_with_results_breaks_no_wcag_aa_rule(browser: Browser, every_kind_url: str, viewport: dict[str, int]) -> None:
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    page = context.new_page()
    page.goto(every_kind_url)
    search_for(page, "gespreksleider")
    found = violations(page, "zoeken met resultaten")
    context.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "telefoon"])
def test_skip_link_comes_first_shows_on_focus_and_leads_to_the_content(
    browser: Browser, built_site: Path, site_url: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    page = context.new_page()
    for address in template_pages(built_site):
        if address == "404.html" or is_print_document(built_site, address):
            continue
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


@pytest.mark.parametrize("address", ["", "werkwijzen/oefenronde/", "werkbladen/oefenronde-terugblik/"])
def test_every_focused_element_shows_an_outline(page: Page, every_kind_url: str, address: str) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(every_kind_url + address)
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


@pytest.fixture(params=["built_site", "every_kind_site"])
def any_site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(request.param)


def test_headings_skip_no_level_and_images_have_alt_text(any_site: Path) -> None:
    problems: list[str] = []
    for path in site_pages(any_site):
        address = page_address(any_site, path) or "/"
        if '<html lang="nl"' not in path.read_text(encoding="utf-8"):
            problems.append(f"{address}: taal niet nl")
        content = main_content(path)
        levels = [int(level) for level in re.findall(r"<h([1-6])\b", content)]
        # A printed document (packet, werkmap) is made of parts, each with its own h1, which the PDF's
        # bookmarks follow; it is printed, not read on the site (no page links to it, search leaves it out).
        one_h1 = levels.count(1) == 1 or PRINT_DOCUMENT in content
        if levels[:1] != [1] or not one_h1:
            problems.append(f"{address}: niet precies één h1 bovenaan ({levels[:3]})")
        problems += [
            f"{address}: kop springt van h{before} naar h{after}"
            for before, after in zip(levels, levels[1:]) if after > before + 1
        ]
        problems += [f"{address}: afbeelding zonder alt: {image}" for image in re.findall(r"<img\b(?![^>]*\balt=)[^>]*>", content)]
    assert not problems, "\n".join(problems)


class NameParser(HTMLParser):
    """Every id on a page, and the links and buttons that have no text and no label (WCAG 2.4.4, 4.1.2)."""

    NAMED = ("a", "button")

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.unnamed: list[str] = []
        self._open: list[list] = []  # [tag, start tag, has a name]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if self._open and (tag == "img" and attributes.get("alt") or tag == "svg" and attributes.get("aria-label")):
            self._open[-1][2] = True
        if tag in self.NAMED and not (tag == "a" and "href" not in attributes):
            named = bool(attributes.get("aria-label") or attributes.get("title") or attributes.get("aria-labelledby"))
            self._open.append([tag, self.get_starttag_text() or tag, named])

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open[-1][0]:
            _tag, start, named = self._open.pop()
            if not named:
                self.unnamed.append(start)

    def handle_data(self, data: str) -> None:
        if self._open and data.strip():
            self._open[-1][2] = True


def test_every_page_has_unique_ids_and_names_each_link_and_button(any_site: Path) -> None:
    """Static, so cheap on every page: what axe would find on a page of a template it checked, but
    with this page's own content (ids from headings, links from data)."""
    problems: list[str] = []
    for path in site_pages(any_site) + sorted(any_site.glob("*.html")):
        address = path.relative_to(any_site).as_posix()
        parser = NameParser()
        parser.feed(path.read_text(encoding="utf-8"))
        problems += [f"{address}: id '{name}' komt vaker voor" for name in sorted({i for i in parser.ids if parser.ids.count(i) > 1})]
        problems += [f"{address}: link of knop zonder naam: {start}" for start in parser.unnamed]
    assert not problems, "\n".join(problems[:30])
