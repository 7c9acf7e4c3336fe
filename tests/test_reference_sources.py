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
