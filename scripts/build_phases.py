"""One strict build of the project in the current folder, timed per step; prints JSON {step: seconds}.

Run by scripts/benchmark.py (`python scripts/build_phases.py SITE_DIR`). It wraps MkDocs 1.6's own
build functions and plugin events, so the steps are MkDocs' steps and nested times stay inside them:
`on_page_markdown` is part of reading the pages, `on_page_context` (the search index) of building them.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

STARTED = time.perf_counter()

from mkdocs.commands import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.plugins import PluginCollection  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402

BUILD_FUNCTIONS = ("_populate_page", "_build_page", "_build_theme_template")
FILES_METHODS = ("add_files_from_theme", "copy_static_files")

seconds: Counter[str] = Counter()


def timed(step: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[step] += time.perf_counter() - start
    return run


def time_events() -> None:
    run_event = PluginCollection.run_event

    def run_timed_event(self: PluginCollection, name: str, item: Any = None, **kwargs: Any) -> Any:
        return timed(f"on_{name}", run_event)(self, name, item, **kwargs)

    PluginCollection.run_event = run_timed_event  # type: ignore[method-assign]


def main(site_dir: str) -> None:
    time_events()
    for name in BUILD_FUNCTIONS:
        setattr(build, name, timed(name, getattr(build, name)))
    for name in FILES_METHODS:
        setattr(Files, name, timed(name, getattr(Files, name)))
    config = load_config("mkdocs.yml", site_dir=site_dir, strict=True)
    seconds["start"] = time.perf_counter() - STARTED
    building = time.perf_counter()
    build.build(config)
    seconds["build"] = time.perf_counter() - building
    print(json.dumps(seconds))


if __name__ == "__main__":
    main(sys.argv[1])
