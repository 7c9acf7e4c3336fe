"""The publishing pipelines build the site with the README's own command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import Any

import yaml

from .conftest import ROOT


def readme_build_commands() -> list[str]:
    """The commands in the README's section 'Publiceren', without the .venv prefix."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Publiceren", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, "README: Publiceren has no build command"
    commands = [part.strip().replace(".venv/bin/", "") for part in block[1].split("&&")]
    assert "mkdocs build --strict" in commands
    return commands


def load(name: str) -> dict[str, Any]:
    loaded = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def script_lines(steps: list[Any]) -> list[str]:
    return [line.strip() for step in steps for line in str(step).splitlines()]


def test_github_workflow_builds_with_the_readme_command_and_deploys_to_pages() -> None:
    workflow = load(".github/workflows/pages.yml")
    build_steps = workflow["jobs"]["build"]["steps"]
    runs = script_lines([step["run"] for step in build_steps if "run" in step])
    for command in readme_build_commands():
        assert command in runs
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact@") and step["with"]["path"] == "site" for step in build_steps)
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in workflow["jobs"]["deploy"]["steps"])
    pdf_step = next(step for step in build_steps if "macros pdf" in step.get("run", ""))
    assert pdf_step["env"]["CHROMIUM"]


def test_gitlab_pages_job_builds_with_the_readme_command_and_publishes_public() -> None:
    job = load(".gitlab-ci.yml")["pages"]
    script = script_lines(job["script"])
    for command in readme_build_commands():
        assert command in script
    assert any("apt-get install -y chromium" in line for line in script)
    assert "public" in job["artifacts"]["paths"]
    assert script.index("mv site public") > script.index("python -m macros pdf site")


def test_pdf_command_takes_the_browser_from_chromium_variable() -> None:
    code = "from macros.pdf import CHROMIUM; print(CHROMIUM)"
    env = {**os.environ, "CHROMIUM": "/opt/een/browser"}
    printed = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True).stdout
    assert printed.strip() == "/opt/een/browser"
