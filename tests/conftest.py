"""Shared fixtures: the real handbook built once, and throwaway copies of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros import engine

ROOT = Path(__file__).resolve().parent.parent
# A fork's own folder (eigen/) is part of its project; upstream has none.
PROJECT_PARTS = ("mkdocs.yml", "handboek.yml", "docs", "data", "pages", "macros", "overrides", "schemas", "eigen")


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    site: Path


def build(project: Path, site: Path | None = None) -> BuildResult:
    """Run `mkdocs build --strict` (or ProperDocs', see macros/engine.py) the way a user does and capture what it prints."""
    site = site or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    completed = subprocess.run(
        engine.command("build", "--strict", "-d", str(site)),
        cwd=project, env=env, capture_output=True, text=True,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site)


def copy_project(target: Path) -> Path:
    """A copy of the project as a fork would have it."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, target / part)
    return target


def reference_branding() -> str:
    """The reference settings without their home page and menu, which are about the reference's own content."""
    return (ROOT / "handboek.yml").read_text(encoding="utf-8").split("\nhome:", 1)[0] + "\n"


def write_own_settings(project: Path, extra: str = "") -> Path:
    """eigen/handboek.yml of a fork that keeps none of the reference content: the reference's title,
    organisation, colours and licence (its home page and menu are about its own content), plus `extra`."""
    own = project / "eigen"
    shutil.rmtree(own, ignore_errors=True)  # a fork's own content gives way to the test's
    own.mkdir()
    shutil.copy(project / "docs/assets/images/logo.svg", own / "logo.svg")
    branding = reference_branding().replace("logo: docs/assets/images/logo.svg", "logo: logo.svg")
    (own / "handboek.yml").write_text(branding + extra, encoding="utf-8")
    return own


def build_with_data(folder: Path, files: dict[str, str], settings: str = "") -> Path:
    """A fork of the project whose own data (eigen/data/) holds only ``files`` (path under data/ → text),
    with the reference content switched off and ``settings`` added to its eigen/handboek.yml, built
    strictly; the built site's folder."""
    project = copy_project(folder / "project")
    own = write_own_settings(project, settings)
    for name, text in files.items():
        path = own / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    return result.site


def render_pdfs(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """The README's PDF command: every worksheet of a built site to PDF."""
    return subprocess.run(
        [sys.executable, "-m", "macros", "pdf", str(site)],
        cwd=project, env={**os.environ, "PYTHONPATH": str(project)}, capture_output=True, text=True,
    )


def site_pages(site: Path) -> list[Path]:
    """Every page of a built site (directory URLs: one index.html per page), home first."""
    return sorted(site.rglob("index.html"), key=lambda path: (path.parent != site, path.as_posix()))


def page_address(site: Path, page: Path) -> str:
    """The address of a built page relative to the site's root, as a browser asks for it."""
    folder = page.parent.relative_to(site).as_posix()
    return "" if folder == "." else folder + "/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default handbook, built strictly once for the whole test run, with its worksheet PDFs."""
    site = tmp_path_factory.mktemp("site")
    result = build(ROOT, site)
    assert result.returncode == 0, result.output
    pdfs = render_pdfs(ROOT, site)
    assert pdfs.returncode == 0, pdfs.stdout + pdfs.stderr
    return site


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")
