"""An organisation forks the handbook from an upstream commit, switches the reference content off, adds its
own, and later takes upstream's changes with `git merge`: no conflict, its site shows upstream's engine
changes and none of upstream's content changes."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from .conftest import PROJECT_PARTS, ROOT, build
from .page_words import dutch_found, shown_text
from .site_html import visible_text

# Words that only the reference content uses: none of them may reach a fork that switched it off.
REFERENCE_WORDS = ("Bateson", "Senge", "dialogisch", "SWS", "tutor", "Dialogical-Work", "BLNQ", "jeugdhulp")
TITLE = "Werkvormenbank Gemeente Voorbeeld"
COLOUR = "#00695c"
LOGO = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Gemeente Voorbeeld</title><rect width="10" height="10" fill="{COLOUR}"/></svg>'
METHOD_COUNT = 30
PHASES = ("aanmelden", "kennismaken", "onderzoeken", "kiezen", "doen", "afsluiten")  # six, none of the reference's
UPSTREAM_PARTS = (*(part for part in PROJECT_PARTS if part != "eigen"), "pyproject.toml")  # upstream has no eigen/
ENGINE_MARK = "hb-upstream-engine-change"


def git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=folder, env=env, capture_output=True, text=True)


def macros_cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=project,
                          env={**os.environ, "PYTHONPATH": str(project)}, capture_output=True, text=True)


def make_upstream(folder: Path) -> Path:
    folder.mkdir()
    for part in UPSTREAM_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, folder / part)
    (folder / ".gitignore").write_text("site/\n__pycache__/\n", encoding="utf-8")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    assert git(folder, "commit", "-q", "-m", "upstream").returncode == 0
    return folder


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def png() -> bytes:
    """A one-pixel PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00\x69\x5c")) + chunk(b"IEND", b"")


# The fork's own words, in Dutch with its own name for a method, or in English.
FORK_TEXTS = {
    "nl": {
        "settings": "words:\n  method: werkvorm\n  methods: werkvormen\n", "description": "Werkvormen voor teams van de gemeente.",
        "intro": "Alle werkvormen die onze teams gebruiken, met wie ze bedacht heeft.", "phase": "Fase",
        "source": "Het werkvormenboek van de gemeente", "source_summary": "De werkvormen zoals de teams ze gebruiken.",
        "sheet": "Terugblik op de werkvorm", "sheet_purpose": "Vastleggen wat werkte.", "prompt": "Wat werkte?",
        "plan": "Teamochtend", "plan_summary": "Een ochtend met twee werkvormen.", "parts": ("Opening", "Koffie", "Verdieping"),
        "method": "Werkvorm {number:02} voor het team", "method_summary": "Een werkvorm om samen te leren, nummer {number}.",
        "purpose": "Het team leert van wat het deed.", "link": "In de werkvormenbank", "alt": "Schets van de opstelling",
    },
    "en": {
        "settings": "language: en\n", "description": "Activities for the town's teams.",
        "intro": "All activities our teams use, with who made them.", "phase": "Stage",
        "source": "The town's activity book", "source_summary": "The activities as the teams use them.",
        "sheet": "Looking back on the activity", "sheet_purpose": "Record what worked.", "prompt": "What worked?",
        "plan": "Team morning", "plan_summary": "A morning with two activities.", "parts": ("Welcome", "Coffee", "Going deeper"),
        "method": "Activity {number:02} for the team", "method_summary": "An activity to learn together, number {number}.",
        "purpose": "The team learns from what it did.", "link": "In the activity bank", "alt": "Sketch of the room",
    },
}


