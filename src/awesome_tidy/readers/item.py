"""The list-item reader: an item, with the attribute sub-items that describe it."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_tidy.inline import code_spans, links, part, strip_span, unwrap
from awesome_tidy.nodes import Entry, meta_section
from awesome_tidy.readers.candidate import Candidate, judge
from awesome_tidy.readers.decide import Found, decide, wants_year
from awesome_tidy.readers.lead import (
    badges_of,
    read_key,
    skip_code_tags,
    skip_decoration,
    skip_lead_date,
    skip_lead_groups,
)
from awesome_tidy.readers.tail import read_field, read_rest, read_trailing_year
from awesome_tidy.readers.title import TRIMMED_AFTER_TITLE, read_title
from awesome_tidy.urls import is_kind_label

if TYPE_CHECKING:
    from awesome_tidy.document import Document
    from awesome_tidy.nodes import ListItem, Section


_ATTRIBUTE = re.compile(r"[^\s\[\]()*`:：]{1,12}\s?[:：]")
# ``- [Models & Tools](#models--tools)``: a line of a table of contents.
# ``(key)Title[2021]``: a key of key characters, a title free of every mark a reader looks
# for, a four-digit year in brackets. Nothing else on the line.
# The title is matched greedily up to the year's '[' (it holds none): the spaces before the
# year are trimmed after, which is cheaper than a lazy match trying the year at every letter.
_KEYED_LINE = re.compile(
    r"\(([\w:./+\-]{1,80})\)[ \t]*([^\W_][^\[\]|<>*_`\\\"“\n]*)\[([12]\d{3})\]"
)
_CONTENTS_LINE = re.compile(r"\[[^\[\]\n]*\]\(#[^)\s]*\)\s*")
# ``* {Local Features} [Superpoint, 2018] Authors. "Title."``: a braced label of one to four
# words before the entry, the list's own category tag (like a leading ``[tag]``) where two or
# more items open with it. Read as the title, different papers of one category were one entry.
_BRACE_TAG = re.compile(r"\{([^\W_][\w'&.+-]*(?: [\w'&.+/-]+){0,3})\}[ \t]+(?=\S)")


def item_candidates(doc: Document, *, keyed: bool) -> Iterator[Candidate]:
    """Items in order; an item of ``label: value`` attributes lends its links to its parent."""
    by_item: dict[int, Candidate] = {}
    pending: list[Candidate] = []
    meta: dict[Section, bool] = {}
    items: Counter[int] = Counter()
    contents: Counter[int] = Counter()
    tags = _shared_brace_tags(doc)
    for item in doc.items:
        items[item.top_list] += 1
        if doc.text.startswith("[", item.content_start):
            contents[item.top_list] += bool(
                _CONTENTS_LINE.fullmatch(doc.text, item.content_start, item.content_end)
            )
        section = item.section
        if section not in meta:
            meta[section] = meta_section(section)
        if meta[section] or doc.in_comment(item.start):
            continue
        parent = by_item.get(id(item.parent)) if item.parent is not None else None
        if parent is not None and _is_field_of_parent(doc.text, item):
            _lend_attribute(doc, item, parent.entry)
            parent.fields = True
            continue
        candidate = _item_candidate(doc, item, tags, keyed=keyed)
        if candidate is not None:
            by_item[id(item)] = candidate
            pending.append(candidate)
    for candidate in pending:
        top_list = candidate.entry.item.top_list if candidate.entry.item else 0
        if contents[top_list] * 2 > items[top_list]:
            continue  # a menu's one outside link (``[Timeline](https://...)``) is no entry
        judge(doc.text, candidate)
        yield candidate


def _shared_brace_tags(doc: Document) -> frozenset[str]:
    """The braced labels (``{Local Features}``) that open items as category tags: each one
    that opens two or more items, and then every other too, since the list has the habit."""
    text = doc.text
    found: Counter[str] = Counter()
    for item in doc.items:
        if text.startswith("{", item.content_start):
            tag = _BRACE_TAG.match(text, item.content_start, item.content_end)
            if tag is not None:
                found[tag.group(1)] += 1
    if all(count == 1 for count in found.values()):
        return frozenset()
    return frozenset(found)


def _item_candidate(
    doc: Document, item: ListItem, tags: frozenset[str], *, keyed: bool
) -> Candidate | None:
    if item.content_end <= item.content_start:
        return None
    text = doc.text
    body = part(text, item.content_start, item.content_end)
    entry = Entry("list-item", item.line, item.start, item.end, body, item.section, item=item)
    if keyed and read_keyed_line(text, entry):
        _read_item_authors(text, item, entry)
        return Candidate(entry, False, (id(item.section), "list-item", item.depth))
    entry.code_spans = code_spans(text, body.start, body.end)
    entry.links = links(text, body.start, body.end, entry.code_spans)
    if entry.links and all(link.url.text.startswith("#") for link in entry.links):
        return None  # a table-of-contents line
    _read_lead_and_rest(text, entry, keyed=keyed, tags=tags)
    _read_item_authors(text, item, entry)
    return Candidate(entry, False, (id(item.section), "list-item", item.depth))


def _is_field_of_parent(text: str, item: ListItem) -> bool:
    """A sub-item that describes its parent rather than being an entry of its own.

    ``* 地址：https://...`` (a ``label: value`` attribute), or nothing but links whose labels say
    what they are: ``- [paper](url)``, ``- [Code](url) | [Project](url)``.
    """
    start, end = item.content_start, item.content_end
    if _ATTRIBUTE.match(text, start, end):
        return True
    found = links(text, start, end, code_spans(text, start, end))
    if not found or not all(is_kind_label(link.label.text) for link in found):
        return False
    gaps = [text[start : found[0].start]]
    gaps += [text[a.end : b.start] for a, b in itertools.pairwise(found)]
    gaps.append(text[found[-1].end : end])
    return not any(char.isalnum() for gap in gaps for char in gap)


def _lend_attribute(doc: Document, item: ListItem, owner: Entry) -> None:
    """Its links, and the venue and year of a ``Publisher: ICLR 2024`` attribute."""
    text = doc.text
    start, end = item.content_start, item.content_end
    spans = code_spans(text, start, end)
    owner.links.extend(links(text, start, end, spans))
    attribute = _ATTRIBUTE.match(text, start, end)
    if attribute is not None and wants_year(owner, "attribute"):
        label = text[start : attribute.end() - 1].strip().casefold()
        read_field(text, owner, label, *strip_span(text, attribute.end(), end), how="attribute")


def _read_item_authors(text: str, item: ListItem, entry: Entry) -> None:
    """An ``*Authors.*`` paragraph of its own under the title, as in thunlp/GNNPapers."""
    stop = item.children_start if item.children_start is not None else item.end
    start, end = strip_span(text, item.content_end, stop)
    if end - start > 2 and text[start] in "*_" and text[end - 1] == text[start]:
        inner_start, inner_end = unwrap(text, start, end)
        if inner_end > inner_start:
            entry.authors = part(text, inner_start, inner_end)


def read_keyed_line(text: str, entry: Entry) -> bool:
    """``(key)Title[2021]``, the reference list's own shape, read in one match.

    Performance (issue 10.5): most entries of a keyed list are this line and nothing else, and
    the general readers (links, code, decoration, tags, title stops) find exactly these three
    parts in it. The match admits only lines where they would: no link, code, emphasis, HTML or
    quote, a title that opens with a letter or digit, and no ending the title readers trim.
    """
    body = entry.body
    match = _KEYED_LINE.fullmatch(text, body.start, body.end)
    if match is None or match.group(1).isdigit() or "://" in body.text:
        return False
    title_end = match.end(2)
    while text[title_end - 1] in " \t":
        title_end -= 1
    if (
        text[title_end - 1] in TRIMMED_AFTER_TITLE
        or text[title_end - 3 : title_end].casefold() == " in"
    ):
        return False
    key_start, key_end = match.span(1)
    entry.key_open = part(text, key_start - 1, key_start)
    entry.key = part(text, key_start, key_end)
    entry.key_close = part(text, key_end, key_end + 1)
    entry.title = part(text, match.start(2), title_end)
    year_start, year_end = match.span(3)
    year_open, year_close = (
        part(text, year_start - 1, year_start),
        part(text, year_end, year_end + 1),
    )
    decide(
        entry,
        Found("closing-bracket", part(text, year_start, year_end), None, year_open, year_close),
    )
    return True


def _read_lead_and_rest(
    text: str, entry: Entry, *, keyed: bool, tags: frozenset[str] = frozenset()
) -> None:
    at, end = entry.body.start, entry.body.end
    badges = badges_of(entry)
    at = skip_decoration(text, badges, skip_code_tags(text, entry, at, end), end)
    if tags and (tag := _BRACE_TAG.match(text, at, end)) is not None and tag.group(1) in tags:
        at = skip_decoration(text, badges, tag.end(), end)
    if keyed and (key_end := read_key(text, entry, at, end)) != at:
        at = skip_decoration(text, badges, key_end, end)
    at = skip_lead_groups(text, entry, at, end)
    at = skip_lead_date(text, entry, at, end)
    title_end = read_trailing_year(text, entry, at, end)
    read_title(text, entry, at, title_end)
    read_rest(text, entry)
