"""Pages that link to items or sections a handbook does not have (a fork removed them, a kind has no
items): show the link text, drop the link."""

from __future__ import annotations

import posixpath
import re

from .handbook import KIND_INFO, Handbook

_INLINE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]+)\]\((?P<target>[^)\s#?]+\.md)(?P<rest>[#?][^)\s]*)?\)")
ITEM_FOLDERS = {info.folder for info in KIND_INFO.values()}
SECTION_PAGES = {info.section for info in KIND_INFO.values()}


def item_paths(handbook: Handbook) -> set[str]:
    """The docs paths of every item page in this handbook."""
    return {entry.path for kind in KIND_INFO for entry in handbook.entries(kind)}


def is_removed(target: str, existing: set[str]) -> bool:
    """Whether `target` (a path under docs/) is the page of an item or of a section that the handbook
    does not have. Any other missing page is a mistake, left for MkDocs to report."""
    folder, _, name = target.partition("/")
    item_page = folder in ITEM_FOLDERS and name != "index.md" and "/" not in name
    return (item_page or target in SECTION_PAGES) and target not in existing


def unlink_removed_items(markdown: str, page: str, existing: set[str]) -> tuple[str, list[str]]:
    """The page with links to removed item and section pages turned into their text, and the targets unlinked."""
    unlinked: list[str] = []

    def replace(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match["target"]))
        if is_removed(target, existing):
            unlinked.append(target)
            return match["text"]
        return match[0]

    return _INLINE_LINK.sub(replace, markdown), unlinked
