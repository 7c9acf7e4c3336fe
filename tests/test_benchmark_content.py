"""scripts/benchmark.py measures the handbook it runs in: in a fork, its own items and pages, never the
reference content it switched off."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.project import load_project
from scripts import benchmark

from .conftest import ROOT, copy_project
from .test_fork_upstream import METHOD_COUNT, own_content, write


@pytest.fixture
def fork(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "fork")
    write(project, own_content())
    return project


def test_a_fork_measures_its_own_pages(fork: Path) -> None:
    kinds = dict(benchmark.page_kinds(fork))
    assert kinds["werkwijze"] == "werkwijzen/werkvorm-01.md"
    assert kinds["werkblad"] == "werkbladen/terugblik.md"
    assert kinds["bron"] == "bronnen/werkvormenboek.md"
    for absent in ("casus", "competentie", "begrip", "themas", "eigen-handboek"):
        assert absent not in kinds, f"{absent}: die soort of pagina heeft deze eigen versie niet"
    assert {"start", "overzicht", "planner", "bewaard", "trefwoorden", "open-data"} <= set(kinds)


def test_the_reference_handbook_measures_its_themes_and_every_kind() -> None:
    kinds = dict(benchmark.page_kinds(ROOT))
    handbook = load_project(ROOT).handbook
    for kind, label in benchmark.ITEM_PAGE_LABELS.items():
        assert kinds[label] in {entry.path for entry in handbook.entries(kind)}
    assert kinds["themas"].startswith("themas/")


def test_a_fork_edits_its_own_method_and_only_one_written_on_one_line(fork: Path) -> None:
    # Sorted first by id, but its title is a folded block: an edit of the "title:" line would break it.
    (fork / "eigen/data/methods/aaa-gevouwen.yaml").write_text(
        "title: >-\n  Een gevouwen\n  titel\nsummary: Op twee regels geschreven.\npurpose: Proef.\nsources: [werkvormenboek]\n",
        encoding="utf-8",
    )
    handbook = load_project(fork).handbook
    method = benchmark.edited_method(handbook, None)
    assert method == "werkvorm-01"
    assert handbook.paths[("methods", method)].is_relative_to(fork / "eigen")
    with pytest.raises(SystemExit, match="--method aaa-gevouwen"):
        benchmark.edited_method(handbook, "aaa-gevouwen")
    with pytest.raises(SystemExit, match="--method bestaat-niet"):
        benchmark.edited_method(handbook, "bestaat-niet")


def test_a_fork_multiplies_its_own_data_and_the_reference_kinds_it_keeps(fork: Path) -> None:
    settings = fork / "eigen/handboek.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "reference: [sources]\n", encoding="utf-8")
    reference_methods = sorted((fork / "data/methods").iterdir())
    reference_sources = load_project(fork).handbook.items["sources"].keys() - {"werkvormenboek"}
    assert reference_sources, "de eigen versie houdt de bronnen van de referentie"
    benchmark.multiply_data(fork, 3)
    tripled = load_project(fork).handbook  # raises when a copy points at an id that does not exist
    assert len(tripled.items["methods"]) == 3 * METHOD_COUNT
    assert tripled.entry("worksheets", "terugblik-k3").item.method == "werkvorm-01-k3"
    assert all((fork / f"data/sources/{source}-k3.yaml").is_file() for source in reference_sources)
    assert (fork / "eigen/data/sources/werkvormenboek-k3.yaml").is_file()
    assert sorted((fork / "data/methods").iterdir()) == reference_methods, "uitgezette referentie-inhoud blijft onaangeroerd"


def test_bad_data_is_named_by_file_and_line_before_anything_is_measured(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    write(project, {"data/methods/kletspot.yaml": "title: Kletspot\nsummary: [niet af\n"})
    result = subprocess.run([sys.executable, "scripts/benchmark.py", "lighthouse"], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert re.search(r"^data/methods/kletspot\.yaml:\d+: YAML-fout", result.stdout, flags=re.MULTILINE), result.stdout
    assert "Traceback" not in result.stdout + result.stderr
