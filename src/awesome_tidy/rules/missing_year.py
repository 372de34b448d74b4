from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator

from awesome_tidy.model import Document, Entry, TableRow, find_year, missing_years
from awesome_tidy.rule import Problem, Rule

# What a link's label says the item is when it is teaching material, not a paper: ``[slide]``,
# ``[video]``, ``[lecture notes]``, ``[course]``, ``[tutorial]``, ``[book]``, ``[talk]``.
_MATERIAL_WORDS = frozenset(
    {
        *("slide", "slides", "video", "videos", "lecture", "lectures", "notes", "course"),
        *("courses", "tutorial", "tutorials", "book", "ebook", "talk", "recording", "pdf"),
    }
)
_WORD = re.compile(r"[^\W\d_]+")
# A cell that says "none" on purpose: a dash, a slash, ``N/A``, ``None``, ``无`` (once the
# emphasis and code marks around it are trimmed).
_PLACEHOLDER = re.compile(r"[-‐‑–—―−－/]{1,3}|n/?a|none|nil|无|暂无|なし", re.IGNORECASE)
_MARKS = "*_`~ "
# How many undated papers a list marks with one placeholder before it is the list's own way to
# say "no venue, no year" rather than a slip on one row.
_MARKER_HABIT = 3
# ``(arxiv) Title``, ``[Under review] Title``, ``(bioRxiv'24) Title``: a tag opening the entry
# that names a preprint server or no venue at all, with or without its year.
_NO_VENUE_TAG = re.compile(
    r"[(\[]\s*(?P<name>arxiv|corr|(?:bio|med|chem)rxiv|ssrn|pre-?print|under review"
    r"|in submission|tech(?:nical)? report)\s*(?:['’]?\s*\d{2,4}\s*)?[)\]]",
    re.IGNORECASE,
)
# A tag that names where a paper is, not a dash: two undated papers tagged so, and no dated one,
# are the list's way to write an undated preprint.
_NAMED_MARKER_HABIT = 2


class MissingYear(Rule):
    name = "missing-year"
    judges_entries = True
    severity = "warning"
    summary = "An entry without a year in a list whose entries carry one."

    def check(self, doc: Document) -> Iterator[Problem]:
        found = [entry for entry in missing_years(doc) if not _teaching_material(entry)]
        if found:
            led = _lists_under_dated_lead(doc)
            found = [entry for entry in found if not _part_of_led_resource(led, entry)]
        marked = _YearCells(doc).marked_none(found)
        for entry in found:
            if id(entry) in marked:
                continue
            yield self.problem(entry.body.start, entry.body.end, message="entry has no year")


def _teaching_material(entry: Entry) -> bool:
    """Whether the entry names itself teaching material by its links' labels, each of them
    (``**Speech Technology: A Practical Introduction** (CMU, [slide](url), [video](url))``):
    lecture slides, a recorded talk, a course or a book carry no year as a paper does (study
    26). One link labelled otherwise (``[paper]``, ``[code]``, a title) or to a paper's page (an
    arXiv abstract) leaves it a paper."""
    if not entry.links or entry.title_link is not None:
        return False
    for link in entry.links:
        if link.kind == "paper":
            return False  # ``[[book]](https://arxiv.org/abs/...)``: a paper's page
        words = _WORD.findall(link.label.text.casefold())
        if not words or not set(words) <= _MATERIAL_WORDS or words == ["pdf"]:
            return False
    return True


def _lists_under_dated_lead(doc: Document) -> set[int]:
    """The top-level lists (by ``list_id``) that a paragraph carrying a year introduces: the
    paragraph right above the list's first item in its section, blank lines aside
    (``(2) [**Visual Dialog**](url) CVPR 2017, a task...`` over its data set's links)."""
    ends = [paragraph.end for paragraph in doc.paragraphs]
    led: set[int] = set()
    seen: set[int] = set()
    for item in doc.items:
        if item.parent is not None or item.list_id in seen:
            continue
        seen.add(item.list_id)
        index = bisect_right(ends, item.start) - 1
        if index < 0:
            continue
        lead = doc.paragraphs[index]
        if (
            lead.section is item.section
            and not doc.text[lead.end : item.start].strip()
            and find_year(doc.text, lead.start, lead.end) is not None
        ):
            led.add(item.list_id)
    return led


