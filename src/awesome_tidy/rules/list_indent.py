from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from awesome_tidy.model import (
    Document,
    ListItem,
    Section,
    catalogue_start,
    code_spans,
    drawn_under_stray_item,
    html_regions,
    links,
    under_paragraph,
)
from awesome_tidy.rule import LIST_STORMS, WHITESPACE, Edit, Fix, Problem, Rule


class ListIndent(Rule):
    name = "list-indent"
    severity = "warning"
    judges_entries = LIST_STORMS
    summary = "A top-level list item indented from the left margin."
    fix_safety = "safe"
    changes = (WHITESPACE,)

    def check(self, doc: Document) -> Iterator[Problem]:
        margin, in_html, widths = _top_level_lists(doc)
        nesting = _Nesting(doc)
        margin = _judged(doc, _laid_out(doc, margin), nesting)
        in_html = _judged(doc, in_html, nesting)
        if not (margin or in_html):
            return
        starts = {item.line for item in doc.items}
        labelled = _labelled(doc, margin)
        quiet = {id(items) for items in margin if all(id(item) in labelled for item, _ in items)}
        at_margin = _at_margin(widths, margin, quiet, nesting)
        kept = [items for items in margin if not at_margin and _chosen_indent(items)]
        kept_ids = {id(items) for items in kept}
        movable = {id(items) for items in _movable(doc, margin, kept_ids | quiet, starts)}
        resumed = _resumed(doc, [*margin, *in_html], nesting)
        for items in margin:
            if id(items) in quiet:
                continue  # every item indented with the label it is laid out under
            if id(items) in kept_ids:
                yield from self._keep_convention(doc, items, starts, nesting, resumed, labelled)
                continue
            # A list part of which stays under its label moves no item: the rest is reported.
            whole = not any(id(item) in labelled for item, _ in items)
            fixable = whole and id(items) in movable
            yield from self._report_list(doc, items, 0, fixable, nesting, resumed, labelled)
        for items in in_html:
            yield from self._keep_convention(doc, items, starts, nesting, resumed)

    def _keep_convention(
        self,
        doc: Document,
        items: Widths,
        starts: set[int],
        nesting: _Nesting,
        resumed: dict[int, bool],
        labelled: frozenset[int] = frozenset(),
    ) -> Iterator[Problem]:
        """A list an HTML block (``<details>``) holds, or one most of whose items are indented
        by two or three spaces, keeps the indentation most of its items have: GitHub renders it
        the same; only the items that break it are moved."""
        indent, count = Counter(width for _, width in items).most_common(1)[0]
        if count * 2 <= len(items) or count == len(items):
            return  # no convention to keep, or none broken
        fixable = not any(_indented_after(doc, item, indent, starts) for item, _ in items)
        fixable = fixable and not any(id(item) in labelled for item, _ in items)
        yield from self._report_list(doc, items, indent, fixable, nesting, resumed, labelled)

    def _report_list(
        self,
        doc: Document,
        items: Widths,
        expected: int,
        fixable: bool,
        nesting: _Nesting,
        resumed: dict[int, bool],
        labelled: frozenset[int],
    ) -> Iterator[Problem]:
        """The list's items off ``expected``, reported, with a fix where all of them move.

        The items of one list move together or not at all: an item that must stay (drawn as
        a sub-item, or hanging from one, or reopening a list a block broke) keeps every item
        of its list where it is, so that the fix never leaves siblings indented alike before
        indented apart after (study 30: `` - Julia`` moved, `` - R`` of the same list left)."""
        adopted, adopting = _adopted(items, expected, nesting)
        reported = [
            (item, width)
            for item, width in items
            if id(item) not in labelled
            and width != expected
            and id(item) not in adopted
            and resumed.get(id(item)) is not True
        ]
        staying = adopted | adopting | set(resumed) | nesting.holding
        fixable = fixable and not any(
            width != expected and id(item) in staying for item, width in items
        )
        for item, width in reported:
            fix = Fix.safe(*_shift(doc, item, width, expected, nesting)) if fixable else None
            yield self._report(doc, item, width, expected, fix)

    def _report(
        self, doc: Document, item: ListItem, width: int, expected: int, fix: Fix | None
    ) -> Problem:
        spaces = f"{width} space{'s' * (width != 1)}"
        message = f"list item indented by {spaces}" if width else "list item at the margin"
        if expected:
            message += f" where its list uses {expected}"
        return self.problem(item.start, item.marker_start, message=message, fix=fix)


