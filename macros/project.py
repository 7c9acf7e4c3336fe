"""One handbook project: its settings (handboek.yml) and its data, from the content layers in use, checked together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import OWN_FOLDER, Content, content_layers, settings_dir
from .handbook import Handbook
from .loader import DataError, DataErrors, load_layers, read_yaml
from .model import KINDS
from .search import SYNONYM_FILE, SearchWords, load_search_words
from . import words
from .settings import SETTINGS_FILE, Settings, chosen_words, language_of, load_settings


@dataclass(frozen=True)
class Project:
    settings: Settings
    handbook: Handbook
    search_words: SearchWords
    content: Content


def project_content(project_dir: Path) -> Content:
    """The layers in use, as far as handboek.yml can be read (unreadable settings keep none of the reference)."""
    try:
        reference = load_settings(settings_dir(project_dir)).reference
    except DataErrors:
        reference = ()
    return content_layers(project_dir, tuple(KINDS), reference)


def load_project(project_dir: Path, data_dir: Path | None = None) -> Project:
    """Load settings and data (the content layers, or only `data_dir` when given); raise DataErrors
    listing every problem in both."""
    errors: list[DataError] = []
    settings = handbook = search_words = None
    try:
        settings = load_settings(settings_dir(project_dir))
        words.use(language_of(settings), chosen_words(settings))  # before the data: default lists take their labels
    except DataErrors as problems:
        errors += problems.errors
    content = content_layers(project_dir, tuple(KINDS), settings.reference if settings else ())
    if settings is not None and settings.reference and not content.is_fork:
        errors.append(reference_outside_fork(content))
    layers = [(data_dir, frozenset(KINDS))] if data_dir is not None else content.data_dirs()
    try:
        handbook = Handbook(load_layers(layers))
    except DataErrors as problems:
        errors += problems.errors
    try:
        search_words = load_search_words(search_words_dir(layers))
    except DataErrors as problems:
        errors += problems.errors
    if errors or settings is None or handbook is None or search_words is None:
        raise DataErrors(errors)
    return Project(settings, handbook, search_words, content)


def reference_outside_fork(content: Content) -> DataError:
    path = content.settings_dir / SETTINGS_FILE
    line = read_yaml(path).value["reference"][0]
    return DataError(path, line, "reference", (
        f"hoort alleen in {OWN_FOLDER}/{SETTINGS_FILE}: dit bestand is de referentie-inhoud zelf; "
        f"maak {OWN_FOLDER}/{SETTINGS_FILE} voor een eigen handboek"
    ))


def search_words_dir(layers: list[tuple[Path, frozenset[str]]]) -> Path:
    """The data folder whose search words are used: the last layer that has its own."""
    with_words = [data_dir for data_dir, _kinds in layers if (data_dir / SYNONYM_FILE).is_file()]
    return (with_words or [layers[-1][0]])[-1]


def problem_count(problems: DataErrors) -> str:
    count = len(problems.errors)
    return f"{count} {'probleem' if count == 1 else 'problemen'}"


def problem_places(problems: DataErrors, content: Content) -> str:
    """handboek.yml, the data folder(s), or both: where the contributor has to look."""
    settings_file = (content.settings_dir / SETTINGS_FILE).resolve()
    in_settings = [error.path.resolve() == settings_file for error in problems.errors]
    shown_settings = (content.settings_dir / SETTINGS_FILE).relative_to(content.project_dir).as_posix() if content.is_fork else SETTINGS_FILE
    data_places = [str(data_dir.relative_to(content.project_dir)) if data_dir.is_relative_to(content.project_dir) else str(data_dir)
                   for data_dir, _kinds in content.data_dirs()]
    places = ([shown_settings] if any(in_settings) else []) + (data_places if not all(in_settings) else [])
    return " en ".join(places)
