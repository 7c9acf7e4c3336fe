"""The handbook's data model: one frozen dataclass per kind of item.

Field metadata drives validation, rendering and the JSON Schemas:
- ``doc``: what the field holds (shown in errors, schemas and starter files);
- ``markdown``: the field is Markdown; every other text field is plain text;
- ``ref``: the field holds ids of items of that kind;
- ``minimum``/``maximum``: the bounds of a number (checked by the loader, shown in the schemas);
- ``max_items``: the longest a list may be;
- ``choices``: the field holds ids from that list of the content's lists file (``Lists``);
- ``file``: the field holds the path of an image in the handbook's folder.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, get_args

from .urls import EXAMPLE_SITE, link_problem, scheme
from .words import Labels

SourceType = Literal["brochure", "handboek", "essay", "webpagina", "casusverslag", "boek", "artikel", "rapport", "overig"]
CaseType = Literal["casus", "praktijkvoorbeeld"]
# The parts of a method card that a reader acts on in the room; each needs a basis (a source or the editors).
CardPart = Literal[
    "invitation", "group_size", "configurations", "duration", "space", "materials", "preparation",
    "steps", "step_minutes", "outcomes", "tips", "pitfalls", "variations",
]


def _metadata(doc: str, markdown: bool, ref: str | None, minimum: int | None, maximum: int | None, **more: Any) -> dict[str, Any]:
    metadata: dict[str, Any] = {"doc": doc, "markdown": markdown, "ref": ref}
    metadata.update({name: bound for name, bound in (("minimum", minimum), ("maximum", maximum)) if bound is not None})
    metadata.update({name: value for name, value in more.items() if value})
    return metadata


def describe(
    doc: str, *, markdown: bool = False, ref: str | None = None, default: Any = None,
    minimum: int | None = None, maximum: int | None = None, file: bool = False, example: str | None = None,
) -> Any:
    """A dataclass field with the metadata the loader, renderer and schema read; ``example`` is the
    value a starter file (`python -m macros new`) shows for it."""
    metadata = _metadata(doc, markdown, ref, minimum, maximum, file=file, example=example)
    if default is None:
        return field(metadata=metadata)
    if callable(default):
        return field(default_factory=default, metadata=metadata)
    return field(default=default, metadata=metadata)


def optional(
    doc: str, *, markdown: bool = False, ref: str | None = None, step_of: str | None = None,
    minimum: int | None = None, maximum: int | None = None,
) -> Any:
    """An optional field; ``step_of`` names the sibling field whose method must have this step title."""
    metadata = _metadata(doc, markdown, ref, minimum, maximum)
    if step_of:
        metadata["step_of"] = step_of
    return field(default=None, metadata=metadata)


def many(
    doc: str, *, ref: str | None = None, markdown: bool = False, cited_in: str | None = None,
    choices: str | None = None, max_items: int | None = None,
) -> Any:
    """A list field; ``cited_in`` names the sibling field with the source that cites these works, ``choices``
    the list of the lists file its values come from."""
    metadata = _metadata(doc, markdown, ref, None, None, choices=choices, max_items=max_items)
    if cited_in:
        metadata["cited_in"] = cited_in
    return field(default_factory=tuple, metadata=metadata)


@dataclass(frozen=True, kw_only=True)
class Choice:
    id: str = describe("De waarde zoals de gegevens haar noemen: kleine letters, cijfers en koppeltekens.")
    label: str = describe("De naam van de waarde op de site: in filters, labels en op de pagina's.")


def _default_choices(prefix: str, ids: tuple[str, ...]) -> Callable[[], tuple[Choice, ...]]:
    """A default list: its ids, each labelled by the language file in use when the lists are made."""
    labels = Labels(prefix, ids)
    return lambda: tuple(Choice(id=choice_id, label=labels[choice_id]) for choice_id in ids)


DEFAULT_PHASES = _default_choices("phase", ("verkennen", "bedoeling-bepalen", "ontwerpen", "uitvoeren-en-verankeren", "reflecteren-en-leren"))
DEFAULT_SETTINGS = _default_choices("setting", ("team", "organisatie", "netwerk", "clienten-en-burgers"))
DEFAULT_CONFIGURATIONS = _default_choices("configuration", ("alleen", "tweetallen", "kleine-groepen", "hele-groep"))
LIST_LIMIT = 50  # more values than a reader can scan in a filter


@dataclass(frozen=True, kw_only=True)
class Lists:
    """The content's own lists (data/lijsten.yaml): each value's id, its label and their order."""

    phases: tuple[Choice, ...] = describe("Fasen van een traject, in volgorde.", default=DEFAULT_PHASES)
    settings: tuple[Choice, ...] = describe("Settings waarvoor een werkwijze bedoeld is, in volgorde.", default=DEFAULT_SETTINGS)
    configurations: tuple[Choice, ...] = describe(
        "Hoe deelnemers werken (alleen, in groepjes, ...), in volgorde.", default=DEFAULT_CONFIGURATIONS
    )

    def ids(self, name: str) -> tuple[str, ...]:
        return tuple(choice.id for choice in getattr(self, name))

    def label(self, name: str, value: str) -> str:
        return next(choice.label for choice in getattr(self, name) if choice.id == value)

    def problems(self) -> list[tuple[str, str]]:
        for spec in dataclasses.fields(self):
            ids = self.ids(spec.name)
            twice = sorted({choice_id for choice_id in ids if ids.count(choice_id) > 1})
            if not ids:
                return [(spec.name, "noem minstens één waarde, of laat de lijst weg voor de standaardlijst")]
            if len(ids) > LIST_LIMIT:
                return [(spec.name, f"{len(ids)} waarden; verwacht hoogstens {LIST_LIMIT}")]
            if twice:
                return [(spec.name, f"elke id komt één keer voor; meer dan eens: {', '.join(twice)}")]
        return []


SOURCES_DOC = "Bronnen: elk een id, of source met locator (vindplaats) en cites (werken die de bron daar aanhaalt)."
MINUTES_PER_DAY = 1440
# The writing space of one printed A4 page: 297 mm minus the margins of @page in worksheet.css,
# and the height of one printed writing line there.
A4_WRITING_MM = 265
PRINTED_LINE_MM = 8


def _range_problems(record: Any, low: str, high: str) -> list[tuple[str, str]]:
    """A range's upper bound may not lie below its lower bound."""
    minimum, maximum = getattr(record, low), getattr(record, high)
    if minimum is not None and maximum is not None and minimum > maximum:
        return [(high, f"{maximum} is kleiner dan {low} ({minimum}); verwacht minstens {minimum}")]
    return []


