"""Entry shapes: how a list item, a table row or a paragraph becomes a candidate entry.

Each reader takes one block's source span and finds, in order: decoration to skip (emoji,
badges, HTML anchors), a citation key, the title (a link label, a bold run, a bracketed field or
plain text up to the first delimiter), then the year, venue and authors in what follows. Which
candidates are entries is decided afterwards, per group, in ``entries``.
"""

from __future__ import annotations

import heapq
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_tidy.entries import (
    KEY_CLOSERS,
    KEY_LIKE,
    KEY_OPENERS,
    YEAR_CLOSERS,
    YEAR_OPENERS,
    Candidate,
    Entry,
    meta_section,
)
from awesome_tidy.inline import (
    Link,
    Part,
    code_spans,
    emphasis_at,
    html_tags,
    link_at,
    links,
    matching,
    part,
    runs_outside,
    strip_span,
    unwrap,
)
from awesome_tidy.metadata import find_year, is_date, named_by_venue, venue_around
from awesome_tidy.urls import is_kind_label, label_kind

if TYPE_CHECKING:
    from awesome_tidy.document import Document, ListItem, Paragraph, Section, TableRow

_MAX_KEY_LENGTH = 80
# What ends a key: its closer, or an opener or line end that says it is none.
_KEY_STOP = re.compile("[" + re.escape(KEY_CLOSERS + "(（[\n") + "]")
_YEAR4 = re.compile(r"[12]\d{3}")
_NUMBERING = re.compile(r"\d{1,4}[.)]\s+")
_ET_AL = re.compile(r"(?<![a-z])et\.?\s*al(?![a-z])", re.IGNORECASE)
_FIELD_LABEL = re.compile(r"[^\n:：]{1,30}[:：]\s*$")
_ATTRIBUTE = re.compile(r"[^\s\[\]()*`:：]{1,12}\s?[:：]")
# Where a plain title ends: a link or bracket, a pipe, HTML, a hard break, or an emphasis run
# after a space (``Title. *Jane Doe et al. arXiv.*``, ``Title. In *ICML 2019*.``). Every
# alternative opens with a literal, so that the engine skips to the next such character.
_TITLE_STOPS = re.compile(
    r"\[|!\[|\||<|\\\n|  \n|\*\*\[|\*(?<=\s\*)[*_]?(?=[^\s*_])|_(?<=\s_)[*_]?(?=[^\s*_])"
)
# What may open a title link (``[``, ``![``, ``<[``), a bold run, a bracketed field or a tag: a
# title that opens with anything else is plain text.
_TITLE_MARKS = "[!<*_"
_QUOTED_TITLE = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")
_WORD = re.compile(r"\w+")
# ``- [Models & Tools](#models--tools)``: a line of a table of contents.
_CONTENTS_LINE = re.compile(r"\[[^\[\]\n]*\]\(#[^)\s]*\)\s*")
# A description is read for a year only when it is as short as a venue line: "KDD 2017."
_MAX_DESCRIPTION_WORDS_FOR_YEAR = 8
_SEPARATORS = "-–—:："
# ``[Title](url), Authors et al., Venue Year``: a comma or period before a space separates too.
_WORD_SEPARATORS = (", ", ". ")
# ``[Title](url) by Jane Doe, 2018.``: a description that names the authors and the year.
_BYLINE = re.compile(r"by\s", re.IGNORECASE)
_MAX_LEAD_LABEL_WORDS = 4
_MAX_TAG_WORDS = 3
# ``(Relational Representation Learning, NIPS 2018)``: a workshop's name and its venue's year.
_MAX_DATE_TAG_WORDS = 6
_MIN_QUOTED_WORDS = 3
# A reference-style badge after a description: ``![Freeware][Freeware Icon]``.
_REFERENCE_IMAGE = re.compile(r"!\[[^\]]*\]\[[^\]]*\]")
# ``299、题目：[Title](url)，作者：Name``: a numbered paragraph (CJK enumeration comma), an optional
# short label, then the title link.
_CJK_NUMBERED = re.compile(r"\d{1,5}、[ \t]*(?:[^\s\[\]:：]{1,8}[:：][ \t]*)?")
_TITLE_HEADERS = ("title", "name", "paper", "method", "model", "dataset", "project", "tool")
_YEAR_HEADERS = ("year", "date", "time", "published", "年份", "时间", "日期")
_VENUE_HEADERS = ("venue", "publication", "conference", "journal", "pub", "会议", "期刊")


