"""Measure how fast the handbook builds and how light its pages are, against the targets.

Run from the project folder:  .venv/bin/python scripts/benchmark.py [--quick] [--output FILE]
Search: .venv/bin/python scripts/benchmark.py search [--site DIR]  (scripts/search_benchmark.py)
Preview only: .venv/bin/python scripts/benchmark.py edits [--runs N] [--edits N] [--method ID]
Lighthouse only: .venv/bin/python scripts/benchmark.py lighthouse [--lighthouse-runs N]

Prints one Markdown report: machine, full build (median of --runs, peak memory), data edits
under `mkdocs serve` (a method's title and summary, --edits times each) until the page shows them, page weight per kind of page (first visit, as
Chromium loads it), search index size, build cost with the data copied 10x and 100x, and
Lighthouse scores (the median of --lighthouse-runs runs per page). Each target gets ✓ or ✗. --quick skips 100x and Lighthouse.
Timings on a busy machine are noisy: every figure is a median, with the spread beside it.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import functools
import gzip
import http.server
import io
import inspect
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import model  # noqa: E402
from macros.handbook import KIND_INFO, Handbook  # noqa: E402
from macros.cli import report as report_problems  # noqa: E402
from macros.loader import DataErrors  # noqa: E402
from macros.project import load_project, project_content  # noqa: E402
from macros.pdf import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from macros.render import page_url  # noqa: E402
from macros.sections import ENGINE_PAGES, PLANNER_PAGE  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
# Keep in step with `./dev.sh serve`.
SERVE_FLAGS: list[str] = []
NOT_COPIED = shutil.ignore_patterns(".venv", ".git", "site", "node_modules", "__pycache__", ".pytest_cache", "*.egg-info")
LIGHTHOUSE_VERSION = "12.8.2"
LIGHTHOUSE_DIR = Path(tempfile.gettempdir()) / "handboek-lighthouse"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The measurements behind the performance score, with Lighthouse's weights in that score.
LIGHTHOUSE_METRICS = {"first-contentful-paint": "FCP (10 %)", "largest-contentful-paint": "LCP (25 %)",
                      "total-blocking-time": "TBT (30 %)", "cumulative-layout-shift": "CLS (25 %)"}


@dataclass(frozen=True)
class Target:
    label: str
    met: bool | None  # None: not measured
    figure: str


@dataclass(frozen=True)
class LighthouseRun:
    """The run with the median performance score of a page's runs, as Lighthouse advises for variable machines."""

    scores: dict[str, int]  # per category, 0-100
    metrics: dict[str, str]  # per metric, as Lighthouse shows it
    performance: tuple[int, ...] = ()  # the performance score of every run, lowest first


@dataclass(frozen=True)
class PageWeight:
    kind: str
    url: str
    html: int
    total: int
    total_gzip: int
    requests: int
    third_party: int
    scripts: dict[str, tuple[int, int]]  # per origin (SCRIPT_ORIGINS): bytes, gzip bytes


# Whose JavaScript a page loads, by the folder it comes from.
SCRIPT_ORIGINS = {"Material": "/assets/javascripts/", "eigen": "/assets/js/"}


@dataclass(frozen=True)
class ScaledBuild:
    factor: int
    pages: int
    build: Build | None
    note: str = ""

    @property
    def per_page(self) -> float | None:
        return self.build.seconds / self.pages if self.build is not None and self.pages else None

    @property
    def cpu_per_page(self) -> float | None:
        return self.build.cpu / self.pages if self.build is not None and self.pages else None


# ── Running MkDocs ────────────────────────────────────────────────────────────

def environment(project: Path) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}


