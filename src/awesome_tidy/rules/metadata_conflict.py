from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from awesome_tidy.model import (
    PUBLICATION_DELAY,
    Document,
    Entry,
    Section,
    dated_apart,
    expand_year,
    filed_under,
    find_year,
    heading_venue,
    heading_year,
    normalize_title,
    normalize_url,
    preprint_and_venue,
    preprint_marker,
    same_paper,
    same_venue,
    without_link_targets,
)
from awesome_tidy.rule import Problem, Rule

_MIN_SPACES = 2  # three words


# ``, 2018. The source code is``: the year a citation closes with, and what follows it.
_PAST_VENUE = re.compile(r",\s*(?:19|20)\d\d\b")
_ARXIV_ID_VENUE = re.compile(r"(?i:arxiv)\s*(?::\s*)?\d{4}\.\d{4,5}(?:v\d+)?")

# ``14 qubits on Ion traps``, ``0.17 on Ion traps``: a count or a measure right before the
# words read as a venue makes them its unit or its setting.
_MEASURE_BEFORE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:%\s*)?$")

# ``#### Under review ICLR 24``, ``reviewed at ICLR 2024``, ``Submitted to NeurIPS``: a stage
# before the paper's publication, which has its own date.
_REVIEW_STAGE = re.compile(
    r"\bunder[\s-]*review|\bin[\s-]review\b|\breviewed\s+(?:at|by|for|in)\b|\bsubmitted\b"
    r"|\bsubmissions?\b|\brejected\b|\bwithdrawn\b",
    re.IGNORECASE,
)
# ``#### NeurIPS workshop``, ``FL@ICML 2023 Workshop``, ``[WS]``: a workshop, whose papers are
# often published again, at a conference or in a journal, the year after.
_WORKSHOP = re.compile(r"\b(?i:workshops?)\b|\bWS\b")
# ``## 6월``, ``### June``, ``### 2月``, ``#### Week 3``, ``### 1st ~ 2nd week``: a heading that is
# a month or a week, and nothing else but its decoration.
_CALENDAR_HEADING = re.compile(
    r"[\W_]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"|\d{1,2}\s*[월月]|weeks?\s*\d{1,2}|第\s*\d{1,2}\s*[周週]"
    r"|\d{1,2}(?:st|nd|rd|th)?(?:\s*[~-]\s*\d{1,2}(?:st|nd|rd|th)?)?\s*weeks?)[\W_]*",
    re.IGNORECASE,
)
# The cells of a table row, on unescaped pipes, and how many words make a cell a title.
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_TITLE_SPACES = 2


class MetadataConflict(Rule):
    name = "metadata-conflict"
    judges_entries = True
    severity = "warning"
    summary = "The same paper listed with a different year or venue in two places."

    def check(self, doc: Document) -> Iterator[Problem]:
        for copies in doc.copies:
            group = [entry for entry in copies if _surely_one_paper(entry)]
            years = {id(entry): _year(doc, entry) for entry in group}
            venues = {id(entry): _venue(doc, entry) for entry in group}
            dated = next((entry for entry in group if years[id(entry)] is not None), None)
            placed = next((entry for entry in group if venues[id(entry)] is not None), None)
            for entry in group:
                year_first, venue_first = _one_paper(entry, dated), _one_paper(entry, placed)
                conflicts = [
                    *_conflict("year", entry, year_first, years),
                    *_conflict("venue", entry, venue_first, venues),
                ]
                if not conflicts or _two_versions(doc, conflicts, entry, group, years, venues):
                    continue
                first = year_first if conflicts[0].startswith("year") else venue_first
                assert first is not None
                yield self.problem(
                    entry.body.start,
                    entry.body.end,
                    message="; ".join(conflicts),
                    related=first.start,
                )


