"""The second builder: ProperDocs (the maintained fork of MkDocs 1.6, in .venv-properdocs) builds the
same site as MkDocs, file for file, and the export runs with it.

What may differ, and is ignored:
- the generator tag in each page's <head>, which names the builder and its version;
- the PDFs, which `python -m macros pdf` adds to the MkDocs build (the shared `built_site`) only;
- the day in sitemap.xml and sitemap.xml.gz (<lastmod>, and the gzip header's time): the day of the build,
  which differs when the two builds fall on either side of midnight."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

PROPERDOCS_PYTHON = ROOT / ".venv-properdocs/bin/python"
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')
BUILD_DAY = re.compile(rb"<lastmod>[^<]*</lastmod>")


def run(arguments: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(arguments, cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def properdocs_python() -> Path:
    assert PROPERDOCS_PYTHON.is_file(), ".venv-properdocs ontbreekt: ./dev.sh test maakt die omgeving"
    return PROPERDOCS_PYTHON


def comparable(path: Path) -> bytes:
    content = path.read_bytes()
    if path.name == "sitemap.xml.gz":
        return BUILD_DAY.sub(b"", gzip.decompress(content))
    if path.name == "sitemap.xml":
        return BUILD_DAY.sub(b"", content)
    if path.suffix == ".html":
        return GENERATOR_TAG.sub(b"", content)
    return content


def site_files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file() and path.suffix != ".pdf"}


def test_properdocs_has_no_mkdocs_of_its_own(properdocs_python: Path) -> None:
    """Else this environment might quietly build with MkDocs after all."""
    found = run([str(properdocs_python), "-c", "import importlib.util; print(importlib.util.find_spec('mkdocs'))"])
    assert found.stdout.strip() == "None", found.stdout + found.stderr


def test_properdocs_builds_the_same_site_as_mkdocs(properdocs_python: Path, built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run([str(properdocs_python), "-m", "properdocs", "build", "--strict", "-d", str(site)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ProperDocs" in (site / "index.html").read_text(encoding="utf-8"), "niet met ProperDocs gebouwd"
    ours, theirs = site_files(built_site), site_files(site)
    assert sorted(theirs) == sorted(ours)
    different = [name for name in ours if comparable(ours[name]) != comparable(theirs[name])]
    assert not different, f"{len(different)} bestanden verschillen, onder meer {different[:10]}"


def test_export_gives_the_same_markdown_with_either_builder(properdocs_python: Path, tmp_path: Path) -> None:
    exports = {}
    for name, python in (("mkdocs", Path(sys.executable)), ("properdocs", properdocs_python)):
        target = tmp_path / name
        result = run([str(python), "-m", "macros", "export", str(target)])
        assert result.returncode == 0, result.stdout + result.stderr
        exports[name] = {path: file.read_bytes() for path, file in site_files(target).items()}
    assert exports["properdocs"].keys() == exports["mkdocs"].keys()
    assert [path for path in exports["mkdocs"] if exports["mkdocs"][path] != exports["properdocs"][path]] == []