@dataclass(frozen=True, kw_only=True)
class GroupMinutes:
    up_to_participants: int = describe("Tot en met dit aantal deelnemers geldt de duur.", minimum=1, maximum=1000)
    minutes: int = describe("Duur in minuten bij zoveel deelnemers.", minimum=1, maximum=MINUTES_PER_DAY)


GROUP_DURATION_LIMIT = 10


@dataclass(frozen=True, kw_only=True)
class Duration:
    minutes_min: int | None = optional("Kortste duur in minuten.", minimum=1, maximum=MINUTES_PER_DAY)
    minutes_max: int | None = optional("Langste duur in minuten.", minimum=1, maximum=MINUTES_PER_DAY)
    by_group_size: tuple[GroupMinutes, ...] = many(
        "Duur die afhangt van de groepsgrootte, van kleine naar grote groep (in plaats van minutes_min en minutes_max).",
        max_items=GROUP_DURATION_LIMIT,
    )
    half_days: int | None = optional("Aantal dagdelen.", minimum=1, maximum=100)
    months: int | None = optional("Looptijd in maanden.", minimum=1, maximum=120)
    note: str | None = optional("Toelichting op de duur, zoals de bron die geeft.")

    def problems(self) -> list[tuple[str, str]]:
        if self.by_group_size and (self.minutes_min or self.minutes_max):
            return [("by_group_size", "geef minutes_min en minutes_max of by_group_size, niet allebei")]
        sizes = [row.up_to_participants for row in self.by_group_size]
        if sizes != sorted(set(sizes)):
            return [("by_group_size", f"zet de rijen van kleine naar grote groep, elk aantal één keer; gevonden: {', '.join(map(str, sizes))}")]
        return _range_problems(self, "minutes_min", "minutes_max")


def _minutes_span(duration: Duration | None) -> tuple[int, int] | None:
    """The fewest and most minutes a duration gives: its range, or the times over all group sizes."""
    if duration is None:
        return None
    if duration.by_group_size:
        minutes = [row.minutes for row in duration.by_group_size]
        return (min(minutes), max(minutes))
    if not (duration.minutes_min or duration.minutes_max):
        return None
    low = duration.minutes_min or duration.minutes_max
    return (low, duration.minutes_max or low)


