"""The home page's route to every part of the handbook, read from the navigation so that it never
drifts from it: a section added to mkdocs.yml's nav appears on the home page too."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any

from .render import relative_link


@dataclass(frozen=True)
class Route:
    """A part of the handbook: its own page, or (a section without one) the pages in it."""

    title: str
    href: str = ""
    pages: tuple[tuple[str, str], ...] = ()


def section_routes(nav: list[Any], from_page: str) -> list[Route]:
    """Every top-level entry of the nav (as in mkdocs.yml, after hooks.py added the items) but the page
    itself, with links relative to that page. A section whose first entry is a bare path is an overview
    page with its items under it (pages.expand_nav): that page is the section's route."""
    routes = []
    for entry in nav:
        title, target = titled(entry)
        if target == from_page:
            continue
        if isinstance(target, str):
            routes.append(Route(title, href=href(target, from_page)))
        elif target and isinstance(target[0], str):
            routes.append(Route(title, href=href(target[0], from_page)))
        else:
            pages = tuple((child_title, href(child, from_page)) for child_title, child in map(titled, target) if isinstance(child, str))
            routes.append(Route(title, pages=pages))
    return routes


def titled(entry: Any) -> tuple[str, Any]:
    """A nav entry as (title, target); an entry without a title is named after its file."""
    if isinstance(entry, dict):
        ((title, target),) = entry.items()
        return str(title), target
    name = posixpath.splitext(posixpath.basename(str(entry)))[0]
    return name.replace("-", " ").capitalize(), entry


def href(target: str, from_page: str) -> str:
    """A link to a page under docs/ (MkDocs checks it), or an address outside the site as it is."""
    return target if "://" in target else relative_link(from_page, target)
