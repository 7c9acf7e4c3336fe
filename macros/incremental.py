"""Under `mkdocs serve`: reuse the work of the previous build for pages whose inputs did not change.

MkDocs rebuilds the whole site on every save. Four steps per page cost most of that, and each depends only
on what is passed to it, so each is kept here by everything it reads: the same input gives last time's
output, any change a fresh one.

- Converting the page's Markdown to HTML (Python-Markdown, MkDocs' link check): by the page's final
  Markdown (after mkdocs-macros and the glossary), its address and the addresses of all files of the site
  (a link's target may come or go). Warnings the conversion logged are logged again when it is reused.
- Material's search entries of the page: by its address, HTML, table of contents, title and metadata.
- The theme's page around it: by all of that, the page's tags, the site's settings (handboek.yml ends up
  in them) and what the menu can show on the page (macros.incremental.outline): a new title re-renders
  the pages of its own section, not those of the others. Where only the menu differs from last time, only
  the menu is rendered again, into last time's page.
- An item's page as Markdown: by what its template read of the handbook (macros/reads.py: the item, the
  items it shows, the links it looked up, each kind it listed in full), each read finding the same as last
  time, and by the settings, words and lists (hooks.item_page_key).

Any other step whose inputs are known can be kept the same way with reused(key, compute): the glossary's
abbreviations of a page (by its Markdown and the glossary). Everything else runs as before on every save:
the data are loaded and checked (the parsed YAML and the record of an unchanged file come from loader's
caches), mkdocs-macros runs on every page, the tags plugin and the search index are filled from all pages.
Each rebuild logs how many pages it converted and rendered again, and how many item pages it wrote again.
A change of mkdocs.yml, of the engine's code or templates (macros/) or of the theme's overrides (overrides/)
empties every cache. Only `mkdocs serve` turns this on (hooks.on_startup); `mkdocs build` does not. What
is written to the site folder is macros/preview_output.py's part."""

from __future__ import annotations

import copy
import functools
import hashlib
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.commands import serve as mkdocs_serve
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from .handbook import Handbook
from .reads import Read, ReadingHandbook, found

log = logging.getLogger("mkdocs.hooks.handboek")
T = TypeVar("T")
PACKAGE_DIR = Path(__file__).parent
# What the templates' output depends on besides the page and the menu; theme overrides are watched too.
ENGINE_DIRS = (PACKAGE_DIR, PACKAGE_DIR.parent / "overrides")


@dataclass(frozen=True)
class KeptByReads:
    """A result, the key it was made with and what each of its reads of the handbook found then."""

    key: tuple[str, str]
    reads: dict[Read, str]
    result: Any


