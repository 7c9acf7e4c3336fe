"""Hand-written pages that link to items a fork has removed: show the link text, drop the link."""

from __future__ import annotations

import posixpath
import re

from .handbook import KIND_INFO, Handbook

_INLINE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]+)\]\((?P<target>[^)\s#?]+\.md)(?P<rest>[#?][^)\s]*)?\)")
ITEM_FOLDERS = {info.folder for info in KIND_INFO.values()}


def item_paths(handbook: Handbook) -> set[str]:
    """The docs paths of every item page in this handbook."""
    return {entry.path for kind in KIND_INFO for entry in handbook.entries(kind)}


def unlink_removed_items(markdown: str, page: str, existing: set[str]) -> tuple[str, list[str]]:
    """The page with links to missing item pages turned into their text, and the targets unlinked.
    Only links into item folders count; any other broken link is left for MkDocs to report."""
    unlinked: list[str] = []

    def replace(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match["target"]))
        folder, _, name = target.partition("/")
        if folder in ITEM_FOLDERS and name != "index.md" and "/" not in name and target not in existing:
            unlinked.append(target)
            return match["text"]
        return match[0]

    return _INLINE_LINK.sub(replace, markdown), unlinked
