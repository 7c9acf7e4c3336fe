"""Command line: ``python -m macros check``."""

from __future__ import annotations

import argparse
from pathlib import Path

from .handbook import load_handbook
from .loader import DataErrors, load_data


def report(problems: DataErrors, data_dir: Path) -> int:
    """Print every problem, one a line, then the count; the exit code for bad data."""
    for error in problems.errors:
        print(error)
    count = len(problems.errors)
    print(f"\n{count} {'probleem' if count == 1 else 'problemen'} gevonden in {data_dir}.")
    return 1


def check(data_dir: Path) -> int:
    try:
        loaded = load_data(data_dir)
    except DataErrors as problems:
        return report(problems, data_dir)
    total = sum(len(items) for items in loaded.items.values())
    print(f"Alle gegevens in orde: {total} items in {data_dir}.")
    return 0


def pdf(data_dir: Path, site: Path) -> int:
    if not (site / "index.html").exists():
        print(f"Geen gebouwde site in {site}; bouw eerst met: mkdocs build --strict")
        return 1
    try:
        handbook = load_handbook(data_dir)
    except DataErrors as problems:
        return report(problems, data_dir)
    from .pdf import render_pdfs  # Playwright is only needed for this command

    written = render_pdfs(handbook, site)
    print(f"{len(written)} PDF's geschreven in {site}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Gereedschap voor het handboek.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="controleer alle gegevens en meld elk probleem")
    check_parser.add_argument("--data", type=Path, default=Path("data"), help="map met gegevens (standaard: data)")
    pdf_parser = commands.add_parser("pdf", help="druk elk werkblad van een gebouwde site af als PDF")
    pdf_parser.add_argument("site", type=Path, nargs="?", default=Path("site"), help="map van de gebouwde site (standaard: site)")
    pdf_parser.add_argument("--data", type=Path, default=Path("data"), help="map met gegevens (standaard: data)")
    args = parser.parse_args(argv)
    if args.command == "pdf":
        return pdf(args.data, args.site)
    return check(args.data)
