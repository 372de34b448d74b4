"""The one Markdown parser the model uses, and the newline normalisation it agrees with."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_NEWLINE = re.compile(r"\r\n?")


def normalize_newlines(text: str) -> str:
    return _NEWLINE.sub("\n", text).replace("\0", "\ufffd")


_PARSER: MarkdownIt | None = None


def parser() -> MarkdownIt:
    """CommonMark block structure plus tables: what the model reads, nothing it does not.

    Inline parsing is off: it is two thirds of markdown-it's time on a list, and the model reads
    an entry's parts from its source span, not from inline tokens. ``inline`` tokens still carry
    their ``content`` and ``map``; their ``children`` are None. Code that needs the inline tokens
    of one block can run ``parser().inline.parse(...)`` on that block's content alone.
    """
    global _PARSER
    if _PARSER is None:
        _PARSER = _block_parser(frozenset())
    return _PARSER


# What a text must hold for a rule of markdown-it to match anywhere in it (in any container, as
# a block or as the end of a paragraph); the block rules need the mark at the start of a line's
# content, these look for it anywhere. Where the mark is missing the rule cannot match, so
# leaving it out gives the very tokens the whole parser gives (tests/test_parsing.py).
# Each search is a scan of the whole text: a single character is looked for first (in C, at
# memory speed), and the patterns start with a literal, which the regex engine jumps between.
_HR = {mark: re.compile(rf"{re.escape(mark)}(?:[ \t]*{re.escape(mark)}){{2}}") for mark in "*_-"}
# An underline is never a text's first line: it follows the paragraph it makes a heading.
_SETEXT_UNDERLINE = re.compile(r"\n[ \t>]*(?:=+|-+)[ \t]*(?:\n|\Z)")
_MARKS: tuple[tuple[str, Callable[[str], object]], ...] = (
    ("table", lambda text: "|" in text),  # the header row holds a pipe
    ("code", lambda text: "\t" in text or "    " in text),  # indented by four columns
    ("fence", lambda text: ("`" in text and "```" in text) or ("~" in text and "~~~" in text)),
    ("blockquote", lambda text: ">" in text),
    ("hr", lambda text: any(marker in text and _HR[marker].search(text) for marker in _HR)),
    ("reference", lambda text: "]:" in text),  # [label]: url
    ("html_block", lambda text: "<" in text),
    ("heading", lambda text: "#" in text),
    ("lheading", _SETEXT_UNDERLINE.search),
)


def parse_blocks(text: str) -> list[Token]:
    """``parser().parse(text)``, with the block rules that cannot match in ``text`` left out.

    Performance (issue 10.5): markdown-it tries every block rule on every line, and every rule
    that can end a paragraph on each of its lines: on a list of plain entries, where no line can
    be a table, a quote, a fence, a rule or a setext heading, that is half of the parse. The
    tokens are the same; only ``text_join``, which joins inline children the model never asks
    for, is left out too (``inline`` tokens have no children here). The marks are looked for in
    the text as markdown-it reads it, newlines normalised, which ``normalize`` then need not do.
    """
    if "\r" in text or "\0" in text:
        text = normalize_newlines(text)
    left_out = frozenset(name for name, mark in _MARKS if not mark(text))
    return _block_parser(left_out | {"normalize"}).parse(text)


_MAX_NESTING = 100


@functools.cache
def _block_parser(left_out: frozenset[str]) -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table").disable("inline")
    # CommonMark's preset stops reading blocks 20 containers deep and hands the rest of the
    # outermost one over unread: a deeply nested outline then swallows every heading after it,
    # which GitHub shows. markdown-it's own default depth (100) keeps clear of the recursion limit.
    md.options["maxNesting"] = _MAX_NESTING
    return md.disable(["text_join", *sorted(left_out)]) if left_out else md
