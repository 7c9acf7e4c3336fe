"""Hostile or broken files end in one clear message with file and line: no hang, crash or traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, reference_branding
from .test_loader import VALID_SOURCE, VALID_TERM, data, problems, write  # noqa: F401 (data is a fixture)

LOGO = "docs/assets/images/logo.svg"


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A handbook with its settings, one source and one term: quick to check."""
    project = tmp_path / "project"
    (project / LOGO).parent.mkdir(parents=True)
    (project / "handboek.yml").write_text(reference_branding(), encoding="utf-8")
    shutil.copy(ROOT / LOGO, project / LOGO)
    write(project / "data", "sources/bron.yaml", VALID_SOURCE)
    write(project / "data", "terms/bedoeling.yaml", VALID_TERM)
    return project


def check(project: Path, timeout: float = 10) -> subprocess.CompletedProcess[str]:
    """`python -m macros check` as a contributor runs it; a hang fails the test after `timeout` seconds."""
    return subprocess.run(
        [sys.executable, "-m", "macros", "check"],
        cwd=project, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=timeout,
    )


def billion_laughs(levels: int) -> str:
    """About 500 bytes that expand to 9**levels values when every alias is copied."""
    lines = ['a: &a ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for level in range(1, levels):
        previous, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_quickly_with_file_and_line(small_project: Path) -> None:
    write(small_project / "data", "terms/bom.yaml", billion_laughs(9))
    result = check(small_project)
    assert result.returncode == 1
    assert "data/terms/bom.yaml:4: aliassen (*naam) herhalen samen meer dan 1000 waarden; schrijf de waarden uit" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("levels", [500, 100_000], ids=["500-levels", "100000-levels"])
def test_deep_nesting_is_refused_with_file_and_line(small_project: Path, levels: int) -> None:
    write(small_project / "data", "terms/diep.yaml", "term: X\ndefinition: " + "[" * levels + "]" * levels + "\n")
    result = check(small_project)
    assert result.returncode == 1, result.stderr
    assert "data/terms/diep.yaml:2: meer dan 50 niveaus diep ingesprongen of genest; maak de gegevens platter" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_shared_value_is_read_once_and_may_be_repeated_a_little(data: Path) -> None:
    write(data, "terms/kort.yaml", "term: Kort\ndefinition: &uitleg Een korte uitleg.\nsynonyms: [*uitleg]\nsources: [bron]\n")
    from macros.loader import load_data

    assert load_data(data).items["terms"]["kort"].synonyms == ("Een korte uitleg.",)


def test_an_alias_without_anchor_names_its_line(data: Path) -> None:
    write(data, "terms/kapot.yaml", "term: X\ndefinition: *uitleg\nsources: [bron]\n")
    assert problems(data) == [f"{data}/terms/kapot.yaml:2: alias *uitleg verwijst naar geen eerder anker &uitleg"]


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(data: Path) -> None:
    write(data, "terms/groot.yaml", "term: X\ndefinition: Y\nsources: [bron]\n" + "# opvulling\n" * 200_000)
    assert problems(data) == [f"{data}/terms/groot.yaml:1: het bestand is groter dan 2 MB; splits het op in kleinere bestanden"]


def test_latin1_bytes_name_file_line_and_byte(data: Path) -> None:
    path = data / "terms/latijn.yaml"
    path.write_bytes("term: X\ndefinition: Caf\u00e9 en cr\u00e8me\nsources: [bron]\n".encode("latin-1"))
    assert problems(data) == [f"{path}:2: byte 0xe9 is geen UTF-8; sla het bestand op met de codering UTF-8"]


def test_latin1_bytes_in_the_settings_name_file_and_line(small_project: Path) -> None:
    settings = small_project / "handboek.yml"
    settings.write_bytes(settings.read_bytes().replace(b"Handboek Werken", "H\u00e2ndboek Werken".encode("latin-1"), 1))
    result = check(small_project)
    assert result.returncode == 1
    assert "handboek.yml:8: byte 0xe2 is geen UTF-8; sla het bestand op met de codering UTF-8" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_control_character_names_file_and_line(data: Path) -> None:
    write(data, "terms/bel.yaml", "term: X\ndefinition: Y\u0007\nsources: [bron]\n")
    assert problems(data) == [f"{data}/terms/bel.yaml:2: het teken U+0007 mag niet in YAML staan (een stuurteken); haal het weg"]


def test_a_second_document_is_refused(data: Path) -> None:
    write(data, "terms/twee.yaml", VALID_TERM + "---\n" + VALID_TERM)
    assert problems(data) == [f"{data}/terms/twee.yaml:4: een tweede document (---); een gegevensbestand bevat één onderdeel"]


def test_a_python_tag_is_refused_not_run(data: Path) -> None:
    write(data, "terms/tag.yaml", "term: X\ndefinition: !!python/name:os.system x\nsources: [bron]\n")
    assert problems(data) == [f"{data}/terms/tag.yaml:2: 'x' is niet te lezen als !!python/name:os.system; laat !!python/name:os.system weg"]


@pytest.mark.parametrize(("value", "tag"), [("abc", "!!int"), ("x", "!!bool"), ("gisteren", "!!timestamp"), ("kapot!", "!!binary")])
def test_a_value_that_does_not_fit_its_tag_names_the_line(data: Path, value: str, tag: str) -> None:
    write(data, "terms/tag.yaml", f"term: X\ndefinition: {tag} {value}\nsources: [bron]\n")
    assert problems(data) == [f"{data}/terms/tag.yaml:2: {value!r} is niet te lezen als {tag}; laat {tag} weg"]
