"""Proof that an edit is only what its rule declared it may change (``rule.Capability``).

The fixer asks, for every edit of every fix it is about to apply, whether one of the rule's
capabilities covers it, read on the very text the edit applies to. Everything outside the edits
is kept by construction, so a fix that passes changed nothing but what it declared.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cached_property

from awesome_tidy.anchors import TableOfContents, TocLink
from awesome_tidy.document import Document, ListItem
from awesome_tidy.entries import Entry
from awesome_tidy.rule import Capability, Edit, Fix
from awesome_tidy.text import to_ascii_form

_BLANKS = str.maketrans("", "", " \t\n")
_BULLETS = ("-", "*", "+")
_SEPARATOR_MARKS = frozenset("-–—:：")
_SHOWN = 60
# What follows a scheme's "://" names an address; matching from the literal keeps it linear.
# A line a table of contents gains: a bullet item that is one in-page link, and nothing else.
_TOC_LINE = re.compile(r"[ \t>]*[-*+][ \t]+\[(?:[^\\\[\]\n]|\\.)+\]\((#[^\s()]+)\)")


_FULL_WIDTH_BRACKETS = frozenset("（）［］")

# Kinds whose proof reads only the characters an edit replaces (and positions fixed before the
# pass; a duplicate's first copy, which no proof may delete): an edit that meets such an edit
# cannot undo its proof, so both may share a pass.
LOCAL_KINDS = frozenset(
    (
        "whitespace",
        "width",
        "characters",
        "list-marker",
        "relevel-heading",
        "delete-duplicate-item",
    )
)


def shown(fragment: str) -> str:
    """A fragment quoted for a message, at most about 60 characters whatever its length."""
    if len(fragment) <= _SHOWN:
        return repr(fragment)
    return repr(fragment[: _SHOWN // 2]) + "…" + repr(fragment[-_SHOWN // 2 :])


class Verifier:
    """Checks edits against capabilities on one document; the indexes it needs are built on
    first use, once per document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.kinds: dict[int, set[str]] = {}
        """The kinds of capability that covered each fix found acceptable, by ``id(fix)``."""
        self._checks: dict[str, Callable[[Edit, str, Capability], bool]] = {
            "whitespace": self._whitespace,
            "width": self._width,
            "characters": self._characters,
            "repeat": self._repeat,
            "list-marker": self._list_marker,
            "separator": self._separator,
            "delete-duplicate-item": self._duplicate_item,
            "relevel-heading": self._relevel_heading,
            "rewrite-toc": self._rewrite_toc,
            "text": lambda edit, old, capability: True,
        }

    def violation(self, fix: Fix, declared: tuple[Capability, ...]) -> str | None:
        """Why ``fix`` is not what ``declared`` allows (a safe fix: the safe capabilities
        only), or None when every edit is covered."""
        allowed = [c for c in declared if c.safe or not fix.is_safe]
        if not allowed:
            return "a safe fix from a rule that declares no safe capability"
        kinds: set[str] = set()
        for edit in fix.edits:
            old = self.doc.text[edit.start : edit.end]
            kind = next((c.kind for c in allowed if self._covers(c, edit, old)), None)
            if kind is None:
                names = ", ".join(sorted({c.kind for c in allowed}))
                return f"{shown(old)} -> {shown(edit.text)} is not {names}"
            kinds.add(kind)
        self.kinds[id(fix)] = kinds
        return None

    def _covers(self, capability: Capability, edit: Edit, old: str) -> bool:
        check = self._checks.get(capability.kind)
        return check is not None and check(edit, old, capability)

    # -- indexes, each built on first use --------------------------------------------------------

    @cached_property
    def _items(self) -> dict[int, ListItem]:
        return {item.start: item for item in self.doc.items}

    @cached_property
    def _markers(self) -> set[int]:
        return {item.marker_start for item in self.doc.items if not item.ordered}

    @cached_property
    def _named_entries(self) -> tuple[list[int], list[Entry]]:
        """The entries with a name link, and the ends of those links, in document order."""
        entries = [entry for entry in self.doc.entries if entry.title_link is not None]
        entries.sort(key=lambda entry: entry.body.start)
        return [entry.body.start for entry in entries], entries

    @cached_property
    def _headings(self) -> set[tuple[int, int]]:
        return {(h.marker_start, h.marker_end) for h in self.doc.headings if not h.setext}

    @cached_property
    def _first_copies(self) -> dict[tuple[int, str], int]:
        """Where each text first stands among the children of one parent."""
        first: dict[tuple[int, str], int] = {}
        for item in self.doc.items:
            first.setdefault((id(item.parent), self.doc.item_text(item)), item.start)
        return first

    # -- one check per kind of capability ------------------------------------------------------

    def _whitespace(self, edit: Edit, old: str, capability: Capability) -> bool:
        return old.translate(_BLANKS) == edit.text.translate(_BLANKS)

    def _width(self, edit: Edit, old: str, capability: Capability) -> bool:
        """Each character in its other width: full-width to ASCII, or an ASCII bracket to the
        full-width form of a list that writes them so (``（SGD)`` mended to ``（SGD）``)."""
        ascii_form = "".join(map(to_ascii_form, old))
        if ascii_form != old:
            return ascii_form.translate(_BLANKS) == edit.text.translate(_BLANKS)
        new = edit.text.translate(_BLANKS)
        return (
            bool(new)
            and set(new) <= _FULL_WIDTH_BRACKETS
            and old == "".join(map(to_ascii_form, new))
        )

    def _characters(self, edit: Edit, old: str, capability: Capability) -> bool:
        if not edit.text:
            return bool(old) and all((char, "") in capability.chars for char in old)
        return len(old) == 1 and (old, edit.text) in capability.chars

    def _repeat(self, edit: Edit, old: str, capability: Capability) -> bool:
        """A run of one character shortened, a copy of it kept next to the edit or in it."""
        if not old or (old[0], "") not in capability.chars or old != old[0] * len(old):
            return False
        new, text = edit.text, self.doc.text
        if new:
            return new == old[0] * len(new) and len(new) < len(old)
        kept = (text[edit.start - 1 : edit.start], text[edit.end : edit.end + 1])
        return old[0] in kept

    def _list_marker(self, edit: Edit, old: str, capability: Capability) -> bool:
        return old in _BULLETS and edit.text in _BULLETS and edit.start in self._markers

    def _separator(self, edit: Edit, old: str, capability: Capability) -> bool:
        """After an entry's name link, in its text, one dash or colon for another."""
        marks = list(old.translate(_BLANKS))
        new_marks = list(edit.text.translate(_BLANKS))
        starts, entries = self._named_entries
        index = bisect_right(starts, edit.start) - 1
        if index < 0:
            return False
        entry = entries[index]
        assert entry.title_link is not None
        return (
            entry.title_link.end <= edit.start
            and edit.end <= entry.body.end
            and len(marks) == 1
            and len(new_marks) == 1
            and _SEPARATOR_MARKS.issuperset(marks + new_marks)
        )

    def _duplicate_item(self, edit: Edit, old: str, capability: Capability) -> bool:
        """A whole item, sub-items included, whose identical sibling comes before it (so the
        first copy of a text always stays)."""
        item = self._items.get(edit.start)
        if item is None or edit.text or edit.end != item.end:
            return False
        return self._first_copies[(id(item.parent), self.doc.item_text(item))] < item.start

    def _relevel_heading(self, edit: Edit, old: str, capability: Capability) -> bool:
        new = edit.text
        if not (old and set(old) == {"#"} and new and set(new) == {"#"} and len(new) <= 6):
            return False
        return (edit.start, edit.end) in self._headings

    def _rewrite_toc(self, edit: Edit, old: str, capability: Capability) -> bool:
        """A local edit of a table of contents that removes, moves and rewords nothing: the
        anchor of a link that reaches nothing becomes a heading's that no other line reaches,
        or whole lines are inserted, each one in-page link to a heading the table misses."""
        toc_link = self._toc_urls.get(edit.start)
        if toc_link is not None:
            table, link = toc_link
            return (
                not link.resolved
                and edit.end == link.link.url.end
                and self._new_heading(table, edit.text) is not None
            )
        holder = self._toc_at(edit.start)
        return holder is not None and not old and self._toc_lines(holder, edit)

    def _toc_lines(self, table: TableOfContents, edit: Edit) -> bool:
        text, at = self.doc.text, edit.start
        new = edit.text
        if new.startswith("\n") and (at == len(text) or text[at] == "\n"):
            lines = new[1:].split("\n")
        elif new.endswith("\n") and (at == 0 or text[at - 1] == "\n"):
            lines = new[:-1].split("\n")
        else:
            return False
        targets: set[int] = set()
        for line in lines:
            found = _TOC_LINE.fullmatch(line)
            target = self._new_heading(table, found.group(1)) if found else None
            if target is None or target in targets:
                return False
            targets.add(target)
        return True

    def _new_heading(self, table: TableOfContents, url: str) -> int | None:
        """The heading ``#anchor`` reaches when no line of ``table`` reaches it yet."""
        if not url.startswith("#"):
            return None
        _, target = self.doc.anchors.resolve(url)
        if target is None or any(toc_link.target == target for toc_link in table.links):
            return None
        return target

    @cached_property
    def _toc_urls(self) -> dict[int, tuple[TableOfContents, TocLink]]:
        return {
            toc_link.link.url.start: (table, toc_link)
            for table in self.doc.anchors.tables
            for toc_link in table.links
        }

    @cached_property
    def _toc_spans(self) -> tuple[list[int], list[tuple[int, TableOfContents]]]:
        spans = sorted(
            ((table.start, table.end(self.doc.text), table) for table in self.doc.anchors.tables),
            key=lambda span: span[0],
        )
        return [start for start, _, _ in spans], [(end, table) for _, end, table in spans]

    def _toc_at(self, offset: int) -> TableOfContents | None:
        """The table of contents whose text holds ``offset`` (its ends included)."""
        starts, ends = self._toc_spans
        index = bisect_right(starts, offset) - 1
        if index < 0 or offset > ends[index][0]:
            return None
        return ends[index][1]
