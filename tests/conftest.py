"""Shared fixtures: the project's handbook built once, the fixture handbooks under tests/fixtures/handbooks/
built once each, throwaway copies of the project, and the switch for the reference-content group."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros import engine, words
from macros.project import project_content

# Shared by tests/browser/ and tests/reference/browser/: one definition, so one browser per run.
from .browser_fixtures import browser, errors, every_kind_url, page, site_url, two_handbooks  # noqa: F401


@pytest.fixture(autouse=True)
def words_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """load_project makes a handbook's words (a fork's "werkvorm") the texts of the whole process: each test
    leaves them as it found them, so a fork loaded in one test does not rename things in the next."""
    monkeypatch.setattr(words, "_current", words.current())


ROOT = Path(__file__).resolve().parent.parent
# The engine with upstream's reference content: what every fork has, whatever it keeps of it. A fork's own
# folder (eigen/) is left out, so that a test which writes its own settings or data is not overruled by it.
PROJECT_PARTS = ("mkdocs.yml", "handboek.yml", "docs", "data", "pages", "macros", "overrides", "schemas")
FIXTURE_HANDBOOKS = ROOT / "tests" / "fixtures" / "handbooks"
REFERENCE_TESTS = ROOT / "tests" / "reference"
REFERENCE_OFF = "referentie-inhoud staat uit in eigen/handboek.yml"


def reference_in_use(project_dir: Path) -> bool:
    """Whether the project's content includes any of the reference content (macros/content.py decides)."""
    return project_content(project_dir).reference_in_use()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test under tests/reference/ is about the reference content; skip the group, saying why,
    when the project does not use that content."""
    in_use = reference_in_use(ROOT)
    for item in items:
        if item.path.is_relative_to(REFERENCE_TESTS):
            item.add_marker(pytest.mark.reference_content)
        if not in_use and item.get_closest_marker("reference_content"):
            item.add_marker(pytest.mark.skip(reason=REFERENCE_OFF))


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
    """A copy of the engine and the reference content, as upstream has them (PROJECT_PARTS)."""
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


def project_with_data(target: Path, files: dict[str, str], settings: str = "") -> Path:
    """A copy of the project with content of its own in place of the reference content: data/ holds only
    ``files`` (path under data/ → text), handboek.yml the reference's branding plus ``settings``, and there
    are no hand-written pages."""
    project = copy_project(target)
    for folder in ("data", "pages"):
        shutil.rmtree(project / folder, ignore_errors=True)
    (project / "handboek.yml").write_text(reference_branding() + settings, encoding="utf-8")
    for name, text in files.items():
        path = project / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


def build_with_data(folder: Path, files: dict[str, str], settings: str = "") -> Path:
    """project_with_data, built strictly; the built site's folder."""
    project = project_with_data(folder / "project", files, settings)
    result = build(project)
    assert result.returncode == 0, result.output
    return result.site


def fixture_data(name: str) -> Path:
    """The data/ folder of a fixture handbook under tests/fixtures/handbooks/."""
    return FIXTURE_HANDBOOKS / name / "data"


def fixture_files(name: str) -> dict[str, str]:
    """A fixture handbook's data files as `build_with_data` takes them (path under data/ → text)."""
    data = fixture_data(name)
    return {path.relative_to(data).as_posix(): path.read_text(encoding="utf-8") for path in sorted(data.rglob("*.yaml"))}


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


def fixture_settings(name: str) -> str:
    """What a fixture handbook adds to the reference's branding in handboek.yml (its home page, say)."""
    path = FIXTURE_HANDBOOKS / name / "handboek-extra.yml"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """A fixture handbook by name, built strictly (worksheet PDFs included) once per test run."""
    built: dict[str, Path] = {}

    def site(name: str) -> Path:
        if name not in built:
            folder = tmp_path_factory.mktemp(name)
            built[name] = build_with_data(folder, fixture_files(name), fixture_settings(name))
            pdfs = render_pdfs(folder / "project", built[name])
            assert pdfs.returncode == 0, pdfs.stdout + pdfs.stderr
        return built[name]

    return site


@pytest.fixture(scope="session")
def every_kind_site(fixture_site: Callable[[str], Path]) -> Path:
    """The fixture handbook with items of every kind, linked to each other, built once."""
    return fixture_site("every-kind")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def every_kind_project(tmp_path: Path) -> Path:
    """A copy of the project with the every-kind fixture handbook as its data, to change and build."""
    return project_with_data(tmp_path / "project", fixture_files("every-kind"))

