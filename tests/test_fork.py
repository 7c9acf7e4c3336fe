"""A fork as an organisation makes one: own branding, own content, check, strict build; and its mistakes."""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml


from .conftest import ROOT, build, copy_project
from .site_html import page_file, visible_text

DEFAULT_CASES = sorted(path.stem for path in (ROOT / "data/cases").glob("*.yaml"))
TITLE = "Handboek Wijkteams Gemeente Voorbeeld"
ORGANISATION = "Gemeente Voorbeeld"
COLOUR = "#00695c"
LOGO = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Gemeente Voorbeeld</title><rect width="10" height="10" fill="{COLOUR}"/></svg>'
INDICATORS = [
    "Vertaalt de bedoeling van het wijkteam naar wat er deze week te doen is.",
    "Vraagt in het overleg eerst naar wat het gezin nodig heeft.",
    "Maakt zichtbaar welke regelruimte het team heeft.",
    "Houdt vast aan afspraken en legt uit waarom.",
    "Spreekt teamleden aan op wat zij bijdragen aan de bedoeling.",
    "Neemt een besluit als het team er samen niet uitkomt.",
    "Vraagt het team elke maand wat beter kan.",
]


def navigation(page: Path) -> str:
    """The text of the page's main navigation (the sidebar), without the content."""
    html = page.read_text(encoding="utf-8")
    return html.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-content"', 1)[0]


