"""Which builder this environment has: MkDocs, or ProperDocs, the maintained fork of MkDocs 1.6.

Material, mkdocs-macros and macros/hooks.py import `mkdocs` by name. The `properdocs` command
answers those imports with ProperDocs' own modules (properdocs.replacement). Code that runs MkDocs'
parts without that command (the export, the tests) imports this module first, so that the same holds
there. This is the one place that knows the builder's name."""

from __future__ import annotations

import importlib.util
import sys

NAME = "properdocs" if importlib.util.find_spec("properdocs") else "mkdocs"

if NAME == "properdocs":
    import properdocs.replacement  # noqa: F401  (from here on, `import mkdocs.…` loads `properdocs.…`)


def command(*arguments: str) -> list[str]:
    """The builder's command line in this environment, e.g. command("build", "--strict")."""
    return [sys.executable, "-m", NAME, *arguments]
