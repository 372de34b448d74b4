"""The table-row reader: the title column, and the year and venue columns."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_tidy.inline import Part, code_spans, links, part
from awesome_tidy.metadata import (
    SLOT_YEAR,
    UNKNOWN_YEAR,
    YEAR_DIGITS,
    find_year,
    named_by_venue,
    names_known_venue,
    preprint_marker,
    venue_around,
)
from awesome_tidy.nodes import Entry, meta_section
from awesome_tidy.readers.candidate import Candidate, cross_reference
from awesome_tidy.readers.decide import Found, decide, wants_year
from awesome_tidy.readers.lead import badges_of, skip_decoration
from awesome_tidy.readers.tail import holes_of, label_around
from awesome_tidy.readers.title import read_title

if TYPE_CHECKING:
    from awesome_tidy.document import Document
    from awesome_tidy.nodes import TableRow


_TITLE_HEADERS = (
    *("title", "name", "paper", "method", "model", "dataset", "project", "tool", "product"),
    *("标题", "题目", "名称", "论文", "模型", "数据集", "项目", "产品"),
    *("タイトル", "名前", "論文", "モデル", "제목", "이름", "논문", "모델"),
)
# Who makes or sells the row's thing (``| 公司 | 产品 |``, ``| Company | Product |``).
ORGANISATION_HEADERS = (
    *("company", "organization", "organisation", "vendor", "developer", "manufacturer"),
    *("公司", "企业", "厂商", "机构"),
)
# Who owns, makes or wrote the row's thing: a name shared by the owner's several things, never
# the row's own while another cell names it.
OWNER_HEADERS = (
    *ORGANISATION_HEADERS,
    *("institution", "institute", "affiliation", "publisher", "author", "authors"),
    *("lab", "team", "owner", "作者", "团队", "单位"),
)
YEAR_HEADERS = ("year", "date", "time", "published", "年份", "时间", "日期")
VENUE_HEADERS = ("venue", "publication", "conference", "journal", "pub", "会议", "期刊")
# A table this long shows which columns group its rows; a shorter one may repeat by chance.
_GROUPING_ROWS = 4
_METHOD_WORDS = 3
_EMPTY_LINK = re.compile(r"\[[^\[\]]*\]\(\s*\)")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_PLACEHOLDER_LINKS = 2
# ``TPAMI20``, ``TIP21``, ``3DV21``: a whole year cell that is a venue glued to a two-digit year,
# as ``CVPR20`` is. Under a year header the digits are the year whatever the venue's name; in
# running text only the venues of ``_GLUED_VENUES`` are (``VGG16`` and ``GPT4`` are names).
_GLUED_YEAR_CELL = re.compile(r"[\s*_]*\d?[A-Z][A-Za-z]*(\d\d)[\s*_]*")
# ``CCS/2021``, ``CVPR /2022``, ``ICLR(workshop)/2021``: a venue, a slash, its year, in a column
# headed ``Venue and Year``. Running text reads no year after a slash (``12/2021`` is a date
# whose month comes first, a path holds numbers); after a venue's name in a year cell it is a
# year the readers leave unread (read, the venue came out as ``CCS/``): missing-year is silent.
_VENUE_SLASH_YEAR = re.compile(r"[A-Za-z)][ \t]*/[ \t]*(?:" + YEAR_DIGITS + r")(?!\d)")
# ``ongoing``, ``daily-updated``: a word in lower case, which a venue's name is not.
_ANSWER_WORD = re.compile(r"(?<![\w-])[a-z]{4,}(?:-[a-z]+)*(?![\w-])")
# A cell that names a venue and its year and nothing else (``NIPS 2025``, ``EMNLP 2025
# Findings``): few words, no link.
_VENUE_CELL_WORDS = 4
# A measured value: ``73.2``, ``78.2 (07+12)``, ``7B``, ``45%``, ``~30 fps``. Each blank run
# belongs to what follows it, so a run of spaces is read one way (linear, tests/test_regexes.py).
_MEASURE = re.compile(
    r"[-+~≈<>]?\s*\d[\d.,]*(?:\s*(?:%|[kmbgt]|x|×|ms|fps))?(?:\s*\([^()|]*\))?\**",
    re.IGNORECASE,
)


def row_candidates(doc: Document) -> Iterator[Candidate]:
    """The candidate entry of each table row, in source order."""
    grouping = _grouping_columns(doc)
    for row in doc.rows:
        candidate = _row_candidate(doc, row, grouping.get(id(row.table), frozenset()))
        if candidate is not None:
            yield candidate


def _row_candidate(
    doc: Document, row: TableRow, grouping: frozenset[int] = frozenset()
) -> Candidate | None:
    table = row.table
    if not row.cells or meta_section(table.section):
        return None
    text = doc.text
    body = part(text, row.cells[0][0], row.cells[-1][1])
    end = doc.next_line_start(row.start)
    entry = Entry("table-row", row.line, row.start, end, body, table.section, table=table)
    entry.code_spans = code_spans(text, body.start, body.end)
    entry.links = links(text, body.start, body.end, entry.code_spans)
    cell = _title_cell(text, row, grouping)
    if cell is None or _placeholder(text[cell[0] : cell[1]]):
        return None
    at = skip_decoration(text, badges_of(entry), *cell)
    read_title(text, entry, at, cell[1])
    if entry.title is not None:
        entry.form = "link" if entry.title_link is not None else entry.form
        _read_row_metadata(text, entry, row)
    evidence = (
        entry.title is not None
        and bool(entry.real_links or (entry.year and not _results_row(text, row, cell)))
        and not cross_reference(entry)
    )
    return Candidate(entry, evidence, (id(table),))


def _title_cell(text: str, row: TableRow, grouping: frozenset[int]) -> tuple[int, int] | None:
    """The cell named as the title by its header; else the first that holds a letter, under
    no year or venue header, no owner's header (``公司``, ``Company``: a company certified for
    two products is two rows, not one thing twice) while another cell qualifies, and not in a
    grouping column. A column named as the title whose values repeat (``| [Resemblyzer](url) |
    d-vector |`` under ``| Link | Method |``) names a kind the rows share, not each row: it is
    passed over too.

    A leading row number, a year, a venue or a category is no title: taken for one, it made
    unrelated rows that share a number (or a venue, ``| 2024-01 | EMNLP 2024 | Name |``, or a
    field, ``| **Industry** | [Meter reading](url) |``) one entry.
    """
    table = row.table
    column = table.column(*_TITLE_HEADERS)
    if column is not None and column not in grouping:
        cell = row.cells[column] if column < len(row.cells) else None
    else:
        cells = [
            (c, _owning(table.header[i : i + 1]))
            for i, c in enumerate(row.cells)
            if _has_letter(text, *c) and i not in grouping and not _dating(table.header[i : i + 1])
        ]
        cell = next((c for c, owner in cells if not owner), cells[0][0] if cells else None)
    return cell if cell is not None and cell[1] > cell[0] else None


def _results_row(text: str, row: TableRow, title: tuple[int, int]) -> bool:
    """Whether the row names a method (three words at most) and its other cells are mostly
    measurements: ``| Faster R-CNN | 73.2 | 21.9 | NIPS'15 |`` is a result in a results table,
    not a paper, and one method is measured in several rows (backbones, sizes, settings) by
    design, not listed twice by mistake. A whole paper title with its citation counts is a
    paper."""
    if len(text[title[0] : title[1]].split()) > _METHOD_WORDS:
        return False
    others = [
        text[start:end].strip()
        for index, (start, end) in enumerate(row.cells)
        if (start, end) != title and not _dating(row.table.header[index : index + 1])
    ]
    numbers = sum(1 for cell in others if _MEASURE.fullmatch(cell))
    blanks = sum(1 for cell in others if cell.lower() in UNKNOWN_YEAR)
    return numbers >= 1 and numbers + blanks >= 2 and (numbers + blanks) * 2 > len(others)


def _grouping_columns(doc: Document) -> dict[int, frozenset[int]]:
    """For each table (by id) of at least ``_GROUPING_ROWS`` rows, its columns whose values
    repeat in half the rows or more: a category (``| **Industry** |``, ``| Survey |``) that
    groups rows, where titles are each their own."""
    tables: defaultdict[int, list[TableRow]] = defaultdict(list)
    for row in doc.rows:
        tables[id(row.table)].append(row)
    grouping: dict[int, frozenset[int]] = {}
    for key, rows in tables.items():
        if len(rows) < _GROUPING_ROWS:
            continue
        columns: defaultdict[int, list[str]] = defaultdict(list)
        for row in rows:
            for index, (start, end) in enumerate(row.cells):
                value = " ".join(doc.text[start:end].split()).casefold()
                if value and not _placeholder(value):
                    columns[index].append(value)
        grouping[key] = frozenset(
            index
            for index, values in columns.items()
            if (len(values) - len(set(values))) * 2 >= len(values)
        )
    return grouping


def _placeholder(value: str) -> bool:
    """``.[[paper]()][[code]()]``: a cell of a template row waiting for its paper, nothing but
    empty links, two or more (one, ``[Soil maps from radar]()``, may be a paper whose link is
    missing). The row is no entry, and the cell says nothing of what its column holds:
    counted, a table of two papers and eight waiting rows made its title column a category."""
    if value.count("]()") < _PLACEHOLDER_LINKS:
        return False
    rest, found = _EMPTY_LINK.subn("", value)
    return found >= _PLACEHOLDER_LINKS and not _LETTER_OR_DIGIT.search(rest)


def _dating(header: list[str]) -> bool:
    """Whether a column's header (a list of none or one) names a year or venue column."""
    return _names(header, (*YEAR_HEADERS, *VENUE_HEADERS))


