"""The offline build (OFFLINE=true) of the every-kind fixture opened from a folder: search, links, worksheets and printing work, all from file://."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from ..conftest import build, fixture_files, project_with_data
from ..site_html import is_external, parse, resolve
from ..test_site import HANDBOOK
from .test_accessibility import search_for

LOCAL_SCHEMES = ("file", "data", "blob", "about")


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OFFLINE", "true")
        project = project_with_data(tmp_path_factory.mktemp("offline") / "project", fixture_files("every-kind"))
        result = build(project)
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(locale="nl-NL")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield context.new_page(), requests
    context.close()


def test_offline_build_has_a_file_per_page_and_no_link_that_needs_a_server(offline_site: Path) -> None:
    assert (offline_site / "werkwijzen" / "oefenronde.html").is_file()
    assert not (offline_site / "werkwijzen" / "oefenronde" / "index.html").exists()
    broken = []
    for path in offline_site.rglob("*.html"):
        for href in parse(path).links + parse(path).resources:
            if is_external(href) or href.startswith(("#", "mailto:", "data:")):
                continue
            target, _ = resolve(offline_site, path, href)
            # PDFs come from the PDF command, run after the build (README).
            if not target.is_file() and target.suffix != ".pdf":
                broken.append(f"{path.relative_to(offline_site)}: {href}")
    assert not broken, "\n".join(broken)


def test_search_worksheet_and_print_work_from_the_folder(offline_site: Path, offline_page: tuple[Page, list[str]]) -> None:
    page, requests = offline_page
    page.goto((offline_site / "index.html").as_uri())

    search_for(page, "gespreksleider")
    assert any("rollen/gespreksleider.html" in href for href in page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)"))
    page.keyboard.press("Escape")

    sheet = HANDBOOK.entries("worksheets")[0]
    page.locator("a[href$='werkbladen/index.html']:visible").first.click()
    expect(page).to_have_url((offline_site / "werkbladen" / "index.html").as_uri())
    page.locator(f"article a[href$='{sheet.id}.html']").first.click()
    expect(page).to_have_url((offline_site / "werkbladen" / f"{sheet.id}.html").as_uri())
    expect(page.locator("h1").first).to_contain_text(sheet.title)
    pdf_link = page.locator("a", has_text="PDF downloaden").first.get_attribute("href") or ""
    assert resolve(offline_site, offline_site / "werkbladen" / f"{sheet.id}.html", pdf_link)[0] == offline_site / "werkbladen" / f"{sheet.id}.pdf"

    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1
    assert " ".join(sheet.title.split()) in " ".join(text.split())

    elsewhere = [url for url in requests if urlsplit(url).scheme not in LOCAL_SCHEMES]
    assert not elsewhere, elsewhere


@pytest.mark.parametrize(("query", "expected"), [
    ("voorzitter", "rollen/gespreksleider.html"),  # data/zoekwoorden.yaml
    ("reunie", "begrippen/reunie.html"),           # without its accent
    ("terugblikken", "begrippen/terugblik.html"),  # plural of the title
])
def test_search_from_the_folder_finds_the_readers_own_words(offline_site: Path, offline_page: tuple[Page, list[str]], query: str, expected: str) -> None:
    page, _ = offline_page
    page.goto((offline_site / "index.html").as_uri())
    search_for(page, query)
    found = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    assert any(expected in href for href in found[:5]), found[:5]
