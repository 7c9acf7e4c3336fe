"""Heading links named by ``aria-label`` instead of ``title``. With ``content.tooltips`` Material gives
every titled element in the content a tooltip component of its own as the page starts; on a page with
fifteen headings that start-up cost a phone more than all the handbook's own scripts together, for a
tooltip on the small link symbol that no reader needs. The glossary terms have their own (glossary.js)."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class NamedHeadingLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if "headerlink" in (link.get("class") or "").split() and (title := link.attrib.pop("title", None)):
                link.set("aria-label", title)


class NamedHeadingLinksExtension(Extension):
    """Listed after ``toc`` under markdown_extensions in mkdocs.yml (as ``macros.heading_links``)."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After toc (priority 5) has added the links.
        md.treeprocessors.register(NamedHeadingLinks(md), "named_heading_links", 4)


def makeExtension(**kwargs: object) -> NamedHeadingLinksExtension:  # noqa: N802 (the name Markdown looks for)
    return NamedHeadingLinksExtension(**kwargs)
