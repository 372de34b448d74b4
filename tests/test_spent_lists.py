"""Every list a blind study or a development round has spent stays a regression case.

These are real lists nothing was tuned on when they were taken; after the study they are fair
game. Whatever the reader makes of them, ``check`` must not crash, and ``fix`` must reach a fixed
point in one call: a reader change that breaks on a shape seen once (a bold
``**[Related Works]**`` label read as a tag with no title after it did) shows here first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tidy.api import fix_text

LISTS = sorted(
    (Path(__file__).resolve().parent.parent / "benchmarks" / "precision" / "lists").glob("*/*.md")
)


def test_the_spent_lists_are_there() -> None:
    assert len(LISTS) >= 150


@pytest.mark.slow  # about two hundred real lists
@pytest.mark.parametrize("path", LISTS, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_a_spent_list_is_checked_and_fixed_to_a_fixed_point(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fixed = fix_text(text, path=str(path)).text  # checks the list first
    assert fix_text(fixed, path=str(path)).text == fixed
