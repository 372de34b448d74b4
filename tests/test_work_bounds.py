"""Field rules do linear work on adversarial lists (issue 14.4), counted in calls, never timed.

Two shapes made ``key-conflict`` and ``missing-year`` quadratic: thousands of entries sharing
one key (each title was compared with every earlier one: 105 s at 10k), and thousands of
two-entry sections (each small section re-learnt the whole list's convention: 61 s at 8k). The
work is counted as the function calls the check makes (Python and C), at n and at 2n entries:
linear work doubles, quadratic work quadruples. The group conventions the rules ask for are
learnt inside the count.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from types import FrameType

import pytest

from awesome_tidy import Config
from awesome_tidy.document import Document
from awesome_tidy.linter import lint

WORDS = [
    "sparse",
    "graph",
    "neural",
    "anomaly",
    "detection",
    "robust",
    "diffusion",
    "token",
    "transformer",
    "memory",
    "bank",
    "patch",
    "contrastive",
    "implicit",
    "field",
    "point",
    "cloud",
    "segmentation",
    "prompt",
    "tuning",
    "federated",
    "causal",
]


def title(number: int) -> str:
    """A distinct title for each number: its digits spelt as words of the vocabulary."""
    spelt = [WORDS[int(digit) * 2 + (number % 2)] for digit in f"{number:05d}"]
    return " ".join(spelt).capitalize() + f" {WORDS[number % len(WORDS)]}"


def one_key_for_many(count: int) -> str:
    """Two in five entries share one key; the others have keys of their own (so that the
    shared key is a conflict, not a tag)."""
    lines = [
        f"+ ({'smith2020shared' if number % 5 < 2 else f'doe{number}x2020'}){title(number)}[2020]"
        for number in range(count)
    ]
    return "# Papers\n\n" + "\n".join(lines) + "\n"


def two_entry_sections(count: int) -> str:
    sections = []
    for number in range(0, count, 2):
        sections.append(
            f"## Topic {number}\n\n"
            f"- [{title(number)}](https://a.org/{number}) - Since 2020.\n"
            f"- [{title(number + 1)}](https://a.org/{number + 1}) - A tool.\n"
        )
    return "# Tools\n\n" + "\n".join(sections)


def one_link_for_many(count: int) -> str:
    """Every entry, in twenty sections and an index repeating them shorter, on one link: a
    derived listing is looked for among copies (each entry was paired with every other on its
    link: 18 s at 4k)."""
    per = count // 40
    body = [
        f"## Topic {section}\n\n"
        + "\n".join(
            f"- [{title(section * per + n)}](https://a.org/same) - A tool, 2020."
            for n in range(per)
        )
        for section in range(20)
    ]
    index = [f"- [{title(number)}](https://a.org/same)" for number in range(20 * per)]
    return "# Tools\n\n" + "\n\n".join(body) + "\n\n## Index\n\n" + "\n".join(index) + "\n"


def calls(work: Callable[[], object]) -> int:
    counted = 0

    def count(frame: FrameType, event: str, arg: object) -> None:
        nonlocal counted
        if event in ("call", "c_call"):
            counted += 1

    sys.setprofile(count)
    try:
        work()
    finally:
        sys.setprofile(None)
    return counted


@pytest.mark.parametrize(
    ("rule", "make"),
    [
        ("key-conflict", one_key_for_many),
        ("missing-year", two_entry_sections),
        ("cross-section-duplicate", one_link_for_many),
    ],
    ids=[
        "hundreds-of-entries-share-one-key",
        "thousands-of-two-entry-sections",
        "thousands-of-entries-share-one-link",
    ],
)
def test_a_field_rule_does_linear_work(rule: str, make: Callable[[int], str]) -> None:
    config = Config(select=(rule,))
    work = []
    for count in (1_000, 2_000):
        doc = Document(make(count))
        work.append(calls(partial(lint, doc, config)))
    assert work[1] < 2.5 * work[0], work


def test_the_lists_are_adversarial_and_read_as_meant() -> None:
    keyed = Document(one_key_for_many(50))
    shared = [entry for entry in keyed.entries if entry.key_text == "smith2020shared"]
    assert keyed.has_keys and len(shared) == 20
    assert len({entry.title_text for entry in keyed.entries}) == 50
    sections = Document(two_entry_sections(50))
    assert len(sections.entries) == 50 and len(sections.sections) == 27
