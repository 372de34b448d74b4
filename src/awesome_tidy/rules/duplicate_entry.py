from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from itertools import combinations

from awesome_tidy.model import (
    Document,
    Entry,
    Link,
    ListItem,
    TableRow,
    heading_items,
    label_items,
    named_on_top,
    normalize_title,
    normalize_url,
    title_lines,
    top_item,
    under_picks,
)
from awesome_tidy.rule import DELETE_DUPLICATE_ITEM, Edit, Fix, Problem, Rule, Storms

_VARIANT_ROWS = 3  # rows of a table whose link in one column is labelled alike: its vocabulary
# The columns that name what a row is (``| Model |``, ``| Method |``): a paper of several models
# takes one row per model.
_NAME_COLUMNS = ("model", "models", "method", "methods", "algorithm", "algorithms", "variant")
# A section of talks, posters or slides: one work shown at several events, one entry each.
_EVENTS = re.compile(
    r"(?<![^\W\d_])(?:posters?|talks?|presentations?|slides|lectures?|keynotes?|webinars?"
    r"|seminars?|演讲)(?![^\W\d_])",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")
_MAX_LEAD_WORDS = 4  # a bold source or subject leading an item: a name, not a paper's title
_COMPARED = 8  # earlier copies of a paper in one place that a later copy is compared with
_BLOCK = 3  # adjacent items of one group copied, in order, under another: a block pasted twice


class DuplicateEntry(Rule):
    name = "duplicate-entry"
    severity = "error"
    summary = "The same paper twice in one section."
    fix_safety = "safe"
    changes = (DELETE_DUPLICATE_ITEM,)
    judges_entries = Storms(pairs=True)

    def check(self, doc: Document) -> Iterator[Problem]:
        held = _entry_items(doc)
        labels = label_items(doc.text, doc.entries) | held
        headings = heading_items(doc)
        rows = {row.line: row for row in doc.rows}
        lines = title_lines(doc.items, doc.entries)
        pasted = _pasted_blocks(doc, lines)
        for group in doc.copies:
            before: dict[tuple[int, int, int], list[Entry]] = {}
            items: dict[tuple[tuple[int, int, int], int, str], Entry] = {}
            for entry in group:
                earlier = before.setdefault(_place(entry, labels, headings, lines), [])
                same = _same_item(doc, items, entry, labels, headings, lines)
                if not earlier:
                    earlier.append(entry)
                    continue
                fix = None
                if same is not entry:
                    first, fix = same, _deletion(entry, lines)
                else:
                    copies = [
                        one
                        for one in earlier
                        if not _two_entries(doc, rows, held, pasted, lines, one, entry)
                    ]
                    if len(earlier) < _COMPARED:
                        earlier.append(entry)
                    if not copies:
                        continue
                    first = _closest(doc, copies, entry, lines)
                yield self.problem(
                    entry.body.start,
                    entry.body.end,
                    message=f"duplicate of line {first.line} in the same {_where(entry)}"
                    + ("" if fix else f"; {_why_no_fix(doc, first, entry, lines)}, so no fix"),
                    fix=fix,
                    related=first.start,
                )


def _two_entries(
    doc: Document,
    rows: dict[int, TableRow],
    held: frozenset[int],
    pasted: frozenset[int],
    lines: frozenset[int],
    first: Entry,
    entry: Entry,
) -> bool:
    """Whether two copies of one paper that are not one item twice under one parent are two
    entries all the same."""
    return (
        _variants(doc, rows, first, entry)
        or _two_groups(first, entry, held, pasted, lines)
        or _named_apart(doc, rows, first, entry)
        or _described_apart(doc, rows, first, entry)
        or _at_events(first, entry)
        or _two_kinds(first, entry)
        or _two_under_one_lead(first, entry)
        or named_on_top(doc.text, first, entry, lines)
        or under_picks(doc.text, first) != under_picks(doc.text, entry)
    )


def _closest(doc: Document, copies: list[Entry], entry: Entry, lines: frozenset[int]) -> Entry:
    """The copy whose text is nearest the entry's (the first of equals): a third copy is told
    of the one it repeats, not of the first of a paper listed several ways."""
    if len(copies) == 1:
        return copies[0]
    from rapidfuzz.fuzz import ratio

    text = doc.item_text(_unit(entry, lines)) if entry.item is not None else entry.body.text
    return max(
        copies,
        key=lambda one: ratio(
            text, doc.item_text(_unit(one, lines)) if one.item is not None else one.body.text
        ),
    )


def _unit(entry: Entry, lines: frozenset[int]) -> ListItem:
    """The list item that is the entry: its own, or the title line it is nested under."""
    item = entry.item
    assert item is not None
    parent = item.parent
    return parent if parent is not None and id(parent) in lines else item


def _place(
    entry: Entry,
    labels: frozenset[int],
    headings: frozenset[int] = frozenset(),
    lines: frozenset[int] = frozenset(),
) -> tuple[int, int, int]:
    """Where two copies are one list: the same table, or the same list of one section.

    A section whose list is broken in two (by an HTML heading, a label paragraph, a note) groups
    its papers on purpose: a paper in both halves is listed twice by design, not by mistake.
    So does a list that writes its sections as anchored top-level items (``- <span
    id="tool">Tools</span>`` over its groups, ``model.heading_items``): a copy under two of
    them is filed twice, even in a block pasted twice, while two groups of one of them are
    sub-groups of one section (``_two_groups``).
    So does a list that says its papers may sit in several categories, under label items
    (``- Reward design`` over its papers): there a paper under two labels is cross-listed, even
    in a block pasted twice (``_pasted_blocks``).
    An entry nested under another entry (``- nnScaler ...`` over ``  - SuperScaler ...``, its
    predecessor; a paper over its workshop version) is a note about that entry, not a second
    listing: it is a copy only of another note under the same entry (``labels`` holds the
    entries' items too).
    """
    if entry.item is None:
        return id(entry.container), -1, 0
    item = _unit(entry, lines)
    label = id(item.parent) if item.parent is not None and id(item.parent) in labels else 0
    if not label and headings and (top := top_item(entry)) is not None and id(top) in headings:
        label = id(top)
    return id(entry.container), item.top_list, label


def _variants(doc: Document, rows: dict[int, TableRow], first: Entry, entry: Entry) -> bool:
    """Two rows of one table that differ in one cell only, a link to another file labelled by
    another value of that column's vocabulary (``| RBY1 | [URDF](.../model.urdf) |`` and ``|
    RBY1 | [MJCF](.../model.xml) |``, each label on three rows or more): one thing in two
    formats or flavours, listed once per variant on purpose."""
    one, other = rows.get(first.line), rows.get(entry.line)
    if one is None or other is None or len(one.cells) != len(other.cells):
        return False
    text = doc.text
    differ = [
        column
        for column, (a, b) in enumerate(zip(one.cells, other.cells, strict=True))
        if text[a[0] : a[1]] != text[b[0] : b[1]]
    ]
    if len(differ) != 1:
        return False
    column = differ[0]
    links = (_cell_link(first, one.cells[column]), _cell_link(entry, other.cells[column]))
    if links[0] is None or links[1] is None:
        return False
    labels = [link.label.text for link in links if link is not None]
    urls = {normalize_url(link.url.text) for link in links if link is not None}
    if labels[0] == labels[1] or len(urls) == 1:
        return False
    vocabulary = Counter(
        link.label.text
        for row_entry in doc.entries
        if row_entry.table is one.table
        and (row := rows.get(row_entry.line)) is not None
        and column < len(row.cells)
        and (link := _cell_link(row_entry, row.cells[column])) is not None
    )
    return all(vocabulary[label] >= _VARIANT_ROWS for label in labels)


def _named_apart(doc: Document, rows: dict[int, TableRow], first: Entry, entry: Entry) -> bool:
    """Two rows of a table with a column that names each row's model or method (``| 2018 |
    **TA-DistMult** | **Learning Sequence Encoders ...** |`` and ``| 2018 | **TA-TransE** |
    ...``): one paper of several models, listed once per model as the table does. Rows whose
    names agree (or one is blank) are the same row twice."""
    one, other = rows.get(first.line), rows.get(entry.line)
    if one is None or other is None or len(one.cells) != len(other.cells):
        return False
    column = one.table.column(*_NAME_COLUMNS)
    if column is None or column >= len(one.cells) or entry.title is None:
        return False
    start, end = other.cells[column]
    if start <= entry.title.start < end:
        return False  # the title's own column: its copies are the same title
    names = {normalize_title(doc.text[a:b]) for a, b in (one.cells[column], other.cells[column])}
    return len(names) == 2 and "" not in names


def _described_apart(doc: Document, rows: dict[int, TableRow], first: Entry, entry: Entry) -> bool:
    """Two rows of a table that share their name and nothing else that says what each is: a
    description of its own (a cell of words without links in both: row numbers and years
    differ on any two rows) and links of their own, labelled apart
    (``| HarborNER | Ship names ... | [2019 data](a) |`` and ``| HarborNER | Cargo types ... |
    [2020 data](b) |``): one name given to several datasets or editions, each a row. A row
    repeated with its link (the same row twice), with its description and another link (the
    link changed in one copy), or with its link's label on another address (a tool by its
    repository and by its site; a paper by two arXiv versions) is one thing twice."""
    one, other = rows.get(first.line), rows.get(entry.line)
    if one is None or other is None or len(one.cells) != len(other.cells):
        return False
    copies = (first, entry)
    urls = [{normalize_url(link.url.text) for link in copy.real_links} for copy in copies]
    labels = [{link.label.text.strip().casefold() for link in copy.real_links} for copy in copies]
    if not urls[0] or not urls[1] or urls[0] & urls[1] or labels[0] & labels[1]:
        return False
    text = doc.text
    return any(
        _has_words(text[a[0] : a[1]])
        and _has_words(text[b[0] : b[1]])
        and text[a[0] : a[1]] != text[b[0] : b[1]]
        for a, b in zip(one.cells, other.cells, strict=True)
        if _cell_link(first, a) is None
        and _cell_link(entry, b) is None
        and not (entry.title is not None and b[0] <= entry.title.start < b[1])
    )


def _has_words(cell: str) -> bool:
    """A cell that says something in words, not a row number or a year (``1.``, ``2019``)."""
    return any(char.isalpha() for char in cell)


def _at_events(first: Entry, entry: Entry) -> bool:
    """Two copies under a heading of talks, posters or slides (``### Posters``, ``## Talks``),
    each linking a page of its own: one work shown at two events (a poster at a conference in
    May and at a workshop in January) is two entries. The entry's own heading only: a title
    over the whole list (``# Courses with video lectures``) files nothing. Copies on one link,
    or elsewhere one paper by its arXiv and by its venue link, are one entry twice."""
    heading = entry.section.heading
    if heading is None or not _EVENTS.search(heading.text):
        return False
    links = [copy.primary_link for copy in (first, entry)]
    urls = {normalize_url(link.url.text) for link in links if link is not None}
    return len(urls) == len(links)


# A word that says what kind of resource an entry is, as a label before its title
# (``[Video] Title``, ``(Slides) Title``, ``Paper: Title``).
_KIND_LABEL = re.compile(
    r"[\[(]?(video|talk|slides|paper|pdf|blog|post|article|podcast|book|code|course|lecture)"
    r"[\])]?:?\s",
    re.IGNORECASE,
)
_MARK_CATEGORIES = frozenset(("So", "Sk", "Mn", "Cf"))


def _two_kinds(first: Entry, entry: Entry) -> bool:
    """Two copies of one title that the list marks as two kinds of resource, with an emoji or
    a label before the title (``🎥 What is Decidable ...`` on a video site and ``📜 What is
    Decidable ...`` on the publisher's: the talk and its paper), on links of their own: two
    resources, not one twice. Marks that agree, or one link shared, are one entry twice."""
    marks = [_kind_mark(copy) for copy in (first, entry)]
    if not marks[0] or not marks[1] or marks[0] == marks[1]:
        return False
    urls = [{normalize_url(link.url.text) for link in copy.real_links} for copy in (first, entry)]
    return bool(urls[0] and urls[1]) and not urls[0] & urls[1]


def _kind_mark(entry: Entry) -> str:
    """The emoji or kind label the entry's title starts with, or ``""``."""
    if entry.title is None:
        return ""
    text = entry.title.text.lstrip()
    at = 0
    while at < len(text) and unicodedata.category(text[at]) in _MARK_CATEGORIES:
        at += 1
    if at:
        return text[:at]
    label = _KIND_LABEL.match(text)
    return label.group(1).casefold() if label else ""


def _two_under_one_lead(first: Entry, entry: Entry) -> bool:
    """Two entries that open with one bold phrase (``**Soil moisture (SM)** is measured ...``
    and ``**Soil moisture (SM)** can be mapped ...``; ``- **Acme Bank** Research hub <url>`` and
    ``- **Acme Bank** Guide to quant jobs <url>``) and go on in other words: a subject or a
    source that leads two texts, not a paper twice. Only where the bold phrase runs into the
    text (two paragraphs without a link, or items with no separator after a name of a few
    words) and no link is shared: ``**Title** - description`` names the paper, a paper's title
    in bold (``**Program Synthesis from Video** (2022), BMVC``) is the paper whatever follows
    it, and a pasted copy goes on in the same words (or most of them)."""
    copies = (first, entry)
    if any(copy.form != "bold" and copy.shape != "paragraph" for copy in copies):
        return False
    if all(copy.shape == "paragraph" for copy in copies):
        if first.real_links or entry.real_links:
            return False
    elif any(
        copy.shape == "paragraph"
        or copy.separator is not None
        or len(copy.title_text.split()) > _MAX_LEAD_WORDS
        for copy in copies
    ):
        return False
    urls = [{normalize_url(link.url.text) for link in copy.real_links} for copy in copies]
    if urls[0] & urls[1]:
        return False
    words = [_words_after_title(copy) for copy in copies]
    shared = len(words[0] & words[1])
    return 2 * shared < min(len(words[0]), len(words[1]))


def _words_after_title(entry: Entry) -> set[str]:
    """The words of the entry after its title, in lower case."""
    start = entry.title.end if entry.title is not None else entry.body.start
    return {word.casefold() for word in _WORD.findall(entry.body.text[start - entry.body.start :])}


def _two_groups(
    first: Entry, entry: Entry, held: frozenset[int], pasted: frozenset[int], lines: frozenset[int]
) -> bool:
    """Two copies, each under its own label item of one list (``* HTTP clients`` and ``* HTTP
    servers`` over a library that is both; ``* **Emotion-Recognition**`` and ``* **Error-Related
    Potentials**`` over one dataset): one thing filed in two sub-groups of a section, as under
    two headings (``cross-section-duplicate``'s concern), not a slip. ``held``: the items that
    hold an entry (an entry's sub-item is a note, not a group). A copy in a block of adjacent
    copies (``pasted``) is a group's items pasted again, and stays reported."""
    if first.item is None or entry.item is None:
        return False
    units = (_unit(first, lines), _unit(entry, lines))
    one, other = units[0].parent, units[1].parent
    if one is None or other is None or one is other or id(one) in held or id(other) in held:
        return False
    return id(units[1]) not in pasted


def _pasted_blocks(doc: Document, lines: frozenset[int]) -> frozenset[int]:
    """The list items (by id) in a run of ``_BLOCK`` adjacent items or more, each a copy of the
    item at the same place of a run under another parent (``Udemy``, ``Boostcourse``, ``TCP
    School``, ... under ``* Education`` and again, in that order, under ``* Study``): a block
    pasted twice, not things filed in two groups one by one."""
    if not doc.copies:
        return frozenset()
    copy_of: dict[int, int] = {}
    for number, group in enumerate(doc.copies):
        for entry in group:
            if entry.item is not None:
                copy_of[id(_unit(entry, lines))] = number
    siblings: dict[tuple[int, int], list[ListItem]] = {}
    place: dict[int, tuple[list[ListItem], int]] = {}
    for item in doc.items:
        items = siblings.setdefault((id(item.parent), item.list_id), [])
        place[id(item)] = (items, len(items))
        items.append(item)
    pasted: set[int] = set()
    for group in doc.copies:
        units = [_unit(entry, lines) for entry in group if entry.item is not None]
        for one, other in combinations(units, 2):
            if one.parent is not other.parent and _run(place, copy_of, one, other) >= _BLOCK:
                pasted.update((id(one), id(other)))
    return frozenset(pasted)


def _run(
    place: dict[int, tuple[list[ListItem], int]],
    copy_of: dict[int, int],
    one: ListItem,
    other: ListItem,
) -> int:
    """How many adjacent items, ``one`` among them, are each a copy of the item at the same
    place next to ``other``."""
    mine, at = place[id(one)]
    theirs, there = place[id(other)]
    length = 1
    for step in (-1, 1):
        offset = step
        while (
            0 <= at + offset < len(mine)
            and 0 <= there + offset < len(theirs)
            and copy_of.get(id(mine[at + offset]), -1)
            == copy_of.get(id(theirs[there + offset]), -2)
        ):
            length += 1
            offset += step
    return length


def _why_no_fix(doc: Document, first: Entry, entry: Entry, lines: frozenset[int]) -> str:
    """Why a copy is reported without a fix: only a list item with an identical sibling
    before it is deleted (``_same_item``). Copies that read the same may still be two rows of a
    table, or items under two parents (deleting one would take it out of its group: which
    group keeps it is a person's choice)."""
    if first.item is None or entry.item is None:
        same = first.body.text.split() == entry.body.text.split()
        return "only a list item is deleted" if same else "the copies differ"
    if doc.item_text(_unit(first, lines)) == doc.item_text(_unit(entry, lines)):
        return "the copies are under different parent items"
    return "the copies differ"


def _cell_link(entry: Entry, cell: tuple[int, int]) -> Link | None:
    """The entry's first link inside a cell of its row."""
    return next((link for link in entry.links if cell[0] <= link.start < cell[1]), None)


def _entry_items(doc: Document) -> frozenset[int]:
    """The list items (by id) that hold an entry: a sub-item under one is a note about it."""
    return frozenset(id(entry.item) for entry in doc.entries if entry.item is not None)


def _same_item(
    doc: Document,
    seen: dict[tuple[tuple[int, int, int], int, str], Entry],
    entry: Entry,
    labels: frozenset[int],
    headings: frozenset[int],
    lines: frozenset[int],
) -> Entry:
    """The first entry of the group whose whole list item, sub-items included, is this one's,
    under the same parent in the same list (whitespace aside); the entry itself if none is.
    An entry under a title line of its own (``title_lines``) is the two: the title line's item
    is compared."""
    if entry.item is None:
        return entry
    item = _unit(entry, lines)
    key = (_place(entry, labels, headings, lines), id(item.parent), doc.item_text(item))
    return seen.setdefault(key, entry)


def _deletion(entry: Entry, lines: frozenset[int]) -> Fix:
    """Delete the copy, sub-items and all (its title line with it): it holds nothing its twin
    does not."""
    item = _unit(entry, lines)
    return Fix.safe(Edit.delete(item.start, item.end))


def _where(entry: Entry) -> str:
    return "table" if entry.table is not None else "section"