def read_candidates(doc: Document, *, keyed: bool) -> Iterator[Candidate]:
    """Every block that may be an entry, in source order."""
    yield from heapq.merge(
        _item_candidates(doc, keyed=keyed),
        (candidate for row in doc.rows if (candidate := _row_candidate(doc, row))),
        _paragraph_candidates(doc),
        key=lambda candidate: candidate.entry.start,
    )


# -- list items ----------------------------------------------------------------------------------


def _item_candidates(doc: Document, *, keyed: bool) -> Iterator[Candidate]:
    """Items in order; an item of ``label: value`` attributes lends its links to its parent."""
    by_item: dict[int, Candidate] = {}
    pending: list[Candidate] = []
    meta: dict[Section, bool] = {}
    items: Counter[int] = Counter()
    contents: Counter[int] = Counter()
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
        candidate = _item_candidate(doc, item, keyed=keyed)
        if candidate is not None:
            by_item[id(item)] = candidate
            pending.append(candidate)
    for candidate in pending:
        top_list = candidate.entry.item.top_list if candidate.entry.item else 0
        if contents[top_list] * 2 > items[top_list]:
            continue  # a menu's one outside link (``[Timeline](https://...)``) is no entry
        _judge(doc.text, candidate)
        yield candidate


def _item_candidate(doc: Document, item: ListItem, *, keyed: bool) -> Candidate | None:
    if item.content_end <= item.content_start:
        return None
    text = doc.text
    body = part(text, item.content_start, item.content_end)
    entry = Entry("list-item", item.line, item.start, item.end, body, item.section, item=item)
    entry.code_spans = code_spans(text, body.start, body.end)
    entry.links = links(text, body.start, body.end, entry.code_spans)
    if entry.links and all(link.url.text.startswith("#") for link in entry.links):
        return None  # a table-of-contents line
    _read_lead_and_rest(text, entry, keyed=keyed)
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
    if attribute is not None and owner.year is None:
        label = text[start : attribute.end() - 1].strip().casefold()
        _read_field(text, owner, label, *strip_span(text, attribute.end(), end))


def _read_item_authors(text: str, item: ListItem, entry: Entry) -> None:
    """An ``*Authors.*`` paragraph of its own under the title, as in thunlp/GNNPapers."""
    stop = item.children_start if item.children_start is not None else item.end
    start, end = strip_span(text, item.content_end, stop)
    if end - start > 2 and text[start] in "*_" and text[end - 1] == text[start]:
        inner_start, inner_end = unwrap(text, start, end)
        if inner_end > inner_start:
            entry.authors = part(text, inner_start, inner_end)


# -- the parts of a list item or paragraph -----------------------------------------------------


def _read_lead_and_rest(text: str, entry: Entry, *, keyed: bool) -> None:
    at, end = entry.body.start, entry.body.end
    badges = _badges(entry)
    at = _skip_decoration(text, badges, at, end)
    if keyed and (key_end := _read_key(text, entry, at, end)) != at:
        at = _skip_decoration(text, badges, key_end, end)
    at = _skip_lead_groups(text, entry, at, end)
    at = _skip_lead_date(text, entry, at, end)
    title_end = _read_trailing_year(text, entry, at, end)
    _read_title(text, entry, at, title_end)
    _read_rest(text, entry)


def _badges(entry: Entry) -> dict[int, int]:
    """Where each badge of the entry starts, and where it ends."""
    return {link.start: link.end for link in entry.links if link.kind == "badge"}


def _skip_decoration(text: str, badges: dict[int, int], at: int, end: int) -> int:
    """Skip what comes before the title without being part of it: spaces, emoji, badges, HTML."""
    while at < end:
        char = text[at]
        # (a letter or digit is neither space nor symbol: the usual first character, tested first)
        if not char.isalnum() and (char.isspace() or _is_symbol(char) or text.startswith("~~", at)):
            at += 2 if char == "~" else 1
            continue
        skip = badges.get(at) or (_tag_end(text, at) if char == "<" else None)
        if skip is None:
            return at
        at = skip
    return at


def _tag_end(text: str, at: int) -> int | None:
    for start, stop in html_tags(text, at, min(len(text), at + 400)):
        if start == at:
            return stop
    return None


