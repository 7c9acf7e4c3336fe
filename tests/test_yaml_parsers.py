"""The loader parses with libyaml for speed; what it reads must not differ from the Python parser."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros import loader
from macros.loader import DataErrors, read_yaml

DATA_FILES = sorted((Path(__file__).resolve().parent.parent / "data").glob("*/*.y*ml"))


def composed(node: yaml.Node, constructor: yaml.SafeLoader) -> loader.Located:
    """What PyYAML's own composer and constructor make of a node, with the lines of values and keys."""
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return loader.Located({key.value: (key.start_mark.line + 1, composed(value, constructor)) for key, value in node.value}, line)
    if isinstance(node, yaml.SequenceNode):
        return loader.Located([composed(item, constructor) for item in node.value], line)
    return loader.Located(constructor.construct_object(node, deep=True), line, node.value)


def python_parse(path: Path) -> loader.Located:
    text = path.read_text(encoding="utf-8")
    return composed(yaml.compose(text, Loader=loader._TextLoader), loader._TextLoader(""))


def test_every_data_file_reads_the_same_as_with_the_python_parser() -> None:
    assert DATA_FILES
    differing = [path.name for path in DATA_FILES if read_yaml(path) != python_parse(path)]
    assert not differing


def test_libyaml_is_used_when_pyyaml_has_it() -> None:
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML zonder libyaml")
    assert issubclass(loader._FastTextLoader, yaml.CSafeLoader)


@pytest.mark.parametrize(("text", "line", "words"), [
    ("term: [\n", 2, "YAML-fout"),
    ("term: X\ndefinition: een: twee\n", 2, "dubbele punt midden in tekst"),
    ("term: X\n\tdefinition: Y\n", 2, "tab"),
])
def test_syntax_errors_keep_the_python_parsers_line_and_hint(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        read_yaml(path)
    message = str(raised.value.errors[0])
    assert f"kapot.yaml:{line}: " in message
    assert words in message


def test_dates_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "bron.yaml"
    path.write_text("accessed: 2020-11-12\n", encoding="utf-8")
    assert read_yaml(path).value["accessed"][1].value == "2020-11-12"
