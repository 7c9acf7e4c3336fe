"""Script in every text setting of handboek.yml reaches the pages as text (security review, problem 9):
no page of the built site holds an element or handler the payloads make, and in Chromium none runs."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from macros.pdf import serve

from ..conftest import build, fixture_files, page_address, project_with_data, site_pages

GOOD_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'
# Each payload marks what it would create (class hb-injected) and what it would run (window.hbRan).
RUNS = "window.hbRan=1"
DESCRIPTION = f'Zeg "> <svg class=hb-injected onload={RUNS}> niet'
TITLE = f"Team <b class=hb-injected>Proef</b> <img class=hb-injected src=x onerror={RUNS}>"
SETTINGS = f"""\
title: '{TITLE}'
description: '{DESCRIPTION}'
organisation:
  name: '</span><img class=hb-injected src=x onerror={RUNS}>'
  url: 'https://proef.example/?a="><img/src/onerror={RUNS}>'
  logo: logo.svg
colours:
  primary: "#1a237e"
  accent: "#0d47a1"
footer: '<script class=hb-injected>{RUNS}</script> onder'
contact:
  text: '<u class=hb-injected>Vragen</u> <!--'
  email: vragen@proef.example
  url: '/contact/?"><svg/onload={RUNS}>'
licence:
  name: '<a class=hb-injected href=javascript:{RUNS}>CC</a>'
  url: 'https://creativecommons.org/licenses/by/4.0/'
  code: '<i class=hb-injected>MIT</i>'
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = project_with_data(tmp_path_factory.mktemp("hostile") / "project", fixture_files("every-kind"))
    (project / "handboek.yml").write_text(SETTINGS, encoding="utf-8")
    (project / "logo.svg").write_text(GOOD_SVG, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url


class _PageFacts(HTMLParser):
    """What a browser would make of one page: its meta description and title, and what the payloads made."""

    def __init__(self) -> None:
        super().__init__()
        self.description: str | None = None
        self.title = ""
        self.made: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_title = tag == "title"
        for name, value in attrs:
            value = value or ""
            if (name.startswith("on") and RUNS in value) or (name in ("href", "src") and value.startswith("javascript:")):
                self.made.append(f"<{tag} {name}={value}>")
            if name == "class" and "hb-injected" in value:
                self.made.append(f"<{tag} class={value}>")
            if name == "title" and "<" in value and "hb-injected" in value:  # Material's tooltips read it as HTML
                self.made.append(f"<{tag} title={value}>")
        if tag == "meta" and ("name", "description") in attrs:
            self.description = dict(attrs)["content"]

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def test_every_page_shows_the_settings_as_text(hostile_site: Path) -> None:
    pages = site_pages(hostile_site) + [hostile_site / "404.html"]
    made: list[str] = []
    for path in pages:
        facts = _PageFacts()
        facts.feed(path.read_text(encoding="utf-8"))
        made += [f"{path.relative_to(hostile_site)}: {element}" for element in facts.made]
        if path.parent == hostile_site and path.name == "index.html":
            assert facts.description == DESCRIPTION
            assert facts.title.strip() == TITLE
    assert len(pages) > 20
    assert not made, "\n".join(made)
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script class=hb-injected&gt;window.hbRan=1&lt;/script&gt; onder" in home
    assert "&lt;u class=hb-injected&gt;Vragen&lt;/u&gt; &lt;!--" in home


def test_no_setting_runs_or_calls_another_host_in_chromium(browser: Browser, hostile_site: Path, hostile_url: str) -> None:
    """The home page, the 404 page and the first page of each section, as a reader opens them."""
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    found: list[str] = []
    own_host = urlsplit(hostile_url).netloc
    page.on("dialog", lambda dialog: (found.append(f"dialoog: {dialog.message}"), dialog.dismiss()))
    context.on("request", lambda request: found.append(f"verzoek: {request.url}") if urlsplit(request.url).netloc not in ("", own_host) else None)
    addresses = list(dict.fromkeys(_first_page_per_section(hostile_site))) + ["404.html"]
    for address in addresses:
        page.goto(hostile_url + address)
        if page.evaluate("window.hbRan === 1"):
            found.append(f"{address}: een handler uit handboek.yml is uitgevoerd")
        if count := page.locator(".hb-injected").count():
            found.append(f"{address}: {count} element(en) uit handboek.yml")
    context.close()
    assert len(addresses) > 5
    assert not found, "\n".join(found)


def _first_page_per_section(site: Path) -> Iterator[str]:
    seen: set[str] = set()
    for path in site_pages(site):
        address = page_address(site, path)
        section = address.split("/", 1)[0]
        if section not in seen:
            seen.add(section)
            yield address
