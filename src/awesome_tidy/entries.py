"""Entries: the papers of a list, and the parts of each (key, title, year, links) with their spans.

The parser is tolerant: full-width delimiters, stray braces and a missing year still give an entry,
and the rules report what is wrong. It reads only the entry's own source, located by the token map.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from awesome_tidy.text import normalize_key, normalize_title

if TYPE_CHECKING:
    from awesome_tidy.document import Document, ListItem, Section

KEY_OPENERS = "(（"
KEY_CLOSERS = ")）"
YEAR_OPENERS = "[【［(（"
YEAR_CLOSERS = "]】］)）"
_MAX_KEY_LENGTH = 80
_KEY_LIKE = re.compile(r"\{?[\w:./+\-]+\}?")
_YEAR = re.compile(r"[12]\d{3}")
# Bounds on how far a bracket looks for its partner, so that a line of a million '[' stays linear.
_MAX_LABEL = 1000
_MAX_URL = 4000


@dataclass(slots=True, frozen=True)
class Part:
    """A piece of an entry: offsets into the document text, and the text itself."""

    start: int
    end: int
    text: str


@dataclass(slots=True, frozen=True)
class Link:
    start: int
    end: int
    label: Part
    url: Part
    image: bool = False


@dataclass(slots=True, eq=False)
class Entry:
    """One paper (or one resource) of the list."""

    shape: str
    line: int
    start: int
    end: int
    body: Part
    section: Section
    key: Part | None = None
    key_open: Part | None = None
    key_close: Part | None = None
    title: Part | None = None
    year: Part | None = None
    year_open: Part | None = None
    year_close: Part | None = None
    links: list[Link] = field(default_factory=list)
    code_spans: list[tuple[int, int]] = field(default_factory=list)
    item: ListItem | None = None

    @property
    def key_text(self) -> str | None:
        return normalize_key(self.key.text) if self.key else None

    @property
    def title_text(self) -> str:
        return normalize_title(self.title.text) if self.title else ""

    @property
    def year_value(self) -> int | None:
        return int(self.year.text) if self.year and self.year.text.isdigit() else None

    def identity(self) -> tuple[str | None, str, int | None]:
        """What must survive every safe fix: the key, title and year in normal form."""
        return self.key_text, self.title_text, self.year_value

    def in_code(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.code_spans)


def read_entries(doc: Document) -> tuple[list[Entry], bool]:
    """The entries of the document's list items, and whether the list uses citation keys.

    A leading ``(token)`` is a key only when most entries have one; otherwise it is title text.
    """
    entries = [entry for item in doc.items if (entry := _entry_from_item(doc, item, keyed=True))]
    keyed = sum(1 for entry in entries if entry.key and _KEY_LIKE.fullmatch(entry.key.text))
    has_keys = bool(entries) and keyed * 2 >= len(entries)
    if not has_keys:
        entries = [
            _entry_from_item(doc, entry.item, keyed=False) or entry
            if entry.key is not None and entry.item is not None
            else entry
            for entry in entries
        ]
    return entries, has_keys


def _entry_from_item(doc: Document, item: ListItem, *, keyed: bool) -> Entry | None:
    """The entry a list item holds, or None for an empty item or a table-of-contents link."""
    if item.content_end <= item.content_start:
        return None
    text = doc.text
    body = Part(item.content_start, item.content_end, text[item.content_start : item.content_end])
    entry = Entry("list-item", item.line, item.start, item.end, body, item.section, item=item)
    entry.code_spans = list(_code_spans(text, body.start, body.end))
    entry.links = list(_links(text, body.start, body.end, entry.code_spans))
    if entry.links and all(link.url.text.startswith("#") for link in entry.links):
        return None
    _read_parts(text, entry, keyed=keyed)
    return entry


def _read_parts(text: str, entry: Entry, *, keyed: bool) -> None:
    at, end = entry.body.start, entry.body.end
    if keyed:
        at = _read_key(text, entry, at, end)
    title_end = _read_trailing_year(text, entry, at, end)
    first_link = next((link for link in entry.links if link.start >= at), None)
    if first_link is not None and first_link.start == at and not first_link.image:
        entry.title = first_link.label
        return
    if text.startswith("**", at):
        close = text.find("**", at + 2, title_end)
        if close > at + 2:
            entry.title = Part(at + 2, close, text[at + 2 : close])
            return
    if first_link is not None and first_link.start < title_end:
        title_end = first_link.start
    title_start, title_end = _strip(text, at, title_end)
    if title_end > title_start:
        entry.title = Part(title_start, title_end, text[title_start:title_end])


def _read_key(text: str, entry: Entry, at: int, end: int) -> int:
    """A leading ``(key)`` (ASCII or full-width parentheses); returns where the rest begins."""
    if at >= end or text[at] not in KEY_OPENERS:
        return at
    limit = min(end, at + _MAX_KEY_LENGTH + 2)
    close = at + 1
    while close < limit and text[close] not in KEY_CLOSERS and text[close] not in "(（\n":
        close += 1
    if close >= limit or text[close] not in KEY_CLOSERS:
        return at
    entry.key_open = Part(at, at + 1, text[at])
    entry.key = Part(at + 1, close, text[at + 1 : close])
    entry.key_close = Part(close, close + 1, text[close])
    return close + 1


def _read_trailing_year(text: str, entry: Entry, start: int, end: int) -> int:
    """A bracketed year closing the entry, ``[2021]`` or ``【2021】``; returns the title's end."""
    stop = _strip(text, start, end)[1]
    if stop - start < 6 or text[stop - 1] not in YEAR_CLOSERS:
        return end
    opener = stop - 6
    while opener > start and opener > stop - 10 and text[opener] not in YEAR_OPENERS:
        opener -= 1
    inner_start, inner_end = _strip(text, opener + 1, stop - 1)
    if text[opener] not in YEAR_OPENERS or not _YEAR.fullmatch(text, inner_start, inner_end):
        return end
    entry.year_open = Part(opener, opener + 1, text[opener])
    entry.year = Part(inner_start, inner_end, text[inner_start:inner_end])
    entry.year_close = Part(stop - 1, stop, text[stop - 1])
    return opener


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n":
        start += 1
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end


