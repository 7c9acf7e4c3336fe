"""What a Markdown field in data may hold: Markdown only. Pure; the loader reports each problem with
file, line and field, so `python -m macros check` and the build refuse it.

Rendering (present.markdown_field) shows raw HTML and attribute lists as text anyway; these rules
tell the author, and they are the only guard against links and images the browser would act on."""

from __future__ import annotations

import html
import re

FORBIDDEN_SCHEMES = ("javascript", "data", "vbscript")

# Code spans show their content literally, so nothing in them is HTML, an attribute list or a link.
_CODE_SPAN = re.compile(r"(`+)[^\n]*?(?<!`)\1(?!`)")
_HTML = re.compile(r"</?[A-Za-z][^<>]*>|<!--|<![A-Za-z]|<\?")
_WEB_AUTOLINK = re.compile(r"<https?://[^<>\s]*>", re.IGNORECASE)
_ATTRIBUTE_LIST = re.compile(r"\{:?[ ]*(?:[#.][\w-]|[\w-]+[ ]*=|:)[^}\n]*\}?")
_INLINE_LINK = re.compile(r"(!?)\[(?:[^\]\n]|\\\])*\]\(((?:[^()\n]|\([^()\n]*\))*)\)")
_REFERENCE_USE = re.compile(r"(!?)\[((?:[^\]\n]|\\\])*)\](?:\[([^\]\n]*)\])?")
_REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
_ANGLE_URL = re.compile(r"<([A-Za-z][\w+.-]*:[^<>\s]*)>")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([A-Za-z][\w+.-]*):")


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
    definitions = {_label(label): url for label, url in _REFERENCE_DEFINITION.findall(prose)}
    links = [(bool(bang), target.strip().strip("<>")) for bang, target in _INLINE_LINK.findall(prose)]
    links += [(False, url) for url in definitions.values()]
    links += [(False, url) for url in _ANGLE_URL.findall(prose)]
    links += [
        (True, definitions[_label(reference or label)])
        for bang, label, reference in _REFERENCE_USE.findall(prose)
        if bang and _label(reference or label) in definitions
    ]
    problems = [_scheme_problem(url) for _, url in links]
    problems += [_image_problem(url) for is_image, url in links if is_image]
    return list(dict.fromkeys(problem for problem in problems if problem))


def _label(label: str) -> str:
    return " ".join(label.lower().split())


def _scheme(url: str) -> str | None:
    """The scheme as a browser reads it: entities decoded, spaces and control characters ignored."""
    match = _SCHEME.match(_INVISIBLE.sub("", html.unescape(url)))
    return match.group(1).lower() if match else None


def _scheme_problem(url: str) -> str | None:
    if _scheme(url) not in FORBIDDEN_SCHEMES:
        return None
    return (
        f"link of afbeelding met adres {_quoted(url)} is niet toegestaan; gebruik een adres dat begint "
        "met https://, http:// of mailto:, of een pad binnen de site"
    )


def _image_problem(target: str) -> str | None:
    url = target.split()[0] if target.split() else ""  # an image's title follows its address
    if _scheme(url) is None and not url.startswith("//"):
        return None
    if _scheme(url) in FORBIDDEN_SCHEMES:
        return None  # reported as a forbidden address already
    return (
        f"afbeelding van een andere site {_quoted(url)}: de browser van elke lezer vraagt haar daar op; "
        "zet de afbeelding in docs/assets/images/ en gebruik het pad binnen de site"
    )