# ``**Lane Detection**``, ``  **LiDAR**``, ``  *Radar*:``: a line that is all one label, in bold at
# any indentation, in italics where the label is indented itself.
_LABEL_LINE = re.compile(
    r" {0,3}(?:\*\*[^*\n]+\*\*|__[^_\n]+__)[:：]?[ \t]*"
    r"| {1,3}(?:\*[^*\n]+\*|_[^_\n]+_)[:：]?[ \t]*"
)
# ``(Smith -- access control)``, ``[model weights]``, ``【Surveys】``: a line that is all one
# note in brackets, no link in it (``[Paper](url)`` is an entry, not a label).
_NOTE_LINE = re.compile(
    r" {0,3}(?:\([^()\n]+\)|（[^（）\n]+）|\[[^\[\]\n]+\]|【[^【】\n]+】)[:：]?[ \t]*"
)


# A plain line is a label where it names, as a heading does: short, and no link in it (a line
# that refers to a paper, ``  refer to [Paper](url)``, is a sentence of the list's own).
_PLAIN_LABEL = 80
_LINK = re.compile(r"\]\(|<?https?://|\]\[")


def _labelled(doc: Document, lists: list[Widths]) -> frozenset[int]:
    """The items, by ``id``, of each run of a list laid out under a label: after a label line,
    blank lines aside, every item up to the next label indented alike by one to three spaces.
    The author indents the block under its label as a sub-heading's contents, often the label
    with it; GitHub renders it as at the margin, and moving the items alone would leave the
    label indented over a list that is not. A run that mixes indentations is judged as usual,
    but for a run whose first items are indented with their label and the rest back at the
    margin (``  (Smith -- piracy)`` then ``  1. Paper``, then ``3. Paper`` at the margin that
    goes on with the list above the label): the indented items are the label's block, and the
    items at the margin the list's own (study 26). A label the item before swallowed (a lazy
    line: ``  **Lane Detection**`` right under `` - [Paper](url)``) still heads the items after
    it."""
    labelled: set[int] = set()
    for items in lists:
        runs: list[tuple[tuple[int, bool] | None, Widths]] = [(None, [])]
        before: ListItem | None = None
        for item, width in items:
            label = _label_before(doc, item, before)
            if label is not None:
                runs.append((label, []))
            runs[-1][1].append((item, width))
            before = item
        for label, run in runs:
            if label is None:
                continue  # the items no label heads are judged as usual
            labelled.update(id(item) for item, _ in _label_block(label, run))
    return frozenset(labelled)


def _label_block(label: tuple[int, bool], run: Widths) -> Widths:
    """The items of the run that are its label's block: all of them where they are indented
    alike (by the label's own indentation where the label is a plain line), or those indented
    with the label up to the first item back at the margin; none where the run mixes
    indentations otherwise."""
    indent, plain = label
    width = run[0][1]
    if width <= 0:
        return []
    block = list(itertools.takewhile(lambda pair: pair[1] == width, run))
    if len(block) == len(run):
        return [] if plain and indent != width else block
    return block if run[len(block)][1] == 0 and indent == width else []


