"""The model of a list, as rule authors program against it.

Everything a rule reads comes from here (the rule API is ``awesome_tidy.rule``). A rule gets a
``Document`` and reads its parts; every position is an offset into ``doc.text`` (newlines
normalised to ``\\n``), which ``Rule.problem`` turns into lines and columns:

- ``doc.entries``: the papers or resources, in source order, each an ``Entry`` with ``key``,
  ``title``, ``year``, ``venue``, ``authors``, ``separator``, ``description`` (each a ``Part``:
  ``start``, ``end``, ``text``, or None) and ``links`` (``Link``: ``label``, ``url``, ``kind``).
  ``entry.title_text``, ``key_text`` and ``year_value`` are the normal forms to compare;
  ``entry.year_how`` says how the year was found.
- ``doc.sections``, ``doc.headings``, ``doc.items``, ``doc.rows``, ``doc.paragraphs``,
  ``doc.blocks`` (code, HTML, comments: never to be changed), ``doc.anchors`` (tables of
  contents and the anchors they point at).
- ``doc.convention(entry)``: what the entries written like ``entry`` do (a ``Convention``). A
  rule about a field judges an entry only where its group understands the field
  (``year_understood``, ``keys_understood``, ``venue_understood``): where the reader could not
  find the field in most of a group, it may be reading the list wrongly, and stays silent.
- ``doc.copies``: groups of entries that are one paper by exact evidence.
- ``doc.in_derived_listing(entry)``: whether the entry is in an index, a summary table or a
  showcase that repeats entries of other sections in another form, on purpose.

The helpers below answer what several rules ask: a list's dominant value, its key style, its
``[Name](url) - Description`` items, whether two titles or two venues name one paper. Parser
internals (the readers, token walking, normal-form caches) are not part of this module, and
may change between versions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from awesome_tidy.anchors import (
    Anchors,
    TableOfContents,
    TocLink,
    banner_heading,
    not_listed,
    placeholder_text,
    prose_heading,
    rendered_text,
    without_comments,
)
from awesome_tidy.bylines import PARTICLES, is_byline, opens_with_particle
from awesome_tidy.conventions import (
    KEY_STYLE_EXAMPLES,
    Convention,
    Described,
    awaits_release,
    dated,
    describe,
    dominant,
    dominant_key_style,
    is_credit,
    link_items,
    missing_years,
    opening_label,
    own_marks,
    placeholder_slot,
    placeholder_title,
)
from awesome_tidy.document import Document
from awesome_tidy.inline import Cover, Link, Part, code_spans, link_at, links
from awesome_tidy.markers import EMOJI_SHORTCODE, emoji_start, read_marks
from awesome_tidy.metadata import (
    author_year_label,
    expand_year,
    find_year,
    heading_dates,
    heading_venue,
    heading_year,
    is_date,
    key_year,
    preprint_marker,
    same_venue,
    venue_family,
)
from awesome_tidy.nodes import (
    KEY_STYLES,
    Block,
    Entry,
    Heading,
    ListItem,
    Paragraph,
    Section,
    Table,
    TableRow,
    key_style_of,
    meta_section,
)
from awesome_tidy.regions import html_regions
from awesome_tidy.similarity import (
    label_items,
    named_on_top,
    near_pairs,
    other_ids,
    other_repositories,
    same_paper,
    title_lines,
)
from awesome_tidy.text import (
    INVISIBLE,
    is_cjk,
    is_full_width_form,
    normalize_key,
    normalize_title,
    title_cased,
    to_ascii_form,
    without_link_targets,
    written_in_cjk,
)
from awesome_tidy.urls import is_kind_label, is_paper_url, label_kind, link_kind, normalize_url
from awesome_tidy.versions import PUBLICATION_DELAY, dated_apart


def catalogue_start(doc: Document) -> int:
    """Where the first section after the title starts (0 when there is no such section): what
    comes before it is the introduction (the lines under the title), which keeps its own style."""
    headings = doc.headings
    if headings and headings[0].level == 1 and len(headings) > 1:
        return headings[1].start
    return headings[0].start if headings and headings[0].level > 1 else 0


def under_paragraph(doc: Document, item: ListItem) -> bool:
    """Whether the item is indented and starts on the line right after a paragraph: drawn as the
    paragraph's sub-item (``[FISCO](url)`` then ``  - [Its forks](url)``). Markdown has no
    sub-items for a paragraph, so the indentation is the author's way to nest it."""
    if item.start == item.marker_start or item.parent is not None:
        return False
    paragraph = doc.paragraph_ending_on.get(item.line - 1)
    return paragraph is not None and paragraph.section is item.section


