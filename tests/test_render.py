"""Text from data is text; only fields declared as Markdown render."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from macros.handbook import load_handbook
from macros.present import markdown_text
from macros.render import Renderer, html_link, page_url, relative_link

from .test_loader import write

HOSTILE = "Let *op* <script>alert(1)</script> [klik](https://example.org) {: .x} & `code`"


def test_plain_text_escapes_markdown_and_html() -> None:
    escaped = markdown_text(HOSTILE)
    assert "<script>" not in escaped
    assert "\\*op\\*" in escaped and "\\[klik\\]" in escaped and "&amp;" in escaped


def test_item_page_escapes_plain_fields_and_renders_markdown_fields(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write(data, "sources/bron.yaml", "title: Bron\ntype: essay\n")
    write(data, "methods/m.yaml", (
        f"title: 'Titel {HOSTILE}'\nsummary: Kort\npurpose: 'Dit is **vet**. 3 <5 & 7'\n"
        f"tips: ['{HOSTILE}']\nsources: [bron]\n"
    ))
    handbook = load_handbook(data)
    page = Renderer(handbook).item_page(handbook.entry("methods", "m"))
    assert "<script>" not in page
    assert "\\*op\\*" in page
    assert "Dit is **vet**." in page
    assert "3 &lt;5 &amp; 7" in page


def test_relative_links_between_pages() -> None:
    assert relative_link("werkwijzen/a.md", "casussen/b.md") == "../casussen/b.md"
    assert relative_link("index.md", "werkwijzen/a.md") == "werkwijzen/a.md"
    assert relative_link("werkwijzen/index.md", "werkwijzen/a.md") == "a.md"


def test_page_addresses_with_and_without_directory_urls() -> None:
    assert [page_url(path) for path in ("index.md", "werkwijzen/index.md", "werkwijzen/a.md")] == ["", "werkwijzen/", "werkwijzen/a/"]
    offline = [page_url(path, directory_urls=False) for path in ("index.md", "werkwijzen/index.md", "werkwijzen/a.md")]
    assert offline == ["index.html", "werkwijzen/index.html", "werkwijzen/a.html"]


def test_raw_html_links_to_files_fit_both_kinds_of_build() -> None:
    assert html_link("werkbladen/a.md", "werkbladen/a.pdf") == "../a.pdf"
    assert html_link("werkbladen/a.md", "werkbladen/a.pdf", directory_urls=False) == "a.pdf"
    assert html_link("index.md", "assets/logo.svg", directory_urls=False) == "assets/logo.svg"
    assert html_link("werkwijzen/index.md", "werkmappen/a.pdf") == html_link("werkwijzen/index.md", "werkmappen/a.pdf", False)


def test_model_loader_and_renderer_do_not_import_mkdocs() -> None:
    code = "import sys, macros.pages, macros.render, macros.loader, macros.sheets; print('mkdocs' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "False"
