"""Command line: ``python -m macros check | new | export | schemas | pdf``."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from .handbook import KIND_INFO, load_handbook
from .loader import ID_PATTERN, DataErrors, load_item
from .markdown_links import broken_links
from .model import KINDS
from .project import load_project, problem_count, problem_places
from .scaffold import resolve_kind, starter
from .schema import schema_files, singular
from .settings import SETTINGS_FILE

if TYPE_CHECKING:
    from .pdf import Written

DOCS_DIR = "docs"  # MkDocs' default docs_dir, which mkdocs.yml keeps


def report(problems: DataErrors, data_dir: Path) -> int:
    """Print every problem, one a line, then the count and where; the exit code for bad data."""
    for error in problems.errors:
        print(error)
    print(f"\n{problem_count(problems)} gevonden in {problem_places(problems, data_dir)}.")
    return 1


def check(data_dir: Path) -> int:
    """Check the settings beside the data folder (handboek.yml) and every data file."""
    project_dir = data_dir.resolve().parent
    try:
        project = load_project(project_dir, data_dir)
    except DataErrors as problems:
        return report(problems, data_dir)
    if broken := broken_links(project.handbook, project_dir / DOCS_DIR):
        return report(DataErrors(broken), data_dir)
    total = sum(len(items) for items in project.handbook.items.values())
    print(f"Alle gegevens en instellingen in orde: {total} onderdelen in {data_dir}, plus {SETTINGS_FILE}.")
    return 0


def new(kind_name: str, item_id: str, data_dir: Path) -> int:
    """Write a commented starter file for a new item, never over an existing one."""
    kind = resolve_kind(kind_name)
    if kind is None:
        print(f"Onbekende soort {kind_name!r}; kies uit: {', '.join(_kind_names(kind) for kind in KINDS)}.")
        return 2
    if not ID_PATTERN.match(item_id):
        print(f"{item_id!r} is geen geldige id; gebruik kleine letters, cijfers en koppeltekens, zoals mijn-{singular(kind)}.")
        return 2
    if not data_dir.is_dir():
        print(f"Geen map {data_dir}; voer de opdracht uit in de map van het handboek, waar mkdocs.yml staat.")
        return 1
    if taken := sorted((data_dir / kind).glob(f"{item_id}.y*ml")):
        print(f"{taken[0]} bestaat al; kies een andere id of pas dat bestand aan.")
        return 1
    existing = {other: sorted(path.stem for path in (data_dir / other).glob("*.y*ml")) for other in KINDS}
    path = data_dir / kind / f"{item_id}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(starter(kind, item_id, existing), encoding="utf-8")
    _, _, problems = load_item(path, KINDS[kind])
    print(f"Nieuw bestand: {path}")
    for problem in problems:
        print(f"Let op: {problem}")
    print(_next_steps(kind, item_id))
    return 0


def _next_steps(kind: str, item_id: str) -> str:
    address = f"{KIND_INFO[kind].folder}/{item_id}/" if kind in KIND_INFO else ""
    return (
        "Zo ga je verder:\n"
        "  1. Vul de velden in; boven elk veld staat wat erin hoort. Haal het # weg voor een veld dat je wilt gebruiken.\n"
        "  2. Controleer de gegevens: python -m macros check\n"
        f"  3. Bekijk de pagina: ./dev.sh serve, dan http://127.0.0.1:8000/{address}"
    )


def export(target: Path, config_file: Path) -> int:
    if not config_file.is_file():
        print(f"Geen {config_file}; voer de opdracht uit in de map van het handboek.")
        return 1
    if target.exists() and any(target.iterdir()):
        print(f"De map {target} is niet leeg; kies een nieuwe of lege map.")
        return 1
    from .export import ExportFailed, export as export_pages  # MkDocs is only needed for this command

    try:
        pages = export_pages(config_file, target)
    except ExportFailed as failure:
        print(failure)
        return 1
    print(f"{len(pages)} Markdown-pagina's geschreven in {target}, met de mappen en relatieve links van de site.")
    return 0


def schemas(folder: Path) -> int:
    """Write the JSON Schema of every kind and remove schemas of kinds that no longer exist."""
    folder.mkdir(parents=True, exist_ok=True)
    generated = schema_files()
    for name, text in generated.items():
        (folder / name).write_text(text, encoding="utf-8")
    for stale in folder.glob("*.schema.json"):
        if stale.name not in generated:
            stale.unlink()
    print(f"{len(generated)} schema's geschreven in {folder}.")
    return 0


def pdf(data_dir: Path, site: Path) -> int:
    if not (site / "index.html").exists():
        print(f"Geen gebouwde site in {site}; bouw eerst met: mkdocs build --strict")
        return 1
    try:
        handbook = load_handbook(data_dir)
    except DataErrors as problems:
        return report(problems, data_dir)
    from .pdf import MissingPage, PageLimitExceeded, render_pdfs  # Playwright is only needed for this command

    try:
        written = render_pdfs(handbook, site)
    except PageLimitExceeded as too_long:
        sheet = data_dir / "worksheets" / f"{too_long.sheet_id}.yaml"
        print(
            f"{sheet}: het werkblad beslaat afgedrukt {too_long.pages} A4-pagina's, meer dan page_limit "
            f"({too_long.limit}); maak de blokken kleiner of verhoog page_limit. De PDF's zijn niet volledig."
        )
        return 1
    except MissingPage as missing:
        print(f"De pagina {missing} ontbreekt in {site}; bouw de site opnieuw uit dezelfde gegevens.")
        return 1
    print(pdf_overview(written, site))
    return 0


def pdf_overview(written: list[Written], site: Path) -> str:
    """Per kind how many PDF's, then the total size."""
    from .printing import DOCUMENT_KINDS

    lines = [f"PDF's geschreven in {site}:"]
    for kind, (singular_name, plural_name) in DOCUMENT_KINDS.items():
        count = sum(1 for item in written if item.document.kind == kind)
        if count:
            lines.append(f"  {count} {singular_name if count == 1 else plural_name}")
    size = sum(item.path.stat().st_size for item in written)
    megabytes = f"{size / 1_000_000:.1f}".replace(".", ",")
    lines.append(f"Samen {len(written)} PDF's, {megabytes} MB.")
    return "\n".join(lines)


