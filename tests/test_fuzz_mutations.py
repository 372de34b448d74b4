"""The mutation fuzzer of issue 14 (benchmarks/fuzz.py): its checks, and a bounded run.

The long run (20,000 cases and more) is ``python benchmarks/fuzz.py``; the slow tier here runs
a fixed seed and a fixed number of cases, a few hundred, well under a minute.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

FUZZER = Path(__file__).resolve().parent.parent / "benchmarks" / "fuzz.py"
SEED, CASES = 14, 400

ENTRY = "- [Tool](https://github.com/a/b) - A fast parser."


@cache
def fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_fuzz", FUZZER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_mutated_corpus_lists_lose_nothing_and_fix_is_idempotent() -> None:
    report = fuzz().run(CASES, SEED, shrink_each=1)
    assert report.cases == CASES
    assert report.failing == 0, fuzz().summary(report)


@pytest.mark.parametrize(
    ("copy", "extra"),
    [
        pytest.param(ENTRY.replace("fast", "slow"), [], id="copy-with-a-word-changed"),
        pytest.param(ENTRY + " Deprecated, use X instead.", [], id="copy-with-a-description"),
        pytest.param(ENTRY, ["  <br>Note: the code moved."], id="copy-with-a-continuation-line"),
        pytest.param(ENTRY.replace("parser", "Parser"), [], id="copy-with-a-capital"),
    ],
)
def test_removing_a_copy_that_differs_is_loss(copy: str, extra: list[str]) -> None:
    before = "\n".join(["# S", ENTRY, copy, *extra, ""])
    after = "\n".join(["# S", ENTRY, ""])
    loss = fuzz().lost_text(before, after, {"duplicate-entry"})
    assert loss is not None and loss.startswith("line 3 lost or changed")


def test_removing_an_identical_copy_with_its_sub_items_is_no_loss() -> None:
    item = [ENTRY, "  - [Fork](https://github.com/c/d) - The same, faster."]
    before = "\n".join(["# S", *item, "", *item, "", "# T", ""])
    after = "\n".join(["# S", *item, "", "# T", ""])
    assert fuzz().lost_text(before, after, {"duplicate-entry"}) is None


def test_a_removed_line_that_is_no_list_item_is_loss_even_when_repeated() -> None:
    before = "# S\n\nSee below.\n\nSee below.\n"
    assert fuzz().lost_text(before, "# S\n\nSee below.\n", set()) == (
        "line 5 lost or changed: 'See below.'"
    )


@pytest.mark.parametrize(
    ("before", "after", "rules"),
    [
        ("+ (a2020b)Ｔｉｔｌｅ［2020］\n", "+ (a2020b)Title[2020]\n", set()),
        ("+ (a2020b){Ti}tle\u200b here[2020]  \n", "+ (a2020b)Title here[2020]\n", set()),
        ("- [A](https://x.org/) - fast parser\n", "- [A](https://x.org/) - Fast parser.\n", set()),
        ("## 3.2 Methods\n", "## 3.1 Methods\n", {"heading-numbering"}),
        ("- [Old](#old)\n# New\n", "- [New](#new)\n# New\n", {"toc"}),
    ],
    ids=["full-width", "brace-invisible-space", "case-and-full-stop", "renumbered", "toc"],
)
def test_changes_fixes_may_make_are_no_loss(before: str, after: str, rules: set[str]) -> None:
    assert fuzz().lost_text(before, after, rules) is None


def test_a_renumbered_heading_is_loss_without_heading_numbering() -> None:
    assert fuzz().lost_text("## 3.2 Methods\n", "## 3.1 Methods\n", set()) is not None


def test_a_vanished_url_is_found_and_a_removed_invisible_character_is_not() -> None:
    before = "- [A](https://x.org/a\u200bb) [![S](https://img.shields.io/s)](https://x.org/ab)\n"
    assert fuzz().lost_urls(before, "- [A](https://x.org/ab)\n") == ["https://img.shields.io/s"]
    assert fuzz().lost_urls(before, before.replace("\u200b", "")) == []


def test_every_mutation_and_line_ending_is_drawn_and_changes_the_list() -> None:
    module = fuzz()
    sources = module.load_sources()
    assert len(sources) == 17  # sixteen corpus lists and the reference list
    rng = random.Random(SEED)
    cases = [module.make_case(rng, sources) for _ in range(400)]
    drawn = {name for case in cases for name in case.mutations}
    assert drawn == set(module.MUTATIONS) | set(module.ENDINGS)
    for name, mutate in module.MUTATIONS.items():
        lines = sources["sindresorhus__awesome.md"][40:80]
        assert mutate(random.Random(1), list(lines)) != lines, name
    cr_only = next(case.text for case in cases if case.mutations[-1] == "cr")
    assert "\r" in cr_only and "\n" not in cr_only


def test_a_copy_and_its_edit_are_placed_in_the_list() -> None:
    lines = ["# S", "", ENTRY, "- [Other](https://github.com/c/d) - Another tool."]
    mutated = fuzz().MUTATIONS["dup-add-description"](random.Random(3), list(lines))
    assert len(mutated) == 5
    added = [line for line in mutated if line not in lines]
    assert len(added) == 1 and added[0].endswith(("instead.", "version.", "fork"))
    assert any(line.startswith(added[0][:30]) for line in lines)


def test_shrinking_keeps_the_failure_and_drops_the_rest() -> None:
    text = "".join(f"line {n}\n" for n in range(40)).replace("line 17", "needle")
    assert fuzz().shrink(text, lambda candidate: "needle" in candidate) == "needle\n"
