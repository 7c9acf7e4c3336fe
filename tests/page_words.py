"""What a reader gets of a built page as words: its text, the texts of attributes that are read out or
shown (aria-label, title, placeholder, alt, label, a text field's value, the description), and the texts the
page hands its scripts (#hb-words). Addresses, ids, class names, styles and code are left out."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from macros.words import LANGUAGE_DIR, Words

SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "label")
SHOWN_VALUES = ("text", "search", "button", "submit")  # the input types whose value a reader sees
SKIPPED_ELEMENTS = ("style", "code", "svg")
# Dutch that an English page must not show, beyond the language file's own texts.
FREQUENT_DUTCH = (" de ", " het ", " een ", "werkwijze", "Afdrukken", "Bewaren", "Zoeken", " van ", " en ")


class _ShownText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in SKIPPED_ELEMENTS:
            self._skipping.append(tag)
        if tag == "script":
            self._script = attributes.get("id") or ""
        if tag == "meta" and attributes.get("name") == "description":
            self.parts.append(attributes.get("content") or "")
        self.parts += [attributes[name] or "" for name in SHOWN_ATTRIBUTES if attributes.get(name)]
        if tag == "input" and attributes.get("type") in SHOWN_VALUES and attributes.get("value"):
            self.parts.append(attributes["value"] or "")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script == "hb-words":
            self.parts += json.loads(data).values()
        elif self._script is None and not self._skipping:
            self.parts.append(data)


def shown_text(page: Path) -> str:
    """The page's words, each part on a line of its own with its spaces made single."""
    parser = _ShownText()
    parser.feed(page.read_text(encoding="utf-8"))
    return "\n".join(" ".join(part.split()) for part in parser.parts if part.strip())


def _fragments(text: str) -> list[str]:
    """The literal parts of a text between its placeholders, without surrounding punctuation."""
    pieces = (piece.strip(" .,:;()‘’'\"") for piece in re.split(r"\{\w+\}", text))
    return [piece for piece in pieces if piece]


def dutch_only_texts() -> list[str]:
    """The Dutch texts of nl.yml that en.yml words otherwise: each literal part of five letters or more
    (shorter ones, such as "of" or "met", are English words or parts of them too)."""
    english = Words("en")
    dutch = Words("nl")
    english_parts = {part for key in english for part in _fragments(english[key])}
    found = {part for key in dutch if dutch[key] != english[key] for part in _fragments(dutch[key])}
    return sorted(part for part in found - english_parts if len(part) >= 5)


def dutch_found(text: str, page: str) -> list[str]:
    """Each Dutch text that `text` shows, as "page: text … in context"."""
    problems = []
    for dutch in (*dutch_only_texts(), *FREQUENT_DUTCH):
        pattern = re.escape(dutch) if dutch.startswith(" ") else rf"(?<!\w){re.escape(dutch)}(?!\w)"
        for match in re.finditer(pattern, text, flags=re.IGNORECASE if dutch.islower() else 0):
            context = text[max(0, match.start() - 40):match.end() + 40].replace("\n", " | ")
            problems.append(f"{page}: {dutch.strip()!r} in …{context}…")
    return problems


def language_keys(language: str) -> set[str]:
    return set(yaml.safe_load((LANGUAGE_DIR / f"{language}.yml").read_text(encoding="utf-8")))
