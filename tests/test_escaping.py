"""Text from data, rendered with the site's own Markdown extensions (mkdocs.yml): plain text shows
exactly as written, a Markdown field renders Markdown and nothing that acts."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import markdown
import pytest
import yaml

from macros.present import markdown_field, markdown_text

from .conftest import ROOT


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml holds !ENV tags; the Markdown extensions do not need them."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def site_markdown(text: str) -> str:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    names: list[str] = []
    options: dict[str, Any] = {}
    for extension in config["markdown_extensions"]:
        name, settings = next(iter(extension.items())) if isinstance(extension, dict) else (extension, {})
        names.append(name)
        options[name] = settings or {}
    return markdown.markdown(text, extensions=names, extension_configs=options)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


PLAIN = [
    "Ja = nee ~ misschien ^ soms",
    "= kop",
    ": een definitie",
    "??? note \"Verborgen\"",
    "!!! warning \"Let op\"",
    "- geen lijst",
    "1. geen genummerde lijst",
    "# geen kop",
    "Kletspot <Team> & co",
    "*geen nadruk* en _ook niet_ en `geen code`",
    "[geen link](https://example.org) ![geen plaatje](x.png)",
    "{: .geen-attribuut } a | b",
    "*[HTML]: geen afkorting",
    "pad\\naar\\map",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_shows_as_written_without_stray_backslashes(text: str) -> None:
    page = parsed(site_markdown(f"Tekst vooraf\n{markdown_text(text)}"))
    assert " ".join("".join(page.text).split()) == f"Tekst vooraf {text}"
    assert [tag for tag, _ in page.tags] == ["p"]


# Constructs check refuses in data; should one reach a page anyway, it does nothing there.
HOSTILE_MARKDOWN = [
    "<img src=x onerror=alert(1)>",
    "Een alinea.\n{: onclick=\"alert(1)\" }",
    "Een alinea {onmouseover}",
    "## Kop { onclick=alert(1) }",
    "![i](plaatje.png){ onerror=alert(1) }",
    "- punt\n{: onclick=alert(1) }",
    "Tekst <!-- en de rest",
    "<script>alert(1)</script>",
    "<div markdown=\"1\" onclick=\"alert(1)\">x</div>",
]


@pytest.mark.parametrize("text", HOSTILE_MARKDOWN)
def test_a_markdown_field_renders_no_html_and_no_attributes(text: str) -> None:
    page = parsed(site_markdown(markdown_field(text)))
    assert [tag for tag, _ in page.tags if tag not in {"p", "h2", "ul", "li", "img", "a"}] == []
    assert [(tag, attrs) for tag, attrs in page.tags if set(attrs) - {"src", "alt", "id", "href", "class", "title", "aria-label"}] == []
    assert not any(tag == "img" and attrs.get("onerror") for tag, attrs in page.tags)


def test_a_markdown_field_still_renders_markdown() -> None:
    html = site_markdown(markdown_field("Dit is **vet**, een [link](https://example.org/) en 3 < 5 & 6."))
    assert "<strong>vet</strong>" in html and '<a href="https://example.org/">link</a>' in html
    assert "3 &lt; 5 &amp; 6" in html
