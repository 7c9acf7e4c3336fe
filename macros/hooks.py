"""The thin MkDocs layer: load the data once per build, add a page per item, fill the navigation.

MkDocs loads this file by path, so it imports the package absolutely."""

from __future__ import annotations

import dataclasses
import json
import logging
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from macros import build_state, incremental, preview_output, words
from macros.glossary import glossary_index, glossary_words, with_abbreviations
from macros.handbook import KIND_INFO, Entry, Handbook
from macros.links import item_paths, unlink_removed_items
from macros.loader import DataErrors
from macros.model import image_site_path
from macros.open_data import open_data_files
from macros.home import Route, section_routes
from macros.pages import expand_nav, item_pages, overview_search_meta, section_entries, section_page_texts
from macros.present import html_text
from macros.printing import print_pages
from macros.project import Project, load_project, problem_count, problem_places, project_content
from macros.sections import ENGINE_PAGES, HOME_PAGE, MenuEntry, build_menu, first_heading, in_use, menu_problems, nav, section_pages
from macros.reads import item_read
from macros.render import Renderer, compiled_template_cache, page_url
from macros.search import add_search_forms
from macros.settings import SETTINGS_FILE, SITE_CSS, Settings, chosen_words, language_of, logo_file, logo_uri, own_stylesheet, site_css

log = logging.getLogger("mkdocs.hooks.handboek")


def on_startup(command: str, dirty: bool = False, **_: Any) -> None:
    """Under `mkdocs serve`, a save converts and indexes only the pages it changed (macros/incremental.py)
    and writes only the files that changed (macros/preview_output.py)."""
    if command == "serve":
        incremental.enable()
        if not dirty:
            preview_output.enable()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if incremental.enabled:
        incremental.start_build(config)
    if preview_output.enabled:
        preview_output.start(config.site_dir)
    project_dir = Path(config.config_file_path).parent
    try:
        project = load_project(project_dir)
        content_pages = project.content.pages()
        menu, titles = checked_menu(project, content_pages, Path(config.docs_dir))
    except DataErrors as problems:
        where = problem_places(problems, project_content(project_dir))
        raise PluginError(f"{problem_count(problems)} in {where}; geen site gebouwd.\n{problems}") from None
    apply_settings(config, project.settings)
    apply_language(config, project.settings)
    build_state.site = site_context(config, project.settings)
    build_state.settings = project.settings
    build_state.content_pages = content_pages
    build_state.settings_dir = project.content.settings_dir
    build_state.menu = menu
    build_state.stylesheets = bundle_stylesheets(config)
    build_state.renderer = Renderer(incremental.reading(project.handbook), site=build_state.site)
    build_state.item_page_key = item_page_key(project.handbook, build_state.site)
    glossary = glossary_words(project.handbook)
    build_state.glossary = glossary_index(glossary)
    build_state.glossary_key = incremental.digest(*((word.word, word.explanation) for word in glossary))
    build_state.item_paths = item_paths(project.handbook)
    build_state.search_words = project.search_words
    config.nav = expand_nav(config.nav or nav(menu, words.word("home_title"), titles), section_entries(project.handbook))
    return config


def checked_menu(project: Project, content_pages: dict[str, Path], docs_dir: Path) -> tuple[list[MenuEntry], dict[str, str]]:
    """The menu of handboek.yml, and the heading of every page in it; raise DataErrors for a page that does not exist."""
    engine_pages = {path.relative_to(docs_dir).as_posix(): path for path in docs_dir.rglob("*.md")}
    settings_file = project.content.settings_dir / SETTINGS_FILE
    if problems := menu_problems(settings_file, project.settings, set(engine_pages) | set(content_pages)):
        raise DataErrors(problems)
    sources = {**engine_pages, **content_pages}
    menu = build_menu(project.settings, project.handbook, sorted(content_pages))
    named = {page for entry in menu for page in (entry.page, *entry.pages) if page in sources}
    titles = {page: heading for page in named if (heading := first_heading(sources[page].read_text(encoding="utf-8")))}
    return [dataclasses.replace(entry, title=entry.title or titles.get(entry.page or "")) for entry in menu], titles


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """Rebuild when the settings or any content in use change: the fork's own folder too, which
    mkdocs.yml cannot name (it does not exist upstream)."""
    content = project_content(Path(config.config_file_path).parent)
    for layer in content.layers:
        for path in (layer.root / SETTINGS_FILE, layer.data_dir, layer.pages_dir):
            if path.exists():
                server.watch(str(path))
    return server


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


def apply_language(config: MkDocsConfig, settings: Settings) -> None:
    """language: and words: of handboek.yml: the engine's texts, Material's own, and search's stemming."""
    chosen = words.use(language_of(settings), chosen_words(settings))
    config.theme["language"] = words.THEME_LANGUAGE[chosen.language]  # also <html lang>
    for name, plugin in config.plugins.items():
        if name.endswith("search"):  # Material's search copies its settings into its index at its own on_config
            plugin.config.lang = [chosen.language]
            if index := getattr(plugin, "search_index", None):
                index.config["lang"] = [chosen.language]
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = chosen.permalink_title
    config.extra["hb_words"] = chosen  # overrides/main.html gives the scripts their texts


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
        "organisation": organisation, "licence": settings.licence.name, "provenance": settings.provenance,
        "directory_urls": config.use_directory_urls,  # false in the offline build
    }


