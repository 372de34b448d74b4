"""The one Markdown parser the model uses, and the newline normalisation it agrees with."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

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
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark").enable("table").disable("inline")
    return _PARSER