def _kind_names(kind: str) -> str:
    dutch, english = singular(kind), kind.removesuffix("s")
    return dutch if dutch == english else f"{dutch} ({english})"


class _DutchHelp(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


ARGPARSE_DUTCH = {
    r"the following arguments are required: ": "deze argumenten ontbreken: ",
    r"unrecognized arguments: ": "onbekende argumenten: ",
    r"invalid choice: (.*) \(choose from (.*)\)": r"onbekende keuze \1; kies uit: \2",
    r"expected one argument": "verwacht één waarde",
}


class _DutchParser(argparse.ArgumentParser):
    """argparse with Dutch headings and the usual mistakes explained in Dutch."""

    def __init__(self, **options: Any) -> None:
        super().__init__(formatter_class=_DutchHelp, add_help=False, **options)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        for pattern, dutch in ARGPARSE_DUTCH.items():
            message = re.sub(pattern, dutch, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _DutchParser(prog="python -m macros", description="Gereedschap voor het handboek.")
    commands = parser.add_subparsers(
        dest="command", required=True, title="opdrachten", metavar="opdracht", parser_class=_DutchParser
    )
    data_option = {"type": Path, "default": Path("data"), "metavar": "MAP", "help": "map met gegevens (standaard: data)"}

    check_parser = commands.add_parser(
        "check",
        help="controleer alle gegevens en meld elk probleem",
        description="Controleer alle gegevens: elk probleem met bestand, regel, veld, wat er staat en wat verwacht wordt.",
    )
    check_parser.add_argument("--data", **data_option)

    kinds = ", ".join(_kind_names(kind) for kind in KINDS)
    new_parser = commands.add_parser(
        "new",
        help="maak een nieuw gegevensbestand met uitleg bij elk veld",
        description=f"Schrijf data/<soort>/<id>.yaml met alle velden en hun uitleg. Soorten: {kinds}.",
    )
    new_parser.add_argument("kind", metavar="soort", help="soort onderdeel, in het Nederlands of Engels, zoals werkwijze of method")
    new_parser.add_argument("id", help="id van het nieuwe onderdeel: kleine letters, cijfers en koppeltekens; ook de bestandsnaam")
    new_parser.add_argument("--data", **data_option)

    export_parser = commands.add_parser(
        "export",
        help="schrijf het hele handboek als gewone Markdown-pagina's",
        description="Schrijf elke pagina als Markdown met alle macro's uitgewerkt, in dezelfde mappen en met "
        "relatieve links, om de inhoud naar een andere sitegenerator over te zetten.",
    )
    export_parser.add_argument("target", metavar="map", type=Path, help="lege of nieuwe map voor de pagina's")
    export_parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="het MkDocs-configuratiebestand (standaard: mkdocs.yml)")

    schemas_parser = commands.add_parser(
        "schemas",
        help="schrijf de JSON Schema's van het gegevensmodel opnieuw",
        description="Schrijf per soort onderdeel het JSON Schema waarmee editors de gegevensbestanden controleren.",
    )
    schemas_parser.add_argument("--map", dest="folder", type=Path, default=Path("schemas"), help="map voor de schema's (standaard: schemas)")

    pdf_parser = commands.add_parser(
        "pdf",
        help="druk elk werkblad van een gebouwde site af als PDF",
        description="Druk elk werkblad van een gebouwde site af als PDF met Chromium "
        "(een ander pad naar de browser geef je op met de omgevingsvariabele CHROMIUM).",
    )
    pdf_parser.add_argument("site", metavar="site", type=Path, nargs="?", default=Path("site"), help="map van de gebouwde site (standaard: site)")
    pdf_parser.add_argument("--data", **data_option)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(_parser().parse_args(argv))
    except BrokenPipeError:
        # Whoever read the output stopped early (as `check | head -1` does): not a problem to report.
        # Point stdout at nothing, so Python's own flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "new":
        return new(args.kind, args.id, args.data)
    if args.command == "export":
        return export(args.target, args.config)
    if args.command == "schemas":
        return schemas(args.folder)
    if args.command == "pdf":
        return pdf(args.data, args.site)
    return check(args.data)