def on_files(files: Files, config: MkDocsConfig) -> Files:
    renderer = build_state.current()
    for path, content in item_pages(renderer.handbook, renderer, build_state.site, kept_item_page).items():
        files.append(File.generated(config, path, content=content))
    for path, content in print_pages(renderer.handbook, renderer, build_state.site).items():
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    add_content_pages(files, config)
    for path, content in open_data_files(renderer.handbook, build_state.settings.title, licence_record(build_state.settings)).items():
        files.append(File.generated(config, path, content=content))
    for written, image in renderer.handbook.images.items():
        files.append(File.generated(config, image_site_path(written), abs_src_path=str(image)))
    settings = build_state.settings
    logo = logo_file(build_state.settings_dir, settings)
    stylesheets = take_stylesheets(files) + own_stylesheets(settings)
    files.append(File.generated(config, SITE_CSS, content=site_css(settings, stylesheets)))
    files.append(File.generated(config, logo_uri(settings), abs_src_path=str(logo)))
    leave_out_of_nav(files, nav_paths(config.nav))
    return files


def item_page_key(handbook: Handbook, site: dict[str, Any]) -> str:
    """What an item page's template reads besides the items: the site's settings, the words, the lists."""
    return incremental.digest(repr(site), repr(words.current()), repr(handbook.lists), repr(sorted(handbook.images.items())))


def kept_item_page(entry: Entry, write: Callable[[], str]) -> str:
    """Under `mkdocs serve`, an item's page as last time while nothing it read of the handbook changed."""
    return incremental.reused_by_reads(entry.path, build_state.item_page_key, build_state.current().handbook, write,
                                       given=[item_read(entry)])


def add_content_pages(files: Files, config: MkDocsConfig) -> None:
    """The content's own pages, then the home and overview pages the engine writes where the content has
    none of its own; the handbook's pages under docs/ that are of no use without items are left out."""
    renderer = build_state.current()
    for path, source in build_state.content_pages.items():
        replace_file(files, File.generated(config, path, abs_src_path=str(source)))
    in_menu = {entry.page for entry in build_state.menu}
    for page in ENGINE_PAGES:
        if page not in in_menu and page not in build_state.content_pages and (file := files.get_file_from_path(page)):
            if not in_use(MenuEntry(None, page=page), renderer.handbook):
                files.remove(file)
    written = section_pages(build_state.menu) - set(build_state.content_pages)
    build_state.existing_pages = {file.src_uri for file in files.documentation_pages()} | written
    texts = section_page_texts(renderer, build_state.menu, home_routes(config.nav), build_state.settings, build_state.existing_pages)
    for path, text in texts.items():  # in the menu's order: the search index lists pages as they come
        if path in written:
            replace_file(files, File.generated(config, path, content=text))


def replace_file(files: Files, file: File) -> None:
    if existing := files.get_file_from_path(file.src_uri):
        files.remove(existing)
    files.append(file)


def home_routes(nav: list[Any]) -> list[Route]:
    return section_routes(nav, HOME_PAGE)


def nav_paths(nav: Any) -> set[str]:
    """Every page path in the navigation."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(nav_paths(value) for value in nav.values()))
    if isinstance(nav, list):
        return set().union(*(nav_paths(value) for value in nav)) if nav else set()
    return set()


def leave_out_of_nav(files: Files, in_nav: set[str]) -> None:
    """Pages that are not in the menu (the items of a section too long for it, pages a handbook does not
    list) are built and linked, but not reported as missing from the navigation."""
    for file in files.documentation_pages():
        if file.src_uri not in in_nav and file.inclusion in (InclusionLevel.UNDEFINED, InclusionLevel.INCLUDED):
            file.inclusion = InclusionLevel.NOT_IN_NAV


def licence_record(settings: Settings) -> dict[str, str]:
    """The texts' licence as open data states it: the one in handboek.yml."""
    return {"name": settings.licence.name, **({"url": settings.licence.url} if settings.licence.url else {})}


def on_env(env: Environment, **_: Any) -> Environment:
    """Material's templates, too, are compiled once and kept between builds."""
    env.bytecode_cache = compiled_template_cache(env)
    return env


def own_stylesheets(settings: Settings) -> list[tuple[str, str]]:
    """The stylesheets that handboek.yml names (checked when it was read), after the engine's own."""
    found = [(written, own_stylesheet(written, build_state.settings_dir)[0]) for written in settings.stylesheets]
    return [(written, path.read_text(encoding="utf-8")) for written, path in found if path is not None]


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
    if page.file.src_uri not in build_state.item_paths:
        markdown, unlinked = unlink_removed_items(markdown, page.file.src_uri, build_state.existing_pages)
        for target in unlinked:
            log.info("%s: link naar %s staat er als tekst; dat onderdeel is er niet (meer) in data/", page.file.src_uri, target)
    if page.file.src_uri.startswith(f"{KIND_INFO['terms'].folder}/"):
        return markdown
    return incremental.reused(("glossary", build_state.glossary_key, markdown),
                              lambda: with_abbreviations(markdown, build_state.glossary))


def on_post_build(config: MkDocsConfig) -> None:
    """Give Material's search index the forms of its words that readers type (macros/search.py).
    Runs after the search plugin has written the index, and before the offline plugin copies it."""
    if incremental.enabled:
        incremental.finish_build()
    if preview_output.enabled:
        preview_output.sweep(config.site_dir)
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