def _label_before(
    doc: Document, item: ListItem, before: ListItem | None
) -> tuple[int, bool] | None:
    """The label the item comes under, as its indentation and whether it is a plain line (no
    bold, no brackets), or None: the last line before the item that is not blank is a label
    line of its own, a paragraph of one line or (a bold label) a line the item ``before``
    swallowed (not its first). A plain line labels only items indented as far as itself: a line
    of text indented with the list under it makes one block with it, as a bold label does,
    where it is short and links nowhere: a name, not a sentence."""
    line = item.line - 1
    while line >= 1 and not doc.line_text(line).strip():
        line -= 1
    if line < 1:
        return None
    text = doc.line_text(line)
    indent = len(text) - len(text.lstrip(" "))
    bold = _LABEL_LINE.fullmatch(text) is not None
    paragraph = doc.paragraph_ending_on.get(line)
    if paragraph is not None:
        if paragraph.line != line or paragraph.section is not item.section:
            return None
        if bold or _NOTE_LINE.fullmatch(text):
            return indent, False
        plain = 1 <= indent <= 3 and len(text) <= _PLAIN_LABEL and not _LINK.search(text)
        return (indent, True) if plain else None
    if bold and before is not None and before.line < line <= _last_line(doc, before):
        return indent, False
    return None


def _resumed(doc: Document, lists: list[Widths], nesting: _Nesting) -> dict[int, bool]:
    """The indented items that open a list right after a block (a quote, a paragraph, HTML)
    that broke into the list before it, deeper than the item it broke into, by ``id``: True
    where the document nests sub-items at their column under items at that item's column, else
    False.

    ``* [Author](url)``, then ``> a note`` at the margin, then ``  * [Publications](url)``: the
    note ended the list, and the indentation says the item was meant under the author's entry.
    Moved to the margin it would become an entry of its own, and the broken nesting would be
    set in stone: an indentation that nests elsewhere is left alone, another is reported
    without a fix."""
    candidates = [items for items in lists if items[0][1] > 0]
    if not candidates:
        return {}
    covered: dict[int, ListItem] = {}
    for item in doc.items:
        if item.parent is None:
            last = _last_line(doc, item)
            covered.update(dict.fromkeys(range(item.line, last + 1), item))
    headings = {heading.line for heading in doc.headings}
    resumed: dict[int, bool] = {}
    for items in candidates:
        first, width = items[0]
        broken = _broken_into(doc, first.line, covered, headings)
        if broken is None or width <= broken.indent:
            continue  # level with the item the block broke into: a sibling, judged as usual
        nests = width in nesting.levels.get(broken.indent, set())
        for item, other in items:
            if other != width:
                break
            resumed[id(item)] = nests
    return resumed


def _broken_into(
    doc: Document, line: int, covered: dict[int, ListItem], headings: set[int]
) -> ListItem | None:
    """The list item that a block of lines before ``line`` (blank lines between them aside)
    follows with no blank line between: the item whose list the block broke into."""
    line -= 1
    while line >= 1 and not doc.line_text(line).strip():
        line -= 1
    if line < 1 or line in covered or line in headings:
        return None
    while line >= 1 and doc.line_text(line).strip() and line not in covered:
        if line in headings:
            return None
        line -= 1
    return covered.get(line)


def _last_line(doc: Document, item: ListItem) -> int:
    """The item's last line that is not blank."""
    last = doc.line_index(max(item.end - 1, item.start)) + 1
    while last > item.line and not doc.line_text(last).strip():
        last -= 1
    return last


def _chosen_indent(items: Widths) -> bool:
    """Whether at least half the list's items are indented by two or three spaces: the width
    of a nesting level, chosen for the whole list (``  - Item`` under each heading), which
    GitHub renders as it would at the margin, where most of the list's entries are so indented
    (where most are at the margin, such a list is a block indented unlike the rest). One
    leading space is what a paste or a stray keystroke leaves, and is moved to the margin with
    the rest of its list."""
    return sum(width >= 2 for _, width in items) * 2 >= len(items)