# The steps of one build (scripts/build_phases.py); an indented step is part of the one above it.
BUILD_STEPS = {
    "start": "Python starten, MkDocs en plug-ins laden, `mkdocs.yml` lezen",
    "on_config": "`on_config`: `handboek.yml` en de gegevens laden en controleren, woordenlijst, menu",
    "on_files": "`on_files`: onderdeelpagina's als Markdown, open data, `site.css`",
    "_populate_page": "pagina's naar HTML omzetten (Python-Markdown, MkDocs' linkcontrole)",
    "on_page_markdown": "↳ daarin: woordenlijst en mkdocs-macros",
    "_build_page": "pagina's opbouwen met Materials sjabloon (kop, menu, inhoudsopgave)",
    "on_page_context": "↳ daarin: de zoekindex vullen (Materials HTML-parser)",
    "add_files_from_theme": "Materials themabestanden langslopen",
    "copy_static_files": "bestanden kopiëren",
    "_build_theme_template": "404-pagina en sitemap",
    "on_post_build": "na de bouw: zoekindex en trefwoorden wegschrijven",
}
NESTED_STEPS = {"on_page_markdown", "on_page_context"}


@dataclass(frozen=True)
class Build:
    seconds: float  # wall clock
    cpu: float  # user + system time of the build: less sensitive to other work on the machine
    max_rss: int  # peak memory, KB on Linux


def timed_build(project: Path, site: Path, timeout: float | None = None) -> Build:
    """One strict build: wall-clock and CPU seconds and the child's peak memory (ru_maxrss)."""
    shutil.rmtree(site, ignore_errors=True)
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*MKDOCS, "build", "--strict", "--quiet", "-d", str(site)],
            cwd=project, env=environment(project), stdout=output, stderr=output,
        )
        status, usage = wait_for(process, timeout)
        seconds = time.perf_counter() - started
        if status != 0:
            output.seek(0)
            raise RuntimeError(f"bouwen mislukt in {project}:\n{output.read().decode(errors='replace')[-3000:]}")
    return Build(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def wait_for(process: subprocess.Popen[bytes], timeout: float | None) -> tuple[int, Any]:
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG if deadline else 0)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return process.returncode, usage
        if time.monotonic() > deadline:
            process.kill()
            process.wait()
            raise TimeoutError
        time.sleep(0.2)


def page_count(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def build_steps(project: Path, site: Path, runs: int) -> dict[str, float]:
    """Seconds per step of the fastest of several builds: the one least disturbed by other work."""
    measured = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts/build_phases.py"), str(site)],
            cwd=project, env=environment(project), capture_output=True, text=True, check=True,
        )
        measured.append(json.loads(result.stdout))
    return min(measured, key=lambda steps: steps["start"] + steps["build"])


def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=NOT_COPIED)
    return target


# ── Data copied N times ───────────────────────────────────────────────────────

def reference_fields() -> set[str]:
    """Names of every field in the model that holds ids (a name never means both)."""
    fields = [f for _, record in inspect.getmembers(model, dataclasses.is_dataclass) for f in dataclasses.fields(record)]
    names = {f.name for f in fields if f.metadata.get("ref")}
    assert not names & {f.name for f in fields if not f.metadata.get("ref")}, "een veldnaam is soms wel en soms geen verwijzing"
    return names


def renamed(value: Any, suffix: str, ids: set[str], references: set[str], key: str = "") -> Any:
    """A YAML value with every reference to a known id pointed at the copy with this suffix."""
    if isinstance(value, dict):
        return {name: renamed(item, suffix, ids, references, name) for name, item in value.items()}
    if isinstance(value, list):
        return [renamed(item, suffix, ids, references, key) for item in value]
    if key in references and isinstance(value, str) and value in ids:
        return value + suffix
    return value


def multiply_data(project: Path, factor: int) -> None:
    """Add factor-1 copies of every item the handbook uses (from each content layer, next to its file):
    copy k has ids `<id>-k<k>` and links only within itself."""
    files = load_project(project).handbook.paths
    ids = {item_id for _kind, item_id in files}
    references = reference_fields()
    for (kind, _item_id), path in sorted(files.items()):
        item = yaml.safe_load(path.read_text(encoding="utf-8"))
        title_field = KIND_INFO[kind].title_field
        for copy in range(2, factor + 1):
            suffix = f"-k{copy}"
            duplicate = renamed(item, suffix, ids, references)
            # A title of its own, as in a larger handbook: "K2 Bedoeling" is not the word "Bedoeling".
            duplicate[title_field] = f"K{copy} {item[title_field]}"
            text = yaml.safe_dump(duplicate, allow_unicode=True, sort_keys=False, width=10_000)
            (path.parent / f"{path.stem}{suffix}{path.suffix}").write_text(text, encoding="utf-8")


