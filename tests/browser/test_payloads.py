"""Script payloads in every field of one item of each kind and in every text setting stay text:
no dialog, no handler runs, no element of theirs on any page, no request to another host."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.pdf import serve


from ..conftest import build, copy_project, page_address, render_pdfs, site_pages
from ..payloads import ITEM_IDS, SHOWN, write_payload_handbook
from .test_accessibility import search_for
from .test_worksheets import pdf_text

# What a payload would leave in the page: handlers, its scripts, frames, links and images with
# script or data addresses. The site itself has none of these.
PAYLOAD_TRACES = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const value = attribute.value.replace(/[\\s\\x00-\\x1f]/g, "").toLowerCase();
      if (attribute.name.startsWith("on")) found.push(`<${element.localName} ${attribute.name}>`);
      if (["href", "src", "action", "formaction"].includes(attribute.name) && /^(javascript|vbscript|data):/.test(value))
        found.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
    }
  }
  for (const script of document.scripts)
    if (["", "text/javascript", "module"].includes(script.type) && script.text.includes("__pwned")) found.push("<script> " + script.text);
  for (const element of document.querySelectorAll("iframe, object, embed, svg[onload], img[src='x']"))
    found.push(`<${element.localName}>`);
  if (window.__pwned) found.push("uitgevoerd: " + window.__pwned);
  return found;
}"""


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("payloads") / "project")
    write_payload_handbook(project)
    result = build(project)
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="module")
def payload_url(payload_site: Path) -> Iterator[str]:
    with serve(payload_site) as url:
        yield url


def test_no_payload_runs_or_leaves_an_element_on_any_page(browser: Browser, payload_site: Path, payload_url: str) -> None:
    context = browser.new_context(locale="nl-NL")
    elsewhere: list[str] = []
    context.on("request", lambda request: elsewhere.append(request.url) if urlsplit(request.url).netloc != urlsplit(payload_url).netloc else None)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    traces: list[str] = []
    addresses = [page_address(payload_site, path) for path in site_pages(payload_site)]
    for address in addresses:
        page.goto(payload_url + address)
        page.wait_for_load_state("load")
        traces += [f"/{address}: {trace}" for trace in page.evaluate(PAYLOAD_TRACES)]
    search_for(page, "Kletspot")
    traces += [f"zoeken: {trace}" for trace in page.evaluate(PAYLOAD_TRACES)]
    context.close()
    assert len(addresses) > 20
    assert not dialogs, "\n".join(dialogs)
    assert not traces, "\n".join(traces)
    assert not elsewhere, "verzoeken aan een andere host:\n" + "\n".join(elsewhere)


def test_a_glossary_tooltip_shows_its_definition_as_text(page: Page, payload_url: str) -> None:
    """A term's tooltip (glossary.js) shows its definition when the reader points at it: as text, and nothing runs."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(payload_url + item_address("werkwijzen", "methods"))
    terms = page.locator("article abbr[data-hb-term]")
    expect(terms.first).to_be_visible()
    for term in terms.all():
        if term.is_visible():
            term.hover()
            expect(page.locator(".hb-tip:visible")).to_have_count(1)
    page.wait_for_timeout(200)
    assert not dialogs
    assert page.evaluate(PAYLOAD_TRACES) == []


def item_address(kind_folder: str, kind: str) -> str:
    return f"{kind_folder}/{ITEM_IDS[kind]}/"


def test_a_title_with_markup_shows_as_text_in_nav_heading_tab_tags_and_search(page: Page, payload_url: str) -> None:
    page.goto(payload_url + item_address("werkwijzen", "methods"))
    title = f"{SHOWN} {ITEM_IDS['methods']}.title"
    expect(page.locator("h1")).to_contain_text(title)
    assert page.title().startswith(title) and f"{SHOWN} title" in page.title()
    expect(page.locator(".md-nav__link--active").first).to_contain_text(title)
    # The title ends in "<!--": the rest of the page is still there.
    expect(page.locator(".md-footer, .md-copyright").first).to_contain_text(f"{SHOWN} footer")
    expect(page.locator(".md-tag", has_text=f"{SHOWN} {ITEM_IDS['disciplines']}.name").first).to_be_visible()
    search_for(page, "Kletspot")
    result = page.locator(".md-search-result__item", has_text=title).first
    expect(result).to_be_visible()
    expect(page.locator(".md-search-result .md-tag", has_text=f"{SHOWN} {ITEM_IDS['disciplines']}.name").first).to_be_attached()


def test_the_tag_index_lists_a_tag_with_markup_as_text(page: Page, payload_url: str) -> None:
    page.goto(payload_url + "trefwoorden/")
    expect(page.locator("article")).to_contain_text(f"{SHOWN} {ITEM_IDS['disciplines']}.name")
    expect(page.locator("article a", has_text=f"{SHOWN} {ITEM_IDS['methods']}.title").first).to_be_visible()


def test_saved_items_and_a_plan_in_the_planner_show_titles_as_text(page: Page, payload_url: str) -> None:
    """Titles that travel through the page's data into favourites and the planner stay text there too."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(payload_url + item_address("werkwijzen", "methods"))
    page.locator("[data-hb-save]").first.click()
    page.goto(payload_url + "bewaard/")
    expect(page.locator("[data-hb-saved-list]")).to_contain_text(f"{SHOWN} {ITEM_IDS['methods']}.title")
    traces = page.evaluate(PAYLOAD_TRACES)
    page.goto(payload_url + f"sessie-plannen/?plan={ITEM_IDS['plans']}")
    expect(page.locator("article")).to_contain_text(f"{SHOWN} {ITEM_IDS['plans']}.items[1].title")
    traces += page.evaluate(PAYLOAD_TRACES)
    assert not dialogs and not traces, dialogs + traces


def test_a_printed_worksheet_shows_titles_and_its_footer_as_text(payload_site: Path) -> None:
    project = payload_site.parent
    result = render_pdfs(project, payload_site)
    assert result.returncode == 0, result.stdout + result.stderr
    text = " ".join(pdf_text(payload_site / "werkbladen" / f"{ITEM_IDS['worksheets']}.pdf").split())
    assert f"{SHOWN} {ITEM_IDS['worksheets']}.title <img src=x" in text
    assert f"{SHOWN} organisation.name" in text
    # The one-line footer begins with the handbook's title, as text (a title this long is cut off at the line's end).
    assert f"{SHOWN} title <img src=x" in text
