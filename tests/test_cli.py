"""The command line as a user runs it: check, new, export and schemas."""

from __future__ import annotations

import dataclasses
import os
import posixpath
import re
import subprocess
import sys
from dataclasses import MISSING
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from macros.handbook import KIND_INFO, load_handbook
from macros.loader import read_yaml
from macros.model import KINDS
from macros.schema import kind_schema, schema_comment

from .conftest import ROOT, fixture_data, fixture_files, project_with_data
from .test_loader_limits import check, small_project  # noqa: F401 (small_project is a fixture)
from .test_schema import plain

DUTCH_NAMES = {kind: info.singular.lower() for kind, info in KIND_INFO.items() if kind in KINDS}


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros", *args],
        cwd=project, env={**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True,
    )


def test_check_passes_on_the_handbook() -> None:
    result = run(ROOT, "check")
    assert result.returncode == 0, result.stdout
    assert "in orde" in result.stdout


def test_check_reports_every_problem_with_file_line_field_found_and_expected(every_kind_project: Path) -> None:
    (every_kind_project / "data/methods/proef.yaml").write_text(
        "title: Proef\nsummary: Een proef.\npurpose: Testen.\nduration:\n  half_days: twaalf\n"
        "phases: [dromen]\nsynonyms: gesprek\nsources: [proefbron]\ntitel: Dubbel\n",
        encoding="utf-8",
    )
    (every_kind_project / "data/terms/begrip.yaml").write_text("term: X\ndefinition: Y\nsources: [proefborn]\n", encoding="utf-8")
    result = run(every_kind_project, "check")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    expected = [
        "data/methods/proef.yaml:5: duration.half_days: verwacht een geheel getal, gevonden 'twaalf'",
        "data/methods/proef.yaml:6: phases[1]: onbekende waarde 'dromen'; verwacht een van: verkennen",
        "data/methods/proef.yaml:7: synonyms: verwacht een lijst, gevonden 'gesprek'",
        "data/methods/proef.yaml:9: titel: onbekend veld (bedoel je 'title'?)",
        "data/terms/begrip.yaml:3: sources[1].source: onbekende id 'proefborn' (bedoel je 'proefbron'?)",
    ]
    for message in expected:
        assert any(line.startswith(message) for line in lines), (message, result.stdout)
    assert "5 problemen gevonden" in result.stdout


@pytest.mark.parametrize("kind", list(KINDS))
def test_new_writes_a_valid_commented_starter_for_every_kind(project: Path, kind: str) -> None:
    name = DUTCH_NAMES.get(kind, kind)
    result = run(project, "new", name, f"nieuw-{kind}")
    assert result.returncode == 0, result.stdout + result.stderr
    path = project / "data" / kind / f"nieuw-{kind}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == schema_comment(kind)
    assert "python -m macros check" in result.stdout
    assert "Let op" not in result.stdout
    for spec in dataclasses.fields(KINDS[kind]):
        shown = f"# {spec.name}:" if spec.default is not MISSING or spec.default_factory is not MISSING else f"{spec.name}:"
        assert any(line.startswith(shown) for line in text.splitlines()), shown
        assert f"# {spec.metadata['doc']}" in text
    assert Draft202012Validator(kind_schema(kind)).is_valid(plain(read_yaml(path)))
    check = run(project, "check")
    assert check.returncode == 0, check.stdout


def test_new_accepts_english_names_and_refuses_to_overwrite(project: Path) -> None:
    assert run(project, "new", "method", "mijn-werkwijze").returncode == 0
    path = project / "data/methods/mijn-werkwijze.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Mijn werkwijze", "Eigen titel"), encoding="utf-8")
    again = run(project, "new", "werkwijze", "mijn-werkwijze")
    assert again.returncode != 0
    assert "bestaat al" in again.stdout
    assert "Eigen titel" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "expected"), [
    (("werkwijze", "Mijn Werkwijze"), "geen geldige id"),
    (("recept", "soep"), "Onbekende soort 'recept'; kies uit: bron"),
])
def test_new_refuses_bad_ids_and_kinds(project: Path, args: tuple[str, str], expected: str) -> None:
    result = run(project, "new", *args)
    assert result.returncode != 0
    assert expected in result.stdout
    assert not list((project / "data").rglob("*soep*")) and not list((project / "data").rglob("Mijn*"))


def test_help_is_in_dutch() -> None:
    result = run(ROOT, "--help")
    assert "gebruik:" in result.stdout and "opdrachten" in result.stdout
    for command in ("check", "new", "export", "schemas", "pdf"):
        assert command in result.stdout


