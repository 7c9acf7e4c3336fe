"""The reference handbook has the content of all its sources, its theme pages and its home page routes."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.handbook import Handbook, load_handbook

from ..conftest import ROOT
from ..site_html import page_file, visible_text

HANDBOOK: Handbook = load_handbook(ROOT / "data")


REQUIRED = {
    "methods": {
        "batesonmodel", "vernieuwend-werken", "leernetwerk-werken-volgens-de-bedoeling",
        "dialogische-benadering-invoeren", "zorgen-bespreken", "toekomstdialoog", "opwarmdialogen",
        "vijf-dialogische-ruimten", "scma-zorgen-van-het-leiderschap", "scma-zorgen-van-eindgebruikers",
        "learning-cafe", "puimala-dialoog", "brown-paper-sessie", "batenlogica-opstellen",
        "waar-word-je-blij-van", "werkdrukinventarisatie", "expliciteersessies", "vertragen", "kletspot",
    },
    "cases": {"santa-casa-amadora", "emilia-romagna", "forli-cesena", "pudasjarvi", "sws-balans", "nji-vier-organisaties"},
    "competences": {
        "vernieuwingsgericht-handelen", "vraaggericht-handelen", "samenwerkingsgericht-handelen",
        "interactief-leervermogen", "kenniscreatie",
    },
    "disciplines": {"persoonlijk-meesterschap", "mentale-modellen", "gedeelde-visie", "teamleren", "systeemdenken"},
    "roles": {"stuurgroep", "facilitator", "tutor", "supportgroep", "stakeholders", "kerngroep", "adviseur"},
}


@pytest.mark.parametrize("kind", list(REQUIRED))
def test_handbook_has_the_content_of_all_sources(kind: str) -> None:
    assert REQUIRED[kind] <= set(HANDBOOK.items[kind])


def test_every_source_document_is_cited() -> None:
    seeds = {source.seed for source in HANDBOOK.items["sources"].values() if source.seed}
    assert len(seeds) == 5
    practice_examples = [case for case in HANDBOOK.items["cases"].values() if case.type == "praktijkvoorbeeld"]
    assert len(practice_examples) >= 10
    assert all(case.organisation is None for case in practice_examples)


def test_home_page_offers_three_routes(built_site: Path) -> None:
    text = visible_text(built_site / "index.html")
    for route in ("Lezen en kiezen", "Werkbladen printen", "Eigen handboek maken"):
        assert route in text


@pytest.mark.parametrize("theme", ["werken-volgens-de-bedoeling", "dialogische-benadering", "lerende-organisatie", "batesonmodel"])
def test_thematic_introductions_exist(built_site: Path, theme: str) -> None:
    page = page_file(built_site, f"themas/{theme}.md")
    assert len(visible_text(page)) > 2000
