"""The printed documents: which PDFs a handbook has, and the pages Chromium prints them from.

One home for that list: the pages link exactly these PDFs, and `python -m macros pdf` writes them."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import segno
from markupsafe import Markup

from . import render
from .handbook import Entry, Handbook
from .model import Method, PlanItem, Step
from .present import html_text
from .sheets import css_string
from .words import current, word

if TYPE_CHECKING:
    from .render import Renderer

# What the PDF command reports per kind of document, singular and plural.
DOCUMENT_KINDS = {
    "werkblad": ("werkblad", "werkbladen"),
    "werkmap": ("werkmap", "werkmappen"),
    "pakket": ("sessiepakket", "sessiepakketten"),
    "kaart": ("kaart", "kaarten"),
    "kaartenset": ("kaartenset", "kaartensets"),
}
DECK_PAGE = "kaarten/index.md"
DECK_PDF = "kaartenset.pdf"
CARDS_PER_SHEET = 4
# Print pages are there to be printed; search and the navigation leave them out.
PRINT_PAGE_META = {"render_macros": False, "template": "print.html", "search": {"exclude": True}}


@dataclass(frozen=True)
class PrintDocument:
    kind: str  # a key of DOCUMENT_KINDS
    page: str  # the page Chromium prints, as a path under docs/
    pdf: str  # where the PDF goes in the built site
    title: str
    page_limit: int | None = None  # a worksheet's declared number of pages


def worksheet_document(sheet: Entry) -> PrintDocument:
    return PrintDocument("werkblad", sheet.path, f"werkbladen/{sheet.id}.pdf", sheet.title, sheet.item.page_limit)


def werkmap_document(method: Entry) -> PrintDocument:
    return PrintDocument("werkmap", f"werkmappen/{method.id}.md", f"werkmappen/{method.id}.pdf", current().fill("print_werkmap_title", title=method.title))


def packet_document(plan: Entry) -> PrintDocument:
    return PrintDocument("pakket", f"pakketten/{plan.id}.md", f"pakketten/{plan.id}.pdf", current().fill("print_packet_title", title=plan.title))


def card_document(method: Entry) -> PrintDocument:
    return PrintDocument("kaart", f"kaarten/{method.id}.md", f"kaarten/{method.id}.pdf", current().fill("print_card_title", title=method.title))


def deck_document() -> PrintDocument:
    return PrintDocument("kaartenset", DECK_PAGE, DECK_PDF, word("print_deck_title"))


def documents_of(entry: Entry, handbook: Handbook) -> list[PrintDocument]:
    """The PDFs an item's own page links: a sheet's print, a method's werkmap and card, a plan's packet."""
    if entry.kind == "worksheets":
        return [worksheet_document(entry)]
    if entry.kind == "plans":
        return [packet_document(entry)]
    if entry.kind == "methods":
        werkmap = [werkmap_document(entry)] if method_sheets(handbook, entry) else []
        return [*werkmap, card_document(entry), deck_document()]
    return []


def print_documents(handbook: Handbook) -> list[PrintDocument]:
    """Every PDF of the handbook, each once, worksheets first: each worksheet, a werkmap per method
    with worksheets, a packet per plan, a card per method and the deck of all cards."""
    documents = {
        document.pdf: document
        for kind in ("worksheets", "methods", "plans")
        for entry in handbook.entries(kind)
        for document in documents_of(entry, handbook)
    }
    return sorted(documents.values(), key=lambda document: list(DOCUMENT_KINDS).index(document.kind))


def method_sheets(handbook: Handbook, method: Entry) -> list[Entry]:
    return handbook.linked("methods", method.id, "worksheets")


# --- What a packet says, from the plan and the methods it uses -------------------------------------


@dataclass(frozen=True)
class AgendaRow:
    start: int
    item: PlanItem
    title: str
    method: Entry | None
    instructions: tuple[str, ...]
    materials: tuple[str, ...]  # the method's materials, at the first row that uses the method
    worksheets: tuple[Entry, ...]


@dataclass(frozen=True)
class PrintRow:
    sheet: Entry
    used_at: str  # the title of the first agenda row that uses the sheet


def find_step(method: Method, title: str | None) -> Step | None:
    return next((step for step in method.steps if step.title == title), None)


def instructions(item: PlanItem, method: Method | None) -> tuple[str, ...]:
    """What the facilitator does in this part: the step's goal and activities, else the method's invitation."""
    if method is None:
        return ()
    if step := find_step(method, item.step):
        return tuple(([f"{word('print_goal')}: {step.goal}"] if step.goal else []) + list(step.activities))
    return (f"{word('print_invitation')}: {method.invitation}",) if method.invitation else ()


def agenda_rows(plan: Entry, handbook: Handbook) -> list[AgendaRow]:
    """The plan's parts with what to do and what to bring; a step's instructions and a method's materials
    at the first part that uses them, not again at every part of the same step."""
    rows: list[AgendaRow] = []
    seen: set[tuple[str, str | None]] = set()
    for start, item in zip(plan.item.starts, plan.item.items):
        method = handbook.entry("methods", item.method) if item.method else None
        first_of_step = method is not None and (method.id, item.step) not in seen
        first_of_method = method is not None and not any(seen_id == method.id for seen_id, _ in seen)
        if method:
            seen.add((method.id, item.step))
        rows.append(AgendaRow(
            start, item, item.title or item.step or (method.title if method else ""), method,
            instructions(item, method.item) if method and first_of_step else (),
            tuple(method.item.materials) if method and first_of_method else (),
            tuple(handbook.refs("worksheets", item.worksheets)),
        ))
    return rows


def plan_methods(plan: Entry, handbook: Handbook) -> list[Entry]:
    ids = [item.method for item in plan.item.items if item.method]
    return handbook.refs("methods", list(dict.fromkeys(ids)))


def unique(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def print_rows(rows: list[AgendaRow]) -> list[PrintRow]:
    first_use: dict[str, PrintRow] = {}
    for row in rows:
        for sheet in row.worksheets:
            first_use.setdefault(sheet.id, PrintRow(sheet, row.title))
    return list(first_use.values())


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


# --- Cards ------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)  # encoding is most of a rebuild's print pages, and an address's code never changes
def qr_svg(address: str) -> Markup:
    """The address as a QR code, inline SVG (no request to anyone); segno escapes nothing it is not given."""
    code = segno.make(address, error="m")
    return Markup(code.svg_inline(scale=3, border=2, omitsize=True, title=None))


def deck_sheets(methods: list[Entry]) -> list[list[Entry]]:
    """The cards in groups of four, one group per A4."""
    return [methods[start:start + CARDS_PER_SHEET] for start in range(0, len(methods), CARDS_PER_SHEET)]


def mirrored(group: list[Entry | None]) -> list[Entry | None]:
    """The backs of one A4 in the order that puts each behind its front when printed on both sides
    (flipped on the long edge): left and right swap within each row."""
    slots = group + [None] * (CARDS_PER_SHEET - len(group))
    return [slots[1], slots[0], slots[3], slots[2]]


# --- Pages -----------------------------------------------------------------------------------------


def page_address(site: dict[str, Any], docs_path: str) -> str:
    """A page's full web address, or "" when the site has no address (a bare path leads nowhere)."""
    if not (site_url := site.get("site_url")):
        return ""
    return site_url.rstrip("/") + "/" + render.page_url(docs_path, site.get("directory_urls", True))


