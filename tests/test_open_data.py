"""Open data: the built site publishes every kind as JSON with its schema, and the page links them."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from macros.handbook import load_handbook
from macros.model import KINDS
from macros.open_data import plain
from macros.settings import load_settings

from .conftest import ROOT, fixture_data
from .site_html import page_file, parse, resolve


def load(site: Path, name: str) -> object:
    return json.loads((site / "open-data" / name).read_text(encoding="utf-8"))


def test_every_kind_is_published_with_its_schema_and_validates(every_kind_site: Path) -> None:
    handbook = load_handbook(fixture_data("every-kind"))
    for kind in KINDS:
        items = load(every_kind_site, f"{kind}.json")
        schema = load(every_kind_site, f"{kind}.schema.json")
        Draft202012Validator.check_schema(schema)
        errors = [error.message for error in Draft202012Validator(schema).iter_errors(items)]
        assert errors == [], kind
        assert [item["id"] for item in items] == sorted(handbook.items[kind]), kind


def test_items_hold_the_fields_of_the_data(every_kind_site: Path) -> None:
    handbook = load_handbook(fixture_data("every-kind"))
    for kind in KINDS:
        published = {item.pop("id"): item for item in load(every_kind_site, f"{kind}.json")}
        for item_id, item in handbook.items[kind].items():
            assert published[item_id] == plain(item), (kind, item_id)


def test_index_lists_every_file_with_its_count_and_licence(every_kind_site: Path) -> None:
    handbook = load_handbook(fixture_data("every-kind"))
    index = load(every_kind_site, "index.json")
    assert index["licence"]["name"] == load_settings(ROOT).licence.name
    listed = {dataset["kind"]: dataset for dataset in index["datasets"]}
    assert set(listed) == set(KINDS)
    for kind, dataset in listed.items():
        assert dataset["count"] == len(handbook.items[kind]) > 0
        assert (every_kind_site / "open-data" / dataset["data"]).is_file()
        assert (every_kind_site / "open-data" / dataset["schema"]).is_file()


def test_open_data_page_links_every_file(every_kind_site: Path) -> None:
    page = page_file(every_kind_site, "open-data.md")
    links = {resolve(every_kind_site, page, href)[0] for href in parse(page).links}
    expected = {every_kind_site / "open-data" / f"{kind}{suffix}" for kind in KINDS for suffix in (".json", ".schema.json")}
    expected.add(every_kind_site / "open-data" / "index.json")
    assert expected <= links
