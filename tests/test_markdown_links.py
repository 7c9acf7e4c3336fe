"""`check` follows the relative links inside Markdown fields and names the data file and line of a broken one."""

from __future__ import annotations

from pathlib import Path

from .test_loader import write
from .test_loader_limits import check, small_project  # noqa: F401 (small_project is a fixture)

METHOD = "title: {title}\nsummary: S\npurpose: {purpose}\nsources: [bron]\n"


def method(title: str, purpose: str, extra: str = "") -> str:
    return METHOD.format(title=title, purpose=purpose) + extra


def test_a_broken_link_in_a_markdown_field_names_the_data_file_and_line(small_project: Path) -> None:
    data = small_project / "data"
    write(data, "methods/gesprek.yaml", method("Gesprek", "Zie [het andere](../werkwijzen/gesprekken.md)."))
    write(data, "methods/tweede.yaml", method("Tweede", "Een werkwijze.", (
        "steps:\n  - title: Een\n  - title: Twee\n    description: |\n      Lees eerst\n      [de uitleg](uitleg.md#begin).\n"
    )))
    write(data, "terms/begrip.yaml", "term: B\nsources: [bron]\ndefinition: |\n  Zie [ook][b].\n\n  [b]: ../begrippen/bedoelingen.md\n")
    result = check(small_project)
    assert result.returncode == 1, result.stdout
    lines = result.stdout.splitlines()
    assert (
        "data/methods/gesprek.yaml:3: purpose: de link ../werkwijzen/gesprekken.md wijst naar werkwijzen/gesprekken.md, "
        "maar die pagina of dat bestand heeft de site niet (bedoel je gesprek.md?); links gaan vanaf werkwijzen/gesprek.md"
    ) in lines
    assert any(line.startswith(
        "data/methods/tweede.yaml:8: steps[2].description: de link uitleg.md#begin wijst naar werkwijzen/uitleg.md, "
        "maar die pagina of dat bestand heeft de site niet"
    ) for line in lines), result.stdout
    assert any(line.startswith("data/terms/begrip.yaml:3: definition: de link ../begrippen/bedoelingen.md wijst naar") for line in lines)
    assert "3 problemen gevonden" in result.stdout


def test_an_absolute_link_is_refused_with_a_hint(small_project: Path) -> None:
    write(small_project / "data", "roles/rol.yaml", "name: Rol\nsummary: S\nsources: [bron]\ndescription: '[Thuis](/index.md)'\n")
    result = check(small_project)
    assert "data/roles/rol.yaml:4: description: de link /index.md begint met /; schrijf hem relatief, vanaf rollen/rol.md" in result.stdout


def test_links_to_items_files_and_other_sites_pass(small_project: Path) -> None:
    data = small_project / "data"
    write(data, "methods/gesprek.yaml", method("Gesprek", (
        "'[Tweede](tweede.md), [begrip](../begrippen/bedoeling.md), ![logo](../assets/images/logo.svg), "
        "[NJi](https://www.nji.nl/), [mail](mailto:a@b.nl)'"
    )))
    write(data, "methods/tweede.yaml", method("Tweede", "|\n  Zie [gesprek][ref].\n\n  [ref]: ../werkwijzen/gesprek.md"))
    result = check(small_project)
    assert result.returncode == 0, result.stdout