def _owning(header: list[str]) -> bool:
    """Whether a column's header (a list of none or one) names whoever owns the row's thing."""
    return _names(header, OWNER_HEADERS)


def _names(header: list[str], names: tuple[str, ...]) -> bool:
    """Whether a header (a list of none or one) holds one of ``names`` as a word (inside it, for
    a name in a script written without spaces)."""
    if not header:
        return False
    words = set(re.findall(r"\w+", header[0]))
    return any(name in words or (not name.isascii() and name in header[0]) for name in names)


def _has_letter(text: str, start: int, end: int) -> bool:
    return any(char.isalpha() for char in text[start:end])


def _column_year(text: str, entry: Entry, start: int, end: int, how: str) -> Part | None:
    """The year of a year or venue cell. A year cell that opens with four digits (``2016.12.2``,
    a date) has its year there, as any slot kept for the year does."""
    found = find_year(text, start, end, holes_of(text, entry, start, end))
    if found is None and how == "year-column":
        opening = SLOT_YEAR.match(text, start, end)
        if opening is not None and not text[opening.end() : opening.end() + 1].isdigit():
            found = part(text, *opening.span())
        glued = _GLUED_YEAR_CELL.fullmatch(text, start, end)
        if found is None and glued is not None:
            found = part(text, *glued.span(1))
    return found


