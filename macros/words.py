"""Every text the engine puts on a page, in one language file per language (macros/languages/).

`language:` in handboek.yml picks the file; `words:` there replaces single entries, such as the name
of a kind (`method: werkvorm`). A text may name another entry as {key}, or {Key} for it capitalised:
"Alle {methods}" follows a fork's own word for methods. Any other {name} is filled in where the text
is used (`Words.fill`, or hbWords.fill in the page's scripts)."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import jinja2
import yaml
from markupsafe import escape

LANGUAGE_DIR = Path(__file__).parent / "languages"
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
SCRIPT_PREFIX = "js_"  # texts of docs/assets/js/, given to the page as one JSON blob (overrides/main.html)
# Material's own texts: its Dutch with our corrections (overrides/partials/languages/custom.html), or its English.
THEME_LANGUAGE = {"nl": "custom", "en": "en"}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def capitalised(text: str) -> str:
    """The text with its first letter upper case and the rest as it is ("werkvorm" → "Werkvorm")."""
    return text[:1].upper() + text[1:]


def language_texts(language: str) -> dict[str, str]:
    """The texts of one language file, as written (references not yet filled in)."""
    path = LANGUAGE_DIR / f"{language}.yml"
    return dict(_read_language_file(path, path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=8)  # every build reads it; under `mkdocs serve` that is every save
def _read_language_file(path: Path, _modified: int) -> tuple[tuple[str, str], ...]:
    texts = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple((str(key), str(value)) for key, value in texts.items())


def known_keys() -> list[str]:
    """The keys a fork can give its own text under `words:` in handboek.yml."""
    return list(language_texts(DEFAULT_LANGUAGE))


def _resolved(texts: dict[str, str]) -> dict[str, str]:
    """Each text with its references to other entries filled in, those in the referenced entry too."""
    def fill(match: re.Match[str], seen: tuple[str, ...]) -> str:
        name = match.group(1)
        key = name[:1].lower() + name[1:]
        if key not in texts or key in seen:
            return match.group(0)
        text = _PLACEHOLDER.sub(lambda inner: fill(inner, (*seen, key)), texts[key])
        return capitalised(text) if name != key else text
    return {key: _PLACEHOLDER.sub(lambda match: fill(match, (key,)), text) for key, text in texts.items()}


class Words(Mapping[str, str]):
    """The texts of one language with a fork's own words; templates read `words.key` or `words["key"]`."""

    def __init__(self, language: str = DEFAULT_LANGUAGE, overrides: Mapping[str, str] | None = None) -> None:
        self.language = language
        self._texts = _resolved({**language_texts(language), **(overrides or {})})

    def __getitem__(self, key: str) -> str:
        return self._texts[key]

    def __getattr__(self, key: str) -> str:
        try:
            return self._texts[key]
        except KeyError:
            raise AttributeError(f"geen tekst {key!r} in macros/languages/{self.language}.yml") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __repr__(self) -> str:
        """The same for the same texts: the preview keeps a page's theme output by its settings' repr."""
        return f"Words({self.language!r}, {self._texts!r})"

    def fill(self, key: str, **values: object) -> str:
        """The text of `key` with each {name} replaced by values[name]."""
        return _PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group(0))), self._texts[key])

    def script_json(self) -> str:
        """The scripts' texts as JSON that is safe inside a <script> element."""
        texts = {key.removeprefix(SCRIPT_PREFIX): text for key, text in self._texts.items() if key.startswith(SCRIPT_PREFIX)}
        return json.dumps(texts, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_current = Words()


def use(language: str, overrides: Mapping[str, str] | None = None) -> Words:
    """Make these the texts of the build from here on (macros/hooks.py, on_config)."""
    global _current
    _current = Words(language, overrides)
    return _current


def current() -> Words:
    return _current


def word(key: str) -> str:
    return _current[key]


class PageWords:
    """The current texts for hand-written pages (mkdocs-macros, which does not escape): `{{ words.key }}`
    and `{{ words.fill("key", name=...) }}` give HTML-escaped text, so a fork's own word is text."""

    def __getattr__(self, key: str) -> str:
        return str(escape(getattr(current(), key)))

    def __getitem__(self, key: str) -> str:
        return str(escape(current()[key]))

    def fill(self, key: str, **values: object) -> str:
        return str(escape(current().fill(key, **values)))


def with_page_words(text: str) -> str:
    """A line of a hand-written page as mkdocs-macros will show it, for what MkDocs reads before the macros
    run (a heading as the menu's title): each {{ words.key }} filled in and escaped, the rest as written."""
    if "{{" not in text and "{%" not in text:
        return text
    try:
        return jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(text).render(words=PageWords())
    except jinja2.TemplateError:  # anything but words: left for mkdocs-macros, which reports it on the page
        return text


class Labels(Mapping[str, str]):
    """The labels of a fixed list of values (phases, settings, ...) from the current language file:
    the label of `value` is the text `<prefix>_<value>`, hyphens written as underscores. The values and
    their order are the model's."""

    def __init__(self, prefix: str, values: tuple[str, ...]) -> None:
        self._prefix = prefix
        self._values = values

    def __getitem__(self, value: str) -> str:
        if value not in self._values:
            raise KeyError(value)
        return word(f"{self._prefix}_{value.replace('-', '_')}")

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)
