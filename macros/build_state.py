"""The renderer and settings of the build in progress, shared by the MkDocs hooks and the page macros."""

from __future__ import annotations

from typing import Any

from .glossary import GlossaryIndex
from .render import Renderer
from .search import SearchWords
from .settings import Settings

renderer: Renderer | None = None
settings: Settings | None = None
glossary: GlossaryIndex = {}
item_paths: set[str] = set()
stylesheets: list[str] = []
site: dict[str, Any] = {}
search_words = SearchWords()


def current() -> Renderer:
    if renderer is None:
        raise RuntimeError("de hooks in mkdocs.yml ontbreken: macros/hooks.py laadt de gegevens")
    return renderer
