"""`mkdocs build --strict` stops on a broken link or anchor in a hand-written page (validation in mkdocs.yml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import build


@pytest.mark.parametrize(("link", "reported"), [
    ("[kapot](themas/bestaat-niet.md)", "themas/bestaat-niet.md"),
    ("[kapot anker](themas/batesonmodel.md#bestaat-niet)", "#bestaat-niet"),
])
def test_broken_link_or_anchor_fails_the_strict_build(project: Path, link: str, reported: str) -> None:
    home = project / "pages" / "eigen-handboek.md"
    home.write_text(home.read_text(encoding="utf-8") + f"\n\nZie {link}.\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "eigen-handboek.md" in result.output and reported in result.output
