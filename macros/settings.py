"""Branding and settings of one handbook: ``handboek.yml`` beside ``mkdocs.yml``.

A fork changes only this file and ``data/``. It is read with the same loader as the data,
so a mistake is reported with file, line and field.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .images import ImageProblem, project_image
from .content import ALL_PARTS, PAGES_PART
from .loader import DataError, DataErrors, Located, load_item, read_yaml
from .model import KINDS, Provenance, describe, many, optional
from .render import template_environment
from .urls import email_problem, link_problem, site_url_problem
from .words import LANGUAGES, known_keys

SETTINGS_FILE = "handboek.yml"
# Every page loads one stylesheet of its own: each file a render-blocking request less on a slow connection.
SITE_CSS = "assets/css/site.css"
LOGO_FOLDER = "assets/huisstijl"
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MINIMUM_CONTRAST = 4.5  # WCAG 2.1 AA for normal text: white on the colour, and the colour as link text


@dataclass(frozen=True, kw_only=True)
class Organisation:
    name: str = describe("Naam van de organisatie; staat op elk werkblad.")
    url: str | None = optional("Website van de organisatie.")
    logo: str = describe("Pad naar het logo (SVG, PNG, JPEG, GIF of WebP), vanaf de map van handboek.yml; het bestand staat in die map.")


@dataclass(frozen=True, kw_only=True)
class Colours:
    primary: str = describe("Hoofdkleur (#rrggbb): kopbalk, links en knoppen.")
    accent: str = describe("Accentkleur (#rrggbb): links en knoppen onder de muis.")


@dataclass(frozen=True, kw_only=True)
class Contact:
    text: str | None = optional("Korte zin bij het contact, zoals 'Vragen of aanvullingen?'.")
    email: str | None = optional("E-mailadres voor vragen over het handboek.")
    url: str | None = optional("Webadres voor vragen of meldingen.")


@dataclass(frozen=True, kw_only=True)
class Licence:
    name: str = describe("Licentie van de teksten, zoals 'CC BY-SA 4.0'.")
    url: str | None = optional("Webadres van de licentietekst.")
    code: str | None = optional("Licentie van de code, zoals 'MIT'.")


ReferencePart = Literal[(ALL_PARTS, PAGES_PART, *KINDS)]  # type: ignore[valid-type]
SectionKind = Literal[tuple(KINDS)]  # type: ignore[valid-type]


@dataclass(frozen=True, kw_only=True)
class HomeLink:
    title: str = describe("Tekst van de link.")
    to: str = describe("Pagina van het handboek, vanaf de hoofdmap van de site (zoals werkwijzen/index.md, ook met ?fase=...), of een webadres.")


@dataclass(frozen=True, kw_only=True)
class HomeRoute:
    title: str = describe("Kop van de route, zoals 'Lezen en kiezen'.")
    text: str | None = optional("Eén zin over wat de lezer er vindt.")
    links: tuple[HomeLink, ...] = many("De links van de route.")


@dataclass(frozen=True, kw_only=True)
class Home:
    intro: str | None = optional("De inleiding op de startpagina, onder de titel.", markdown=True)
    routes: tuple[HomeRoute, ...] = many("Routes op de startpagina: elk een kop, een zin en links.")


@dataclass(frozen=True, kw_only=True)
class Section:
    """One entry of the menu: an overview of a kind of items, one page, or a group of pages."""

    kind: SectionKind | None = optional("Soort onderdelen met een overzichtspagina, zoals methods of cases.")
    page: str | None = optional("Eén pagina: uit pages/ of een pagina van het handboek zelf, zoals sessie-plannen.md.")
    pages: tuple[str, ...] = many("Een groep pagina's uit pages/, onder één kop (title).")
    title: str | None = optional("Naam in het menu en kop van de pagina; weglaten geeft de gewone naam.")
    intro: str | None = optional("Inleiding boven het overzicht (alleen bij kind).", markdown=True)

    def problems(self) -> list[tuple[str, str]]:
        given = [name for name in ("kind", "page", "pages") if getattr(self, name)]
        if len(given) != 1:
            return [("kind", f"geef precies één van kind, page of pages; gevonden: {', '.join(given) or 'geen'}")]
        if self.pages and not self.title:
            return [("title", "een groep pagina's heeft een title nodig: de kop in het menu")]
        if self.intro and not self.kind:
            return [("intro", "een inleiding hoort bij een overzicht (kind); zet de tekst op de pagina zelf")]
        return []


# ── Language and words (macros/words.py) ──────────────────────────────────────
# Every text of macros/languages/<language>.yml is a field: the loader then refuses an unknown key under
# `words:` with its file and line, and names the keys that exist.
WordChoices = dataclasses.make_dataclass(
    "WordChoices",
    [(key, str | None, optional(f"Eigen tekst voor '{key}'.")) for key in known_keys()],
    frozen=True, kw_only=True,
)
LANGUAGE_DOC = "Taal van alles wat de site zelf zegt (menu, knoppen, werkbladen): nl (standaard) of en."
WORDS_DOC = "Eigen woorden voor losse teksten uit macros/languages/, zoals 'method: werkvorm' en 'methods: werkvormen'."


def chosen_words(settings: "Settings") -> dict[str, str]:
    """The texts a handbook gives under `words:`, by key."""
    if settings.words is None:
        return {}
    return {key: value for key, value in dataclasses.asdict(settings.words).items() if value is not None}


def language_of(settings: "Settings") -> str:
    return settings.language or LANGUAGES[0]
# ── end of language and words ─────────────────────────────────────────────────


@dataclass(frozen=True, kw_only=True)
class Settings:
    title: str = describe("Titel van het handboek: in de kopbalk, het tabblad en op elk werkblad.")
    description: str = describe("Waar het handboek over gaat, in één of twee zinnen (voor zoekmachines).")
    site_url: str | None = optional("Volledig webadres waar de site komt te staan; weglaten als je het nog niet weet.")
    organisation: Organisation = describe("De organisatie achter het handboek.")
    colours: Colours = describe("Huisstijlkleuren.")
    footer: str | None = optional("Tekst onderaan elke pagina.")
    contact: Contact | None = optional("Waar lezers terechtkunnen met vragen.")
    licence: Licence = describe("Licentie van de teksten en de code.")
    language: Literal[LANGUAGES] | None = optional(LANGUAGE_DOC)
    words: WordChoices | None = optional(WORDS_DOC)  # type: ignore[valid-type]
    provenance: Provenance = describe(
        "Hoe de teksten zich tot hun bronnen verhouden, als een onderdeel het niet zelf zegt: eigen-woorden of overgenomen.",
        default="eigen-woorden",
    )
    reference: tuple[ReferencePart, ...] = many(
        "Alleen in eigen/handboek.yml: wat het handboek van de referentie-inhoud overneemt: all, pages of soorten "
        "onderdelen (zoals sources); weglaten neemt niets over."
    )
    stylesheets: tuple[str, ...] = many(
        "Eigen stylesheets (CSS), met hun pad vanaf de map van dit bestand; ze komen na de kleuren in de stylesheet van de site."
    )
    home: Home | None = optional("De startpagina: inleiding en routes.")
    sections: tuple[Section, ...] = many(
        "Het menu, in volgorde; weglaten geeft elke soort onderdelen met een overzicht en de pagina's van het handboek."
    )


def settings_rows(record_type: type = Settings, record: Any = None, prefix: str = "") -> list[tuple[str, str, str]]:
    """Each setting as (key, meaning, value in use), nested keys written with dots."""
    rows: list[tuple[str, str, str]] = []
    hints = typing.get_type_hints(record_type)
    for spec in dataclasses.fields(record_type):
        value = getattr(record, spec.name) if record is not None else None
        annotation = hints[spec.name]
        nested = next((arg for arg in (annotation, *typing.get_args(annotation)) if dataclasses.is_dataclass(arg)), None)
        if nested is WordChoices:  # one row, not one per text of the language file
            chosen = chosen_words(record) if record is not None else {}
            rows.append((f"{prefix}{spec.name}", spec.metadata["doc"], ", ".join(f"{key}: {text}" for key, text in chosen.items())))
        elif nested and typing.get_origin(annotation) is tuple:  # a list of records: its fields, once
            rows += settings_rows(nested, None, f"{prefix}{spec.name}[].")
        elif nested:
            rows += settings_rows(nested, value, f"{prefix}{spec.name}.")
        else:
            shown = ", ".join(map(str, value)) if isinstance(value, tuple) else "" if value is None else str(value)
            rows.append((f"{prefix}{spec.name}", spec.metadata["doc"], shown))
    return rows


def logo_uri(settings: Settings) -> str:
    """Where the organisation's logo is published in the built site."""
    return f"{LOGO_FOLDER}/logo{Path(settings.organisation.logo).suffix.lower()}"


