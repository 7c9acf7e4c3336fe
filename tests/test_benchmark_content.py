"""scripts/benchmark.py measures the handbook it runs in: in a fork, its own items and pages, never the
reference content it switched off."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from macros.project import load_project

from .conftest import ROOT, copy_project
from .test_fork_upstream import METHOD_COUNT, own_content, write


def benchmark_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts/benchmark.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("benchmark", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def benchmark() -> ModuleType:
    return benchmark_script()


@pytest.fixture
def fork(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "fork")
    write(project, own_content())
    return project


def test_a_fork_measures_its_own_pages(benchmark: ModuleType, fork: Path) -> None:
    kinds = dict(benchmark.page_kinds(fork))
    assert kinds["werkwijze"] == "werkwijzen/werkvorm-01.md"
    assert kinds["werkblad"] == "werkbladen/terugblik.md"
    assert kinds["bron"] == "bronnen/werkvormenboek.md"
    for absent in ("casus", "competentie", "begrip", "themas", "eigen-handboek"):
        assert absent not in kinds, f"{absent}: die soort of pagina heeft deze eigen versie niet"
    assert {"start", "overzicht", "planner", "bewaard", "trefwoorden", "open-data"} <= set(kinds)


def test_the_reference_handbook_measures_its_themes_and_every_kind(benchmark: ModuleType) -> None:
    kinds = dict(benchmark.page_kinds(ROOT))
    handbook = load_project(ROOT).handbook
    for kind, label in benchmark.ITEM_PAGE_LABELS.items():
        assert kinds[label] in {entry.path for entry in handbook.entries(kind)}
    assert kinds["themas"].startswith("themas/")


def test_a_fork_edits_and_multiplies_its_own_data(benchmark: ModuleType, fork: Path) -> None:
    handbook = load_project(fork).handbook
    method = benchmark.edited_method(handbook, None)
    assert handbook.paths[("methods", method)].is_relative_to(fork / "eigen")
    reference_files = sorted((fork / "data").rglob("*"))
    benchmark.multiply_data(fork, 3)
    tripled = load_project(fork).handbook  # raises when a copy points at an id that does not exist
    assert len(tripled.items["methods"]) == 3 * METHOD_COUNT
    assert tripled.entry("worksheets", "terugblik-k3").item.method == "werkvorm-01-k3"
    assert sorted((fork / "data").rglob("*")) == reference_files, "de uitgezette referentie-inhoud bleef onaangeroerd"


def test_a_method_that_cannot_be_edited_on_one_line_is_refused_by_name(benchmark: ModuleType, fork: Path) -> None:
    with pytest.raises(SystemExit, match="--method bestaat-niet"):
        benchmark.edited_method(load_project(fork).handbook, "bestaat-niet")
