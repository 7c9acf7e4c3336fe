"""A handbook of its own for tests of engine behaviour: two methods with their worksheets and one term,
built from data written here instead of the reference content under data/."""

from __future__ import annotations

from pathlib import Path

from .conftest import build_with_data

TERM = "Kernzin"
# check refuses raw HTML in a Markdown field, but HTML in a code span is allowed and reaches the tooltip.
DEFINITION = "Een zin `<img src=x onerror=alert(1)>` die telt & blijft."
DEFINITION_SHOWN = DEFINITION.replace("`", "")  # the tooltip is plain text
METHODS = {"eerste-werkwijze": "De Kernzin oefenen", "tweede-werkwijze": "Tweede werkwijze"}
SHEETS = {
    "blad-een": ("Blad een", "eerste-werkwijze", "na-afloop"),
    "blad-twee": ("Blad twee", "eerste-werkwijze", "na-afloop"),
    "blad-drie": ("Blad drie", "tweede-werkwijze", "voorbereiding"),
}


def tiny_data() -> dict[str, str]:
    files = {
        "sources/bron-a.yaml": "title: Bron A\ntype: overig\nauthors: [Auteur]\nyear: 2020\nsummary: Een bron.\n",
        f"terms/{TERM.lower()}.yaml": f"term: {TERM}\ndefinition: '{DEFINITION}'\nsources: [bron-a]\n",
    }
    for method_id, title in METHODS.items():
        files[f"methods/{method_id}.yaml"] = (
            f"title: {title}\nsummary: Een proef met de {TERM}, en nog eens de {TERM}.\n"
            f"purpose: Om de {TERM} te testen; de {TERM} telt.\nsources: [bron-a]\n"
        )
    for sheet_id, (title, method_id, moment) in SHEETS.items():
        files[f"worksheets/{sheet_id}.yaml"] = (
            f"title: {title}\npurpose: Een proef.\nmoment: {moment}\nsources: [bron-a]\nmethod: {method_id}\n"
            "blocks:\n  - type: vraag\n    prompt: Wat viel je op?\n    lines: 3\n"
        )
    return files


def build_tiny_site(folder: Path) -> Path:
    """The project with only the tiny data, built strictly; the built site's folder."""
    return build_with_data(folder, tiny_data())