def macros_cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m macros …` as a fork runs it, from the project folder."""
    return subprocess.run(
        [sys.executable, "-m", "macros", *args], cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)}, capture_output=True, text=True,
    )


def edit_yaml(path: Path, changes: dict[str, Any]) -> None:
    """Fill in a starter file the way an editor does: keep the schema line, set the fields."""
    schema_line = path.read_text(encoding="utf-8").splitlines()[0]
    data = {**yaml.safe_load(path.read_text(encoding="utf-8")), **changes}
    path.write_text(schema_line + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


OWN_SETTINGS = f"""title: {TITLE}
description: Het handboek van de wijkteams van Gemeente Voorbeeld.
organisation:
  name: {ORGANISATION}
  logo: huisstijl/logo.svg
colours:
  primary: "{COLOUR}"
  accent: "#004d40"
licence:
  name: CC BY-SA 4.0
stylesheets: [huisstijl/gemeente.css]
# Everything of the reference handbook but its cases.
reference: [pages, methods, worksheets, plans, profiles, competences, disciplines, roles, terms, sources]
"""


def make_fork(project: Path) -> None:
    """A fork as the guide describes it: only eigen/ is written; upstream's files stay as they are."""
    own = project / "eigen"
    (own / "huisstijl").mkdir(parents=True)
    (own / "huisstijl/logo.svg").write_text(LOGO, encoding="utf-8")
    (own / "huisstijl/gemeente.css").write_text(".hb-gemeente { border-color: #00695c; }\n", encoding="utf-8")
    (own / "handboek.yml").write_text(OWN_SETTINGS, encoding="utf-8")
    (own / "data").mkdir()
    for args in (("werkwijze", "wijkteamoverleg"), ("profiel", "teamleider"), ("competentie", "richting-geven"), ("werkblad", "richting-geven-zelfbeoordeling")):
        created = macros_cli(project, "new", *args)
        assert created.returncode == 0, created.stdout + created.stderr
    edit_yaml(project / "eigen/data/methods/wijkteamoverleg.yaml", {
        "title": "Wijkteamoverleg", "summary": "Wekelijks overleg waarin het wijkteam gezinnen bespreekt vanuit de bedoeling.",
        "purpose": "Samen besluiten wat een gezin nodig heeft, met de regelruimte die het team heeft.",
        "phases": ["uitvoeren-en-verankeren"], "settings": ["team"], "duration": {"minutes_min": 45, "minutes_max": 60},
        "group_size": {"min": 5, "max": 12}, "sources": ["vng-leernetwerk"],
    })
    edit_yaml(project / "eigen/data/profiles/teamleider.yaml", {
        "title": "Teamleider wijkteam", "summary": "Voor teamleiders die hun wijkteam laten werken volgens de bedoeling.", "sources": ["vng-leernetwerk"],
    })
    edit_yaml(project / "eigen/data/competences/richting-geven.yaml", {
        "name": "Richting geven", "profile": "teamleider", "order": 1,
        "statement": "Geeft het team richting vanuit de bedoeling.", "context": "Het team werkt zelfstandig; de teamleider bewaakt de bedoeling.",
        "elements": [{"name": "Koers houden", "indicators": INDICATORS[:4]}, {"name": "Besluiten", "indicators": INDICATORS[4:]}],
        "sources": ["vng-leernetwerk"],
    })
    edit_yaml(project / "eigen/data/worksheets/richting-geven-zelfbeoordeling.yaml", {
        "title": "Zelfbeoordeling richting geven", "purpose": "Kijk terug op hoe je het team richting gaf.",
        "moment": "zelfreflectie", "method": "wijkteamoverleg", "competence": "richting-geven",
        "blocks": [{"type": "beoordeling", "title": "Hoe vaak liet je dit zien?", "competence": "richting-geven"}],
        "sources": ["vng-leernetwerk"],
    })


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str], Path]:
    project = copy_project(tmp_path_factory.mktemp("fork") / "gemeente-voorbeeld")
    make_fork(project)
    checked = macros_cli(project, "check")
    result = build(project)
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    return project, checked, result.site


def test_fork_checks_clean(fork) -> None:
    _, checked, _ = fork
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_fork_carries_its_branding_everywhere(fork) -> None:
    _, _, site = fork
    for page in ("index.md", "werkwijzen/wijkteamoverleg.md", "werkbladen/richting-geven-zelfbeoordeling.md"):
        html = page_file(site, page).read_text(encoding="utf-8")
        assert f"{TITLE}</title>" in html
        assert "assets/huisstijl/logo.svg" in html
        assert "Handboek Werken volgens de bedoeling" not in html
    assert COLOUR in (site / "assets/css/site.css").read_text(encoding="utf-8")
    assert (site / "assets/huisstijl/logo.svg").read_text(encoding="utf-8") == LOGO
    sheet = page_file(site, "werkbladen/richting-geven-zelfbeoordeling.md").read_text(encoding="utf-8")
    assert f"<span>{ORGANISATION}</span>" in sheet
    assert f"{TITLE} · Zelfbeoordeling richting geven" in sheet


def test_fork_stylesheets_join_the_site_stylesheet_after_its_colours(fork) -> None:
    _, _, site = fork
    html = page_file(site, "index.md").read_text(encoding="utf-8")
    links = [link for link in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) if "assets/stylesheets/" not in link]
    assert links == ["assets/css/site.css"]
    stylesheet = (site / "assets/css/site.css").read_text(encoding="utf-8")
    assert stylesheet.index(COLOUR) < stylesheet.index(".hb-gemeente {")
    assert stylesheet.index(".hb-basis") < stylesheet.index(".hb-gemeente {")


def test_upstream_files_are_untouched(fork) -> None:
    project, _, _ = fork
    for part in ("handboek.yml", "mkdocs.yml", "data", "pages", "docs"):
        assert not filecmp.dircmp(project / part, ROOT / part).diff_files if (ROOT / part).is_dir() else filecmp.cmp(project / part, ROOT / part, shallow=False)


def test_new_items_appear_in_nav_search_finder_and_worksheets(fork) -> None:
    _, _, site = fork
    assert "Wijkteamoverleg" in navigation(page_file(site, "werkwijzen/index.md"))
    assert "Teamleider wijkteam" in navigation(page_file(site, "competenties/index.md"))
    search = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in search["docs"]}
    assert {"Wijkteamoverleg", "Teamleider wijkteam", "Richting geven", "Zelfbeoordeling richting geven"} <= titles
    finder = page_file(site, "werkwijzen/index.md").read_text(encoding="utf-8")
    assert 'href="wijkteamoverleg/"' in finder
    sheet = visible_text(page_file(site, "werkbladen/richting-geven-zelfbeoordeling.md"))
    assert all(indicator in sheet for indicator in INDICATORS)
    profiles = visible_text(page_file(site, "competenties/index.md"))
    assert "Teamleider wijkteam" in profiles and "Competentieprofiel dialogische tutor" in profiles


def test_no_default_case_remains(fork) -> None:
    project, _, site = fork
    assert list((project / "data/cases").glob("*.yaml")), "upstream's cases stay in the repository"
    assert not any(page_file(site, f"casussen/{case}.md").exists() for case in DEFAULT_CASES)
    search = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert not any(f"casussen/{case}/" in search for case in DEFAULT_CASES)
    assert not page_file(site, "casussen/index.md").exists()
    assert "Casussen" not in navigation(page_file(site, "werkwijzen/index.md"))


BREAKAGES = {
    "syntax": ("eigen/data/methods/wijkteamoverleg.yaml", lambda t: t.replace("title: Wijkteamoverleg", "title: [Wijkteamoverleg"), "YAML-fout"),
    "missing-field": ("eigen/data/profiles/teamleider.yaml", lambda t: "\n".join(l for l in t.splitlines() if not l.startswith("summary:")), "summary: ontbreekt"),
    "misspelt-id": ("eigen/data/competences/richting-geven.yaml", lambda t: t.replace("profile: teamleider", "profile: teamlieder"), "onbekende id 'teamlieder'"),
    "wrong-type": ("eigen/data/competences/richting-geven.yaml", lambda t: t.replace("order: 1", "order: eerste"), "order: verwacht een geheel getal"),
    "unknown-key": ("eigen/data/worksheets/richting-geven-zelfbeoordeling.yaml", lambda t: t + "kleur: rood\n", "kleur: onbekend veld"),
}


def test_every_mistake_is_reported_with_file_and_line_and_blocks_the_build(fork, tmp_path: Path) -> None:
    project = tmp_path / "kapot"
    shutil.copytree(fork[0], project, ignore=shutil.ignore_patterns("site", "__pycache__"))
    for file, change, _ in BREAKAGES.values():
        path = project / file
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    (project / "eigen/data/terms").mkdir()
    shutil.copy(project / "data/terms/bedoeling.yaml", project / "eigen/data/terms/bedoeling.yaml")
    shutil.copy(project / "data/terms/bedoeling.yaml", project / "eigen/data/terms/bedoeling.yml")
    checked = macros_cli(project, "check")
    output = checked.stdout + checked.stderr
    assert checked.returncode != 0
    assert "Traceback" not in output
    for file, _, expected in BREAKAGES.values():
        assert any(line.startswith(f"{file}:") and expected in line for line in output.splitlines()), (expected, output)
    assert "eigen/data/terms/bedoeling.yml:1: id: id 'bedoeling' bestaat al" in output
    result = build(project)
    assert result.returncode != 0
    assert not (result.site / "index.html").exists()
    for file, _, expected in BREAKAGES.values():
        assert file in result.output and expected in result.output