def _two_versions(
    doc: Document,
    conflicts: list[str],
    entry: Entry,
    group: list[Entry],
    years: Mapping[int, int | None],
    venues: Mapping[int, str | None],
) -> bool:
    """A year and nothing else in conflict, and every copy of another year is another version
    of the paper: dated apart by its own text or links (``dated_apart``), or filed under a
    label or heading of another stage or venue. The preprint's year and the publication's are
    both right for what each copy names."""
    if len(conflicts) != 1 or not conflicts[0].startswith("year"):
        return False
    mine = years[id(entry)]
    others = [
        other
        for other in group
        if other is not entry and years[id(other)] is not None and years[id(other)] != mine
    ]
    return bool(others) and all(
        dated_apart(doc.text, entry, other, years, venues)
        or _preprint_then_venue(doc, entry, other, years)
        or _stage_then_publication(doc, entry, other, years)
        or _filed_by_two_venues(doc, entry, other, years)
        or _workshop_then_venue(doc, entry, other, years)
        for other in others
    )


def _one_paper(entry: Entry, first: Entry | None) -> Entry | None:
    """``first``, unless it and the entry are two papers on one link (``_named_apart``)."""
    if first is None or first is entry or _named_apart(entry, first):
        return None
    return first


def _named_apart(entry: Entry, other: Entry) -> bool:
    """Two table rows whose title is a short link label (``| Graph-based exploration ... |
    [Link](doi-a) |`` and ``| VIO-UWB localization ... | [Link](doi-a) |``), one the copies only by
    that link, whose first text cells (neither the year's, the venue's nor a link's) are
    titles of three words or more, two papers' titles: a link pasted into the wrong row,
    duplicate-link's to tell, not one paper's two years."""
    if entry.table is None or other.table is None or entry.table.header != other.table.header:
        return False
    if entry.form != "link" or entry.title_text.count(" ") > _TITLE_SPACES:
        return False
    names = [_name_cell(copy) for copy in (entry, other)]
    if names[0] is None or names[1] is None or names[0][0] != names[1][0]:
        return False
    one, two = normalize_title(names[0][1]), normalize_title(names[1][1])
    return min(one.count(" "), two.count(" ")) >= _TITLE_SPACES and not same_paper(one, two)


def _name_cell(entry: Entry) -> tuple[int, str] | None:
    """The column and text of the row's first cell with a letter before its title's cell that
    holds no link, no year and no venue of the entry's: where the row names its paper before
    linking it as ``[Link]``."""
    if entry.title is None:
        return None
    taken = [part for part in (entry.year, entry.venue) if part is not None]
    start = entry.body.start
    for column, cell in enumerate(_CELL_SPLIT.split(entry.body.text)):
        end = start + len(cell)
        if end > entry.title.start:
            return None
        holds = any(start <= part.start < end for part in taken)
        if not holds and "](" not in cell and "://" not in cell and any(map(str.isalpha, cell)):
            return column, cell
        start = end + 1
    return None


def _stage_then_publication(
    doc: Document, entry: Entry, other: Entry, years: Mapping[int, int | None]
) -> bool:
    """One copy filed or described as a stage before publication (a heading or label
    ``Under review ICLR 24``, ``Preprints 2023``; ``reviewed at ICLR 2024``, ``submitted to``
    in its text) and the other not, the stage's year one or two before the other's: the
    review and the acceptance, two events, each dated right. Copies that say nothing of a
    stage, or the stage's year the later one, stay reported."""
    stages = [_at_stage(doc, copy) for copy in (entry, other)]
    if stages[0] == stages[1]:
        return False
    staged, published = (entry, other) if stages[0] else (other, entry)
    when, then = years[id(staged)], years[id(published)]
    return when is not None and then is not None and 0 < then - when <= PUBLICATION_DELAY


