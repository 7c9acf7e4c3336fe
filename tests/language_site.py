"""Handbooks of their own for tests of the engine's words (macros/words.py): a small handbook in English
(`language: en`), and one in Dutch that calls its methods "werkvormen" (`words:`). Each has items of
several kinds and no content pages, so that every text on a page comes from the fixture's data and
settings or from the engine."""

from __future__ import annotations

from pathlib import Path

from .conftest import build, project_with_data

def english_data() -> dict[str, str]:
    source = "sources: [guide]\n"
    return {
        "sources/guide.yaml": "title: Facilitation guide\ntype: boek\nauthors: [Ann Author]\nyear: 2021\nsummary: A guide.\n",
        "roles/host.yaml": f"name: Host\nsummary: Welcomes people and keeps time.\ntasks: [Open the meeting]\n{source}",
        "terms/check-in.yaml": f"term: Check-in\ndefinition: A short round at the start.\n{source}",
        "cases/town-hall.yaml": (
            "title: Town hall meeting\ntype: casus\nsummary: A town met its residents.\norganisation: Example Town\n"
            f"question: How to listen better?\nresults: [More trust]\n{source}"
        ),
        "methods/round.yaml": (
            "title: Opening round\nsummary: Everyone speaks once.\npurpose: To hear every voice.\n"
            "phases: [verkennen]\nsettings: [team]\nconfigurations: [hele-groep]\nroles: [host]\nterms: [check-in]\n"
            "duration: {minutes_min: 20, minutes_max: 30}\ngroup_size: {min: 4, max: 12}\n"
            "materials: [A talking piece]\ntips: [Keep it short]\n"
            "steps:\n  - title: Ask the question\n    who: Host\n    duration: {minutes_min: 5}\n"
            "  - title: Go round\n    duration: {minutes_min: 20}\n"
            + source
        ),
        "methods/walk.yaml": (
            "title: Walk and talk\nsummary: Two people talk while walking.\npurpose: To think aloud together.\n"
            "phases: [ontwerpen]\nsettings: [organisatie]\nconfigurations: [tweetallen]\n"
            "duration: {half_days: 1}\n" + source
        ),
        "methods/mention.yaml": (
            "title: Quiet minute\nsummary: A minute of silence.\npurpose: To pause.\nbrief: true\n" + source
        ),
        "worksheets/round-notes.yaml": (
            "title: Round notes\npurpose: Write down what you heard.\nmoment: na-afloop\nmethod: round\n"
            "step: Go round\ninstructions: [Write one line per speaker]\n"
            "blocks:\n  - type: vraag\n    prompt: What struck you?\n    lines: 3\n"
            "  - type: checklist\n    title: Before you start\n    items: [Chairs in a circle]\n"
            + source
        ),
        "plans/short-meeting.yaml": (
            "title: Short meeting\nsummary: An hour with a round.\nmethod: round\n"
            "items:\n  - method: round\n    step: Ask the question\n    minutes: 10\n"
            "  - title: Coffee\n    minutes: 15\n  - method: walk\n    minutes: 35\n    worksheets: [round-notes]\n"
            + source
        ),
    }


def werkvorm_data() -> dict[str, str]:
    """The same kinds in Dutch, in words that never say "werkwijze"."""
    source = "sources: [gids]\n"
    return {
        "sources/gids.yaml": "title: Gids voor begeleiders\ntype: boek\nauthors: [Anna Auteur]\nyear: 2021\nsummary: Een gids.\n",
        "methods/rondje.yaml": (
            "title: Openingsrondje\nsummary: Iedereen spreekt één keer.\npurpose: Elke stem horen.\n"
            "phases: [verkennen]\nsettings: [team]\nduration: {minutes_min: 20}\n"
            "steps:\n  - title: De vraag stellen\n    duration: {minutes_min: 5}\n" + source
        ),
        "methods/wandelen.yaml": (
            "title: Wandelgesprek\nsummary: Twee mensen praten al lopend.\npurpose: Samen hardop denken.\n"
            "phases: [ontwerpen]\nsettings: [organisatie]\nduration: {half_days: 1}\n" + source
        ),
        "worksheets/aantekeningen.yaml": (
            "title: Aantekeningen bij het rondje\npurpose: Schrijf op wat je hoorde.\nmoment: na-afloop\nmethod: rondje\n"
            "blocks:\n  - type: vraag\n    prompt: Wat viel je op?\n    lines: 3\n" + source
        ),
        "plans/kort.yaml": (
            "title: Korte bijeenkomst\nsummary: Een uur met een rondje.\nmethod: rondje\n"
            "items:\n  - method: rondje\n    minutes: 20\n  - title: Koffie\n    minutes: 15\n" + source
        ),
    }


ENGLISH_SETTINGS = """\
title: Facilitation handbook
description: Methods for meetings that listen.
organisation:
  name: Example Town
  logo: docs/assets/images/logo.svg
colours:
  primary: "#3f51b5"
  accent: "#303f9f"
footer: An open handbook for people who host meetings.
licence:
  name: CC BY 4.0
  url: https://creativecommons.org/licenses/by/4.0/
  code: MIT
language: en
"""

WERKVORM_SETTINGS = """\
title: Handboek werkvormen
description: Werkvormen voor bijeenkomsten.
organisation:
  name: Voorbeeldstad
  logo: docs/assets/images/logo.svg
colours:
  primary: "#3f51b5"
  accent: "#303f9f"
licence:
  name: CC BY 4.0
words:
  method: werkvorm
  methods: werkvormen
"""


def language_project(folder: Path, settings: str, data: dict[str, str]) -> Path:
    """A copy of the project with only `data` and these settings: the engine writes its home page, menu
    and section pages from them."""
    project = project_with_data(folder / "project", data)
    (project / "handboek.yml").write_text(settings, encoding="utf-8")
    return project


def build_language_site(folder: Path, settings: str, data: dict[str, str]) -> Path:
    project = language_project(folder, settings, data)
    result = build(project)
    assert result.returncode == 0, result.output
    return result.site
