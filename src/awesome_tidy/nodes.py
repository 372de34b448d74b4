"""The model's types: headings, sections, list items, tables, paragraphs and entries.

They hold offsets into ``Document.text`` and know nothing of how they were read, so that the
parser (``document``), the entry readers (``readers``) and the rules can all import them without
importing each other. Rule authors import them from ``awesome_tidy.model``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from awesome_tidy.inline import Link, Part, emphasis_at, in_sorted
from awesome_tidy.metadata import expand_year, heading_venue, heading_year
from awesome_tidy.text import normalize_key, normalize_title
from awesome_tidy.urls import is_kind_label, label_kind, normalize_url


@dataclass(slots=True)
class Heading:
    level: int
    text: str
    line: int
    start: int
    marker_start: int
    marker_end: int
    number: str | None
    """The section number the text starts with, in digits (``2.1``): what heading-numbering
    judges (``read_heading_number``)."""
    setext: bool = False
    in_list_item: bool = False
    last_line: int = 0
    """The heading's last line (the underline of a setext heading)."""
    scheme_number: str | None = None
    """The number the text starts with in any scheme, decoration before it aside: digits
    (``5.1``, ``【3】``, ``3、``) or led by a capital letter or a roman numeral (``A.2``,
    ``IV.3``) (``read_heading_number``)."""

    @property
    def depth(self) -> int:
        """How many components the section number has (``2.1.3`` is 3), 0 when unnumbered."""
        return self.number.count(".") + 1 if self.number else 0

    @property
    def numbered(self) -> bool:
        """Whether the heading starts with a number of any scheme: ``2.``, ``二、``, ``II.``,
        ``Part 2``, ``第二部分``."""
        return self.number is not None or bool(_PART_NUMBER.match(self.text))


def read_heading_number(text: str) -> tuple[str | None, str | None]:
    """A heading's ``number`` and ``scheme_number``, read from its text once.

    The section number is read where the text starts: read past the decoration, the numbers of
    a list whose levels are mixed tipped heading-numbering's vote for the list's offset, and
    its fix moved numbered chapters to ``#`` beside the page's title (round 25). The number of
    any scheme is read past it (``## 📊 5.1. Datasets``, ``## **5.1 Datasets**``)."""
    section = _SECTION_NUMBER.match(text)
    number = section.group(1) if section and heading_year(section.group(1)) is None else None
    part = _SCHEME_NUMBER.match(text, _decoration_end(text))
    return number, part.group(1) if part else None


def _decoration_end(text: str) -> int:
    """Where the decoration at the start of a heading's text ends: spaces, emphasis marks,
    emoji and other symbols (with their joiners and variation selectors), ``:emoji:`` codes and
    empty ``<a name="x"></a>`` anchors. It is no part of the title's words."""
    at = 0
    while at < len(text):
        markup = _DECORATION_MARKUP.match(text, at)
        if markup is not None:
            at = markup.end()
        elif text[at] in " \t*_~" or unicodedata.category(text[at]) in _DECORATION_CATEGORIES:
            at += 1
        else:
            break
    return at


_SECTION_NUMBER = re.compile(
    r"(\d+(?:\.\d+)*)(?:\.?(?=\s|$)|\.(?=[^\W\d_a-z]|\*\*|__|[\[《「【\"“])(?![A-Za-z](?![A-Za-z])))"
)
"""A section number: followed by a space, or by a final dot glued to the title's first letter or
mark (``2.Visual SLAM``, ``1.百度``, ``5.**Title**``). A digit, a lower-case letter or a lone
letter after the dot is a version or a size (``2.5D``, ``3.x``, ``1.5x``, ``2.X``): no number."""
_SCHEME_NUMBER = re.compile(
    r"[ \t]*(?:[【\[(（][ \t]*)?((?:\d{1,3}|[A-Z]|[IVX]{1,4})(?:\.\d{1,3})*)(?!\.?\d)"
    r"(?:(?<=\d)\.?[ \t]|\.[ \t]|[ \t]*[】\])）.、．:：])"
)
"""A number of any scheme: digits, or a capital letter or a roman numeral leading digits (``A.1``,
``IV.2``), in brackets or not (``【3】``, ``(3)``), with a mark or a space after it (``3、``,
``3.``, ``3.2``); a lone letter or numeral needs a mark after it (``A.``, ``II)``), so that
``A Survey`` or ``I am`` holds none."""
_DECORATION_MARKUP = re.compile(r":[a-z0-9_+-]+:|<a\b[^<>]*>[ \t]*</a>", re.IGNORECASE)
_DECORATION_CATEGORIES = frozenset(("So", "Sk", "Cf", "Mn", "Me"))
"""Symbols (emoji), format characters (a zero-width joiner) and marks (variation selectors)."""
_PART_NUMBER = re.compile(
    r"[ \t]*(?:(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[IVX]{1,4})[ \t]*[.、．:：)）]"
    r"|(?i:part|chapter)[ \t]+(?:\d{1,3}|[ivx]{1,4})\b"
    r"|第[ \t]*(?:\d{1,3}|[一二三四五六七八九十]{1,3})[ \t]*[部章篇节])"
)


