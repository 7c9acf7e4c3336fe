"""Command line: ``python -m macros check``."""

from __future__ import annotations

import argparse
from pathlib import Path

from .loader import DataErrors, load_data


def check(data_dir: Path) -> int:
    try:
        loaded = load_data(data_dir)
    except DataErrors as problems:
        for error in problems.errors:
            print(error)
        count = len(problems.errors)
        print(f"\n{count} {'probleem' if count == 1 else 'problemen'} gevonden in {data_dir}.")
        return 1
    total = sum(len(items) for items in loaded.items.values())
    print(f"Alle gegevens in orde: {total} items in {data_dir}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Gereedschap voor het handboek.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="controleer alle gegevens en meld elk probleem")
    check_parser.add_argument("--data", type=Path, default=Path("data"), help="map met gegevens (standaard: data)")
    args = parser.parse_args(argv)
    return check(args.data)