def _laid_out(doc: Document, lists: list[Widths]) -> list[Widths]:
    """The lists that are not the author's section layout: ``### Topic`` then ``  * Paper``,
    every top-level item of the section indented alike by two or three spaces (the width of a
    nesting level; one is what a paste leaves), in two sections or more, and no section of the
    list indented otherwise. GitHub renders them as at the margin; one layout repeated
    section by section is no stray indent (study 13). One section so indented among sections
    at the margin is a block pasted unlike the rest; sections at one, two and three spaces
    are pastes, not a layout."""
    widths: dict[int, int] = {}
    indented: set[str] = set()
    uniform: list[tuple[Section, str]] = []
    # Sections of entries: a table of contents indented on its own is no section laid out.
    entries = {id(entry.item) for entry in doc.entries if entry.item is not None}
    for section in doc.sections:
        top = [
            item
            for item in section.items
            if item.parent is None and item.depth == 1 and id(item) in entries
        ]
        indents = {doc.text[item.start : item.marker_start] for item in top}
        if len(indents) != 1:
            continue  # a section mixing indents is judged item by item
        indent = next(iter(indents))
        uniform.append((section, indent))
        if indent:
            indented.add(indent)
        if len(top) >= 2:
            widths[id(section)] = len(indent)
    by_depth = _by_heading_depth(uniform)
    if by_depth:
        laid_out = {
            id(item)
            for section in doc.sections
            if section.heading is not None
            for item in section.items
            if doc.text[item.start : item.marker_start] == by_depth.get(section.heading.level)
        }
        return [items for items in lists if id(items[0][0]) not in laid_out]
    if len(indented) != 1 or indented.pop().strip(" "):
        return lists  # several indents, or tabs: no one layout
    repeated = {width for width, count in Counter(widths.values()).items() if count >= 2}
    laid = {
        id(item)
        for section in doc.sections
        if widths.get(id(section), 0) in repeated - {0, 1}
        for item in section.items
    }
    return [items for items in lists if id(items[0][0]) not in laid]


def _by_heading_depth(uniform: list[tuple[Section, str]]) -> dict[int, str]:
    """Each heading level's indentation in a layout that indents each section's items by its
    heading's depth (at the margin under ``##``, one space under ``###``, two under ``####``),
    or none. Sections that indent their entries alike, under headings at the margin: each
    level's sections at one width (all but one in five), deeper levels wider, two widths or
    more, and each indented one laid out in two sections or more. Such a list is drawn by
    GitHub as at the margin and indented on purpose; moving its items is a restyle (study
    2026-12-07-14: 99 findings, 23 harmful fixes). One space is no paste here: the reference
    list's paste indents its headings with its items. A list opening at its level's width is
    laid out (its stray deeper items are no paste to move to the margin); one off it is judged
    as usual."""
    by_level: defaultdict[int, Counter[str]] = defaultdict(Counter)
    for section, indent in uniform:
        heading = section.heading
        if heading is None or heading.start != heading.marker_start or indent.strip(" "):
            return {}
        by_level[heading.level][indent] += 1
    levels = sorted(by_level)
    chosen = {level: by_level[level].most_common(1)[0] for level in levels}
    depths = [len(chosen[level][0]) for level in levels]
    if len(set(depths)) < 2 or depths != sorted(set(depths)):
        return {}
    for level in levels:
        indent, count = chosen[level]
        if (indent and count < 2) or count * 5 < by_level[level].total() * 4:
            return {}
    return {level: chosen[level][0] for level in levels}


def _adopted(items: Widths, expected: int, nesting: _Nesting) -> tuple[set[int], set[int]]:
    """The items drawn as sub-items of an item that is to move, and the items they hang from.

    `` * Paper`` then ``  * Note`` (sub-items at two spaces, as under every ``* Paper`` at the
    margin): the note is a sibling to CommonMark only because the paper's stray space puts its
    text at column 3. Moved to the margin the note would become an entry, which it is not; moving
    the paper alone would nest the notes anew. Both stay: the notes are not reported, and the
    paper is reported without a fix. Only where the list nests sub-items at that column under
    items at ``expected``: `` * Entry`` then ``  * Entry`` in a list without sub-items is
    two stray indents, both moved."""
    columns = nesting.columns.get((items[0][0].top_list, expected), set())
    adopted: set[int] = set()
    adopting: set[int] = set()
    anchor: tuple[ListItem, int] | None = None
    for item, width in items:
        if anchor is not None and width in columns and _hangs_from(item, width, *anchor, expected):
            adopted.add(id(item))
            adopting.add(id(anchor[0]))
        else:
            if (
                anchor is not None
                and _falls_short(item, width, *anchor)
                and (width in columns or _note_short(item, *anchor, expected, nesting))
            ):
                # ``-  Paper`` then ``  - Note``: the note is drawn where the list nests its
                # notes, short of the paper's text only by the paper's extra space; flattened
                # it would become an entry (dev list of round 7). `` - Note`` under ``- Paper``
                # at the margin, in a document that nests its notes at the paper's text column,
                # is as likely a note one space short as a stray top-level item (study 17): a
                # note, no entry, so reported without a fix.
                adopting.add(id(item))
            anchor = (item, width)
    return adopted, adopting


