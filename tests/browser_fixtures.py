"""Chromium (Debian's package) driven by Playwright, against the built site served on localhost.

Fixtures for tests/browser/ and tests/reference/browser/; tests/conftest.py makes them known, once,
so that both folders share one browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from macros.pdf import CHROMIUM, CHROMIUM_ARGS, serve


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def every_kind_url(every_kind_site: Path) -> Iterator[str]:
    """The every-kind fixture handbook (tests/fixtures/handbooks/every-kind), served on localhost."""
    with serve(every_kind_site) as url:
        yield url


@pytest.fixture(scope="session")
def two_handbooks(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The built site twice under one origin, at /a/ and /b/, as GitHub Pages serves project sites."""
    origin = tmp_path_factory.mktemp("origin")
    for name in ("a", "b"):
        (origin / name).symlink_to(built_site, target_is_directory=True)
    with serve(origin) as url:
        yield url + "a/", url + "b/"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def errors(page: Page) -> Iterator[list[str]]:
    """Console errors and uncaught exceptions; each test ends by asserting there were none."""
    collected: list[str] = []
    page.on("console", lambda message: collected.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: collected.append(str(error)))
    yield collected
