"""Building from data (the every-kind fixture handbook): bad data stops the build with clear messages and leaves data/ untouched; new files add pages."""

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
    "misspelt-reference": (lambda text: text.replace("sources:", "sources: [proefbronn]\nunused:", 1), "onbekende id 'proefbronn'"),
    "wrong-type": (lambda text: text.replace("title: ", "title: 12\nx_title: ", 1), "title: verwacht tekst, gevonden het getal 12"),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_broken_method_stops_the_build_with_file_line_and_field(every_kind_project: Path, breakage: str) -> None:
    method = every_kind_project / "data/methods/oefenronde.yaml"
    change, expected = BREAKAGES[breakage]
    method.write_text(change(method.read_text(encoding="utf-8")), encoding="utf-8")
    before = fingerprint(every_kind_project / "data")
    result = build(every_kind_project)
    assert result.returncode != 0
    assert "data/methods/oefenronde.yaml:" in result.output
    assert expected in result.output
    assert "Traceback" not in result.output
    assert not (result.site / "index.html").exists()
    assert fingerprint(every_kind_project / "data") == before


def test_duplicate_id_stops_the_build(every_kind_project: Path) -> None:
    original = every_kind_project / "data/methods/oefenronde.yaml"
    (every_kind_project / "data/methods/oefenronde.yml").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    result = build(every_kind_project)
    assert result.returncode != 0
    assert "data/methods/oefenronde.yml:1: id: id 'oefenronde' bestaat al" in result.output
    assert "Traceback" not in result.output


def test_empty_file_stops_the_build(every_kind_project: Path) -> None:
    (every_kind_project / "data/terms/leeg.yaml").write_text("", encoding="utf-8")
    result = build(every_kind_project)
    assert result.returncode != 0
    assert "data/terms/leeg.yaml:1: het bestand is leeg" in result.output


def test_successful_build_writes_nothing_under_data(every_kind_project: Path) -> None:
    before = fingerprint(every_kind_project / "data")
    result = build(every_kind_project)
    assert result.returncode == 0, result.output
    assert fingerprint(every_kind_project / "data") == before


def test_adding_a_data_file_adds_page_nav_and_search_entry(every_kind_project: Path) -> None:
    (every_kind_project / "data/methods/nieuwe-werkwijze.yaml").write_text(
        "title: Nieuwe werkwijze\nsummary: Een proef.\npurpose: Om te testen.\nsources: [proefbron]\n",
        encoding="utf-8",
    )
    result = build(every_kind_project)
    assert result.returncode == 0, result.output
    assert (result.site / "werkwijzen/nieuwe-werkwijze/index.html").exists()
    assert "/werkwijzen/nieuwe-werkwijze/" in navigation_links(result.site, result.site / "werkwijzen/index.html")
    assert '"location":"werkwijzen/nieuwe-werkwijze/"' in (result.site / "search/search_index.json").read_text(encoding="utf-8").replace(" ", "")


def test_adding_a_worksheet_file_adds_its_page_and_pdf(every_kind_project: Path) -> None:
    (every_kind_project / "data/worksheets/eigen-werkblad.yaml").write_text(
        "title: Eigen werkblad\npurpose: Een proef.\nmoment: na-afloop\nmethod: oefenronde\n"
        "blocks:\n  - type: vraag\n    prompt: Wat viel je op?\n    lines: 3\n"
        "sources: [proefbron]\n",
        encoding="utf-8",
    )
    result = build(every_kind_project)
    assert result.returncode == 0, result.output
    assert "Eigen werkblad" in (result.site / "werkbladen/eigen-werkblad/index.html").read_text(encoding="utf-8")
    assert "werkbladen/eigen-werkblad/" in (result.site / "werkwijzen/oefenronde/index.html").read_text(encoding="utf-8")
    pdfs = render_pdfs(every_kind_project, result.site)
    assert pdfs.returncode == 0, pdfs.stderr
    assert (result.site / "werkbladen/eigen-werkblad.pdf").read_bytes().startswith(b"%PDF")
    assert (result.site / "werkmappen/oefenronde.pdf").exists()