@dataclass(frozen=True, kw_only=True)
class GroupSize:
    min: int | None = optional("Kleinste aantal deelnemers.", minimum=1, maximum=1000)
    max: int | None = optional("Grootste aantal deelnemers.", minimum=1, maximum=1000)
    note: str | None = optional("Toelichting op de groepsgrootte.")

    def problems(self) -> list[tuple[str, str]]:
        return _range_problems(self, "min", "max")


@dataclass(frozen=True, kw_only=True)
class Step:
    title: str = describe("Titel van de stap, sessie of bijeenkomst.")
    goal: str | None = optional("Doel van de stap.")
    who: str | None = optional("Wie er meedoen of het werk doen.")
    duration: Duration | None = optional("Duur van de stap.")
    activities: tuple[str, ...] = many("Wat er gebeurt, in volgorde.")
    results: tuple[str, ...] = many("Wat de stap oplevert.")
    description: str | None = optional("Verdere toelichting.", markdown=True)

    @property
    def minutes(self) -> int | None:
        """The step's planned minutes: the longest its duration gives."""
        span = _minutes_span(self.duration)
        return span[1] if span else None


@dataclass(frozen=True, kw_only=True)
class Basis:
    parts: tuple[CardPart, ...] = describe("De onderdelen van de kaart waarvoor dit geldt.")
    source: str | None = optional("De bron die deze onderdelen geeft.", ref="sources")
    locator: str | None = optional("Waar in de bron: hoofdstuk, paragraaf of pagina.")
    suggestion: bool = describe("Waar: een suggestie van de redactie, die geen bron geeft.", default=False)

    def problems(self) -> list[tuple[str, str]]:
        if not self.parts:
            return [("parts", "noem minstens één onderdeel van de kaart")]
        if self.suggestion and (self.source or self.locator):
            return [("suggestion", "een suggestie van de redactie noemt geen bron; haal source en locator weg of zet suggestion op false")]
        if not self.suggestion and not (self.source and self.locator):
            return [("source", "geef een bron (source) met vindplaats (locator), of zet suggestion: true als de redactie dit voorstelt")]
        return []


@dataclass(frozen=True, kw_only=True)
class SourceRef:
    """Where an item comes from: a source the handbook read, the place in it, and the works it cites there.

    A work the handbook knows only from another source (one with ``cited_in``) is never the source
    itself: it is listed under ``cites`` of the source that cites it, and shown as "aangehaald in"."""

    SHORTHAND: ClassVar[str] = "source"  # a bare id stands for {source: id}

    source: str = describe("De bron die het handboek zelf gelezen heeft.", ref="sources")
    locator: str | None = optional("Waar in de bron: hoofdstuk, paragraaf of pagina, zoals '§ 3.2' of 'p. 14'.")
    cites: tuple[str, ...] = many(
        "Werken die de bron op die plek aanhaalt; ze staan er als 'aangehaald in' de bron.",
        ref="sources", cited_in="source",
    )


def source_ids(references: tuple[SourceRef, ...]) -> tuple[str, ...]:
    """The ids of the sources an item names, without the works they cite."""
    return tuple(reference.source for reference in references)


@dataclass(frozen=True, kw_only=True)
class Section:
    title: str = describe("Kop van de paragraaf.")
    body: str | None = optional("Tekst van de paragraaf.", markdown=True)
    items: tuple[str, ...] = many("Opsomming onder de tekst.")


@dataclass(frozen=True, kw_only=True)
class Table:
    title: str = describe("Titel van de tabel.")
    columns: tuple[str, ...] = describe("Kolomkoppen.")
    rows: tuple[tuple[str, ...], ...] = describe("Rijen; elke rij heeft evenveel cellen als er kolommen zijn.")
    note: str | None = optional("Toelichting onder de tabel.", markdown=True)


@dataclass(frozen=True, kw_only=True)
class Figure:
    label: str = describe("Waar het getal over gaat.")
    value: str = describe("Het getal of de hoeveelheid, als tekst (bijvoorbeeld '25 professionals').")


@dataclass(frozen=True, kw_only=True)
class NamedText:
    name: str = describe("Naam.")
    text: str | None = optional("Uitleg.", markdown=True)


