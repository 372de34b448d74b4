"""Every list a blind study or a development round has spent stays a regression case.

These are real lists nothing was tuned on when they were taken; after the study they are fair
game. Whatever the reader makes of them, ``check`` must not crash, and ``fix`` must reach a fixed
point in one call, and its fixes must create no finding (a list-wide habit tipped by one fix, so
that a next pass fixes what no check reported): a reader change that breaks on a shape seen once
(a bold ``**[Related Works]**`` label read as a tag with no title after it did) shows here first.
One test per list does all three, so that each list is fixed once: these lists grow with every
study and are the largest part of the slow tier.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tidy.api import fix_text
from test_properties import assert_no_new_finding

LISTS = sorted(
    (Path(__file__).resolve().parent.parent / "benchmarks" / "precision" / "lists").glob("*/*.md")
)


def test_the_spent_lists_are_there() -> None:
    assert len(LISTS) >= 150


@pytest.mark.slow  # about two hundred real lists
@pytest.mark.parametrize("path", LISTS, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_a_spent_list_is_fixed_to_a_fixed_point_and_creates_no_finding(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    result = fix_text(text, path=str(path))
    if result.text == text:
        return  # nothing to fix: a second pass would be this one again, and no fix made a finding
    again = fix_text(result.text, path=str(path))
    assert again.text == result.text
    assert_no_new_finding(text, result.text, result.checked, again.checked)