def _is_symbol(char: str) -> bool:
    """Emoji and pictographs that decorate a title: ``🔥``, ``🌟`` (not letters or brackets)."""
    return unicodedata.category(char) in ("So", "Sk", "Cf", "Mn")


def _read_key(text: str, entry: Entry, at: int, end: int) -> int:
    """A leading ``(key)`` (ASCII or full-width), ``[KEY]`` or ``**[KEY]**``; returns where the
    rest begins."""
    if text.startswith(("**[", "__["), at):
        marker = text[at : at + 2]
        close = _read_key(text, entry, at + 2, end)
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
    if text[at] == "[" and (
        text[close] != "]"
        or text[close + 1 : close + 2] == "("
        or not KEY_LIKE.fullmatch(text, at + 1, close)
        or not any(char.isalpha() for char in text[at + 1 : close])
    ):
        return at  # a link, or a bracketed title: not a key
    entry.key_open = Part(at, at + 1, text[at])
    entry.key = Part(at + 1, close, text[at + 1 : close])
    entry.key_close = Part(close, close + 1, text[close])
    return close + 1


def _skip_lead_groups(text: str, entry: Entry, at: int, end: int) -> int:
    """``[[ICLR](url)] [293:fire:] Title``: a venue link and counters before a plain title."""
    while at < end and text[at] == "[" and text.startswith("[", at + 1):
        close = matching(text, at, end, "[", "]")
        if close < 0:
            return at
        if text[close + 1 : close + 2] == "(":  # [[NeurIPS]](url): a bracketed short label
            link = link_at(text, at, end)
            label = (at + 2, close - 1)
            short = len(_WORD.findall(text, *label)) <= _MAX_LEAD_LABEL_WORDS
            stop = link.end if link is not None and short else -1
        else:
            inner = link_at(text, at + 1, close)
            label = (inner.label.start, inner.label.end) if inner is not None else (0, 0)
            stop = close + 1 if inner is not None and inner.end == close else -1
        if stop < 0:
            return at
        label_start, label_end = unwrap(text, *label)
        if entry.venue is None and label_end > label_start:
            entry.venue = part(text, label_start, label_end)
        at = _skip_counters(text, stop, end)
    return at


def _skip_lead_date(text: str, entry: Entry, at: int, end: int) -> int:
    """``(*NeurIPS'23*) Title``, ``(NeurIPS 2023) Title``: a venue and year before the title."""
    if not text.startswith("(", at):
        return at
    close = matching(text, at, min(end, at + 60), "(", ")")
    if close < 0 or not _is_date_tag(text, entry, at + 1, close):
        return at
    after = _skip_spaces(text, close + 1, end)
    return after if after < end else at


