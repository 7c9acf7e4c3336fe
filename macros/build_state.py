"""The renderer and settings of the build in progress, shared by the MkDocs hooks and the page macros."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .glossary import GlossaryIndex
from .render import Renderer
from .search import SearchWords
from .sections import MenuEntry
from .settings import Settings

renderer: Renderer | None = None
settings: Settings | None = None
glossary: GlossaryIndex = {}
glossary_key = ""  # changes with any word or explanation of the glossary
item_page_key = ""  # changes with anything an item page shows besides the items (hooks.item_page_key)
item_paths: set[str] = set()
stylesheets: list[str] = []
site: dict[str, Any] = {}
settings_dir = Path()
content_pages: dict[str, Path] = {}  # the content's own pages by their path on the site
menu: list[MenuEntry] = []
existing_pages: set[str] = set()  # every page of the site being built, by its path under docs/
search_words = SearchWords()


def current() -> Renderer:
    if renderer is None:
        raise RuntimeError("de hooks in mkdocs.yml ontbreken: macros/hooks.py laadt de gegevens")
    return renderer