def own_content(language: str = "nl") -> dict[str, str | bytes]:
    """The fork's own folder: settings, its own phases, a source, thirty methods with links and an image,
    a worksheet and a plan, in the fork's own words."""
    say = FORK_TEXTS[language]
    opening, coffee, deeper = say["parts"]
    files: dict[str, str | bytes] = {
        "eigen/data/lijsten.yaml": "phases:\n" + "".join(f"  - id: {phase}\n    label: {say['phase']} {phase}\n" for phase in PHASES),
        "eigen/data/afbeeldingen/werkvorm.png": png(),
        "eigen/handboek.yml": (
            f"title: {TITLE}\ndescription: {say['description']}\n"
            "organisation:\n  name: Gemeente Voorbeeld\n  logo: huisstijl/logo.svg\n"
            f'colours:\n  primary: "{COLOUR}"\n  accent: "#004d40"\n'
            "licence:\n  name: CC BY 4.0\n"
            f"home:\n  intro: {say['intro']}\n" + say["settings"]
        ),
        "eigen/huisstijl/logo.svg": LOGO,
        "eigen/data/sources/werkvormenboek.yaml": (
            f"title: {say['source']}\ntype: boek\nauthors: [Team Leren]\nyear: 2024\nsummary: {say['source_summary']}\n"
        ),
        "eigen/data/worksheets/terugblik.yaml": (
            f"title: {say['sheet']}\npurpose: {say['sheet_purpose']}\nmoment: na-afloop\n"
            "sources: [werkvormenboek]\nmethod: werkvorm-01\n"
            f"blocks:\n  - type: vraag\n    prompt: {say['prompt']}\n    lines: 4\n"
        ),
        "eigen/data/plans/teamochtend.yaml": (
            f"title: {say['plan']}\nsummary: {say['plan_summary']}\n"
            f"items:\n  - title: {opening}\n    method: werkvorm-01\n    minutes: 30\n"
            f"  - title: {coffee}\n    minutes: 15\n  - title: {deeper}\n    method: werkvorm-02\n    minutes: 45\n"
            "sources: [werkvormenboek]\n"
        ),
    }
    for number in range(1, METHOD_COUNT + 1):
        files[f"eigen/data/methods/werkvorm-{number:02}.yaml"] = (
            f"title: {say['method'].format(number=number)}\nsummary: {say['method_summary'].format(number=number)}\n"
            f"purpose: {say['purpose']}\nsources: [werkvormenboek]\nphases: [{PHASES[number % len(PHASES)]}]\n"
            f"links:\n  - title: {say['link']}\n    url: https://werkvormen.example.org/{number}\n"
            f"image:\n  file: data/afbeeldingen/werkvorm.png\n  alt: {say['alt']}\n"
        )
    return files


