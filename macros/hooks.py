"""The thin MkDocs layer: load the data once per build, add a page per item, fill the navigation.

MkDocs loads this file by path, so it imports the package absolutely."""

from __future__ import annotations

import json
import logging
import posixpath
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from macros import build_state
from macros.glossary import glossary_index, glossary_words, with_abbreviations
from macros.handbook import KIND_INFO, Handbook
from macros.links import item_paths, unlink_removed_items
from macros.loader import DataErrors
from macros.open_data import open_data_files
from macros.pages import expand_nav, item_pages, listed_paths, overview_search_meta, section_entries
from macros.present import html_text
from macros.printing import print_pages
from macros.project import load_project, problem_count, problem_places
from macros.render import Renderer, compiled_template_cache, page_url
from macros.search import add_search_forms
from macros.settings import SITE_CSS, Settings, logo_file, logo_uri, site_css

log = logging.getLogger("mkdocs.hooks.handboek")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project_dir = Path(config.config_file_path).parent
    try:
        project = load_project(project_dir)
    except DataErrors as problems:
        where = problem_places(problems, project_dir / "data")
        raise PluginError(f"{problem_count(problems)} in {where}; geen site gebouwd.\n{problems}") from None
    apply_settings(config, project.settings)
    build_state.site = site_context(config, project.settings)
    build_state.settings = project.settings
    build_state.stylesheets = bundle_stylesheets(config)
    build_state.renderer = Renderer(project.handbook, site=build_state.site)
    build_state.glossary = glossary_index(glossary_words(project.handbook))
    build_state.item_paths = item_paths(project.handbook)
    build_state.search_words = project.search_words
    if config.nav:
        config.nav = expand_nav(config.nav, section_entries(project.handbook))
    return config


def apply_settings(config: MkDocsConfig, settings: Settings) -> None:
    """handboek.yml overrides mkdocs.yml: a fork edits only the settings file and data/."""
    # MkDocs' theme templates do not escape, and Material prints these two as they are, so they are
    # escaped here. Plain text, not Markup: where Material escapes the title again, in the header's
    # title attributes, its tooltips (content.tooltips) read the attribute back as HTML.
    config.site_name = html_text(settings.title)
    config.site_description = html_text(settings.description)
    if settings.site_url:
        config.site_url = settings.site_url.rstrip("/") + "/"
    config.theme["logo"] = config.theme["favicon"] = logo_uri(settings)
    config.extra["handbook"] = settings


def bundle_stylesheets(config: MkDocsConfig) -> list[str]:
    """Take the stylesheets of docs/assets/css out of extra_css: the site serves them, after the colours,
    as SITE_CSS, where the first of them was. Any other stylesheet keeps its own link and place."""
    docs = Path(config.docs_dir)
    others = [css for css in config.extra_css if str(css) != SITE_CSS]
    bundled = [str(css) for css in others if can_bundle(docs, str(css))]
    first = next((place for place, css in enumerate(others) if str(css) in bundled), 0)
    kept = [css for css in others if str(css) not in bundled]
    config.extra_css = [*kept[:first], SITE_CSS, *kept[first:]]
    return bundled


def can_bundle(docs: Path, stylesheet: str) -> bool:
    """In SITE_CSS's folder (so its url()s still point right), UTF-8, and without @import or @charset,
    which work only at the top of a file."""
    path = docs / stylesheet
    if posixpath.dirname(stylesheet) != posixpath.dirname(SITE_CSS) or not path.is_file():
        return False
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return False
    return "@import" not in text and "@charset" not in text


def site_context(config: MkDocsConfig, settings: Settings) -> dict[str, Any]:
    """What templates know of the site: name, address and the organisation on worksheets."""
    organisation = {"name": settings.organisation.name, "logo": logo_uri(settings)}
    return {
        **config.extra, "site_url": config.site_url or "", "handbook_name": settings.title,
        "organisation": organisation, "licence": settings.licence.name,
        "directory_urls": config.use_directory_urls,  # false in the offline build
    }


def on_files(files: Files, config: MkDocsConfig) -> Files:
    renderer = build_state.current()
    in_nav = listed_paths(section_entries(renderer.handbook)) if config.nav else None
    for path, content in item_pages(renderer.handbook, renderer, build_state.site).items():
        # An item of a section too long for the navigation is reached from its overview page.
        inclusion = InclusionLevel.NOT_IN_NAV if in_nav is not None and path not in in_nav else InclusionLevel.UNDEFINED
        files.append(File.generated(config, path, content=content, inclusion=inclusion))
    for path, content in print_pages(renderer.handbook, renderer, build_state.site).items():
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    for path, content in open_data_files(renderer.handbook, build_state.settings.title).items():
        files.append(File.generated(config, path, content=content))
    settings = build_state.settings
    logo = logo_file(Path(config.config_file_path).parent, settings)
    files.append(File.generated(config, SITE_CSS, content=site_css(settings, take_stylesheets(files))))
    files.append(File.generated(config, logo_uri(settings), abs_src_path=str(logo)))
    return files


def on_env(env: Environment, **_: Any) -> Environment:
    """Material's templates, too, are compiled once and kept between builds."""
    env.bytecode_cache = compiled_template_cache(env)
    return env


def take_stylesheets(files: Files) -> list[tuple[str, str]]:
    """The bundled stylesheets' names and text; they are not published on their own."""
    taken: list[tuple[str, str]] = []
    for path in build_state.stylesheets:
        file = files.get_file_from_path(path)
        if file is None:
            log.warning("%s staat onder extra_css, maar MkDocs neemt het niet op (exclude_docs?)", path)
            continue
        files.remove(file)
        taken.append((path, file.content_string))
    return taken


def on_page_markdown(markdown: str, page: Page, **_: Any) -> str:
    """Explain glossary terms where they appear; on hand-written pages, unlink items a fork removed."""
    if search_meta := overview_search_meta(page.file.src_uri):
        page.meta.setdefault("search", search_meta)
    if not page.file.generated_by:
        markdown, unlinked = unlink_removed_items(markdown, page.file.src_uri, build_state.item_paths)
        for target in unlinked:
            log.info("%s: link naar %s staat er als tekst; dat onderdeel is er niet (meer) in data/", page.file.src_uri, target)
    if page.file.src_uri.startswith(f"{KIND_INFO['terms'].folder}/"):
        return markdown
    return with_abbreviations(markdown, build_state.glossary)


def on_post_build(config: MkDocsConfig) -> None:
    """Give Material's search index the forms of its words that readers type (macros/search.py).
    Runs after the search plugin has written the index, and before the offline plugin copies it."""
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    synonyms = item_synonyms(build_state.current().handbook, config.use_directory_urls)
    index = add_search_forms(index, build_state.search_words, synonyms)
    index_file.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")


def item_synonyms(handbook: Handbook, directory_urls: bool) -> dict[str, tuple[str, ...]]:
    """Per item page address, as the search index names it, the other names the item declares."""
    return {
        page_url(entry.path, directory_urls): synonyms
        for kind in KIND_INFO
        for entry in handbook.entries(kind)
        if (synonyms := getattr(entry.item, "synonyms", ()))
    }