def _part_of_led_resource(led: set[int], entry: Entry) -> bool:
    """Whether the entry is a part of the resource a dated lead paragraph names (its data set's
    page, a version, a challenge): a top-level item of the list the lead introduces whose name
    links no paper's page (``- [VisDial v1.0 dataset](https://visualdialog.org/data)``). The
    lead's year is the resource's, as a dated heading's is for the entries under it. An item
    whose name links a paper (an arXiv abstract) is a paper of its own, still asked its year."""
    item, link = entry.item, entry.title_link
    return (
        item is not None
        and item.parent is None
        and item.list_id in led
        and link is not None
        and link.kind != "paper"
    )


class _YearCells:
    """Where each table of the document writes its years: the column that holds most of its
    rows' years (``| OSDI'23 |`` under Venue), worked out once a row without a year asks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._rows: dict[int, TableRow] | None = None
        self._columns: dict[int, int] | None = None

    def marked_none(self, found: list[Entry]) -> set[int]:
        """The entries among ``found`` that hold the list's own "none" marker: in a row's
        year-carrying cell (``| **ThunderKittens: ...** | — | [Paper](...) |`` beside ``| OSDI'23
        |``), or as the tag opening the entry where the others hold a venue and year (``(arxiv)
        Title`` beside ``(NSDI'24) Title``). A marker the list writes on several undated entries
        linking a paper (three of a placeholder, two of a tag naming a preprint server or no
        venue), and on no dated entry, says on purpose there is no year to give. A single such
        entry, or a marker also written on an entry with a year (``(arXiv'24)``), is still a
        missing year."""
        if not found:
            return set()
        papers: dict[str, int] = {}
        dated: set[str] = set()
        for entry in self.doc.entries:
            marker = self._marker(entry)
            if marker is None:
                continue
            if entry.year is not None:
                dated.add(marker)
            elif any(link.kind == "paper" for link in entry.links):
                papers[marker] = papers.get(marker, 0) + 1
        habits = {marker for marker, count in papers.items() if count >= _habit(marker)} - dated
        return {id(entry) for entry in found if self._marker(entry) in habits}

    def _marker(self, entry: Entry) -> str | None:
        """The placeholder alone in the row's year-carrying cell, or the entry's opening tag
        naming a preprint server or no venue (``arxiv``, ``under review``), if any."""
        if entry.table is None:
            tag = _NO_VENUE_TAG.match(entry.body.text)
            return tag.group("name").casefold() if tag is not None else None
        row = self._row(entry)
        column = self._year_columns().get(id(entry.table))
        if row is None or column is None or column >= len(row.cells):
            return None
        start, end = row.cells[column]
        cell = self.doc.text[start:end].strip(_MARKS)
        return cell.casefold() if _PLACEHOLDER.fullmatch(cell) else None

    def _row(self, entry: Entry) -> TableRow | None:
        if self._rows is None:
            self._rows = {row.line: row for row in self.doc.rows}
        row = self._rows.get(entry.line)
        return row if row is not None and row.start <= entry.start < row.end else None

    def _year_columns(self) -> dict[int, int]:
        """Each table's (by id) column holding most of its dated rows' years, in one pass."""
        if self._columns is None:
            counts: dict[int, Counter[int]] = {}
            for entry in self.doc.entries:
                row = self._row(entry) if entry.table is not None and entry.year else None
                if row is None or entry.year is None:
                    continue
                at = entry.year.start
                cells = counts.setdefault(id(entry.table), Counter())
                cells.update(i for i, (start, end) in enumerate(row.cells) if start <= at < end)
            self._columns = {
                table: cells.most_common(1)[0][0] for table, cells in counts.items() if cells
            }
        return self._columns


def _habit(marker: str) -> int:
    """How many undated papers make ``marker`` the list's own: fewer for a tag that says what it
    means (``arxiv``) than for a dash or ``N/A``."""
    return _MARKER_HABIT if _PLACEHOLDER.fullmatch(marker) else _NAMED_MARKER_HABIT
