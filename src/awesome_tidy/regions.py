"""HTML regions: the Markdown between an HTML block that opens an element and the one closing it.

``<details>`` … ``</details>`` around a tutorial or a collapsed list is the common case: the
Markdown inside renders as usual, but it is the author's own box, with its own numbering and
its own indentation. Only elements opened and closed in different HTML blocks make a region
(``<p align="center">…</p>`` on one block holds no Markdown); an element never closed makes none.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesome_tidy.document import Document

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?(/?)>")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)


@dataclass(frozen=True, slots=True)
class Region:
    """An element's span, from the start of its opening block to the end of its closing one."""

    tag: str
    start: int
    end: int

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end


class Regions:
    """The regions of a document, and which one is innermost at an offset (in log time)."""

    def __init__(self, regions: list[Region]) -> None:
        # Outer first at a shared start; the stack that found them makes regions nest properly.
        self.regions = sorted(regions, key=lambda region: (region.start, -region.end))
        self._starts: list[int] = []
        self._owners: list[Region | None] = []
        stack: list[Region] = []
        for region in self.regions:
            while stack and stack[-1].end <= region.start:
                self._close(stack)
            stack.append(region)
            self._segment(region.start, region)
        while stack:
            self._close(stack)

    def _close(self, stack: list[Region]) -> None:
        ended = stack.pop()
        self._segment(ended.end, stack[-1] if stack else None)

    def _segment(self, at: int, owner: Region | None) -> None:
        """From ``at`` on, ``owner`` is the innermost region (until the next segment)."""
        if self._starts and self._starts[-1] == at:
            self._owners[-1] = owner
        else:
            self._starts.append(at)
            self._owners.append(owner)

    def __iter__(self) -> Iterator[Region]:
        return iter(self.regions)

    def __len__(self) -> int:
        return len(self.regions)

    def innermost(self, offset: int) -> Region | None:
        """The deepest region holding ``offset``, or None outside every region."""
        index = bisect_right(self._starts, offset) - 1
        return self._owners[index] if index >= 0 else None


def html_regions(doc: Document) -> Regions:
    """The regions of ``doc``."""
    text = doc.text
    opened: list[tuple[str, int, int]] = []  # tag, block index, block start
    # How many of each tag are open: a close tag nothing opened costs no search of the stack,
    # and each search removes what it passes, so the whole walk stays linear.
    open_tags: Counter[str] = Counter()
    regions: list[Region] = []
    blocks = [block for block in doc.blocks if block.kind == "html_block"]
    for index, block in enumerate(blocks):
        for match in _TAG.finditer(text, block.start, block.end):
            closing, tag, self_closing = match.group(1), match.group(2).lower(), match.group(3)
            if tag in _VOID or self_closing:
                continue
            if not closing:
                opened.append((tag, index, block.start))
                open_tags[tag] += 1
                continue
            if not open_tags[tag]:
                continue  # closes nothing we saw open: no region
            at = next(i for i in range(len(opened) - 1, -1, -1) if opened[i][0] == tag)
            _, opened_in, start = opened[at]
            open_tags.subtract(name for name, _, _ in opened[at:])
            del opened[at:]  # elements left open inside it end with it
            if opened_in != index:
                regions.append(Region(tag, start, block.end))
    return Regions(regions)