def scaled_build(factor: int, work: Path, timeout: float) -> ScaledBuild:
    project = copy_project(work / f"project-{factor}x")
    multiply_data(project, factor)
    site = work / f"site-{factor}x"
    try:
        build = timed_build(project, site, timeout)
    except TimeoutError:
        return ScaledBuild(factor, len(load_project(project).handbook.paths), None, f"afgebroken na {timeout:.0f} s")
    pages = page_count(site)
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(project, ignore_errors=True)
    return ScaledBuild(factor, pages, build)


# ── One edit under `mkdocs serve` ─────────────────────────────────────────────

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def wait_until(check: Callable[[], bool], timeout: float, interval: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval)
    return False


@contextmanager
def mkdocs_serve(project: Path) -> Iterator[str]:
    port = free_port()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(
            [*MKDOCS, "serve", *SERVE_FLAGS, "-a", f"127.0.0.1:{port}"],
            cwd=project, env=environment(project), stdout=output, stderr=output,
        )
        base = f"http://127.0.0.1:{port}/"
        try:
            if not wait_until(lambda: fetch(base) is not None, timeout=300, interval=0.2):
                output.seek(0)
                raise RuntimeError(f"mkdocs serve kwam niet op:\n{output.read().decode(errors='replace')[-3000:]}")
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)


EDIT_KINDS = {"titel": "title", "tekst": "summary"}  # what a writer changes → the field of the method's YAML


def one_line_fields(path: Path) -> dict[str, str] | None:
    """The title and summary of a method's YAML as written on their own line, or None when either is not."""
    text = path.read_text(encoding="utf-8")
    item = yaml.safe_load(text)
    found = {field: re.search(rf"^{field}: (.*)$", text, flags=re.MULTILINE) for field in EDIT_KINDS.values()}
    written = {field: match.group(1) for field, match in found.items() if match}
    return written if all(item.get(field) == written.get(field) for field in EDIT_KINDS.values()) else None


def edited_method(handbook: Handbook, chosen: str | None) -> str:
    """The method the edits go to: `chosen`, or the first by id whose title and summary are one line each."""
    candidates = [item_id for item_id in sorted(handbook.items["methods"]) if one_line_fields(handbook.paths[("methods", item_id)])]
    if chosen is not None and chosen not in candidates:
        raise SystemExit(f"--method {chosen}: geen werkwijze van dit handboek met titel en samenvatting op één regel")
    if not candidates:
        raise SystemExit("geen werkwijze met titel en samenvatting op één regel om te bewerken")
    return chosen or candidates[0]


def edit_to_page_times(work: Path, edits: int, method_id: str) -> dict[str, list[float]]:
    """Seconds from saving a method's YAML until its page shows the change: per kind of edit (a new word
    in its title, in its summary), `edits` times each, taking turns. Each save changes only its own field:
    the word of the previous edit of that field makes way for the new one, the other field stays as it is."""
    project = copy_project(work / "project-serve")
    method = load_project(project).handbook.paths[("methods", method_id)]
    text = method.read_text(encoding="utf-8")
    original = one_line_fields(method)
    assert original is not None, "edited_method chose a method whose title and summary are one line each"
    times: dict[str, list[float]] = {kind: [] for kind in EDIT_KINDS}
    with mkdocs_serve(project) as base:
        url = base + page_url(f"{KIND_INFO['methods'].folder}/{method_id}.md")
        time.sleep(2)  # let the watcher settle after the first build
        for number in range(1, edits + 1):
            for kind, field in EDIT_KINDS.items():
                word = f"meetwoord{number}{field}x{int(time.time())}"
                line = f"{field}: {original[field]} {word}"
                text = re.sub(rf"^{field}: .*$", lambda _: line, text, count=1, flags=re.MULTILINE)
                started = time.perf_counter()
                method.write_text(text, encoding="utf-8")
                if not wait_until(lambda: word in (fetch(url) or ""), timeout=120):
                    raise RuntimeError(f"de wijziging verscheen niet binnen 120 s op {url}")
                times[kind].append(time.perf_counter() - started)
                time.sleep(1)
    shutil.rmtree(project, ignore_errors=True)
    return {f"{kind} van `{method_id}`": seconds for kind, seconds in times.items()}


