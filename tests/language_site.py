"""Handbooks of their own for tests of the engine's words (macros/words.py): a small handbook in English
(`language: en`), and one in Dutch that calls its methods "werkvormen" (`words:`). Each has items of
several kinds; its content pages (home, section overviews) are its own, the reference's are removed,
so that every text left on a page comes from the fixture's data or from the engine."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .conftest import build, copy_project

# Section overview pages of the fixtures: folder → (kind in the language file, macro call).
SECTIONS = {
    "werkwijzen": ("methods", "{{ method_finder() }}"),
    "werkbladen": ("worksheets", "{{ worksheet_index() }}"),
    "casussen": ("cases", "{{ case_list() }}"),
    "rollen": ("roles", '{{ item_list("roles") }}'),
    "begrippen": ("terms", '{{ item_list("terms") }}'),
    "bronnen": ("sources", "{{ source_list() }}"),
    "competenties": ("competences", "{{ competence_profiles() }}"),
    "disciplines": ("disciplines", "{{ discipline_overview() }}"),
}
# Engine pages in the fixture's navigation, besides the section overviews.
ENGINE_PAGES = ("sessie-plannen.md", "bewaard.md", "trefwoorden.md", "open-data.md")


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


def language_project(folder: Path, settings: str, data: dict[str, str], home: str) -> Path:
    """A copy of the project with only `data`, these settings and content pages of its own."""
    project = copy_project(folder / "project")
    shutil.rmtree(project / "data")
    for name, text in data.items():
        path = project / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (project / "handboek.yml").write_text(settings, encoding="utf-8")
    shutil.rmtree(project / "docs" / "themas")
    (project / "docs" / "eigen-handboek.md").unlink()
    (project / "docs" / "index.md").write_text(f"# {home}\n", encoding="utf-8")
    for folder_name, (kind, macro) in SECTIONS.items():
        page = f"# {{{{ words.{kind} | capitalize }}}}\n\n{macro}\n"
        (project / "docs" / folder_name / "index.md").write_text(page, encoding="utf-8")
    # Entries without a title: MkDocs names each after its page's heading, which the engine words. Such an
    # entry lists no items under it (macros/pages.py expand_nav), so item pages may stay out of the nav.
    entries = ["index.md", *(f"{name}/index.md" for name in SECTIONS), *ENGINE_PAGES]
    nav = "nav:\n" + "".join(f"  - {entry}\n" for entry in entries)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^nav:\n.*?(?=^# ──)", nav + "\n", text).replace("omitted_files: warn", "omitted_files: info")
    config.write_text(text, encoding="utf-8")
    return project


def build_language_site(folder: Path, settings: str, data: dict[str, str], home: str) -> Path:
    project = language_project(folder, settings, data, home)
    result = build(project)
    assert result.returncode == 0, result.output
    return result.site
