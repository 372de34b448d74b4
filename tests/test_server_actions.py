"""The language server's pieces that need no connection: positions in each encoding, the names of
fixes in the editor's menu, the suppression comment and the fix-all edits (issue 13)."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("pygls")

from lsprotocol import types

from awesome_tidy import Document, fix_text
from awesome_tidy.lsp.actions import diff_edits, disable_edit, fix_title
from awesome_tidy.lsp.analysis import Analysis, Job, analyse
from awesome_tidy.lsp.positions import UTF8, UTF16, UTF32, Lines
from conftest import REFERENCE
from lsp_editor import apply_edits


def _analysed(text: str) -> Analysis:
    return analyse(Job("file:///tmp/list.md", "/tmp/list.md", text, 1))


def _lines(text: str, encoding: str = UTF16) -> Lines:
    return Lines(text, Document(text).line_starts, encoding)


@pytest.mark.parametrize(("encoding", "column"), [(UTF8, 9), (UTF16, 6), (UTF32, 5)])
def test_a_column_after_an_emoji_counts_the_encodings_code_units(
    encoding: str, column: int
) -> None:
    lines = _lines("# A\n+ é🚀 {x\n", encoding)
    at = "# A\n+ é🚀 {x\n".index("{")
    assert lines.at(at) == types.Position(line=1, character=column)
    assert lines.offset(types.Position(line=1, character=column)) == at


def test_the_end_of_a_text_with_a_final_newline_is_the_start_of_the_line_after() -> None:
    lines = _lines("a\nb\n")
    assert lines.at(4) == types.Position(line=2, character=0)
    assert lines.offset(types.Position(line=9, character=0)) == 4


@pytest.mark.parametrize(
    ("text", "rule", "title"),
    [
        (
            "# P\n\n+ (he2016deep){Deep Residual Learning[2016]\n",
            "stray-brace",
            "Remove '{' (stray-brace)",
        ),
        (
            "# P\n\n" + "+ (he2016deep)Deep Residual Learning[2016]\n" * 2,
            "duplicate-entry",
            "Remove the line (duplicate-entry)",
        ),
        (
            "# P\n\n+ (he2016deep)Deep Resi\u00addual Learning[2016]\n",
            "invisible-character",
            "Remove 'U+00AD' (invisible-character)",
        ),
        (
            "# P\n\n+ （he2016deep)Deep Residual Learning[2016]\n",
            "full-width-bracket",
            "Replace '（' with '(' (full-width-bracket)",
        ),
    ],
)
def test_a_fix_is_named_by_what_it_does_and_its_rule(text: str, rule: str, title: str) -> None:
    analysis = _analysed(text)
    (finding,) = [f for f in analysis.findings if f.diagnostic.rule == rule]
    assert analysis.lines is not None
    assert fix_title(finding, analysis.lines.text) == title


ENTRIES = "# P\n\n+ (a2020x)First[2020]\n  + (b2021y)Nested[2021]\n"


def test_the_suppression_comment_takes_the_indent_of_the_line_it_disables() -> None:
    edit = disable_edit("key-style", 3, _lines(ENTRIES), "\n")
    assert edit is not None and edit.range.start == types.Position(line=3, character=0)
    assert edit.new_text == "  <!-- awesome-tidy-disable-next-line key-style -->\n"


def test_a_second_rule_on_the_line_joins_the_comment_already_there() -> None:
    text = ENTRIES.replace(
        "+ (a2020x)", "<!-- awesome-tidy-disable-next-line key-style -->\n+ (a2020x)"
    )
    lines = _lines(text)
    edit = disable_edit("missing-year", 3, lines, "\n")
    assert edit is not None
    assert apply_edits(text, [edit], "utf-16").splitlines()[2] == (
        "<!-- awesome-tidy-disable-next-line key-style, missing-year -->"
    )
    assert disable_edit("key-style", 3, lines, "\n") is None


@pytest.mark.parametrize(
    "text",
    [
        "# P\n\n**First** paper\nsecond line of the paragraph\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n",
    ],
    ids=["paragraph", "table-row"],
)
def test_no_comment_line_inside_a_paragraph_or_a_table(text: str) -> None:
    assert disable_edit("key-style", 3, _lines(text), "\n") is None


def test_fix_all_edits_only_the_lines_that_change_and_keep_crlf() -> None:
    text = REFERENCE.read_text(encoding="utf-8").replace("\n", "\r\n")
    analysis = _analysed(text)
    assert analysis.lines is not None
    fixed = fix_text(text).text
    edits = diff_edits(analysis.lines, fixed, analysis.newline)
    assert apply_edits(text, edits, "utf-16") == fixed
    assert all(e.new_text.count("\n") == e.new_text.count("\r\n") for e in edits)
    # Whole lines, only where a fix changed one: the reference list has 9 duplicates to delete
    # and 148 lines to re-indent among its 210, not one edit of the whole text.
    changed = sum(e.range.end.line - e.range.start.line for e in edits)
    assert len(edits) > 1 and changed < 180


def test_a_checking_process_never_writes_to_the_editors_channel() -> None:
    script = (
        "from awesome_tidy.lsp.analysis import start_checking_process\n"
        "start_checking_process()\n"
        "print('a rule that prints')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "a rule that prints\n")
