"""Pure page generation: from a handbook to Markdown pages and navigation entries."""

from __future__ import annotations

from typing import Any

import yaml

from .handbook import KIND_INFO, Handbook
from .render import Renderer

GENERATED_PAGE_META = {"render_macros": False, "search": {"boost": 2}}


def item_pages(handbook: Handbook, renderer: Renderer) -> dict[str, str]:
    """Every item's page, keyed by its path under docs/, as Markdown with front matter."""
    front_matter = f"---\n{yaml.safe_dump(GENERATED_PAGE_META, sort_keys=False)}---\n\n"
    return {
        entry.path: front_matter + renderer.item_page(entry)
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
