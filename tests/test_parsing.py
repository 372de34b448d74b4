"""``parse_blocks`` leaves out the block rules a text cannot match, and must give exactly the
tokens of the whole parser: on every list we keep, on the cases at the edge of each rule's mark,
and on random text made of the marks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from awesome_tidy.parsing import _MARKS, _plain_tokens, normalize_newlines, parse_blocks, parser
from conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
# The fixtures in the fast tier; the five hundred spent study lists in the slow one (two whole
# parses each: two minutes of CPU).
LISTS = [
    *sorted(FIXTURES.rglob("*.md")),
    *(
        pytest.param(path, marks=pytest.mark.slow, id=f"{path.parent.name}/{path.name}")
        for path in sorted((ROOT / "benchmarks" / "precision" / "lists").rglob("*.md"))
    ),
]


def _tokens(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [
        (t.type, t.tag, t.map, t.nesting, t.level, t.content, t.markup, t.info, t.block, t.hidden)
        for t in tokens
    ]


def _same_as_the_whole_parser(text: str) -> None:
    assert _tokens(parse_blocks(text)) == _tokens(parser().parse(text))


def _left_out(text: str) -> set[str]:
    return {name for name, mark in _MARKS if not mark(text)}


@pytest.mark.parametrize("path", LISTS, ids=lambda path: path.name)
def test_every_list_parses_to_the_same_tokens(path: Path) -> None:
    _same_as_the_whole_parser(normalize_newlines(path.read_text(encoding="utf-8")))


# Each rule where it only just matches (or only just does not): nested in quotes and items,
# after a lazy line, tabs for indentation, markers spaced out.
EDGES = {
    "setext-in-a-quote": "> Title\n> ===\n",
    "setext-in-an-item": "- Title\n  ---\n",
    "setext-after-a-lazy-line": "> Title\nmore\n---\n",
    "setext-spaced-underline": "Title\n   ==  \n",
    "rule-spaced": "a\n\n * * *\n",
    "rule-in-an-item": "- ___\n",
    "rule-ending-a-paragraph": "a\n- - -\nb\n",
    "code-in-an-item": "- a\n\n      code\n",
    "code-after-a-tab": "-\tcode\n\n>\t\tcode\n",
    "code-first-in-an-item": "-     code\n",
    "fence-ending-an-item": "- a\n  ~~~\n  x\n  ~~~\n",
    "quote-ending-a-paragraph": "a\n> b\n",
    "table-in-an-item": "- | a | b |\n  |---|---|\n  | 1 | 2 |\n",
    "table-without-outer-pipes": "a | b\n--|--\n1 | 2\n",
    "reference-over-two-lines": "[a\nb]: /url\n\n[a b]\n",
    "html-ending-a-paragraph": "a\n<div>\nb\n</div>\n",
    "heading-ending-a-paragraph": "a\n# b\n",
    "none-of-them": "# Papers\n\n+ (he2016deep)Deep Residual Learning[2016]\n+ (a2020b)T[2020]\n",
}


@pytest.mark.parametrize("text", EDGES.values(), ids=EDGES.keys())
def test_each_rule_at_the_edge_of_its_mark(text: str) -> None:
    _same_as_the_whole_parser(text)


def test_a_list_of_plain_entries_leaves_out_every_rule_it_cannot_match() -> None:
    assert _left_out(EDGES["none-of-them"]) == {name for name, _ in _MARKS} - {"heading"}
    assert "lheading" not in _left_out(EDGES["setext-in-an-item"])
    assert "code" not in _left_out(EDGES["code-after-a-tab"])


_PIECES = st.sampled_from(
    [
        *("\n", "\n\n", " ", "  ", "    ", "\t", "> ", ">", "- ", "* ", "+ ", "1. ", "2) "),
        *("-", "=", "*", "_", "---", "===", "***", "* * *", "- - -", "___", "|", "|---|", ":--"),
        *("```", "~~~", "<div>", "</div>", "<!-- x -->", "[a]: /u", "[a]", "]:", "#", "## "),
        *("word", "Title", "(key)", "[2021]", "\\", "`", "\r", "\0"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_random_text_of_the_marks_parses_to_the_same_tokens(text: str) -> None:
    _same_as_the_whole_parser(text)


# A plain list (nothing but headings, one-line bullet items, paragraphs and blank lines) is read
# without markdown-it (``_plain_tokens``); these pieces make such texts and their near misses.
_PLAIN_PIECES = st.sampled_from(
    [
        *("\n", "\n", "\n\n", " ", "+ ", "- ", "* ", "+", "-", "*", "# ", "## ", "###### "),
        *("####### ", "#", " #", "1. ", "2) ", "7", "word", "Title", "(key)", "[2021]", "C#"),
        *("\u00a0", "\u2003", "\\", "\r"),
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PLAIN_PIECES, max_size=40).map("".join))
def test_random_plain_lists_parse_to_the_same_tokens(text: str) -> None:
    _same_as_the_whole_parser(text)


PLAIN = {
    "tight": "# Papers\n+ (a2020b)T[2020]\n+ (c2021d)U[2021]\n## More\n- V\n",
    "loose": "# Papers\n\n+ A\n\n+ B\n\n\n+ C\n",
    "loose-then-tight": "+ A\n\n+ B\n+ C\n\n## H\n",
    "markers-change": "+ A\n- B\n* C\n\n+ D",
    "paragraphs": "Intro\nmore text\n+ A\nText after?\n",
    "paragraph-then-list": "Intro\nmore text\n+ A\n\nText after\n# H\ntext\n",
    "closing-hashes": "# Title #\n+ A\n",
    "heading-trailing-space": "# Title \n+ A  \n",
    "unicode-space": "+ \u00a0A\u2003\n# \u2003T\n",
    "nested": "+ A\n  + B\n",
    "ordered-in-item": "+ 1. A\n",
}


@pytest.mark.parametrize("text", PLAIN.values(), ids=PLAIN.keys())
def test_plain_lists_parse_to_the_same_tokens(text: str) -> None:
    _same_as_the_whole_parser(text)


def test_the_plain_reader_reads_the_lists_of_the_reference_shape() -> None:
    assert _plain_tokens(EDGES["none-of-them"]) is not None
    assert _plain_tokens(PLAIN["tight"]) is not None
    assert _plain_tokens(PLAIN["loose"]) is not None
    assert _plain_tokens(PLAIN["paragraphs"]) is None  # a lazy line: markdown-it reads it
    assert _plain_tokens(PLAIN["nested"]) is None
