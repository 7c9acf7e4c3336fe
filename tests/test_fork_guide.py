"""The fork guide's worked example, followed literally: every file it shows is written as shown, every
command it gives is run as given, in a fresh copy of the project. The guide is reference content
(pages/eigen-handboek.md); a fork that does not keep it has no guide to follow, and skips this test."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from macros import engine

from .conftest import ROOT, copy_project
from .site_html import page_file, visible_text

GUIDE = ROOT / "pages/eigen-handboek.md"
EXAMPLE_HEADING = "## Uitgewerkt voorbeeld"
# A shown file: "bestand `path`:" (any case) right before a fenced block; commands: a ```bash block.
STEP = re.compile(r"[Bb]estand `(?P<path>[^`]+)`:\n\n```\w*\n(?P<text>.*?)```|```bash\n(?P<commands>.*?)```", re.DOTALL)
COMMANDS = {".venv/bin/python": [sys.executable], ".venv/bin/mkdocs": engine.command()}

pytestmark = pytest.mark.skipif(not GUIDE.is_file(), reason="de gids (pages/eigen-handboek.md) hoort bij de referentie-inhoud")


def example_steps() -> list[tuple[str, str]]:
    """The worked example in order: ("file", path and text) or ("run", a command line)."""
    example = GUIDE.read_text(encoding="utf-8").split(EXAMPLE_HEADING, 1)[1].split("\n## ", 1)[0]
    steps: list[tuple[str, str]] = []
    for match in STEP.finditer(example):
        if match["commands"] is None:
            steps.append(("file", f"{match['path']}\n{match['text']}"))
        else:
            steps += [("run", line) for line in match["commands"].splitlines() if line.strip()]
    return steps


def run(project: Path, line: str) -> subprocess.CompletedProcess[str]:
    program, *arguments = shlex.split(line)
    assert program in COMMANDS, f"de gids geeft een opdracht die de test niet kent: {line}"
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*COMMANDS[program], *arguments], cwd=project, env=env, capture_output=True, text=True)


def test_the_worked_example_runs_as_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "gemeente-voorbeeld")
    steps = example_steps()
    assert [kind for kind, _ in steps].count("run") >= 3 and [kind for kind, _ in steps].count("file") >= 3
    for kind, step in steps:
        if kind == "file":
            path, text = step.split("\n", 1)
            (project / path).parent.mkdir(parents=True, exist_ok=True)
            (project / path).write_text(text, encoding="utf-8")
        else:
            result = run(project, step)
            assert result.returncode == 0, f"{step}\n{result.stdout}{result.stderr}"
    site = project / "site"
    home = page_file(site, "index.md").read_text(encoding="utf-8")
    assert "<title>Handboek Wijkteams Gemeente Voorbeeld</title>" in home
    assert "#00695c" in (site / "assets/css/site.css").read_text(encoding="utf-8")
    method = visible_text(page_file(site, "werkwijzen/wijkteamoverleg.md"))
    assert "Wijkteamoverleg" in method and "Gemeentelijk Leernetwerk Werken volgens de Bedoeling" in method
    assert page_file(site, "bronnen/vng-leernetwerk.md").exists()
    # What the guide says is not there: the cases, the themes and the reference's methods.
    assert not (site / "casussen").exists() and not (site / "themas").exists()
    assert sorted(path.name for path in (site / "werkwijzen").iterdir() if path.is_dir()) == ["wijkteamoverleg"]
    assert (project / "data/cases").is_dir(), "upstream's files stay as they are"
