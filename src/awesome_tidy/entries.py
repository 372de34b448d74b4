"""Entries: the papers (or resources) of a list, and the parts of each with their spans.

An entry comes from a list item, a table row or a paragraph (see ``shapes``). Which candidates
are entries is decided per section from the majority of its items, so that a table of contents,
a prose note or a badge line is never judged as a malformed entry. The parser is tolerant:
full-width delimiters, stray braces and a missing year still give an entry, and the rules report
what is wrong.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from awesome_tidy.inline import Link, Part, in_sorted
from awesome_tidy.metadata import expand_year
from awesome_tidy.text import normalize_key, normalize_title
from awesome_tidy.urls import label_kind, normalize_url

if TYPE_CHECKING:
    from awesome_tidy.document import Document, ListItem, Section, Table

__all__ = ["Entry", "Link", "Part", "read_entries"]

KEY_OPENERS = "(（["
KEY_CLOSERS = ")）]"
YEAR_OPENERS = "[【［(（"
YEAR_CLOSERS = "]】］)）"
KEY_LIKE = re.compile(r"\{?[\w:./+\-]+\}?")

# Citation-key styles as the tools that produce them write them.
KEY_STYLES: dict[str, re.Pattern[str]] = {
    "google-scholar": re.compile(r"[a-z][a-z'-]*(?:1[89]|20)\d\d[a-z0-9]*"),  # he2016deep
    "semantic-scholar": re.compile(
        r"[A-Z][A-Za-z-]*(?:1[89]|20)\d\d[A-Z][A-Za-z0-9]*"
    ),  # He2015DeepRL
    "dblp": re.compile(r"DBLP:[a-z]+/[\w-]+/[\w-]+"),  # DBLP:conf/cvpr/HeZRS16
    "author-year": re.compile(r"[A-Za-z][A-Za-z-]*_?(?:1[89]|20)\d\d"),  # Smith2019
}


def key_style_of(key: str) -> str | None:
    for style, pattern in KEY_STYLES.items():
        if pattern.fullmatch(key):
            return style
    return None


@dataclass(slots=True, eq=False)
class Entry:
    """One paper (or one resource) of the list.

    ``shape`` is where it comes from (``list-item``, ``table-row``, ``paragraph``); ``form`` is
    how its title is written: ``link`` (``[Name](url)``), ``bold`` (``**Title**``), ``fields``
    (``[Authors] [Title] [Venue]``) or ``plain``.
    """

    shape: str
    line: int
    start: int
    end: int
    body: Part
    section: Section
    form: str = "plain"
    key: Part | None = None
    key_open: Part | None = None
    key_close: Part | None = None
    title: Part | None = None
    year: Part | None = None
    year_open: Part | None = None
    year_close: Part | None = None
    venue: Part | None = None
    authors: Part | None = None
    separator: Part | None = None
    description: Part | None = None
    links: list[Link] = field(default_factory=list)
    code_spans: list[tuple[int, int]] = field(default_factory=list)
    item: ListItem | None = None
    table: Table | None = None
    _normal: tuple[tuple[Part | None, ...], tuple[str | None, str, int | None]] = field(
        default=((), (None, "", None)), init=False, repr=False
    )
    _style: tuple[str | None, str | None] = field(default=(None, None), init=False, repr=False)

    @property
    def key_text(self) -> str | None:
        return self._normal_forms()[0]

    @property
    def title_text(self) -> str:
        return self._normal_forms()[1]

    @property
    def year_value(self) -> int | None:
        return self._normal_forms()[2]

    @property
    def key_style(self) -> str | None:
        """The citation-key style of the key (``KEY_STYLES``), read once per key."""
        key = self.key_text
        read_for, style = self._style
        if read_for != key:
            style = key_style_of(key) if key else None
            self._style = (key, style)
        return style

    def _normal_forms(self) -> tuple[str | None, str, int | None]:
        """Key, title and year in normal form. The rules ask for them a dozen times per entry,
        so they are read once, and again only when one of their parts was set again."""
        parts = key, title, year = self.key, self.title, self.year
        read_from, forms = self._normal
        if read_from != parts:
            forms = (
                normalize_key(key.text) if key else None,
                normalize_title(title.text) if title else "",
                expand_year(year.text) if year and year.text.isdigit() else None,
            )
            self._normal = (parts, forms)
        return forms

    @property
    def container(self) -> object:
        """What holds the entry as one list: its table for a row, else its section."""
        return self.table if self.table is not None else self.section

    @property
    def copy_title(self) -> str:
        """What two copies of the entry share: the title, and for a short ``[Name](url)`` also
        where it points (``[Learning](a)`` and ``[Learning](b)`` under two parents are two)."""
        title = self.title_text
        link = self.title_link if self.form == "link" and title.count(" ") < 3 else None
        return f"{title} {normalize_url(link.url.text)}" if link is not None else title

    def identity(self) -> tuple[str | None, str, int | None]:
        """What must survive every safe fix: the key, title and year in normal form."""
        return self._normal_forms()

    def in_code(self, offset: int) -> bool:
        return in_sorted(offset, self.code_spans)

    @property
    def title_link(self) -> Link | None:
        """The link whose label is the title (``[Title](url)``), if the title is one."""
        title = self.title
        if title is None:
            return None
        for link in self.links:
            if link.label.start <= title.start and title.end <= link.label.end:
                return link
        return None

    @property
    def primary_link(self) -> Link | None:
        """The link that names the entry: its title link, else its first paper link whose label
        is a word or a venue (``[paper]``, ``[CVPR 2020]``), never a badge or a code link."""
        link = self.title_link
        if link is not None and link.kind not in ("anchor", "badge"):
            return link
        for link in self.links:
            if link.kind == "paper" and _names_a_link(link.label.text):
                return link
        return None

    @property
    def real_links(self) -> list[Link]:
        """Links to somewhere else: neither in-page anchors nor badges."""
        return [link for link in self.links if link.kind not in ("anchor", "badge")]


def _names_a_link(label: str) -> bool:
    """``[paper]``, ``[CVPR 2020]``, ``[arXiv]``: a label about the link, not another title."""
    words = label.split()
    return label_kind(label) is not None or (len(words) == 1 and len(label) <= 16)


@dataclass(slots=True)
class Candidate:
    """A block that may be an entry, and what the majority decision needs to know of it."""

    entry: Entry
    evidence: bool
    group: tuple[object, ...]
    strong: bool = False
    """Evidence enough without a majority: a citation key, or a ``[Name](url)`` lead link."""
    fields: bool = False
    """Whether ``label: value`` sub-items (an address, a summary) describe it."""


def read_entries(doc: Document) -> tuple[list[Entry], bool]:
    """The entries of the document, in source order, and whether the list uses citation keys.

    A leading ``(token)`` or ``[token]`` is a key only when most entries have one; otherwise it
    is title text, and the items that had one are read again without it.
    """
    from awesome_tidy import shapes

    candidates = list(shapes.read_candidates(doc, keyed=True))
    entries = _select(candidates)
    # Copies vote once: the fixer removing a duplicate must not tip the list's reading.
    distinct = list({entry.identity(): entry for entry in entries}.values())
    keyed = sum(1 for entry in distinct if entry.key and KEY_LIKE.fullmatch(entry.key.text))
    has_keys = bool(entries) and keyed * 2 >= len(distinct)
    if not has_keys and any(candidate.entry.key for candidate in candidates):
        candidates = list(shapes.read_candidates(doc, keyed=False))
        entries = _select(candidates)
    return entries, has_keys


def _select(candidates: Iterable[Candidate]) -> list[Entry]:
    """The candidates that are entries: in a group where most have the evidence of an entry
    (a year, a key, a real link), those with evidence, and those written like them."""
    groups: defaultdict[tuple[object, ...], list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        groups[candidate.group].append(candidate)
    chosen: list[list[Entry]] = []
    for group in groups.values():
        # Copies vote once: the fixer removing a duplicate must not tip the group's reading.
        voters = list({candidate.entry.identity(): candidate for candidate in group}.values())
        evidenced = [candidate for candidate in voters if candidate.evidence]
        if not evidenced or len(evidenced) * 2 < len(voters):
            chosen.append([candidate.entry for candidate in group if candidate.strong])
            continue
        form = Counter(candidate.entry.form for candidate in evidenced).most_common(1)[0][0]
        chosen.append(
            [
                candidate.entry
                for candidate in group
                if candidate.evidence or (candidate.entry.form == form and form in _FORMS_ALONE)
            ]
        )
    return sorted(itertools.chain.from_iterable(chosen), key=lambda entry: entry.start)


# Forms that say "entry" by themselves once the group is known to hold entries: a bold title or
# bracketed fields are not prose. A plain line without year, key or link may well be prose.
_FORMS_ALONE = frozenset(("bold", "fields"))


def meta_section(section: Section) -> bool:
    """Sections about the list itself (contents, contributing, license, citation): no entries.

    Every word of the heading must be such a word, and one of them a strong one: "Contact &
    Feedback" is about the list, "Feedback" alone may be a research topic.
    """
    heading = section.heading
    if heading is None:
        return False
    text = heading.text.casefold()
    if any(term in text for term in _META_CJK) and len(text.strip()) <= 8:
        return True
    words = set(re.findall(r"[a-z]+", text)) - _CONNECTORS
    return bool(words) and words <= _META_WORDS and bool(words & _META_STRONG)


_META_STRONG = frozenset(
    (
        "contents",
        "toc",
        "contributing",
        "contribute",
        "contribution",
        "contributions",
        "contributors",
        "license",
        "licence",
        "citation",
        "citations",
        "cite",
        "citing",
        "acknowledgements",
        "acknowledgments",
        "acknowledgement",
        "thanks",
        "footnotes",
        "sponsors",
        "contact",
        "stargazers",
        "star",
        "news",
        "changelog",
        "updates",
    )
)
_META_WORDS = _META_STRONG | frozenset(
    (
        *("table", "feedback", "history", "support", "guide", "guidelines", "information"),
        *("bibtex", "latest", "recent"),
    )
)
_CONNECTORS = frozenset(("and", "or", "the", "us", "to", "how", "our", "for", "of", "this"))
_META_CJK = ("目录", "目錄", "贡献", "許可", "许可", "引用", "致谢")