@pytest.fixture(scope="module")
def repos(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Upstream at a commit, and a fork cloned from it with its own content committed."""
    folder = tmp_path_factory.mktemp("fork")
    upstream = make_upstream(folder / "upstream")
    fork = folder / "fork"
    assert git(folder, "clone", "-q", str(upstream), str(fork)).returncode == 0
    write(fork, own_content())
    git(fork, "add", "-A")
    assert git(fork, "commit", "-q", "-m", "eigen handboek").returncode == 0
    return upstream, fork


def site_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "assets" not in path.parts)


def reference_words_in(site: Path) -> list[str]:
    found = []
    for page in site_pages(site):
        text = visible_text(page)
        found += [f"{page.relative_to(site)}: {word}" for word in REFERENCE_WORDS if word.casefold() in text.casefold()]
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    found += [f"search_index.json: {word}" for word in REFERENCE_WORDS if word.casefold() in index.casefold()]
    return found


def menu_titles(site: Path) -> list[str]:
    html = (site / "bronnen/index.html").read_text(encoding="utf-8")
    nav = html.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-content"', 1)[0]
    return re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', nav)


def test_the_fork_shows_only_its_own_content(repos: tuple[Path, Path]) -> None:
    _, fork = repos
    checked = macros_cli(fork, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"{METHOD_COUNT + 3} onderdelen in eigen/data" in checked.stdout
    result = build(fork)
    assert result.returncode == 0, result.output
    assert reference_words_in(result.site) == []
    home = visible_text(result.site / "index.html")
    assert TITLE in home and "Alle werkvormen die onze teams gebruiken" in home
    assert not (result.site / "themas").exists() and not (result.site / "eigen-handboek").exists()
    assert COLOUR in (result.site / "assets/css/site.css").read_text(encoding="utf-8")
    menu = menu_titles(result.site)
    # Only sections with items: no cases, competences, disciplines, roles or terms.
    for absent in ("Casussen", "Competenties", "Disciplines", "Rollen", "Begrippen"):
        assert absent not in menu
    for present in ("Werkvormen", "Werkbladen", "Bronnen"):
        assert present in menu
    assert not [page for page in site_pages(result.site) if "werkwijze" in visible_text(page).casefold()]
    overview = visible_text(result.site / "werkwijzen/index.html")
    assert sum(f"Werkvorm {number:02} voor het team" in overview for number in range(1, METHOD_COUNT + 1)) == METHOD_COUNT
    assert all(f"Fase {phase}" in overview for phase in PHASES)  # the finder offers the fork's own phases
    method = (result.site / "werkwijzen/werkvorm-07/index.html").read_text(encoding="utf-8")
    assert 'href="https://werkvormen.example.org/7"' in method and 'alt="Schets van de opstelling"' in method
    source = re.search(r'<img[^>]+src="([^"]+)"[^>]*alt="Schets van de opstelling"', method)
    assert source and (result.site / "werkwijzen/werkvorm-07" / source[1]).resolve().read_bytes() == png()


def upstream_changes(upstream: Path) -> str:
    """Upstream moves on: engine template, stylesheet and Python code, reference data edited, deleted and
    added, and a new setting with a default. Returns the new reference method's id."""
    template = upstream / "macros/templates/pages/home.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + f'\n<p class="{ENGINE_MARK}">Nieuw in de motor.</p>\n', encoding="utf-8")
    css = upstream / "docs/assets/css/handbook.css"
    css.write_text(css.read_text(encoding="utf-8") + f"\n.{ENGINE_MARK} {{ font-weight: 700; }}\n", encoding="utf-8")
    pages = upstream / "macros/pages.py"
    code = pages.read_text(encoding="utf-8")
    assert 'sections_heading=word("home_sections")' in code
    pages.write_text(code.replace('sections_heading=word("home_sections")', 'sections_heading=word("home_sections").upper()'), encoding="utf-8")
    settings = upstream / "macros/settings.py"
    text = settings.read_text(encoding="utf-8")
    anchor = '    home: Home | None = optional("De startpagina: inleiding en routes.")\n'
    assert anchor in text
    settings.write_text(text.replace(anchor, anchor + '    motto: str | None = optional("Een korte leus (nieuw).")\n'), encoding="utf-8")
    first, second = sorted((upstream / "data/methods").glob("*.yaml"))[:2]
    first.write_text(first.read_text(encoding="utf-8").replace("summary:", "summary: Bijgewerkt.", 1), encoding="utf-8")
    second.unlink()
    new_method = "nieuwe-referentiewerkwijze"
    (upstream / f"data/methods/{new_method}.yaml").write_text(
        "title: Een nieuwe referentiewerkwijze van Bateson\nsummary: Nieuw upstream.\npurpose: Upstream groeit.\n"
        "sources: [blnqimpact-batesonmodel]\n", encoding="utf-8")
    git(upstream, "add", "-A")
    assert git(upstream, "commit", "-q", "-m", "upstream moves on").returncode == 0
    return new_method


def test_upstream_changes_merge_without_conflict(repos: tuple[Path, Path]) -> None:
    upstream, fork = repos
    new_method = upstream_changes(upstream)
    fetched = git(fork, "pull", "--no-rebase", "--no-edit", "origin", "main")
    assert fetched.returncode == 0, fetched.stdout + fetched.stderr
    assert "CONFLICT" not in fetched.stdout + fetched.stderr
    assert git(fork, "status", "--porcelain").stdout == ""
    checked = macros_cli(fork, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    result = build(fork)
    assert result.returncode == 0, result.output
    home = (result.site / "index.html").read_text(encoding="utf-8")
    assert ENGINE_MARK in home and "ALLES IN HET HANDBOEK" in home
    assert ENGINE_MARK in (result.site / "assets/css/site.css").read_text(encoding="utf-8")
    assert not (result.site / "werkwijzen" / new_method).exists()
    assert reference_words_in(result.site) == []
    index = json.loads((result.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not any("Bijgewerkt" in doc["text"] for doc in index["docs"])


def test_mistakes_in_the_menu_and_reference_are_named_with_file_and_line(tmp_path: Path) -> None:
    """A page in the menu that does not exist, and `reference:` in upstream's own settings."""
    project = make_upstream(tmp_path / "upstream")
    write(project, own_content())
    settings = project / "eigen/handboek.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "sections:\n  - kind: methods\n  - page: bestaat-niet.md\n", encoding="utf-8")
    checked = macros_cli(project, "check")
    assert checked.returncode == 1
    last_line = len(settings.read_text(encoding="utf-8").splitlines())
    assert f"eigen/handboek.yml:{last_line}: sections[2].page: pagina 'bestaat-niet.md' bestaat niet" in checked.stdout
    settings.unlink()
    reference = project / "handboek.yml"
    reference.write_text(reference.read_text(encoding="utf-8") + "reference: [all]\n", encoding="utf-8")
    checked = macros_cli(project, "check")
    line = len(reference.read_text(encoding="utf-8").splitlines())
    assert f"handboek.yml:{line}: reference: hoort alleen in eigen/handboek.yml" in checked.stdout
    assert "Traceback" not in checked.stderr


def test_the_same_fork_in_english_shows_no_dutch_on_any_page(tmp_path: Path) -> None:
    project = make_upstream(tmp_path / "upstream")
    write(project, own_content("en"))
    result = build(project)
    assert result.returncode == 0, result.output
    pages = site_pages(result.site)
    assert len(pages) > METHOD_COUNT
    problems = [problem for page in pages for problem in dutch_found(shown_text(page), page.relative_to(result.site).as_posix())]
    assert not problems, "\n".join(problems[:40])