def slash_year(cell: str) -> bool:
    """Whether a year cell names a venue, a slash and its year (``CCS/2021``)."""
    return _VENUE_SLASH_YEAR.search(cell) is not None


def _venue_cell_year(text: str, entry: Entry, row: TableRow, skip: int) -> Found | None:
    """``| [Title](url) | NIPS 2025 | | Task |`` under ``| Title | Source | Date | Task |``: the
    date cell is empty (the arXiv posting date, and the paper has no arXiv copy), but a cell
    that names a venue with its year, and nothing more, dates the row: the venue's year is
    the paper's. The title's cell and the year column (``skip``) are passed over."""
    title = entry.title
    for index, (start, end) in enumerate(row.cells):
        if index == skip or title is None or start <= title.start < end:
            continue
        value = text[start:end]
        if "](" in value or "<" in value or len(value.split()) > _VENUE_CELL_WORDS:
            continue
        if preprint_marker(value):
            continue  # ``arXiv(v1) (ICLR24)``: the row is the preprint, which the date cell dates
        year = find_year(text, start, end)
        if year is not None and named_by_venue(text, year):
            return Found("venue-column", year, venue_around(text, start, end, year))
    return None


def _answers_year(text: str, entry: Entry, start: int, end: int, asks_venue: bool) -> bool:
    """Whether a year cell without a year answers the column all the same: ``-``, ``N/A``, or
    in words (``ongoing``, ``daily-updated · WIDE Project``, a dataset updated as it goes). Not
    where the column asks for the venue too (``Venue/Year``), nor a cell that names a venue
    (``TGRS``, ``Nature``, ``CVPR``: no word in lower case, or a known one) or a preprint
    (``arXiv``), or links a page: those say where the paper is, not when."""
    cell = text[start:end]
    if cell.strip().lower() in UNKNOWN_YEAR:
        return True
    if entry.year is not None or asks_venue or "](" in cell or not _ANSWER_WORD.search(cell):
        return False
    return not (names_known_venue(cell) or preprint_marker(cell))


def _read_row_metadata(text: str, entry: Entry, row: TableRow) -> None:
    table = row.table
    columns = (
        (table.column(*YEAR_HEADERS), "year-column"),
        (table.column(*VENUE_HEADERS), "venue-column"),
    )
    for column, how in columns:
        if column is not None and column < len(row.cells) and wants_year(entry, how):
            start, end = row.cells[column]
            decide(entry, Found(how, _column_year(text, entry, start, end, how)))
            asks_venue = column == columns[1][0]
            if how == "year-column" and _answers_year(text, entry, start, end, asks_venue):
                entry.year_unknown = True
    if entry.year is None and columns[0][0] is not None and columns[1][0] is None:
        decide(entry, _venue_cell_year(text, entry, row, columns[0][0]))
    column, how = columns[1] if columns[1][0] is not None else columns[0]
    if column is not None and column < len(row.cells):
        start, end = row.cells[column]
        label = label_around(entry, entry.year) if entry.year is not None else None
        if label is not None and start <= label[0] < end:
            start, end = label
        holes = holes_of(text, entry, start, end)
        decide(entry, Found(how, venue=venue_around(text, start, end, entry.year, holes)))
