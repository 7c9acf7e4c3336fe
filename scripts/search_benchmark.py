"""Search benchmark: the queries of scripts/search_queries.yaml, run by Material's own search worker in Chromium.

Run from the project folder:  .venv/bin/python scripts/search_benchmark.py [--site DIR]
(or `scripts/benchmark.py search`). Without --site it builds the site first. Prints, per query, the
rank of the first expected page, then the top-1 and top-5 rates against the targets (every query in
the top five, at least 80 % at the top).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.pdf import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

QUERIES = Path(__file__).with_name("search_queries.yaml")
TOP = 5
TOP1_TARGET = 0.8

# Material's worker protocol (integrations/search/worker/message): SETUP=0, READY=1, QUERY=2, RESULT=3.
# Answers each query with its result pages in order, as the search dialog lists them.
RUN_QUERIES = """async queries => {
  const config = JSON.parse(document.getElementById("__config").textContent)
  const base = new URL(config.base + "/", location.href)
  const index = await (await fetch(new URL("search/search_index.json", base))).json()
  const worker = new Worker(new URL(config.search, base))
  const answer = () => new Promise(resolve => worker.addEventListener("message", ev => resolve(ev.data), {once: true}))
  worker.postMessage({type: 0, data: {...index, options: {suggest: false}}})
  await answer()
  const pages = {}
  for (const query of queries) {
    worker.postMessage({type: 2, data: query})
    const {data} = await answer()
    pages[query] = data.items.map(group => group[0].location.split("#")[0])
  }
  worker.terminate()
  return pages
}"""


@dataclass(frozen=True)
class Query:
    text: str
    expect: tuple[str, ...] = ()
    same_as: str | None = None
    test: bool = False


def load_queries(path: Path = QUERIES) -> list[Query]:
    return [
        Query(str(row["query"]), tuple(row.get("expect", ())), row.get("same_as"), bool(row.get("test")))
        for row in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]


def run_queries(page: Page, site_url: str, texts: Iterable[str]) -> dict[str, list[str]]:
    """Result pages per query (addresses relative to the site), from the worker of the site at site_url."""
    page.goto(site_url)
    return page.evaluate(RUN_QUERIES, sorted(set(texts)))


def wanted(query: Query, results: dict[str, list[str]]) -> tuple[str, ...]:
    """The pages a query must find: as listed, or the first result of the same query with accents."""
    if query.same_as is None:
        return query.expect
    return tuple(results[query.same_as][:1])


def rank(query: Query, results: dict[str, list[str]]) -> int | None:
    """1-based place of the first wanted page in the results, or None."""
    targets = set(wanted(query, results))
    return next((place for place, found in enumerate(results[query.text], start=1) if found in targets), None)


def all_texts(queries: list[Query]) -> list[str]:
    return [query.text for query in queries] + [query.same_as for query in queries if query.same_as]


def search_site(site: Path, queries: list[Query]) -> dict[str, list[str]]:
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return run_queries(browser.new_page(), url, all_texts(queries))
        finally:
            browser.close()


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)


def report(queries: list[Query], results: dict[str, list[str]]) -> tuple[str, bool]:
    """A Markdown report and whether both targets are met."""
    ranks = [rank(query, results) for query in queries]
    lines = ["| Zoekvraag | Moet vinden | Plaats | Eerste resultaat |", "| --- | --- | --- | --- |"]
    for query, place in zip(queries, ranks):
        first = results[query.text][0] if results[query.text] else "(niets)"
        lines.append(f"| {query.text} | {', '.join(wanted(query, results)) or '?'} | {place or '✗'} | {first} |")
    top1 = sum(place == 1 for place in ranks) / len(queries)
    top5 = sum(place is not None and place <= TOP for place in ranks) / len(queries)
    met = top5 == 1 and top1 >= TOP1_TARGET
    lines += ["", f"{len(queries)} zoekvragen: top-1 {top1:.0%} (doel ≥ {TOP1_TARGET:.0%}), top-5 {top5:.0%} (doel 100 %) {'✓' if met else '✗'}"]
    return "\n".join(lines), met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (mkdocs build); without it the site is built first")
    args = parser.parse_args(argv)
    queries = load_queries()
    with tempfile.TemporaryDirectory() as work:
        site = args.site or Path(work) / "site"
        if args.site is None:
            build(site)
        text, met = report(queries, search_site(site, queries))
    print(text)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