# The share of the sub-items of items at the margin one bullet must hold to be their bullet.
_SUB_BULLET = 0.75


def drawn_under_stray_item(doc: Document) -> dict[int, ListItem]:
    """The top-level items drawn as the sub-items of the item right above them, by ``id``, each
    with that item: they fail to nest only by its stray indentation.

    `` * Blogs`` then ``  - [A blog](url)``, in a document that nests its ``-`` sub-items two
    spaces in under ``* Item`` at the margin: the stray space puts the item's text at column 3,
    so the sub-items at two spaces start a list of their own at the top level, in a bullet of
    their own. With the item at the margin they are its sub-items, as everywhere else: they
    are sub-items in the sub-item bullet, not a stray list (study 34: blamed for their parent's
    indentation, flattened by a fix, and their bullet called another list's)."""
    under_margin = [
        item
        for item in doc.items
        if item.parent is not None and item.parent.parent is None and item.parent.indent == 0
    ]
    columns = {item.indent for item in under_margin}
    bullet = dominant((item.marker for item in under_margin), share=_SUB_BULLET)
    drawn: dict[int, ListItem] = {}
    above: ListItem | None = None
    parent: ListItem | None = None
    for item in doc.items:
        if item.parent is not None or doc.text[item.start : item.marker_start].strip(" "):
            continue  # nested, in a block quote, or tabs
        if parent and above and item.list_id == above.list_id and item.indent == above.indent:
            drawn[id(item)] = parent  # the rest of the sub-list
        elif above is not None and item.marker == bullet and item.indent in columns:
            parent = above if _drawn_under(doc, item, above) else None
            if parent is not None:
                drawn[id(item)] = parent
        else:
            parent = None
        above = item
    return drawn


def _drawn_under(doc: Document, item: ListItem, above: ListItem) -> bool:
    """Whether ``item``, opening a list of its own right after ``above`` (an item indented by
    one to three spaces, in another bullet), would nest in it were ``above`` at the margin."""
    reach = above.content_start - above.marker_start  # the text's column at the margin
    return (
        0 < above.indent < item.indent
        and above.marker != item.marker
        and item.list_id != above.list_id
        and reach <= item.indent
        and doc.line_index(above.content_start) + 1 == above.line
        and not doc.text[above.end : item.start].strip()
    )


_LABEL_WORDS = 6
# ``CVPR'25``, ``arXiv papers'24``, ``TMI 2026``: a label that dates the papers under it.
_DATED_LABEL = re.compile(r"['’]\d\d(?!\d)|(?<!\d)(?:19|20)\d\d(?!\d)")


def filed_under(doc: Document, entry: Entry) -> str | None:
    """The short dated paragraph right above the entry's list (``**CVPR'25**``, ``arXiv
    2024:``): the label of the papers the list holds (a venue and its year), or None."""
    item = entry.item
    if item is None or item.parent is not None:
        return None
    before = bisect_right(doc.paragraphs, item.start, key=lambda paragraph: paragraph.start) - 1
    if before < 0 or (paragraph := doc.paragraphs[before]).section is not item.section:
        return None
    first = bisect_left(doc.items, paragraph.end, key=lambda other: other.start)
    if first >= len(doc.items) or doc.items[first].top_list != item.top_list:
        return None
    between = doc.text[paragraph.end : doc.items[first].start]
    text = doc.text[paragraph.start : paragraph.end].strip()
    if between.count("\n") > 2 or between.strip() or "\n" in text:
        return None
    if len(text.split()) > _LABEL_WORDS or not _DATED_LABEL.search(text):
        return None
    return text


# An HTML anchor in a list item's text (``- <span id="git">Git</span>``), and its name.
_HTML_ANCHOR = re.compile(r"<[a-z]+\b[^<>]*?\b(?:id|name)\s*=\s*[\"']?([^\"'\s<>]+)", re.I)


def heading_items(doc: Document) -> frozenset[int]:
    """The outermost list items (by id) that a list writes for headings: top-level items over
    entries, holding none themselves, with an HTML anchor, in a list whose links point at such
    anchors (``- <span id="tool">Tools</span>`` over ``  - <span id="git">Git</span>`` over
    its links, ``[Git](#git)`` in the contents). Such a list is one section in Markdown but
    several to its reader: a thing under two of them (a Git game under Community and under
    Tools) is filed twice on purpose, as under two headings. Their sub-labels are the groups of
    one section (``- Javascript Framework`` and ``- Backend Framework`` under ``- Docs``), read
    as label items anywhere are (duplicate-entry: a copy under two of them is cross-listed
    unless a block of items was pasted from one to the other)."""
    held = {id(entry.item) for entry in doc.entries if entry.item is not None}
    text = doc.text
    anchors: dict[int, str] = {}
    tops: set[int] = set()
    for entry in doc.entries:
        item = entry.item.parent if entry.item is not None else None
        while item is not None and id(item) not in held:
            if id(item) not in anchors:
                found = _HTML_ANCHOR.search(text, item.content_start, item.content_end)
                anchors[id(item)] = found.group(1) if found is not None else ""
            if item.parent is None and anchors[id(item)]:
                tops.add(id(item))
            item = item.parent
    # The list's way once its contents link one of them: a sub-heading may have no link.
    linked = any(name and f"#{name}" in text for name in anchors.values())
    return frozenset(tops) if linked else frozenset()