def _hangs_from(
    item: ListItem, width: int, anchor: ListItem, anchor_width: int, expected: int
) -> bool:
    """Whether ``item``, a sibling drawn deeper than ``anchor``, would be its child once the
    anchor moves to ``expected``."""
    moved_content = expected + anchor.content_start - anchor.marker_start
    return item.list_id == anchor.list_id and anchor_width < width and width >= moved_content


def _note_short(
    item: ListItem, anchor: ListItem, anchor_width: int, expected: int, nesting: _Nesting
) -> bool:
    """Whether ``item``, no entry, falls short of ``anchor``'s text where the document nests
    sub-items at that text column under items of the anchor's column, and the anchor stays."""
    reach = anchor_width + anchor.content_start - anchor.marker_start
    return (
        id(item) not in nesting.entries
        and anchor_width == expected
        and reach in nesting.levels.get(expected, set())
    )


def _falls_short(item: ListItem, width: int, anchor: ListItem, anchor_width: int) -> bool:
    """Whether ``item`` is drawn deeper than ``anchor`` but short of its text."""
    reach = anchor_width + anchor.content_start - anchor.marker_start
    return item.list_id == anchor.list_id and anchor_width < width < reach


class _Nesting:
    """How the document nests its items: the items nested directly in each item (by the
    parent's id), in each top-level list the columns of the sub-items of items at each column,
    the same columns over the whole document (``levels``), the items that are entries, the
    items drawn as sub-items of an item above them that only its stray indentation keeps from
    nesting them (``drawn``), and those items above (``holding``)."""

    def __init__(self, doc: Document) -> None:
        self.children: defaultdict[int, list[ListItem]] = defaultdict(list)
        self.columns: defaultdict[tuple[int, int], set[int]] = defaultdict(set)
        self.levels: defaultdict[int, set[int]] = defaultdict(set)
        self.entries = {id(entry.item) for entry in doc.entries if entry.item is not None}
        self.drawn = drawn_under_stray_item(doc)
        self.holding = {id(parent) for parent in self.drawn.values()}
        for item in doc.items:
            if item.parent is not None:
                self.children[id(item.parent)].append(item)
                self.columns[item.top_list, item.parent.indent].add(item.indent)
                self.levels[item.parent.indent].add(item.indent)


def _judged(doc: Document, lists: list[Widths], nesting: _Nesting) -> list[Widths]:
    """The lists with the items drawn under a stray item left out, and no list that is broken
    emphasis.

    The sub-items at two spaces under `` * Blogs`` are where the list nests its sub-items: the
    stray indentation is their parent's, which is reported. It is reported without a fix: at
    the margin the parent would take them in, and a layout fix changes no nesting (the
    sub-items are drawn as siblings today, and GitHub shows them so)."""
    judged = []
    for items in lists:
        kept = [(item, width) for item, width in items if id(item) not in nesting.drawn]
        if kept and not _broken_emphasis(doc, kept):
            judged.append(kept)
    return judged


def _broken_emphasis(doc: Document, items: Widths) -> bool:
    """Whether the list is one ``*`` item whose text holds an odd number of ``*``: one of them
    closes the emphasis the bullet's own ``*`` would have opened but for the space or tab after
    it. `` * A list of links. Part of the [series](url).*`` is an italic tagline a space broke
    (study 34); ``   *<TAB>Ann Lee, Bo Chen.* [[pdf](url)]`` under a numbered paper is its
    authors in italics a tab broke (study 35): neither is an item to re-indent. Stars in code
    spans, in link targets and escaped ones are no emphasis and are not counted."""
    if len(items) != 1 or items[0][0].marker != "*":
        return False
    item = items[0][0]
    return _emphasis_stars(doc.text, item.content_start, item.content_end) % 2 == 1


