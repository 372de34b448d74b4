"""Heading anchors as GitHub makes them, and the tables of contents that link to them.

GitHub's anchor for a heading is its rendered text, lower-cased, with punctuation, symbols and
emoji removed (letters, marks, numbers, ``_`` and ``-`` stay) and each space turned into ``-``;
a repeated anchor gets ``-1``, ``-2``, ... in document order. This follows the published
behaviour of the ``github-slugger`` package, written here from its description and test cases.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import unquote

from awesome_tidy.inline import Cover, Link, code_spans, links, unwrap

if TYPE_CHECKING:
    from markdown_it.token import Token

    from awesome_tidy.document import Document, Heading, ListItem, Section

# Symbols that are letters all the same (Unicode's Other_Alphabetic): circled and squared Latin.
_ALPHABETIC_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))
_HTML_ANCHOR = re.compile(
    r"<a\s[^>]{0,400}?\b(?:id|name)\s*=\s*[\"']([^\"']{0,400})[\"']", re.IGNORECASE
)
# Headings a table of contents leaves out on purpose (awesome-lint's own list).
_NOT_LISTED = frozenset(("contributing", "footnotes"))


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading whose rendered text is ``text`` (before de-duplication)."""
    return "".join(
        "-" if char == " " else char for char in text.lower() if char == " " or _kept(char)
    )


def _kept(char: str) -> bool:
    if char in "-_":
        return True
    category = unicodedata.category(char)
    if category[0] in "LM" or category in ("Nd", "Nl"):
        return True
    code = ord(char)
    return category == "So" and any(low <= code <= high for low, high in _ALPHABETIC_SYMBOLS)


def rendered_text(markdown: str) -> str:
    """What a heading shows as text: link and emphasis text and code; no HTML, no images."""
    from awesome_tidy.parsing import parser

    md = parser()
    tokens: list[Token] = []
    md.inline.parse(markdown, md, {}, tokens)
    return "".join(_token_text(token) for token in tokens)


def _token_text(token: Token) -> str:
    if token.type in ("text", "text_special", "code_inline"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return " "
    return ""


@dataclass(slots=True)
class TocLink:
    """One line of a table of contents: its item, its link, and the heading it reaches."""

    item: ListItem
    link: Link
    target: int | None
    """Index into ``Document.headings``; None when no heading has the anchor."""
    resolved: bool
    """False when the anchor matches no heading and no HTML anchor."""


@dataclass(slots=True, eq=False)
class TableOfContents:
    """Consecutive lists of in-page links (one list, or several split by group titles)."""

    links: list[TocLink] = field(default_factory=list)
    lists: int = 1

    @property
    def start(self) -> int:
        return self.links[0].item.start

    @property
    def section(self) -> Section:
        return self.links[0].item.section


@dataclass(slots=True)
class Anchors:
    """Every heading's anchor, the HTML anchors, and the tables of contents of a document."""

    slugs: list[str]
    by_slug: dict[str, int]
    html: dict[str, int | None]
    tables: list[TableOfContents]

    def resolve(self, url: str) -> tuple[bool, int | None]:
        """Whether ``#anchor`` exists, and the heading it belongs to (if a heading's)."""
        anchor = unquote(url[1:]) if url.startswith("#") else ""
        for key in (anchor, anchor.lower()):
            if key in self.by_slug:
                return True, self.by_slug[key]
        for key in (anchor, anchor.lower()):
            if key in self.html:
                return True, self.html[key]
        return False, None


def read_anchors(doc: Document) -> Anchors:
    slugs = _slugs(doc.headings)
    by_slug: dict[str, int] = {}
    for index, slug in enumerate(slugs):
        by_slug.setdefault(slug, index)
        by_slug.setdefault(slug.lower(), index)
    html = _html_anchors(doc)
    anchors = Anchors(slugs, by_slug, html, [])
    anchors.tables = _tables_of_contents(doc, anchors)
    return anchors


def _slugs(headings: list[Heading]) -> list[str]:
    seen: dict[str, int] = {}
    slugs = []
    for heading in headings:
        base = slug = github_slug(rendered_text(heading.text))
        while slug in seen:
            seen[base] += 1
            slug = f"{base}-{seen[base]}"
        seen[slug] = 0
        slugs.append(slug)
    return slugs


def _html_anchors(doc: Document) -> dict[str, int | None]:
    """``<a id="x">`` and ``<a name="x">``, each with the heading it marks: the heading on its
    line or the next one when only blank or HTML lines come between, else none."""
    if "<a" not in doc.text and "<A" not in doc.text:
        return {}
    starts = [heading.start for heading in doc.headings]
    code = Cover((b.start, b.end) for b in doc.blocks if b.kind in ("fence", "code_block"))
    found: dict[str, int | None] = {}
    for match in _HTML_ANCHOR.finditer(doc.text):
        if match.start() in code:
            continue
        found.setdefault(match.group(1), _heading_at(doc, starts, match.start()))
    return found


def _heading_at(doc: Document, starts: list[int], offset: int) -> int | None:
    from bisect import bisect_right

    index = bisect_right(starts, offset) - 1
    if index >= 0 and doc.line_index(starts[index]) == doc.line_index(offset):
        return index
    following = index + 1
    if following < len(starts):
        between = doc.text[doc.next_line_start(offset) : starts[following]]
        if all(not line.strip() or line.lstrip().startswith("<") for line in between.split("\n")):
            return following
    return None


def _tables_of_contents(doc: Document, anchors: Anchors) -> list[TableOfContents]:
    by_list: dict[int, list[ListItem]] = {}
    for item in doc.items:
        by_list.setdefault(item.top_list, []).append(item)
    tables: list[TableOfContents] = []
    for items in by_list.values():
        toc_links = _toc_links(doc, anchors, items)
        if toc_links is None:
            continue
        previous = tables[-1] if tables else None
        if previous is not None and _continues(doc, previous, items[0]):
            previous.links.extend(toc_links)
            previous.lists += 1
        else:
            tables.append(TableOfContents(toc_links))
    return tables


def _toc_links(doc: Document, anchors: Anchors, items: list[ListItem]) -> list[TocLink] | None:
    """The in-page links of a list of links, one an item, or None. Most must be in-page: the
    others (a file, a mistyped ``($KG)``) are left out, and the rest still make the table."""
    text = doc.text
    result = []
    for item in items:
        start, end = unwrap(text, item.content_start, item.content_end)
        found = links(text, start, end, code_spans(text, start, end))
        if len(found) != 1 or found[0].start != start or found[0].end != end:
            return None
        link = found[0]
        if not link.url.text.startswith("#"):
            continue
        resolved, target = anchors.resolve(link.url.text)
        result.append(TocLink(item, link, target, resolved))
    return result if 2 * len(result) > len(items) else None


def _continues(doc: Document, table: TableOfContents, item: ListItem) -> bool:
    """A list right after a table of contents, with no heading between: more of it."""
    last = table.links[-1].item
    return item.section is last.section and item.start > last.start


def not_listed(section: Section) -> bool:
    """Sections a table of contents may leave out: contributing, license, thanks, citation."""
    from awesome_tidy.nodes import meta_section

    heading = section.heading
    if heading is None:
        return False
    return rendered_text(heading.text).strip().casefold() in _NOT_LISTED or meta_section(section)
