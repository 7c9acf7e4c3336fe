"""The handbook states the sources' facts in its own words: no long run of words copied from a seed."""

from __future__ import annotations

import re

import pytest

from ..conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 15


def words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9]+", text.lower())


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="de brondocumenten staan niet naast deze checkout")
def test_no_run_of_fifteen_words_is_copied_from_a_source() -> None:
    seed_runs = set().union(*(runs(words(path.read_text(encoding="utf-8"))) for path in SEEDS.glob("0*.txt")))
    texts = [*ROOT.glob("data/**/*.yaml"), *ROOT.glob("docs/**/*.md")]
    copied = [
        f"{path.relative_to(ROOT)}: {' '.join(run)}"
        for path in texts
        for run in runs(words(path.read_text(encoding="utf-8"))) & seed_runs
    ]
    assert not copied, copied[:10]