@dataclass(frozen=True, kw_only=True)
class Link:
    title: str = describe("Waar de link naartoe gaat, zoals de lezer hem ziet.")
    url: str = describe("Het webadres: begint met https:// of http://, of een mailto:-adres.", example=EXAMPLE_SITE)

    def problems(self) -> list[tuple[str, str]]:
        problem = link_problem(self.url)
        if problem is None and scheme(self.url) is None:
            problem = f"verwacht een volledig webadres dat begint met https:// of http://, zoals {EXAMPLE_SITE}, of een mailto:-adres"
        return [("url", problem)] if problem else []


IMAGE_FOLDER = "afbeeldingen"


def image_site_path(written: str) -> str:
    """Where an image of the data is published in the site: its path in the handbook's folder, under IMAGE_FOLDER."""
    return posixpath.join(IMAGE_FOLDER, posixpath.normpath(written.replace(os.sep, "/")))


@dataclass(frozen=True, kw_only=True)
class Image:
    file: str = describe(
        "Pad naar de afbeelding (SVG, PNG, JPEG, GIF of WebP) vanaf de map van het handboek, zoals data/afbeeldingen/kaart.png.",
        file=True, example="data/afbeeldingen/naam.png",
    )
    alt: str = describe("Wat er op de afbeelding te zien is, voor wie haar niet ziet (alt-tekst).")

    @property
    def site_path(self) -> str:
        return image_site_path(self.file)


@dataclass(frozen=True, kw_only=True)
class ExtraField:
    label: str = describe("De naam van het gegeven, zoals op de pagina.")
    text: str = describe("Het gegeven zelf.")


LINK_LIMIT = 20
EXTRA_FIELD_LIMIT = 12


@dataclass(frozen=True, kw_only=True)
class Source:
    title: str = describe("Titel van het werk.")
    type: SourceType = describe("Soort bron.")
    authors: tuple[str, ...] = many("Auteurs (personen of organisaties).")
    publisher: str | None = optional("Uitgever of organisatie.")
    year: int | None = optional("Jaar van verschijnen.", minimum=1000, maximum=2100)
    date: str | None = optional("Datum van verschijnen (JJJJ-MM-DD), als de bron die noemt.")
    url: str | None = optional("Webadres van het werk.")
    summary: str | None = optional("Waar het werk over gaat, in één of twee zinnen.", markdown=True)
    seed: str | None = optional("Bestandsnaam van de brontekst waar het handboek op steunt.")
    cited_in: tuple[str, ...] = many("Bronnen van het handboek die dit werk aanhalen.", ref="sources")
    licence: str | None = optional("Licentie of gebruiksvoorwaarden van het werk, als bekend.")


Provenance = Literal["eigen-woorden", "overgenomen"]


@dataclass(frozen=True, kw_only=True)
class Credited:
    """What an item with sources says of its text: the source in the handbook's own words, or the source's own text."""

    provenance: Provenance | None = optional(
        "eigen-woorden: de tekst geeft de bron in eigen woorden weer; overgenomen: de tekst komt uit de bron zelf, "
        "onder de licentie van de bron. Weglaten: wat provenance in handboek.yml zegt."
    )


@dataclass(frozen=True, kw_only=True)
class Term(Credited):
    term: str = describe("Het begrip zoals het in de tekst staat.")
    definition: str = describe("Uitleg van het begrip.", markdown=True)
    synonyms: tuple[str, ...] = many("Andere woorden voor hetzelfde, ook om op te zoeken.")
    parts: tuple[NamedText, ...] = many("Onderdelen of kenmerken van het begrip.")
    related: tuple[str, ...] = many("Verwante begrippen.", ref="terms")
    sources: tuple[SourceRef, ...] = describe(SOURCES_DOC)


@dataclass(frozen=True, kw_only=True)
class Role(Credited):
    name: str = describe("Naam van de rol.")
    summary: str = describe("De rol in één zin.")
    description: str | None = optional("Uitleg van de rol.", markdown=True)
    synonyms: tuple[str, ...] = many("Andere namen voor de rol.")
    members: str | None = optional("Wie de rol vervullen.")
    tasks: tuple[str, ...] = many("Taken van de rol.")
    sources: tuple[SourceRef, ...] = describe(SOURCES_DOC)


