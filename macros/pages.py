"""Pure page generation: from a handbook to Markdown pages and navigation entries."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from . import printing
from .handbook import KIND_INFO, Entry, Handbook
from .model import MOMENT_LABELS
from .home import Route
from .links import is_removed
from .overviews import OVERVIEWS, WIDE_OVERVIEWS
from .present import html_text
from .render import Renderer, yaml_text
from .sections import HOME_PAGE, MenuEntry
from .settings import Settings
from .sheets import css_string
from .words import capitalised, word

GENERATED_PAGE_META = {"render_macros": False}
Keep = Callable[[Entry, Callable[[], str]], str]  # (the item, write its page) → its page


def made_now(_entry: Entry, write: Callable[[], str]) -> str:
    return write()

# Search ranks an item's own page, and each overview page, above pages that mention it. A worksheet
# or session plan carries the name of the method it belongs to, a case that of the theme it shows,
# and a source only names its title: these come after the item itself.
SEARCH_BOOST = 2
SEARCH_BOOST_PER_KIND = {"cases": 1.5, "worksheets": 1, "plans": 1, "sources": 0.5}


def overview_search_meta(src_uri: str) -> dict[str, Any] | None:
    """The search boost of an overview page (werkwijzen/index.md, ...), or None for any other page."""
    overviews = {info.section for info in KIND_INFO.values()}
    return {"boost": SEARCH_BOOST} if src_uri in overviews else None


def print_footer(entry: Entry, handbook: Handbook, site: dict[str, Any]) -> str:
    """The line at the foot of every printed page of a worksheet (the sources are in the sheet itself)."""
    return printing.footer(site, entry.title, entry.path)


def item_tags(entry: Entry, handbook: Handbook) -> list[str]:
    """Tags that cut across kinds: the kind, phase, setting, moment and Senge's disciplines."""
    item = entry.item
    tags = [KIND_INFO[entry.kind].singular]
    tags += [handbook.lists.label("phases", phase) for phase in getattr(item, "phases", ())]
    tags += [handbook.lists.label("settings", setting) for setting in getattr(item, "settings", ())]
    if moment := getattr(item, "moment", None):
        tags.append(MOMENT_LABELS[moment])
    if getattr(item, "type", None) == "praktijkvoorbeeld":
        tags.append(capitalised(word("practice_example")))
    if entry.kind != "disciplines":
        tags += [discipline.title for discipline in handbook.linked(entry.kind, entry.id, "disciplines")]
    # Material prints tags unescaped: on the page, in the tag index and in search results.
    return [html_text(tag) for tag in dict.fromkeys(tags)]


def page_meta(entry: Entry, handbook: Handbook, site: dict[str, Any]) -> dict[str, Any]:
    boost = SEARCH_BOOST_PER_KIND.get(entry.kind, SEARCH_BOOST)
    meta = {**GENERATED_PAGE_META, "search": {"boost": boost}, "tags": item_tags(entry, handbook)}
    if entry.kind != "worksheets":
        return meta
    footer = css_string(print_footer(entry, handbook, site))
    return {**meta, "template": "worksheet.html", "print_footer": footer}


def item_pages(handbook: Handbook, renderer: Renderer, site: dict[str, Any], keep: Keep = made_now) -> dict[str, str]:
    """Every item's page, keyed by its path under docs/, as Markdown with front matter. `keep(entry, write)`
    gives each page: by default written now; a preview may give the page it wrote last time."""
    return {
        entry.path: keep(entry, functools.partial(item_page_text, entry, handbook, renderer, site))
        for kind in KIND_INFO
        for entry in handbook.entries(kind)
    }


def item_page_text(entry: Entry, handbook: Handbook, renderer: Renderer, site: dict[str, Any]) -> str:
    return f"---\n{yaml_text(page_meta(entry, handbook, site))}---\n\n" + renderer.item_page(entry)


# A longer list makes the sidebar unusable and every page heavier (each page carries its
# section's list); the overview page lists every item anyway.
NAV_ITEM_LIMIT = 50


def section_entries(handbook: Handbook) -> dict[str, list[dict[str, str]]]:
    """Per overview page, the navigation entries of the items listed under it, for sections of at most NAV_ITEM_LIMIT.
    A title is HTML to MkDocs and Material (nav, page title, search index), so it is escaped here."""
    sections: dict[str, list[dict[str, str]]] = {}
    for kind, info in KIND_INFO.items():
        sections.setdefault(info.section, []).extend({html_text(entry.title): entry.path} for entry in handbook.entries(kind))
    return {section: entries for section, entries in sections.items() if len(entries) <= NAV_ITEM_LIMIT}


def listed_paths(sections: dict[str, list[dict[str, str]]]) -> set[str]:
    """The item pages that section_entries puts in the navigation."""
    return {path for entries in sections.values() for entry in entries for path in entry.values()}


def expand_nav(nav: list[Any], sections: dict[str, list[dict[str, str]]]) -> list[Any]:
    """Turn each nav entry that points at an overview page into a section holding its items."""
    expanded: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict):
            (title, target), = entry.items()
            if isinstance(target, list):
                entry = {title: expand_nav(target, sections)}
            elif target in sections:
                entry = {title: [target, *sections[target]]}
        expanded.append(entry)
    return expanded


def front_matter(meta: dict[str, Any]) -> str:
    return yaml_text(meta).strip()


def overview_page(renderer: Renderer, entry: MenuEntry) -> str:
    """A section's page: its title, its intro from handboek.yml and the overview of its items."""
    assert entry.page is not None
    meta: dict[str, Any] = {**GENERATED_PAGE_META, "search": {"boost": SEARCH_BOOST}}
    if WIDE_OVERVIEWS & set(entry.kinds):
        meta["hide"] = ["toc"]
    overview = OVERVIEWS[entry.kinds[0]](renderer, entry.page)
    return renderer.render("pages/overview.md.j2", entry.page, front_matter=Markup(front_matter(meta)), entry=entry, overview=Markup(overview))


def home_page(renderer: Renderer, settings: Settings, routes: list[Route], existing: set[str]) -> str:
    """The home page: the handbook's title as its heading, the intro and routes of handboek.yml (without
    links to sections and items this handbook does not have), every section."""
    meta = {**GENERATED_PAGE_META, "hide": ["navigation", "toc"]}
    home = settings.home and dataclasses.replace(settings.home, routes=tuple(
        dataclasses.replace(route, links=tuple(link for link in route.links if not is_removed(page_of(link.to), existing)))
        for route in settings.home.routes
    ))
    return renderer.render(
        "pages/home.md.j2", HOME_PAGE, front_matter=Markup(front_matter(meta)), title=settings.title, home=home,
        routes=routes, sections_heading=word("home_sections"),
    )


def page_of(target: str) -> str:
    """The page a link target from the site's root leads to, without its query or anchor."""
    return re.split(r"[?#]", target, maxsplit=1)[0]


def section_page_texts(
    renderer: Renderer, menu: list[MenuEntry], routes: list[Route], settings: Settings, existing: set[str],
) -> dict[str, str]:
    """The pages the engine writes for the menu: the home page and one per overview, keyed by path."""
    pages = {entry.page: overview_page(renderer, entry) for entry in menu if entry.generated and entry.page}
    return {HOME_PAGE: home_page(renderer, settings, routes, existing), **pages}
