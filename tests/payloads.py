"""A small handbook whose every text is a script payload: one item of each kind, every plain-text and
every Markdown field filled, and every text setting of handboek.yml. Written from the model, so a new
field is filled too. A handler that runs sets ``window.__pwned`` to the field it came from."""

from __future__ import annotations

import dataclasses
import shutil
import typing
from pathlib import Path
from typing import Any, Literal

import yaml

from macros.model import KINDS, Block, Link, Lists, PlanItem, Worksheet

ITEM_IDS = {kind: f"p-{kind}" for kind in KINDS}
SHOWN = "Kletspot <Team>"  # what a reader must see, as text, wherever the payload lands
GLOSSARY_WORD = "bedoeling"  # a second term, in every Markdown field: its definition is the tooltip there


def plain_payload(where: str) -> str:
    """Everything that would run or hide content if printed unescaped, in HTML or in Markdown."""
    run = f"window.__pwned='{where}'"
    return (
        f"{SHOWN} {where} <img src=x onerror=\"{run}\"> \"><svg onload={run}> '><script>{run}</script> "
        f"</title><script>{run}</script> </style><script>{run}</script> [klik](javascript:{run}) ![i](data:,x){{ onerror={run} }} "
        f"{{: onclick=\"{run}\" }} {{{{ 7*7 }}}} *[HTML]: x <!--"
    )


def markdown_payload(where: str) -> str:
    """Markdown that check accepts and that must still render as inert text: payloads in code spans,
    as entities or as plain words, a bare attribute word at the end of a block, a comparison."""
    run = f"window.__pwned='{where}'"
    return (
        f"Kletspot `<Team>` over {GLOSSARY_WORD}, **vet**: `<script>{run}</script>` en `{{: onclick=\"{run}\" }}`, "
        f"javascript:{run} als tekst, &lt;img src=x onerror={run}&gt;, 3 < 5 > 2 en [veilig](#) {{onmouseover}}\n\n"
        f"- punt {{onclick}}\n"
    )


# Numbers the loader checks against their meaning: valid, not payloads.
# A sheet of every block with long payload texts takes more than one page.
FIXED: dict[tuple[type, str], Any] = {(PlanItem, "minutes"): 30, (Link, "url"): "https://example.org/", (Worksheet, "page_limit"): 20}
# Addresses, file names and fields with rules of their own (an image file, a second way to give a
# duration, works cited in a source): validated by other code and their own tests.
SKIPPED = {"url", "seed", "date", "box_mm", "image", "by_group_size", "cites"}


def _value(annotation: Any, spec: dataclasses.Field, owner: type, where: str, kind: str) -> Any:
    if (owner, spec.name) in FIXED:
        return FIXED[(owner, spec.name)]
    annotation = _without_none(annotation)
    if ref := spec.metadata.get("ref"):
        return [ITEM_IDS[ref]] if typing.get_origin(annotation) is tuple else ITEM_IDS[ref]
    if choices := spec.metadata.get("choices"):  # phases, settings, configurations: the content's lists
        return [Lists().ids(choices)[0]]
    if spec.name == "step":  # a worksheet's or a plan item's step: must name the method's step
        return plain_payload(f"{ITEM_IDS['methods']}.steps[1].title")  # the step of the fixture's method
    if typing.get_origin(annotation) is Literal:
        return typing.get_args(annotation)[0]
    if annotation is str:
        return markdown_payload(where) if spec.metadata.get("markdown") else plain_payload(where)
    if annotation is int:
        return spec.metadata.get("minimum", 1)
    if annotation is bool:
        return spec.default
    if typing.get_origin(annotation) is tuple:
        inner = typing.get_args(annotation)[0]
        if inner == Block:  # one block of each type
            return [record(variant, f"{where}[{index + 1}]", kind) for index, variant in enumerate(typing.get_args(Block))]
        return [_value(inner, spec, owner, f"{where}[1]", kind)]
    if dataclasses.is_dataclass(annotation):
        return record(annotation, where, kind)
    raise TypeError(f"no payload for {owner.__name__}.{spec.name}: {annotation}")


def _without_none(annotation: Any) -> Any:
    """`X | None` as X: an optional field is filled too."""
    arguments = typing.get_args(annotation)
    if type(None) in arguments:
        rest = [argument for argument in arguments if argument is not type(None)]
        return rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]
    return annotation


def record(record_type: type, where: str, kind: str) -> dict[str, Any]:
    hints = typing.get_type_hints(record_type)
    values: dict[str, Any] = {}
    for spec in dataclasses.fields(record_type):
        skipped = spec.name in SKIPPED and (record_type, spec.name) not in FIXED
        if skipped or spec.metadata.get("ref") == kind and record_type is KINDS[kind]:
            continue  # no self-references
        values[spec.name] = _value(hints[spec.name], spec, record_type, f"{where}.{spec.name}", kind)
    return {**values, **_record_rules(record_type, values)}


def _record_rules(record_type: type, values: dict[str, Any]) -> dict[str, Any]:
    """What a record's own problems() demand: one of items, competence or profile; a valid scale."""
    if record_type.__name__ == "RatingBlock":
        return {"competence": None, "profile": None, "scale_min": 1, "scale_max": 5}
    if record_type.__name__ == "DiagramBlock":
        return {"boxes": 2}
    if record_type.__name__ in ("Duration", "GroupSize"):
        return {name: 2 * value if name.endswith("max") else value for name, value in values.items()}
    return {}


def write_payload_handbook(project: Path) -> None:
    """Replace the project's data/ and handboek.yml with the payload handbook."""
    shutil.rmtree(project / "pages", ignore_errors=True)  # no hand-written pages: every text is the payload's
    data = project / "data"
    for path in sorted(data.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    for kind, record_type in KINDS.items():
        item = {key: value for key, value in record(record_type, ITEM_IDS[kind], kind).items() if value is not None}
        (data / kind).mkdir(parents=True)
        (data / kind / f"{ITEM_IDS[kind]}.yaml").write_text(yaml.safe_dump(item, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # Short and in front: the tooltip shows the first 220 characters, without backticks or underscores.
    definition = "`<img src=x onerror=alert('p-glossary.definition')>` " + markdown_payload("p-glossary.definition")
    glossary_term = {"term": GLOSSARY_WORD, "definition": definition, "sources": [ITEM_IDS["sources"]]}
    (data / "terms" / "p-glossary.yaml").write_text(yaml.safe_dump(glossary_term, allow_unicode=True), encoding="utf-8")
    settings = {
        "title": plain_payload("title"),
        "description": plain_payload("description"),
        "organisation": {"name": plain_payload("organisation.name"), "logo": "docs/assets/images/logo.svg"},
        "colours": {"primary": "#3f51b5", "accent": "#303f9f"},
        "footer": plain_payload("footer"),
        "contact": {"text": plain_payload("contact.text"), "email": "handboek@example.org"},
        "licence": {"name": plain_payload("licence.name"), "code": plain_payload("licence.code")},
        "home": {
            "intro": markdown_payload("home.intro"),
            "routes": [{
                "title": plain_payload("home.routes[1].title"), "text": plain_payload("home.routes[1].text"),
                "links": [{"title": plain_payload("home.routes[1].links[1].title"), "to": "werkwijzen/index.md"}],
            }],
        },
    }
    (project / "handboek.yml").write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