@dataclass(frozen=True, kw_only=True)
class Discipline(Credited):
    name: str = describe("Naam van de discipline.")
    english: str = describe("Engelse naam bij Senge.")
    order: int = describe("Plaats in de reeks van vijf.", minimum=1, maximum=99)
    summary: str = describe("De discipline in één zin.")
    description: str = describe("Uitleg van de discipline.", markdown=True)
    themes: tuple[str, ...] = many("Thema's uit de bronnen die bij deze discipline horen.", ref="terms")
    sources: tuple[SourceRef, ...] = describe(SOURCES_DOC)


@dataclass(frozen=True, kw_only=True)
class BehaviourElement:
    name: str = describe("Het gedragselement.")
    indicators: tuple[str, ...] = describe("Gedragsindicatoren bij dit element.")


@dataclass(frozen=True, kw_only=True)
class Profile(Credited):
    title: str = describe("Naam van het competentieprofiel.")
    summary: str = describe("Voor wie het profiel is, in één zin.")
    description: str | None = optional("Uitleg bij het profiel.", markdown=True)
    tables: tuple[Table, ...] = many("Tabellen bij het profiel.")
    sources: tuple[SourceRef, ...] = describe(SOURCES_DOC)


@dataclass(frozen=True, kw_only=True)
class Competence(Credited):
    name: str = describe("Naam van de competentie.")
    profile: str = describe("Het competentieprofiel waar de competentie bij hoort.", ref="profiles")
    order: int = describe("Plaats in het profiel.", minimum=1, maximum=999)
    statement: str = describe("De competentie zelf: wat de persoon laat zien.")
    context: str = describe("Samenvatting van de context van de competentie.", markdown=True)
    elements: tuple[BehaviourElement, ...] = describe("Gedragselementen met hun indicatoren.")
    sources: tuple[SourceRef, ...] = describe(SOURCES_DOC)


@dataclass(frozen=True, kw_only=True)
class Method(Credited):
    title: str = describe("Naam van de werkwijze.")
    summary: str = describe("Het doel in één regel, voor kaarten en lijsten.")
    purpose: str = describe("Waarvoor de werkwijze dient.", markdown=True)
    synonyms: tuple[str, ...] = many("Andere namen, ook om op te zoeken.")
    brief: bool = describe("Waar: de bron noemt de werkwijze alleen kort.", default=False)
    fill_from: str | None = optional("Bij een korte vermelding: welke bron de werkwijze zou kunnen aanvullen.")
    invitation: str | None = optional("De uitnodiging: de vraag of opdracht die de deelnemers krijgen, letterlijk.")
    when: tuple[str, ...] = many("Wanneer je de werkwijze inzet.")
    phases: tuple[str, ...] = many("Fasen van een traject waarin de werkwijze past.", choices="phases")
    settings: tuple[str, ...] = many("Voor welke setting de werkwijze bedoeld is.", choices="settings")
    duration: Duration | None = optional("Duur van de hele werkwijze: een bereik in minuten of een duur per groepsgrootte.")
    group_size: GroupSize | None = optional("Groepsgrootte.")
    configurations: tuple[str, ...] = many(
        "Hoe de deelnemers werken: alleen, in tweetallen, in kleine groepen, met de hele groep.", choices="configurations"
    )
    roles: tuple[str, ...] = many("Rollen die meedoen.", ref="roles")
    space: tuple[str, ...] = many("Ruimte en opstelling.")
    materials: tuple[str, ...] = many("Benodigde materialen.")
    preparation: tuple[str, ...] = many("Wat de begeleider vooraf regelt.")
    sections: tuple[Section, ...] = many("Verdere uitleg in paragrafen.")
    steps: tuple[Step, ...] = many("Stappen of sessies, in volgorde.")
    outcomes: tuple[str, ...] = many("Wat de werkwijze oplevert.")
    tips: tuple[str, ...] = many("Tips.")
    pitfalls: tuple[str, ...] = many("Valkuilen.")
    variations: tuple[str, ...] = many("Varianten: andere manieren om de werkwijze te doen.")
    basis: tuple[Basis, ...] = many(
        "Waar de onderdelen van de kaart vandaan komen: een bron met vindplaats, of een suggestie van de redactie."
    )
    image: Image | None = optional("Een afbeelding bij de werkwijze, met alt-tekst.")
    links: tuple[Link, ...] = many("Links naar meer over de werkwijze, elk met een titel.", max_items=LINK_LIMIT)
    external_id: str | None = optional("De code of id van de werkwijze in de collectie waar ze vandaan komt.")
    extra: tuple[ExtraField, ...] = many(
        "Andere gegevens uit de collectie, elk met een naam (label) en tekst, getoond op de pagina.", max_items=EXTRA_FIELD_LIMIT
    )
    related: tuple[str, ...] = many("Verwante werkwijzen.", ref="methods")
    disciplines: tuple[str, ...] = many("Disciplines van Senge die de werkwijze oefent.", ref="disciplines")
    competences: tuple[str, ...] = many("Competenties die de werkwijze oefent.", ref="competences")
    terms: tuple[str, ...] = many("Begrippen die bij de werkwijze horen.", ref="terms")
    sources: tuple[SourceRef, ...] = describe(SOURCES_DOC)

    def filled_parts(self) -> tuple[str, ...]:
        """The card parts this method fills in, in card order."""
        filled = {
            "step_minutes": any(step.minutes for step in self.steps),
            **{part: bool(getattr(self, part)) for part in get_args(CardPart) if part != "step_minutes"},
        }
        return tuple(part for part in get_args(CardPart) if filled[part])

    def basis_of(self, part: str) -> Basis | None:
        return next((basis for basis in self.basis if part in basis.parts), None)

    @property
    def planned_minutes(self) -> tuple[int, int] | None:
        """The time the method takes in minutes: its duration, or else the sum of its steps."""
        if span := _minutes_span(self.duration):
            return span
        spans = [_minutes_span(step.duration) for step in self.steps]
        if spans and all(spans):
            return (sum(low for low, _ in spans), sum(high for _, high in spans))
        return None

    def problems(self) -> list[tuple[str, str]]:
        named = [part for basis in self.basis for part in basis.parts]
        twice = sorted({part for part in named if named.count(part) > 1})
        if twice:
            return [("basis", f"elk onderdeel hoort bij één basis; meer dan eens genoemd: {', '.join(twice)}")]
        empty = [part for part in named if part not in self.filled_parts()]
        if empty:
            return [("basis", f"de kaart vult deze onderdelen niet in: {', '.join(empty)}")]
        return []


