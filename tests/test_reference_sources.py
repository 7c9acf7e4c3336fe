"""Reference content: every item says where in its sources it comes from, and names a work that a
source only cites as cited in that source."""

from __future__ import annotations

import re

import pytest

from macros.handbook import KIND_INFO, load_handbook

from .conftest import ROOT

HANDBOOK = load_handbook(ROOT / "data")
CITING = [entry for kind in KIND_INFO if kind != "sources" for entry in HANDBOOK.entries(kind)]
SEEN_IN_SEEDS = {entry.id for entry in HANDBOOK.entries("sources") if entry.item.seed or entry.item.url}


@pytest.mark.parametrize("entry", CITING, ids=lambda entry: entry.path)
def test_every_source_reference_has_a_locator(entry) -> None:
    assert entry.item.sources, "een onderdeel noemt minstens één bron"
    assert [ref.source for ref in entry.item.sources if not ref.locator] == []


@pytest.mark.parametrize("entry", CITING, ids=lambda entry: entry.path)
def test_sources_are_works_the_handbook_read(entry) -> None:
    assert [ref.source for ref in entry.item.sources if ref.source not in SEEN_IN_SEEDS] == []


NAMED = {  # a work named in an item's text: the id it must be listed under (as cited or read)
    r"\bSenge\b": "senge-1990",
    r"Prins \(2010\)": "prins-2010",
    r"Van Yperen|van Yperen": "van-yperen-hageraats",
    r"Van de Voet|van de Voet": "van-de-voet-wijkteams",
    r"Weerheijm": "weerheijm-2023",
    r"Eriksson en Arnkil, 2009": "eriksson-arnkil-2009",
    r"Ontmanager": "verheggen-de-ontmanager",
}


@pytest.mark.parametrize("entry", CITING, ids=lambda entry: entry.path)
def test_a_work_the_text_names_is_listed_as_cited(entry) -> None:
    text = repr(entry.item)
    listed = {work for ref in entry.item.sources for work in (ref.source, *ref.cites)}
    missing = [work for pattern, work in NAMED.items() if re.search(pattern, text) and work not in listed]
    assert missing == []


BRON_LINES = [
    (path, line)
    for path in sorted((ROOT / "pages").rglob("*.md"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if "Bron:" in line
]
SOURCE_LINK = re.compile(r"\[[^\]]+\]\([^)]*bronnen/[^)]+\)")
CREDIT = re.compile(r"\s*\([^()]*\)")  # "(Nederlands Jeugdinstituut, 2020)" between link and locator


def sources_without_locator(line: str) -> list[str]:
    missing = []
    for link in SOURCE_LINK.finditer(line):
        rest = line[link.end():]
        credit = CREDIT.match(rest)
        rest = rest[credit.end():] if credit else rest
        locator = re.match(r",\s*([^\[.;][^\[]*)", rest)
        if not locator or not locator.group(1).strip(" .;"):
            missing.append(link.group(0))
    return missing


@pytest.mark.parametrize(("path", "line"), BRON_LINES, ids=lambda value: getattr(value, "name", ""))
def test_every_bron_line_of_a_page_gives_a_locator_after_each_source(path, line) -> None:
    assert SOURCE_LINK.search(line), f"{path.name}: de regel 'Bron:' linkt geen bronpagina"
    assert sources_without_locator(line) == []


def test_the_pages_have_bron_lines() -> None:
    assert {path.parent.name for path, _ in BRON_LINES} >= {"themas"}
