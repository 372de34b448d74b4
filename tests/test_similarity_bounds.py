"""Near-duplicate detection does bounded work on hostile lists: many near-identical titles.

A thousand titles that differ by one letter all land in one signature group, and every pair of
them scores above the threshold. Checked word by word in Python, all 780,000 pairs took 20 s;
each title now takes at most a few candidates from the group, so the work stays linear. The
bound is asserted on the candidate pairs (what Python checks), never on time.
"""

from __future__ import annotations

import random

import pytest

from awesome_tidy import similarity
from awesome_tidy.document import Document
from awesome_tidy.rules.near_duplicate_title import NearDuplicateTitle

TITLE = "deep learning for unsupervised anomaly detection in industrial images"
COPIES = 1_250  # below the group size where sorted neighbourhood takes over


def with_one_typo(title: str, chooser: random.Random) -> str:
    letters = [index for index, char in enumerate(title) if char != " "]
    at = chooser.choice(letters)
    return title[:at] + chooser.choice("abcdefghijklmnopqrstuvwxyz") + title[at + 1 :]


def typo_titles() -> list[str]:
    chooser = random.Random(3)
    return [with_one_typo(TITLE, chooser) for _ in range(COPIES)]


def numbered_titles() -> list[str]:
    """Every pair scores above 90 and nearly none is one paper: 'part 17' is not 'part 18'."""
    return [f"{TITLE} part {number}" for number in range(COPIES)]


@pytest.mark.parametrize("titles", [typo_titles(), numbered_titles()], ids=["typos", "numbered"])
def test_a_group_of_near_identical_titles_gives_linearly_many_candidates(
    titles: list[str],
) -> None:
    groups = [group for group in similarity._signature_groups(titles) if len(group) > 1]
    assert max(map(len, groups)) > 500  # the hostile case is real: hundreds in one group
    candidates = similarity.candidate_pairs(titles)
    per_title = similarity._PARTNERS * similarity._SIGNATURE + 2 * 2  # groups + sorted halves
    assert len(candidates) <= per_title * len(titles)


def test_every_copy_with_a_typo_is_still_found_in_the_crowd() -> None:
    titles = typo_titles()
    found = similarity.near_pairs(titles)
    partnered = {second for _, second in found} | {first for first, _ in found}
    distinct = {index for index, title in enumerate(titles) if titles.index(title) == index}
    # As many as when every pair was checked: the others have a typo that makes another word
    # (a mistyped 'in' is no typo of another mistyped 'in').
    assert len(partnered & distinct) > 0.9 * len(distinct)


def test_the_rule_reports_the_copies_of_a_list_of_near_identical_entries() -> None:
    titles = typo_titles()
    # Typo copies of one paper link that paper (two arXiv ids would make two papers).
    text = "# Papers\n\n" + "".join(
        f"+ (smith2020deep{index}){title} [[CVPR 2020]](https://arxiv.org/abs/2001.00001)\n"
        for index, title in enumerate(titles)
    )
    problems = list(NearDuplicateTitle().check(Document(text)))
    assert len(problems) > 0.8 * COPIES
    assert all(
        problem.message.startswith("title is nearly the same as line") for problem in problems
    )
