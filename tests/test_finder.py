"""The method finder: duration buckets, group sizes, facets against the data, and the cards on the built page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros import finder
from macros.handbook import Handbook, load_handbook
from macros.model import Duration, GroupSize

from .conftest import fixture_data
from .site_html import page_file

HANDBOOK: Handbook = load_handbook(fixture_data("every-kind"))
METHODS = HANDBOOK.entries("methods")
CARDS = finder.cards(HANDBOOK)
FACETS = finder.facets(HANDBOOK, CARDS)


def data_values(method_id: str) -> dict[str, set[str]]:
    """What each filter should know of a method, read straight from the data and the pages' links."""
    method = HANDBOOK.entry("methods", method_id).item
    return {
        "fase": set(method.phases),
        "setting": set(method.settings),
        "duur": set(finder.duration_buckets(finder.planned_duration(method))),
        "rol": set(method.roles),
        "discipline": {entry.id for entry in HANDBOOK.linked("methods", method_id, "disciplines")},
        "competentie": {entry.id for entry in HANDBOOK.linked("methods", method_id, "competences")},
        "bron": {reference.source for reference in method.sources},
    }


def expected_methods(query: dict[str, list[str]]) -> list[str]:
    """The ids of the methods a reader should see for a finder address: OR within a filter, AND across."""
    return [
        entry.id
        for entry in METHODS
        if all(set(chosen) & data_values(entry.id)[key] for key, chosen in query.items() if chosen)
    ]


@pytest.mark.parametrize(("duration", "buckets"), [
    (Duration(minutes_min=20, minutes_max=20), ("tot-1-uur",)),
    (Duration(minutes_min=60, minutes_max=60), ("tot-1-uur",)),
    (Duration(minutes_min=61, minutes_max=90), ("1-tot-3-uur",)),
    (Duration(minutes_min=45, minutes_max=90), ("tot-1-uur", "1-tot-3-uur")),
    (Duration(minutes_max=150), ("1-tot-3-uur",)),
    (Duration(minutes_min=240, minutes_max=480), ("dagdeel-tot-dag",)),
    (Duration(minutes_min=600), ("meerdere-dagdelen",)),
    (Duration(half_days=1), ("dagdeel-tot-dag",)),
    (Duration(half_days=4), ("meerdere-dagdelen",)),
    (Duration(half_days=8, months=9), ("meerdere-dagdelen",)),
    (Duration(note="Zes stappen over anderhalve maand."), ()),
    (None, ()),
])
def test_duration_bucket(duration: Duration | None, buckets: tuple[str, ...]) -> None:
    assert finder.duration_buckets(duration) == buckets


def test_methods_with_known_minutes_land_in_the_bucket_of_their_minutes() -> None:
    timed = [entry for entry in METHODS if entry.item.duration and entry.item.duration.minutes_max]
    assert timed, "geen werkwijze met een duur in minuten in de gegevens"
    for entry in timed:
        minutes = entry.item.duration.minutes_max
        bucket = "tot-1-uur" if minutes <= 60 else "1-tot-3-uur" if minutes <= 180 else "dagdeel-tot-dag" if minutes <= 480 else "meerdere-dagdelen"
        assert bucket in finder.duration_buckets(entry.item.duration), entry.id


@pytest.mark.parametrize("entry", METHODS, ids=lambda entry: entry.id)
def test_card_values_equal_the_data(entry) -> None:
    assert {key: set(values) for key, values in finder.method_values(HANDBOOK, entry.id).items()} == data_values(entry.id)


def test_every_facet_offers_exactly_the_values_methods_have() -> None:
    assert [facet.key for facet in FACETS] == ["fase", "setting", "duur", "rol", "discipline", "competentie", "bron"]
    for facet in FACETS:
        used = set().union(*(data_values(entry.id)[facet.key] for entry in METHODS))
        assert {option.value for option in facet.options} == used, facet.key
    labels = {facet.key: {option.value: option.label for option in facet.options} for facet in FACETS}
    assert all(HANDBOOK.lists.label("phases", value) == label for value, label in labels["fase"].items())
    assert all(HANDBOOK.lists.label("settings", value) == label for value, label in labels["setting"].items())
    assert all(HANDBOOK.entry("roles", value).title == label for value, label in labels["rol"].items())
    assert all(HANDBOOK.entry("sources", value).title == label for value, label in labels["bron"].items())


def test_card_attributes_are_html_escaped() -> None:
    card = finder.Card(entry=METHODS[0], values={"fase": ('a"<b>',)}, group_size=GroupSize(min=3), duration=None)
    assert str(finder.card_attributes(card)) == 'data-fase="a&#34;&lt;b&gt;" data-deelnemers-min="3"'


class CardParser(HTMLParser):
    """The finder cards of a built page: their data attributes and the first link in each."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[dict[str, str]] = []
        self._open = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "li" and "data-hb-finder-card" in attributes:
            self.cards.append(attributes)
            self._open = 1
        elif tag == "li" and self._open:
            self._open += 1
        elif tag == "a" and self._open and "href" not in self.cards[-1]:
            self.cards[-1]["href"] = attributes.get("href", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._open:
            self._open -= 1


def test_every_method_card_on_the_built_page_carries_its_data(every_kind_site: Path) -> None:
    parser = CardParser()
    parser.feed(page_file(every_kind_site, "werkwijzen/index.md").read_text(encoding="utf-8"))
    assert [card["href"] for card in parser.cards] == [entry.id + "/" for entry in METHODS]
    for card, entry in zip(parser.cards, METHODS):
        shown = {key: set(card[f"data-{key}"].split()) for key in data_values(entry.id)}
        assert shown == data_values(entry.id), entry.id
        size = finder.known_group_size(entry.item.group_size)
        assert card.get("data-deelnemers-min") == (str(size.min) if size and size.min is not None else None)
        assert card.get("data-deelnemers-max") == (str(size.max) if size and size.max is not None else None)
