"""A handboek.yml of a test's own, so that settings tests never depend on the reference handbook's values."""

from __future__ import annotations

from pathlib import Path

GOOD_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'

SETTINGS = """\
# Instellingen van een proefhandboek.
title: {title}
description: {description}
organisation:
  name: {organisation_name}
  url: {organisation_url}
  logo: {logo}
colours:
  primary: "{primary}"
  accent: "{accent}"
contact:
  text: {contact_text}
  email: {contact_email}
  url: {contact_url}
footer: {footer}
licence:
  name: CC BY 4.0
  url: {licence_url}
site_url: {site_url}
"""
GOOD = {
    "title": "Proefhandboek", "description": "Een handboek om mee te testen.",
    "organisation_name": "Proeforganisatie", "organisation_url": "https://proef.example/", "accent": "#0d47a1", "logo": "logo.svg", "primary": "#1a237e",
    "contact_text": "Vragen?", "contact_email": "vragen@proef.example", "contact_url": "/contact/",
    "footer": "Onderaan elke pagina.", "licence_url": "https://creativecommons.org/licenses/by/4.0/",
    "site_url": "https://proef.example/handboek/",
}


def write_project(folder: Path, **changes: str) -> Path:
    """A handboek.yml of its own (the good values, with `changes`) and a plain SVG logo in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "handboek.yml").write_text(SETTINGS.format(**{**GOOD, **changes}), encoding="utf-8")
    (folder / "logo.svg").write_text(GOOD_SVG, encoding="utf-8")
    (folder / "data").mkdir(exist_ok=True)
    return folder


def line_of(folder: Path, field: str) -> int:
    """The line of handboek.yml (the test's own file) on which a field such as `licence.url` is written."""
    lines = (folder / "handboek.yml").read_text(encoding="utf-8").splitlines()
    number = 0
    for key in field.split("."):
        number = next(index for index in range(number, len(lines)) if lines[index].strip().startswith(f"{key}:"))
    return number + 1