def _is_date_tag(text: str, entry: Entry, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a short venue-and-year tag; if so, read it (once)."""
    if len(_WORD.findall(text, start, end)) > _MAX_DATE_TAG_WORDS:
        return False
    year = find_year(text, start, end)
    if year is None:
        return False
    if entry.year is None:
        entry.year = year
        if entry.venue is None:
            entry.venue = venue_around(text, start, end, year)
    return True


def _skip_counters(text: str, at: int, end: int) -> int:
    """``[293:fire:]`` and ``[1k:fire:]`` after a venue link: star counts, not the title."""
    at = _skip_spaces(text, at, end)
    while at < end and text[at] == "[":
        close = matching(text, at, min(end, at + 40), "[", "]")
        if close < 0 or ":" not in text[at:close] or " " in text[at:close]:
            return at
        at = _skip_spaces(text, close + 1, end)
    return at


def _skip_spaces(text: str, at: int, end: int) -> int:
    while at < end and text[at] in " \t":
        at += 1
    return at


def _read_trailing_year(text: str, entry: Entry, start: int, end: int) -> int:
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
    if not _YEAR4.fullmatch(text, inner_start, inner_end):
        return end
    entry.year_open = Part(opener, opener + 1, text[opener])
    entry.year = Part(inner_start, inner_end, text[inner_start:inner_end])
    entry.year_close = Part(stop - 1, stop, text[stop - 1])
    return opener


def _read_title(text: str, entry: Entry, at: int, end: int) -> None:
    # A loop, not recursion: a line of a thousand tags or bold labels is not a thousand frames.
    in_failed_fields = False  # ``at`` is inside a run of fields already read without a title
    while text[at : at + 1] in _TITLE_MARKS:  # (past the text, "" is "in" and reads on)
        link = _link_at(text, entry, at)
        if link is not None and not link.image and link.label.text.strip():
            entry.form = "link"
            entry.title = _titled(text, link.label.start, link.label.end)
            return
        bold = emphasis_at(text, at, end)
        if bold is not None:
            if _is_bold_label(text, *bold):
                if not _names_the_paper(text[bold[0] : bold[1]]):
                    return  # ``**Code:** url``: a field of something else, with no title of its own
            elif not _is_bold_tag(text, *bold):
                _read_bold_title(text, entry, *bold)
                return
            at, in_failed_fields = _skip_spaces(text, bold[1] + 2, end), False
            continue
        # A run of fields with no title in it has none in its tail either: reading the run again
        # after each tag made a line of n tags cost n².
        if not in_failed_fields and _read_fields(text, entry, at, end):
            return
        in_failed_fields = _field_close(text, at, end) >= 0
        tagged = _skip_tag(text, at, end)
        if tagged == at:
            break
        # ``[2023/04] **Title**``, ``[ICML 2022] Title``: a leading tag dates the entry
        _is_date_tag(text, entry, at + 1, tagged)
        at = tagged
    _read_plain_title(text, entry, at, end)


def _read_plain_title(text: str, entry: Entry, at: int, end: int) -> None:
    """Text up to the first delimiter, less a trailing label colon or citation ``In``."""
    stop = _TITLE_STOPS.search(text, at, end)
    title_start, title_end = strip_span(text, at, stop.start() if stop else end)
    title_start, title_end = _trim_label_colon(text, title_start, title_end)
    title_end = _before_citation_in(text, title_start, title_end)
    quoted = _quoted(text, title_start, title_end)
    if quoted and _only_a_name_and_venue_around(text, title_start, quoted, title_end):
        title_start, title_end = quoted.span(1)  # ``DiMP: "Title" ICCV.``: the quoted title
    if title_end > title_start:
        entry.title = part(text, title_start, title_end)


def _quoted(text: str, start: int, end: int) -> re.Match[str] | None:
    # Performance (issue 3): two finds of the opening quotes skip the regex on most titles.
    if text.find('"', start, end) < 0 and text.find("“", start, end) < 0:
        return None
    return _QUOTED_TITLE.search(text, start, end)


def _link_at(text: str, entry: Entry, at: int) -> Link | None:
    """The link opening at ``at``, or wrapped in angle brackets there: ``<[Title](url)>``."""
    for link in entry.links:
        if link.start == at or (
            link.start == at + 1 and text[at] == "<" and text.startswith(">", link.end)
        ):
            return link
    return None


def _is_bold_label(text: str, start: int, end: int) -> bool:
    """``**Paper:**`` or ``**Code**:``: a field label before its value, never a title."""
    label = text[start:end]
    if text.startswith((":", "："), end + 2):
        label += ":"
    return _FIELD_LABEL.fullmatch(label) is not None


def _names_the_paper(label: str) -> bool:
    """A label whose value is the paper itself (``Paper:``, ``Title:``), not one of its fields."""
    words = label.rstrip(":：").strip().casefold()
    return words == "title" or label_kind(words) == "paper"


def _is_bold_tag(text: str, start: int, end: int) -> bool:
    """``**[RND]** Title``, ``**[RGB+PaDim,RGB+PatchCore]** Title``: a short bracketed name (or a
    list of names) in bold before the title, as a tag is."""
    return (
        text[start] == "["
        and matching(text, start, end, "[", "]") == end - 1
        and (len(_WORD.findall(text, start, end)) <= _MAX_TAG_WORDS or " " not in text[start:end])
    )


def _before_citation_in(text: str, start: int, end: int) -> int:
    """``Title. In *ICML 2019*``: the "In" of a citation belongs to the venue, not the title."""
    if end - start > 3 and text[end - 2 : end].casefold() == "in" and text[end - 3].isspace():
        cut = strip_span(text, start, end - 2)[1]
        if text[cut - 1] in ".?!":
            return cut
    return end


def _only_a_name_and_venue_around(text: str, start: int, quoted: re.Match[str], end: int) -> bool:
    """``DiMP: "Title" ICCV.``, not ``"A Quoted Phrase": the rest of a title``."""
    before = len(_WORD.findall(text, start, quoted.start()))
    after = len(_WORD.findall(text, quoted.end(), end))
    inside = len(_WORD.findall(text, *quoted.span(1)))
    return inside >= _MIN_QUOTED_WORDS and before <= _MAX_TAG_WORDS and after <= _MAX_TAG_WORDS


def _read_bold_title(text: str, entry: Entry, start: int, end: int) -> None:
    inner = next((link for link in entry.links if link.start == start), None)
    if inner is not None and inner.end == end and not inner.image:
        entry.form = "link"
        entry.title = _titled(text, inner.label.start, inner.label.end)
        return
    entry.form = "bold"
    numbering = _NUMBERING.match(text, start, end)
    end = _before_trailing_date(text, entry, start, end)
    entry.title = _titled(text, numbering.end() if numbering else start, end)


def _before_trailing_date(text: str, entry: Entry, start: int, end: int) -> int:
    """``**Anonymous Walk Embeddings (ICML 2018)**``: the title ends before its venue tag."""
    stop = strip_span(text, start, end)[1]
    if not text.startswith(")", stop - 1):
        return end
    opener = text.rfind("(", start, stop)
    if opener <= start or not _is_date_tag(text, entry, opener + 1, stop - 1):
        return end
    return strip_span(text, start, opener)[1]


def _skip_tag(text: str, at: int, end: int) -> int:
    """``[**ALOCC**] Adversarially Learned ...``: a short bracketed name before a plain title."""
    if at >= end or text[at] != "[":
        return at
    close = matching(text, at, min(end, at + 60), "[", "]")
    if (
        close < 0
        or text[close + 1 : close + 2] == "("
        or len(_WORD.findall(text, at, close)) > _MAX_TAG_WORDS
    ):
        return at
    return _skip_spaces(text, close + 1, end)


def _titled(text: str, start: int, end: int) -> Part:
    start, end = unwrap(text, start, end)
    return part(text, start, end)


def _trim_label_colon(text: str, start: int, end: int) -> tuple[int, int]:
    """``Chinese-LlaMA2：`` names an item whose fields follow; the colon is not title text."""
    while end > start and text[end - 1] in ":：-|":
        end = strip_span(text, start, end - 1)[1]
    return start, end


def _read_fields(text: str, entry: Entry, at: int, end: int) -> bool:
    """``[Author _et. al._] [Title] [Venue'YY]``: bracketed fields that are not links."""
    groups = []
    while (close := _field_close(text, at, end)) >= 0:
        groups.append((at + 1, close))
        at = _skip_spaces(text, close + 1, end)
    if not groups:
        return False
    authors = [group for group in groups if _ET_AL.search(text, *group)]
    named = set(authors)  # a set: ``in`` on the list made a line of n author fields n²
    rest = [group for group in groups if group not in named and not find_year(text, *group)]
    if not rest:
        return False
    title = max(rest, key=lambda group: len(_WORD.findall(text, *group)))
    words = len(_WORD.findall(text, *title))
    if (words < 3 and len(groups) < 2) or (
        words <= _MAX_TAG_WORDS and _longer_title_follows(text, entry, at, end, words)
    ):
        return False
    entry.form = "fields"
    entry.title = _titled(text, *title)
    if authors:
        entry.authors = _titled(text, *authors[0])
    return True


def _longer_title_follows(text: str, entry: Entry, at: int, end: int, words: int) -> bool:
    """``[2505] [URSA] [URSA: Understanding ...](url)``: short tags before the title link."""
    link = _link_at(text, entry, at)
    if link is None or link.image or is_kind_label(link.label.text):
        return False
    return len(_WORD.findall(text, link.label.start, link.label.end)) > words


def _field_close(text: str, at: int, end: int) -> int:
    """The closing bracket of a bracketed field at ``at`` (not a link, not ``[[``), or -1."""
    if at >= end or text[at] != "[" or text.startswith("[", at + 1):
        return -1
    close = matching(text, at, end, "[", "]")
    return -1 if close < 0 or text[close + 1 : close + 2] == "(" else close


def _read_rest(text: str, entry: Entry) -> None:
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
    if entry.year is None:
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
    entry.venue = None
    if end > start:
        entry.authors = part(text, start, end)


def _read_description(text: str, entry: Entry, at: int) -> None:
    end = entry.body.end
    start = _skip_spaces(text, at, end)
    sep_end = start
    if (sep_end < end and text[sep_end] in _SEPARATORS) or text.startswith(
        _WORD_SEPARATORS, sep_end, end
    ):
        sep_end = _skip_spaces(text, sep_end + 1, end)
    if at < sep_end:
        entry.separator = part(text, at, sep_end)
    desc_start, desc_end = strip_span(text, sep_end, _before_badges(text, entry, sep_end, end))
    if desc_end > desc_start and not _only_links(text, entry, desc_start, desc_end):
        entry.description = part(text, desc_start, desc_end)
    elif entry.separator is not None and not entry.separator.text.strip():
        entry.separator = None  # only badges or links follow the name: nothing to separate


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
    """Where a description's text ends: before the badges and icons that trail it."""
    badges = {link.end: link.start for link in entry.links if link.kind == "badge"}
    while True:
        end = strip_span(text, start, end)[1]
        if end in badges:
            end = badges[end]
            continue
        image = text.rfind("![", start, end) if text[end - 1 : end] == "]" else -1
        if image < 0 or not _REFERENCE_IMAGE.fullmatch(text, image, end):
            return end
        end = image


def _venue_like(text: str, entry: Entry, description: Part) -> bool:
    """``KDD 2017.``, ``, Li et al., Arxiv 2021 | [bibtex](url)``: a description short enough
    to be the paper's venue line, its links not counted."""
    if len(_WORD.findall(description.text)) <= _MAX_DESCRIPTION_WORDS_FOR_YEAR:
        return True
    runs = _outside_links(entry, description.start, description.end)
    words = sum(len(_WORD.findall(text, *run)) for run in runs)
    return words <= _MAX_DESCRIPTION_WORDS_FOR_YEAR


def _read_year_and_venue(
    text: str, entry: Entry, start: int, end: int, *, prose: bool = False
) -> None:
    """The first year after the title, and the venue words around it; in a description of
    running text only a year a venue names (``Reject by ICLR 2018, but ...``)."""
    holes = _holes(text, entry, start, end)
    year = find_year(text, start, end, holes)
    if year is None or (prose and not named_by_venue(text, year)):
        return
    entry.year = year
    if entry.venue is None:
        entry.venue = _venue_past_dates(text, entry, year, start, end, holes)


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


def _holes(text: str, entry: Entry, start: int, end: int) -> list[tuple[int, int]]:
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
    label = _label_around(entry, year)
    if label is not None:
        return label
    left = max(
        (text.rfind(mark, start, year.start) for mark in ("[", "|", "\n", "(", ")", "]", "*")),
        default=-1,
    )
    rights = [text.find(mark, year.end, end) for mark in ("[", "|", "\n", "]", ",", "*")]
    right = min((index for index in rights if index >= 0), default=end)
    comma = text.rfind(",", left + 1, year.start)
    if comma >= 0 and _WORD.search(text, comma, year.start):
        left = comma  # ``Mildenhall et al., ECCV 2020``: the authors end at the comma
    elif text.find("al", left + 1, year.start) >= 0:
        for authors in _ET_AL.finditer(text, left + 1, year.start):
            left = authors.end()  # ``Mildenhall et al., 2020``: authors, and no venue
    return max(left + 1, start), right


def _judge(text: str, candidate: Candidate) -> None:
    entry = candidate.entry
    candidate.evidence = _evidence(text, entry) or (
        candidate.fields and entry.title is not None and bool(entry.real_links)
    )
    candidate.strong = candidate.evidence and (
        (entry.key is not None and KEY_LIKE.fullmatch(entry.key.text) is not None)
        or entry.form == "link"
    )


def _label_around(entry: Entry, year: Part) -> tuple[int, int] | None:
    for link in entry.links:
        if link.label.start <= year.start < link.label.end:
            return link.label.start, link.label.end
    return None


def _evidence(text: str, entry: Entry) -> bool:
    """A year, a key, or a real link placed as an entry places it: the marks of an entry."""
    if entry.title is None or not entry.title.text.strip() or _cross_reference(entry):
        return False
    if entry.key is not None and KEY_LIKE.fullmatch(entry.key.text):
        return True
    if entry.year is not None:
        return True
    if entry.form == "link":
        link = entry.title_link
        return link is not None and link.kind not in ("anchor", "badge")
    title = entry.title
    real = [link for link in entry.real_links if not title.start <= link.start < title.end]
    if entry.form in ("bold", "fields"):
        return bool(real)
    words = len(_WORD.findall(entry.title.text))
    return bool(real) and (words >= 3 or (words >= 2 and real[0].kind in ("paper", "code")))


def _cross_reference(entry: Entry) -> bool:
    """``| 2022 | [BTF](#02) | 86.5 |``: a title linking to an entry elsewhere on the page."""
    link = entry.title_link
    return link is not None and link.kind == "anchor"


# -- table rows ----------------------------------------------------------------------------------


def _row_candidate(doc: Document, row: TableRow) -> Candidate | None:
    table = row.table
    if not row.cells or meta_section(table.section):
        return None
    text = doc.text
    body = part(text, row.cells[0][0], row.cells[-1][1])
    end = doc.next_line_start(row.start)
    entry = Entry("table-row", row.line, row.start, end, body, table.section, table=table)
    entry.code_spans = code_spans(text, body.start, body.end)
    entry.links = links(text, body.start, body.end, entry.code_spans)
    title_column = table.column(*_TITLE_HEADERS)
    cell = row.cells[title_column if title_column is not None else 0]
    if cell[1] <= cell[0]:
        return None
    at = _skip_decoration(text, _badges(entry), *cell)
    _read_title(text, entry, at, cell[1])
    if entry.title is not None:
        entry.form = "link" if entry.title_link is not None else entry.form
        _read_row_metadata(text, entry, row)
    evidence = (
        entry.title is not None
        and bool(entry.real_links or entry.year)
        and not _cross_reference(entry)
    )
    return Candidate(entry, evidence, (id(table),))


def _read_row_metadata(text: str, entry: Entry, row: TableRow) -> None:
    table = row.table
    year_column = table.column(*_YEAR_HEADERS)
    venue_column = table.column(*_VENUE_HEADERS)
    for column in (year_column, venue_column):
        if column is None or column >= len(row.cells) or entry.year is not None:
            continue
        start, end = row.cells[column]
        entry.year = find_year(text, start, end, _holes(text, entry, start, end))
    column = venue_column if venue_column is not None else year_column
    if column is not None and column < len(row.cells):
        start, end = row.cells[column]
        label = _label_around(entry, entry.year) if entry.year is not None else None
        if label is not None and start <= label[0] < end:
            start, end = label
        entry.venue = venue_around(text, start, end, entry.year, _holes(text, entry, start, end))


# -- paragraphs ------------------------------------------------------------------------------------


def _paragraph_candidates(doc: Document) -> Iterator[Candidate]:
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
                _read_field(text, current.entry, *field)
            continue
        if current is not None:
            _judge(text, current)
            yield current
        current = _paragraph_candidate(doc, paragraph)
    if current is not None:
        _judge(text, current)
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
        link = _link_at(text, entry, numbered.end())
        if link is None or link.image or not link.label.text.strip():
            return None
        entry.form = "link"
        entry.title = _titled(text, link.label.start, link.label.end)
    else:
        at = _skip_decoration(text, _badges(entry), body.start, body.end)
        bold = emphasis_at(text, at, body.end)
        if bold is None:
            return None
        _read_bold_title(text, entry, *bold)
    _read_rest(text, entry)
    _read_paragraph_authors(text, entry)
    return Candidate(entry, False, (id(paragraph.section), "paragraph"))


def _skip_decoration_plain(text: str, paragraph: Paragraph) -> int:
    at = paragraph.start
    while at < paragraph.end and (text[at].isspace() or _is_symbol(text[at])):
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
        entry.authors = _titled(text, start, end)


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
    if not _FIELD_LABEL.fullmatch(label):
        return None
    start, end = strip_span(text, value_start, paragraph.end)
    return label.rstrip(":：").strip().casefold(), start, end


def _read_field(text: str, entry: Entry, label: str, start: int, end: int) -> None:
    if end <= start:
        return
    if any(word in label for word in ("venue", "conference", "journal", "publish")):
        year = find_year(text, start, end)
        if entry.year is None:
            entry.year = year
        entry.venue = venue_around(text, start, end, year)
    elif "author" in label:
        entry.authors = part(text, start, end)


__all__ = ["Link", "read_candidates"]
