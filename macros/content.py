"""Where a handbook's content comes from: the reference content, a fork's own content, or both.

The repository carries one content set, the reference handbook: `handboek.yml`, `data/` and
`pages/` beside `mkdocs.yml`. A fork adds its own set under `eigen/`, a folder upstream never
writes, and says in `eigen/handboek.yml` which parts of the reference it keeps (`reference:`).
Upstream's files stay untouched, so taking upstream's changes with `git merge` cannot conflict
with the fork's content, and new reference content never reaches a fork that switched it off.
Knows nothing of MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

OWN_FOLDER = "eigen"
SETTINGS_FILE = "handboek.yml"
DATA_FOLDER = "data"
PAGES_FOLDER = "pages"
PAGES_PART = "pages"  # in `reference:`, next to the kinds of items: the reference's hand-written pages
ALL_PARTS = "all"


@dataclass(frozen=True)
class Layer:
    """One content set, and which of its parts the handbook takes: kinds of items, and its pages or not."""

    root: Path
    kinds: frozenset[str]
    pages: bool

    @property
    def data_dir(self) -> Path:
        return self.root / DATA_FOLDER

    @property
    def pages_dir(self) -> Path:
        return self.root / PAGES_FOLDER


@dataclass(frozen=True)
class Content:
    """The settings file in use and the layers, the reference first: a later layer's item or page
    replaces one with the same id or path in an earlier layer."""

    project_dir: Path
    settings_dir: Path
    layers: tuple[Layer, ...]

    @property
    def is_fork(self) -> bool:
        return self.settings_dir != self.project_dir

    @property
    def own(self) -> Layer:
        return self.layers[-1]

    def reference_in_use(self) -> bool:
        """Whether any part of the reference content is in this handbook."""
        reference = self.layers[0]
        return reference.root == self.project_dir and (bool(reference.kinds) or reference.pages)

    def data_dirs(self) -> list[tuple[Path, frozenset[str]]]:
        return [(layer.data_dir, layer.kinds) for layer in self.layers if layer.kinds]

    def pages(self) -> dict[str, Path]:
        """Every hand-written content page by its path on the site (`themas/x.md`), later layers winning."""
        found: dict[str, Path] = {}
        for layer in self.layers:
            if layer.pages and layer.pages_dir.is_dir():
                found.update({path.relative_to(layer.pages_dir).as_posix(): path for path in sorted(layer.pages_dir.rglob("*")) if path.is_file()})
        return found


def settings_dir(project_dir: Path) -> Path:
    """The folder whose handboek.yml is in use: the fork's own when it has one."""
    own = project_dir / OWN_FOLDER
    return own if (own / SETTINGS_FILE).is_file() else project_dir


def content_layers(project_dir: Path, kinds: tuple[str, ...], reference: tuple[str, ...]) -> Content:
    """The layers for a project whose settings keep `reference` (kinds, 'pages' or 'all') of the reference."""
    own_dir = settings_dir(project_dir)
    every_kind = frozenset(kinds)
    if own_dir == project_dir:
        return Content(project_dir, own_dir, (Layer(project_dir, every_kind, True),))
    keep_all = ALL_PARTS in reference
    kept = Layer(project_dir, every_kind if keep_all else every_kind & set(reference), keep_all or PAGES_PART in reference)
    return Content(project_dir, own_dir, (kept, Layer(own_dir, every_kind, True)))