def _emphasis_stars(text: str, start: int, end: int) -> int:
    """How many ``*`` in ``text[start:end]`` can mark emphasis: none in a code span or in a
    link's target, and no escaped one."""
    code = code_spans(text, start, end)
    targets = [link.url for link in links(text, start, end, code) if link.start < link.url.start]
    literal = sorted(code + [(url.start, url.end) for url in targets])
    stars, at = 0, start
    for literal_start, literal_end in [*literal, (end, end)]:
        stars += text.count("*", at, literal_start) - text.count("\\*", at, literal_start)
        at = literal_end
    return stars


def _staying_lines(doc: Document, item: ListItem, shift: int, nesting: _Nesting) -> set[int]:
    """The lines of the sub-lists nested in ``item`` that mean the same unmoved once the item
    moves by ``shift`` columns: each sub-item's marker still sits zero to three columns right of
    the moved item's text (`` * Topic`` with sub-items at four spaces: at the margin its text is
    at column 2, and the sub-items at four are nested still). Moving them as well would re-draw
    the nesting unlike the rest of the list (four spaces become three). Where a sub-item would
    fall out of the item or turn into text, every line moves with the item."""
    nested = nesting.children.get(id(item), [])
    text_column = item.content_start - item.start + shift
    if not nested or doc.line_index(item.content_start) + 1 != item.line:
        return set()
    if not all(text_column <= child.indent <= text_column + 3 for child in nested):
        return set()
    return {
        line
        for child in nested
        for line in range(child.line, doc.line_index(max(child.end - 1, child.start)) + 2)
    }


def _shift(
    doc: Document, item: ListItem, width: int, expected: int, nesting: _Nesting
) -> Iterator[Edit]:
    """Move the item and, where they must move to keep the structure, the lines nested in it."""
    text = doc.text
    staying = _staying_lines(doc, item, expected - width, nesting)
    for line in range(item.line, doc.line_index(max(item.end - 1, item.start)) + 2):
        if line in staying:
            continue
        start = doc.line_start(line)
        if width > expected and text.startswith(" " * (width - expected), start):
            yield Edit.delete(start, start + width - expected)
        elif width < expected and doc.line_text(line).strip():
            yield Edit.insert(start, " " * (expected - width))


def _movable(doc: Document, lists: list[Widths], kept: set[int], starts: set[int]) -> list[Widths]:
    """The lists that can move to the margin whole: not one that keeps its indentation (``kept``
    holds their ids), and none that would take in what follows it. An item that stays where it
    is (its list keeps its indentation, or cannot move) is what follows the list before it:
    moved, that list would take it in as a sub-item; so the lists are judged from the last."""
    staying = {item.line for items in lists if id(items) in kept for item, _ in items}
    movable: list[Widths] = []
    for items in reversed(lists):
        if id(items) in kept:
            continue
        if any(_indented_after(doc, item, 0, starts - staying) for item, _ in items):
            staying.update(item.line for item, _ in items)
        else:
            movable.append(items)
    return movable


def _indented_after(doc: Document, item: ListItem, expected: int, starts: set[int]) -> bool:
    """Whether the first line after the item that is no item of its own is indented as far as
    the item's text will be once moved to ``expected``: ``   - Item`` then ``   **Note**`` is a
    paragraph of its own, but after the item moves to the margin, the note becomes the item's
    second paragraph."""
    line = doc.line_index(max(item.end - 1, item.start)) + 2
    while line <= doc.line_count:
        text = doc.line_text(line)
        if text.strip():
            column = expected + item.content_start - item.marker_start  # the moved item's
            return line not in starts and len(text) - len(text.lstrip(" ")) >= column
        line += 1
    return False


