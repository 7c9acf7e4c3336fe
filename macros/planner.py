"""The data the session planner needs in the browser: methods with their steps, worksheets and plans.

The planner page embeds it as JSON, so the planner works without fetching files (also from file://)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from .handbook import Entry, Handbook
from .model import Lists, Method, Plan
from .render import html_page_link


def default_minutes(method: Method) -> int | None:
    """Minutes to start a planner row with: the method's own time, none for a mere mention."""
    span = None if method.brief else method.planned_minutes
    return span[1] if span else None


def _configurations_text(method: Method, lists: Lists) -> str | None:
    """How participants work, as one phrase: 'Alleen, in kleine groepen, met de hele groep'."""
    labels = [lists.label("configurations", name) for name in method.configurations]
    if not labels:
        return None
    return ", ".join([labels[0], *(label[0].lower() + label[1:] for label in labels[1:])])


def _page_link(page: str, entry: Entry, directory_urls: bool) -> str:
    """A link from the planner to an item's page, as this build names pages (the offline build: `x.html`)."""
    return html_page_link(page, entry.path, directory_urls)


def _method(entry: Entry, handbook: Handbook, link: Callable[[Entry], str]) -> dict[str, Any]:
    method: Method = entry.item
    sheets = handbook.linked("methods", entry.id, "worksheets")
    return {
        "id": entry.id,
        "title": entry.title,
        "url": link(entry),
        "minutes": default_minutes(method),
        "brief": method.brief,
        "invitation": method.invitation,
        "configurations": _configurations_text(method, handbook.lists),
        "materials": list(method.materials),
        "preparation": list(method.preparation),
        "worksheets": [sheet.id for sheet in sheets],
        "steps": [
            {
                "title": step.title,
                "who": step.who,
                "minutes": None if method.brief else step.minutes,
                "worksheets": [sheet.id for sheet in sheets if sheet.item.step == step.title],
            }
            for step in method.steps
        ],
    }


def _worksheet(entry: Entry, handbook: Handbook, link: Callable[[Entry], str]) -> dict[str, Any]:
    method = handbook.refs("methods", entry.item.method)
    return {"title": entry.title, "url": link(entry), "method": method[0].title if method else None}


def _plan(entry: Entry, link: Callable[[Entry], str]) -> dict[str, Any]:
    plan: Plan = entry.item
    return {
        "id": entry.id,
        "title": entry.title,
        "summary": plan.summary,
        "url": link(entry),
        "items": [
            {
                "title": item.title,
                "method": item.method,
                "step": item.step,
                "minutes": item.minutes,
                "note": item.note,
                "worksheets": list(item.worksheets),
            }
            for item in plan.items
        ],
    }


def planner_payload(handbook: Handbook, page: str, directory_urls: bool = True) -> dict[str, Any]:
    """Everything the planner shows, with links relative to ``page`` (the planner's path under docs/)."""
    link = functools.partial(_page_link, page, directory_urls=directory_urls)
    return {
        "methods": [_method(entry, handbook, link) for entry in handbook.entries("methods")],
        "worksheets": {entry.id: _worksheet(entry, handbook, link) for entry in handbook.entries("worksheets")},
        "plans": [_plan(entry, link) for entry in handbook.entries("plans")],
    }


def script_json(value: Any) -> Markup:
    """JSON that is safe inside a <script> element: no `<`, `>` or `&` that HTML could read."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
