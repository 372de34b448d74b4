"""Near-duplicate recall does not drop with size: the same planted pairs at 1,000 and 100,000.

The lists come from the benchmark generator (benchmarks/generate.py), which plants *probes*: near
duplicates drawn from a fixed seed, identical in every size, placed at the same relative positions.
At 100,000 entries every word of a probe title is shared by thousands of other titles, which is
where blocking on common words or sorted neighbourhood would start to miss them.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from awesome_tidy.document import Document
from awesome_tidy.rules.near_duplicate_title import NearDuplicateTitle

pytestmark = pytest.mark.slow  # lists of up to 100,000 entries

GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"
SMALL, LARGE = 1_000, 100_000


@cache
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@cache
def found_pairs(size: int) -> tuple[object, set[frozenset[int]]]:
    """The generated list of ``size`` entries and the line pairs the rule reports on it."""
    generated = generator().generate(size, seed=7)
    doc = Document(generated.text)
    reported = set()
    for problem in NearDuplicateTitle().check(doc):
        assert problem.related is not None
        reported.add(frozenset((doc.position(problem.start)[0], doc.position(problem.related)[0])))
    return generated, reported


def planted(generated: object, *, probes: bool) -> dict[str, frozenset[int]]:
    """Planted near duplicates by their copy's title, with the lines of the pair."""
    return {
        item.title: frozenset((item.line, item.original_line))
        for item in generated.near  # type: ignore[attr-defined]
        if item.probe == probes
    }


@pytest.mark.parametrize("size", [SMALL, LARGE])
def test_every_probe_is_found(size: int) -> None:
    generated, reported = found_pairs(size)
    probes = planted(generated, probes=True)
    assert len(probes) == generator().PROBES
    missed = [title for title, lines in probes.items() if lines not in reported]
    assert missed == []


def test_the_probes_are_the_same_pairs_at_both_sizes() -> None:
    small, _ = found_pairs(SMALL)
    large, _ = found_pairs(LARGE)
    assert planted(small, probes=True).keys() == planted(large, probes=True).keys()
    assert small.size == SMALL and large.size == LARGE  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [SMALL, LARGE])
def test_every_planted_near_duplicate_is_found(size: int) -> None:
    generated, reported = found_pairs(size)
    others = planted(generated, probes=False)
    assert len(others) >= size // 300
    missed = [title for title, lines in others.items() if lines not in reported]
    assert missed == []
