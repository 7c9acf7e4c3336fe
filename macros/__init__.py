"""Handbook generator: data model, loader and renderer, plus the mkdocs-macros entry point."""

from __future__ import annotations

from typing import Any

from . import build_state


def define_env(env: Any) -> None:
    """mkdocs-macros entry point: the overview macros that hand-written pages call."""

    def overview(template: str, **context: Any) -> str:
        return build_state.current().render(f"overview/{template}.md.j2", env.page.file.src_uri, **context)

    @env.macro
    def method_cards() -> str:
        """Every method as a card: title, purpose, duration, group size, phases."""
        return overview("method_cards")

    @env.macro
    def case_list() -> str:
        """Cases, then practice examples, each with its one-line summary."""
        return overview("case_list")

    @env.macro
    def discipline_overview() -> str:
        """Senge's disciplines in order with their summaries and examples."""
        return overview("discipline_overview")

    @env.macro
    def competence_profiles() -> str:
        """Every competence profile with its competences and behaviour elements."""
        return overview("competence_profiles")

    @env.macro
    def item_list(kind: str) -> str:
        """A plain list of one kind's items with their summaries (roles, terms)."""
        return overview("item_list", kind=kind)

    @env.macro
    def worksheet_index() -> str:
        """Worksheets grouped by what they belong to, then by moment in a session."""
        return overview("worksheet_index")

    @env.macro
    def source_list() -> str:
        """Full references of all sources."""
        return overview("source_list")