def _workshop_then_venue(
    doc: Document, entry: Entry, other: Entry, years: Mapping[int, int | None]
) -> bool:
    """One copy at a workshop (a heading over it, its dated label or its venue names one:
    ``#### NeurIPS workshop`` under ``### 2024``) and the other not, each on paper links of its
    own (two OpenReview ids, an OpenReview page and an anthology id), the workshop's year one or
    two before the other's: the workshop version and the later conference or journal paper,
    two events, each dated right. Copies on one link (a copy misfiled under a workshop), both
    or neither at a workshop, or the workshop the later, stay reported."""
    at = [_at_workshop(doc, copy) for copy in (entry, other)]
    if at[0] == at[1] or not entry.real_links or not other.real_links:
        return False
    mine = {normalize_url(link.url.text) for link in entry.real_links}
    if any(normalize_url(link.url.text) in mine for link in other.real_links):
        return False
    workshop, published = (entry, other) if at[0] else (other, entry)
    when, then = years[id(workshop)], years[id(published)]
    return when is not None and then is not None and 0 < then - when <= PUBLICATION_DELAY


def _at_workshop(doc: Document, entry: Entry) -> bool:
    """Whether a heading over the entry, its dated label or its venue names a workshop."""
    labels = [filed_under(doc, entry) or "", entry.venue.text if entry.venue else ""]
    section: Section | None = entry.section
    while section is not None and section.heading is not None:
        labels.append(section.heading.text)
        section = section.parent
    return any(_WORKSHOP.search(label) for label in labels)


def _at_stage(doc: Document, entry: Entry) -> bool:
    """Whether a heading over the entry or its dated label names a review or preprint stage,
    or its own text, outside the title and the links, names a review stage."""
    labels = [filed_under(doc, entry) or ""]
    section: Section | None = entry.section
    while section is not None and section.heading is not None:
        labels.append(section.heading.text)
        section = section.parent
    if any(_REVIEW_STAGE.search(label) or preprint_marker(label) for label in labels):
        return True
    text = entry.body.text
    if entry.title is not None:
        at = entry.title.start - entry.body.start
        text = text[:at] + " " + text[at + len(entry.title.text) :]
    return _REVIEW_STAGE.search(without_link_targets(text)) is not None


def _filed_by_two_venues(
    doc: Document, entry: Entry, other: Entry, years: Mapping[int, int | None]
) -> bool:
    """Each copy under a heading or a dated label that is a venue with its year (``####
    AAMAS 2025``, ``**ICLR'24**``), each year that of its own label, and the venues differ:
    each copy records its own event (a workshop and the conference), both dated right. One
    venue under two years (``## CVPR 2023`` and ``## CVPR 2024``), years from bare year
    headings (``## 2024``), and a label naming a preprint or a review (``**bioRxiv'25**``),
    whose year ``_stage_then_publication`` judges, stay reported."""
    one, two = (_filed_venue(doc, copy, years[id(copy)]) for copy in (entry, other))
    if one is None or two is None:
        return False
    if any(_REVIEW_STAGE.search(venue) or preprint_marker(venue) for venue in (one, two)):
        return False  # a stage before publication: ``_stage_then_publication`` judges its year
    return not same_venue(one, two)


def _filed_venue(doc: Document, entry: Entry, year: int | None) -> str | None:
    """The venue of the entry's dated label or its own heading, its year left out, when that
    year is the entry's; None otherwise."""
    heading = entry.section.heading
    label = filed_under(doc, entry)
    if label is None and heading is not None and heading_venue(heading.text):
        label = heading.text
    said = find_year(label, 0, len(label)) if label is not None else None
    if label is None or said is None or expand_year(said.text) != year:
        return None
    name = (label[: said.start] + label[said.end :]).strip(" '’*:_")
    return name if any(map(str.isalpha, name)) else None


def _preprint_then_venue(
    doc: Document, entry: Entry, other: Entry, years: Mapping[int, int | None]
) -> bool:
    """One copy filed under a dated label that names a preprint server (``**arXiv'25**``), the
    other under one that does not (``**TMI'26**``), the preprint's year one or two before
    the other's: a list filing each version of a paper under its own year, both right. Copies
    dated by their own tag or their heading alone (``[2023]`` on the arXiv link, ``[2024]`` on
    the proceedings) say nothing of a version: one year is the paper's, and they stay reported,
    as do two labels of one kind (``**TMI'24**`` and ``**TMI'25**``)."""
    preprint = preprint_and_venue(doc, entry, other)
    if preprint is None:
        return False
    mine, theirs = years[id(entry)], years[id(other)]
    assert mine is not None and theirs is not None
    delay = theirs - mine if preprint else mine - theirs
    return 0 < delay <= PUBLICATION_DELAY


