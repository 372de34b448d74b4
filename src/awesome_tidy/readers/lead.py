"""What comes before an entry's title: decoration, a citation key, a venue link, a date tag."""

from __future__ import annotations

import re
import unicodedata

from awesome_tidy.inline import WORD, Part, html_tags, link_at, matching, part, unwrap
from awesome_tidy.metadata import find_year, venue_around, venue_year_tag
from awesome_tidy.nodes import KEY_CLOSERS, KEY_LIKE, KEY_OPENERS, Entry
from awesome_tidy.readers.decide import Found, decide, wants_venue, wants_year
from awesome_tidy.urls import is_kind_label

# A bracketed number numbers a reference (``**[34]** Authors. "Title"``); a list's numbering
# restarts per section, so two papers share it. A citation key names one paper: it has a letter.
_REFERENCE_NUMBER = re.compile(r"\s*\d+\s*")
_MAX_KEY_LENGTH = 80
# What ends a key: its closer, or an opener or line end that says it is none.
_KEY_STOP = re.compile("[" + re.escape(KEY_CLOSERS + "(（[\n") + "]")
_MAX_LEAD_LABEL_WORDS = 4
# ``(Relational Representation Learning, NIPS 2018)``: a workshop's name and its venue's year.
_MAX_DATE_TAG_WORDS = 6
# ``:fire: **Title**``: GitHub renders a shortcode as its emoji, decoration like ``🔥`` itself.
_SHORTCODE = re.compile(r":[a-z0-9_+-]{1,40}:(?=\s)")
# What joins code-span tags before a title: ```Pre-training`- `Text` ``, ```Text + Molecule` ``.
_TAG_JOINERS = " \t-–—+|/,;"
_MAX_EMPHASIS = 3


def badges_of(entry: Entry) -> dict[int, int]:
    """Where each badge of the entry starts, and where it ends."""
    return {link.start: link.end for link in entry.links if link.kind == "badge"}


def skip_decoration(text: str, badges: dict[int, int], at: int, end: int) -> int:
    """Skip what comes before the title without being part of it: spaces, emoji, badges, HTML."""
    while at < end:
        char = text[at]
        # (a letter or digit is neither space nor symbol: the usual first character, tested first)
        if not char.isalnum() and (char.isspace() or is_symbol(char) or text.startswith("~~", at)):
            at += 2 if char == "~" else 1
            continue
        skip = badges.get(at) or (_tag_end(text, at) if char == "<" else None)
        if skip is None and char == ":" and (shortcode := _SHORTCODE.match(text, at, end)):
            skip = shortcode.end()
        if skip is None:
            return at
        at = skip
    return at


def _tag_end(text: str, at: int) -> int | None:
    for start, stop in html_tags(text, at, min(len(text), at + 400)):
        if start == at:
            return stop
    return None


def is_symbol(char: str) -> bool:
    """Emoji and pictographs that decorate a title: ``🔥``, ``🌟`` (not letters or brackets)."""
    # (not the backtick, "Sk" too: it opens a code span, and one skipped left its closer in the
    # title, ``graph-kit` is a library``)
    return char != "`" and unicodedata.category(char) in ("So", "Sk", "Cf", "Mn")


def read_key(text: str, entry: Entry, at: int, end: int) -> int:
    """A leading ``(key)`` (ASCII or full-width), ``[KEY]`` or ``**[KEY]**``; returns where the
    rest begins."""
    if text.startswith(("**[", "__["), at):
        marker = text[at : at + 2]
        close = read_key(text, entry, at + 2, end)
        if close > at + 2 and text.startswith(marker, close):
            return close + 2
        entry.key_open = entry.key = entry.key_close = None
        return at
    if at >= end or text[at] not in KEY_OPENERS:
        return at
    stop = _KEY_STOP.search(text, at + 1, min(end, at + _MAX_KEY_LENGTH + 2))
    if stop is None or text[stop.start()] not in KEY_CLOSERS:
        return at
    close = stop.start()
    if _REFERENCE_NUMBER.fullmatch(text, at + 1, close):
        return at  # ``[34]``, ``(34)``: the number of a reference, shared by unrelated papers
    if text[at] == "[" and (
        text[close] != "]"
        or text[close + 1 : close + 2] == "("
        or not KEY_LIKE.fullmatch(text, at + 1, close)
        or not any(char.isalpha() for char in text[at + 1 : close])
    ):
        return at  # a link, or a bracketed title: not a key
    if venue_year_tag(text[at + 1 : close]):
        return at  # ``[CVPR2019]``: a venue and its year, shared by the venue's papers
    entry.key_open = Part(at, at + 1, text[at])
    entry.key = Part(at + 1, close, text[at + 1 : close])
    entry.key_close = Part(close, close + 1, text[close])
    return close + 1


