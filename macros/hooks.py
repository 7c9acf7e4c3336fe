"""The thin MkDocs layer: load the data once per build, add a page per item, fill the navigation.

MkDocs loads this file by path, so it imports the package absolutely."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from macros import build_state
from macros.loader import DataErrors
from macros.pages import expand_nav, item_pages, section_entries
from macros.project import load_project, problem_count
from macros.render import Renderer
from macros.settings import BRANDING_CSS, Settings, branding_css, logo_uri


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project_dir = Path(config.config_file_path).parent
    try:
        project = load_project(project_dir)
    except DataErrors as problems:
        raise PluginError(f"{problem_count(problems)} in de instellingen of gegevens; geen site gebouwd.\n{problems}") from None
    apply_settings(config, project.settings)
    build_state.site = site_context(config, project.settings)
    build_state.settings = project.settings
    build_state.renderer = Renderer(project.handbook, site=build_state.site)
    if config.nav:
        config.nav = expand_nav(config.nav, section_entries(project.handbook))
    return config


def apply_settings(config: MkDocsConfig, settings: Settings) -> None:
    """handboek.yml overrides mkdocs.yml: a fork edits only the settings file and data/."""
    config.site_name = settings.title
    config.site_description = settings.description
    if settings.site_url:
        config.site_url = settings.site_url.rstrip("/") + "/"
    config.theme["logo"] = config.theme["favicon"] = logo_uri(settings)
    if BRANDING_CSS not in config.extra_css:
        config.extra_css.insert(0, BRANDING_CSS)
    config.extra["handbook"] = settings


def site_context(config: MkDocsConfig, settings: Settings) -> dict[str, Any]:
    """What templates know of the site: name, address and the organisation on worksheets."""
    organisation = {"name": settings.organisation.name, "logo": logo_uri(settings)}
    return {**config.extra, "site_url": config.site_url or "", "handbook_name": settings.title, "organisation": organisation}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    renderer = build_state.current()
    for path, content in item_pages(renderer.handbook, renderer, build_state.site).items():
        files.append(File.generated(config, path, content=content))
    settings = build_state.settings
    logo = Path(config.config_file_path).parent / settings.organisation.logo
    files.append(File.generated(config, BRANDING_CSS, content=branding_css(settings)))
    files.append(File.generated(config, logo_uri(settings), abs_src_path=str(logo)))
    return files
