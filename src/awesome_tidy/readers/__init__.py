"""The entry readers: how a list item, a table row or a paragraph becomes a candidate entry.

One reader per container (``item``, ``row``, ``paragraph``) takes a block's source span and
calls the field readers in the order the fields are written: ``lead`` (decoration, a citation
key, a venue link or date tag), ``title``, then ``tail`` (the closing year, the separator and
description, the year and venue). Where two readers find a year, ``decide`` picks one by the
precedence declared there. Which candidates are entries is decided afterwards, per group,
in ``entries``.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_tidy.readers.candidate import Candidate
from awesome_tidy.readers.item import item_candidates
from awesome_tidy.readers.paragraph import paragraph_candidates
from awesome_tidy.readers.row import row_candidates

if TYPE_CHECKING:
    from awesome_tidy.document import Document

__all__ = ["Candidate", "read_candidates"]


def read_candidates(doc: Document, *, keyed: bool) -> Iterator[Candidate]:
    """Every block that may be an entry, in source order."""
    rows = list(row_candidates(doc))
    paragraphs = list(paragraph_candidates(doc))
    items = item_candidates(doc, keyed=keyed)
    if not rows and not paragraphs:
        return items  # a list of list items only: nothing to merge them with, item by item
    return heapq.merge(items, rows, paragraphs, key=lambda candidate: candidate.entry.start)
