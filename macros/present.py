"""Plain-text presentation of model values, used as Jinja filters."""

from __future__ import annotations

from urllib.parse import quote

import re

from markupsafe import Markup, escape

from .model import Duration, GroupSize, Source
from .words import current, word

# What the site's Markdown extensions (mkdocs.yml) read as markup anywhere in a line: Python-Markdown's
# own characters and the table cell separator. A backslash before any other character stays visible.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|])")
# What starts a list item, horizontal rule or admonition (!!!): escaped at the start only.
_BLOCK_START = re.compile(r"^(\d+(?=[.)])|[-+!])")
# Definition (def_list), heading underline, details (???): a backslash would stay visible before these.
_LINE_START_ENTITY = {":": "&#58;", "=": "&#61;", "?": "&#63;"}


def html_text(text: str) -> str:
    """Plain text from data or settings as HTML for MkDocs and Material (navigation, page titles, tags,
    site name, meta tags), which treat such values as HTML and print them unescaped. A plain str, not
    Markup: where Material escapes once more (`| e`), it feeds tooltips that render the value as HTML."""
    return str(escape(text))


def markdown_text(text: str) -> str:
    """Escape plain text so Markdown shows it literally: no markup, no HTML, no attribute lists."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(escaped.split()))
    if escaped[:1] in _LINE_START_ENTITY:
        return _LINE_START_ENTITY[escaped[0]] + escaped[1:]
    return _BLOCK_START.sub(r"\1\\" if escaped[:1].isdigit() else r"\\\1", escaped, count=1)


def markdown_field(text: str) -> Markup:
    """A declared Markdown field: Markdown renders; raw HTML and attribute lists show as text
    (attr_list is on for the site's own pages). `python -m macros check` refuses both in data."""
    return Markup(text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "\\{").strip())


def escape_output(value: object) -> Markup:
    """Jinja's finalize: every printed value is plain text unless it is Markup already
    (a declared Markdown field, a link or a macro's output)."""
    if isinstance(value, Markup):
        return value
    return Markup(markdown_text(str(value)))


def _range(low: int | None, high: int | None, unit: str) -> str:
    if low is not None and high is not None and low != high:
        return f"{low}–{high} {unit}"
    value = low if low is not None else high
    return f"{value} {unit}" if value is not None else ""


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def duration_text(duration: Duration | None) -> str:
    if duration is None:
        return ""
    parts = [
        _range(duration.minutes_min, duration.minutes_max, word("minutes_unit")),
        "; ".join(current().fill("duration_up_to_participants", up_to=row.up_to_participants, minutes=row.minutes) for row in duration.by_group_size),
        _count(duration.half_days, word("half_day"), word("half_days")) if duration.half_days else "",
        _count(duration.months, word("month"), word("months")) if duration.months else "",
    ]
    return _with_note(", ".join(part for part in parts if part), duration.note)


def group_size_text(size: GroupSize | None) -> str:
    if size is None:
        return ""
    return _with_note(_range(size.min, size.max, word("participants_unit")), size.note)


def _with_note(text: str, note: str | None) -> str:
    """A note written as a sentence follows as one; a fragment stays in parentheses."""
    if not note or not text:
        return text or note or ""
    return f"{text}. {note}" if note[0].isupper() else f"{text} ({note})"


def attribution(source: Source) -> str:
    """Who made a source, where and when, and under which licence: the credit owed to its makers."""
    made_by = ", ".join(source.authors)
    publisher = source.publisher if source.publisher not in source.authors else None
    published = ", ".join(str(part) for part in (publisher, source.year) if part)
    parts = [part for part in (made_by, published) if part]
    if source.licence:
        parts.append(current().fill("licence_of_source", licence=source.licence))
    return "; ".join(parts)


def minutes_text(span: tuple[int, int] | None) -> str:
    """A planned time in minutes, such as "60–90 minuten"."""
    return _range(span[0], span[1], word("minutes_unit")) if span else ""


_PLAIN_URL = re.compile(r"^https?://[^\s<>\[\]()]+$")


def url_link(url: str) -> Markup:
    """A web address as a Markdown autolink, or as plain text when it is not a plain http(s) address."""
    return Markup(f"<{url}>") if _PLAIN_URL.match(url) else escape_output(url)


def join_text(values: object, separator: str = ", ") -> Markup:
    """Jinja's join, escaping each value as plain text."""
    return Markup(separator.join(escape_output(value) for value in values))


def link_target(target: str) -> Markup:
    """A link target from settings as a Markdown link's destination: spaces, brackets and quotes encoded."""
    return Markup(quote(target, safe="/?=&#:.%-_~+,;@"))