# ── Page weight ───────────────────────────────────────────────────────────────

ITEM_PAGE_LABELS = {"methods": "werkwijze", "cases": "casus", "competences": "competentie",
                    "worksheets": "werkblad", "sources": "bron", "terms": "begrip"}


def page_kinds(project: Path) -> list[tuple[str, str]]:
    """(label, path on the site as a Markdown path) for one page of every kind the handbook has: the start,
    the methods' overview, the first item of each kind above, the first hand-written page of each folder
    (labelled by the folder), and every other page by its path."""
    loaded = load_project(project)
    kinds = [("start", "index.md"), ("overzicht", KIND_INFO["methods"].section)]
    for kind, label in ITEM_PAGE_LABELS.items():
        if entries := loaded.handbook.entries(kind):
            kinds.append((label, entries[0].path))
    overviews = {info.section for info in KIND_INFO.values()} - {PLANNER_PAGE}
    pages = sorted({*loaded.content.pages(), *ENGINE_PAGES})
    seen_folders: set[str] = set()
    for path in pages:
        folder = path.rpartition("/")[0]
        if not path.endswith(".md") or path in overviews or path == "index.md" or folder in seen_folders:
            continue
        if folder:
            seen_folders.add(folder)
        label = "planner" if path == PLANNER_PAGE else folder or path.removesuffix(".md")
        kinds.append((label, path))
    return kinds


def page_weights(site: Path, kinds: list[tuple[str, str]]) -> list[PageWeight]:
    """What a first visit transfers, as Chromium loads the page (empty cache) and everything it requests."""
    from playwright.sync_api import sync_playwright

    weights = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, path in kinds:
            context = browser.new_context()
            page = context.new_page()
            responses = []
            page.on("response", lambda response: responses.append(response))
            url = base + page_url(path)
            page.goto(url, wait_until="networkidle")
            page.wait_for_timeout(500)
            # A file the page asks for twice (the logo) is transferred once.
            own = {response.url: response for response in responses if response.url.startswith(base)}
            bodies = {address: response.body() for address, response in own.items()}
            html = len(bodies.get(url, b""))
            third_party = [r for r in responses if not r.url.startswith((base, "data:", "blob:"))]
            weights.append(PageWeight(
                label, page_url(path), html, sum(map(len, bodies.values())),
                sum(len(gzip.compress(body, 6)) for body in bodies.values()), len(own), len(third_party),
                script_sizes(bodies),
            ))
            context.close()
        browser.close()
    return weights


def script_sizes(bodies: dict[str, bytes]) -> dict[str, tuple[int, int]]:
    """Bytes and gzip bytes of the JavaScript a page loaded, Material's and the handbook's own."""
    sizes = {}
    for origin, folder in SCRIPT_ORIGINS.items():
        scripts = [body for address, body in bodies.items() if folder in address and address.split("?")[0].endswith(".js")]
        sizes[origin] = (sum(map(len, scripts)), sum(len(gzip.compress(body, 6)) for body in scripts))
    return sizes


# ── Lighthouse ────────────────────────────────────────────────────────────────