@dataclass(frozen=True)
class Rendered:
    """What Page.render sets on a page, and what it logged on the way."""

    content: str
    toc: TableOfContents
    title: str | None
    anchor_ids: set[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the target's path under docs/
    records: tuple[logging.LogRecord, ...]


rendered_pages: dict[tuple[str, ...], Rendered] = {}
search_entries: dict[str, list[dict[str, Any]]] = {}
built_pages: dict[str, str] = {}
built_frames: dict[str, str] = {}  # the latest theme output by everything it shows except the menu
theme_files: dict[str, list[tuple[str, str]]] = {}  # the theme's static files: (path, theme folder)
used_renders: set[tuple[str, ...]] = set()
used_entries: set[str] = set()
used_outputs: set[str] = set()
used_frames: set[str] = set()
results: dict[tuple[str, ...], Any] = {}  # of reused(): any other step whose inputs its key names
used_results: set[tuple[str, ...]] = set()
read_results: dict[str, KeptByReads] = {}  # of reused_by_reads(), by name
used_read_results: set[str] = set()
found_now: dict[Read, str] = {}  # what each read finds in this build's handbook
engine_state = ""
this_build: dict[str, str] = {}  # what is the same for every page of the build in progress
last_files: tuple[Files | list[File] | None, str] = (None, "")
enabled = False
# MkDocs lists the watched folders every 0.5 s; a save then waits 0.25 s on average before its rebuild starts.
# Every 0.2 s costs about 1 ms per 100 files per listing (measured on this handbook's 176 files).
POLLING_SECONDS = 0.2
BUILD_DELAY_SECONDS = 0.01
counts = {"converted": 0, "reused": 0, "built": 0, "menus": 0, "kept": 0, "written": 0, "unchanged": 0}
# Material's menu (partials/nav.html) as base.html renders it, with what base.html defines first. Where a
# feature puts the menu's titles somewhere else too (tabs, the path above the title), the page is rendered whole.
MENU_TEMPLATE = ('{% import "partials/language.html" as lang with context %}'
                 '{% set features = config.theme.features or [] %}{% include "partials/nav.html" %}')
MENU_START = '<nav class="md-nav md-nav--primary'
MENU_ELSEWHERE = frozenset({"navigation.tabs", "navigation.path"})
NAV_TAG = re.compile(r"<(/?)nav\b[^>]*>")


def enable() -> None:
    """Wrap Page.render, MkDocs' page building and Material's search indexing, once per process; and have
    `mkdocs serve`, which creates its server after on_startup, look for saves more often."""
    global enabled
    if enabled:
        return
    enabled = True
    mkdocs_serve.LiveReloadServer = QuickerReloadServer  # type: ignore[misc]
    Page.render = cached_render(Page.render)  # type: ignore[method-assign]
    mkdocs_build._build_page = build_page_once
    Files.add_files_from_theme = cached_theme_files(Files.add_files_from_theme)  # type: ignore[method-assign]
    from material.plugins.search.plugin import SearchIndex

    SearchIndex.add_entry_from_context = cached_indexing(SearchIndex.add_entry_from_context)  # type: ignore[method-assign]


class QuickerReloadServer(LiveReloadServer):
    """MkDocs' preview server, looking for saved files every POLLING_SECONDS and starting the rebuild as
    soon as it sees them: MkDocs waits a tenth of a second for more changes first, but its watcher reports
    the changes of one listing at once, and the next listing comes only POLLING_SECONDS later."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("polling_interval", POLLING_SECONDS)
        super().__init__(*args, **kwargs)
        self.build_delay = BUILD_DELAY_SECONDS


def digest(*parts: object) -> str:
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        hashed.update(str(part).encode("utf-8", errors="surrogatepass"))
        hashed.update(b"\0")
    return hashed.hexdigest()


def current_engine_state(config: MkDocsConfig) -> str:
    """Changes when mkdocs.yml or the engine's code changes: then nothing of the last build is reused."""
    engine = sorted(path for folder in ENGINE_DIRS for path in folder.rglob("*") if path.is_file())
    stamps = [f"{path}:{path.stat().st_mtime_ns}" for path in engine]
    config_text = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
    return digest(config_text, *stamps)


def start_build(config: MkDocsConfig) -> None:
    """Forget everything when the engine's state changed since the last build."""
    global engine_state
    state = current_engine_state(config)
    if state != engine_state:
        rendered_pages.clear()
        search_entries.clear()
        built_pages.clear()
        built_frames.clear()
        theme_files.clear()
        results.clear()
        read_results.clear()
        engine_state = state
    used_renders.clear()
    used_entries.clear()
    used_outputs.clear()
    used_frames.clear()
    used_results.clear()
    used_read_results.clear()
    found_now.clear()
    this_build.clear()
    counts.update(dict.fromkeys(counts, 0))


def reused(key: tuple[str, ...], compute: Callable[[], T]) -> T:
    """compute(), or under `mkdocs serve` its result of the last build with the same key: the key names
    everything compute reads."""
    if not enabled:
        return compute()
    key = (engine_state, *key)
    used_results.add(key)
    if key not in results:
        results[key] = compute()
    return results[key]


def reading(handbook: Handbook) -> Handbook:
    """The handbook to render from: under `mkdocs serve` one that can tell what each page read of it."""
    return ReadingHandbook(handbook) if enabled else handbook


def reused_by_reads(name: str, key: str, handbook: Handbook, compute: Callable[[], T], given: Iterable[Read] = ()) -> T:
    """compute(), or under `mkdocs serve` last build's result for `name` when `key` is the same and each
    read compute made of the handbook (a ReadingHandbook from reading()) finds what it found then. `given`
    are the reads of what the caller handed to compute itself; the key names everything else it reads:
    settings, words, lists."""
    if not isinstance(handbook, ReadingHandbook):
        return compute()
    used_read_results.add(name)
    kept = read_results.get(name)
    if kept and kept.key == (engine_state, key) and all(found_in(handbook, read) == was for read, was in kept.reads.items()):
        counts["unchanged"] += 1
        return kept.result  # type: ignore[no-any-return]
    with handbook.recording(given) as log:
        result = compute()
    read_results[name] = KeptByReads((engine_state, key), {read: found_in(handbook, read) for read in log}, result)
    counts["written"] += 1
    return result


def found_in(handbook: Handbook, read: Read) -> str:
    if read not in found_now:
        found_now[read] = found(handbook, read)
    return found_now[read]


def files_state(files: Files | list[File]) -> str:
    """The addresses of all files, computed once per build (MkDocs passes the same Files to every page). In
    any order: a new title moves its page in the list, and a link finds its target by address."""
    global last_files
    if last_files[0] is not files:
        last_files = (files, digest(*sorted(f"{file.src_uri}>{file.dest_uri}>{file.inclusion.name}" for file in files)))
    return last_files[1]


def render_key(page: Page, files: Files) -> tuple[str, ...]:
    return (engine_state, files_state(files), page.file.src_uri, page.file.dest_uri, page.markdown or "")


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def cached_render(render: Callable[[Page, MkDocsConfig, Files], None]) -> Callable[[Page, MkDocsConfig, Files], None]:
    def render_once(page: Page, config: MkDocsConfig, files: Files) -> None:
        key = render_key(page, files)
        used_renders.add(key)
        if (kept := rendered_pages.get(key)) is not None:
            reuse(page, kept, files)
            counts["reused"] += 1
            return
        recorder = Recorder()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(recorder)
        try:
            render(page, config, files)
        finally:
            logger.removeHandler(recorder)
        rendered_pages[key] = remembered(page, recorder.records)
        counts["converted"] += 1

    return render_once


def remembered(page: Page, records: Iterable[logging.LogRecord]) -> Rendered:
    links = getattr(page, "links_to_anchors", None)
    by_path = None if links is None else {target.src_uri: dict(anchors) for target, anchors in links.items()}
    # A copy: the tags plugin adds its listing's headings to the page's own table of contents later.
    return Rendered(page.content or "", copy.deepcopy(page.toc), page._title_from_render, set(page.present_anchor_ids),
                    by_path, tuple(records))


def reuse(page: Page, kept: Rendered, files: Files) -> None:
    page.content = kept.content
    page.toc = copy.deepcopy(kept.toc)
    page._title_from_render = kept.title
    page.present_anchor_ids = set(kept.anchor_ids)
    if kept.links_to_anchors is not None:
        page.links_to_anchors = {target: dict(anchors) for path, anchors in kept.links_to_anchors.items()
                                 if (target := files.get_file_from_path(path)) is not None}
    for record in kept.records:
        logging.getLogger(record.name).handle(record)


def search_key(page: Page) -> str:
    toc = [(item.url, item.title, item.level) for item in flat_toc(page.toc)]
    return digest(engine_state, page.url, page.content or "", repr(toc), str(page.title), repr(page.meta.get("title")),
                  repr(page.meta.get("tags")), repr(page.meta.get("search")))


def flat_toc(toc: Iterable[Any]) -> Iterable[Any]:
    for item in toc:
        yield item
        yield from flat_toc(item.children)


def cached_indexing(add_entry: Callable[[Any, Page], None]) -> Callable[[Any, Page], None]:
    def add_entry_once(index: Any, page: Page) -> None:
        key = search_key(page)
        used_entries.add(key)
        if (kept := search_entries.get(key)) is not None:
            index.entries.extend(dict(entry) for entry in kept)  # Material reads an entry's values, never changes them
            return
        before = len(index.entries)
        add_entry(index, page)
        search_entries[key] = [dict(entry) for entry in index.entries[before:]]

    return add_entry_once


def finish_build() -> None:
    """Keep only what this build used: an edited page's older versions are not needed again."""
    caches: tuple[tuple[dict[Any, Any], set[Any]], ...] = (
        (rendered_pages, used_renders), (search_entries, used_entries), (built_pages, used_outputs),
        (built_frames, used_frames), (results, used_results), (read_results, used_read_results))
    for cache, keys in caches:
        for key in set(cache) - keys:
            del cache[key]
    pages = counts["converted"] + counts["reused"]
    log.info("Voorvertoning: van %d pagina's %d opnieuw omgezet en %d opnieuw in het thema gezet, waarvan %d "
             "alleen met een nieuw menu; van %d onderdeelpagina's %d opnieuw geschreven", pages, counts["converted"],
             counts["built"] + counts["menus"], counts["menus"], counts["written"] + counts["unchanged"], counts["written"])


def build_page_once(page: Page, config: MkDocsConfig, doc_files: Any, nav: Navigation, env: jinja2.Environment,
                    dirty: bool = False, excluded: bool = False) -> None:
    """MkDocs' _build_page, with the theme's output reused when everything it shows is as last time.
    The plugins' page_context still runs for every page: the search index and the tags are built anew."""
    if dirty and not page.file.is_modified():  # `serve --dirty` leaves such a page as it was, like MkDocs
        return
    config._current_page = page
    try:
        page.active = True
        context = mkdocs_build.get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        if excluded:
            page.content = '<div class="mkdocs-draft-marker" title="This page will not be included into the built site.">DRAFT</div>' + (page.content or "")
        frame, key = output_key(page, config, nav, context)
        used_outputs.add(key)
        used_frames.add(frame)
        if (output := built_pages.get(key)) is not None:
            counts["kept"] += 1
        else:
            output = built_pages[key] = theme_output(env, template, context, built_frames.get(frame))
        built_frames[frame] = output
        output = config.plugins.on_post_page(output, page=page, config=config)
        if output.strip():
            utils.write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
    except Exception as error:
        message = f"Error building page '{page.file.src_uri}':"
        mkdocs_build.log.error(message if isinstance(error, BuildError) else f"{message} {error}")
        raise
    finally:
        page.active = False
        config._current_page = None


def theme_output(env: jinja2.Environment, template: jinja2.Template, context: Any, earlier: str | None) -> str:
    """The page in the theme; from `earlier`, the page as it was with everything but its menu the same,
    with the menu rendered again."""
    features = set(context["config"].theme.get("features") or [])
    if earlier is not None and not features & MENU_ELSEWHERE and (old := menu_span(earlier)) is not None:
        rendered = menu_template(env).render(context)
        if (new := menu_span(rendered)) is not None:
            counts["menus"] += 1
            return earlier[:old[0]] + rendered[new[0]:new[1]] + earlier[old[1]:]
    counts["built"] += 1
    return template.render(context)


@functools.lru_cache(maxsize=1)
def menu_template(env: jinja2.Environment) -> jinja2.Template:
    return env.from_string(MENU_TEMPLATE)


def menu_span(output: str) -> tuple[int, int] | None:
    """Where the menu's <nav> element starts and ends in a page: nested <nav> elements are its sections."""
    start = output.find(MENU_START)
    if start < 0:
        return None
    depth = 0
    for tag in NAV_TAG.finditer(output, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start, tag.end()
    return None


def output_key(page: Page, config: MkDocsConfig, nav: Navigation, context: Any) -> tuple[str, str]:
    """(everything the theme shows of the page except its menu, that and what the menu can show on it)"""
    toc = [(item.url, item.title, item.level) for item in flat_toc(page.toc)]
    if "site" not in this_build:
        this_build["site"] = digest(config.site_name, config.site_description, config.site_url, config.copyright,
                                    repr(config.extra), repr(dict(config.theme.items())))
    site = [this_build["site"], repr(context["extra_css"]), repr(context["extra_javascript"])]
    neighbours = [(other.title, other.url) if other else None for other in (page.previous_page, page.next_page)]
    tags = [(str(getattr(tag, "tag", tag)), getattr(tag, "url", None)) for tag in context.get("tags") or []]
    frame = digest(engine_state, files_state(context["pages"]), page.file.src_uri, page.url, page.content or "",
                   str(page.title), repr(toc), repr(page.meta), repr(neighbours), repr(tags), *site)
    return frame, digest(frame, repr(outline(nav.items, page)))


def outline(items: list[Any], page: Page) -> list[Any]:
    """What the menu can show on this page (whose address is part of the key already): the open sections
    in full; of a closed section what Material's pruned menu shows (its title, its first page, which children
    are pages, sections or its index). Each is the same on every page that shows it: computed once per build."""
    return [open_outline(item) if isinstance(item, Section) and contains(item, page) else item_outline(item)
            for item in items]


def open_outline(section: Section) -> str:
    key = f"open:{id(section)}"
    if key not in this_build:
        this_build[key] = repr(("open", section.title, [full_outline(child) for child in section.children]))
    return this_build[key]


def full_outline(item: Any) -> Any:
    if isinstance(item, Section):
        return ("section", item.title, [full_outline(child) for child in item.children])
    return item_outline(item)


def item_outline(item: Any) -> Any:
    if isinstance(item, Section):
        return closed_outline(item)
    if isinstance(item, Link):
        return ("link", item.title, item.url)
    return ("page", item.title, item.url, getattr(item, "is_index", False))


def closed_outline(section: Section) -> str:
    key = f"closed:{id(section)}"
    if key not in this_build:
        first = item_outline(section.children[0]) if section.children else None
        kinds = [(type(child).__name__, getattr(child, "url", None), getattr(child, "is_index", False)) for child in section.children]
        this_build[key] = repr(("closed", section.title, first, kinds))
    return this_build[key]


def contains(section: Section, page: Page) -> bool:
    return any(ancestor is section for ancestor in page.ancestors)


def cached_theme_files(add_files: Callable[[Files, jinja2.Environment, MkDocsConfig], None]) -> Callable[[Files, jinja2.Environment, MkDocsConfig], None]:
    """Walking the theme's folders for its static files takes a quarter of a second; they change only with
    the engine (overrides/ is part of its state) or the theme's settings."""
    def add_files_once(files: Files, env: jinja2.Environment, config: MkDocsConfig) -> None:
        key = digest(engine_state, repr(config.theme.dirs), repr(config.theme.static_templates))
        if key not in theme_files:
            found = Files([])
            add_files(found, env, config)
            theme_files[key] = [(file.src_uri, file.src_dir) for file in found]
        for path, folder in theme_files[key]:
            if files.get_file_from_path(path) is None:  # the docs' own files come first
                files.append(File(path, folder, config.site_dir, config.use_directory_urls))

    return add_files_once
