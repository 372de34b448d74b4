"""What follows the title: the closing year, the separator and description, year, venue, byline."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from awesome_tidy.inline import WORD, Part, html_tags, part, runs_outside, strip_span
from awesome_tidy.metadata import (
    ET_AL,
    SLOT_YEAR,
    UNKNOWN_YEAR,
    expand_year,
    find_year,
    is_date,
    named_by_venue,
    venue_around,
)
from awesome_tidy.nodes import YEAR_CLOSERS, YEAR_OPENERS, Entry
from awesome_tidy.readers.decide import Found, decide, wants_venue, wants_year
from awesome_tidy.readers.lead import skip_spaces
from awesome_tidy.text import ARROW, is_cjk

# A description is read for a year only when it is as short as a venue line: "KDD 2017."
_MAX_DESCRIPTION_WORDS_FOR_YEAR = 8
_MAX_TAG_WORDS = 3
_SEPARATORS = "-–—:："
# ``[Title](url), Authors et al., Venue Year``: a comma or period before a space separates too.
_WORD_SEPARATORS = (", ", ". ")
# ``[Title](url) by Jane Doe, 2018.``: a description that names the authors and the year.
_BYLINE = re.compile(r"by\s", re.IGNORECASE)
# What may follow a year that ends a line: a month and day, closing punctuation, and the tags
# and links the list closes its credit lines with (``(2018) [Reinforcement learning]``,
# ``(2021). [Dataset](url)``).
_LINE_END_AFTER_YEAR = re.compile(
    r"(?:[./-]\d{1,2}){0,2}[ \t.,;)\]*_]*"
    r"(?:\[[^\]\n]*\](?:\([^)\n]*\))?[ \t.,;*_]*)*(?:\n|$)"
)
# ``Yuri Nesterov; _Unknown_``: the last field of a credit line under the title, after a comma
# or semicolon, maybe in emphasis, where the list writes the year (``Jane Doe; 2021``).
_LAST_FIELD = re.compile(r"[;,][ \t]*(?P<mark>[*_]{0,2})(?P<field>[^\n;,*_]{1,12})(?P=mark)[ \t]*$")
# ``[SIGMOD 23]``, ``[VLDB 25 Tutorial]``, ``[aiDM 20]``: a venue tag with a two-digit year and
# maybe the track (``Tutorial``, ``Workshop``, ``Findings``). The venue is a word with a capital
# after its first letter, as acronyms are: ``[Top 10]`` and ``[Part 2]`` are no tags.
_VENUE_TAG = re.compile(
    r"\[[ \t]*(?P<venue>[A-Za-z][a-z]*[A-Z][A-Za-z]*)[ \u00a0](?P<year>\d\d)"
    r"(?P<track>[ \u00a0][A-Za-z]+)?[ \t]*\]"
)
# What joins two names that share a description: `` and ``, ``, ``, ``, and ``, `` & ``.
_JOINER = re.compile(r",?[ \t]+(?:and|&)[ \t]+|,[ \t]*")
# A reference-style badge after a description: ``![Freeware][Freeware Icon]``.
_REFERENCE_IMAGE = re.compile(r"!\[[^\]]*\]\[[^\]]*\]")


def read_trailing_year(text: str, entry: Entry, start: int, end: int) -> int:
    """A bracketed year closing the entry, ``[2021]`` or ``【2021】``; returns the title's end."""
    stop = strip_span(text, start, end)[1]
    if stop - start < 6 or text[stop - 1] not in YEAR_CLOSERS:
        return end
    opener = stop - 6
    while opener > start and opener > stop - 10 and text[opener] not in YEAR_OPENERS:
        opener -= 1
    if text[opener] not in YEAR_OPENERS:
        return end
    inner_start, inner_end = strip_span(text, opener + 1, stop - 1)
    if not SLOT_YEAR.fullmatch(text, inner_start, inner_end):
        return end
    year = Part(inner_start, inner_end, text[inner_start:inner_end])
    year_open = Part(opener, opener + 1, text[opener])
    year_close = Part(stop - 1, stop, text[stop - 1])
    decide(entry, Found("closing-bracket", year, year_open=year_open, year_close=year_close))
    return opener


