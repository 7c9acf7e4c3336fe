"""From a competence to practice, on a handbook of its own (tests/practice_site.py): the competence page
lists what trains it once, and a self-assessment sheet embeds per competence what trains it."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .practice_site import (
    ASKING, ASKING_METHOD, ASKING_SUMMARY, LISTENING, LISTENING_METHOD, LISTENING_SHEET, LISTENING_SHEET_PURPOSE,
    LISTENING_SELF_ASSESSMENT, LISTENING_SUMMARY, SELF_ASSESSMENT, SELF_ASSESSMENT_PAGE, build_practice_site,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_practice_site(tmp_path_factory.mktemp("practice"))


class Sections(HTMLParser):
    """The text and the links of each h2 section of a page's article."""

    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, str] = {}
        self.links: dict[str, list[str]] = {}
        self.current = ""
        self.in_heading = False
        self.in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.in_article |= tag == "article"
        if tag == "h2" and self.in_article:
            self.in_heading, self.current = True, ""
        if tag == "a" and self.current and "headerlink" not in (attributes.get("class") or ""):
            self.links.setdefault(self.current, []).append(attributes.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self.in_heading:
            self.in_heading = False
            self.text.setdefault(self.current, "")
        self.in_article &= tag != "article"

    def handle_data(self, data: str) -> None:
        if self.in_heading:
            self.current += data.strip().rstrip("¶")
        elif self.current and self.in_article:
            self.text[self.current] = self.text.get(self.current, "") + data


def sections(page: Path) -> Sections:
    parser = Sections()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_a_competence_page_lists_near_the_top_the_methods_and_worksheets_that_train_it(site: Path) -> None:
    page = sections(site / "competenties/luisteren/index.html")
    headings = list(page.text)
    assert headings.index("Oefenen in de praktijk") < headings.index("Context")
    practice = " ".join(page.text["Oefenen in de praktijk"].split())
    assert f"{LISTENING_METHOD} (werkwijze): {LISTENING_SUMMARY}" in practice
    assert f"{LISTENING_SHEET} (werkblad): {LISTENING_SHEET_PURPOSE}" in practice
    assert ASKING_METHOD not in practice
    assert page.links["Oefenen in de praktijk"] == [
        "../../werkbladen/zelfbeoordeling-luisteren/", "../../werkwijzen/luisteroefening/", "../../werkbladen/luisterverslag/",
    ]
    assert f"Waar sta je nu? Vul op het scherm {LISTENING_SELF_ASSESSMENT} in" in practice


def test_what_the_practice_section_lists_is_not_repeated_under_verbonden(site: Path) -> None:
    page = sections(site / "competenties/luisteren/index.html")
    connected = page.text["Verbonden"]
    assert LISTENING_METHOD not in connected and LISTENING_SHEET not in connected
    assert LISTENING_SELF_ASSESSMENT not in connected
    assert "Proefprofiel" in connected


def test_a_competence_page_shows_the_text_of_a_summary_as_text(site: Path) -> None:
    html = (site / "competenties/vragen/index.html").read_text(encoding="utf-8")
    assert "<b>niet</b>" not in html
    assert ASKING_SUMMARY in " ".join(sections(site / "competenties/vragen/index.html").text["Oefenen in de praktijk"].split())


def embedded_practice(html: str) -> dict:
    match = re.search(r'<script type="application/json" data-hb-practice>(.*?)</script>', html, re.S)
    assert match, "geen gegevens voor de samenvatting in de pagina"
    return json.loads(match.group(1))


def test_a_self_assessment_embeds_per_rated_competence_what_trains_it_with_working_links(site: Path) -> None:
    page = site / SELF_ASSESSMENT_PAGE / "index.html"
    practice = embedded_practice(page.read_text(encoding="utf-8"))
    assert {competence: value["name"] for competence, value in practice.items()} == {"luisteren": LISTENING, "vragen": ASKING}
    assert [entry["title"] for entry in practice["luisteren"]["practice"]] == [LISTENING_METHOD, LISTENING_SHEET]
    assert [entry["title"] for entry in practice["vragen"]["practice"]] == [ASKING_METHOD]
    assert practice["vragen"]["practice"][0]["summary"] == ASKING_SUMMARY
    for entry in practice["luisteren"]["practice"] + practice["vragen"]["practice"]:
        assert (page.parent / entry["url"] / "index.html").resolve().is_file(), entry["url"]
    assert SELF_ASSESSMENT not in json.dumps(practice, ensure_ascii=False)


def test_the_embedded_data_cannot_end_its_script_element(site: Path) -> None:
    html = (site / SELF_ASSESSMENT_PAGE / "index.html").read_text(encoding="utf-8")
    match = re.search(r"data-hb-practice>(.*?)</script>", html, re.S)
    assert match and "<" not in match.group(1) and "&" not in match.group(1)


def test_each_rated_row_has_a_labelled_radio_per_score_and_names_its_competence(site: Path) -> None:
    html = (site / SELF_ASSESSMENT_PAGE / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-hb-competence="([^"]+)"><th scope="row" id="([^"]+)">([^<]+)</th>(.*?)</tr>', html)
    assert [(competence, text) for competence, _id, text, _cells in rows] == [("luisteren", LISTENING), ("vragen", ASKING)]
    for _competence, row_id, _text, cells in rows:
        radios = re.findall(r'<input type="radio"[^>]*name="([^"]+)" value="(\d)" aria-labelledby="([^"]+)"', cells)
        assert [value for _name, value, _label in radios] == ["1", "2", "3", "4", "5"]
        for name, value, label in radios:
            row_label, score_label = label.split()
            assert name == row_id == row_label
            assert re.search(rf'<th scope="col"[^>]*id="{score_label}">{value}</th>', html)


def test_a_self_assessment_of_one_competence_rates_each_indicator_and_suggests_for_that_competence(site: Path) -> None:
    html = (site / "werkbladen/zelfbeoordeling-luisteren/index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-hb-competence="([^"]+)"><th scope="row" id="[^"]+">([^<]+)</th>', html)
    assert rows == [("luisteren", "Je laat de ander uitpraten."), ("luisteren", "Je vat samen wat je hoorde.")]
    practice = embedded_practice(html)
    assert list(practice) == ["luisteren"]
    assert [entry["title"] for entry in practice["luisteren"]["practice"]] == [LISTENING_METHOD, LISTENING_SHEET]