def test_schemas_command_writes_the_committed_schemas(project: Path, tmp_path: Path) -> None:
    """schemas/ is upstream's: the model with the reference content's lists (a fork's own lists are its own)."""
    written_to = tmp_path / "geschreven"
    result = run(project, "schemas", "--map", str(written_to))
    assert result.returncode == 0, result.stdout
    written = {path.name: path.read_text(encoding="utf-8") for path in written_to.iterdir()}
    committed = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / "schemas").iterdir()}
    assert written == committed


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The every-kind fixture handbook, exported as Markdown."""
    folder = tmp_path_factory.mktemp("export")
    target = folder / "handboek"
    result = run(project_with_data(folder / "project", fixture_files("every-kind")), "export", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    return target


MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
HTML_LINK = re.compile(r'\b(?:href|src)="([^"]+)"')


def relative_targets(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    links = MARKDOWN_LINK.findall(text) + HTML_LINK.findall(text)
    return [re.split(r"[?#]", link)[0] for link in links if not re.match(r"^([a-z]+:|/|#)", link)]


def test_export_has_a_page_per_item_and_per_hand_written_page(exported: Path) -> None:
    handbook = load_handbook(fixture_data("every-kind"))
    for kind in KINDS:
        for entry in handbook.entries(kind):
            assert (exported / entry.path).is_file(), entry.path
    for page in (ROOT / "docs").rglob("*.md"):
        assert (exported / page.relative_to(ROOT / "docs")).is_file(), page


def test_export_has_every_macro_rendered(exported: Path) -> None:
    pages = list(exported.rglob("*.md"))
    assert pages
    leftovers = [str(page) for page in pages if "{{" in page.read_text(encoding="utf-8") or "{%" in page.read_text(encoding="utf-8")]
    assert leftovers == []
    methods = (exported / "werkwijzen/index.md").read_text(encoding="utf-8")
    for entry in load_handbook(fixture_data("every-kind")).entries("methods"):
        assert entry.title in methods


def test_export_links_resolve_to_exported_files(exported: Path) -> None:
    """PDFs are left out: `python -m macros pdf` prints them from a built site."""
    broken = []
    checked = 0
    for page in exported.rglob("*.md"):
        folder = page.parent.relative_to(exported).as_posix()
        for target in relative_targets(page):
            if not target or target.endswith(".pdf"):
                continue
            checked += 1
            if not (exported / posixpath.normpath(posixpath.join(folder, target))).is_file():
                broken.append(f"{page.relative_to(exported)} → {target}")
    assert checked > 100
    assert broken == []


def test_export_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "iets.txt").write_text("bewaren", encoding="utf-8")
    result = run(ROOT, "export", str(tmp_path))
    assert result.returncode != 0
    assert "niet leeg" in result.stdout
    assert [path.name for path in tmp_path.iterdir()] == ["iets.txt"]


def test_command_line_and_generators_do_not_import_mkdocs() -> None:
    """Only the export command loads MkDocs, when it runs."""
    code = "import sys, macros.cli, macros.schema, macros.scaffold, macros.open_data; print('mkdocs' in sys.modules)"
    printed = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert printed.strip() == "False"


def test_export_stops_on_bad_data_with_the_check_messages(project: Path, tmp_path: Path) -> None:
    (project / "data/terms/kapot.yaml").write_text("term: X\nsources: [nji-lerende-organisatie]\n", encoding="utf-8")
    result = run(project, "export", str(tmp_path / "uit"))
    assert result.returncode == 1
    assert "data/terms/kapot.yaml:1: definition: ontbreekt" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "uit").exists()


def test_check_piped_into_head_ends_without_a_traceback(small_project: Path) -> None:
    fields = "".join(f"veld{number}: x\n" for number in range(3000))
    (small_project / "data/terms/veel.yaml").write_text("term: X\ndefinition: Y\nsources: [bron]\n" + fields, encoding="utf-8")
    result = subprocess.run(
        f"{sys.executable} -m macros check | head -1", shell=True, cwd=small_project,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=60,
    )
    assert result.stdout.startswith("data/terms/veel.yaml:4: veld0: onbekend veld")
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""


def test_the_count_names_the_settings_when_the_problem_is_there(small_project: Path) -> None:
    settings = small_project / "handboek.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("title: Handboek", "titel: Handboek", 1), encoding="utf-8")
    result = check(small_project)
    assert result.stdout.endswith("gevonden in handboek.yml.\n"), result.stdout
