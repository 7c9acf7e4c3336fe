"""handboek.yml cannot publish files from outside the project, script, or links that run code
(security review, problems 4 and 9), and `check` lists every problem of the file at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.loader import DataErrors
from macros.settings import load_settings

from .conftest import ROOT, build, copy_project
from .settings_files import line_of, write_project

SECRET = "geheim-token-7f3a9c"  # planted in the environment and in files outside the project


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(DataErrors) as raised:
        load_settings(folder)
    return [str(error) for error in raised.value.errors]


def only_problem(folder: Path, field: str) -> str:
    """The one problem reported, checked to name handboek.yml, the field and its line."""
    problems = problems_of(folder)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{folder / 'handboek.yml'}:{line_of(folder, field)}: {field}: "), problems[0]
    return problems[0]


def test_the_test_settings_are_valid(tmp_path: Path) -> None:
    settings = load_settings(write_project(tmp_path))
    assert settings.organisation.logo == "logo.svg"


# Problem 4: the logo path is not confined.

@pytest.mark.parametrize("logo", ["/proc/self/environ", "/etc/passwd", "../../etc/passwd"])
def test_logo_outside_the_project_is_refused_without_its_content(tmp_path: Path, logo: str) -> None:
    problem = only_problem(write_project(tmp_path / "handboek", logo=logo), "organisation.logo")
    assert f"{logo} ligt buiten de map van het handboek" in problem
    assert "root:" not in problem and "PATH=" not in problem
    assert "zet het bestand in die map, bijvoorbeeld in docs/assets/images/, en geef dat pad op" in problem


def test_logo_up_the_tree_is_refused_without_its_content(tmp_path: Path) -> None:
    (tmp_path / "geheim.svg").write_text(f"<svg><!-- {SECRET} --></svg>", encoding="utf-8")
    project = write_project(tmp_path / "handboek", logo="../geheim.svg")
    problem = only_problem(project, "organisation.logo")
    assert "../geheim.svg ligt buiten de map van het handboek" in problem
    assert SECRET not in problem


def test_logo_symlinked_to_a_file_outside_is_refused(tmp_path: Path) -> None:
    (tmp_path / "geheim.svg").write_text(f"<svg><!-- {SECRET} --></svg>", encoding="utf-8")
    project = write_project(tmp_path / "handboek")
    (project / "logo.svg").unlink()
    (project / "logo.svg").symlink_to(tmp_path / "geheim.svg")
    problem = only_problem(project, "organisation.logo")
    assert f"logo.svg verwijst naar {tmp_path / 'geheim.svg'}, buiten de map van het handboek" in problem
    assert SECRET not in problem


def test_logo_symlinked_inside_the_project_is_accepted(tmp_path: Path) -> None:
    project = write_project(tmp_path, logo="huisstijl/logo.svg")
    (project / "huisstijl").mkdir()
    (project / "huisstijl/logo.svg").symlink_to(project / "logo.svg")
    assert load_settings(project).organisation.logo == "huisstijl/logo.svg"


def test_html_page_as_logo_is_refused(tmp_path: Path) -> None:
    project = write_project(tmp_path, logo="logo.html")
    (project / "logo.html").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    problem = only_problem(project, "organisation.logo")
    assert "logo.html is geen afbeelding: verwacht een bestand op .svg, .png, .jpg, .jpeg, .gif of .webp" in problem


def test_html_page_named_png_is_refused(tmp_path: Path) -> None:
    project = write_project(tmp_path, logo="logo.png")
    (project / "logo.png").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    problem = only_problem(project, "organisation.logo")
    assert "logo.png is geen PNG-afbeelding: de inhoud begint niet zoals een PNG-bestand" in problem


def test_svg_logo_with_script_is_refused_with_what_to_remove(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    (project / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>', encoding="utf-8")
    problem = only_problem(project, "organisation.logo")
    assert "logo.svg bevat script: het attribuut onload (regel 1), het element <script> (regel 1)" in problem
    assert "haal dat weg en sla de SVG opnieuw op" in problem


def test_check_and_build_refuse_a_secret_logo_without_printing_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    write_project(project, logo="/proc/self/environ")
    environment = {**os.environ, "PYTHONPATH": str(project), "HB_TEST_SECRET": SECRET}
    checked = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project, env=environment, capture_output=True, text=True)
    assert checked.returncode == 1
    assert f"handboek.yml:{line_of(project, 'organisation.logo')}: organisation.logo: /proc/self/environ ligt buiten de map van het handboek" in checked.stdout
    assert SECRET not in checked.stdout + checked.stderr and "Traceback" not in checked.stderr
    os.environ["HB_TEST_SECRET"] = SECRET  # the build runs with the test's environment
    try:
        result = build(project)
    finally:
        del os.environ["HB_TEST_SECRET"]
    assert result.returncode != 0
    assert "organisation.logo: /proc/self/environ ligt buiten de map van het handboek" in result.output
    assert SECRET not in result.output and "Traceback" not in result.output
    assert not (result.site / "assets/huisstijl").exists()


def test_settings_file_symlinked_to_outside_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "elders.yml").write_text(f"{SECRET}: ja\n", encoding="utf-8")
    project = write_project(tmp_path / "handboek")
    (project / "handboek.yml").unlink()
    (project / "handboek.yml").symlink_to(tmp_path / "elders.yml")
    problems = problems_of(project)
    assert problems == [f"{project / 'handboek.yml'}:1: handboek.yml verwijst naar {tmp_path / 'elders.yml'}, buiten de map van het handboek; zet het bestand zelf in die map"]


# Problem 9: URLs in handboek.yml.

@pytest.mark.parametrize("url", [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    '"  javascript:alert(1)"',
    '"java\\tscript:alert(1)"',
    '"java\\nscript:alert(1)"',
    '"\\x01javascript:alert(1)"',
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
], ids=["plain", "mixed-case", "leading-spaces", "tab-inside", "newline-inside", "control-first", "vbscript", "data"])
@pytest.mark.parametrize(("key", "field"), [
    ("organisation_url", "organisation.url"), ("licence_url", "licence.url"), ("contact_url", "contact.url"),
])
def test_link_that_runs_code_is_refused(tmp_path: Path, url: str, key: str, field: str) -> None:
    project = write_project(tmp_path, **{key: url})
    problem = only_problem(project, field)
    assert "is niet toegestaan; verwacht een adres dat begint met https:// of http://, een mailto:-adres of een relatief adres" in problem


@pytest.mark.parametrize("url", ["https://proef.example/contact", "http://proef.example/", "mailto:vragen@proef.example", "/contact/", "../contact/", "./contact.html"])
def test_ordinary_links_are_accepted(tmp_path: Path, url: str) -> None:
    assert load_settings(write_project(tmp_path, contact_url=url)).contact.url == url


def test_link_with_a_space_is_refused(tmp_path: Path) -> None:
    problem = only_problem(write_project(tmp_path, contact_url="https://proef.example/mijn contact"), "contact.url")
    assert "bevat een spatie, tab of regeleinde; schrijf een spatie in een webadres als %20" in problem


def test_email_address_that_is_not_one_is_refused(tmp_path: Path) -> None:
    problem = only_problem(write_project(tmp_path, contact_email='"a@b.example?body=<x>"'), "contact.email")
    assert "verwacht een e-mailadres als naam@organisatie.nl" in problem


@pytest.mark.parametrize("site_url", ["javascript:alert(1)", "proef.example/handboek/", "/handboek/", "mailto:a@proef.example", "https://"])
def test_site_url_must_be_a_full_web_address(tmp_path: Path, site_url: str) -> None:
    problem = only_problem(write_project(tmp_path, site_url=site_url), "site_url")
    assert "verwacht een volledig webadres dat begint met https:// of http://, zoals https://handboek.voorbeeld.nl/" in problem


def test_site_url_may_be_left_empty(tmp_path: Path) -> None:
    assert load_settings(write_project(tmp_path, site_url="")).site_url is None


# `check` reports every problem of handboek.yml at once, and says where they are.

def test_check_lists_three_mistakes_at_once(tmp_path: Path) -> None:
    project = write_project(tmp_path, primary="#ffcc00", logo="ontbreekt.svg", licence_url="javascript:alert(1)")
    checked = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project, capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    assert any(line.startswith(f"handboek.yml:{line_of(project, 'colours.primary')}: colours.primary: te licht: witte tekst op #ffcc00 heeft contrast ") for line in lines), lines
    assert f"handboek.yml:{line_of(project, 'organisation.logo')}: organisation.logo: ontbreekt.svg bestaat niet; verwacht een afbeelding (SVG, PNG, JPEG, GIF of WebP) in de map van het handboek" in lines
    assert any(line.startswith(f"handboek.yml:{line_of(project, 'licence.url')}: licence.url: een adres met javascript: is niet toegestaan") for line in lines), lines
    assert lines[-1] == "3 problemen gevonden in handboek.yml."


def check_summary(project: Path) -> str:
    checked = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project, capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    return checked.stdout.splitlines()[-1]


def test_check_summary_names_where_the_problems_are(tmp_path: Path) -> None:
    project = write_project(tmp_path, primary="#ffcc00")
    (project / "data/methods").mkdir()
    (project / "data/methods/proef.yaml").write_text("kleur: rood\n", encoding="utf-8")
    assert check_summary(project).endswith(" problemen gevonden in handboek.yml en data.")
    write_project(project)
    assert check_summary(project).endswith(" problemen gevonden in data.")


def test_mistake_in_another_field_does_not_hide_a_colour_or_logo_problem(tmp_path: Path) -> None:
    project = write_project(tmp_path, title="[een, lijst]", primary="#ffcc00", logo="ontbreekt.svg")
    problems = problems_of(project)
    assert [problem.split(": ")[1] for problem in problems] == ["title", "organisation.logo", "colours.primary"], problems
