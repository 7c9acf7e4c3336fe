"""Command line: ``python -m macros check | new | export | schemas | pdf``."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from .handbook import KIND_INFO
from .loader import ID_PATTERN, DataErrors, load_item, load_lists, lists_dir
from .markdown_links import broken_links, site_paths
from .model import KINDS
from .project import load_project, problem_count, problem_places, project_content
from .sections import build_menu, menu_problems, section_pages
from .scaffold import resolve_kind, starter
from .schema import schema_files, singular
from .settings import SETTINGS_FILE

if TYPE_CHECKING:
    from .pdf import Written

DOCS_DIR = "docs"  # MkDocs' default docs_dir, which mkdocs.yml keeps


def report(problems: DataErrors, content: Content) -> int:
    """Print every problem, one a line, then the count and where; the exit code for bad data."""
    for error in problems.errors:
        print(error)
    print(f"\n{problem_count(problems)} gevonden in {problem_places(problems, content)}.")
    return 1


def check(project_dir: Path) -> int:
    """Check the settings in use (handboek.yml, or eigen/handboek.yml in a fork) and every data file."""
    try:
        project = load_project(project_dir)
    except DataErrors as problems:
        return report(problems, project_content(project_dir))
    content_pages = project.content.pages()
    engine_pages = {path.relative_to(project_dir / DOCS_DIR).as_posix() for path in (project_dir / DOCS_DIR).rglob("*.md")}
    settings_file = project.content.settings_dir / SETTINGS_FILE
    if wrong_pages := menu_problems(settings_file, project.settings, engine_pages | set(content_pages)):
        return report(DataErrors(wrong_pages), project.content)
    menu = build_menu(project.settings, project.handbook, sorted(content_pages))
    existing = site_paths(project.handbook, project_dir / DOCS_DIR, set(content_pages) | section_pages(menu))
    if broken := broken_links(project.handbook, existing):
        return report(DataErrors(broken), project.content)
    total = sum(len(items) for items in project.handbook.items.values())
    folders = " en ".join(str(data_dir.relative_to(project_dir)) for data_dir, _kinds in project.content.data_dirs())
    settings = (project.content.settings_dir / SETTINGS_FILE).relative_to(project_dir)
    print(f"Alle gegevens en instellingen in orde: {total} onderdelen in {folders}, plus {settings}.")
    return 0


def _read_by_the_handbook(data_dir: Path, source_id: str) -> bool:
    """Whether an item may name the source: it is valid and not a work known only as cited in another."""
    source, _, _ = load_item(data_dir / "sources" / f"{source_id}.yaml", KINDS["sources"])
    return source is not None and not source.cited_in


def new(kind_name: str, item_id: str, project_dir: Path) -> int:
    """Write a commented starter file for a new item in the handbook's own data folder, never over an existing one."""
    content = project_content(project_dir)
    data_dir = content.own.data_dir
    kind = resolve_kind(kind_name)
    if kind is None:
        print(f"Onbekende soort {kind_name!r}; kies uit: {', '.join(_kind_names(kind) for kind in KINDS)}.")
        return 2
    if not ID_PATTERN.match(item_id):
        print(f"{item_id!r} is geen geldige id; gebruik kleine letters, cijfers en koppeltekens, zoals mijn-{singular(kind)}.")
        return 2
    if not (project_dir / "mkdocs.yml").is_file():
        print("Geen mkdocs.yml in deze map; voer de opdracht uit in de map van het handboek, waar mkdocs.yml staat.")
        return 1
    if taken := sorted((data_dir / kind).glob(f"{item_id}.y*ml")):
        print(f"{taken[0]} bestaat al; kies een andere id of pas dat bestand aan.")
        return 1
    try:
        lists = load_lists(lists_dir(content.data_dirs()))
    except DataErrors as problems:
        return report(problems, content)
    existing = {other: sorted(path.stem for path in (data_dir / other).glob("*.y*ml")) for other in KINDS}
    existing["sources"] = [source for source in existing["sources"] if _read_by_the_handbook(data_dir, source)]
    path = data_dir / kind / f"{item_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(starter(kind, item_id, existing, lists, data_dir), encoding="utf-8")
    _, _, problems = load_item(path, KINDS[kind], lists)
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


def schemas(folder: Path, project_dir: Path) -> int:
    """Write the JSON Schema of every kind, with the lists of the content in use, and remove schemas of kinds that no longer exist."""
    content = project_content(project_dir)
    try:
        lists = load_lists(lists_dir(content.data_dirs()))
    except DataErrors as problems:
        return report(problems, content)
    folder.mkdir(parents=True, exist_ok=True)
    generated = schema_files(lists)
    for name, text in generated.items():
        (folder / name).write_text(text, encoding="utf-8")
    for stale in folder.glob("*.schema.json"):
        if stale.name not in generated:
            stale.unlink()
    print(f"{len(generated)} schema's geschreven in {folder}.")
    return 0


def pdf(project_dir: Path, site: Path) -> int:
    if not (site / "index.html").exists():
        print(f"Geen gebouwde site in {site}; bouw eerst met: mkdocs build --strict")
        return 1
    try:
        handbook = load_project(project_dir).handbook
    except DataErrors as problems:
        return report(problems, project_content(project_dir))
    from .pdf import MissingPage, PageLimitExceeded, render_pdfs  # Playwright is only needed for this command

    try:
        written = render_pdfs(handbook, site)
    except PageLimitExceeded as too_long:
        sheet = handbook.paths[("worksheets", too_long.sheet_id)]
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
    commands.add_parser(
        "check",
        help="controleer alle gegevens en meld elk probleem",
        description="Controleer alle gegevens: elk probleem met bestand, regel, veld, wat er staat en wat verwacht wordt.",
    )

    kinds = ", ".join(_kind_names(kind) for kind in KINDS)
    new_parser = commands.add_parser(
        "new",
        help="maak een nieuw gegevensbestand met uitleg bij elk veld",
        description=f"Schrijf <soort>/<id>.yaml in de eigen map met gegevens (data/, of eigen/data/ in een eigen handboek) met alle velden en hun uitleg. Soorten: {kinds}.",
    )
    new_parser.add_argument("kind", metavar="soort", help="soort onderdeel, in het Nederlands of Engels, zoals werkwijze of method")
    new_parser.add_argument("id", help="id van het nieuwe onderdeel: kleine letters, cijfers en koppeltekens; ook de bestandsnaam")

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
        return new(args.kind, args.id, Path())
    if args.command == "export":
        return export(args.target, args.config)
    if args.command == "schemas":
        return schemas(args.folder, Path())
    if args.command == "pdf":
        return pdf(Path(), args.site)
    return check(Path())
