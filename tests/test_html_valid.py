"""Every built page is valid HTML according to the Nu Html Checker (vnu), run once over all pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from macros.handbook import KIND_INFO

from .conftest import ROOT, site_pages

# The checker as its maintainers publish it: npm package vnu-jar, pinned in package-lock.json.
VNU_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"

# Material's base.html gives its two menu toggles (checkboxes) autocomplete="off", so that a browser
# does not restore an open drawer or search on going back. That markup sits outside every template
# block, so no override can reach it; it is harmless, and the only message this test lets through.
MATERIAL_TOGGLE_AUTOCOMPLETE = "Attribute “autocomplete” is only allowed when the input type is"


def is_material_toggle(message: dict) -> bool:
    return message["message"].startswith(MATERIAL_TOGGLE_AUTOCOMPLETE) and 'class="md-toggle"' in message.get("extract", "")


def vnu_errors(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    assert java, "Java ontbreekt: ./dev.sh test installeert default-jre-headless"
    assert VNU_JAR.is_file(), f"{VNU_JAR.relative_to(ROOT)} ontbreekt: ./dev.sh test installeert het (npm ci)"
    completed = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True,
    )
    return [message for message in json.loads(completed.stderr)["messages"] if message["type"] != "info"]


def test_every_page_is_valid_html(built_site: Path, every_kind_site: Path) -> None:
    """Every page of the project's own handbook and of the every-kind fixture (so every kind of page,
    whatever content the project has), in one run of the checker."""
    pages = [page for site in (built_site, every_kind_site) for page in site_pages(site) + sorted(site.glob("*.html"))]
    folders = {page.parent.relative_to(every_kind_site).parts[0] for page in site_pages(every_kind_site) if page.parent != every_kind_site}
    assert {info.folder for info in KIND_INFO.values()} <= folders, "niet elke soort pagina is gebouwd"
    errors = [message for message in vnu_errors(pages) if not is_material_toggle(message)]
    report = "\n".join(
        f"{Path(message['url'].removeprefix('file:'))}:{message.get('lastLine')}: {message['message']}"
        for message in errors
    )
    assert not errors, f"{len(errors)} fouten in de HTML:\n{report}"
