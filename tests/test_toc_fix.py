"""The table-of-contents fix on real lists: local edits only (issue 11, study 1).

Study 1 judged two plain-fix hunks of the old rewrite harmful: on amusi's CVPR 2024 list it
revived a stale second line of a heading listed already (P0008), on THUYimingLi's backdoor list
it added seven year headings the maintainer had left out, and moved a line (P0075). The spent
lists of that study and the corpus show what the fix may still do: point a dead anchor at a
heading, add a line. Every line the maintainer wrote stays, in its order, with its words.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from awesome_tidy import Config, Document, check_text, fix_text

ROOT = Path(__file__).parents[1]
SPENT = ROOT / "benchmarks" / "precision" / "lists" / "2026-12-06"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
LISTS = sorted(SPENT.glob("*.md")) + sorted(CORPUS.glob("*__*.md"))
TOC = Config(select=("toc",))
ANCHOR = re.compile(r"\]\(#[^()\s]*\)")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")


def test_a_stale_second_line_of_a_listed_heading_is_reported_not_revived() -> None:
    text = read(SPENT / "amusi__CVPR2024-Papers-with-Code.md")
    lines = text.split("\n")
    assert lines[66] == "- [医学图像(Medical Image)](#Medical-Image)"
    found = {d.line: d.message for d in check_text(text, TOC)}
    assert found[67] == (
        "link '#Medical-Image' matches no heading; the heading '医学图像(Medical Image)' is "
        "listed already"
    )
    fixed = fix_text(text, TOC).text.split("\n")
    # The one change: '#3DSS' names no anchor, and its heading is listed by no other line.
    pairs = enumerate(zip(lines, fixed, strict=True), start=1)
    changed = [(number, new) for number, (old, new) in pairs if old != new]
    assert changed == [
        (61, "- [3D语义分割(3D Semantic Segmentation)](#3d语义分割3d-semantic-segmentation)")
    ]


def test_year_headings_the_maintainer_left_out_are_left_alone_and_no_line_moves() -> None:
    # The years are the undivided parts of a listed section the table does not descend.
    text = read(SPENT / "THUYimingLi__backdoor-learning-resources.md")
    messages = [d.message for d in check_text(text, TOC)]
    assert not [message for message in messages if "misses" in message]
    assert (
        "'Vision Transformer' is listed after 'Detection and Tracking' but comes before it in "
        "the document" in messages
    )
    assert fix_text(text, TOC).text == text


@pytest.mark.slow  # fixes every spent list and corpus list
@pytest.mark.parametrize("path", LISTS, ids=lambda path: path.stem)
def test_the_toc_fix_keeps_every_line_of_a_real_table_in_its_order(path: Path) -> None:
    """Each line of a table the fix changes keeps everything but its anchor, which reached
    nothing and now reaches a heading; a line added is one in-page link."""
    text = read(path)
    fixed = fix_text(text, TOC).text
    old, new = text.split("\n"), fixed.split("\n")
    anchors = Document(fixed).anchors
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, False).get_opcodes():
        if tag in ("delete", "replace") and i2 - i1 != j2 - j1:
            pytest.fail(f"line {i1 + 1} lost: {old[i1:i2]} -> {new[j1:j2]}")
        if tag == "replace":
            for was, now in zip(old[i1:i2], new[j1:j2], strict=True):
                assert ANCHOR.sub("", was) == ANCHOR.sub("", now), (was, now)
                (anchor,) = ANCHOR.findall(now)
                assert anchors.resolve(anchor[2:-1])[1] is not None, now
        if tag == "insert":
            for line in new[j1:j2]:
                assert re.fullmatch(r"[ \t]*[-*+] \[[^\n]+\]\(#[^()\s]+\)", line), line