def branding_css(settings: Settings) -> str:
    """The stylesheet that gives Material the organisation's colours."""
    return template_environment().get_template("branding.css.j2").render(colours=settings.colours)


def site_css(settings: Settings, stylesheets: list[tuple[str, str]]) -> str:
    """The site's one stylesheet: the colours of handboek.yml, then each (name, text) in order."""
    return "\n".join([branding_css(settings), *(f"/* {name} */\n{text}" for name, text in stylesheets)])


def contrast_with_white(colour: str) -> float:
    """The WCAG contrast ratio of a #rrggbb colour against white."""
    channels = [int(colour[index:index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def colour_problem(colour: str) -> str | None:
    """Why `colour` cannot carry white text and serve as link colour, or None."""
    if not HEX_COLOUR.match(colour):
        return f"verwacht een kleur als #rrggbb, gevonden {colour!r}"
    if (ratio := contrast_with_white(colour)) < MINIMUM_CONTRAST:
        return (f"te licht: witte tekst op {colour} heeft contrast {ratio:.1f}:1; "
                f"verwacht minstens {MINIMUM_CONTRAST}:1 (WCAG AA); kies een donkerdere kleur")
    return None


def _field_checks(project_dir: Path) -> dict[str, Callable[[str], str | None]]:
    """Per setting that is text, what makes its value wrong beyond its type."""
    return {
        "site_url": site_url_problem,
        "organisation.url": link_problem,
        "organisation.logo": lambda written: _image_problem(written, project_dir),
        "colours.primary": colour_problem,
        "colours.accent": colour_problem,
        "contact.email": email_problem,
        "contact.url": link_problem,
        "licence.url": link_problem,
    }


def _image_problem(written: str, project_dir: Path) -> str | None:
    try:
        project_image(written, project_dir)
    except ImageProblem as problem:
        return str(problem)
    return None


def logo_file(project_dir: Path, settings: Settings) -> Path:
    """The logo's own file, symlinks followed, checked again to be an image inside the project."""
    return project_image(settings.organisation.logo, project_dir)


def load_settings(project_dir: Path) -> Settings:
    """Read and check handboek.yml; raise DataErrors naming file, line and field of every problem."""
    path = project_dir / SETTINGS_FILE
    if not path.is_file():
        raise DataErrors([DataError(path, 1, "", f"{SETTINGS_FILE} ontbreekt; verwacht de huisstijl en instellingen van het handboek")])
    if not (target := path.resolve()).is_relative_to(project_dir.resolve()):
        raise DataErrors([DataError(path, 1, "", f"{SETTINGS_FILE} verwijst naar {target}, buiten de map van het handboek; zet het bestand zelf in die map")])
    tree = read_yaml(path)  # a file that is not valid YAML is reported as such, and not checked further
    settings, _references, errors = load_item(path, Settings)
    errors += _value_errors(path, tree, _field_checks(project_dir))
    errors += _stylesheet_errors(path, tree, project_dir)
    if errors:
        raise DataErrors(sorted(errors, key=lambda error: error.line))
    return settings


def own_stylesheet(written: str, settings_dir: Path) -> tuple[Path | None, str | None]:
    """A stylesheet named in the settings: its file, or why it cannot join the site's stylesheet."""
    path = settings_dir / written
    if not path.resolve().is_relative_to(settings_dir.resolve()):
        return None, f"{written} ligt buiten de map van {SETTINGS_FILE}; zet het bestand in die map"
    if path.suffix.lower() != ".css" or not path.is_file():
        return None, f"verwacht een bestaand CSS-bestand (.css), vanaf de map van {SETTINGS_FILE}; {written} is dat niet"
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, f"{written} is geen UTF-8; sla het op met de codering UTF-8"
    if "@import" in text or "@charset" in text:
        return None, f"{written} gebruikt @import of @charset; dat werkt alleen bovenaan een eigen bestand, zet de regels er zelf in"
    return path, None


def _stylesheet_errors(path: Path, tree: Located, settings_dir: Path) -> list[DataError]:
    located = _find(tree, "stylesheets")
    if located is None or not isinstance(located.value, list):
        return []
    return [
        DataError(path, entry.line, f"stylesheets[{number}]", problem)
        for number, entry in enumerate(located.value, start=1)
        if isinstance(entry.value, str) and (problem := own_stylesheet(entry.value, settings_dir)[1])
    ]


def _value_errors(path: Path, tree: Located, checks: dict[str, Callable[[str], str | None]]) -> list[DataError]:
    """The problems of each checked value that is text, whether or not the rest of the file is valid."""
    errors = []
    for field, check in checks.items():
        located = _find(tree, field)
        if located is not None and isinstance(located.value, str) and located.value.strip():
            if problem := check(located.value.strip()):
                errors.append(DataError(path, located.line, field, problem))
    return errors


def _find(tree: Located, field: str) -> Located | None:
    """The value at a dotted field such as `licence.url`, or None if it is not there."""
    located: Located | None = tree
    for key in field.split("."):
        if located is None or not isinstance(located.value, dict) or key not in located.value:
            return None
        located = located.value[key][1]
    return located
