"""The paragraph reader: a bold title paragraph and the ``**Venue:**`` paragraphs after it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_tidy.inline import code_spans, emphasis_at, links, part, strip_span
from awesome_tidy.nodes import Entry, meta_section
from awesome_tidy.readers.candidate import Candidate, judge
from awesome_tidy.readers.lead import badges_of, is_symbol, skip_decoration
from awesome_tidy.readers.tail import read_field, read_rest
from awesome_tidy.readers.title import (
    FIELD_LABEL,
    entry_link_at,
    is_bold_tag,
    read_bold_title,
    read_title,
    titled,
)

if TYPE_CHECKING:
    from awesome_tidy.document import Document
    from awesome_tidy.nodes import Paragraph


# ``299、题目：[Title](url)，作者：Name``: a numbered paragraph (CJK enumeration comma), an optional
# short label, then the title link.
_CJK_NUMBERED = re.compile(r"\d{1,5}、[ \t]*(?:[^\s\[\]:：]{1,8}[:：][ \t]*)?")


def paragraph_candidates(doc: Document) -> Iterator[Candidate]:
    """``**Title** [[Paper](url)]`` paragraphs, with the ``**Venue:**`` and ``**Authors:**``
    paragraphs that follow them."""
    text = doc.text
    current: Candidate | None = None
    for paragraph in doc.paragraphs:
        if doc.in_comment(paragraph.start) or meta_section(paragraph.section):
            continue
        field = _field(text, paragraph)
        if field is not None:
            if current is not None and current.entry.section is paragraph.section:
                read_field(text, current.entry, *field)
            continue
        if current is not None:
            judge(text, current)
            yield current
        current = _paragraph_candidate(doc, paragraph)
    if current is not None:
        judge(text, current)
        yield current


def _paragraph_candidate(doc: Document, paragraph: Paragraph) -> Candidate | None:
    text = doc.text
    first = _skip_decoration_plain(text, paragraph)
    numbered = (
        _CJK_NUMBERED.match(text, first, paragraph.end)
        if text[first : first + 1].isdigit()
        else None
    )
    if numbered is None and emphasis_at(text, first, paragraph.end) is None:
        return None
    line_start = doc.line_start(paragraph.line)
    end = doc.next_line_start(paragraph.end)
    body = part(text, paragraph.start, paragraph.end)
    entry = Entry("paragraph", paragraph.line, line_start, end, body, paragraph.section)
    entry.code_spans = code_spans(text, body.start, body.end)
    entry.links = links(text, body.start, body.end, entry.code_spans)
    if numbered is not None:
        link = entry_link_at(text, entry, numbered.end())
        if link is None or link.image or not link.label.text.strip():
            return None
        entry.form = "link"
        entry.title = titled(text, link.label.start, link.label.end)
    else:
        at = skip_decoration(text, badges_of(entry), body.start, body.end)
        bold = emphasis_at(text, at, body.end)
        if bold is None:
            return None
        if is_bold_tag(text, *bold):  # ``**[34]** Authors. "Title"``: the title follows the tag
            read_title(text, entry, at, body.end)
        else:
            read_bold_title(text, entry, *bold)
    if entry.title is None:
        return None  # ``**[34]**`` and no title after the tag: a paragraph not understood
    read_rest(text, entry)
    _read_paragraph_authors(text, entry)
    return Candidate(entry, False, (id(paragraph.section), "paragraph"))


def _skip_decoration_plain(text: str, paragraph: Paragraph) -> int:
    at = paragraph.start
    while at < paragraph.end and (text[at].isspace() or is_symbol(text[at])):
        at += 1
    return at


def _read_paragraph_authors(text: str, entry: Entry) -> None:
    """``**Title** \\`` then ``*Authors* \\`` on the next line of the same paragraph."""
    assert entry.title is not None
    line_end = text.find("\n", entry.title.end, entry.body.end)
    if line_end < 0:
        return
    next_end = text.find("\n", line_end + 1, entry.body.end)
    start, end = strip_span(text, line_end + 1, next_end if next_end > 0 else entry.body.end)
    end = strip_span(text, start, end, " \t\\")[1]
    if end - start > 2 and text[start] in "*_" and text[end - 1] == text[start]:
        entry.authors = titled(text, start, end)


def _field(text: str, paragraph: Paragraph) -> tuple[str, int, int] | None:
    """``**Venue:** ICML 2023``: a label and the span of its value, or None."""
    bold = emphasis_at(text, paragraph.start, paragraph.end)
    if bold is None:
        return None
    label_end = bold[1] + 2
    label = text[bold[0] : bold[1]]
    if label.endswith((":", "：")):
        value_start = label_end
    elif text.startswith((":", "："), label_end):
        value_start, label = label_end + 1, label + ":"
    else:
        return None
    if not FIELD_LABEL.fullmatch(label):
        return None
    start, end = strip_span(text, value_start, paragraph.end)
    return label.rstrip(":：").strip().casefold(), start, end
