"""The model of a list: parse once with markdown-it-py into headings, sections, list items, entries.

Every position is an offset into ``Document.text``, the source with line endings normalised to
``\\n`` exactly as markdown-it normalises them, so that offsets, token maps and edits agree.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from awesome_tidy.entries import Entry

_NEWLINE = re.compile(r"\r\n?")
_NEWLINE_ANY = re.compile(r"\r\n?|\n")
_SECTION_NUMBER = re.compile(r"(\d+(?:\.\d+)*)(\.?)(?=\s|$)")
_ORDERED_MARKER = re.compile(r"\d{1,9}[.)]")


@dataclass(slots=True)
class Heading:
    level: int
    text: str
    line: int
    start: int
    marker_start: int
    marker_end: int
    number: str | None
    setext: bool = False
    in_list_item: bool = False

    @property
    def depth(self) -> int:
        """How many components the section number has (``2.1.3`` is 3), 0 when unnumbered."""
        return self.number.count(".") + 1 if self.number else 0


@dataclass(slots=True, eq=False)
class Section:
    heading: Heading | None
    parent: Section | None
    entries: list[Entry] = field(default_factory=list)
    items: list[ListItem] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else "(before the first heading)"

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0


@dataclass(slots=True, eq=False)
class ListItem:
    """One list item: where its marker is, the lines it owns, and its first paragraph."""

    line: int
    start: int
    end: int
    marker_start: int
    marker: str
    depth: int
    content_start: int
    content_end: int
    section: Section
    parent: ListItem | None = None

    @property
    def ordered(self) -> bool:
        return self.marker[-1] in ".)"

    @property
    def indent(self) -> int:
        return self.marker_start - self.start


@dataclass(slots=True)
class Block:
    """A span of lines whose text must never change: code, HTML blocks and comments."""

    kind: str
    start: int
    end: int
    line: int


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
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark").enable("table").disable("inline")
    return _PARSER


class Document:
    """A parsed list. Build it with ``Document(text)``; it never changes afterwards."""

    def __init__(self, text: str, path: str | None = None) -> None:
        self.path = path
        self.raw = text
        self.text = normalize_newlines(text) if ("\r" in text or "\0" in text) else text
        self.line_starts = _line_starts(self.text)
        self._raw_shift = _raw_shifts(text) if "\r\n" in text else None
        self.headings: list[Heading] = []
        self.sections: list[Section] = [Section(None, None)]
        self.items: list[ListItem] = []
        self.entries: list[Entry] = []
        self.blocks: list[Block] = []
        self.has_keys = False
        """True when citation keys are part of this list's entry format."""
        _ModelBuilder(self).build(parser().parse(self.text))

    # -- positions ---------------------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_index(self, offset: int) -> int:
        """0-based line of ``offset``."""
        return bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of ``offset``."""
        index = self.line_index(offset)
        return index + 1, offset - self.line_starts[index] + 1

    def line_start(self, line: int) -> int:
        """Offset where 1-based ``line`` starts; ``len(text)`` past the end."""
        return self.line_starts[line - 1] if line <= len(self.line_starts) else len(self.text)

    def line_end(self, line: int) -> int:
        """Offset of the newline ending 1-based ``line`` (or of the end of the text)."""
        end = self.text.find("\n", self.line_start(line))
        return len(self.text) if end < 0 else end

    def line_text(self, line: int) -> str:
        return self.text[self.line_start(line) : self.line_end(line)]

    def raw_offset(self, offset: int) -> int:
        """Where ``offset`` of the normalised text lies in the text as given (CRLF counted)."""
        if self._raw_shift is None:
            return offset
        if offset >= len(self.text):
            return len(self.raw)
        return offset + self._raw_shift[self.line_index(offset)]

    @property
    def newline(self) -> str:
        """The line ending the source uses most: what inserted lines should use."""
        crlf = self.raw.count("\r\n")
        return "\r\n" if crlf * 2 > self.raw.count("\n") else "\n"

    def next_line_start(self, offset: int) -> int:
        end = self.text.find("\n", offset)
        return len(self.text) if end < 0 else end + 1

    # -- derived facts -------------------------------------------------------------------------

    @cached_property
    def protected_lines(self) -> frozenset[int]:
        """1-based lines inside code, HTML blocks and comments."""
        lines: set[int] = set()
        for block in self.blocks:
            lines.update(range(self.position(block.start)[0], self.position(block.end)[0] + 1))
        return frozenset(lines)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    at = find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = find("\n", at + 1)
    if starts[-1] == len(text) and len(starts) > 1:
        starts.pop()
    return starts


def _raw_shifts(raw: str) -> list[int]:
    """For each line, how many CRLF endings (one extra character each) come before it."""
    shifts = [0]
    shift = 0
    for ending in _NEWLINE_ANY.finditer(raw):
        shift += len(ending.group()) - 1
        shifts.append(shift)
    return shifts


class _ModelBuilder:
    """One pass over the token stream; a stack keeps list nesting (no ``next_sibling``)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.section = doc.sections[0]
        self.item_stack: list[ListItem] = []
        self.list_depth = 0

    def build(self, tokens: list[Token]) -> None:
        from awesome_tidy.entries import read_entries

        doc = self.doc
        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "heading_open":
                self.open_section(token, tokens[index + 1])
            elif kind == "list_item_open":
                self.open_item(token, tokens, index)
            elif kind == "list_item_close":
                self.item_stack.pop()
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.list_depth += 1
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.list_depth -= 1
            elif kind in ("fence", "code_block", "html_block") and token.map:
                self.add_block(kind, token.map)
            elif kind == "inline":
                self.add_inline_comments(token)
        doc.entries, doc.has_keys = read_entries(doc)
        for entry in doc.entries:
            entry.section.entries.append(entry)

    def open_section(self, token: Token, inline: Token) -> None:
        doc = self.doc
        assert token.map is not None
        first, last = token.map
        start = doc.line_starts[first]
        line_text = doc.text[start : doc.next_line_start(start)]
        setext = last - first > 1
        if setext:
            marker_start = start + len(line_text) - len(line_text.lstrip(" \t>"))
        else:  # the first '#' of the line: the prefix of a quote or list item holds none
            marker_start = start + line_text.index("#")
        marker_end = marker_start + (0 if setext else len(token.markup))
        match = _SECTION_NUMBER.match(inline.content)
        number = match.group(1) if match and not _is_year_heading(match.group(1)) else None
        heading = Heading(
            level=int(token.tag[1]),
            text=inline.content,
            line=first + 1,
            start=start,
            marker_start=marker_start,
            marker_end=marker_end,
            number=number,
            setext=setext,
            in_list_item=bool(self.item_stack),
        )
        doc.headings.append(heading)
        parent = self.section
        while parent.heading is not None and parent.heading.level >= heading.level:
            assert parent.parent is not None
            parent = parent.parent
        self.section = Section(heading, parent)
        doc.sections.append(self.section)

    def open_item(self, token: Token, tokens: list[Token], index: int) -> None:
        doc = self.doc
        assert token.map is not None
        first, last = token.map
        start = doc.line_starts[first]
        marker_start, marker = _find_marker(doc.text, start, token)
        content_start = _skip_spaces(doc.text, marker_start + len(marker))
        content_end = content_start
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is not None and following.type == "paragraph_open":
            inline = tokens[index + 2]
            assert inline.map is not None
            content_end = _trim_end(doc.text, doc.line_start(inline.map[1] + 1))
        end = doc.line_start(_last_content_line(doc, first, last) + 1)
        item = ListItem(
            line=first + 1,
            start=start,
            end=end,
            marker_start=marker_start,
            marker=marker,
            depth=self.list_depth,
            content_start=content_start,
            content_end=max(content_end, content_start),
            section=self.section,
            parent=self.item_stack[-1] if self.item_stack else None,
        )
        self.item_stack.append(item)
        doc.items.append(item)
        self.section.items.append(item)

    def add_block(self, kind: str, line_map: list[int]) -> None:
        doc = self.doc
        first, last = line_map
        last_line = _last_content_line(doc, first, last)
        start = doc.line_starts[first]
        end = doc.line_end(last_line)
        doc.blocks.append(Block(kind, start, end, first + 1))

    def add_inline_comments(self, inline: Token) -> None:
        """Inline HTML comments can hide entry-like text; they are protected like blocks."""
        if "<!--" not in inline.content or inline.map is None:
            return
        doc = self.doc
        start = doc.line_starts[inline.map[0]]
        end = doc.line_end(inline.map[1])
        at = doc.text.find("<!--", start, end)
        while at >= 0:
            close = doc.text.find("-->", at + 4)
            stop = end if close < 0 else close + 3
            doc.blocks.append(Block("comment", at, stop, doc.position(at)[0]))
            at = doc.text.find("<!--", stop, end)


def _is_year_heading(number: str) -> bool:
    return "." not in number and len(number) == 4 and 1900 <= int(number) <= 2100


def _find_marker(text: str, line_start: int, token: Token) -> tuple[int, str]:
    """Locate the item's marker on its first line (after indentation and blockquote marks)."""
    at = line_start
    while at < len(text) and text[at] in " \t>":
        at += 1
    if token.info:  # ordered: markup is the delimiter, info the number as written
        match = _ORDERED_MARKER.match(text, at)
        return at, match.group(0) if match else token.info + token.markup
    return at, token.markup


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " \t\n":
        end -= 1
    return end


def _last_content_line(doc: Document, first: int, last: int) -> int:
    """1-based last non-blank line of the 0-based, end-exclusive map ``[first, last)``."""
    line = min(last, doc.line_count)
    while line > first + 1 and not doc.line_text(line).strip():
        line -= 1
    return line
