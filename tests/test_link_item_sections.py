"""link-item-format's fix never leaves a section mixed that writes one separator throughout.

A property over made-up lists (study 19: a fix moved two of a section's three ``: `` items to
the list's `` - `` and left the third, written after a ``[[Github]](url)`` link, as it was). The
separators are read here with a regular expression of the test's own, not with the rule's reader,
so that a misreading in the rule does not hide a mixed section.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from awesome_tidy import Config, check_text, fix_text

CONFIG = Config(select=("link-item-format",))
SEPARATORS = (" - ", ": ", " – ")
WORDS = ("Parser", "Renderer", "Linter", "Viewer", "Checker", "Builder")
# ``- [Name](url)``, any links right after it, then the separator before a capitalised word.
_ITEM = re.compile(
    r"^- \[[^\]]+\]\([^)]+\)(?:[ \t]*\[\[[^\]]+\]\]\([^)]+\))*"
    r"(?P<separator>[ \t]*[-–—:][ \t]+)[A-Z]"
)

# An item: its separator, whether a link stands between name and separator, whether it has text.
ITEMS = st.tuples(st.sampled_from(SEPARATORS), st.booleans(), st.booleans())
SECTIONS = st.lists(st.lists(ITEMS, min_size=1, max_size=5), min_size=1, max_size=5)


def _render(sections: list[list[tuple[str, bool, bool]]]) -> str:
    lines = ["# Awesome Things", ""]
    number = 0
    for index, items in enumerate(sections):
        lines += [f"## Part {index}", ""]
        for separator, linked, described in items:
            number += 1
            item = f"- [Tool{number}](https://example.org/t{number})"
            if linked:
                item += f" [[Code]](https://example.org/c{number})"
            if described:
                item += f"{separator}{WORDS[number % len(WORDS)]} for lists of {number} kinds."
            lines.append(item)
        lines.append("")
    return "\n".join(lines)


def _sections(text: str) -> list[list[str]]:
    """The separators each section's items write, in order."""
    found: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("## "):
            found.append([])
        elif found and (item := _ITEM.match(line)) is not None:
            found[-1].append(item["separator"])
    return found


# The list's ` - ` firm; a section writing ``: `` twice, once behind a link the rule does not judge.
FIRM_LIST_LINKED_ITEM = [[(" - ", False, True)] * 4, [(": ", False, True), (": ", True, True)]]


@settings(max_examples=300, deadline=None)
@given(SECTIONS)
@example(FIRM_LIST_LINKED_ITEM)
def test_a_fix_moves_every_item_of_a_consistent_section_or_none(
    sections: list[list[tuple[str, bool, bool]]],
) -> None:
    text = _render(sections)
    fixed = fix_text(text, CONFIG).text
    for before, after in zip(_sections(text), _sections(fixed), strict=True):
        if len(set(before)) == 1:
            assert len(set(after)) == 1, (before, after, text, fixed)


def test_a_section_consistent_in_itself_is_quiet_where_the_list_has_no_firm_habit() -> None:
    # `` - `` four times, ``: `` three (five to two once mended): no firm habit. The last
    # section writes ``: `` alone and is quiet; the one before mixes them, and its ``: `` is
    # still mended.
    text = _render(
        [
            [(" - ", False, True)] * 3,
            [(": ", False, True), (" - ", False, True)],
            [(": ", False, True), (": ", False, True)],
        ]
    )
    fixed = fix_text(text, CONFIG).text
    assert _sections(fixed) == [[" - "] * 3, [" - ", " - "], [": ", ": "]]


def test_an_item_is_reported_without_a_fix_where_its_section_could_not_move_whole() -> None:
    text = _render(FIRM_LIST_LINKED_ITEM)
    findings = check_text(text, CONFIG)
    assert [(found.line, found.fix) for found in findings] == [(12, None)]
    assert fix_text(text, CONFIG).text == text
