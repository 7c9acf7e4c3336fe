"""Search in Chromium on the reference handbook: its items' own pages come first, and the search
benchmark's fixed subset of readers' queries (scripts/search_benchmark.py) stays in the top five."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from scripts.search_benchmark import load_queries, rank, run_queries

from ...browser.test_search import search


@pytest.mark.parametrize(("query", "expected"), [
    ("stuurgroep", "rollen/stuurgroep/"),
    ("toekomstdialoog", "werkwijzen/toekomstdialoog/"),
    ("batenlogica", "begrippen/batenlogica/"),
    ("kletspot", "werkwijzen/kletspot/"),
    ("vernieuwingsgericht", "competenties/vernieuwingsgericht-handelen/"),
    ("Pudasjärvi", "casussen/pudasjarvi/"),
])
def test_search_finds_the_items_own_page_among_the_first_results(page: Page, site_url: str, query: str, expected: str) -> None:
    assert expected in search(page, site_url, query)[:5]


def test_the_benchmarks_fixed_subset_stays_in_the_top_five(page: Page, site_url: str) -> None:
    queries = [query for query in load_queries() if query.test]
    assert len(queries) >= 10
    results = run_queries(page, site_url, [query.text for query in queries] + [query.same_as for query in queries if query.same_as])
    missed = {query.text: results[query.text][:5] for query in queries if (rank(query, results) or 99) > 5}
    assert not missed, missed
