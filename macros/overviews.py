"""The overview of each kind of items: what its section page shows below the intro. Used for the pages
the engine writes (one per section) and by the page macros that a hand-written page may call."""

from __future__ import annotations

from collections.abc import Callable

from . import finder
from .render import Renderer

Overview = Callable[[Renderer, str], str]


def method_finder(renderer: Renderer, page: str) -> str:
    """Every method as a card, with filters on phase, duration, group size, setting, role, discipline,
    competence and source (docs/assets/js/finder.js)."""
    cards = finder.cards(renderer.handbook)
    return renderer.render(
        "overview/method_finder.md.j2", page, cards=cards,
        facets=finder.facets(renderer.handbook, cards), card_attributes=finder.card_attributes,
    )


def item_list(kind: str) -> Overview:
    """A plain list of one kind's items with their summaries."""
    return lambda renderer, page: renderer.render("overview/item_list.md.j2", page, kind=kind)


def template(name: str) -> Overview:
    return lambda renderer, page: renderer.render(f"overview/{name}.md.j2", page)


# Per kind, the overview on its section page. Plans have none: their section is the planner page.
OVERVIEWS: dict[str, Overview] = {
    "methods": method_finder,
    "worksheets": template("worksheet_index"),
    "cases": template("case_list"),
    "profiles": template("competence_profiles"),
    "competences": template("competence_profiles"),
    "disciplines": template("discipline_overview"),
    "roles": item_list("roles"),
    "terms": item_list("terms"),
    "sources": template("source_list"),
}
# Overviews that need the page's full width (the finder's cards and filters): no table of contents.
WIDE_OVERVIEWS = frozenset({"methods"})
