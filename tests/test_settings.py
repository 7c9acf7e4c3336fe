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
from .settings_files import line_of, write_project


def test_default_settings_load() -> None:
    settings = load_settings(ROOT)
    assert settings.title
    assert (ROOT / settings.organisation.logo).is_file()
    assert contrast_with_white(settings.colours.primary) >= 4.5


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"primary": "#ffcc00"}, "colours.primary: te licht"),
        ({"primary": "blauw"}, "colours.primary: verwacht een kleur als #rrggbb, gevonden 'blauw'"),
        ({"logo": "logo-ontbreekt.svg"}, "organisation.logo: logo-ontbreekt.svg bestaat niet"),
    ],
    ids=["too-light", "not-a-colour", "missing-logo"],
)
def test_bad_settings_name_file_line_and_field(tmp_path: Path, changes: dict[str, str], expected: str) -> None:
    assert_reported(write_project(tmp_path, **changes), expected)


def test_unknown_and_missing_settings_name_file_line_and_field(tmp_path: Path) -> None:
    settings_file = write_project(tmp_path) / "handboek.yml"
    settings_file.write_text(settings_file.read_text(encoding="utf-8").replace("title:", "titel:") + "kleur: rood\n", encoding="utf-8")
    assert_reported(tmp_path, "kleur: onbekend veld")
    assert_reported(tmp_path, "titel: onbekend veld (bedoel je 'title'?)")
    assert_reported(tmp_path, "title: ontbreekt")


def assert_reported(project: Path, expected: str) -> None:
    settings_file = project / "handboek.yml"
    with pytest.raises(DataErrors) as problems:
        load_settings(project)
    matching = [error for error in problems.value.errors if expected in str(error)]
    assert matching, [str(error) for error in problems.value.errors]
    assert all(str(error).startswith(f"{settings_file}:{error.line}:") for error in matching)
    assert all(error.line > 1 for error in matching)  # the field's line, below the comment


def test_bad_settings_stop_the_build(project: Path) -> None:
    write_project(project, accent="#eeeeee")
    result = build(project)
    assert result.returncode != 0
    assert f"handboek.yml:{line_of(project, 'colours.accent')}: colours.accent: te licht" in result.output
    assert "1 probleem in handboek.yml; geen site gebouwd." in result.output
    assert "Traceback" not in result.output
    assert not (result.site / "index.html").exists()


def test_branding_reaches_every_page_and_worksheet(project: Path) -> None:
    write_project(project, title="Handboek Gemeente Voorbeeld", organisation_name="Gemeente Voorbeeld",
                  primary="#00695c", logo="eigen-logo.svg")
    (project / "eigen-logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#00695c"/></svg>', encoding="utf-8")
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


def test_check_reports_settings_and_data_problems_together(tmp_path: Path) -> None:
    project = write_project(tmp_path, primary="#ffcc00")
    (project / "data/methods").mkdir()
    (project / "data/methods/proef.yaml").write_text("kleur: rood\n", encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project, capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert checked.returncode == 1
    assert f"handboek.yml:{line_of(project, 'colours.primary')}: colours.primary: te licht" in checked.stdout
    assert "data/methods/proef.yaml:1: kleur: onbekend veld" in checked.stdout
    assert "gevonden in handboek.yml en data." in checked.stdout
