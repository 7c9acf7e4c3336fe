"""The engine's words (macros/words.py, macros/languages/): one language file per language, a fork's
own words under `words:` in handboek.yml, and a handbook in English with no Dutch on any page."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.words import Words

from .conftest import copy_project
from .language_site import (
    ENGLISH_SETTINGS, WERKVORM_SETTINGS, build_language_site, english_data, werkvorm_data,
)
from .page_words import dutch_found, language_keys, shown_text


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_language_site(tmp_path_factory.mktemp("english"), ENGLISH_SETTINGS, english_data())


@pytest.fixture(scope="module")
def werkvorm_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_language_site(tmp_path_factory.mktemp("werkvorm"), WERKVORM_SETTINGS, werkvorm_data())


def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_both_language_files_have_the_same_texts() -> None:
    assert language_keys("nl") == language_keys("en")


def test_a_text_follows_the_word_it_names() -> None:
    words = Words("nl", {"method": "werkvorm", "methods": "werkvormen"})
    assert words.finder_form_label == "Werkvormen filteren"
    assert words.fill("js_finder_count", shown=2, all=3) == "2 van 3 werkvormen"


def test_both_languages_fill_in_the_same_values() -> None:
    dutch, english = Words("nl"), Words("en")
    differing = {
        key: (dutch[key], english[key]) for key in dutch
        if set(re.findall(r"\{(\w+)\}", dutch[key])) != set(re.findall(r"\{(\w+)\}", english[key]))
    }
    assert not differing


def test_an_english_handbook_shows_no_dutch_on_any_page(english_site: Path) -> None:
    pages = pages_of(english_site)
    assert len(pages) > 20  # every item page, every section, the engine pages and the 404 page
    problems = [problem for page in pages for problem in dutch_found(shown_text(page), page.relative_to(english_site).as_posix())]
    assert not problems, "\n".join(problems[:40])


def test_an_english_handbook_tells_browsers_and_search_its_language(english_site: Path) -> None:
    home = (english_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html[^>]* lang="en"', home)
    index = (english_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["en"]' in index.replace(" ", "")


def test_english_pages_show_the_english_words(english_site: Path) -> None:
    method = shown_text(english_site / "werkwijzen" / "round" / "index.html")
    assert "Group size" in method and "4–12 participants" in method and "Exploring" in method
    sheet = shown_text(english_site / "werkbladen" / "round-notes" / "index.html")
    assert "Print" in sheet and "Download PDF" in sheet
    missing = shown_text(english_site / "404.html")
    assert "Page not found" in missing and "Search" in missing


def test_a_fork_word_reaches_navigation_overview_finder_and_items(werkvorm_site: Path) -> None:
    overview = shown_text(werkvorm_site / "werkwijzen" / "index.html")
    navigation_and_heading = overview.splitlines()
    assert "Werkvormen" in navigation_and_heading  # the menu entry and the page's heading
    assert "Werkvormen filteren" in overview  # the finder
    item = shown_text(werkvorm_site / "werkwijzen" / "rondje" / "index.html")
    assert "Werkvorm" in item.splitlines()  # the item's tag
    planner = shown_text(werkvorm_site / "sessie-plannen" / "index.html")
    assert "Zoek een werkvorm of stap" in planner
    sheets = shown_text(werkvorm_site / "werkbladen" / "index.html")
    assert "Per werkvorm of competentie" in sheets


def test_a_fork_word_leaves_the_engine_word_nowhere(werkvorm_site: Path) -> None:
    problems = [
        f"{page.relative_to(werkvorm_site).as_posix()}: …{text[max(0, match.start() - 40):match.end() + 40]}…"
        for page in pages_of(werkvorm_site)
        for text in [shown_text(page).replace("\n", " | ")]
        for match in re.finditer("werkwijze", text, flags=re.IGNORECASE)
    ]
    assert not problems, "\n".join(problems[:40])


def test_check_refuses_an_unknown_word_naming_file_line_and_the_known_words(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    settings = project / "handboek.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "words:\n  method: werkvorm\n  werkwijze: werkvorm\n", encoding="utf-8")
    line = len(settings.read_text(encoding="utf-8").splitlines())
    result = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project, capture_output=True, text=True,
                            env={"PYTHONPATH": str(project), "PATH": ""})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"handboek.yml:{line}" in output and "words.werkwijze" in output
    assert "methods" in output and "js_planner_break" in output  # the known keys
    assert "Traceback" not in output


def test_check_refuses_an_unknown_language(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    settings = project / "handboek.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "language: de\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project, capture_output=True, text=True,
                            env={"PYTHONPATH": str(project), "PATH": ""})
    assert result.returncode != 0
    assert "language" in result.stdout + result.stderr and "nl, en" in result.stdout + result.stderr