@dataclass(frozen=True, kw_only=True)
class Case(Credited):
    title: str = describe("Titel van de casus.")
    type: CaseType = describe("'casus' of 'praktijkvoorbeeld'.")
    summary: str = describe("De casus in één zin.")
    organisation: str | None = optional("De organisatie; leeg als de bron haar niet noemt.")
    place: str | None = optional("Plaats of regio.")
    country: str | None = optional("Land.")
    sector: str | None = optional("Sector, zoals jeugdzorg, onderwijs of gemeente.")
    period: str | None = optional("Wanneer het gebeurde.")
    question: str | None = optional("De vraag of behoefte waar het om begon.", markdown=True)
    approach: str | None = optional("Wat er is gedaan.", markdown=True)
    figures: tuple[Figure, ...] = many("Aantallen uit de bron.")
    results: tuple[str, ...] = many("Wat het opleverde.")
    strengths: tuple[str, ...] = many("Sterke punten.")
    critical_points: tuple[str, ...] = many("Kritische punten.")
    lessons: tuple[str, ...] = many("Lessen.")
    tables: tuple[Table, ...] = many("Tabellen uit de casus.")
    methods: tuple[str, ...] = many("Gebruikte werkwijzen.", ref="methods")
    roles: tuple[str, ...] = many("Rollen in de casus.", ref="roles")
    disciplines: tuple[str, ...] = many("Disciplines die de casus laat zien.", ref="disciplines")
    competences: tuple[str, ...] = many("Competenties die de casus laat zien.", ref="competences")
    terms: tuple[str, ...] = many("Begrippen die de casus laat zien.", ref="terms")
    part_of: str | None = optional("Grotere casus waar dit voorbeeld bij hoort.", ref="cases")
    sources: tuple[SourceRef, ...] = describe(SOURCES_DOC)


Moment = Literal["voorbereiding", "tijdens-de-sessie", "na-afloop", "zelfreflectie"]

MOMENT_LABELS: Mapping[str, str] = Labels("moment", ("voorbereiding", "tijdens-de-sessie", "na-afloop", "zelfreflectie"))