@dataclass(slots=True, eq=False)
class Section:
    heading: Heading | None
    parent: Section | None
    entries: list[Entry] = field(default_factory=list)
    items: list[ListItem] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else "(before the first heading)"

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0

    @property
    def year(self) -> int | None:
        """The year of the nearest enclosing heading that is a year (``### 2024``), if any."""
        section: Section | None = self
        while section is not None and section.heading is not None:
            year = heading_year(section.heading.text)
            if year is not None:
                return year
            section = section.parent
        return None

    @property
    def by_venue(self) -> bool:
        """Whether the section or one around it is a venue with its year (``## IJCAI 2021``):
        its papers are filed by where they appeared, not by topic."""
        section: Section | None = self
        while section is not None and section.heading is not None:
            if heading_venue(section.heading.text):
                return True
            section = section.parent
        return False


@dataclass(slots=True, eq=False)
class ListItem:
    """One list item: where its marker is, the lines it owns, and its first paragraph."""

    line: int
    start: int
    end: int
    marker_start: int
    marker: str
    depth: int
    content_start: int
    content_end: int
    section: Section
    parent: ListItem | None = None
    top_list: int = 0
    """Which top-level list the item belongs to (items of one list share it)."""
    list_id: int = 0
    """Which list, at any depth, the item belongs to: items of one list share it (a change of
    bullet, or a block between items, starts another one)."""
    children_start: int | None = None
    """Where the first item nested in this one starts."""

    @property
    def ordered(self) -> bool:
        return self.marker[-1] in ".)"

    @property
    def indent(self) -> int:
        return self.marker_start - self.start


@dataclass(slots=True, eq=False)
class Table:
    """A pipe table: its header cells, lower-cased, and the section that holds it."""

    line: int
    section: Section
    header: list[str] = field(default_factory=list)

    def column(self, *names: str) -> int | None:
        """The first column whose header holds one of ``names`` as a word, trying them in order.

        A name in a script written without spaces (``标题``) is looked for inside the header.
        """
        words = [set(re.findall(r"\w+", header)) for header in self.header]
        for name in names:
            for index, header_words in enumerate(words):
                if name in header_words or (not name.isascii() and name in self.header[index]):
                    return index
        return None


@dataclass(slots=True, eq=False)
class TableRow:
    """A body row of a pipe table: the spans of its cells (trimmed) on its one line."""

    line: int
    start: int
    end: int
    cells: tuple[tuple[int, int], ...]
    table: Table


@dataclass(slots=True, eq=False)
class Paragraph:
    """A paragraph outside lists, quotes and tables: where an entry may be a bold title line."""

    line: int
    start: int
    end: int
    section: Section


@dataclass(slots=True)
class Block:
    """A span of lines whose text must never change: code, HTML blocks and comments."""

    kind: str
    start: int
    end: int
    line: int
    reach: int = 0
    """Where the lines the parser gave the block end, blank lines included: past ``end`` only
    when a fence or HTML block is left open, and its trailing blank lines are its content."""


KEY_OPENERS = "(（["
KEY_CLOSERS = ")）]"
YEAR_OPENERS = "[【［(（"
YEAR_CLOSERS = "]】］)）"
KEY_LIKE = re.compile(r"\{?[\w:./+\-]+\}?")
# A plain title that stops at an emphasis run after a space, not at the end of a sentence, may be
# the start of a longer title: the reader stops there for ``Title *Authors*``.
_SENTENCE_MARKS = ".?!:;,"
_EMPHASIS_AFTER = re.compile(r"\s+[*_]")
# A tag read as a title: in brackets, maybe in emphasis (``[**Detection**]``, ``【Great】``).
_TAG_OPEN = "[【［"
_TAG_CLOSE = "]】］"
_WRAPPING = "*_ "
_SENTENCE_END = re.compile(r"[.?!](?:\s|$)|\[|\||<|\n")
# ``C#``, ``C++``, ``F#``: a word whose trailing symbols name another language or tool.
_SYMBOL_WORD = re.compile(r"(?<![\w#+])\w+(?:#|\+\+?)(?![\w#+])")
# What a name or year cell holds where the list has nothing to say: no name, no year.
PLACEHOLDERS = frozenset(
    {"n a", "na", "none", "null", "nil", "unknown", "unnamed", "untitled", "tbd", "tba", "todo"}
    | {"暂无", "无", "未知", "不详", "不明"}
)

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


