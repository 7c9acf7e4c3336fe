"""The thin MkDocs layer: load the data once per build, add a page per item, fill the navigation.

MkDocs loads this file by path, so it imports the package absolutely."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from macros import build_state
from macros.handbook import load_handbook
from macros.loader import DataErrors
from macros.pages import expand_nav, item_pages, section_entries
from macros.render import Renderer


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        handbook = load_handbook(data_dir)
    except DataErrors as problems:
        count = len(problems.errors)
        raise PluginError(f"{count} {'probleem' if count == 1 else 'problemen'} in de gegevens; geen site gebouwd.\n{problems}") from None
    build_state.site = {**config.extra, "site_url": config.site_url or "", "handbook_name": config.site_name}
    build_state.renderer = Renderer(handbook, site=build_state.site)
    if config.nav:
        config.nav = expand_nav(config.nav, section_entries(handbook))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    renderer = build_state.current()
    for path, content in item_pages(renderer.handbook, renderer, build_state.site).items():
        files.append(File.generated(config, path, content=content))
    return files
