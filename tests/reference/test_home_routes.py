"""The reference home page's routes into the finder each show some of the methods, not none and not all."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from macros import finder
from macros.handbook import Handbook, load_handbook

from ..conftest import ROOT
from ..site_html import parse

HANDBOOK: Handbook = load_handbook(ROOT / "data")
METHODS = HANDBOOK.entries("methods")
FACETS = finder.facets(HANDBOOK, finder.cards(HANDBOOK))


def shown_methods(query: dict[str, list[str]]) -> list[str]:
    """The ids of the methods a reader sees for a finder address: OR within a filter, AND across."""
    values = {entry.id: finder.method_values(HANDBOOK, entry.id) for entry in METHODS}
    return [
        method_id for method_id, known in values.items()
        if all(set(chosen) & set(known.get(key, ())) for key, chosen in query.items() if chosen)
    ]


def test_home_page_routes_into_the_finder_show_some_methods(built_site: Path) -> None:
    routes = [href for href in parse(built_site / "index.html").links if href.startswith("werkwijzen/?")]
    assert routes, "de startpagina biedt geen gefilterde lijst van werkwijzen"
    for href in routes:
        query = parse_qs(urlsplit(href).query)
        assert set(query) <= {facet.key for facet in FACETS} | {"deelnemers"}, href
        assert 0 < len(shown_methods(query)) < len(METHODS), href
