"""What a list does most of the time: its key style, entry spacing and bullet marker, and the
conventions of each group of entries written alike (where the year is, whether keys exist).

Rules judge an entry against the list's own majority, never against a house style, so that the
fixer never restyles a list into a format it does not use.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from awesome_tidy.markers import EMOJI_SHORTCODE, read_marks
from awesome_tidy.metadata import (
    ET_AL,
    UNKNOWN_YEAR,
    arxiv_id,
    heading_dates,
    holds_short_date,
    holds_year_like,
    may_name_preprint,
    plausible_year,
    preprint_marker,
)
from awesome_tidy.metadata import key_year as key_year
from awesome_tidy.nodes import KEY_STYLES as KEY_STYLES
from awesome_tidy.nodes import Entry, Section, keys_name_papers
from awesome_tidy.readers.row import VENUE_HEADERS, YEAR_HEADERS, slash_year
from awesome_tidy.text import ARROW, is_cjk, normalize_title
from awesome_tidy.urls import host_of, is_kind_label, is_paper_url, is_pdf

if TYPE_CHECKING:
    from awesome_tidy.document import Document
    from awesome_tidy.inline import Link

T = TypeVar("T")

KEY_STYLE_EXAMPLES = {
    "google-scholar": "authorYEARword, e.g. he2016deep",
    "semantic-scholar": "AuthorYEARWords, e.g. He2015DeepRL",
    "dblp": "DBLP:venue/name, e.g. DBLP:conf/cvpr/HeZRS16",
    "author-year": "AuthorYEAR, e.g. He2016",
}


def dominant(values: Iterable[T], share: float = 0.6) -> T | None:
    """The value held by at least ``share`` of ``values``, if there is one."""
    counts = Counter(values)
    total = sum(counts.values())
    if not total:
        return None
    value, count = counts.most_common(1)[0]
    return value if count >= share * total else None


def dominant_key_style(entries: Iterable[Entry], share: float = 0.6) -> str | None:
    # Each entry reads its key's style once. Of a document's entries, the built-in rules ask
    # ``dominant(doc.key_styles, share)``: the same answer, the styles listed once per check.
    return dominant((entry.key_style for entry in entries if entry.key_text), share)


def has_years(entries: list[Entry]) -> bool:
    """True when most of ``entries`` have a year (their own, or their heading's), and those
    years are not mostly implausible.

    ``[1532]`` closing every line of a list is a count, not a year: where several "years" and
    most of them are implausible, the list keeps none, and ``year-out-of-range`` has nothing to
    judge. One or two are too few to say: they may be the slips the rule is for.
    """
    with_year = sum(1 for entry in entries if dated(entry))
    implausible = sum(
        1
        for entry in entries
        if entry.year_value is not None and not plausible_year(entry.year_value)
    )
    misread = implausible >= _SMALL_GROUP and implausible * 2 > with_year
    return with_year * 2 > len(entries) and not misread


def dated(entry: Entry) -> bool:
    """Whether the entry has a year: its own, or the year or date of a heading it is under
    (``### 2024``, ``### 2024.05``, ``## 2023-2024``)."""
    if entry.year is not None:
        return True
    section: Section | None = entry.section
    while section is not None and section.heading is not None:
        if heading_dates(section.heading.text):
            return True
        section = section.parent
    return False


_SMALL_GROUP = 3


@dataclass(frozen=True, slots=True)
class Convention:
    """What the entries of one group (written alike, in one container) do, learnt from their
    majority. A field most of the group lacks is *not understood* there: the reader may not
    know where this list keeps it, and rules that need the field say nothing about the group.
    """

    size: int
    """How many entries the convention was learnt from."""
    year_understood: bool
    """Most entries have a year (their own or their heading's)."""
    year_share: float
    """The share of entries that have a year (their own or their heading's)."""
    year_where: str | None
    """How most dated entries' years were found (``Entry.year_how``), None when no majority."""
    keys_understood: bool
    """Most entries have a citation key."""
    key_style: str | None
    """The citation-key style (``KEY_STYLES``) at least half of the keys follow, if one does."""
    venue_understood: bool
    """Most entries have a venue."""
    numbered: bool | None
    """Whether the group's list items are numbered (``1.``); None for rows and paragraphs."""
    separator: str | None
    """The separator most described ``[Name](url) - Description`` items use, if one does."""
    year_cited: bool
    """Most of the group's own years are a cited paper's, in the label of a link to it
    (``[Tool](url) associated to the paper [Doe et al., ICRA 2019](#Doe19icra)``): the entries
    are tools or code that cite papers, and one citing none has no year to miss."""
    year_below: bool
    """Most of the group's own years are written below the entry's first line (an author line
    under ``1. [Title](url)``): an entry of one line has none of its lines to hold a year."""
    web_pages: bool
    """The group's dated entries are web pages, not papers (``_web_pages``): blog posts and
    slides dated when posted, beside which an undated page is no slip."""
    year_in_venue: bool
    """Every dated entry of the group has its own year beside its venue, in a tag after the
    title (``(ACL2020)``) or a venue cell (``ICML 2020``), and none has it another way: the
    venue carries the year, and an entry without a venue has no place for one
    (``_venue_undated``)."""
    undated_preprints: frozenset[str]
    """How the group names preprints where most so named have no year: by arXiv id
    (``metadata.arxiv_id``: ``words``, ``link``), which dates them (``YYMM``), or by a
    ``marker`` in place of a venue (``Preprint.``, ``arXiv``): the list writes no year for a
    preprint, whose link dates it."""


def learn(entries: list[Entry], namings: Namings | None = None) -> Convention:
    """The convention of ``entries``: what at least half of them (or most) do. ``namings``
    holds the entries' ``_preprint_namings`` where the caller has read them already."""
    size = len(entries)
    keys = [entry.key_text for entry in entries if entry.key_text is not None]
    years = [entry.year_how for entry in entries if entry.year_how is not None]
    items = [entry.item for entry in entries if entry.item is not None]
    separators = [e.separator.text for e in entries if e.separator and e.description]
    return Convention(
        size=size,
        year_understood=has_years(entries),
        year_share=sum(1 for entry in entries if dated(entry)) / size if size else 0.0,
        year_where=dominant(years, 0.5),
        keys_understood=len(keys) * 2 >= size and keys_name_papers(keys),
        key_style=dominant((entry.key_style for entry in entries if entry.key_text), 0.5),
        venue_understood=sum(1 for entry in entries if entry.venue is not None) * 2 > size,
        numbered=dominant((item.ordered for item in items), 0.5) if items else None,
        separator=dominant(separators, 0.6),
        year_cited=_years_cited(entries),
        year_below=_years_below(entries),
        web_pages=_web_pages(entries),
        year_in_venue=_years_in_venues(entries),
        undated_preprints=_undated_preprints(entries, namings),
    )


# Where a venue carries the entry's year: the words after the title (``(ACL2020)``), a venue
# cell, or a tag before the title (``[ICML 2022] Title``, ``(2025.12 arXiv) [Title](url)``).
_VENUE_CARRIERS = frozenset(("tail", "venue-column", "title-tag", "lead-tag"))


def _years_in_venues(entries: list[Entry]) -> bool:
    """Whether every dated entry has its year beside its venue (``Convention.year_in_venue``)."""
    dated_entries = [entry for entry in entries if dated(entry)]
    return bool(dated_entries) and all(
        entry.year_how in _VENUE_CARRIERS and entry.venue is not None for entry in dated_entries
    )


def _years_cited(entries: list[Entry]) -> bool:
    """Whether most of the entries with a year of their own have it in a citation's link."""
    placed = [_year_cited(entry) for entry in entries if entry.year is not None]
    return sum(placed) * 2 > len(placed)


def _year_cited(entry: Entry) -> bool:
    assert entry.year is not None
    at = entry.year.start
    return bool(entry.links) and any(
        link.start <= at < link.end
        and link is not entry.title_link
        and (link.kind == "anchor" or ET_AL.search(link.label.text) is not None)
        for link in entry.links
    )


def _years_below(entries: list[Entry]) -> bool:
    """Whether most of the entries with a year of their own write it below their first line."""
    placed = [_year_below(entry) for entry in entries if entry.year is not None]
    return sum(placed) * 2 > len(placed)


def _year_below(entry: Entry) -> bool:
    assert entry.year is not None
    return "\n" in entry.body.text[: max(entry.year.start - entry.body.start, 0)]


def _companion(entry: Entry) -> bool:
    """A nested item of one line among papers credited on a line below their title: a link
    that goes with the item above it (``- QM9 Dataset:`` then ``- [Original version](doi)``,
    ``- [Kaggle page](url)``), not a paper written without its credits. A top-level item of
    one line among such papers is a paper that lost its author line, and is still judged."""
    item = entry.item
    return item is not None and item.parent is not None and "\n" not in entry.body.text.strip()


_MARKER = frozenset(("marker",))
Namings = dict[int, list[str]]
"""The ``_preprint_namings`` of the entries that name a preprint, by ``id(entry)`` (an entry
that is not there names none)."""


def _undated_preprints(entries: list[Entry], namings: Namings | None = None) -> frozenset[str]:
    """The ways of naming an arXiv id under which most of the group's entries are undated."""
    if namings is not None and not namings:
        return frozenset()  # no entry of the list names a preprint (most lists of one field)
    named: Counter[str] = Counter()
    with_year: Counter[str] = Counter()
    for entry in entries:
        ways = namings.get(id(entry), ()) if namings is not None else _preprint_namings(entry)
        for how in ways:
            named[how] += 1
            with_year[how] += dated(entry)
    return frozenset(
        how for how, count in named.items() if _undated_way(how, count, with_year[how])
    )


def _undated_way(how: str, count: int, dated_count: int) -> bool:
    """Whether a way of naming preprints is the group's undated one. An arXiv id dates the
    preprint, so most undated will do; a marker (``arXiv.``) dates nothing, so the group must
    write none of its (two or more) so named with a year: a list that dates one preprint
    misses the others' years (``Doe. arXiv 2020.`` beside ``Roe. arXiv.``)."""
    if how == "marker":
        return count >= 2 and dated_count == 0
    return dated_count * 2 < count


def preprint(entry: Entry) -> str | None:
    """How the entry names an arXiv preprint by its id (``metadata.arxiv_id``), if it does."""
    found = arxiv_id(entry.body.text)
    if found is None and any(arxiv_id(link.url.text) for link in entry.links):
        found = "link"  # a reference-style link: its URL is written below the list
    return found


def _preprint_namings(entry: Entry) -> list[str]:
    """Every way the entry names a preprint: by arXiv id (``preprint``) and by a venue marker
    outside its title (``marker``); either being the group's undated way silences it."""
    if not entry.links and not may_name_preprint(entry.body.text):
        return []  # a row without links that says it has no venue: ``_says_no_paper``
    namings = [how] if (how := preprint(entry)) is not None else []
    body = entry.body
    title = entry.title
    text = body.text
    if title is not None and body.start <= title.start <= title.end <= body.end:
        text = text[: title.start - body.start] + " " + text[title.end - body.start :]
    if preprint_marker(text) or _venue_cell_says_none(entry):
        namings.append("marker")
    return namings


def _venue_cell_says_none(entry: Entry) -> bool:
    """Whether the entry is a table row that links its paper and whose venue cell says it has
    none (``无``, ``-``, ``N/A``): a paper not published yet, named so as a preprint marker
    names it. A row without a paper is a model or project (``_says_no_paper``)."""
    table = entry.table
    if table is None or not any(_paper_link(link) or _hosts_paper(link) for link in entry.links):
        return False
    column = table.column(*VENUE_HEADERS)
    cells = _CELL_BAR.split(entry.body.text)
    return (
        column is not None
        and len(cells) == len(table.header)
        and cells[column].strip(_FIELD_TRIM).casefold() in UNKNOWN_YEAR
    )


def skeleton(entry: Entry) -> tuple[str, str]:
    """What entries written alike share: where they come from and how their title is written.
    A citation that opens with its authors alone (``Jane Doe and John Roe. [Title](url). ACL,
    2016.``) is written unlike a bare ``[Title](url)``: whether such citations carry a year is
    learnt among themselves, not from the links to blogs and tools beside them, nor they from
    it. Names with their year (``Jane Doe. 2021. [Title](url)``) date the entry as a tag does:
    learnt with the links."""
    authors, title, body = entry.authors, entry.title, entry.body
    if authors is None or title is None or not authors.end <= title.start:
        return entry.shape, entry.form
    between = body.text[authors.end - body.start : title.start - body.start]
    return entry.shape, entry.form if any(map(str.isdigit, between)) else "cited"


# Entries written alike in one container, by (container, skeleton); and in the list, by skeleton.
Groups = dict[tuple[int, str, str], list[Entry]]
Alike = dict[tuple[str, str], list[Entry]]


def group_entries(entries: Iterable[Entry]) -> tuple[Groups, Alike]:
    """The groups of entries written alike in one container (``skeleton``), and the list's
    entries of each skeleton, which judge a group too small to say."""
    groups: defaultdict[tuple[int, str, str], list[Entry]] = defaultdict(list)
    alike: defaultdict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        shared = skeleton(entry)
        groups[(id(entry.container), shared[0], shared[1])].append(entry)
        alike[shared].append(entry)
    return groups, alike


def judged_with(group: list[Entry], alike: Alike) -> list[Entry]:
    """The entries a group's convention is learnt from: its own, or where it is too small to
    say, the list's entries written alike."""
    return group if len(group) >= _SMALL_GROUP else alike[skeleton(group[0])]


class Conventions:
    """The convention of every entry's group, learnt once per document (``Document.convention``).

    A group is the entries of one container (a section, or a table) that share a skeleton. A
    group too small to say (fewer than three) is judged with all the list's entries of its
    skeleton. Linear in the entries: each group and each skeleton is learnt once.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        groups, alike = group_entries(entries)
        # Performance (issue 10.5): every entry is counted in its group and again among the
        # list's entries written alike (and asked again by ``missing_years``): its namings, two
        # text scans, are read once (a third of the conventions' time on a link-rich list), and
        # kept where there are some: most entries name no preprint.
        self._namings: Namings = {
            id(entry): ways
            for shared in alike.values()
            for entry in shared
            if (ways := _preprint_namings(entry))
        }
        learnt: dict[int, Convention] = {}  # by the judging list: the list's alike learnt once
        self._of: dict[Entry, Convention] = {}
        undated_around = _undated_sections(groups)
        for group in groups.values():
            judged = group if _undated_table(group) else judged_with(group, alike)
            if len(group) < _SMALL_GROUP:
                judged = undated_around.get(id(group[0]), judged)
            if id(judged) not in learnt:
                learnt[id(judged)] = learn(judged, self._namings)
            for entry in group:
                self._of[entry] = learnt[id(judged)]
        self._alike_dated = {
            shared: sum(1 for entry in alike_entries if dated(entry)) / len(alike_entries)
            for shared, alike_entries in alike.items()
        }
        # A list that writes no year for its preprints anywhere (22 ``In **arXiv**,`` entries, none
        # dated) does so in a section that names one preprint beside dated papers too. Only the
        # marker, which the list must never date: most arXiv links undated list-wide say nothing
        # of a section that dates its own.
        self._alike_undated = {
            shared: _undated_preprints(alike_entries, self._namings) & _MARKER
            for shared, alike_entries in alike.items()
        }
        # For the entries of groups big enough to say: how many of their group carry a year,
        # and whether those that do are mostly credited as papers (``_credited``).
        self._group_dated: dict[int, tuple[int, bool]] = {}
        for group in groups.values():
            if len(group) >= _SMALL_GROUP:
                with_year = [other for other in group if dated(other)]
                credited = sum(map(_credited, with_year)) * 2 > len(with_year)
                for entry in group:
                    self._group_dated[id(entry)] = (len(with_year), credited)

    def of(self, entry: Entry) -> Convention:
        return self._of[entry]

    @property
    def lookup(self) -> Callable[[Entry], Convention]:
        """``of`` as a lookup in C: ``Document.convention``, asked of every entry by several
        rules (an entry hashes by identity)."""
        return self._of.__getitem__

    def preprint_namings(self, entry: Entry) -> list[str]:
        """How the entry names a preprint (``_preprint_namings``), as read when learning."""
        return self._namings.get(id(entry), [])

    def undated_preprints(self, entry: Entry) -> frozenset[str]:
        """How the entry's group, or the list's entries written alike, name preprints they
        write no year for (``Convention.undated_preprints``)."""
        return self.of(entry).undated_preprints | self._alike_undated[skeleton(entry)]

    def year_established(self, entry: Entry, whole: str) -> bool:
        """Whether the entry's group clearly carries years: a clear majority of it, or of the
        list's entries written alike (``_CLEAR_MAJORITY``). A link list that tags some recent
        items ``(2024)`` has no year convention to break, nor has a list of tools that dates
        five of nine (those with a paper).

        Where most but not clearly most of the group and of the list's entries written alike
        are dated, only an entry that reads as a paper is judged (a tool or data set among them
        has no year to miss): a title that is no name (``_is_name``) with a venue, a key or
        authors, or among dated entries so credited; or with a paper's link, where enough of
        its group are dated to show the habit (``_HABIT``). ``**PyDy** by Jason Moore ...
        [paper](doi)`` among tools dated ``by Author (Year)`` is a tool citing its paper.
        ``whole`` is the entry's text with its lines below."""
        convention = self.of(entry)
        if not convention.year_understood:
            return False
        alike = self._alike_dated[skeleton(entry)]
        if convention.year_share > _CLEAR_MAJORITY or alike > _CLEAR_MAJORITY:
            return True
        if convention.year_where == "year-column":
            return True  # a table's header asks every row for its year
        if alike <= 0.5 or entry.title is None or _is_name(entry.title.text):
            return False
        with_year, papers = self._group_dated.get(id(entry), (0, False))
        if _credited(entry) or papers:
            return True
        return with_year >= _HABIT and _links_paper(entry, whole)


def _undated_sections(groups: Groups) -> dict[int, list[Entry]]:
    """For the entries of groups too small to say (``judged_with``), the entries written alike
    of the nearest section around them that holds enough to say (its subsections' too), where
    none of those is dated: ``### Shape understanding`` with two data sets under ``## Datasets``,
    whose eight data sets carry no year, keeps the section's habit, not the dated papers' of the
    list. Three undated entries in one section would not be judged; split over its subsections
    they are not either. A section around them with a dated entry leaves the list to judge."""
    within: defaultdict[tuple[int, str, str], list[Entry]] = defaultdict(list)
    for (_, *shared), group in groups.items():
        for section in _sections_around(group[0]):
            within[(id(section), shared[0], shared[1])].extend(group)
    found: dict[int, list[Entry]] = {}
    for (_, *shared), group in groups.items():
        if len(group) >= _SMALL_GROUP:
            continue
        for section in _sections_around(group[0]):
            around = within[(id(section), shared[0], shared[1])]
            if len(around) >= _SMALL_GROUP:
                if not any(map(dated, around)):
                    found.update((id(entry), around) for entry in group)
                break
    return found


def _sections_around(entry: Entry) -> Iterator[Section]:
    """The entry's section and those around it, nearest first, up to the last with a heading."""
    section: Section | None = entry.section
    while section is not None and section.heading is not None:
        yield section
        section = section.parent


def _undated_table(group: list[Entry]) -> bool:
    """The rows of a table with no year or venue column, none of them dated (``| Dataset |
    Home | Download |``): a table of other things than papers, however few its rows, and the
    dated paper tables of the list say nothing of it. Its own convention (none) holds."""
    table = group[0].table
    return (
        table is not None
        and table.column(*YEAR_HEADERS) is None
        and table.column(*VENUE_HEADERS) is None
        and not any(map(dated, group))
    )


def missing_years(doc: Document) -> list[Entry]:
    """Entries without a year where entries written like them carry one.

    A table without a year column or a list of links without dates expects none. Only papers
    are judged: a repository, tool or dataset among them carries no year to miss, and where a
    group names its preprints by arXiv id without a year, the id dates such a preprint.
    """
    found: list[Entry] = []
    html_headings = _html_headings(doc)
    undated_items = _undated_parents(doc.entries)
    entry_items = {id(entry.item) for entry in doc.entries if entry.item is not None}
    page_sections = _undated_page_sections(doc.entries)
    undated_blocks = _undated_blocks(doc.entries)
    venue_kinds = _LazyVenueKinds(doc.entries, html_headings)
    split_credits = _split_credit_lines(doc)
    credit_bullets = _credit_bullets(doc)
    for entry in doc.entries:
        if (
            _has_or_needs_none(entry, html_headings, entry_items)
            or id(entry.section) in page_sections
            or id(entry.item) in split_credits
            or id(entry) in credit_bullets
            or id(entry) in undated_blocks
            or placeholder_slot(doc.text, entry)  # a slot for a paper to come: none to date
        ):
            continue
        whole = doc.text[entry.start : entry.end]
        if not doc.conventions.year_established(entry, whole) or _names_a_resource(entry):
            continue
        convention = doc.convention(entry)
        namings = doc.conventions.preprint_namings(entry)
        # A preprint the list writes without a year, or an entry whose venue, which carries the
        # group's years, is absent or of a kind the list never dates.
        if doc.conventions.undated_preprints(entry).intersection(namings) or (
            convention.year_in_venue and _venue_undated(entry, venue_kinds.read())
        ):
            continue
        if _year_unread(doc, entry, convention) or _says_no_paper(doc.text, entry):
            continue
        if (convention.year_below and _companion(entry)) or convention.year_cited:
            continue
        if _not_a_paper(doc, entry) or placeholder_date(whole) or _UNKNOWN.search(whole):
            continue
        if _introduces_items(entry) or _note_on_undated(undated_items, entry):
            continue
        if not (convention.web_pages and _web_page(entry)):
            found.append(entry)
    return found


# Where an entry writes its venue, by its skeleton and the venue's kind (``_venue_kind``): how
# many entries so written, and how many of them are dated. Under ``_NO_VENUE``, the entries
# with no venue that link a preprint server; under ``_ALL``, every entry of the skeleton.
VenueKinds = dict[tuple[tuple[str, ...], str], list[int]]
_NO_VENUE = ""
_ALL = "*"
# Undated preprints without a venue are the list's habit where they are this share of its
# entries written alike (and ``_HABIT`` or more), not a slip among dated papers.
_PREPRINT_HABIT = 0.1
_SLOT_TRIM = " \t\n()[]{}.,;:|*_`"
_SPACES = re.compile(r"\s+")
# A journal's name (``IEEE Transactions on Signal Processing``): a kind of venue a list may
# never date, beside conference tags it always dates (``ICML 2020``).
_JOURNAL_NAME = re.compile(r"journal|transactions|trans\.|letters|magazine|学报|期刊", re.I)


def _venue_slot(entry: Entry) -> str | None:
    """What the entry writes where its group keeps the venue, its year blanked: a table row's
    venue cell, or a list item's words after its title, links aside (``[[github](url)]``).
    None where the reader cannot tell the place (no venue column, no title)."""
    body, title = entry.body, entry.title
    chars = list(body.text)
    title_link = entry.title_link
    spans = [
        (link.start, link.end) for link in entry.links if link is title_link or _says_no_venue(link)
    ]
    if entry.year is not None:
        spans.append((entry.year.start, entry.year.end))
    table = entry.table
    column = table.column(*VENUE_HEADERS) if table is not None else None
    if table is None and title is not None:
        # a tag before the title is a venue's place too (``[ICML 2022] Title``), a key or the
        # authors are not
        spans += [(part.start, part.end) for part in (title, entry.key, entry.authors) if part]
    for start, end in spans:
        for at in range(max(start - body.start, 0), min(end - body.start, len(chars))):
            chars[at] = " "
    text = "".join(chars)
    if table is not None:
        cells = _CELL_BAR.split(text)
        if column is None or column >= len(cells):
            return None
        text = cells[column]
    elif title is None or not body.start <= title.start <= body.end:
        return None
    return _SPACES.sub(" ", text.strip(_SLOT_TRIM)).casefold()


_PREPRINT_KIND = "preprint"
_PREPRINT_SERVERS = ("arxiv.org", "openreview.net", "biorxiv.org", "medrxiv.org")


def _on_preprint_server(link: Link) -> bool:
    return host_of(link.url.text).endswith(_PREPRINT_SERVERS)


def _preprint_only(entry: Entry) -> bool:
    """Whether the entry links a preprint server and its paper nowhere else (no publisher's
    page, DOI or PDF elsewhere): a preprint. ``[PDF](arxiv) [PUB](ieeexplore)`` is published."""
    on_server = [_on_preprint_server(link) for link in entry.links]
    return any(on_server) and all(
        served or not (_paper_link(link) or _hosts_paper(link))
        for link, served in zip(entry.links, on_server, strict=True)
    )


def _says_no_venue(link: Link) -> bool:
    """Whether a link beside the title names what it points at, not a venue: ``[[github](url)]``,
    ``[pdf]``, a badge, a bare URL. ``[[TIV2020]](url)``, ``[[arXiv]](url)`` and ``[[book]](url)``
    are where the list writes the venue."""
    label = link.label.text
    if link.kind == "badge" or not label.strip() or label.strip() == link.url.text.strip():
        return True
    return is_kind_label(label) and not preprint_marker(label)


def _venue_kind(slot: str) -> str:
    """A preprint server or a journal, whatever its name, or the venue as written (``acl ws``,
    ``nature``)."""
    if preprint_marker(slot):
        return _PREPRINT_KIND
    return "journal" if _JOURNAL_NAME.search(slot) else slot


class _LazyVenueKinds:
    """``_venue_kinds``, read once and only where a group's venues carry its years."""

    def __init__(self, entries: list[Entry], html_headings: tuple[list[int], list[bool]]) -> None:
        self._entries, self._html_headings = entries, html_headings
        self._kinds: VenueKinds | None = None

    def read(self) -> VenueKinds:
        if self._kinds is None:
            self._kinds = _venue_kinds(self._entries, self._html_headings)
        return self._kinds


def _venue_kinds(entries: list[Entry], html_headings: tuple[list[int], list[bool]]) -> VenueKinds:
    kinds: VenueKinds = defaultdict(lambda: [0, 0])
    for entry in entries:
        shared = skeleton(entry)
        group = _in_container(entry)
        kinds[(shared, _ALL)][0] += 1
        kinds[(group, _ALL)][0] += 1
        slot = _venue_slot(entry)
        if slot == "" and _preprint_only(entry):
            kinds[(shared, _NO_VENUE)][0] += 1
            kinds[(group, _NO_VENUE)][0] += 1
        elif slot and _names_venue(slot):
            kind = _venue_kind(slot)
            counts = kinds[(shared, kind)]
            counts[0] += 1
            counts[1] += dated(entry) or _under_dating_html_heading(html_headings, entry)
            if kind == _PREPRINT_KIND:
                kinds[(group, kind)][0] += 1
    return kinds


def _in_container(entry: Entry) -> tuple[str, ...]:
    """The key of the entry's group (its container and skeleton) among ``VenueKinds``."""
    return (*skeleton(entry), str(id(entry.container)))


def _preprint_habit(kinds: VenueKinds, among: tuple[str, ...]) -> bool:
    """Whether the entries ``among`` (a group, or the list's entries written alike) link
    preprints without a venue often (``_HABIT`` or more, ``_PREPRINT_HABIT`` of them), and more
    than twice as often as they name a preprint server as the venue (``[arXiv 2021]``)."""
    preprints = kinds.get((among, _NO_VENUE), (0, 0))[0]
    named = kinds.get((among, _PREPRINT_KIND), (0, 0))[0]
    return (
        named * 2 < preprints
        and preprints >= _HABIT
        and preprints >= _PREPRINT_HABIT * kinds[(among, _ALL)][0]
    )


def _names_venue(slot: str) -> bool:
    """Whether a venue slot names a venue: not ``-``, ``N/A`` or ``null``, which say the entry
    has none (a preprint, or no paper: ``_venue_cell_says_none``, ``_says_no_paper``)."""
    return slot not in _NO_VENUE_WORDS and any(map(str.isalpha, slot))


def _venue_undated(entry: Entry, kinds: VenueKinds) -> bool:
    """In a group whose venues carry its years (``Convention.year_in_venue``), whether the
    entry has no year to miss.

    It names no venue (an empty venue cell, nothing but links after its title) and links a
    preprint server (arXiv, OpenReview), where the list's entries written alike do so often
    (``_PREPRINT_HABIT``) and name no preprint server as a venue (``arXiv, 2024``): a preprint,
    which the list gives no venue and so no year. One such entry among dated papers, or a
    paper's own page without a venue, is still missing its year. Or it names a venue of a kind
    that two or more of them name and none dates (``IEEE Transactions on ...`` beside ``ICML
    2020``): ``(ACL)`` where the list writes ``(ACL2020)`` is still missing its year."""
    slot = _venue_slot(entry)
    if slot is None:
        return False
    shared = skeleton(entry)
    if not slot:
        return _preprint_only(entry) and any(
            _preprint_habit(kinds, among) for among in (_in_container(entry), shared)
        )
    if not _names_venue(slot):
        return False
    count, dated_count = kinds.get((shared, _venue_kind(slot)), (0, 0))
    return count >= 2 and dated_count == 0


def _has_or_needs_none(
    entry: Entry, html_headings: tuple[list[int], list[bool]], entry_items: set[int]
) -> bool:
    """Whether the entry is dated (or says its year is unknown), or is no entry to ask a year
    of: struck through, or a link of the entry above it or a sentence about it."""
    if dated(entry) or entry.year_unknown or _under_dating_html_heading(html_headings, entry):
        return True
    if _struck_through(entry):
        return True
    return _nested_under_entry(entry_items, entry) and (
        _link_beside_parent(entry) or _describes_parent(entry)
    )


def _introduces_items(entry: Entry) -> bool:
    """``- Some repositories are complete too:`` over a nested list: a lead-in to the items
    below it, not a paper."""
    item = entry.item
    return (
        item is not None
        and item.children_start is not None
        and entry.title_link is None
        and entry.body.text.rstrip(" *_").endswith((":", "："))
    )


def _split_credit_lines(doc: Document) -> set[int]:
    """The items of entries whose credit line is the next bullet of their list: a title link
    with nothing after it, then an item with no link that holds a year (``- [Title](url)``,
    ``- Jane Doe and John Roe (NIPS 2019)``). The year is the entry's, on a line of its own."""
    entries = {id(entry.item): entry for entry in doc.entries if entry.item is not None}
    found: set[int] = set()
    for item, after in itertools.pairwise(doc.items):
        entry = entries.get(id(item))
        if entry is None or after.list_id != item.list_id or after.depth != item.depth:
            continue
        link = entry.title_link
        if link is None or doc.text[link.end : entry.body.end].strip():
            continue
        line = doc.text[after.content_start : after.content_end]
        if "](" not in line and "://" not in line and holds_year_like(line):
            found.add(id(item))
    return found


def _credit_bullets(doc: Document) -> set[int]:
    """The paragraph entries whose next line opens a list item (no blank line between) whose
    first line links nothing and holds a year: ``* IEEE Transactions, May 2021.*`` under a
    ``**Title.**`` paragraph, an emphasis opened with a space, which Markdown reads as a bullet
    interrupting the paragraph. The list's writer put the entry's venue and year there."""
    opening = {doc.line_index(item.marker_start): item for item in doc.items}
    found: set[int] = set()
    for entry in doc.entries:
        if entry.shape != "paragraph" or entry.end <= entry.start:
            continue
        item = opening.get(doc.line_index(entry.end - 1) + 1)
        if item is None:
            continue
        line = doc.text[item.content_start : doc.next_line_start(item.content_start)]
        if "](" not in line and "://" not in line and holds_year_like(line):
            found.add(id(entry))
    return found


def _undated_parents(entries: list[Entry]) -> set[int]:
    """The list items of entries without a year under which no entry has one."""
    undated = {id(entry.item) for entry in entries if entry.item and not dated(entry)}
    for entry in entries:
        if entry.item is not None and entry.item.parent is not None and dated(entry):
            undated.discard(id(entry.item.parent))
    return undated


def _undated_blocks(entries: list[Entry]) -> set[int]:
    """The entries of a list of their own (a Markdown list, which a label, a sub-heading in
    bold or any block before it starts) that holds three or more entries, none of them dated:
    ``**Representations**`` over five undated links, among blocks whose papers open with
    ``(2025.12 arXiv)``, or a list of links closing a paper list. The block is written its own
    way, which gives no year; the dated habit of its group or of the list says nothing of it."""
    blocks: defaultdict[tuple[int, int], list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.item is not None:
            blocks[(id(entry.container), entry.item.top_list)].append(entry)
    return {
        id(entry)
        for block in blocks.values()
        if len(block) >= _SMALL_GROUP and not any(map(dated, block))
        for entry in block
    }


def _note_on_undated(undated_items: set[int], entry: Entry) -> bool:
    """An item nested under an entry without a year, among no dated siblings (``- [CrowdNav](repo)``
    then ``- Extension with obstacles: [CrowdSimPlus](repo)``): a note on its parent, which
    carries the year or is reported for it. Papers nested under a topic's link, some of them
    dated, are still judged."""
    item = entry.item
    return item is not None and item.parent is not None and id(item.parent) in undated_items


def _web_page(entry: Entry) -> bool:
    """An entry that links a page and names neither venue nor key, nor links a paper's host or
    a PDF: a label's year (``[Tools I use 2021](url)``) makes no page a paper."""
    return (
        entry.title_link is not None
        and entry.venue is None
        and entry.key is None
        and not any(_hosts_paper(link) for link in entry.links)
    )


def _undated_page_sections(entries: list[Entry]) -> set[int]:
    """The sections whose entries are all web pages (``_web_page``) and none dated, nor the
    section by its heading: ``## Links`` closing a paper list with a reading list and a blog.
    Pages are dated by when they were posted, if at all; the papers' years say nothing of them."""
    sections: dict[int, list[Entry]] = {}
    for entry in entries:
        sections.setdefault(id(entry.section), []).append(entry)
    return {
        key
        for key, members in sections.items()
        if members[0].section.year is None
        and all(_web_page(entry) and not dated(entry) for entry in members)
    }


def _hosts_paper(link: Link) -> bool:
    return is_paper_url(link.url.text)


_MOSTLY_PAGES = 0.75
"""The share of a group's dated entries that must be web pages for it to be a list of pages."""


def _web_pages(entries: list[Entry]) -> bool:
    """Whether the group's dated entries are web pages (``_web_page``: blog posts, slides, sites
    dated by when they were posted), not papers, which name a venue, a key or a paper link: a
    page may have no date at all, so one without a date is no slip."""
    pages = [_web_page(entry) for entry in entries if dated(entry)]
    return len(pages) >= _SMALL_GROUP and sum(pages) >= _MOSTLY_PAGES * len(pages)


# ``<h3 id="wmt16">WMT 2016</h3>``: a heading written in HTML, which Markdown keeps as a block.
# The text may hold other tags but no heading tag, so a search ends at the next one (linear).
_HTML_HEADING = re.compile(
    r"<h([1-6])\b[^<>]*>([^<]*(?:<(?!/?h[1-6]\b)[^<]*)*)</h\1>", re.IGNORECASE
)
_HTML_TAG = re.compile(r"<[^<>]*>")  # no "<" inside: a run of "<" stays linear


def _html_headings(doc: Document) -> tuple[list[int], list[bool]]:
    """Where each HTML heading block starts, and whether it dates what follows it (as
    ``heading_dates`` says of a Markdown heading)."""
    starts, dating = [], []
    for block in doc.blocks:
        if block.kind != "html_block" or not doc.text.startswith("<h", block.start):
            continue
        match = _HTML_HEADING.fullmatch(doc.text[block.start : block.end].strip())
        if match is not None:
            starts.append(block.start)
            dating.append(heading_dates(_HTML_TAG.sub("", match.group(2))))
    return starts, dating


def _under_dating_html_heading(headings: tuple[list[int], list[bool]], entry: Entry) -> bool:
    """Whether the HTML heading nearest above the entry, inside its section, dates it: a list
    that writes its headings in HTML (``<h3>WMT 2016</h3>``) dates its entries by them too."""
    starts, dating = headings
    index = bisect.bisect_right(starts, entry.start) - 1
    if index < 0:
        return False
    heading = entry.section.heading
    return dating[index] and (heading is None or starts[index] > heading.start)


def _year_unread(doc: Document, entry: Entry, convention: Convention) -> bool:
    """Whether the entry may have a year the readers did not understand: its text (all its
    lines and cells, its key and URLs aside) holds something year-like (``iclr2022``,
    ``CoRL19``, ``arxiv2206``, ``2021.9`` on the author line). A missing year is reported only
    where the entry surely has none.

    A row of a table that keeps its years in a year column, with the header's number of
    cells, has its year in that cell and nowhere else: an empty cell is a missing year
    whatever its venue cell says (``Ubicomp23``), unless the row holds a short date where
    the list writes its dates ``2019/06`` (``19/06``, ``holds_short_date``)."""
    if holds_short_date(doc.text[entry.start : entry.end], doc.text):
        return True
    table = entry.table
    if (
        table is not None
        and convention.year_where == "year-column"
        and _cell_count(entry.body.text) == len(table.header)
    ):
        column = table.column(*YEAR_HEADERS)
        cells = _CELL_BAR.split(entry.body.text)
        return (
            column is not None
            and column < len(cells)
            and (slash_year(cells[column]) or academic_year(cells[column]))
        )
    text = doc.text
    # The key (``he2016deep``) holds its own year, which the list keeps beside the entry's; the
    # title only a four-digit year (``holds_year_like``).
    outside = [part for part in (entry.key, entry.title) if part is not None]
    pieces, at = [], entry.start
    for part in sorted(outside, key=lambda part: part.start):
        if at <= part.start <= part.end <= entry.end:
            pieces.append(text[at : part.start])
            at = part.end
    pieces.append(text[at : entry.end])
    pieces += (_badge_words(link.url.text) for link in entry.links if link.kind == "badge")
    title = entry.title.text if entry.title is not None else ""
    return holds_year_like(" ".join(pieces), title)


# ``W20/21``, ``WS 19/20``, ``2019/20``: a term or academic year over two calendar years, written
# with two digits each; a season's letters may open it. Only consecutive years: ``21/06`` is a date.
_ACADEMIC_YEAR = re.compile(r"^\s*(?:[A-Za-z]{1,6}\s?)?(?:19|20)?(\d{2})\s?/\s?(\d{2})\s*$")


def academic_year(cell: str) -> bool:
    """Whether a year cell holds only a term or academic year (``W20/21``: winter 2020/21)."""
    found = _ACADEMIC_YEAR.match(cell)
    return found is not None and int(found[2]) == (int(found[1]) + 1) % 100


def _badge_words(url: str) -> str:
    """What a badge shows: ``img.shields.io/badge/NeurIPS-2022-blue`` reads ``NeurIPS 2022
    blue``, a year the list shows though it is written in a URL."""
    _, found, shown = url.partition("/badge/")
    return shown.replace("%20", " ").replace("-", " ").replace("_", " ") if found else ""


_CELL_BAR = re.compile(r"(?<!\\)\|")


def _cell_count(row: str) -> int:
    """The cells of a row's body (first cell's start to last cell's end)."""
    return len(_CELL_BAR.findall(row)) + 1


# What the list writes where an entry without a paper would have its paper's details: a model
# or project among the papers (``|**Clay**|**Clay Foundation Model**|-|null|[link](...)|``,
# ``(coming soon)``), or, in a year or venue cell, where it lives instead (``GitHub``).
_NO_PAPER_WORDS = frozenset(("null", "n/a", "tbd", "tba", "coming soon", "comming soon"))
_NO_VENUE_WORDS = UNKNOWN_YEAR | _NO_PAPER_WORDS | {"github", "hugging face", "huggingface"}
_NO_PAPER_FIELD = re.compile(r"[|,()\[\]]")
_FIELD_TRIM = " \t\n*_`:;."


def _says_no_paper(text: str, entry: Entry) -> bool:
    """An entry with no paper link that says it has no paper or year: a model or project
    without a paper carries no year to miss. A table row says so in its year or venue cell
    (``-``, ``null``, ``N/A``, ``GitHub``); another entry in a field of its own (``(TBD)``,
    ``[coming soon]``): a bare dash there separates, and ``- Code: null`` is about the code."""
    if any(_paper_link(link) for link in entry.links):
        return False
    if entry.table is None:
        fields = _NO_PAPER_FIELD.split(text[entry.body.start : entry.end])
        return any(field.strip(_FIELD_TRIM).casefold() in _NO_PAPER_WORDS for field in fields)
    cells = _CELL_BAR.split(entry.body.text)
    if len(cells) != len(entry.table.header):
        return False
    columns = (entry.table.column(*YEAR_HEADERS), entry.table.column(*VENUE_HEADERS))
    return any(
        column is not None and cells[column].strip(_FIELD_TRIM).casefold() in _NO_VENUE_WORDS
        for column in columns
    )


_CLEAR_MAJORITY = 0.75
"""More than this share of a group (or of the list's entries written alike) carrying years
makes a year convention, whatever else the entry is: three in four of a small group do not."""
_HABIT = 3
"""The dated entries a group needs for a bare majority of it to make a habit for its papers."""
# Sections of a paper list that hold no papers (``## Tutorials``, ``## Tools and Libraries``,
# ``## Journals``, ``## Research Groups``):
# every word of the heading is one of these, or a word that only qualifies them.
_RESOURCE_WORDS = frozenset(
    (
        *("tutorial", "tutorials", "course", "courses", "lecture", "lectures", "video", "videos"),
        *("talk", "talks", "blog", "blogs", "podcast", "podcasts", "codebase", "codebases"),
        *("code", "codes", "tool", "tools", "toolkit", "toolkits", "toolbox", "toolboxes"),
        *("library", "libraries", "software", "repository", "repositories", "repo", "repos"),
        *("book", "books", "slides", "demo", "demos", "resources", "people", "labs"),
        # a list of where papers appear, or of who writes them, names no paper itself
        *("journal", "journals", "conference", "conferences", "venue", "venues"),
        *("workshop", "workshops", "researchers", "scholars", "groups", "lab"),
        *("教程", "课程", "视频", "博客", "工具", "代码", "书籍"),
    )
)
_QUALIFIERS = frozenset(
    (
        *("and", "or", "the", "of", "for", "other", "useful", "related", "open", "source"),
        *("online", "more", "further", "recommended", "awesome", "some", "lists", "list"),
        *("research", "academic", "top", "main", "major", "relevant"),
    )
)
_HEADING_WORD = re.compile(r"[a-z]+|[\u4e00-\u9fff]+")


def _resource_heading(text: str) -> bool:
    words = set(_HEADING_WORD.findall(text.casefold())) - _QUALIFIERS
    return bool(words) and words <= _RESOURCE_WORDS


_RESOURCE_KINDS = frozenset(("code", "project"))
_NAME_WORDS = 3
"""A title of at most this many words is a name (``IndicBERT v2``), not a paper's title."""


def _names_a_resource(entry: Entry) -> bool:
    """``[IndicBERT](https://github.com/...)`` or ``**UK Biobank** is a resource that...`` in a
    paper list: a repository, tool, dataset or course, which no paper link, venue, authors or
    citation key makes a paper; or any entry of a section about such things (``## Tutorials``,
    ``## Codebase``). A title that is no link names a resource only by being a name."""
    heading = entry.section.heading
    if heading is not None and _resource_heading(heading.text):
        return True
    if entry.title is None or entry.key is not None or entry.venue is not None or entry.authors:
        return False
    if any(_paper_link(other) for other in entry.links):
        return False
    link = entry.title_link
    if link is not None and link.kind in _RESOURCE_KINDS:
        return True
    return _is_name(entry.title.text)


# Hosts of posts, articles and threads, never of papers: an entry that links only these (and
# code) is a blog post or a note, not a paper (``_links_resources_only``).
_ARTICLE_HOSTS = (
    *("medium.com", "towardsdatascience.com", "substack.com", "blogspot.com", "wordpress.com"),
    *("zhihu.com", "weixin.qq.com", "csdn.net", "jianshu.com", "cnblogs.com", "juejin.cn"),
    *("twitter.com", "x.com", "reddit.com", "linkedin.com", "facebook.com"),
    *("youtube.com", "youtu.be", "bilibili.com"),
)
_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "gitee.com")
# The last word of a title naming a resource, not a paper: ``Low-light Enhancement Repo``,
# ``Strategic Transport Planning Dataset``.
_RESOURCE_NOUNS = frozenset(
    (
        *("repo", "repos", "repository", "repositories", "code", "codebase", "toolbox"),
        *("toolkit", "library", "dataset", "datasets", "implementation", "implementations"),
        *("collection", "blog", "tutorial", "tutorials", "notes", "slides"),
    )
)


def _not_a_paper(doc: Document, entry: Entry) -> bool:
    """Whether what the entry links and says shows it is no paper (a repository, a post, a
    field of a notice), though its group is one of papers."""
    return _links_unlike_papers(doc, entry) or _links_resources_only(entry) or _labelled_url(entry)


def _links_resources_only(entry: Entry) -> bool:
    """An entry with no venue, key, authors or paper link whose links all point at code or at
    articles (``medium.com``, ``mp.weixin.qq.com``): a blog post, where one link is to an
    article, or a repository or data set, where its title says so (``Low-light Enhancement
    Repo [[github]](url)``). A paper's title linking only its code is still a paper."""
    if not entry.links or _credited(entry) or entry.authors is not None:
        return False
    article = False
    for link in entry.links:
        host = host_of(link.url.text)
        if _paper_link(link) or _hosts_paper(link):
            return False
        if host.endswith(_ARTICLE_HOSTS):
            article = True
        elif link.kind != "code" and not host.endswith(_CODE_HOSTS):
            return False
    if article:
        return True
    words = normalize_title(entry.title.text).split() if entry.title is not None else []
    return bool(words) and words[-1] in _RESOURCE_NOUNS


def _labelled_url(entry: Entry) -> bool:
    """``- Special issue website: [https://...](https://...)``: a name, a colon and a bare URL,
    a field of a notice (a website, a form), not a paper, whose title is more than a name."""
    links = entry.links
    bare = all(link.label.text.strip() in ("", link.url.text.strip()) for link in links)
    if not links or not bare:
        return False
    body = entry.body
    label = body.text[: links[0].start - body.start].strip(" *_")
    rest = body.text[links[-1].end - body.start :].strip(" .;")
    return label.endswith((":", "：")) and not rest and _is_name(label.rstrip(":："))


# ``ODE (Open Dynamics Engine)``: what a name spells out in brackets is still the name.
_SPELLED_OUT = re.compile(r"\([^()]*\)")


def _is_name(title: str) -> bool:
    """Whether a title is a name (``IndicBERT v2``, ``ODE (Open Dynamics Engine)``), a few
    words, not a paper's title."""
    return len(normalize_title(_SPELLED_OUT.sub(" ", title)).split()) <= _NAME_WORDS


_PAPER_URL = re.compile(r"\]\(\s*<?([^\s()<>]+)")


def _credited(entry: Entry) -> bool:
    """Whether the entry is credited as a paper: a venue, a citation key or authors."""
    return entry.venue is not None or entry.key is not None or entry.authors is not None


def _links_paper(entry: Entry, whole: str) -> bool:
    """Whether the entry links a paper, on its first line or below (``[[pdf](arxiv)]``)."""
    return any(_paper_link(link) for link in entry.links) or any(
        is_paper_url(url) for url in _PAPER_URL.findall(whole)
    )


def _struck_through(entry: Entry) -> bool:
    """``- ~~[Old book](url) by Doe~~``: an entry the maintainer struck through, withdrawn from
    the list but kept in sight; nothing about it is still asked for. So is an entry whose title
    alone is struck through after its tag (``[IET] ~~Special Issue on: ...~~ [[Link](url)]``)."""
    title = entry.title
    return entry.body.text.lstrip().startswith("~~") or (
        title is not None and title.text.startswith("~~") and title.text.endswith("~~")
    )


def _nested_under_entry(entry_items: set[int], entry: Entry) -> bool:
    item = entry.item
    return item is not None and item.parent is not None and id(item.parent) in entry_items


def _describes_parent(entry: Entry) -> bool:
    """``  - They built a corpus, released to [the public](url).`` nested under a paper: a
    sentence about the entry above it (which carries the year, or is reported for it) with a
    link inside its prose. Plain text naming no venue, key or authors is no paper of its own."""
    return (
        entry.form == "plain"
        and entry.title_link is None
        and entry.venue is None
        and entry.key is None
        and entry.authors is None
    )


def _link_beside_parent(entry: Entry) -> bool:
    """``  - [arxiv version](url)`` nested under a paper: another link of the entry above it,
    one link with a name for a label and nothing else, not a paper of its own."""
    link = entry.title_link
    body = entry.body.text.strip(" *_")
    return (
        link is not None
        and len(entry.links) == 1
        and body.startswith("[")
        and body.endswith(")")
        and _is_name(link.label.text)
    )


# ``[????/??]``, ``(????)``: a date the list writes as question marks, for a paper not yet out.
# ``by **K. Iverson** (?)``: a question mark where the year goes, the list's word for "unknown".
_UNKNOWN = re.compile(r"[(\[]\?{1,3}[)\]]")
# ``(year)``, ``[YYYY]``: the word standing for the year in a template entry showing the format.
_PLACEHOLDER_DATE = re.compile(
    r"(?<![?\w])\?{4}(?:\s*[-/.]\s*\?{1,2}){0,2}(?![?\w])"
    r"|[(\[](?i:year|yyyy|xxxx)[)\]]"
)
# ``paper coming soon``, ``(TBD)``: an entry that says what it links is still to come.
_TO_COME = re.compile(r"\b(?:comm?ing soon|tbd|tba|to be released)\b", re.IGNORECASE)


def placeholder_date(text: str) -> bool:
    """Whether the text writes its date as question marks (``[????/??]``): the list knows the
    year is not yet there, so there is no year to miss; or as the word for it (``(year)``), in a
    template entry that shows the list's format."""
    return _PLACEHOLDER_DATE.search(text) is not None


def awaits_release(text: str) -> bool:
    """Whether an entry's text says something of it is still to come: a question-mark date or
    ``coming soon``, ``TBD``. Its empty links (``[paper]()``) are placeholders, not mistakes."""
    return placeholder_date(text) or _TO_COME.search(text) is not None


# ``Updating....``, ``TBD``, ``Coming soon``, ``待更新``, ``...``, ``xxx``, or nothing: a title
# that only says the entry is still to come (markup and closing dots aside).
_PLACEHOLDER_TITLE = re.compile(
    r"(?:updating|to be (?:updated|added|filled)|tb[da]|to ?do|coming soon|placeholder|x{3,}"
    r"|待更新|待补充?|更新中|未完待续)?[\s.…]*",
    re.IGNORECASE,
)
_PLACEHOLDER_MARKUP = " *_`[]"


def placeholder_title(entry: Entry) -> bool:
    """Whether the entry's title says only that its entry is to come (``**Updating...**``,
    ``TBD``), or it has none."""
    title = entry.title.text.strip(_PLACEHOLDER_MARKUP) if entry.title is not None else ""
    return _PLACEHOLDER_TITLE.fullmatch(title) is not None


def placeholder_slot(text: str, entry: Entry) -> bool:
    """Whether the entry is a slot the list keeps for an entry to come, not an entry: nothing
    in it is filled in (no link target, key, year, venue, authors or description), and its
    title is a placeholder (``**Updating...** *et al, .* [[PDF]]()``) or it is a table row whose
    cells are mostly empty (a blank template row, ``| | | Attack/ | | [link]() |``). A real
    paper titled ``TODO: ...`` links it, and stays an entry. Slots are not paired as copies nor
    dated, and no fix removes them."""
    if any(link.url.text.strip() for link in entry.links) or any(
        part is not None and part.text.strip()
        for part in (entry.key, entry.year, entry.venue, entry.authors, entry.description)
    ):
        return False
    if placeholder_title(entry):
        return True
    if entry.shape != "table-row":
        return False
    cells = text[entry.start : entry.end].strip().strip("|").split("|")
    return sum(not cell.strip() for cell in cells) * 2 > len(cells)


_FEW_DATED = 3
"""The dated entries a group needs before what they link to says what its papers link to."""


def _link_kinds(entry: Entry) -> frozenset[str]:
    return frozenset(link.kind for link in entry.links)


def _links_unlike_papers(doc: Document, entry: Entry) -> bool:
    """An undated entry with neither venue nor key nor paper link that links only a
    repository or project, where none of its group's dated entries links only that (a GitHub
    row among paper rows that all link their paper): not a paper, so it has no year to miss.
    Where the dated entries link nothing (``Title (VLDB 2023)``), an entry linking only its
    code is still a paper without its year; a book's page (``amazon.com``) may be a paper's."""
    if not entry.links or entry.venue is not None or entry.key is not None:
        return False
    if not _link_kinds(entry) <= _RESOURCE_KINDS or any(map(_paper_link, entry.links)):
        return False
    papers = [other for other in doc.entries if other.container is entry.container and dated(other)]
    dated_kinds = [_link_kinds(other) for other in papers if skeleton(other) == skeleton(entry)]
    if len(dated_kinds) < _FEW_DATED:
        # one entry written unlike the rest (a dataset's sentence among cited papers): the
        # papers of its section say what a paper links
        dated_kinds = [_link_kinds(other) for other in papers]
    if len(dated_kinds) < _FEW_DATED or not all(dated_kinds):
        return False
    return _link_kinds(entry) not in dated_kinds


def _paper_link(link: Link) -> bool:
    return link.kind == "paper" or is_pdf(link.url.text)


def link_items(entries: Iterable[Entry]) -> list[Entry]:
    """The ``- [Name](url) - Description`` entries: list items whose title is their link. A
    citation whose names stand before the link (``Jane Doe. [Title](url). ACL, 2016.``) is none:
    what follows its link is its venue and year, no description to format."""
    return [
        entry
        for entry in entries
        if entry.shape == "list-item"
        and entry.form == "link"  # (what the skeleton asks first, in one comparison)
        and skeleton(entry) == ("list-item", "link")
        and entry.title_link is not None
    ]


# What separates a name from its description: a dash or a colon (``,`` opens a paper's credits).
SEPARATOR_MARKS = "-–—:："
# ``[Book](url) by Jane Doe``, ``[Book](url) - by Jane Doe``, ``(by Jane Doe)``: a credit; so
# is where the item comes from, ``[Course](url) from Rice University on edX``.
_CREDIT = re.compile(r"\(?(?:by\s|from\s+[A-Z])")
_CJK_COPULAS = "是为為"
# The name as the subject of a sentence whose verb comes a word later: ``[Cilium](url) 项目
# ([GitHub](url)) 是一项...`` ("the Cilium project (...) is a ..."). A short CJK word (a noun the
# name qualifies), maybe a bracketed aside, then ``是`` ("is"): ``为`` is left out, being also
# "for" (``专为开发者设计``, "made for developers", describes).
_CJK_SUBJECT = re.compile(
    r"[\u4e00-\u9fff]{1,4}[ \t]*(?:[(（](?:[^()（）\n]|\([^()\n]*\)){0,200}[)）][ \t]*)?是"
)


@dataclass(frozen=True, slots=True)
class Described:
    """How a link item's text after its name reads (``describe``)."""

    kind: str
    """``separated`` (``[Name](url) - Text``), ``bare`` (``[Name](url) Text``: a description
    missing its separator), ``prose`` (``[spaCy](url) is a library``: the name opens a
    sentence that goes on, where a dash would break it) or ``below`` (the name ends its line
    and the text starts the next: the line break parts them, no separator is missing)."""
    separator: tuple[int, int]
    """The separator's span (the spaces after the name, for ``bare`` and ``prose``)."""
    start: int
    """Where the description's words start: after the separator, or after the list's marks."""


def describe(text: str, entry: Entry) -> Described | None:
    """How ``entry``'s description reads, or None where it is no description of the name:
    marks alone (``[App](url) 💲``), a credit (``is_credit``), or what opens with neither a word,
    a number nor CJK text (another link, a parenthesis, an emoji, another script)."""
    found = _after_name(text, entry)
    if found is None or _credits(text, *found) or remark_label(text, entry) is not None:
        return None
    start, end, words, marked = found
    # After the item's marks (``:star:,  A tool``) a comma parts them from the words; an arrow
    # (`` -> ``, `` => ``) parts a name from its text as a dash does.
    if _separates(text, start, end) or (marked and "," in text[start:end]):
        return Described("separated", *_doubled(text, start, end, words))
    if _opens_line(text, start, words):
        return Described("below", (start, end), words)
    first = text[words]
    if words == start and _particle(first):
        return Described("prose", (start, end), words)
    # No case to tell in CJK; ``是`` (is) goes on from the name as a sentence. A CJK bracket
    # (``【[docs](url)】``) opens no words.
    if is_cjk(first) and first.isalnum():
        assert entry.description is not None  # read by _after_name
        subject = first in _CJK_COPULAS or _CJK_SUBJECT.match(text, words, entry.description.end)
        return Described("prose" if subject else "bare", (start, end), words)
    if not first.isascii() or not first.isalnum():
        return None
    return Described("prose" if first.islower() else "bare", (start, end), words)


# Words that label a remark on an item rather than describe it (``Note:``, ``NB:``, ``Update:``,
# ``注：``): a list that writes ``[THUMOS14](url) Note: It overlaps with UCF-101`` adds a note to
# a name it leaves undescribed, and a dash there would misread the note (study 8).
REMARK_LABELS = frozenset(
    (
        *("note", "notes", "nb", "n.b", "ps", "p.s", "update", "updated", "edit", "edited"),
        *("remark", "remarks", "warning", "caution", "attention", "important", "tip", "hint"),
        *("disclaimer", "todo", "注", "注意", "备注", "備註", "说明", "說明", "提示", "更新"),
        *("참고", "주의", "注記", "備考"),
    )
)
# A label: one or two words (a bold or bracketed one too) and a colon, ``Note:``, ``**Update**:``,
# ``(NB: slow)``, ``注：``. A colon glued to the next word (``MtDNA:Nuclear``) is no label's.
_LABEL = re.compile(
    r"[(\[]?(?:\*\*|__|\*|_)?"
    r"(?P<label>[^\W\d_](?:[^\W_]|[.'’-])*(?:[ \t][^\W\d_](?:[^\W_]|[.'’-])*)?)"
    r"(?:\*\*|__|\*|_)?[ \t]?(?:：|:(?:\*\*|__|\*|_)?(?=\s|$))"
)
# A remark label without its colon, set apart by a bracket or emphasis: ``(Note that ...)``,
# ``**NB** ...``, ``[Update] ...``.
_SET_APART = re.compile(r"(?:[(\[]|\*\*|__|\*|_)(?P<label>[^\W\d_](?:[^\W_]|\.)*)(?![^\W_]|['’-])")
# The longest word a label is made of: ``Disclaimer``; in CJK, which writes no spaces, ``注意``.
_LABEL_WORD = 12
_CJK_LABEL = 4


def opening_label(text: str, entry: Entry) -> str | None:
    """The label (folded) that opens the text right after the name, with nothing between them
    but spaces: ``[ActivityNet](url) Note: They provide ...`` gives ``note``. None without one,
    or where a separator parts the name from the text (``- Note: ...``: a description)."""
    if entry.description is None:
        return None
    start = entry.separator.start if entry.separator is not None else entry.description.start
    at, end = entry.description.start, entry.description.end
    if text[start:at].strip():
        return None
    found = _LABEL.match(text, at, end)
    if found is not None and _label_words(found.group("label")):
        return found.group("label").casefold().rstrip(".")
    apart = _SET_APART.match(text, at, end)
    label = apart.group("label").casefold().rstrip(".") if apart is not None else None
    return label if label in REMARK_LABELS else None


def _label_words(label: str) -> bool:
    """Whether ``label`` is short enough to be a label, not a phrase run up to a colon."""
    if is_cjk(label[0]):
        return len(label) <= _CJK_LABEL
    return all(len(word) <= _LABEL_WORD for word in label.split())


def remark_label(text: str, entry: Entry) -> str | None:
    """The remark label opening the text right after the name (``opening_label``), if it is one
    of ``REMARK_LABELS``: what follows is a note on the item, no description of it."""
    label = opening_label(text, entry)
    return label if label in REMARK_LABELS else None


def _opens_line(text: str, start: int, words: int) -> bool:
    """Whether a line break parts the name from the words (the model may start the gap after it)."""
    line = text.rfind("\n", 0, words) + 1
    return line > 0 and (line > start or not text[line:words].strip())


def _doubled(text: str, start: int, end: int, words: int) -> tuple[tuple[int, int], int]:
    """The separator with the marks and spaces that double it (`` -- ``, ``：：``), and where the
    words then start: a separator read up to its first mark would leave the second opening the
    description, and the list's separator put in its place would make `` - - Text``."""
    wide = end
    if EMOJI_SHORTCODE.match(text, end):  # `` - :rocket: A tool``: an emoji opens the text
        return (start, end), words
    while wide < len(text) and text[wide] in SEPARATOR_MARKS:
        wide += 1
    if wide == end or (text[end - 1] in " \t" and _glued(text, wide)):
        # After a separator that ends with a space, marks glued to the next word are that
        # word's (``- ::formally``, a project's name): the separator is whole before them.
        return (start, end), words
    while wide < len(text) and text[wide] in " \t":
        wide += 1
    return (start, wide), max(words, wide)


def _glued(text: str, at: int) -> bool:
    """Whether the character at ``at`` is part of a word (no space, no line's end)."""
    return at < len(text) and not text[at].isspace()


def _particle(char: str) -> bool:
    """Whether ``char``, written against the name with no space, opens a particle that makes
    the name a word of a sentence: Korean writes words apart and its particles on their word
    (``[번역본](url)이 있다``, "a translation exists"), Japanese its hiragana particles on their
    noun (``[原文](url)を参照``). Another word run on to the name is still a description missing
    its separator, and Chinese ideographs run on either way."""
    return char in _PARTICLES


# The first syllables of Korean particles (이/가, 은/는, 을/를, 의, 에/에서, 와/과, 도, 로/으로,
# 만, 부터, 까지, 처럼, 보다, 하고) and the Japanese case particles (は が を の に で と も へ や
# から まで より).
_PARTICLES = frozenset("이가은는을를의에와과도로으만부까처보하はがをのにでともへやかまよ")


# Text the list writes after the names of several items alike (``[awesome-flask](url) 系列``,
# "series", on each pointer to another list) is its own mark for such items, not a description
# of each: no habit of descriptions applies to it.
_OWN_MARK_NAMES = 3


def own_marks(items: Iterable[Entry]) -> frozenset[str]:
    """The texts after the name that at least three differently named items share verbatim."""
    names: defaultdict[str, set[str]] = defaultdict(set)
    for entry in items:
        if entry.description is not None and entry.title is not None:
            names[entry.description.text.strip()].add(entry.title.text)
    return frozenset(text for text, named in names.items() if len(named) >= _OWN_MARK_NAMES)


def is_credit(text: str, entry: Entry) -> bool:
    """Whether the text after the name credits the item rather than describing it: ``by Jane
    Doe``, ``- by Jane Doe``, ``(by Jane Doe)``, where it comes from (``from Rice University``),
    or a paper's credit line after a comma or a period (``[Title](url), Jane Doe. ICML 2019.``)."""
    found = _after_name(text, entry)
    return found is not None and _credits(text, *found)


def _credits(text: str, start: int, end: int, words: int, marked: bool) -> bool:
    separator = text[start:end]
    return bool(_CREDIT.match(text, words)) or (
        not marked and bool(separator.strip()) and not _separates(text, start, end)
    )


def _separates(text: str, start: int, end: int) -> bool:
    """Whether a dash, a colon or an arrow (`` -> ``, `` => ``) is among ``text[start:end]``."""
    return (
        any(char in SEPARATOR_MARKS for char in text[start:end])
        or ARROW.search(text, start, end) is not None
    )


def _after_name(text: str, entry: Entry) -> tuple[int, int, int, bool] | None:
    """The separator's span, where the words start, and whether marks precede the separator:
    after the list's marks (`` `⚠` ``, ``**NEW**``, a badge) when the name has them, else where
    the model found them; None without a description, or when marks alone follow the name."""
    if entry.description is None:
        return None
    # The model's separator starts after what closes the name (``**``, ``>``).
    end = entry.description.start
    start = entry.separator.start if entry.separator is not None else end
    marks = read_marks(text, start, entry.description.end)
    if marks is None:
        return start, end, end, False
    if marks.separator is not None:
        return *marks.separator, marks.separator[1], True
    # The marks are the item's own (``:thumbsup:``): what parts them from the words is the
    # separator, never a colon of theirs the model may have read as one (``[A](url) :+1:- Text``).
    gap = _AFTER_MARKS.match(text, marks.end, entry.description.end)
    words = gap.end() if gap is not None else marks.end
    if not text[words : entry.description.end].strip():
        return None
    if not text[start:end].strip() and not text[marks.end : words].strip():
        return start, end, words, True  # no separator at all: missing right after the name
    return marks.end, words, words, True


# What may part an item's marks from its words: spaces around a run of separators or a comma.
_AFTER_MARKS = re.compile(rf"\s*[{SEPARATOR_MARKS},]*\s*")
