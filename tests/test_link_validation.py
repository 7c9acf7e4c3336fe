"""`mkdocs build --strict` stops on a broken link or anchor in a hand-written page (validation in mkdocs.yml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import build


@pytest.mark.parametrize(("link", "reported"), [
    ("[kapot](bestaat-niet.md)", "bestaat-niet.md"),
    ("[kapot anker](proef-doel.md#bestaat-niet)", "#bestaat-niet"),
])
def test_broken_link_or_anchor_fails_the_strict_build(every_kind_project: Path, link: str, reported: str) -> None:
    (every_kind_project / "docs" / "proef-doel.md").write_text("# Doel\n\n## Een kop\n\nTekst.\n", encoding="utf-8")
    (every_kind_project / "docs" / "proef-bron.md").write_text(f"# Bron\n\nZie {link}.\n", encoding="utf-8")
    result = build(every_kind_project)
    assert result.returncode != 0
    assert "proef-bron.md" in result.output and reported in result.output
