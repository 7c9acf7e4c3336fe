"""handboek.yml: one file for branding and settings, checked like the data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.loader import DataErrors
from macros.settings import contrast_with_white, load_settings

from .conftest import ROOT, build


def test_default_settings_load() -> None:
    settings = load_settings(ROOT)
    assert settings.title
    assert (ROOT / settings.organisation.logo).is_file()
    assert contrast_with_white(settings.colours.primary) >= 4.5


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda t: t.replace('primary: "#3f51b5"', 'primary: "#ffcc00"'), "colours.primary: te licht"),
        (lambda t: t.replace('primary: "#3f51b5"', "primary: blauw"), "colours.primary: verwacht een kleur als #rrggbb, gevonden 'blauw'"),
        (lambda t: t.replace("logo: docs/assets/images/logo.svg", "logo: logo-ontbreekt.svg"), "organisation.logo: logo-ontbreekt.svg bestaat niet"),
        (lambda t: t + "\nkleur: rood\n", "kleur: onbekend veld"),
        (lambda t: t.replace("title:", "titel:", 1), "title: ontbreekt"),
    ],
    ids=["too-light", "not-a-colour", "missing-logo", "unknown-key", "missing-title"],
)
def test_bad_settings_name_file_line_and_field(project: Path, change, expected: str) -> None:
    settings_file = project / "handboek.yml"
    settings_file.write_text(change(settings_file.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataErrors) as problems:
        load_settings(project)
    matching = [error for error in problems.value.errors if expected in str(error)]
    assert matching, [str(error) for error in problems.value.errors]
    assert all(str(error).startswith(f"{settings_file}:{error.line}:") for error in matching)
    assert all(error.line > 1 for error in matching)  # the line of the field, below the header comments


def test_bad_settings_stop_the_build(project: Path) -> None:
    settings_file = project / "handboek.yml"
    settings_file.write_text(settings_file.read_text(encoding="utf-8").replace('accent: "#303f9f"', 'accent: "#eeeeee"'), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "handboek.yml:" in result.output and "colours.accent: te licht" in result.output
    assert "Traceback" not in result.output
    assert not (result.site / "index.html").exists()


def test_branding_reaches_every_page_and_worksheet(project: Path) -> None:
    settings_file = project / "handboek.yml"
    (project / "eigen-logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#00695c"/></svg>', encoding="utf-8")
    text = settings_file.read_text(encoding="utf-8")
    text = text.replace("title: Handboek Werken volgens de bedoeling", "title: Handboek Gemeente Voorbeeld")
    text = text.replace("  name: Handboek Werken volgens de bedoeling", "  name: Gemeente Voorbeeld")
    text = text.replace("logo: docs/assets/images/logo.svg", "logo: eigen-logo.svg")
    text = text.replace('primary: "#3f51b5"', 'primary: "#00695c"')
    settings_file.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    site = result.site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Handboek Gemeente Voorbeeld</title>" in home
    assert "assets/huisstijl/logo.svg" in home
    assert "#00695c" in (site / "assets/css/site.css").read_text(encoding="utf-8")
    assert "#00695c" in (site / "assets/huisstijl/logo.svg").read_text(encoding="utf-8")
    sheet = next((site / "werkbladen").glob("*/index.html")).read_text(encoding="utf-8")
    assert "Gemeente Voorbeeld" in sheet and "Handboek Gemeente Voorbeeld ·" in sheet


def test_check_reports_settings_and_data_problems_together(project: Path) -> None:
    settings_file = project / "handboek.yml"
    settings_file.write_text(settings_file.read_text(encoding="utf-8").replace('primary: "#3f51b5"', 'primary: "#ffcc00"'), encoding="utf-8")
    method = project / "data/methods/kletspot.yaml"
    method.write_text(method.read_text(encoding="utf-8") + "kleur: rood\n", encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project, capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(project)})
    assert checked.returncode == 1
    assert "handboek.yml:" in checked.stdout and "colours.primary: te licht" in checked.stdout
    assert "data/methods/kletspot.yaml:" in checked.stdout and "kleur: onbekend veld" in checked.stdout
    assert "2 problemen" in checked.stdout