def _code_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Backtick code spans in ``text[start:end]``: a run of n backticks closed by a run of n."""
    at = text.find("`", start, end)
    while 0 <= at < end:
        run = at
        while run < end and text[run] == "`":
            run += 1
        fence = text[at:run]
        close = text.find(fence, run, end)
        while close >= 0 and close + len(fence) < end and text[close + len(fence)] == "`":
            close = text.find(fence, close + len(fence) + 1, end)
        if close < 0:
            at = text.find("`", run, end)
            continue
        yield at, close + len(fence)
        at = text.find("`", close + len(fence), end)


def _links(
    text: str, start: int, end: int, code_spans: Iterable[tuple[int, int]]
) -> Iterator[Link]:
    """Inline links ``[label](url)`` and images, outside code spans, with balanced brackets."""
    skip = sorted(code_spans)
    at = text.find("[", start, end)
    while 0 <= at < end:
        if any(s <= at < e for s, e in skip):
            at = text.find("[", at + 1, end)
            continue
        link = _link_at(text, at, end)
        if link is None:
            at = text.find("[", at + 1, end)
            continue
        yield link
        at = text.find("[", link.end, end)


def _link_at(text: str, at: int, end: int) -> Link | None:
    label_end = _matching(text, at, min(end, at + _MAX_LABEL), "[", "]")
    if label_end < 0 or label_end + 1 >= end or text[label_end + 1] != "(":
        return None
    url_end = _matching(text, label_end + 1, min(end, label_end + _MAX_URL), "(", ")")
    if url_end < 0:
        return None
    image = at > 0 and text[at - 1] == "!"
    url_start, url_stop = _strip(text, label_end + 2, url_end)
    url_text = text[url_start:url_stop]
    if " " in url_text:  # a title after the destination: [x](url "title")
        url_stop = url_start + url_text.index(" ")
        url_text = text[url_start:url_stop]
    label = Part(at + 1, label_end, text[at + 1 : label_end])
    return Link(at - image, url_end + 1, label, Part(url_start, url_stop, url_text), image)


def _matching(text: str, at: int, end: int, opener: str, closer: str) -> int:
    """Offset of the closer matching the opener at ``at``, honouring backslash escapes."""
    depth = 0
    index = at
    while index < end:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return index
        elif char == "\n" and index + 1 < end and text[index + 1] == "\n":
            return -1
        index += 1
    return -1