def closing_venue_tag(text: str, entry: Entry) -> re.Match[str] | None:
    """The venue tag with a two-digit year that closes the entry (``[VLDB 25 Tutorial]``), if
    any, whatever its venue: a list that dates its entries so tells it from a count. Badges
    after it (a star count) do not move it."""
    stop = _before_badges(text, entry, entry.body.start, entry.body.end)
    opener = text.rfind("[", entry.body.start, stop) if text.startswith("]", stop - 1) else -1
    return _VENUE_TAG.fullmatch(text, opener, stop) if opener >= 0 else None


def read_venue_tag(text: str, entry: Entry, tag: re.Match[str]) -> None:
    """Date the entry by its closing venue tag, where its group dates its entries so."""
    venue_end = tag.end("track") if tag.group("track") else tag.end("venue")
    year = part(text, *tag.span("year"))
    venue = venue_around(text, tag.start("venue"), venue_end, year)
    decide(entry, Found("tail", year, venue))


def dated_by_venue_tag(text: str, entry: Entry) -> bool:
    """Whether the entry's year is the two digits of the venue tag that closes it."""
    if entry.year is None or len(entry.year.text) != 2:
        return False
    tag = closing_venue_tag(text, entry)
    return tag is not None and tag.start("year") == entry.year.start


def read_rest(text: str, entry: Entry) -> None:
    """Year, venue, and for ``[Name](url) - Description`` items the separator and description."""
    title = entry.title
    if title is None:
        return
    tail_start = _after_title(text, entry)
    prose = byline = False
    if entry.form == "link" and entry.title_link is not None:
        _read_description(text, entry, tail_start)
        description = entry.description
        byline = description is not None and _BYLINE.match(description.text) is not None
        prose = description is not None and not byline and not _venue_like(text, entry, description)
    if wants_year(entry, "tail"):
        _read_year_and_venue(text, entry, tail_start, entry.body.end, prose=prose)
    if byline:
        _read_byline(text, entry)


def _after_title(text: str, entry: Entry) -> int:
    assert entry.title is not None
    link = entry.title_link
    at = link.end if link is not None else entry.title.end
    if link is not None and text[link.start - 1 : link.start] == "<":
        at += text.startswith(">", at)  # the closing bracket of ``<[Title](url)>``
    while at < entry.body.end and text[at] in "*_~":
        at += 1
    return at


def _read_byline(text: str, entry: Entry) -> None:
    """``by Jane Doe and John Roe, 2018.``: the authors and the year, and no venue."""
    assert entry.description is not None
    start = entry.description.start + 2
    end = entry.year.start if entry.year is not None else entry.description.end
    start, end = strip_span(text, start, end, " \t,.")
    entry.venue = entry.venue_how = None
    if end > start:
        entry.authors = part(text, start, end)


def _read_description(text: str, entry: Entry, at: int) -> None:
    end = entry.body.end
    at = _after_joined_names(text, entry, at)
    start = skip_spaces(text, at, end)
    sep_end = start
    arrow = ARROW.match(text, sep_end, end)
    if arrow is not None:
        sep_end = skip_spaces(text, arrow.end(), end)
    elif (sep_end < end and text[sep_end] in _SEPARATORS) or text.startswith(
        _WORD_SEPARATORS, sep_end, end
    ):
        sep_end = skip_spaces(text, sep_end + 1, end)
    if at < sep_end:
        entry.separator = part(text, at, sep_end)
    desc_start, desc_end = strip_span(text, sep_end, _before_badges(text, entry, sep_end, end))
    if desc_end > desc_start and not _only_links(text, entry, desc_start, desc_end):
        entry.description = part(text, desc_start, desc_end)
    elif entry.separator is not None and not entry.separator.text.strip():
        entry.separator = None  # only badges or links follow the name: nothing to separate


def _after_joined_names(text: str, entry: Entry, at: int) -> int:
    """Past the names joined to the title, where a head of several names ends: ``[A](u) and
    [B](v) - Text``, ``[A](u), [B](v), and [C](w) - Text`` share one separator and description."""
    following = {link.start: link.end for link in entry.links}
    while True:
        joiner = _JOINER.match(text, at, entry.body.end)
        if joiner is None or joiner.end() not in following:
            return at
        at = following[joiner.end()]


