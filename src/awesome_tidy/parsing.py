"""The one Markdown parser the model uses, and the newline normalisation it agrees with."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

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
    A text where no rule but ``heading`` can match, as plain as the reference list's shape, is
    read by ``_plain_tokens`` into the same tokens without markdown-it, where it can.
    """
    if "\r" in text or "\0" in text:
        text = normalize_newlines(text)
    left_out = frozenset(name for name, mark in _MARKS if not mark(text))
    if left_out >= _PLAIN_ONLY:
        tokens = _plain_tokens(text)
        if tokens is not None:
            return tokens
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


# -- plain lists without markdown-it -------------------------------------------------------------

# Every block rule but ``heading`` (and the paragraph and list rules, which are never left out)
# left out: the text has no mark of a table, code, fence, quote, rule, reference, HTML block or
# setext heading anywhere.
_PLAIN_ONLY = frozenset(name for name, _ in _MARKS) - {"heading"}
# What may not start the text of a plain list's line or item: what could open a block (a
# bullet, a heading's ``#``; an ordered list's number, see ``_opens_block``) or indentation.
_NOT_A_TEXT_START = frozenset(" #+-*")
# An ordered list's marker as markdown-it reads it is at most nine digits and ``.`` or ``)``;
# any digits followed by either are left to markdown-it.
_NUMBER_MARK = re.compile(r"[0-9]+[.)]")


def _opens_block(text: str) -> bool:
    """Whether a line or an item's text may open a block: it starts with a mark of one, or with
    what may be an ordered list's number."""
    return text[0] in _NOT_A_TEXT_START or (
        text[0] in "0123456789" and _NUMBER_MARK.match(text) is not None
    )


class _PlainToken:
    """The fields of markdown-it's ``Token`` the model reads, set at once (``Token`` is a
    dataclass whose construction costs four times as much)."""

    __slots__ = ("content", "hidden", "info", "level", "map", "markup", "nesting", "tag", "type")
    block = True

    def __init__(
        self,
        type: str,
        tag: str,
        nesting: int,
        map: list[int] | None,
        level: int,
        content: str = "",
        markup: str = "",
        hidden: bool = False,
    ) -> None:
        self.type = type
        self.tag = tag
        self.nesting = nesting
        self.map = map
        self.level = level
        self.content = content
        self.markup = markup
        self.info = ""
        self.hidden = hidden


def _heading_level(line: str) -> int:
    """The level of an ATX heading whose content markdown-it reads as ``line[level:].strip()``
    (no closing ``#`` sequence, no trailing space, not empty), else 0."""
    level = len(line) - len(line.lstrip("#"))
    if not 0 < level <= 6 or line[level : level + 1] != " " or line[-1] in "# ":
        return 0
    content = line[level:].lstrip(" ")
    return level if content and _trimmed(content) else 0


def _trimmed(text: str) -> bool:
    """Whether ``text`` neither starts nor ends with a space of any kind: markdown-it trims a
    set of its own (which differs from ``str.strip``'s between versions), so the plain reader
    takes only text that no trimming changes, past the ASCII spaces it strips itself."""
    return not text[0].isspace() and not text[-1].isspace() and text.isprintable()


def _is_plain_item(line: str) -> bool:
    """``+ text``: a bullet, one space, and text that opens no block inside the item."""
    return (
        len(line) > 2
        and line[0] in "+-*"
        and line[1] == " "
        and not _opens_block(line[2:])
        and _trimmed(line[2:].rstrip(" "))
    )


def _plain_tokens(text: str) -> list[Token] | None:
    """The tokens of ``parse_blocks(text)`` for a text of nothing but blank lines, ATX headings,
    one-line bullet items and paragraphs at the margin, else None (markdown-it reads it).

    Performance (issue 10.5): on a list of 10,000 plain entries markdown-it's block parse tries
    the list rule's every test on each item and builds 50,000 token dataclasses, about a sixth
    of a check. The tokens are the same, field for field (tests/test_parsing.py): maps, levels,
    markup, content, and a list's tightness (``hidden`` paragraphs).
    """
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    tokens: list[_PlainToken] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        if not line:
            at += 1
        elif line[0] == "#":
            at = _plain_heading(lines, at, tokens)
        elif line[0] in "+-*":
            at = _plain_list(lines, at, tokens)
        else:
            at = _plain_paragraph(lines, at, tokens)
        if at < 0:
            return None
    return cast("list[Token]", tokens)


def _plain_heading(lines: list[str], at: int, tokens: list[_PlainToken]) -> int:
    line = lines[at]
    level = _heading_level(line)
    if not level:
        return -1
    markup = line[:level]
    tag = f"h{level}"
    tokens.append(_PlainToken("heading_open", tag, 1, [at, at + 1], 0, "", markup))
    tokens.append(_PlainToken("inline", "", 0, [at, at + 1], 1, line[level:].strip(" ")))
    tokens.append(_PlainToken("heading_close", tag, -1, None, 0, "", markup))
    return at + 1


def _plain_list(lines: list[str], at: int, tokens: list[_PlainToken]) -> int:
    """A bullet list of one-line items from line ``at``: the line after it (blank lines after
    the last item included, as markdown-it maps it), or -1 for a text it leaves to markdown-it."""
    line = lines[at]
    if not _is_plain_item(line):
        return -1
    bullet = line[0]
    count = len(lines)
    list_map = [at, 0]
    push = tokens.append
    push(_PlainToken("bullet_list_open", "ul", 1, list_map, 0, "", bullet))
    # The closing tokens of the list's items are alike field for field (no map, no content):
    # one object each stands for all of them, as the model only reads tokens.
    paragraph_close = _PlainToken("paragraph_close", "p", -1, None, 2)
    item_close = _PlainToken("list_item_close", "li", -1, None, 1, "", bullet)
    paragraphs: list[_PlainToken] = [paragraph_close]
    tight = True
    while True:
        after = at + 1
        while after < count and not lines[after]:
            after += 1
        push(_PlainToken("list_item_open", "li", 1, [at, after], 1, "", bullet))
        paragraphs.append(_PlainToken("paragraph_open", "p", 1, [at, at + 1], 2))
        push(paragraphs[-1])
        push(_PlainToken("inline", "", 0, [at, at + 1], 3, line[2:].rstrip(" ")))
        push(paragraph_close)
        push(item_close)
        if after >= count:
            break
        line = lines[after]
        blank = after > at + 1
        if line[0] == bullet and _is_plain_item(line):
            tight = tight and not blank
            at = after
        elif line[0] == "#" or line[0] in "+-*" or blank:
            break  # a heading, another list or a paragraph: read (or refused) by the caller
        else:
            return -1  # a lazy continuation line: markdown-it reads it
    list_map[1] = after
    push(_PlainToken("bullet_list_close", "ul", -1, None, 0, "", bullet))
    if tight:
        for token in paragraphs:
            token.hidden = True
    return after


def _plain_paragraph(lines: list[str], at: int, tokens: list[_PlainToken]) -> int:
    """A paragraph at the margin up to a blank line, a heading or a list item."""
    start = at
    while at < len(lines):
        line = lines[at]
        if at > start and (not line or line[0] == "#" or line[0] in "+-*"):
            break
        if _opens_block(line) or not _trimmed(line.rstrip(" ")):
            return -1
        at += 1
    content = "\n".join(lines[start:at]).rstrip(" ")
    tokens.append(_PlainToken("paragraph_open", "p", 1, [start, at], 0))
    tokens.append(_PlainToken("inline", "", 0, [start, at], 1, content))
    tokens.append(_PlainToken("paragraph_close", "p", -1, None, 0))
    return at
