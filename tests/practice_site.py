"""A handbook of its own for the way from a competence to practice: one profile with two competences,
a method that trains each, a worksheet that trains the first, a self-assessment of the profile and one
of the first competence."""

from __future__ import annotations

from pathlib import Path

from .conftest import build_with_data

LISTENING, ASKING = "Aandachtig luisteren", "Open vragen stellen"
LISTENING_METHOD, ASKING_METHOD = "Luisteroefening in tweetallen", "Vragenronde"
LISTENING_SUMMARY = "Twee aan twee oefenen met laten uitpraten en samenvatten."
ASKING_SUMMARY = "Om de beurt doorvragen & <b>niet</b> invullen voor de ander."
LISTENING_SHEET, LISTENING_SHEET_PURPOSE = "Luisterverslag", "Noteer wat je hoorde en wat je samenvatte."
SELF_ASSESSMENT = "Zelfbeoordeling proefprofiel"
LISTENING_SELF_ASSESSMENT = "Zelfbeoordeling luisteren"
SELF_ASSESSMENT_PAGE = "werkbladen/zelfbeoordeling/"


def practice_data() -> dict[str, str]:
    source = "sources: [bron-a]\n"
    return {
        "sources/bron-a.yaml": "title: Bron A\ntype: overig\nauthors: [Auteur]\nyear: 2020\nsummary: Een bron.\n",
        "profiles/proefprofiel.yaml": f"title: Proefprofiel\nsummary: Voor wie het gesprek leidt.\n{source}",
        "competences/luisteren.yaml": (
            f"name: {LISTENING}\nprofile: proefprofiel\norder: 1\nstatement: Je luistert.\ncontext: Bij elk gesprek.\n"
            "elements:\n  - name: Aandacht\n    indicators: [Je laat de ander uitpraten., Je vat samen wat je hoorde.]\n"
            + source
        ),
        "competences/vragen.yaml": (
            f"name: {ASKING}\nprofile: proefprofiel\norder: 2\nstatement: Je vraagt door.\ncontext: Bij elk gesprek.\n"
            "elements:\n  - name: Doorvragen\n    indicators: [Je stelt open vragen.]\n" + source
        ),
        "methods/luisteroefening.yaml": (
            f"title: {LISTENING_METHOD}\nsummary: {LISTENING_SUMMARY}\npurpose: Luisteren oefenen.\n"
            f"competences: [luisteren]\n{source}"
        ),
        "methods/vragenronde.yaml": (
            f"title: {ASKING_METHOD}\nsummary: '{ASKING_SUMMARY}'\npurpose: Vragen oefenen.\n"
            f"competences: [vragen]\n{source}"
        ),
        "worksheets/luisterverslag.yaml": (
            f"title: {LISTENING_SHEET}\npurpose: {LISTENING_SHEET_PURPOSE}\nmoment: na-afloop\ncompetence: luisteren\n"
            "blocks:\n  - type: vraag\n    prompt: Wat hoorde je?\n    lines: 3\n" + source
        ),
        "worksheets/zelfbeoordeling-luisteren.yaml": (
            f"title: {LISTENING_SELF_ASSESSMENT}\npurpose: Kijk hoe je luistert.\nmoment: zelfreflectie\ncompetence: luisteren\n"
            "blocks:\n  - type: beoordeling\n    title: Hoe je luistert\n    competence: luisteren\n" + source
        ),
        "worksheets/zelfbeoordeling.yaml": (
            f"title: {SELF_ASSESSMENT}\npurpose: Kijk waar je staat.\nmoment: zelfreflectie\nprofile: proefprofiel\n"
            "blocks:\n  - type: beoordeling\n    title: De twee competenties\n    profile: proefprofiel\n"
            "    low_label: nog niet\n    high_label: steeds\n" + source
        ),
    }


def build_practice_site(folder: Path) -> Path:
    """The project with only the data above, built strictly; the built site's folder."""
    return build_with_data(folder, practice_data())
