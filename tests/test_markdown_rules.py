"""A Markdown field in data holds Markdown only: check names file, line and field of anything else,
and what the build renders of it is inert text either way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.markdown_rules import markdown_problems

from .conftest import build, copy_project
from .test_cli import run
from .test_loader import VALID_SOURCE, write

# (Markdown, what the message quotes, what it says)
FORBIDDEN = [
    ("Zie <img src=x onerror=alert(1)> hier", "'<img src=x onerror=alert(1)>'", "wordt als tekst getoond"),
    ("Tekst <!-- verborgen", "'<!--'", "wordt als tekst getoond"),
    ("Een alinea.\n{: onclick=\"alert(1)\" }", "'{: onclick=\"alert(1)\" }'", "attributenlijst"),
    ("![i](plaatje.png){ onerror=alert(1) }", "'{ onerror=alert(1) }'", "attributenlijst"),
    ("[klik](javascript:alert(1))", "'javascript:alert(1)'", "is niet toegestaan"),
    ("[klik]( JaVa\tScRiPt:alert(1))", "ScRiPt:alert(1)'", "is niet toegestaan"),
    ("[klik](&#106;avascript:alert(1))", "'&#106;avascript:alert(1)'", "is niet toegestaan"),
    ("[klik][r]\n\n[r]: javascript:alert(1)", "'javascript:alert(1)'", "is niet toegestaan"),
    ("<javascript:alert(1)>", "'<javascript:alert(1)>'", "wordt als tekst getoond"),
    ("[a [b] c](javascript:alert(1))", "'javascript:alert(1)'", "is niet toegestaan"),
    ("[klik](javascript:alert((1)))", "'javascript:alert", "is niet toegestaan"),
    ("[klik](\n  javascript:alert(1))", "'javascript:alert(1)'", "is niet toegestaan"),
    ("[klik](<javascript:alert(1)>)", "'javascript:alert(1)'", "is niet toegestaan"),
    ("\\`[klik](javascript:alert(1))`", "'javascript:alert(1)'", "is niet toegestaan"),
    ("![p](\\\\tracker.example/p.png)", "tracker.example/p.png'", "staat niet in de site"),
    ("[klik](vbscript:msgbox(1))", "'vbscript:msgbox(1)'", "is niet toegestaan"),
    # The same schemes as a link field (macros/urls.py): a Markdown link is a link too.
    ("[bel ons](tel:0201234567)", "'tel:0201234567'", "is niet toegestaan"),
    ("[verslag](file:///C:/verslag.doc)", "'file:///C:/verslag.doc'", "is niet toegestaan"),
    ("[archief](ftp://archief.example.org/a.pdf)", "'ftp://archief.example.org/a.pdf'", "is niet toegestaan"),
    ("![m](mailto:info@example.org)", "'mailto:info@example.org'", "staat niet in de site"),
    ("[site](https:voorbeeld.nl)", "'https:voorbeeld.nl'", "ontbreekt de naam van de website"),
    ("[site](http:///pad) of verder", "'http:///pad'", "ontbreekt de naam van de website"),
    ("[site](https://) of verder", "'https://'", "ontbreekt de naam van de website"),
    ("![i](data:image/svg+xml,x)", "'data:image/svg+xml,x'", "is niet toegestaan"),
    ("![p](https://tracker.example/p.png)", "'https://tracker.example/p.png'", "staat niet in de site"),
    ("![p][t]\n\n[t]: //tracker.example/p.png", "'//tracker.example/p.png'", "staat niet in de site"),
]

ALLOWED = [
    "Gewoon **vet**, *schuin* en een [link](https://example.org/pagina) of [intern](../bronnen/x.md).",
    "Een vergelijking: 3 < 5 en 5 > 3; A & B.",
    "HTML als voorbeeld: `<img src=x onerror=alert(1)>` en `{: .klasse }`.",
    "Een eigen plaatje: ![schema](../assets/images/schema.png \"Schema\")",
    "Een adres: <https://example.org/> of [mail](mailto:info@example.org).",
    "Hoofdletters in het schema: [link](HTTPS://example.org/) en [oud](http://example.org/).",
    'Met een titel: [link](https://example.org/pagina "Over de pagina") en [r].\n\n[r]: https://example.org/r',
    "Een dubbele punt verderop: [stap](../werkwijzen/kletspot.md#stap:1).\n[Noot]: zie ook: de bijlage.",
    "De {tijdelijke} groep.",
]


@pytest.mark.parametrize(("markdown", "quoted", "says"), FORBIDDEN)
def test_each_forbidden_construct_is_named_in_the_message(markdown: str, quoted: str, says: str) -> None:
    messages = markdown_problems(markdown)
    assert any(quoted in message and says in message for message in messages), messages


@pytest.mark.parametrize("markdown", ALLOWED)
def test_markdown_and_code_spans_pass(markdown: str) -> None:
    assert markdown_problems(markdown) == []


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """The project with data of its own: one source and the term under test."""
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    write(project / "data", "sources/bron.yaml", VALID_SOURCE)
    return project


@pytest.mark.parametrize(("markdown", "quoted", "says"), FORBIDDEN)
def test_check_refuses_the_construct_naming_file_line_and_field(small_project: Path, markdown: str, quoted: str, says: str) -> None:
    body = "\n".join("  " + line for line in markdown.splitlines())
    write(small_project / "data", "terms/kletspot.yaml", f"term: Kletspot\nsources: [bron]\ndefinition: |\n{body}\n")
    result = run(small_project, "check")
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("data/terms/kletspot.yaml:3: definition: ")]
    assert any(quoted in line and says in line for line in lines), result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_the_build_refuses_it_too_and_writes_no_site(small_project: Path) -> None:
    write(small_project / "data", "terms/kletspot.yaml", "term: Kletspot\nsources: [bron]\ndefinition: '[klik](javascript:alert(1))'\n")
    result = build(small_project)
    assert result.returncode != 0
    assert "data/terms/kletspot.yaml:3: definition: link of afbeelding met adres 'javascript:alert(1)' is niet toegestaan" in result.output
    assert not (result.site / "index.html").exists()