def lighthouse_binary() -> Path:
    binary = LIGHTHOUSE_DIR / "node_modules/.bin/lighthouse"
    if not binary.exists():
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(LIGHTHOUSE_DIR), f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=True, capture_output=True, timeout=600,
        )
    return binary


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Sends text files gzip-compressed when the browser asks, as GitHub Pages, GitLab Pages and
    every other static host do; Lighthouse judges the transfer, so an uncompressed server misleads."""

    COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() \
                or not content_type.startswith(self.COMPRESSED_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        for name, value in (("Content-Type", content_type), ("Content-Encoding", "gzip"), ("Content-Length", str(len(body)))):
            self.send_header(name, value)
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_compressed(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def lighthouse_scores(site: Path, kinds: list[tuple[str, str]], runs: int = 3) -> dict[str, LighthouseRun] | str:
    """Per page kind, the four mobile category scores and the performance metrics of the median of `runs`
    runs; or why Lighthouse could not run."""
    try:
        binary = lighthouse_binary()
    except (OSError, subprocess.SubprocessError) as problem:
        return f"Lighthouse niet beschikbaar (npm install lukte niet: {problem.__class__.__name__})"
    results: dict[str, LighthouseRun] = {}
    with serve_compressed(site) as base, tempfile.TemporaryDirectory() as reports:
        for label, path in kinds:
            found = [lighthouse_run(binary, base + page_url(path), Path(reports) / "report.json") for _ in range(runs)]
            if failed := next((run for run in found if isinstance(run, str)), None):
                return f"Lighthouse faalde op {page_url(path)}: {failed}"
            ordered = sorted(found, key=lambda run: run.scores["performance"])  # type: ignore[union-attr]
            median = ordered[len(ordered) // 2]
            results[label] = LighthouseRun(median.scores, median.metrics,  # type: ignore[union-attr]
                                           tuple(run.scores["performance"] for run in ordered))  # type: ignore[union-attr]
    return results


def lighthouse_run(binary: Path, url: str, report: Path) -> LighthouseRun | str:
    """One mobile Lighthouse run of one page; or the end of what Lighthouse printed when it failed."""
    report.unlink(missing_ok=True)
    result = subprocess.run(
        [str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
         "--form-factor=mobile", f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
         "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0 or not report.exists():
        return result.stderr.strip()[-300:]
    found = json.loads(report.read_text(encoding="utf-8"))
    return LighthouseRun(
        {name: round((found["categories"][name]["score"] or 0) * 100) for name in LIGHTHOUSE_CATEGORIES},
        {audit: found["audits"][audit].get("displayValue", "–").replace("\xa0", " ") for audit in LIGHTHOUSE_METRICS},
    )


# ── Report ────────────────────────────────────────────────────────────────────

def machine() -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "onbekend")
    memory_kb = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")), 0)
    return {
        "datum": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "processor": f"{cpu}, {os.cpu_count()} kernen",
        "geheugen": f"{number(memory_kb / 1024 / 1024, 1)} GB",
        "belasting bij start (1, 5, 15 min)": " · ".join(number(load) for load in os.getloadavg()),
        "Python": platform.python_version(),
        "systeem": platform.platform(),
    }


def number(value: float, digits: int = 2) -> str:
    """A figure as Dutch writes it: decimal comma."""
    return f"{value:.{digits}f}".replace(".", ",")


def spread(values: list[float], unit: str = "s", digits: int = 2) -> str:
    median = statistics.median(values)
    return f"{number(median, digits)} {unit} (min {number(min(values), digits)}, max {number(max(values), digits)}, n={len(values)})"


def kb(size: int) -> str:
    return f"{number(size / 1024, 1)} KB"


def mark(met: bool | None) -> str:
    return {True: "✓", False: "✗", None: "–"}[met]


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


@dataclass
class Results:
    machine: dict[str, str]
    builds: list[Build]
    pages: int
    search_index: int
    edits: dict[str, list[float]]
    steps: dict[str, float]
    weights: list[PageWeight]
    scaled: list[ScaledBuild]
    lighthouse: dict[str, LighthouseRun] | str | None

    @property
    def build_seconds(self) -> float:
        return statistics.median(build.seconds for build in self.builds)

    @property
    def cpu_per_page(self) -> float:
        return statistics.median(build.cpu for build in self.builds) / self.pages

    @property
    def per_page(self) -> float:
        return self.build_seconds / self.pages

    def targets(self) -> list[Target]:
        home = next(weight for weight in self.weights if weight.kind == "start")
        largest = next((build for build in self.scaled if build.factor == 100), None)
        return [
            Target("volledige bouw van het standaardhandboek ≤ 3 s", self.build_seconds <= 3, f"{number(self.build_seconds)} s"),
            *edit_targets(self.edits),
            self.scale_target(largest),
            *lighthouse_targets(self.lighthouse),
            Target("startpagina ≤ 250 KB overgedragen (gzip)", home.total_gzip <= 250 * 1024,
                   f"{kb(home.total_gzip)} gzip, {kb(home.total)} ongecomprimeerd"),
            self.script_target(),
        ]

    def script_target(self) -> Target:
        heaviest = max(self.weights, key=lambda weight: weight.scripts["eigen"][1])
        lightest_material = min(weight.scripts["Material"][1] for weight in self.weights)
        return Target("eigen scripts (gzip) lichter dan die van Material, op elke soort pagina",
                      all(w.scripts["eigen"][1] < w.scripts["Material"][1] for w in self.weights),
                      f"hoogstens {kb(heaviest.scripts['eigen'][1])} ({heaviest.kind}); Material minstens {kb(lightest_material)}")

    def scale_target(self, largest: ScaledBuild | None) -> Target:
        label = "100x gegevens: kosten per pagina ≤ 1,5x die van het standaardhandboek"
        if largest is None:
            return Target(label, None, "niet gemeten (--quick)")
        if largest.per_page is None:
            return Target(label, False, largest.note)
        ratio = largest.per_page / self.per_page
        return Target(label, ratio <= 1.5, f"{number(ratio)}x ({number(largest.per_page * 1000, 1)} ms per pagina)")

    def step_rows(self) -> list[list[str]]:
        total = self.steps["start"] + self.steps["build"]
        top_level = sum(seconds for step, seconds in self.steps.items() if step in BUILD_STEPS and step not in NESTED_STEPS)
        rows = [[label, f"{number(self.steps.get(step, 0))} s"] for step, label in BUILD_STEPS.items()]
        return rows + [["overige stappen van MkDocs", f"{number(total - top_level)} s"], ["**totaal**", f"**{number(total)} s**"]]

    def markdown(self) -> str:
        lines = ["## Machine", ""] + table(["", ""], [[key, value] for key, value in self.machine.items()])
        lines += ["", "## Doelen", ""]
        lines += table(["doel", "gemeten", ""], [[t.label, t.figure, mark(t.met)] for t in self.targets()])
        memory = max(build.max_rss for build in self.builds) / 1024
        lines += ["", "## Bouwen en bewerken", ""]
        lines += table(["meting", "waarde"], [
            ["volledige bouw (`mkdocs build --strict`), mediaan", spread([build.seconds for build in self.builds])],
            ["CPU-tijd van die bouw (user + sys)", spread([build.cpu for build in self.builds])],
            ["piekgeheugen van de bouw (ru_maxrss)", f"{memory:.0f} MB"],
            ["pagina's", str(self.pages)],
            ["kosten per pagina (bouwtijd / pagina's)", f"{number(self.per_page * 1000, 1)} ms"],
            *edit_rows(self.edits),
            ["zoekindex (`search/search_index.json`)", kb(self.search_index)],
        ])
        lines += ["", "## Waar de bouwtijd heen gaat", ""]
        lines += [f"Nog {len(self.builds)} bouwen, elk per stap van MkDocs gemeten (`scripts/build_phases.py`); de snelste.", ""]
        lines += table(["stap", "tijd"], self.step_rows())
        lines += ["", "## Meer gegevens", ""]
        rows = [["1x", str(self.pages), f"{number(self.build_seconds, 1)} s", f"{number(self.per_page * 1000, 1)} ms", "1,00x",
                 f"{number(self.cpu_per_page * 1000, 1)} ms", "1,00x"]]
        for scaled in self.scaled:
            if scaled.build is None or scaled.per_page is None or scaled.cpu_per_page is None:
                rows.append([f"{scaled.factor}x", f"{scaled.pages} (verwacht)", scaled.note, "–", "–", "–", "–"])
            else:
                rows.append([
                    f"{scaled.factor}x", str(scaled.pages), f"{number(scaled.build.seconds, 1)} s",
                    f"{number(scaled.per_page * 1000, 1)} ms", f"{number(scaled.per_page / self.per_page)}x",
                    f"{number(scaled.cpu_per_page * 1000, 1)} ms", f"{number(scaled.cpu_per_page / self.cpu_per_page)}x",
                ])
        lines += table(["gegevens", "pagina's", "bouwtijd (1 run)", "per pagina", "t.o.v. 1x", "CPU per pagina", "t.o.v. 1x"], rows)
        lines += ["", "## Paginagewicht bij een eerste bezoek", ""]
        lines += table(["soort pagina", "adres", "HTML", "totaal", "totaal gzip", "verzoeken", "buiten de site"], [
            [w.kind, f"`/{w.url}`", kb(w.html), kb(w.total), kb(w.total_gzip), str(w.requests), str(w.third_party)]
            for w in self.weights
        ])
        lines += ["", "## Scripts per soort pagina", ""]
        lines += table(["soort pagina", *(f"{origin} {unit}" for origin in SCRIPT_ORIGINS for unit in ("ongecomprimeerd", "gzip"))], [
            [w.kind, *(kb(size) for origin in SCRIPT_ORIGINS for size in w.scripts[origin])] for w in self.weights
        ])
        lines += ["", "## Lighthouse (mobiel)", ""]
        lines += lighthouse_table(self.lighthouse)
        return "\n".join(lines) + "\n"


def lighthouse_targets(lighthouse: dict[str, LighthouseRun] | str | None) -> list[Target]:
    labels = ("Lighthouse mobiel: prestaties ≥ 95 op elke soort pagina (mediaan van de runs)",
              "Lighthouse mobiel: prestaties, toegankelijkheid, best practices, SEO elk ≥ 98 op elke soort pagina")
    if not isinstance(lighthouse, dict):
        return [Target(label, None, lighthouse or "niet gemeten (--quick)") for label in labels]
    performance = min(run.scores["performance"] for run in lighthouse.values())
    lowest = min(min(run.scores.values()) for run in lighthouse.values())
    return [Target(labels[0], performance >= 95, f"laagste {performance}"),
            Target(labels[1], lowest >= 98, f"laagste score {lowest}")]


def lighthouse_table(lighthouse: dict[str, LighthouseRun] | str | None) -> list[str]:
    if not isinstance(lighthouse, dict):
        return [lighthouse or "Niet gemeten (--quick)."]
    return table(["soort pagina", *LIGHTHOUSE_CATEGORIES, *LIGHTHOUSE_METRICS.values(), "prestaties per run"], [
        [kind, *(str(run.scores[name]) for name in LIGHTHOUSE_CATEGORIES), *run.metrics.values(),
         " · ".join(map(str, run.performance))]
        for kind, run in lighthouse.items()
    ])


def edit_targets(edits: dict[str, list[float]]) -> list[Target]:
    return [Target(f"één bestand bewerken ({kind}) → pagina bijgewerkt ≤ 1,5 s", statistics.median(times) <= 1.5,
                   f"{number(statistics.median(times))} s") for kind, times in edits.items()]


def edit_rows(edits: dict[str, list[float]]) -> list[list[str]]:
    return [[f"YAML opslaan ({kind} gewijzigd) → pagina bijgewerkt onder `mkdocs serve`", spread(times)]
            for kind, times in edits.items()]


def edits_only(args: argparse.Namespace) -> str:
    """`benchmark.py edits`: the full build and the edits under `mkdocs serve`, without the rest."""
    with tempfile.TemporaryDirectory(prefix="handboek-benchmark-") as folder:
        work = Path(folder)
        progress(f"volledige bouw, {args.runs}x")
        builds = [timed_build(ROOT, work / "site") for _ in range(args.runs)]
        progress(f"bewerken onder mkdocs serve, {args.edits}x per soort")
        edits = edit_to_page_times(work, args.edits, args.method)
    rows = [["volledige bouw (`mkdocs build --strict`), mediaan", spread([build.seconds for build in builds])], *edit_rows(edits)]
    targets = [[target.label, target.figure, mark(target.met)] for target in edit_targets(edits)]
    return "\n".join([*table(["meting", "waarde"], rows), "", *table(["doel", "gemeten", ""], targets)]) + "\n"


def lighthouse_only(args: argparse.Namespace) -> str:
    """`benchmark.py lighthouse`: one build, then Lighthouse on every kind of page."""
    with tempfile.TemporaryDirectory(prefix="handboek-benchmark-") as folder:
        site = Path(folder) / "site"
        timed_build(ROOT, site)
        progress(f"Lighthouse, {args.lighthouse_runs}x per soort pagina")
        lighthouse = lighthouse_scores(site, page_kinds(ROOT), args.lighthouse_runs)
    targets = [[target.label, target.figure, mark(target.met)] for target in lighthouse_targets(lighthouse)]
    return "\n".join([*lighthouse_table(lighthouse), "", *table(["doel", "gemeten", ""], targets)]) + "\n"


def measure(args: argparse.Namespace) -> Results:
    info = machine()
    with tempfile.TemporaryDirectory(prefix="handboek-benchmark-") as folder:
        work = Path(folder)
        site = work / "site"
        progress(f"volledige bouw, {args.runs}x")
        builds = [timed_build(ROOT, site) for _ in range(args.runs)]
        pages = page_count(site)
        search_index = (site / "search/search_index.json").stat().st_size
        progress(f"bewerken onder mkdocs serve, {args.edits}x")
        edits = edit_to_page_times(work, args.edits, args.method)
        progress(f"bouw per stap, {args.runs}x")
        steps = build_steps(ROOT, work / "site-steps", args.runs)
        kinds = page_kinds(ROOT)
        progress("paginagewicht")
        weights = page_weights(site, kinds)
        scaled = []
        for factor in (10,) if args.quick else (10, 100):
            progress(f"bouw met {factor}x gegevens")
            scaled.append(scaled_build(factor, work, args.timeout))
        lighthouse = None
        if not args.quick:
            progress("Lighthouse")
            lighthouse = lighthouse_scores(site, kinds, args.lighthouse_runs)
    return Results(info, builds, pages, search_index, edits, steps, weights, scaled, lighthouse)


def progress(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


def main() -> None:
    if sys.argv[1:2] == ["search"]:
        # `benchmark.py search [--site DIR]`: the search benchmark (scripts/search_benchmark.py).
        from search_benchmark import main as search_main
        sys.exit(search_main(sys.argv[2:]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="aantal volledige bouwen (mediaan)")
    parser.add_argument("--edits", type=int, default=5, help="aantal bewerkingen onder mkdocs serve (mediaan)")
    parser.add_argument("--method", help="id van de werkwijze die bewerkt wordt (standaard de eerste met titel en samenvatting op één regel)")
    parser.add_argument("--quick", action="store_true", help="sla 100x gegevens en Lighthouse over")
    parser.add_argument("--timeout", type=float, default=3600, help="maximale duur van één bouw met meer gegevens (s)")
    parser.add_argument("--output", type=Path, help="schrijf het rapport ook als Markdown naar dit bestand")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse-runs per soort pagina (mediaan)")
    parser.add_argument("what", nargs="?", choices=["edits", "lighthouse"],
                        help="edits: alleen de volledige bouw en de bewerkingen; lighthouse: alleen Lighthouse")
    args = parser.parse_args()
    try:
        handbook = load_project(ROOT).handbook
    except DataErrors as problems:
        sys.exit(report_problems(problems, project_content(ROOT)))
    if args.what != "lighthouse":  # the other modes edit a method: refuse an unusable one before measuring anything
        args.method = edited_method(handbook, args.method)
    modes = {"edits": edits_only, "lighthouse": lighthouse_only}
    report = modes[args.what](args) if args.what else measure(args).markdown()
    print(report)
    if args.output:
        args.output.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