def _surely_one_paper(entry: Entry) -> bool:
    """A title of three words or more, or a ``[Name](url)`` (its link is compared too): a bare
    name of one or two words (``BERT-TTS``, ``Llama 2``) also names a family and its releases,
    whose years differ by design."""
    return entry.form == "link" or entry.copy_title.count(" ") >= _MIN_SPACES


def _conflict(
    field: str, entry: Entry, first: Entry | None, values: Mapping[int, object]
) -> Iterator[str]:
    value = values[id(entry)]
    if first is None or first is entry or value is None:
        return
    other = values[id(first)]
    if other is None or value == other:
        return
    if field == "venue" and same_venue(str(value), str(other)):
        return
    shown = (repr(value), repr(other)) if field == "venue" else (value, other)
    yield f"{field} {shown[0]} here, {shown[1]} on line {first.line}"


def _year(doc: Document, entry: Entry) -> int | None:
    """The entry's own year, or the year of the heading it is listed under (``### 2024``) unless
    it is posted by the calendar there (``_posted_by_date``); None where the entries written
    like it have none: the reader may have misread it."""
    if not doc.convention(entry).year_understood:
        return None
    if entry.year_value is not None:
        return entry.year_value
    return None if _posted_by_date(entry.section) else entry.section.year


def _posted_by_date(section: Section) -> bool:
    """Whether a heading between the section's entries and their year heading is a month or a
    week (``# 2025`` over ``## 6월``): a digest filing news as it is posted, whose year says when
    an item was posted, not when the work was made; an item posted again a year later is one
    work, not two dates of it. A year heading over topics or venues (``## 2024`` over ``###
    Vision``) dates the papers under it."""
    current: Section | None = section
    while current is not None and current.heading is not None:
        if heading_year(current.heading.text) is not None:
            return False
        if _CALENDAR_HEADING.fullmatch(current.heading.text):
            return True
        current = current.parent
    return False


def _venue(doc: Document, entry: Entry) -> str | None:
    if entry.venue is None or not doc.convention(entry).venue_understood:
        return None
    if _outside_year_brackets(doc.text, entry) or _after_measure(doc.text, entry):
        return None
    return _venue_name(entry.venue.text)


def _venue_name(venue: str) -> str:
    """The venue without what a tail reads past it: its year and the sentence after it
    (``arXiv:1808.08745v1, 2018. The source code is``), and an arXiv id (``arXiv:2004.14900v1``
    names arXiv, as ``arXiv`` does: the id is the paper's, compared by its link)."""
    cut = _PAST_VENUE.search(venue)
    venue = venue[: cut.start()] if cut else venue
    return "arXiv" if _ARXIV_ID_VENUE.fullmatch(venue) else venue


def _after_measure(text: str, entry: Entry) -> bool:
    """``14 qubits``, ``0.17 on Ion traps``: a number right before the venue words, other than
    the entry's own year (``[2020 Genome Biology]``)."""
    assert entry.venue is not None
    measure = _MEASURE_BEFORE.search(text, max(0, entry.venue.start - 12), entry.venue.start)
    return measure is not None and (entry.year is None or measure.start() != entry.year.start)


def _outside_year_brackets(text: str, entry: Entry) -> bool:
    """``[Title](url) (2011) - Hyperfine, T1: 4.0s``: the year closes its own brackets and
    the "venue" follows them, in the description: a platform, a measurement or a note read
    from free text, not the words that name where the paper appeared (``[CVPR 2020]``,
    ``- CVPR 2020`` keep the venue beside its year)."""
    year, venue = entry.year, entry.venue
    if year is None or venue is None or venue.start < year.end:
        return False
    between = text[year.end : venue.start]
    return ")" in between or "]" in between
