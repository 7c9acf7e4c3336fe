"""What a Markdown field in data may hold: Markdown only. Pure; the loader reports each problem with
file, line and field, so `python -m macros check` and the build refuse it.

Rendering (present.markdown_field) shows raw HTML and attribute lists as text anyway; these rules
tell the author, and they are the only guard against links and images the browser would act on."""

from __future__ import annotations

import html
import re

from .urls import ALLOWED_ADDRESSES, LINK_SCHEMES, browser_reading, missing_site_problem, scheme

# Code spans show their content literally, so nothing in them is HTML, an attribute list or a link.
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)[^\n]*?(?<!`)\1(?!`)")
_HTML = re.compile(r"</?[A-Za-z][^<>]*>|<!--|<![A-Za-z]|<\?")
_WEB_AUTOLINK = re.compile(r"<https?://[^<>\s]*>", re.IGNORECASE)
_ATTRIBUTE_LIST = re.compile(r"\{:?[ ]*(?:[#.][\w-]|[\w-]+[ ]*=|:)[^}\n]*\}?")
# Where a link or image address starts. What follows is read the way a browser would read it, so
# spaces, line breaks, entities and nesting that Markdown accepts cannot hide a scheme.
_LINK_TARGET = re.compile(r"\]\(|^[ ]{0,3}\[[^\]\n]+\]:", re.MULTILINE)
_INLINE_IMAGE = re.compile(r"!\[(?:[^\]\n]|\\\])*\]\(")
_REFERENCE_IMAGE = re.compile(r"!\[((?:[^\]\n]|\\\])*)\](?:\[([^\]\n]*)\])?")
_REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:", re.MULTILINE)
_SHOWN_TARGET = re.compile(r"\s*((?:[^()\n]|\([^()\n]*\))*)")
_OTHER_HOST = re.compile(r"^[/\\]{2}")  # //host/p.png; browsers read backslashes as slashes
# Where the site's name ends at the latest: a title or the rest of the text may follow the address.
_ADDRESS_END = re.compile(r"[\s)>]")


def markdown_problems(text: str) -> list[str]:
    """Each construct a data field may not use, as a Dutch message that quotes it and says what to do."""
    prose = _CODE_SPAN.sub("", text)
    return [*_html_problems(prose), *_attribute_list_problems(prose), *_url_problems(prose)]


def _quoted(snippet: str) -> str:
    snippet = " ".join(snippet.split())
    return repr(snippet if len(snippet) <= 60 else snippet[:57] + "...")


def _html_problems(prose: str) -> list[str]:
    return [
        f"HTML {_quoted(match.group())} wordt als tekst getoond, niet als opmaak; gebruik Markdown "
        "(zoals **vet** of [tekst](adres)), of zet HTML die je wilt laten zien tussen backticks (`)"
        for match in _HTML.finditer(_WEB_AUTOLINK.sub("", prose))
    ]


def _attribute_list_problems(prose: str) -> list[str]:
    return [
        f"attributenlijst {_quoted(match.group())} is in gegevens niet toegestaan; haal hem weg "
        "(de opmaak komt uit de sjablonen)"
        for match in _ATTRIBUTE_LIST.finditer(prose)
    ]


def _url_problems(prose: str) -> list[str]:
    targets = [prose[match.end():match.end() + 200] for match in _LINK_TARGET.finditer(prose)]
    problems = [_scheme_problem(target) for target in targets]
    problems += [_image_problem(prose[match.end():match.end() + 200]) for match in _INLINE_IMAGE.finditer(prose)]
    definitions = {_label(match.group(1)): prose[match.end():match.end() + 200] for match in _REFERENCE_DEFINITION.finditer(prose)}
    problems += [
        _image_problem(definitions[_label(reference or label)])
        for label, reference in _REFERENCE_IMAGE.findall(prose)
        if _label(reference or label) in definitions
    ]
    return list(dict.fromkeys(problem for problem in problems if problem))


def _label(label: str) -> str:
    return " ".join(label.lower().split())


def _address(target: str) -> str:
    """The address as a browser reads it, entities decoded, also inside Markdown's <...>."""
    return browser_reading(browser_reading(html.unescape(target)).removeprefix("<"))


def _scheme(target: str) -> str | None:
    return scheme(_address(target))


def _shown(target: str) -> str:
    return _quoted(_SHOWN_TARGET.match(target).group(1).strip().strip("<>"))


def _scheme_problem(target: str) -> str | None:
    if _scheme(target) not in (None, *LINK_SCHEMES):
        return f"link of afbeelding met adres {_shown(target)} is niet toegestaan; gebruik {ALLOWED_ADDRESSES}"
    if problem := missing_site_problem(_ADDRESS_END.split(_address(target), maxsplit=1)[0]):
        return f"link of afbeelding met adres {_shown(target)}: {problem}"
    return None


def _image_problem(target: str) -> str | None:
    scheme = _scheme(target)
    if scheme not in (None, *LINK_SCHEMES):
        return None  # reported as a forbidden address already
    if scheme is None and not _OTHER_HOST.match(_address(target)):
        return None
    return (
        f"afbeelding {_shown(target)} staat niet in de site: de browser van elke lezer zou haar elders opvragen; "
        "zet de afbeelding in docs/assets/images/ en gebruik het pad binnen de site"
    )
