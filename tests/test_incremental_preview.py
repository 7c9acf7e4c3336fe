"""Under `mkdocs serve` a save rebuilds only what changed (macros/incremental.py), and nothing is stale: after
each edit of a small handbook of its own, every page and the search index the preview serves equal those
of a clean build of the same files."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros import engine

from .conftest import build, copy_project, page_address, site_pages, write_own_settings

SOURCE = "title: {title}\ntype: overig\nauthors: [Auteur]\nyear: 2020\nsummary: Een bron.\n"


def method(title: str, summary: str, source: str) -> str:
    return f"title: {title}\nsummary: {summary}\npurpose: Oefenen.\nsources: [{source}]\n"


DATA = {
    "sources/bron-a.yaml": SOURCE.format(title="Eerste bron"),
    "sources/bron-b.yaml": SOURCE.format(title="Tweede bron"),
    "methods/luisteren.yaml": method("Luisteroefening", "Twee aan twee luisteren.", "bron-a"),
    "methods/vragen.yaml": method("Vragenronde", "Om de beurt doorvragen.", "bron-a"),
    "methods/terugblik.yaml": method("Terugblik", "Samen terugkijken.", "bron-a"),
}
LIVERELOAD_SCRIPT = re.compile(r"<script>\s*var livereload = function.*?</script>", re.DOTALL)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page as the preview serves it, without the livereload script MkDocs adds; None for a 404."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return LIVERELOAD_SCRIPT.sub("", response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise
    except OSError:
        return None


def wait_until(check: Callable[[], bool], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError("de preview werd niet bijgewerkt")


def reloads(project: Path) -> int:
    return (project / "serve.log").read_text(encoding="utf-8").count("Reloading browsers")


def wait_for_preview(project: Path, shows_change: Callable[[], bool], reloads_before: int) -> None:
    """Until the preview shows the change and the rebuild is done: MkDocs serves the files while it writes
    them, and has a browser reload only when the build is over (the search index comes last)."""
    def done() -> bool:
        log = (project / "serve.log").read_text(encoding="utf-8")
        idle = log.rfind("Reloading browsers") > log.rfind("Detected file changes")
        return idle and reloads(project) > reloads_before and shows_change()
    wait_until(done)


@contextmanager
def preview(project: Path, port: int) -> Iterator[str]:
    log = project / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    with log.open("wb") as output:
        process = subprocess.Popen(engine.command("serve", "-a", f"127.0.0.1:{port}"), cwd=project, env=env,
                                   stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until(lambda: process.poll() is not None or fetch(base) is not None, timeout=180)
        assert process.poll() is None, log.read_text(encoding="utf-8")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def assert_preview_equals_clean_build(project: Path, base: str, tmp_path: Path, step: str) -> Path:
    """The clean build's site, after checking that the preview serves the same."""
    clean = build(project, tmp_path / f"clean-{step}")
    assert clean.returncode == 0, clean.output
    for page in site_pages(clean.site):
        address = page_address(clean.site, page)
        assert fetch(base + address) == page.read_text(encoding="utf-8"), f"na '{step}': /{address} is verouderd"
    served_index = json.loads(fetch(base + "search/search_index.json") or "{}")
    assert served_index == json.loads((clean.site / "search/search_index.json").read_text(encoding="utf-8")), \
        f"na '{step}': de zoekindex is verouderd"
    return clean.site


def changed_pages(before: Path, after: Path) -> set[str]:
    """The pages whose HTML differs between two clean builds."""
    def html(site: Path) -> dict[str, str]:
        return {page_address(site, page): page.read_text(encoding="utf-8") for page in site_pages(site)}
    old, new = html(before), html(after)
    return {address for address in old.keys() | new.keys() if old.get(address) != new.get(address)}


@dataclass(frozen=True)
class Rebuild:
    """What the preview's latest rebuild did again, from its log."""

    pages: int
    converted: int
    built: int  # put in the theme again, whole or with only a new menu
    menus: int  # of those, the pages that got only a new menu
    items: int
    written: int  # item pages written again


