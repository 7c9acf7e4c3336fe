"""Session plans: the loader checks their methods and steps, their pages show the agenda computed
from the data, the methods they use link back to them, and the planner gets their data safely."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from macros.handbook import Handbook
from macros.loader import DataErrors, load_data
from macros.planner import planner_payload, script_json

from .conftest import fixture_data
from .site_html import page_file, parse, resolve, visible_text
from .test_loader import VALID_SOURCE, write
from .test_site import HANDBOOK

PLAN_FILES = sorted((fixture_data("every-kind") / "plans").glob("*.yaml"))
METHOD = (
    "title: Kletsen\nsummary: S\npurpose: P\nsources: [bron]\n"
    "steps:\n  - title: Vragen verzamelen\n    duration: {minutes_min: 10, minutes_max: 10}\n  - title: Bespreken\n"
)


def plan_text(item: str) -> str:
    return f"title: Plan\nsummary: S\nsources: [bron]\nitems:\n  - title: Welkom\n    minutes: 5\n{item}"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    write(data, "sources/bron.yaml", VALID_SOURCE)
    write(data, "methods/kletsen.yaml", METHOD)
    return data


def problems(data: Path) -> list[tuple[str, int, str, str]]:
    with pytest.raises(DataErrors) as raised:
        load_data(data)
    return [(error.path.name, error.line, error.field, error.message) for error in raised.value.errors]


# ── Loader ────────────────────────────────────────────────────────────────────


def test_every_plan_file_loads() -> None:
    assert PLAN_FILES, "geen sessieplannen in de proefgegevens"
    assert set(HANDBOOK.items["plans"]) == {path.stem for path in PLAN_FILES}


def test_a_plan_naming_a_step_of_its_method_loads(data: Path) -> None:
    write(data, "plans/plan.yaml", plan_text("  - method: kletsen\n    step: Bespreken\n    minutes: 20\n"))
    plan = load_data(data).items["plans"]["plan"]
    assert [item.minutes for item in plan.items] == [5, 20]
    assert plan.starts == (0, 5)
    assert plan.total_minutes == 25


def test_an_unknown_step_is_reported_with_file_line_and_the_steps_there_are(data: Path) -> None:
    write(data, "plans/plan.yaml", plan_text("  - method: kletsen\n    step: Afsluiten\n    minutes: 20\n"))
    [(name, line, field, message)] = problems(data)
    assert (name, line, field) == ("plan.yaml", 8, "items[2].step")
    assert "geen stap 'Afsluiten'" in message
    assert "'Vragen verzamelen'; 'Bespreken'" in message


def test_an_unknown_method_is_reported_once_with_file_and_line(data: Path) -> None:
    write(data, "plans/plan.yaml", plan_text("  - method: kletspot\n    step: Bespreken\n    minutes: 20\n"))
    [(name, line, field, message)] = problems(data)
    assert (name, line, field) == ("plan.yaml", 7, "items[2].method")
    assert "onbekende id 'kletspot'" in message


@pytest.mark.parametrize(
    ("item", "field", "expected"),
    [
        ("  - step: Bespreken\n    minutes: 20\n", "items[2].step", "vul ook method in"),
        ("  - minutes: 20\n", "items[2].title", "geef een titel"),
        ("  - title: Pauze\n    minutes: 0\n", "items[2].minutes", "verwacht een geheel getal van 1 tot en met 1440, gevonden het getal 0"),
        ("  - title: Pauze\n    minutes: 20\n    worksheets: [blad]\n", "items[2].worksheets", "onbekende id 'blad'"),
    ],
    ids=["step-without-method", "no-title", "no-minutes", "unknown-worksheet"],
)
def test_a_bad_plan_item_is_reported_with_its_field(data: Path, item: str, field: str, expected: str) -> None:
    write(data, "plans/plan.yaml", plan_text(item))
    [(name, _line, found_field, message)] = problems(data)
    assert (name, found_field) == ("plan.yaml", field)
    assert expected in message


def test_references_inside_plan_items_link_both_ways(data: Path) -> None:
    write(data, "plans/plan.yaml", plan_text("  - method: kletsen\n    minutes: 20\n"))
    handbook = Handbook(load_data(data))
    assert [entry.id for entry in handbook.linked("methods", "kletsen", "plans")] == ["plan"]
    assert [entry.id for entry in handbook.linked("plans", "plan", "methods")] == ["kletsen"]


# ── Planner data ──────────────────────────────────────────────────────────────


def test_script_json_cannot_end_the_script_element() -> None:
    value = {"title": "</script><script>alert(1)</script> & <!--"}
    text = str(script_json(value))
    assert not set("<>&") & set(text)
    assert json.loads(text) == value


def test_planner_data_has_every_method_step_worksheet_and_plan() -> None:
    payload = planner_payload(HANDBOOK, "sessie-plannen.md")
    methods = {method["id"]: method for method in payload["methods"]}
    assert set(methods) == set(HANDBOOK.items["methods"])
    assert set(payload["worksheets"]) == set(HANDBOOK.items["worksheets"])
    assert [plan["id"] for plan in payload["plans"]] == [entry.id for entry in HANDBOOK.entries("plans")]
    for method_id, method in HANDBOOK.items["methods"].items():
        steps = methods[method_id]["steps"]
        assert [step["title"] for step in steps] == [step.title for step in method.steps]
        for shown, step in zip(steps, method.steps):
            if step.duration and step.duration.minutes_max:
                assert shown["minutes"] == step.duration.minutes_max
    for sheet_id, sheet in HANDBOOK.items["worksheets"].items():
        if sheet.method and sheet.step:
            [step] = [step for step in methods[sheet.method]["steps"] if step["title"] == sheet.step]
            assert sheet_id in step["worksheets"]


def test_planner_data_carries_what_the_facilitator_needs_per_block(data: Path) -> None:
    write(data, "methods/kring.yaml", (
        "title: Kring\nsummary: S\npurpose: P\nsources: [bron]\n"
        "invitation: Wat gaf jou deze week energie?\nconfigurations: [alleen, tweetallen]\n"
        "materials: [Flappen, Stiften]\npreparation: [Stoelen in een kring]\n"
        "steps:\n  - title: Ronde\n    who: Iedereen om de beurt\n    duration: {minutes_min: 10, minutes_max: 15}\n"
        "  - title: Oogst\n    who: De begeleider schrijft mee\n    duration: {minutes_min: 5, minutes_max: 5}\n"
    ))
    write(data, "methods/vermelding.yaml", (
        "title: Vermelding\nsummary: S\npurpose: P\nsources: [bron]\nbrief: true\n"
        "steps:\n  - title: Iets\n    duration: {minutes_min: 10, minutes_max: 10}\n"
    ))
    payload = planner_payload(Handbook(load_data(data)), "sessie-plannen.md")
    methods = {method["id"]: method for method in payload["methods"]}
    kring = methods["kring"]
    assert kring["invitation"] == "Wat gaf jou deze week energie?"
    assert kring["materials"] == ["Flappen", "Stiften"]
    assert kring["preparation"] == ["Stoelen in een kring"]
    assert kring["configurations"] == "Alleen, in tweetallen"
    assert [(step["who"], step["minutes"]) for step in kring["steps"]] == [
        ("Iedereen om de beurt", 15), ("De begeleider schrijft mee", 5),
    ]
    assert kring["minutes"] == 20, "without a duration of its own, a method takes the sum of its steps"
    assert methods["vermelding"]["brief"] is True
    assert methods["vermelding"]["minutes"] is None
    assert methods["vermelding"]["configurations"] is None
    assert [step["minutes"] for step in methods["vermelding"]["steps"]] == [None]


# ── The built site ────────────────────────────────────────────────────────────


def raw_plan(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def agenda_rows(page: Path) -> list[list[str]]:
    source = page.read_text(encoding="utf-8")
    table = re.search(r'<h2 id="agenda".*?<table>(.*?)</table>', source, re.S).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    cell_text = lambda cell: " ".join(html.unescape(re.sub(r"<[^>]+>", "", cell)).split())
    return [[cell_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows]


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda path: path.stem)
def test_plan_page_shows_start_times_minutes_and_total_from_the_data(every_kind_site: Path, path: Path) -> None:
    items = raw_plan(path)["items"]
    rows = agenda_rows(page_file(every_kind_site, f"sessies/{path.stem}.md"))
    assert len(rows) == len(items) + 1
    elapsed = 0
    for row, item in zip(rows, items):
        assert row[0] == clock(elapsed)
        assert row[1] == str(item["minutes"])
        if item.get("title"):
            assert row[2] == " ".join(item["title"].split())
        elapsed += item["minutes"]
    assert rows[-1][0] == clock(elapsed)
    assert rows[-1][1] == str(elapsed)


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda path: path.stem)
def test_plan_page_lists_the_worksheets_and_opens_in_the_planner(every_kind_site: Path, path: Path) -> None:
    page = page_file(every_kind_site, f"sessies/{path.stem}.md")
    sheets = {sheet for item in raw_plan(path)["items"] for sheet in item.get("worksheets", [])}
    text = visible_text(page)
    links = parse(page).links
    if sheets:
        assert "Mee te nemen werkbladen" in text
    for sheet in sheets:
        assert f"../../werkbladen/{sheet}/" in links
        assert HANDBOOK.entry("worksheets", sheet).title in text
    [planner] = [link for link in links if link.endswith(f"?plan={path.stem}")]
    target, _anchor = resolve(every_kind_site, page, planner)
    assert target == page_file(every_kind_site, "sessie-plannen.md")


def test_method_pages_link_to_the_plans_that_use_them(every_kind_site: Path) -> None:
    checked = 0
    for path in PLAN_FILES:
        plan = raw_plan(path)
        methods = {plan.get("method")} | {item.get("method") for item in plan["items"]}
        for method in methods - {None}:
            page = page_file(every_kind_site, f"werkwijzen/{method}.md")
            assert f"../../sessies/{path.stem}/" in parse(page).links, f"{method} mist een link naar {path.stem}"
            assert "Sessieplannen" in visible_text(page)
            checked += 1
    assert checked > 0


def test_planner_page_embeds_the_data_of_every_method_and_plan(every_kind_site: Path) -> None:
    source = page_file(every_kind_site, "sessie-plannen.md").read_text(encoding="utf-8")
    embedded = re.search(r'<script type="application/json" id="hb-planner-data">(.*?)</script>', source, re.S)
    payload = json.loads(embedded.group(1))
    assert {method["id"] for method in payload["methods"]} == set(HANDBOOK.items["methods"])
    assert {plan["id"] for plan in payload["plans"]} == {path.stem for path in PLAN_FILES}
    page = page_file(every_kind_site, "sessie-plannen.md")
    for sheet in payload["worksheets"].values():
        target, _anchor = resolve(every_kind_site, page, sheet["url"])
        assert target.exists(), sheet["url"]


def test_planner_links_follow_how_the_build_names_pages() -> None:
    sheet = HANDBOOK.entries("worksheets")[0]
    online = planner_payload(HANDBOOK, "sessie-plannen.md")["worksheets"][sheet.id]["url"]
    offline = planner_payload(HANDBOOK, "sessie-plannen.md", directory_urls=False)["worksheets"][sheet.id]["url"]
    assert online == f"../werkbladen/{sheet.id}/"
    assert offline == f"werkbladen/{sheet.id}.html"