@dataclass(frozen=True, kw_only=True)
class PromptBlock:
    type: Literal["vraag"] = describe("Een vraag met schrijfruimte.")
    prompt: str = describe("De vraag of opdracht.")
    hint: str | None = optional("Korte toelichting onder de vraag.")
    lines: int | None = optional("Aantal schrijflijnen (kies lines of box_mm).", minimum=1, maximum=A4_WRITING_MM // PRINTED_LINE_MM)
    box_mm: int | None = optional("Hoogte van een leeg schrijfvak in millimeters.", minimum=1, maximum=250)

    def problems(self) -> list[tuple[str, str]]:
        if (self.lines is None) == (self.box_mm is None):
            return [("lines", "geef lines (schrijflijnen) of box_mm (een leeg vak), niet allebei en niet geen van beide")]
        return []

    @property
    def writing_mm(self) -> int:
        return (self.lines or 0) * PRINTED_LINE_MM + (self.box_mm or 0)


@dataclass(frozen=True, kw_only=True)
class TableBlock:
    type: Literal["tabel"] = describe("Een tabel om in te vullen.")
    title: str = describe("Kop boven de tabel.")
    columns: tuple[str, ...] = describe("Kolomkoppen.")
    row_labels: tuple[str, ...] = many("Vooraf ingevulde eerste kolom, één per rij.")
    empty_rows: int = describe("Aantal lege rijen (na de rijen met een label).", default=0, minimum=0, maximum=50)
    row_mm: int = describe("Hoogte van een rij in millimeters.", default=12, minimum=1, maximum=250)

    @property
    def writing_mm(self) -> int:
        return (len(self.row_labels) + self.empty_rows) * self.row_mm


@dataclass(frozen=True, kw_only=True)
class ChecklistBlock:
    type: Literal["checklist"] = describe("Een lijst om af te vinken.")
    title: str = describe("Kop boven de lijst.")
    items: tuple[str, ...] = describe("De punten om af te vinken.")
    notes: bool = describe("Waar: ruimte voor een aantekening bij elk punt.", default=True)


@dataclass(frozen=True, kw_only=True)
class RatingBlock:
    type: Literal["beoordeling"] = describe("Een schaal per punt, met een kolom voor aantekeningen.")
    title: str = describe("Kop boven de beoordeling.")
    items: tuple[str, ...] = many("De punten om te beoordelen.")
    competence: str | None = optional("Beoordeel elke gedragsindicator van deze competentie.", ref="competences")
    profile: str | None = optional("Beoordeel elke competentie van dit profiel.", ref="profiles")
    scale_min: int = describe("Laagste score.", default=1, minimum=0, maximum=10)
    scale_max: int = describe("Hoogste score.", default=5, minimum=1, maximum=10)
    low_label: str | None = optional("Betekenis van de laagste score.")
    high_label: str | None = optional("Betekenis van de hoogste score.")

    def problems(self) -> list[tuple[str, str]]:
        given = [name for name in ("items", "competence", "profile") if getattr(self, name)]
        if len(given) != 1:
            return [("items", "geef precies één van items, competence of profile")]
        if self.scale_min >= self.scale_max:
            return [("scale_max", "moet groter zijn dan scale_min")]
        return []


@dataclass(frozen=True, kw_only=True)
class ScheduleBlock:
    type: Literal["tijdschema"] = describe("Het tijdschema van een werkwijze: deel, minuten, wie, wat.")
    title: str = describe("Kop boven het schema.")
    method: str = describe("De werkwijze waarvan de stappen het schema vormen.", ref="methods")


@dataclass(frozen=True, kw_only=True)
class DiagramBlock:
    type: Literal["schema"] = describe("Een leeg schema in lagen, zoals een batenlogica.")
    title: str = describe("Kop boven het schema.")
    levels: tuple[str, ...] = describe("De lagen van boven naar beneden.")
    boxes: int = describe("Aantal vakken per laag.", default=3, minimum=1, maximum=10)
    box_mm: int = describe("Hoogte van een vak in millimeters.", default=22, minimum=1, maximum=250)

    @property
    def writing_mm(self) -> int:
        return len(self.levels) * self.box_mm


@dataclass(frozen=True, kw_only=True)
class NotesBlock:
    type: Literal["notities"] = describe("Vrije ruimte voor aantekeningen.")
    title: str = describe("Kop boven de ruimte.", default="Aantekeningen")
    box_mm: int = describe("Hoogte in millimeters.", default=40, minimum=1, maximum=250)

    @property
    def writing_mm(self) -> int:
        return self.box_mm


Block = PromptBlock | TableBlock | ChecklistBlock | RatingBlock | ScheduleBlock | DiagramBlock | NotesBlock


@dataclass(frozen=True, kw_only=True)
class Worksheet(Credited):
    title: str = describe("Titel van het werkblad.")
    purpose: str = describe("Waarvoor het werkblad dient, in één of twee zinnen.")
    instructions: tuple[str, ...] = many("Wat de deelnemer doet, in volgorde.")
    moment: Moment = describe("Wanneer het werkblad gebruikt wordt.")
    method: str | None = optional("De werkwijze waar het werkblad bij hoort.", ref="methods")
    step: str | None = optional("De stap of sessie binnen de werkwijze (zoals in de werkwijze genoemd).", step_of="method")
    competence: str | None = optional("De competentie waar het werkblad bij hoort.", ref="competences")
    profile: str | None = optional("Het competentieprofiel waar het werkblad bij hoort.", ref="profiles")
    discipline: str | None = optional("De discipline waar het werkblad bij hoort.", ref="disciplines")
    duration: Duration | None = optional("Hoe lang het invullen duurt.")
    page_limit: int = describe("Hoeveel A4-pagina's het werkblad hoogstens beslaat.", default=1, minimum=1, maximum=20)
    blocks: tuple[Block, ...] = describe("De onderdelen van het werkblad, van boven naar beneden.")
    sources: tuple[SourceRef, ...] = describe(SOURCES_DOC)

    def problems(self) -> list[tuple[str, str]]:
        if self.step and not self.method:
            return [("step", "een stap hoort bij een werkwijze; vul ook method in")]
        writing_mm = sum(getattr(block, "writing_mm", 0) for block in self.blocks)
        if writing_mm > self.page_limit * A4_WRITING_MM:
            return [("page_limit", (
                f"de schrijfruimte van de blokken is samen {writing_mm} mm, meer dan op {self.page_limit} A4-pagina's past "
                f"({self.page_limit * A4_WRITING_MM} mm); maak de blokken kleiner of verhoog page_limit"
            ))]
        return []


@dataclass(frozen=True, kw_only=True)
class PlanItem:
    title: str | None = optional("Naam van het onderdeel; leeg: de naam van de stap of de werkwijze.")
    method: str | None = optional("De werkwijze van dit onderdeel; leeg bij een vrij onderdeel zoals een pauze.", ref="methods")
    step: str | None = optional("Titel van een stap van die werkwijze, precies zoals in de werkwijze.", step_of="method")
    minutes: int = describe("Hoeveel minuten het onderdeel duurt.", minimum=1, maximum=MINUTES_PER_DAY)
    note: str | None = optional("Aantekening voor de begeleider.")
    worksheets: tuple[str, ...] = many("Werkbladen die je bij dit onderdeel gebruikt.", ref="worksheets")

    def problems(self) -> list[tuple[str, str]]:
        if self.step and not self.method:
            return [("step", "een stap hoort bij een werkwijze; vul ook method in")]
        if not (self.title or self.method):
            return [("title", "geef een titel, of een werkwijze (method) waarvan de naam de titel wordt")]
        return []


@dataclass(frozen=True, kw_only=True)
class Plan(Credited):
    title: str = describe("Titel van het sessieplan.")
    summary: str = describe("Waar de sessie om draait, in één zin.")
    description: str | None = optional("Toelichting bij het plan.", markdown=True)
    method: str | None = optional("De werkwijze waar het plan bij hoort.", ref="methods")
    items: tuple[PlanItem, ...] = describe("De onderdelen van de sessie, in volgorde.")
    sources: tuple[SourceRef, ...] = describe(SOURCES_DOC)

    def problems(self) -> list[tuple[str, str]]:
        return [] if self.items else [("items", "geef minstens één onderdeel")]

    @property
    def starts(self) -> tuple[int, ...]:
        """Per item, the minutes from the start of the session to where it begins."""
        starts: list[int] = []
        elapsed = 0
        for item in self.items:
            starts.append(elapsed)
            elapsed += item.minutes
        return tuple(starts)

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.items)

    @property
    def worksheets(self) -> tuple[str, ...]:
        """Every worksheet the items name, each once, in order of use."""
        return tuple(dict.fromkeys(sheet for item in self.items for sheet in item.worksheets))


KINDS: dict[str, type] = {
    "sources": Source,
    "terms": Term,
    "roles": Role,
    "disciplines": Discipline,
    "profiles": Profile,
    "competences": Competence,
    "methods": Method,
    "cases": Case,
    "worksheets": Worksheet,
    "plans": Plan,
}
