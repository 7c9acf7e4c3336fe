"""Building from data: bad data stops the build with clear messages and leaves data/ untouched; new files add pages."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from .conftest import build, render_pdfs
from .site_html import navigation_links


def fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


BREAKAGES = {
    "syntax": (lambda text: text.replace("title:", "title: [", 1), "YAML-fout"),
    "missing-field": (lambda text: "\n".join(l for l in text.splitlines() if not l.startswith("summary:")), "summary: ontbreekt"),
    "unknown-key": (lambda text: text + "\nkleur: rood\n", "kleur: onbekend veld"),
    "misspelt-reference": (lambda text: text.replace("sources:", "sources: [blnqimpact-batesonmodl]\nunused:", 1), "onbekende id 'blnqimpact-batesonmodl'"),
    "wrong-type": (lambda text: text.replace("title: ", "title: 12\nx_title: ", 1), "title: verwacht tekst, gevonden het getal 12"),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_broken_method_stops_the_build_with_file_line_and_field(project: Path, breakage: str) -> None:
    method = project / "data/methods/batesonmodel.yaml"
    change, expected = BREAKAGES[breakage]
    method.write_text(change(method.read_text(encoding="utf-8")), encoding="utf-8")
    before = fingerprint(project / "data")
    result = build(project)
    assert result.returncode != 0
    assert "data/methods/batesonmodel.yaml:" in result.output
    assert expected in result.output
    assert "Traceback" not in result.output
    assert not (result.site / "index.html").exists()
    assert fingerprint(project / "data") == before


def test_duplicate_id_stops_the_build(project: Path) -> None:
    original = project / "data/methods/batesonmodel.yaml"
    (project / "data/methods/batesonmodel.yml").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "data/methods/batesonmodel.yml:1: id: id 'batesonmodel' bestaat al" in result.output
    assert "Traceback" not in result.output


def test_empty_file_stops_the_build(project: Path) -> None:
    (project / "data/terms/leeg.yaml").write_text("", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "data/terms/leeg.yaml:1: het bestand is leeg" in result.output


def test_successful_build_writes_nothing_under_data(project: Path) -> None:
    before = fingerprint(project / "data")
    result = build(project)
    assert result.returncode == 0, result.output
    assert fingerprint(project / "data") == before


def test_adding_a_data_file_adds_page_nav_and_search_entry(project: Path) -> None:
    (project / "data/methods/nieuwe-werkwijze.yaml").write_text(
        "title: Nieuwe werkwijze\nsummary: Een proef.\npurpose: Om te testen.\nsources: [blnqimpact-batesonmodel]\n",
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 0, result.output
    assert (result.site / "werkwijzen/nieuwe-werkwijze/index.html").exists()
    assert "/werkwijzen/nieuwe-werkwijze/" in navigation_links(result.site, result.site / "werkwijzen/index.html")
    assert '"location":"werkwijzen/nieuwe-werkwijze/"' in (result.site / "search/search_index.json").read_text(encoding="utf-8").replace(" ", "")


def test_adding_a_worksheet_file_adds_its_page_and_pdf(project: Path) -> None:
    (project / "data/worksheets/eigen-werkblad.yaml").write_text(
        "title: Eigen werkblad\npurpose: Een proef.\nmoment: na-afloop\nmethod: kletspot\n"
        "blocks:\n  - type: vraag\n    prompt: Wat viel je op?\n    lines: 3\n"
        "sources: [nji-lerende-organisatie]\n",
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 0, result.output
    assert "Eigen werkblad" in (result.site / "werkbladen/eigen-werkblad/index.html").read_text(encoding="utf-8")
    assert "werkbladen/eigen-werkblad/" in (result.site / "werkwijzen/kletspot/index.html").read_text(encoding="utf-8")
    pdfs = render_pdfs(project, result.site)
    assert pdfs.returncode == 0, pdfs.stderr
    assert (result.site / "werkbladen/eigen-werkblad.pdf").read_bytes().startswith(b"%PDF")
    assert (result.site / "werkmappen/kletspot.pdf").exists()
