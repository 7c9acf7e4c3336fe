"""The menu of a handbook from its settings (`sections:` in handboek.yml) and its data: which sections
exist, in what order, with what names and intros. A section without items is left out. Knows nothing of MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .handbook import KIND_INFO, Handbook
from .loader import DataError, read_yaml
from .markdown_links import line_of
from .settings import Section, Settings
from .words import with_page_words

HOME_PAGE = "index.md"
PLANNER_PAGE = "sessie-plannen.md"
# The handbook's own pages under docs/, and the kinds of items at least one of which each needs to be of use.
ENGINE_PAGES: dict[str, tuple[str, ...]] = {
    PLANNER_PAGE: ("methods", "plans"),
    "bewaard.md": ("methods", "worksheets"),
    "trefwoorden.md": (),
    "open-data.md": (),
}
DEFAULT_ORDER: tuple[str, ...] = (
    "methods", "worksheets", PLANNER_PAGE, "bewaard.md", "cases", "profiles", "disciplines", "roles",
    "terms", "trefwoorden.md", "sources", "open-data.md",
)


@dataclass(frozen=True)
class MenuEntry:
    """One entry of the menu: a page (an overview when `kinds` is set) or a titled group of pages."""

    title: str | None
    page: str | None = None
    pages: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    intro: str | None = None

    @property
    def generated(self) -> bool:
        """An overview page the engine writes (the planner page is the plans' overview, and is a page of its own)."""
        return bool(self.kinds) and self.page != PLANNER_PAGE


def section_kinds(section_page: str) -> tuple[str, ...]:
    """The kinds listed on one overview page, such as profiles and competences on competenties/index.md."""
    return tuple(kind for kind, info in KIND_INFO.items() if info.section == section_page)


def default_sections(content_pages: list[str]) -> list[Section]:
    """Without `sections:`: the content's own pages, then every overview and page of the handbook."""
    pages = [Section(page=page) for page in content_pages if page != HOME_PAGE]
    return pages + [Section(page=part) if part.endswith(".md") else Section(kind=part) for part in DEFAULT_ORDER]


def build_menu(settings: Settings, handbook: Handbook, content_pages: list[str]) -> list[MenuEntry]:
    """The menu entries in order, without those whose section has no items or whose page is of no use."""
    entries = [resolve(section) for section in settings.sections or default_sections(content_pages)]
    return [entry for entry in entries if in_use(entry, handbook)]


def resolve(section: Section) -> MenuEntry:
    if section.kind:
        page = KIND_INFO[section.kind].section
        title = section.title or KIND_INFO[section.kind].plural
        return MenuEntry(title, page=page, kinds=section_kinds(page), intro=section.intro)
    if section.pages:
        return MenuEntry(section.title, pages=section.pages)
    return MenuEntry(section.title, page=section.page, kinds=section_kinds(section.page or ""))


def in_use(entry: MenuEntry, handbook: Handbook) -> bool:
    needed = ENGINE_PAGES.get(entry.page or "", entry.kinds)
    return not needed or any(handbook.items[kind] for kind in needed)


def menu_problems(settings_file: Path, settings: Settings, known_pages: set[str]) -> list[DataError]:
    """A page named in `sections:` that neither the content nor the handbook has, with its line."""
    located = read_yaml(settings_file) if settings.sections else None
    problems = []
    for number, section in enumerate(settings.sections, start=1):
        named = [("page", section.page)] if section.page else [(f"pages[{index}]", page) for index, page in enumerate(section.pages, start=1)]
        for field, page in named:
            if page not in known_pages and located is not None:
                where = f"sections[{number}].{field}"
                problems.append(DataError(settings_file, line_of(located, where), where, (
                    f"pagina {page!r} bestaat niet; verwacht een pagina uit pages/ of een van: {', '.join(ENGINE_PAGES)}"
                )))
    return problems


def nav(menu: list[MenuEntry], home_title: str, titles: dict[str, str]) -> list[dict[str, object] | str]:
    """The menu as MkDocs' nav: a titled entry per page, a list per group (each page by its heading in
    `titles`, where known); the home page first."""
    entries: list[dict[str, object] | str] = [{home_title: HOME_PAGE}]
    for entry in menu:
        target: object = [{titles[page]: page} if page in titles else page for page in entry.pages] if entry.pages else entry.page
        entries.append({entry.title: target} if entry.title else str(target))
    return entries


def section_pages(menu: list[MenuEntry]) -> set[str]:
    """The pages the engine writes for this menu: the home page and each overview."""
    return {HOME_PAGE} | {entry.page for entry in menu if entry.generated and entry.page}


def first_heading(markdown: str) -> str | None:
    """A page's title as MkDocs takes it for the menu: its first level-1 heading, with its words filled in."""
    body = markdown.split("\n---", 1)[1] if markdown.startswith("---") else markdown
    for line in body.splitlines():
        if line.startswith("# "):
            return with_page_words(line[2:].strip())
    return None