def _only_links(text: str, entry: Entry, start: int, end: int) -> bool:
    """``[Title](url)  [[Code 💻](url)]``: the paper's other links, not a description."""
    if text[start] != "[":
        return False
    runs = _outside_links(entry, start, end)
    return not any(
        char.isalnum() for run_start, run_end in runs for char in text[run_start:run_end]
    )


def _outside_links(entry: Entry, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The stretches of ``[start, end)`` that none of the entry's links covers."""
    inside = [(link.start, link.end) for link in entry.links if start <= link.start < end]
    return runs_outside(start, end, inside)


def _before_badges(text: str, entry: Entry, start: int, end: int) -> int:
    """Where a description's text ends: before the badges and icons that trail it, and the short
    bold or code tags among and after them (``exploration. ![Techno](badge) **RDF**``): those are
    the item's marks, not words of its description. A tag with no badge before it (``A parser
    for **RDF**``) may be the sentence's last word, and stays."""
    badges = {link.end: link.start for link in entry.links if link.kind == "badge"}
    cut = at = strip_span(text, start, end)[1]
    while True:
        at = strip_span(text, start, at)[1]
        if at in badges:
            at = cut = badges[at]
            continue
        image = text.rfind("![", start, at) if text[at - 1 : at] == "]" else -1
        if image >= 0 and _REFERENCE_IMAGE.fullmatch(text, image, at):
            at = cut = image
            continue
        # A tag ends in its closing mark: elsewhere the search would scan the description.
        tag = _TAG.search(text, start, at) if text[at - 1 : at] in ("*", "_", "`") else None
        if tag is None:
            return strip_span(text, start, cut)[1]
        at = tag.start()


# A short bold or code tag, three words at most: ``**RDF**``, ```GPU```, ``__beta__``.
_TAG = re.compile(r"(\*\*|__|`)[^\s*_`]+(?: [^\s*_`]+){0,2}\1\Z")


def _venue_like(text: str, entry: Entry, description: Part) -> bool:
    """``KDD 2017.``, ``, Li et al., Arxiv 2021 | [bibtex](url)``: a description short enough
    to be the paper's venue line, its links not counted."""
    if len(WORD.findall(description.text)) <= _MAX_DESCRIPTION_WORDS_FOR_YEAR:
        return True
    runs = _outside_links(entry, description.start, description.end)
    words = sum(len(WORD.findall(text, *run)) for run in runs)
    return words <= _MAX_DESCRIPTION_WORDS_FOR_YEAR


def _read_year_and_venue(
    text: str, entry: Entry, start: int, end: int, *, prose: bool = False
) -> None:
    """The first year after the title, and the venue words around it; in a description of
    running text only a year a venue names (``Reject by ICLR 2018, but ...``) or one that ends a
    line of its own below the title (``Jane Doe, John Roe. 2021.10``)."""
    holes = holes_of(text, entry, start, end)
    year = find_year(text, start, end, holes)
    if year is None:
        entry.year_unknown = _year_slot_unknown(text, entry, start, end)
        return
    if (prose or _future_in_words(entry, year)) and not (
        named_by_venue(text, year)
        or _ends_a_later_line(text, entry, year)
        or _in_brackets_after_title(text, start, year)
    ):
        return
    venue = None
    if wants_venue(entry, "tail"):
        venue = _venue_past_dates(text, entry, year, start, end, holes)
    decide(entry, Found("tail", year, venue))


def _year_slot_unknown(text: str, entry: Entry, start: int, end: int) -> bool:
    """Whether a credit line below the title closes with the year's slot answered in words
    (``Yuri Nesterov; _Unknown_``, ``Jane Doe, n.d.``): the list says it does not know the year,
    in the place it writes it."""
    stop = strip_span(text, start, end)[1]
    line = text.rfind("\n", start, stop) + 1
    if line <= entry.body.start:
        return False  # the title's own line: a closing ``, N/A`` there is no year slot
    field = _LAST_FIELD.search(text, line, stop)
    words = field["field"].strip().casefold() if field is not None else ""
    return words in UNKNOWN_YEAR or words.rstrip(".") in UNKNOWN_YEAR


def _future_in_words(entry: Entry, year: Part) -> bool:
    """A year after next inside a description of running text (``预测到2045年市场规模``, ``By
    2090 most farms will run robots``): a forecast the text speaks of, not the entry's date.
    Running text here is more words than a tag; in a script without spaces (Chinese, Japanese)
    a sentence is one "word", so each of its characters counts as one. A venue's year in a
    short description (``- ICLR 2091.``, a slip) is still read, and reported."""
    description = entry.description
    return (
        description is not None
        and description.start <= year.start < description.end
        and expand_year(year.text) > datetime.date.today().year + 1
        and len(WORD.findall(description.text)) + sum(map(is_cjk, description.text))
        > _MAX_TAG_WORDS
    )


def _in_brackets_after_title(text: str, start: int, year: Part) -> bool:
    """``[Name](url) (2022-2024) - Description``, ``(Jan 2021)``: a year in the brackets that
    follow the title, before the description's words."""
    opener = skip_spaces(text, start, year.start)
    if opener >= year.start or text[opener] not in "([":
        return False
    closer = ")" if text[opener] == "(" else "]"
    return closer not in text[opener + 1 : year.start] and text.find(closer, year.end) >= 0


def _ends_a_later_line(text: str, entry: Entry, year: Part) -> bool:
    """A year (``2021``, ``2021.10``) that closes the authors' line under the entry's title."""
    return text.find("\n", entry.body.start, year.start) >= 0 and bool(
        _LINE_END_AFTER_YEAR.match(text, year.end, entry.body.end)
    )


def _venue_past_dates(
    text: str, entry: Entry, year: Part, start: int, end: int, holes: list[tuple[int, int]]
) -> Part | None:
    """The venue around ``year``, or around a later year where the first one's is a date:
    ``[24th Jul., 2023] [arXiv, 2023]``."""
    found: Part | None = year
    while found is not None:
        segment = _segment_around(text, entry, found, start, end)
        venue = venue_around(text, *segment, found, holes)
        if venue is None or not is_date(venue.text):
            return venue
        found = find_year(text, segment[1], end, holes)
    return None


def holes_of(text: str, entry: Entry, start: int, end: int) -> list[tuple[int, int]]:
    """What a year is never read from: URLs, code, HTML, badges and long link labels."""
    holes = list(entry.code_spans)  # in any order: what reads them sorts them
    for link in entry.links:
        holes.append((link.url.start, link.url.end))
        if link.kind == "badge":
            holes.append((link.start, link.end))
        if len(link.label.text) >= 40 and not link.label.text.startswith("["):
            holes.append((link.label.start, link.label.end))
    holes += html_tags(text, start, end)
    return holes


def _segment_around(text: str, entry: Entry, year: Part, start: int, end: int) -> tuple[int, int]:
    """The label or line stretch that holds the year: where its venue words are."""
    label = label_around(entry, year)
    if label is not None:
        return label
    left = max(
        (text.rfind(mark, start, year.start) for mark in ("[", "|", "\n", "(", ")", "]", "*")),
        default=-1,
    )
    rights = [text.find(mark, year.end, end) for mark in ("[", "|", "\n", "]", ",", "*")]
    right = min((index for index in rights if index >= 0), default=end)
    sentence = text.rfind(". ", left + 1, year.start)
    if sentence >= 0:
        left = sentence + 1  # ``Jane Doe, John Roe. 2021``: the authors end with their sentence
    comma = text.rfind(",", left + 1, year.start)
    if comma >= 0 and WORD.search(text, comma, year.start):
        left = comma  # ``Mildenhall et al., ECCV 2020``: the authors end at the comma
    elif text.find("al", left + 1, year.start) >= 0:
        for authors in ET_AL.finditer(text, left + 1, year.start):
            left = authors.end()  # ``Mildenhall et al., 2020``: authors, and no venue
    return max(left + 1, start), right


def label_around(entry: Entry, year: Part) -> tuple[int, int] | None:
    for link in entry.links:
        if link.label.start <= year.start < link.label.end:
            return link.label.start, link.label.end
    return None


def read_field(
    text: str, entry: Entry, label: str, start: int, end: int, how: str = "field"
) -> None:
    """``Venue: ICML 2023`` (a paragraph) or ``Publisher: ICLR 2024`` (an attribute sub-item)."""
    if end <= start:
        return
    if any(word in label for word in ("venue", "conference", "journal", "publish")):
        year = find_year(text, start, end)
        decide(entry, Found(how, year, venue_around(text, start, end, year)))
    elif "author" in label:
        entry.authors = part(text, start, end)
