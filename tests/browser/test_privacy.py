"""No third party learns who reads the handbook: every request stays on the site's own server, no cookies."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Request

from ..page_sample import template_sample
from ..site_html import is_external, parse
from .test_accessibility import search_for

CSS_REFERENCE = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)|url\(\s*['"]?([^'")\s]+)""")


def searched_word(site: Path) -> str:
    """A word any handbook's search finds: the first word of the first item title in its index."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"] if doc["location"].count("/") == 2 and "#" not in doc["location"]]
    return next(word for title in titles for word in re.findall(r"\w{4,}", title))


def test_no_page_template_asks_another_host_or_logs_an_error(browser: Browser, built_site: Path, site_url: str) -> None:
    """The pass over one page of each template plus a sample that checks no page logs a console error
    or throws; that no page *points* at another host is checked on every page below."""
    own_host = urlsplit(site_url).netloc
    context = browser.new_context(locale="nl-NL")
    requests: list[tuple[str, str]] = []
    errors: list[str] = []
    reading = "/"

    def record(request: Request) -> None:
        requests.append((reading, request.url))

    context.on("request", record)
    page = context.new_page()
    page.on("console", lambda message: errors.append(f"{reading}: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"{reading}: {error}"))
    addresses = template_sample(built_site)
    for address in addresses:
        reading = address or "/"
        page.goto(site_url + address)
    reading = "zoeken"
    search_for(page, searched_word(built_site))
    cookies = context.cookies()
    context.close()
    elsewhere = [f"{where} → {url}" for where, url in requests if urlsplit(url).netloc not in ("", own_host)]
    assert any("search_index" in url for _, url in requests)
    assert not elsewhere, "verzoeken aan een andere host:\n" + "\n".join(elsewhere)
    assert not cookies, f"cookies gezet: {[cookie['name'] for cookie in cookies]}"
    assert not errors, "fouten in de console:\n" + "\n".join(errors)


def test_no_html_or_css_points_at_another_host(built_site: Path) -> None:
    off_site: list[str] = []
    for path in built_site.rglob("*.html"):
        off_site += [f"{path.relative_to(built_site)}: {url}" for url in parse(path).resources if is_external(url)]
    stylesheets = list(built_site.rglob("*.css"))
    for path in stylesheets:
        for match in CSS_REFERENCE.finditer(path.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if is_external(url):
                off_site.append(f"{path.relative_to(built_site)}: {url}")
    assert stylesheets, "geen CSS gevonden"
    assert not off_site, "\n".join(off_site)
