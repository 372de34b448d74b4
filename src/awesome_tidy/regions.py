"""HTML regions: the Markdown between an HTML block that opens an element and the one closing it.

``<details>`` … ``</details>`` around a tutorial or a collapsed list is the common case: the
Markdown inside renders as usual, but it is the author's own box, with its own numbering and
its own indentation. Only elements opened and closed in different HTML blocks make a region
(``<p align="center">…</p>`` on one block holds no Markdown); an element never closed makes none.
"""

from __future__ import annotations

import re
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


def html_regions(doc: Document) -> list[Region]:
    """The regions of ``doc`` in the order they open; nested ones follow their parent."""
    text = doc.text
    opened: list[tuple[str, int, int]] = []  # tag, block index, block start
    regions: list[Region] = []
    blocks = [block for block in doc.blocks if block.kind == "html_block"]
    for index, block in enumerate(blocks):
        for match in _TAG.finditer(text, block.start, block.end):
            closing, tag, self_closing = match.group(1), match.group(2).lower(), match.group(3)
            if tag in _VOID or self_closing:
                continue
            if not closing:
                opened.append((tag, index, block.start))
                continue
            at = next((i for i in range(len(opened) - 1, -1, -1) if opened[i][0] == tag), None)
            if at is None:
                continue  # closes nothing we saw open: no region
            _, opened_in, start = opened[at]
            del opened[at:]  # elements left open inside it end with it
            if opened_in != index:
                regions.append(Region(tag, start, block.end))
    regions.sort(key=lambda region: region.start)
    return regions


def innermost(regions: list[Region], offset: int) -> Region | None:
    """The deepest region holding ``offset`` (regions in opening order)."""
    found = None
    for region in regions:
        if region.start > offset:
            break
        if offset in region:
            found = region
    return found
