"""Render handbook items to Markdown with Jinja; knows nothing of MkDocs."""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup

from . import practice, present, printing, sheets
from .handbook import KIND_INFO, Entry, Handbook
from .model import A4_WRITING_MM, MOMENT_LABELS, PRINTED_LINE_MM
from .words import capitalised, current

TEMPLATE_DIR = Path(__file__).parent / "templates"
YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def relative_link(from_page: str, to_page: str) -> str:
    """Link between two pages given by their paths under docs/, as MkDocs resolves it."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def page_url(docs_path: str, directory_urls: bool = True) -> str:
    """The address of a page under the site root: `a/b.md` → `a/b/`, or `a/b.html` without directory
    URLs (the offline build, which is opened from file://)."""
    stem = docs_path.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def html_link(from_page: str, to_file: str, directory_urls: bool = True) -> str:
    """Link in raw HTML from a page to a file of the built site, relative to the page's address."""
    return posixpath.relpath(to_file, posixpath.dirname(page_url(from_page, directory_urls)) or ".")


def html_page_link(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """Link in raw HTML from a page to another page, both given by their paths under docs/."""
    target = page_url(to_page, directory_urls)
    link = html_link(from_page, target, directory_urls)
    return link + "/" if target.endswith("/") else link


def template_environment(**options: Any) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        **options,
    )
    environment.bytecode_cache = compiled_template_cache(environment)
    return environment


def compiled_template_cache(environment: jinja2.Environment) -> jinja2.FileSystemBytecodeCache | None:
    """Compiled templates kept between builds, so a rebuild under `mkdocs serve` compiles none again.
    Jinja checks a cached template against its source only, so the options that shape the compiled
    code are part of the file name: environments with other options never share a file."""
    autoescape = environment.autoescape
    shape = (
        environment.trim_blocks, environment.lstrip_blocks, environment.keep_trailing_newline,
        environment.newline_sequence, environment.optimized, environment.finalize is not None,
        getattr(autoescape, "__qualname__", autoescape), sorted(environment.extensions),
        environment.block_start_string, environment.block_end_string, environment.variable_start_string,
        environment.variable_end_string, environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix,
    )
    key = hashlib.sha1(repr(shape).encode()).hexdigest()[:12]
    try:
        return jinja2.FileSystemBytecodeCache(pattern=f"__handboek_{key}_%s.cache")
    except (OSError, RuntimeError):  # no usable temporary folder: build without the cache, only slower
        return None

def yaml_text(meta: dict[str, Any]) -> str:
    """A page's metadata as YAML for its front matter, in its own order (libyaml's writer where PyYAML has it)."""
    return yaml.dump(meta, Dumper=YAML_DUMPER, sort_keys=False, allow_unicode=True)



class Renderer:
    """Renders pages and fragments for one handbook; ``page`` is the path of the page being written."""

    def __init__(self, handbook: Handbook, site: dict[str, Any] | None = None) -> None:
        self.handbook = handbook
        self.directory_urls = (site or {}).get("directory_urls", True)
        site = site or {}
        shared = {
            "handbook": handbook, "site": site, "moments": MOMENT_LABELS, "words": current(), "kinds": KIND_INFO,
            "provenance_of": lambda item: getattr(item, "provenance", None) or site.get("provenance", "eigen-woorden"),
            "source_licences": lambda item: [source.item.licence for source in handbook.refs("sources", item.sources) if source.item.licence],
        }
        # Markdown pages: every printed value is escaped as Markdown text unless it is Markup.
        self.environment = template_environment(finalize=present.escape_output, keep_trailing_newline=True)
        self.environment.filters.update(
            markdown=present.markdown_field,
            join=present.join_text,
            url=present.url_link,
            duration=present.duration_text,
            group_size=present.group_size_text,
            phase=lambda value: handbook.lists.label("phases", value),
            setting=lambda value: handbook.lists.label("settings", value),
            configuration=lambda value: handbook.lists.label("configurations", value),
            minutes=present.minutes_text,
            attribution=present.attribution,
            url_target=present.link_target,
            attribute=lambda text: Markup(present.html_text(text)),
            capitalised=capitalised,
        )
        self.environment.globals.update(
            shared, summary_of=practice.summary_of,
            practice_for=lambda competence_id: practice.practice_for(competence_id, handbook),
            self_assessments_of=lambda competence_id: practice.self_assessments_of(competence_id, handbook),
            documents_of=lambda entry: printing.documents_of(entry, handbook),
        )
        # Worksheet sheets are raw HTML inside the page: plain HTML escaping.
        self.html_environment = template_environment()
        self.html_environment.filters.update(
            duration=present.duration_text, group_size=present.group_size_text, attribution=present.attribution,
            capitalised=capitalised,
        )
        self.html_environment.globals.update(
            shared,
            rating_groups=lambda block: sheets.rating_groups(block, handbook),
            schedule_rows=lambda block: sheets.schedule_rows(block, handbook),
            schedule_total=lambda block: sheets.schedule_total(block, handbook),
            practice_suggestions=lambda block, page_link: practice.suggestions(block, handbook, page_link),
            lines_per_page=A4_WRITING_MM // PRINTED_LINE_MM,
        )

    def render(self, template: str, page: str, **context: Any) -> str:
        def link(entry: Entry) -> Markup:
            return Markup(relative_link(page, entry.path))

        def sheet(entry: Entry) -> Markup:
            return self.html_fragment("sheet/worksheet.html.j2", page, entry=entry, item=entry.item)

        def file_link(path: str) -> Markup:
            return Markup(html_link(page, path, self.directory_urls))

        return self.environment.get_template(template).render(
            page=page, link=link, sheet=sheet, file_link=file_link, **context
        )

    def html_fragment(self, template: str, page: str, **context: Any) -> Markup:
        """Raw HTML for the page at ``page`` (a path under docs/), its links relative to that page."""
        return Markup(self.html_environment.get_template(template).render(
            page=page,
            url=lambda path: html_link(page, path, self.directory_urls),
            page_link=lambda other: html_page_link(page, other.path, self.directory_urls),
            **context,
        ))

    def item_page(self, entry: Entry) -> str:
        return self.render(f"items/{entry.kind}.md.j2", entry.path, entry=entry, item=entry.item)