def footer(site: dict[str, Any], title: str, docs_path: str) -> str:
    """The one line at the foot of a printed page: handbook, title and, when the site has one, the address."""
    parts = [site.get("handbook_name", ""), title, page_address(site, docs_path)]
    return " · ".join(part for part in parts if part)


@dataclass(frozen=True)
class PrintPart:
    """One part of a printed document; its pages carry its own footer (CSS named page `name`)."""

    name: str
    footer: str


def front_matter(title: str, parts: list[PrintPart]) -> str:
    meta = {
        **PRINT_PAGE_META, "title": html_text(title),  # MkDocs and Material print a page title as HTML
        "print_parts": [{"name": part.name, "footer": css_string(part.footer)} for part in parts],
    }
    return f"---\n{render.yaml_text(meta)}---\n\n"


def sheet_parts(site: dict[str, Any], sheets: list[Entry], first: int) -> list[PrintPart]:
    return [
        PrintPart(f"hb-part-{first + number}", footer(site, sheet.title, sheet.path))
        for number, sheet in enumerate(sheets)
    ]


def sheet_renderer(renderer: Renderer, page: str) -> Any:
    """Renders a worksheet as it appears in the printed document at ``page``."""
    return lambda sheet: renderer.html_fragment("sheet/worksheet.html.j2", page, entry=sheet, item=sheet.item)


