"""Each reference data file names its schema on its first line, so an editor checks it while typing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import ROOT

DATA_FILES = sorted((ROOT / "data").glob("*/*.yaml"))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_data_file_names_its_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../../schemas/{path.parent.name}.schema.json"