def last_rebuild(project: Path) -> Rebuild:
    counts = re.findall(r"Voorvertoning: van (\d+) pagina's (\d+) opnieuw omgezet en (\d+) opnieuw in het thema gezet, "
                        r"waarvan (\d+) alleen met een nieuw menu; van (\d+) onderdeelpagina's (\d+) opnieuw geschreven",
                        (project / "serve.log").read_text(encoding="utf-8"))
    assert counts, "de voorvertoning meldt niet wat ze opnieuw deed"
    return Rebuild(*map(int, counts[-1]))


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "eigen/data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
def handbook(tmp_path: Path, port: int) -> Path:
    """The preview's address as site_url, so that the clean build's canonical links name it too."""
    project = copy_project(tmp_path / "project")
    own = write_own_settings(project, f"site_url: http://127.0.0.1:{port}/\n")
    for name, text in DATA.items():
        path = own / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


def test_every_page_and_the_search_index_follow_each_edit(handbook: Path, port: int, tmp_path: Path) -> None:
    with preview(handbook, port) as base:
        overview = base + "werkwijzen/"
        assert_preview_equals_clean_build(handbook, base, tmp_path, "start")

        before = reloads(handbook)
        unchanged = handbook / "eigen/data/methods/luisteren.yaml"
        unchanged.write_text(unchanged.read_text(encoding="utf-8"), encoding="utf-8")
        wait_for_preview(handbook, lambda: True, before)
        assert_preview_equals_clean_build(handbook, base, tmp_path, "opgeslagen zonder wijziging")

        before = reloads(handbook)
        edit(handbook, "methods/luisteren.yaml", "title: Luisteroefening", "title: Luisteren in tweetallen")
        wait_for_preview(handbook, lambda: "Luisteren in tweetallen" in (fetch(base + "werkwijzen/luisteren/") or ""), before)
        after_title = assert_preview_equals_clean_build(handbook, base, tmp_path, "titel")
        assert last_rebuild(handbook).menus >= 1, "geen pagina kreeg alleen een nieuw menu, terwijl alleen het menu de titel toont"

        before = reloads(handbook)
        edit(handbook, "methods/vragen.yaml", "Om de beurt doorvragen.", "Om de beurt open vragen stellen.")
        wait_for_preview(handbook, lambda: "open vragen stellen" in (fetch(overview) or ""), before)
        after_summary = assert_preview_equals_clean_build(handbook, base, tmp_path, "samenvatting")
        changed = changed_pages(after_title, after_summary)
        rebuild = last_rebuild(handbook)
        assert 1 <= rebuild.built <= len(changed) < rebuild.pages, f"{rebuild} voor {sorted(changed)}"
        assert rebuild.converted <= len(changed)
        assert 1 <= rebuild.written < rebuild.items, f"{rebuild.written} van {rebuild.items} onderdeelpagina's opnieuw geschreven"

        before = reloads(handbook)
        edit(handbook, "methods/terugblik.yaml", "sources: [bron-a]", "sources: [bron-b]")
        wait_for_preview(handbook, lambda: "Tweede bron" in (fetch(base + "werkwijzen/terugblik/") or ""), before)
        assert_preview_equals_clean_build(handbook, base, tmp_path, "verwijzing")

        before = reloads(handbook)
        (handbook / "eigen/data/methods/vragen.yaml").unlink()
        wait_for_preview(handbook, lambda: "Vragenronde" not in (fetch(overview) or "Vragenronde"), before)
        assert fetch(base + "werkwijzen/vragen/") is None
        assert_preview_equals_clean_build(handbook, base, tmp_path, "verwijderd")


def test_a_new_handbook_title_or_item_template_reaches_every_page(handbook: Path, port: int, tmp_path: Path) -> None:
    """Settings and templates are not data: a change to either rebuilds the whole site."""
    with preview(handbook, port) as base:
        settings = handbook / "eigen/handboek.yml"
        text = settings.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title: "))
        before = reloads(handbook)
        settings.write_text(text.replace(title, "title: Proefhandboek voor de voorvertoning"), encoding="utf-8")
        wait_for_preview(handbook, lambda: "Proefhandboek voor de voorvertoning" in (fetch(base + "werkwijzen/terugblik/") or ""), before)
        assert_preview_equals_clean_build(handbook, base, tmp_path, "instellingen")

        template = handbook / "macros/templates/items/methods.md.j2"
        before = reloads(handbook)
        template.write_text(template.read_text(encoding="utf-8") + "\nSjabloonproef onder elke werkwijze.\n", encoding="utf-8")
        wait_for_preview(handbook, lambda: "Sjabloonproef" in (fetch(base + "werkwijzen/terugblik/") or ""), before)
        assert_preview_equals_clean_build(handbook, base, tmp_path, "sjabloon")