def _at_margin(
    widths: Counter[int], lists: list[Widths], quiet: set[int], nesting: _Nesting
) -> bool:
    """Whether most entries outside HTML are at the margin, or will be once the fix has moved
    the lists that keep no indentation of their own (one space, what a paste leaves, or a mix).
    The verdict must hold on the fixed text too: counting those entries as indented, a list
    of 16 entries pasted one space in among 11 at the margin made the seven at two spaces a
    chosen style, which the fix then made a block unlike the rest, and the fixer, refusing
    the moves that made it so, stopped part way through a list (study 30)."""
    if widths[0] * 2 > widths.total():
        return True
    moving = sum(
        1
        for items in lists
        if id(items) not in quiet and not _chosen_indent(items)
        for item, width in items
        if width and id(item) in nesting.entries
    )
    return (widths[0] + moving) * 2 > widths.total()


def _own_indent(items: Widths) -> bool:
    """Whether every top-level item of the list is indented alike by two or three spaces (the
    width of a nesting level): that indentation is the list's own style, which GitHub renders as
    at the margin. One leading space is what a paste leaves, and is moved."""
    widths = {width for _, width in items}
    return len(widths) == 1 and widths.pop() in (2, 3)


def _mixed(widths: Counter[int]) -> bool:
    """Whether the list's entries mix the margin with indentation (a pasted block, edits that
    keep or drop it at random, a stray space). Entries indented alike, all or all but a few in
    ten, are the list's own habit, which GitHub renders the same: nothing to report. So are
    entries three in four of which are one space in: one space is no paste there but the way
    the author writes an item, and moving the few at the margin to it would be a restyle."""
    if not widths[0]:
        return False
    if widths[1] >= _ONE_SPACE_HABIT * widths.total():
        # Three entries in four one space in: one space is the author's habit throughout
        # (`` + [Tool]`` item by item), not a paste; the few at the margin render the same
        # (study 32). Fewer, one space is a paste over part of the list (study 2026-12-06-11:
        # 74 of 126 entries, judged pasted).
        return False
    width, count = widths.most_common(1)[0]
    return width == 0 or count < _HABIT * sum(widths.values())


_HABIT = 0.9
_ONE_SPACE_HABIT = 0.75


Widths = list[tuple[ListItem, int]]


def _top_level_lists(doc: Document) -> tuple[list[Widths], list[Widths], Counter[int]]:
    """The top-level lists of entries outside HTML, where entries mix the margin with
    indentation; the lists inside HTML blocks, each item with its indentation; and how many
    entries outside HTML are indented by each width."""
    regions = html_regions(doc)
    if not len(regions) and all(item.start == item.marker_start for item in doc.items):
        return [], [], Counter()  # nothing indented and no HTML block: no list to judge
    entry_items = {id(entry.item) for entry in doc.entries if entry.item is not None}
    outside: defaultdict[int, Widths] = defaultdict(list)
    inside: defaultdict[int, Widths] = defaultdict(list)
    entry_widths: Counter[int] = Counter()
    entry_lists: set[int] = set()  # lists that hold entries
    for item in doc.items:
        indent = doc.text[item.start : item.marker_start]
        if item.parent is not None or item.depth != 1 or indent.strip(" "):
            continue  # nested, in a block quote, or tabs: not ours to move
        if regions.innermost(item.start) is not None:
            inside[item.top_list].append((item, len(indent)))
            continue
        outside[item.top_list].append((item, len(indent)))
        if id(item) in entry_items:
            entry_widths[len(indent)] += 1
            entry_lists.add(item.top_list)
    if not _mixed(entry_widths):
        return [], list(inside.values()), entry_widths
    # A list of notes or contents indented alike on its own is the author's box: a list that
    # holds entries, or that mixes the margin with indentation itself, is judged where some of
    # its items are indented. The introduction keeps its own style: a list under the title
    # indented alike throughout is not judged; nor is one so indented right under a paragraph
    # (an entry's sub-links, nested as far as Markdown lets a paragraph nest).
    introduction_end = catalogue_start(doc)
    judged = [
        items
        for key, items in outside.items()
        if any(width for _, width in items)
        and (key in entry_lists or any(not width for _, width in items))
        and not (
            _own_indent(items)
            and (items[0][0].start < introduction_end or under_paragraph(doc, items[0][0]))
        )
    ]
    return judged, list(inside.values()), entry_widths
