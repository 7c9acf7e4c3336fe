"""Pure page generation: from a handbook to Markdown pages and navigation entries."""

from __future__ import annotations

from typing import Any

import yaml

from .handbook import KIND_INFO, Entry, Handbook
from .render import Renderer, page_url
from .sheets import css_string

GENERATED_PAGE_META = {"render_macros": False, "search": {"boost": 2}}


def print_footer(entry: Entry, handbook: Handbook, site: dict[str, Any]) -> str:
    """The line at the foot of every printed page of a worksheet: handbook, title, source, address."""
    sources = ", ".join(source.title for source in handbook.refs("sources", entry.item.sources))
    address = (site.get("site_url") or "").rstrip("/") + "/" + page_url(entry.path)
    return f"{site.get('handbook_name', '')} · {entry.title} · Bron: {sources} · {address}"


def page_meta(entry: Entry, handbook: Handbook, site: dict[str, Any]) -> dict[str, Any]:
    if entry.kind != "worksheets":
        return GENERATED_PAGE_META
    footer = css_string(print_footer(entry, handbook, site))
    return {**GENERATED_PAGE_META, "template": "worksheet.html", "print_footer": footer}


def item_pages(handbook: Handbook, renderer: Renderer, site: dict[str, Any]) -> dict[str, str]:
    """Every item's page, keyed by its path under docs/, as Markdown with front matter."""
    return {
        entry.path: f"---\n{yaml.safe_dump(page_meta(entry, handbook, site), sort_keys=False, allow_unicode=True)}---\n\n"
        + renderer.item_page(entry)
        for kind in KIND_INFO
        for entry in handbook.entries(kind)
    }


def section_entries(handbook: Handbook) -> dict[str, list[dict[str, str]]]:
    """Per overview page, the navigation entries of the items listed under it."""
    sections: dict[str, list[dict[str, str]]] = {}
    for kind, info in KIND_INFO.items():
        sections.setdefault(info.section, []).extend({entry.title: entry.path} for entry in handbook.entries(kind))
    return sections


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
