"""Handbook generator: data model, loader and renderer, plus the mkdocs-macros entry point."""

from __future__ import annotations

from typing import Any

from . import build_state, planner
from .home import section_routes
from .overviews import OVERVIEWS
from .present import markdown_text
from .settings import settings_rows
from .words import PageWords


def define_env(env: Any) -> None:
    """mkdocs-macros entry point: the overview macros that hand-written pages call, and `words`."""
    env.variables["words"] = PageWords()
    env.filter(markdown_text)  # a setting's text shown literally on a hand-written page: `{{ x | markdown_text }}`

    def overview(template: str, **context: Any) -> str:
        return build_state.current().render(f"overview/{template}.md.j2", env.page.file.src_uri, **context)

    def kind_overview(kind: str) -> str:
        return OVERVIEWS[kind](build_state.current(), env.page.file.src_uri)

    @env.macro
    def method_finder() -> str:
        """Every method as a card, with filters (docs/assets/js/finder.js)."""
        return kind_overview("methods")

    @env.macro
    def case_list() -> str:
        """Cases, then practice examples, each with its one-line summary."""
        return kind_overview("cases")

    @env.macro
    def discipline_overview() -> str:
        """The disciplines in order with their summaries and examples."""
        return kind_overview("disciplines")

    @env.macro
    def competence_profiles() -> str:
        """Every competence profile with its competences and behaviour elements."""
        return kind_overview("profiles")

    @env.macro
    def item_list(kind: str) -> str:
        """A plain list of one kind's items with their summaries (roles, terms)."""
        return kind_overview(kind)

    @env.macro
    def worksheet_index() -> str:
        """Worksheets grouped by what they belong to, then by moment in a session."""
        return kind_overview("worksheets")

    @env.macro
    def planner_data() -> str:
        """Methods with their steps, worksheets and ready-made plans as JSON for the session planner."""
        renderer = build_state.current()
        payload = planner.planner_payload(renderer.handbook, env.page.file.src_uri, renderer.directory_urls)
        return overview("planner_data", data=planner.script_json(payload))

    @env.macro
    def settings_reference() -> str:
        """Every setting of handboek.yml with its meaning and the value this handbook uses."""
        return overview("settings_reference", rows=settings_rows(record=build_state.settings))

    @env.macro
    def plan_list() -> str:
        """Every ready-made session plan with its length and summary."""
        return overview("plan_list")

    @env.macro
    def handbook_sections() -> str:
        """A link to every part of the handbook, in the navigation's order (the home page)."""
        return overview("section_routes", routes=section_routes(env.conf["nav"] or [], env.page.file.src_uri))

    @env.macro
    def source_list() -> str:
        """Full references of all sources."""
        return kind_overview("sources")