def packet_page(plan: Entry, handbook: Handbook, renderer: Renderer, site: dict[str, Any]) -> str:
    document = packet_document(plan)
    rows = agenda_rows(plan, handbook)
    methods = plan_methods(plan, handbook)
    sheets = handbook.refs("worksheets", plan.item.worksheets)
    session = PrintPart("hb-part-0", footer(site, plan.title, plan.path))
    parts = [session, *sheet_parts(site, sheets, 1)]
    html = renderer.html_fragment(
        "print/packet.html.j2", document.page, plan=plan, item=plan.item, rows=rows, clock=clock,
        preparation=unique([text for method in methods for text in method.item.preparation]),
        materials=unique([text for method in methods for text in method.item.materials]),
        print_rows=print_rows(rows), sheets=list(zip(sheets, parts[1:])), session_part=session,
        sheet_html=sheet_renderer(renderer, document.page), document=document, methods=methods,
    )
    return front_matter(document.title, parts) + str(html)


def werkmap_page(method: Entry, handbook: Handbook, renderer: Renderer, site: dict[str, Any]) -> str:
    document = werkmap_document(method)
    sheets = method_sheets(handbook, method)
    parts = sheet_parts(site, sheets, 0)
    html = renderer.html_fragment("print/werkmap.html.j2", document.page, method=method, sheets=list(zip(sheets, parts)),
        sheet_html=sheet_renderer(renderer, document.page), document=document,
    )
    return front_matter(document.title, parts) + str(html)


def cards_page(document: PrintDocument, methods: list[Entry], renderer: Renderer, site: dict[str, Any]) -> str:
    addresses = {method.id: page_address(site, method.path) for method in methods}
    html = renderer.html_fragment(
        "print/cards.html.j2", document.page, document=document, groups=deck_sheets(methods), mirrored=mirrored,
        addresses=addresses, qr_svg=qr_svg, deck=document.kind == "kaartenset",
        deck_pdf=DECK_PDF, deck_page=DECK_PAGE,
    )
    return front_matter(document.title, []) + str(html)


def print_pages(handbook: Handbook, renderer: Renderer, site: dict[str, Any]) -> dict[str, str]:
    """Every page a PDF is printed from that is not an item's own page, keyed by its path under docs/."""
    pages: dict[str, str] = {}
    methods = handbook.entries("methods")
    for plan in handbook.entries("plans"):
        pages[packet_document(plan).page] = packet_page(plan, handbook, renderer, site)
    for method in methods:
        if method_sheets(handbook, method):
            pages[werkmap_document(method).page] = werkmap_page(method, handbook, renderer, site)
        pages[card_document(method).page] = cards_page(card_document(method), [method], renderer, site)
    if methods:
        pages[DECK_PAGE] = cards_page(deck_document(), methods, renderer, site)
    return pages
