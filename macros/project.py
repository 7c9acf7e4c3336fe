"""One handbook project: its settings (handboek.yml) and its data (data/), checked together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .handbook import Handbook, load_handbook
from .loader import DataError, DataErrors
from .settings import SETTINGS_FILE, Settings, load_settings


@dataclass(frozen=True)
class Project:
    settings: Settings
    handbook: Handbook


def load_project(project_dir: Path, data_dir: Path | None = None) -> Project:
    """Load settings and data; raise DataErrors listing every problem in both."""
    errors: list[DataError] = []
    settings = handbook = None
    try:
        settings = load_settings(project_dir)
    except DataErrors as problems:
        errors += problems.errors
    try:
        handbook = load_handbook(data_dir or project_dir / "data")
    except DataErrors as problems:
        errors += problems.errors
    if errors or settings is None or handbook is None:
        raise DataErrors(errors)
    return Project(settings, handbook)


def problem_count(problems: DataErrors) -> str:
    count = len(problems.errors)
    return f"{count} {'probleem' if count == 1 else 'problemen'}"


def problem_places(problems: DataErrors, data_dir: Path) -> str:
    """handboek.yml (beside the data folder), the data folder, or both: where the contributor has to look."""
    settings_file = data_dir.resolve().parent / SETTINGS_FILE
    in_settings = [error.path.resolve() == settings_file for error in problems.errors]
    places = ([SETTINGS_FILE] if any(in_settings) else []) + ([str(data_dir)] if not all(in_settings) else [])
    return " en ".join(places)