def skip_lead_groups(text: str, entry: Entry, at: int, end: int) -> int:
    """``[[ICLR](url)] [293:fire:] Title``: a venue link and counters before a plain title."""
    while at < end and text[at] == "[" and text.startswith("[", at + 1):
        close = matching(text, at, end, "[", "]")
        if close < 0:
            return at
        if text[close + 1 : close + 2] == "(":  # [[NeurIPS]](url): a bracketed short label
            link = link_at(text, at, end)
            label = (at + 2, close - 1)
            short = len(WORD.findall(text, *label)) <= _MAX_LEAD_LABEL_WORDS
            stop = link.end if link is not None and short else -1
        else:
            inner = link_at(text, at + 1, close)
            label = (inner.label.start, inner.label.end) if inner is not None else (0, 0)
            stop = close + 1 if inner is not None and inner.end == close else -1
        if stop < 0:
            return at
        label_start, label_end = unwrap(text, *label)
        if label_end > label_start:
            decide(entry, Found("lead-link", venue=part(text, label_start, label_end)))
        at = _skip_counters(text, stop, end)
    return at


def skip_lead_date(text: str, entry: Entry, at: int, end: int) -> int:
    """``(*NeurIPS'23*) Title``, ``(NeurIPS 2023) Title``: a venue and year before the title."""
    if not text.startswith("(", at):
        return at
    close = matching(text, at, min(end, at + 60), "(", ")")
    if close < 0 or not read_date_tag(text, entry, at + 1, close, "lead-tag"):
        return at
    after = skip_spaces(text, close + 1, end)
    return after if after < end else at


def read_date_tag(text: str, entry: Entry, start: int, end: int, how: str) -> bool:
    """Whether ``text[start:end]`` is a short venue-and-year tag; if so, read it (once): its
    venue goes with its year."""
    if len(WORD.findall(text, start, end)) > _MAX_DATE_TAG_WORDS:
        return False
    year = find_year(text, start, end)
    if year is None:
        return False
    if wants_year(entry, how):
        venue = venue_around(text, start, end, year) if wants_venue(entry, how) else None
        decide(entry, Found(how, year, venue))
    return True


def skip_code_tags(text: str, entry: Entry, at: int, end: int) -> int:
    """```Pre-training`- `Text` [PubMed](url)``, ```Text` *`Arxiv 2025`* **[Title](url)**``: a
    run of code-span tags before a linked or bold title holds labels that many entries of the
    list share (a stage, a modality, a venue), never the title: read as the title, two data sets
    of one category were one entry. Dated tags date the entry. Before anything else only a
    dated tag is skipped (``skip_code_date``): a code span may be the entry's name."""
    tags, after = _code_tag_run(text, entry, at, end)
    if not tags:
        return at
    if not _opens_marked_title(text, entry, after):
        return skip_code_date(text, entry, at, end)
    for start, stop in tags:
        read_date_tag(text, entry, start, stop, "lead-tag")
    return after


def _code_tag_run(text: str, entry: Entry, at: int, end: int) -> tuple[list[tuple[int, int]], int]:
    """The code spans (bare or in emphasis: ``*`ICML 2021`*``) from ``at`` on, joined by spaces
    and marks (``-``, ``+``, ``|``, ``/``, ``,``); and where the run ends."""
    spans = {span[0]: span for span in entry.code_spans}
    tags: list[tuple[int, int]] = []
    after = at
    while after < end:
        marks = 0
        while marks < _MAX_EMPHASIS and text[after + marks : after + marks + 1] in ("*", "_"):
            marks += 1
        span = spans.get(after + marks)
        wrap = text[after : after + marks]
        if span is None or not text.startswith(wrap, span[1]):
            break
        tags.append(span)
        after = span[1] + marks
        while after < end and text[after] in _TAG_JOINERS:
            after += 1
    return tags, after


def _opens_marked_title(text: str, entry: Entry, at: int) -> bool:
    """Whether a bold run or a link (not an image, not ``[paper]``) opens at ``at``."""
    if text.startswith(("**", "__"), at):
        return True
    link = next((link for link in entry.links if link.start == at), None)
    return link is not None and not link.image and not is_kind_label(link.label.text)


def skip_code_date(text: str, entry: Entry, at: int, end: int) -> int:
    """```2023` Title``, ```CVPR 2021` Title``: a date in a code span before the title is a tag
    that dates the entry (a code span without a date may be the entry's name: it stays)."""
    if not text.startswith("`", at):
        return at
    span = next((span for span in entry.code_spans if span[0] == at), None)
    if span is None:
        return at
    after = skip_spaces(text, span[1], end)
    if after >= end or not read_date_tag(text, entry, *span, "lead-tag"):
        return at
    return after


def _skip_counters(text: str, at: int, end: int) -> int:
    """``[293:fire:]`` and ``[1k:fire:]`` after a venue link: star counts, not the title."""
    at = skip_spaces(text, at, end)
    while at < end and text[at] == "[":
        close = matching(text, at, min(end, at + 40), "[", "]")
        if close < 0 or ":" not in text[at:close] or " " in text[at:close]:
            return at
        at = skip_spaces(text, close + 1, end)
    return at


def skip_spaces(text: str, at: int, end: int) -> int:
    while at < end and text[at] in " \t":
        at += 1
    return at
