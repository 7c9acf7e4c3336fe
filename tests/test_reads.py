"""What an item page read of the handbook (macros/reads.py) tells the preview whether to write it again:
after an edit, no page whose Markdown changed may look unchanged, and a page that shows nothing of the
edited item is kept. Checked on the every-kind fixture, for an edit of every kind of item."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.handbook import KIND_INFO, Handbook, load_handbook
from macros.pages import item_page_text
from macros.reads import Read, ReadingHandbook, found, item_read
from macros.render import Renderer

from .conftest import fixture_data

SITE = {"site_url": "", "handbook_name": "Handboek", "licence": "CC BY-SA 4.0", "directory_urls": True,
        "organisation": {"name": "Organisatie", "logo": "logo.svg"}}


def pages_and_reads(handbook: Handbook) -> dict[str, tuple[str, dict[Read, str]]]:
    """Every item page as Markdown, with what each read of the handbook found."""
    reading = ReadingHandbook(handbook)
    renderer = Renderer(reading, site=SITE)
    pages = {}
    for kind in KIND_INFO:
        for entry in reading.entries(kind):
            with reading.recording([item_read(entry)]) as log:
                text = item_page_text(entry, reading, renderer, SITE)
            pages[entry.path] = (text, {read: found(reading, read) for read in log})
    return pages


def pages_now(handbook: Handbook) -> dict[str, str]:
    renderer = Renderer(handbook, site=SITE)
    return {entry.path: item_page_text(entry, handbook, renderer, SITE) for kind in KIND_INFO for entry in handbook.entries(kind)}


def edited_copy(tmp_path: Path, kind: str, field: str) -> Path:
    """The fixture's data with one field of the first item of `kind` changed."""
    data = tmp_path / "data"
    shutil.copytree(fixture_data("every-kind"), data)
    path = sorted((data / kind).glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    line = re.compile(rf"^{field}: (.+)$", re.MULTILINE)
    assert line.search(text), f"{path.name} heeft geen {field}"
    path.write_text(line.sub(rf"{field}: \1 (herzien)", text, count=1), encoding="utf-8")
    return data


def shown_fields() -> list[tuple[str, str]]:
    """Per kind with items, the fields other pages show of an item: its title (or name, term) and summary."""
    handbook = load_handbook(fixture_data("every-kind"))
    return [(kind, field) for kind in KIND_INFO if handbook.entries(kind)
            for field in (KIND_INFO[kind].title_field, "summary")
            if hasattr(handbook.entries(kind)[0].item, field) and getattr(handbook.entries(kind)[0].item, field)]


@pytest.mark.parametrize(("kind", "field"), shown_fields())
def test_a_page_is_written_again_when_something_it_read_changed_and_kept_otherwise(tmp_path: Path, kind: str, field: str) -> None:
    before = pages_and_reads(load_handbook(fixture_data("every-kind")))
    edited = load_handbook(edited_copy(tmp_path, kind, field))
    after = pages_now(edited)
    looks_unchanged = {path for path, (_text, reads) in before.items()
                       if path in after and all(found(edited, read) == was for read, was in reads.items())}
    changed = {path for path, text in after.items() if before.get(path, ("",))[0] != text}
    assert changed, "de bewerking veranderde geen enkele pagina"
    assert not changed & looks_unchanged, f"verouderd na een nieuwe {field} van een {kind}-onderdeel"
    assert looks_unchanged, "elke pagina wordt opnieuw geschreven"