def keys_name_papers(keys: list[str]) -> bool:
    """Whether ``keys`` are citation keys, not tags: most are given to one paper each, or most
    are written as a citation tool writes keys (``ito2019graph``, which a small list may well
    give to three papers by mistake). ``[CVPR]`` or ``[Survey]`` before half the titles is a
    tag."""
    if len(set(keys)) * 2 > len(keys):
        return True
    return sum(1 for key in keys if key_style_of(key) is not None) * 2 > len(keys)


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
    year_how: str | None = None
    """How the year was found (``readers.decide.YEAR_PRECEDENCE``): ``closing-bracket``,
    ``lead-tag``, ``title-tag``, ``tail``, a table column, a field; None without a year."""
    year_unknown: bool = False
    """The list says it does not know the year (``\\``, ``-``, ``N/A`` in a year column)."""
    venue: Part | None = None
    venue_how: str | None = None
    authors: Part | None = None
    separator: Part | None = None
    description: Part | None = None
    links: list[Link] = field(default_factory=list)
    code_spans: list[tuple[int, int]] = field(default_factory=list)
    item: ListItem | None = None
    table: Table | None = None
    # Performance (issue 3, 10.5): key, title and year in normal form, which the rules ask for a
    # dozen times per entry: each is read once, and again only when its part was set again. One
    # cache per part, checked inline in its property, costs a third of one shared tuple.
    _key_normal: tuple[Part | None, str | None] = field(
        default=(None, None), init=False, repr=False
    )
    _title_normal: tuple[Part | None, str] = field(default=(None, ""), init=False, repr=False)
    _year_normal: tuple[Part | None, int | None] = field(
        default=(None, None), init=False, repr=False
    )
    _style: tuple[Part | None, str | None] = field(default=(None, None), init=False, repr=False)

    @property
    def key_text(self) -> str | None:
        key = self.key
        read_from, normal = self._key_normal
        if read_from is not key:
            normal = normalize_key(key.text) if key is not None else None
            self._key_normal = (key, normal)
        return normal

    @property
    def title_text(self) -> str:
        title = self.title
        read_from, normal = self._title_normal
        if read_from is not title:
            normal = normalize_title(title.text) if title is not None else ""
            self._title_normal = (title, normal)
        return normal

    @property
    def year_value(self) -> int | None:
        year = self.year
        read_from, value = self._year_normal
        if read_from is not year:
            value = expand_year(year.text) if year is not None and year.text.isdigit() else None
            self._year_normal = (year, value)
        return value

    @property
    def key_style(self) -> str | None:
        """The citation-key style of the key (``KEY_STYLES``), read once per key."""
        key = self.key
        read_from, style = self._style
        if read_from is not key:
            text = self.key_text
            style = key_style_of(text) if text else None
            self._style = (key, style)
        return style

    @property
    def container(self) -> object:
        """What holds the entry as one list: its table for a row, else its section."""
        return self.table if self.table is not None else self.section

    @property
    def copy_title(self) -> str:
        """What two copies of the entry share: the whole title, and for a short ``[Name](url)``
        also where it points (``[Learning](a)`` and ``[Learning](b)`` under two parents are two);
        "" when the title names nothing (``| 215 |``: a row number is not a name, nor is
        ``Paper`` or ``Code``).

        A plain title read up to an emphasis run mid-sentence (``Learning Lightweight _Lane
        Detection_ CNNs by ...``) is only the start of the title: the sentence is compared. A
        short label before a titled link (``BERT-TTS: [Towards Transfer ...](url)``) names a
        group of papers, so the link's title is compared with it."""
        title = self._whole_title()
        # A title's first character is almost always a letter: the generator runs only where not.
        if not (title[:1].isalpha() or any(char.isalpha() for char in title)) or is_kind_label(
            title
        ):
            return ""  # ``| 215 |``, ``- Paper: url``: what a title's place holds, not a name
        if title in PLACEHOLDERS:
            return ""  # ``| N/A |``: a name column's placeholder, shared by unnamed papers
        title = _with_symbols(title, self.title)
        if self.form == "link" and title.count(" ") < 3:
            link = self.title_link
            return f"{title} {normalize_url(link.url.text)}" if link is not None else title
        if self.links and (tagged := self._title_after_tag()):
            return f"{title} | {tagged}"
        # (an entry without links, most of a list in the reference shape, has no titled link)
        other = self._titled_link(title.count(" ")) if self.form != "link" and self.links else None
        return f"{title} | {normalize_title(other.label.text)}" if other is not None else title

    def _whole_title(self) -> str:
        title, text = self.title, self.body.text
        if self.form != "plain" or title is None or title.text[-1:] in _SENTENCE_MARKS:
            return self.title_text
        at = title.end - self.body.start
        if not 0 <= at < len(text) or _EMPHASIS_AFTER.match(text, at) is None:
            return self.title_text
        end = _SENTENCE_END.search(text, at)
        return normalize_title(title.text + text[at : end.start() if end else len(text)])

    def _title_after_tag(self) -> str:
        """The title right after a bracketed tag the reader took for the title (``[💬Object
        Detection] **Title**``, ``【Great】[Title](url)``), normalised, when it is longer than the
        tag; "" otherwise. The tag is the list's (a topic, a mark of its picks) and many entries
        carry it; the title after it is the entry's own."""
        title = self.title
        if title is None or self.form not in ("plain", "fields"):
            return ""
        text, base = self.body.text, self.body.start
        start, end = title.start - base, title.end - base
        while start > 0 and text[start - 1] in _WRAPPING:
            start -= 1
        while end < len(text) and text[end] in _WRAPPING:
            end += 1
        if (
            start > 0
            and end < len(text)
            and text[start - 1] in _TAG_OPEN
            and text[end] in _TAG_CLOSE
        ):
            start, end = start - 1, end + 1
        elif not (end - start > 2 and text[start] in _TAG_OPEN and text[end - 1] in _TAG_CLOSE):
            return ""
        after = end
        while after < len(text) and text[after] in " \t":
            after += 1
        bold = emphasis_at(text, after, len(text))
        if bold is not None:
            following = text[bold[0] : bold[1]]
        else:
            link = next((link for link in self.real_links if link.start == base + after), None)
            if link is None or link.image or is_kind_label(link.label.text):
                return ""
            following = link.label.text
        following = normalize_title(following)
        return following if len(following) > len(normalize_title(text[start:end])) else ""

    def _titled_link(self, spaces: int) -> Link | None:
        """A link whose label is a longer title than the entry's own (``[paper]`` is not)."""
        for link in self.real_links:
            label = link.label.text
            if label.count(" ") > max(spaces, 1) and label_kind(label) is None:
                return link
        return None

    def identity(self) -> tuple[str | None, str, int | None]:
        """What must survive every safe fix: the key, title and year in normal form."""
        return self.key_text, self.title_text, self.year_value

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
        if not self.links:
            return None  # (asked of every entry by the copies and duplicate-link)
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
        # Performance (issue 10.5): asked twice per entry by the copies, of mostly link-less
        # entries in the reference shape; an empty list needs no comprehension.
        links = self.links
        return [link for link in links if link.kind not in ("anchor", "badge")] if links else []


def _with_symbols(title: str, part: Part | None) -> str:
    """The normal title with the words whose symbols make another thing (``C#``, ``C++``,
    ``F#``), which the normal form drops: "C# style guide" and "C++ style guide" are two."""
    if part is None or ("#" not in part.text and "+" not in part.text):
        return title
    symbols = _SYMBOL_WORD.findall(part.text.casefold())
    return f"{title} {' '.join(symbols)}" if symbols else title


def _names_a_link(label: str) -> bool:
    """``[paper]``, ``[CVPR 2020]``, ``[arXiv]``: a label about the link, not another title."""
    words = label.split()
    return label_kind(label) is not None or (len(words) == 1 and len(label) <= 16)


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
        "update",
    )
)
_META_WORDS = _META_STRONG | frozenset(
    (
        *("table", "feedback", "history", "support", "guide", "guidelines", "information"),
        *("bibtex", "latest", "recent", "main", "note", "notes", "log"),
    )
)
_CONNECTORS = frozenset(("and", "or", "the", "us", "to", "how", "our", "for", "of", "this"))
_META_CJK = ("目录", "目錄", "贡献", "許可", "许可", "引用", "致谢", "更新日志", "最新动态", "新闻")
