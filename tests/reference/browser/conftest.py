"""The browser fixtures of tests/browser/, for the reference content's own browser checks."""

from ...browser.conftest import browser, errors, page, site_url  # noqa: F401  (pytest finds fixtures by name)
