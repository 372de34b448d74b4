"""The model of a list: parse once with markdown-it-py into headings, sections, list items, table
rows, paragraphs and entries.

Every position is an offset into ``Document.text``, the source with line endings normalised to
``\\n`` exactly as markdown-it normalises them, so that offsets, token maps and edits agree.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from functools import cached_property
from typing import TYPE_CHECKING

from awesome_tidy.entries import read_entries
from awesome_tidy.nodes import (
    Block,
    Entry,
    Heading,
    ListItem,
    Paragraph,
    Section,
    Table,
    TableRow,
    read_heading_number,
)
from awesome_tidy.parsing import normalize_newlines, parse_blocks, parser

if TYPE_CHECKING:
    from collections.abc import Callable

    from markdown_it.token import Token

    from awesome_tidy.anchors import Anchors
    from awesome_tidy.conventions import Convention, Conventions

__all__ = [
    "Block",
    "Document",
    "Entry",
    "Heading",
    "ListItem",
    "Paragraph",
    "Section",
    "Table",
    "TableRow",
    "normalize_newlines",
    "parser",
]

_NEWLINE_ANY = re.compile(r"\r\n?|\n")
_ORDERED_MARKER = re.compile(r"\d{1,9}[.)]")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_FRONT_MATTER = re.compile(r"---\n((?:.*\n){0,200}?)(?:---|\.\.\.)[ \t]*(?:\n|$)")
_YAML_KEY = re.compile(r"^[\w-]+:", re.MULTILINE)


class Document:
    """A parsed list. Build it with ``Document(text)``; it never changes afterwards."""

    def __init__(self, text: str, path: str | None = None) -> None:
        self.path = path
        self.raw = text
        # A byte-order mark is no part of the first line (GitHub and editors hide it, and
        # ``read_source`` drops it): kept in ``raw`` for the fixer, out of the text the parser
        # and the rules read, where it would hide the first line's list marker or heading.
        self._bom = 1 if text.startswith("\ufeff") else 0
        body = text[self._bom :]
        self.text = normalize_newlines(body) if ("\r" in body or "\0" in body) else body
        self.line_starts = _line_starts(self.text)
        self._raw_shift = _raw_shifts(body) if "\r\n" in body else None
        self.headings: list[Heading] = []
        self.sections: list[Section] = [Section(None, None)]
        self.items: list[ListItem] = []
        self.rows: list[TableRow] = []
        self.paragraphs: list[Paragraph] = []
        self.entries: list[Entry] = []
        self.blocks: list[Block] = []
        self.has_keys = False
        """True when citation keys are part of this list's entry format."""
        self.inline_ends: set[int] = set()
        """0-based last lines of paragraphs, headings and cells: a line break there is no break."""
        builder = _ModelBuilder(self)
        front_matter = _front_matter_end(self.text)
        source = self.text
        if front_matter:
            # YAML front matter is not Markdown: blanked for the parser (offsets stay), protected.
            source = re.sub(r"[^\n]", " ", source[:front_matter]) + source[front_matter:]
            self.blocks.append(Block("front-matter", 0, front_matter, 1))
        # Performance (issue 3): the token list is the largest object of a check. Walking it in a
        # call of its own lets it go before the entries are read, which lowers the peak memory.
        builder.walk(parse_blocks(source))
        builder.read_entries()

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

    def item_text(self, item: ListItem) -> str:
        """An item's whole text, sub-items included, with runs of whitespace read as one space:
        two items with the same ``item_text`` render the same."""
        return " ".join(self.text[item.marker_start : item.end].split())

    def raw_offset(self, offset: int) -> int:
        """Where ``offset`` of the normalised text lies in the text as given (CRLF counted)."""
        if self._raw_shift is None:
            return offset + self._bom
        if offset >= len(self.text):
            return len(self.raw)
        return offset + self._bom + self._raw_shift[self.line_index(offset)]

    @property
    def newline(self) -> str:
        """The line ending the source uses most (LF on a tie): what inserted lines should use."""
        crlf = self.raw.count("\r\n")
        counts = {
            "\n": self.raw.count("\n") - crlf,
            "\r\n": crlf,
            "\r": self.raw.count("\r") - crlf,
        }
        return max(counts, key=counts.__getitem__)

    def next_line_start(self, offset: int) -> int:
        end = self.text.find("\n", offset)
        return len(self.text) if end < 0 else end + 1

    # -- derived facts -------------------------------------------------------------------------

    @cached_property
    def anchors(self) -> Anchors:
        """Heading anchors as GitHub makes them, HTML anchors and tables of contents."""
        from awesome_tidy.anchors import read_anchors

        return read_anchors(self)

    @cached_property
    def conventions(self) -> Conventions:
        """The convention of each group of entries written alike (see ``conventions``)."""
        from awesome_tidy.conventions import Conventions

        return Conventions(self.entries)

    @cached_property
    def key_styles(self) -> list[str | None]:
        """The style of each key (``Entry.key_style``), in order, for the entries with one: the
        list's dominant style (``conventions.dominant_key_style``), which two rules ask for,
        is ``dominant(doc.key_styles, share)``, with one pass over the entries."""
        return [entry.key_style for entry in self.entries if entry.key_text]

    @cached_property
    def paragraph_ending_on(self) -> dict[int, Paragraph]:
        """The paragraph whose last line is each line (1-based)."""
        return {
            self.line_index(max(paragraph.end - 1, paragraph.start)) + 1: paragraph
            for paragraph in self.paragraphs
        }

    @cached_property
    def copies(self) -> list[list[Entry]]:
        """Groups of entries that are one paper by exact evidence (``similarity.copies``).
        Slots kept for entries to come (``conventions.placeholder_slot``) are no paper: their
        repeats are the list's template, not copies to delete."""
        from awesome_tidy.conventions import placeholder_slot
        from awesome_tidy.similarity import copies

        return copies([entry for entry in self.entries if not placeholder_slot(self.text, entry)])

    @cached_property
    def _derived_listings(self) -> dict[int, bool]:
        from awesome_tidy.similarity import derived_listings

        return derived_listings(self.entries, self.copies)

    def in_derived_listing(self, entry: Entry, *, same_form: bool = False) -> bool:
        """Whether the entry is in an index, a summary table or a showcase that repeats entries
        listed elsewhere in another form (``similarity.derived_listings``); with ``same_form``,
        also in a list of recent additions that repeats them as written there."""
        reshaped = self._derived_listings.get(id(entry.container))
        return reshaped is not None and (reshaped or same_form)

    @cached_property
    def convention(self) -> Callable[[Entry], Convention]:
        """What the entries written like an entry do: ``doc.convention(entry).year_understood``.

        Performance (issue 10.5): several rules ask it of every entry; it is the conventions'
        own lookup, with no call in Python between."""
        return self.conventions.lookup

    @cached_property
    def _comments(self) -> tuple[list[int], list[int]]:
        spans = sorted((b.start, b.end) for b in self.blocks if b.kind == "comment")
        return [start for start, _ in spans], [end for _, end in spans]

    def in_comment(self, offset: int) -> bool:
        """True inside an inline HTML comment: text there is not shown, and is not an entry."""
        starts, ends = self._comments
        index = bisect_right(starts, offset) - 1
        return index >= 0 and offset < ends[index]

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
        self.top_lists = 0
        self.lists: list[int] = []  # the open lists, innermost last
        self.list_count = 0
        self.quote_depth = 0
        self.table: Table | None = None
        self.in_header = False
        self.handlers = {
            "heading_open": self.on_heading,
            "list_item_open": self.open_item,
            "list_item_close": self.close_item,
            "bullet_list_open": self.open_list,
            "ordered_list_open": self.open_list,
            "bullet_list_close": self.close_list,
            "ordered_list_close": self.close_list,
            "blockquote_open": self.open_quote,
            "blockquote_close": self.close_quote,
            "fence": self.on_block,
            "code_block": self.on_block,
            "html_block": self.on_block,
            "inline": self.on_inline,
            "paragraph_open": self.on_paragraph,
            "table_open": self.open_table,
            "thead_open": self.on_table_part,
            "thead_close": self.on_table_part,
            "tr_open": self.on_row,
        }

    def walk(self, tokens: list[Token]) -> None:
        handlers = self.handlers
        for index, token in enumerate(tokens):
            handler = handlers.get(token.type)
            if handler is not None:
                handler(tokens, index)

    def read_entries(self) -> None:
        doc = self.doc
        doc.entries, doc.has_keys = read_entries(doc)
        for entry in doc.entries:
            entry.section.entries.append(entry)

    def on_heading(self, tokens: list[Token], index: int) -> None:
        self.open_section(tokens[index], tokens[index + 1])

    def close_item(self, tokens: list[Token], index: int) -> None:
        self.item_stack.pop()

    def open_list(self, tokens: list[Token], index: int) -> None:
        if self.list_depth == 0:
            self.top_lists += 1
        self.list_depth += 1
        self.list_count += 1
        self.lists.append(self.list_count)

    def close_list(self, tokens: list[Token], index: int) -> None:
        self.list_depth -= 1
        self.lists.pop()

    def open_quote(self, tokens: list[Token], index: int) -> None:
        self.quote_depth += 1

    def close_quote(self, tokens: list[Token], index: int) -> None:
        self.quote_depth -= 1

    def on_block(self, tokens: list[Token], index: int) -> None:
        token = tokens[index]
        if token.map:
            self.add_block(token.type, token.map)

    def on_inline(self, tokens: list[Token], index: int) -> None:
        token = tokens[index]
        if token.map:
            self.doc.inline_ends.add(token.map[1] - 1)
        if "<!--" in token.content:
            self.add_inline_comments(token)
        if self.in_header and self.table is not None:
            self.table.header.append(token.content.lower())

    def on_paragraph(self, tokens: list[Token], index: int) -> None:
        """Paragraphs outside lists and quotes: where a ``**Title**`` paragraph entry may be."""
        if self.item_stack or self.quote_depth:
            return
        inline = tokens[index + 1]
        if inline.map is None:
            return
        doc = self.doc
        first, last = inline.map
        start = _skip_spaces(doc.text, doc.line_starts[first])
        end = _trim_end(doc.text, doc.line_start(last + 1))
        doc.paragraphs.append(Paragraph(first + 1, start, max(start, end), self.section))

    def open_table(self, tokens: list[Token], index: int) -> None:
        token = tokens[index]
        line = token.map[0] + 1 if token.map else 0
        self.table = Table(line, self.section)

    def on_table_part(self, tokens: list[Token], index: int) -> None:
        self.in_header = tokens[index].type == "thead_open"

    def on_row(self, tokens: list[Token], index: int) -> None:
        token = tokens[index]
        if self.in_header or self.table is None or token.map is None:
            return
        doc = self.doc
        start = doc.line_starts[token.map[0]]
        end = doc.line_end(token.map[0] + 1)
        doc.rows.append(
            TableRow(token.map[0] + 1, start, end, _cells(doc.text, start, end), self.table)
        )

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
        number, scheme_number = read_heading_number(inline.content)
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
            last_line=last,
            scheme_number=scheme_number,
        )
        doc.headings.append(heading)
        parent = self.section
        while parent.heading is not None and parent.heading.level >= heading.level:
            assert parent.parent is not None
            parent = parent.parent
        self.section = Section(heading, parent)
        doc.sections.append(self.section)

    def open_item(self, tokens: list[Token], index: int) -> None:
        doc = self.doc
        token = tokens[index]
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
            top_list=self.top_lists,
            list_id=self.lists[-1],
        )
        if item.parent is not None and item.parent.children_start is None:
            item.parent.children_start = start
        self.item_stack.append(item)
        doc.items.append(item)
        self.section.items.append(item)

    def add_block(self, kind: str, line_map: list[int]) -> None:
        doc = self.doc
        first, last = line_map
        last_line = _last_content_line(doc, first, last)
        start = doc.line_starts[first]
        end = doc.line_end(last_line)
        reach = doc.line_end(min(last, len(doc.line_starts)))
        doc.blocks.append(Block(kind, start, end, first + 1, reach))

    def add_inline_comments(self, inline: Token) -> None:
        """Inline HTML comments can hide entry-like text; they are protected like blocks."""
        if inline.map is None:
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


def _cells(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The trimmed spans of a pipe-table row's cells; escaped ``\\|`` does not split a cell."""
    line = text[start:end]
    bounds = [match.start() for match in _CELL_SPLIT.finditer(line)]
    edges = [-1, *bounds, len(line)]
    if line.lstrip().startswith("|"):
        edges = edges[1:]
    if line.rstrip().endswith("|") and len(edges) > 1:
        edges = edges[:-1]
    cells = []
    for left, right in itertools.pairwise(edges):
        cell_start, cell_end = start + left + 1, start + right
        cell_start = _skip_spaces(text, cell_start)
        while cell_end > cell_start and text[cell_end - 1] in " \t":
            cell_end -= 1
        cells.append((cell_start, max(cell_start, cell_end)))
    return tuple(cells)


def _front_matter_end(text: str) -> int:
    """Where a leading ``---`` YAML block with ``key: value`` lines ends, or 0 without one."""
    if not text.startswith("---\n"):
        return 0
    match = _FRONT_MATTER.match(text)
    return match.end() if match and _YAML_KEY.search(match.group(1)) else 0


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
    line = min(last, len(doc.line_starts))
    while line > first + 1 and not doc.line_text(line).strip():
        line -= 1
    return line
