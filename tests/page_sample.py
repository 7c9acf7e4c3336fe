"""Which pages a full-page browser check visits: one page of each page template plus a small fixed
sample, so that the check costs the same for a handbook of ten items as for one of a thousand.

A page's template is read from its address: the home, each section's overview (`werkwijzen/`), each
engine page (`sessie-plannen/`) and one item page per kind (`werkwijzen/<id>/`). The sample adds, per
template, its largest page (the most content on one page: long tables, many links)."""

from __future__ import annotations

from pathlib import Path

from .conftest import page_address, site_pages


def template_of(address: str) -> str:
    """`''` for the home, `werkwijzen/` for an overview or engine page, `werkwijzen/*` for an item page."""
    parts = [part for part in address.split("/") if part]
    if not parts:
        return ""
    return parts[0] + ("/*" if len(parts) > 1 else "/")


def pages_by_template(site: Path) -> dict[str, list[Path]]:
    grouped: dict[str, list[Path]] = {}
    for page in site_pages(site):
        grouped.setdefault(template_of(page_address(site, page)), []).append(page)
    return grouped


def template_sample(site: Path) -> list[str]:
    """The addresses to visit: the first and the largest page of each template, and the 404 page."""
    chosen: set[Path] = set()
    for pages in pages_by_template(site).values():
        chosen |= {pages[0], max(pages, key=lambda page: page.stat().st_size)}
    addresses = sorted(page_address(site, page) for page in chosen)
    return addresses + (["404.html"] if (site / "404.html").is_file() else [])


PRINT_DOCUMENT = 'class="hb-print'  # the pages macros/printing.py writes for the pdf command


def is_print_document(site: Path, address: str) -> bool:
    """A page the pdf command prints from: no headings in its table of contents, so Material gives it no
    skip link; a reader does not land there (no page links to it, search leaves it out)."""
    path = site / address / "index.html" if not address.endswith(".html") else site / address
    return path.is_file() and PRINT_DOCUMENT in path.read_text(encoding="utf-8")