def top_item(entry: Entry) -> ListItem | None:
    """The top-level list item that holds the entry (its own item at the top)."""
    item = entry.item
    while item is not None and item.parent is not None:
        item = item.parent
    return item


# ``- Recommended``, ``- <span id="recommend">추천</span>``: a label item over the list's picks,
# which repeat things of its topical groups on purpose. The whole label, tags and marks aside.
_PICKS = re.compile(
    r"(?:(?:our|top|editor'?s)\s+)?(?:recommended|recommendations?|picks|featured|highlights?"
    r"|must[-\s]reads?)|추천|推荐|精选|おすすめ",
    re.IGNORECASE,
)
_TAG_OR_MARK = re.compile(r"<[^<>]*>|[\W_]+")
_MAX_PICKS_LABEL = 40


def under_picks(text: str, entry: Entry) -> bool:
    """Whether the entry sits under a label item naming the list's picks (``- Recommended``
    over links that its topical label items list again): a copy there and one in a topical
    group are one thing shown twice on purpose; two copies among the picks are a slip."""
    item = entry.item.parent if entry.item is not None else None
    while item is not None:
        if item.content_end - item.content_start <= _MAX_PICKS_LABEL * 4:
            label = _TAG_OR_MARK.sub(" ", text[item.content_start : item.content_end]).strip()
            if len(label) <= _MAX_PICKS_LABEL and _PICKS.fullmatch(label):
                return True
        item = item.parent
    return False


def preprint_and_venue(doc: Document, first: Entry, second: Entry) -> bool | None:
    """Whether two copies are filed under dated labels (``filed_under``) of which one names a
    preprint server and the other not (``**arXiv'25**``, ``**TMI'26**``): True when the first
    is the preprint, False when the second is, None otherwise."""
    labels = (filed_under(doc, first), filed_under(doc, second))
    if labels[0] is None or labels[1] is None:
        return None
    sides = (preprint_marker(labels[0]), preprint_marker(labels[1]))
    return sides[0] if sides[0] != sides[1] else None


__all__ = [
    "EMOJI_SHORTCODE",
    "INVISIBLE",
    "KEY_STYLES",
    "KEY_STYLE_EXAMPLES",
    "PARTICLES",
    "PUBLICATION_DELAY",
    "Anchors",
    "Block",
    "Convention",
    "Cover",
    "Described",
    "Document",
    "Entry",
    "Heading",
    "Link",
    "ListItem",
    "Paragraph",
    "Part",
    "Section",
    "Table",
    "TableOfContents",
    "TableRow",
    "TocLink",
    "author_year_label",
    "awaits_release",
    "banner_heading",
    "catalogue_start",
    "code_spans",
    "dated",
    "dated_apart",
    "describe",
    "dominant",
    "dominant_key_style",
    "emoji_start",
    "expand_year",
    "filed_under",
    "find_year",
    "heading_dates",
    "heading_items",
    "heading_venue",
    "heading_year",
    "html_regions",
    "is_byline",
    "is_cjk",
    "is_credit",
    "is_date",
    "is_full_width_form",
    "is_kind_label",
    "is_paper_url",
    "key_style_of",
    "key_year",
    "label_items",
    "label_kind",
    "link_at",
    "link_items",
    "link_kind",
    "links",
    "meta_section",
    "missing_years",
    "named_on_top",
    "near_pairs",
    "normalize_key",
    "normalize_title",
    "normalize_url",
    "not_listed",
    "opening_label",
    "opens_with_particle",
    "other_ids",
    "other_repositories",
    "own_marks",
    "placeholder_slot",
    "placeholder_text",
    "placeholder_title",
    "preprint_and_venue",
    "preprint_marker",
    "prose_heading",
    "read_marks",
    "rendered_text",
    "same_paper",
    "same_venue",
    "title_cased",
    "title_lines",
    "to_ascii_form",
    "top_item",
    "under_paragraph",
    "under_picks",
    "venue_family",
    "without_comments",
    "without_link_targets",
    "written_in_cjk",
]
