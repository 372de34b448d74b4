from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from awesome_tidy.model import (
    Document,
    Heading,
    Section,
    banner_heading,
    heading_dates,
    link_at,
    meta_section,
    placeholder_text,
    without_comments,
)
from awesome_tidy.rule import Problem, Rule

_NUMBER_SEEN, _PLAIN_AFTER_NUMBER = 1, 2
_DEEPEST = 6
_UNAMBIGUOUS = 2
_DIGIT_RUN = re.compile(r"\d+")
"""Markdown's deepest heading level (``######``)."""
_SHOWN = 60
"""How much of a heading the message quotes: messages stay bounded."""
# A thematic break on a line of its own: ``---``, ``* * *``, ``___``, or HTML's ``<hr>``.
_RULE_LINE = re.compile(r" {0,3}(?:([-*_])(?:[ \t]*\1){2,}|<hr[ \t]*/?>)[ \t]*", re.IGNORECASE)
_CONTENTS = re.compile(r"contents|\btoc\b|目录|目錄|目次", re.IGNORECASE)
# A span of years set as a heading: ``1995-2000``, ``2023–25``, ``2010 to 2015``.
_YEARS = re.compile(r"(?:19|20)\d\d[ \t]*(?:[-–—~]|to)[ \t]*(?:(?:19|20)\d\d|\d\d)")


class EmptySection(Rule):
    name = "empty-section"
    severity = "warning"
    summary = "A heading with nothing under it before the next heading of its level or above."
    judges_sections = True

    def check(self, doc: Document) -> Iterator[Problem]:
        # A heading in a list item or a block quote is content of the section around it.
        headings = [h for h in doc.headings if not h.in_list_item and not _in_quote(doc, h)]
        if _not_a_tree(doc, headings):
            return  # which heading holds which is not known: none is called empty
        parts = _part_levels(headings)
        held = _holders(doc, headings)
        empty = [i for i in range(len(headings)) if _bare(doc, headings, i, parts, held)]
        index_lines = _index_lines(doc, [headings[index] for index in empty])
        parents = _parents(doc, headings)
        listed = {id(doc.headings[index]) for index in _listed(doc)} if empty else set()
        titles = Counter(_title(heading.text) for heading in headings) if empty else Counter()
        labels = _flat_labels(headings, empty) | _outline(headings, empty)
        for index in empty:
            heading = headings[index]
            following = headings[index + 1] if index + 1 < len(headings) else None
            if id(heading) in index_lines or _part_over_shallower(headings, index):
                continue
            if _parent_awaits_content(doc, headings, parents, index) or _deepest_group(
                heading, following
            ):
                continue
            if _period_bucket(headings, index) or index in labels:
                continue
            if banner_heading(heading.text.strip()) or _page_title(doc, index, heading, following):
                continue
            if _tagline_over_title(index, heading, following) or _banner_after_rule(
                doc, headings, index
            ):
                continue
            if (
                _title_over_items(headings, index)
                or _subtitle(doc, headings, index)
                or _title_over_dated(headings, index, titles)
            ):
                continue
            if _anchor_over_part(heading, following, listed):
                continue
            yield self.problem(
                heading.marker_start,
                doc.line_end(heading.line),
                message=f"section {_shown(heading.text.strip())!r} is empty",
            )


def _outline(headings: list[Heading], empty: list[int]) -> set[int]:
    """The positions of the empty headings that are an outline written as headings: a run of
    two or more with nothing between them, most of which a later heading with content repeats
    in its words (``### Part 1: Island Biogeography`` over ``### Part 2: ...``, the sections
    themselves coming later as ``## 1. Island Biogeography and Conservation``), each line by a
    heading of its own: a later heading that repeats several lines of the run (``## Hi-C +
    STARR-seq + CAGE-seq`` after ``## Hi-C``, ``## STARR-seq``, ``## CAGE-seq``) or words they
    all share (``## Adversarial Training`` after ``## Efficient Adversarial Training`` and
    ``## Ensemble Adversarial Training``) names none of them. Each names a section found
    further down, as a table of contents does; empty headings no later heading repeats are
    judged as usual."""
    bare = set(empty)
    runs: list[list[int]] = []
    for index in empty:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    found: set[int] = set()
    for run in runs:
        if len(run) < _OUTLINE_RUN:
            continue
        later = {
            i: _words(heading.text)
            for i, heading in enumerate(headings)
            if i > run[-1] and i not in bare
        }
        matches = [
            {i for i, words in later.items() if _repeats(_words(headings[line].text), words)}
            for line in run
        ]
        counts = Counter(i for found_by in matches for i in found_by)
        repeated = sum(any(counts[i] == 1 for i in found_by) for found_by in matches)
        if repeated >= _OUTLINE_RUN and repeated * 2 > len(run):
            found.update(run)
    return found


_OUTLINE_RUN = 2
_WORD = re.compile(r"[^\W\d_]{3,}")


def _words(text: str) -> set[str]:
    """The words of three letters or more in a heading, in lower case."""
    return {word.casefold() for word in _WORD.findall(text)}


def _repeats(words: set[str], later: set[str]) -> bool:
    """Whether a later heading names what an outline line names: at least two of its words,
    and more than half of them."""
    shared = len(words & later)
    return shared >= _OUTLINE_RUN and shared * 2 > len(words)


_HABIT = 5
"""How many group labels over same-level topics make a list's habit, not a few slips."""


def _flat_labels(headings: list[Heading], empty: list[int]) -> set[int]:
    """The empty headings that are group labels in a list that sets its topics at their
    label's level (``## Trees``, then ``## XGBoost`` and ``## Deep forests`` with their
    entries; later ``## Optimisers`` over ``## Adam``): at a level where five empty headings
    at least stand right above a heading of their level with content, those are more than the
    headings it nests deeper headings under, and three quarters at least of its empty
    headings. Its author groups topics that way, not by nesting; which topics a label holds is
    not known, so it is not called empty. A few such headings, or a level whose groups mostly
    nest, stay judged: a heading-level slip, or a topic left unfilled."""
    bare = set(empty)
    nests: Counter[int] = Counter()
    for heading, following in pairwise(headings):
        nests[heading.level] += following.level > heading.level
    empties: Counter[int] = Counter(headings[index].level for index in empty)
    over: dict[int, list[int]] = {}
    for index in empty:
        level = headings[index].level
        after = index + 1
        if after < len(headings) and headings[after].level == level and after not in bare:
            over.setdefault(level, []).append(index)
    found: set[int] = set()
    for level, labels in over.items():
        many = len(labels) >= _HABIT and 4 * len(labels) >= 3 * empties[level]
        if many and len(labels) > nests[level]:
            found.update(labels)
    return found


def _period_bucket(headings: list[Heading], index: int) -> bool:
    """Whether the heading is a span of years (``1995-2000``) beside another of its level
    (``2000-2005``): a timeline's buckets, made ahead for the entries of each span, not a
    topic left unfilled. A heading that is a single year stays judged."""
    heading = headings[index]
    if not _YEARS.fullmatch(heading.text.strip()):
        return False
    return any(
        0 <= position < len(headings)
        and headings[position].level == heading.level
        and bool(_YEARS.fullmatch(headings[position].text.strip()))
        for position in (index - 1, index + 1)
    )


def _not_a_tree(doc: Document, headings: list[Heading]) -> bool:
    """Whether the headings' levels do not make the outline: a numbered run of a level starts
    again at ``1`` with no shallower heading between (``## 1、Paper``, ``## 2、Paper``, then
    ``### Poster``, ``## 1、Paper``), or a label with nothing under it is followed by a
    shallower ``1`` (``### Oral`` over ``## 1、Paper``). Its author grouped papers set as
    headings under labels set deeper than them, and numbered each group anew; which heading
    holds which is not the levels' reading, so no section is known to be empty."""
    last: dict[int, int] = {}  # level -> the last number of a run at that level (``0`` opens)
    for index, heading in enumerate(headings):
        for level in [level for level in last if level > heading.level]:
            del last[level]  # a shallower heading closes the runs under it
        number = _whole_number(heading)
        if number == 1 and (last.get(heading.level, 0) >= 1 or _label_over(doc, headings, index)):
            return True
        if number is not None:
            last[heading.level] = number
    return False


def _label_over(doc: Document, headings: list[Heading], index: int) -> bool:
    """Whether the heading before ``index`` is an unnumbered label set deeper than it, with
    nothing under it (``### Oral`` right over ``## 1、Paper``)."""
    if index == 0:
        return False
    label, heading = headings[index - 1], headings[index]
    between = doc.text[doc.line_start(label.last_line + 1) : heading.start]
    return (
        label.level > heading.level
        and not _numbered(label)
        and not without_comments(between).strip()
    )


def _whole_number(heading: Heading) -> int | None:
    """The heading's number when it is a whole one (``3、``, ``3.``), not a part's (``3.1``)."""
    number = _number(heading)
    return int(number) if number is not None and "." not in number else None


def _bare(
    doc: Document, headings: list[Heading], index: int, parts: set[int], held: set[int]
) -> bool:
    """Whether nothing stands under the heading before the next one that is not its part."""
    heading = headings[index]
    following = headings[index + 1] if index + 1 < len(headings) else None
    if following is not None and (
        following.level > heading.level  # its subsections are its content
        or _opens_part(heading, following, parts)
        or _line_over_rule(heading, following)
        or _underlined_over_peers(heading, following)
        or _title_over_peers(headings, index)
        or _child_at_its_level(heading, following)
        or index in held
    ):
        return False
    start = doc.line_start(heading.last_line + 1)
    end = following.start if following is not None else len(doc.text)
    return not without_comments(doc.text[start:end]).strip()


def _holders(doc: Document, headings: list[Heading]) -> set[int]:
    """The positions of the headings that hold the next heading though it is set at their
    level: over a repeated set of sub-labels, or nested under them by a table of contents."""
    return _over_repeated_labels(headings) | _nested_by_a_table(doc, headings)


def _over_repeated_labels(headings: list[Heading]) -> set[int]:
    """The headings that group the headings of their level after them: each is named as its
    like siblings are, with another number (``### 2024``, ``### 2023``: years, dates, numbered
    buckets), and the heading right after it (``### Conference``) stands again after each of
    them that heads a group, before the next (``### 2023``, ``### Conference``,
    ``### Journal``); three groups at least. Its author set a repeated set of sub-labels at the
    group's own level; the group holds them."""
    held: set[int] = set()
    for siblings in _sibling_runs(headings):
        titles = [_title(headings[position].text) for position in siblings]
        seen: dict[str, list[int]] = {}
        shapes: dict[str, list[int]] = {}
        for at, title in enumerate(titles):
            seen.setdefault(title, []).append(at)
            shape = _shape(title)
            if shape is not None:
                shapes.setdefault(shape, []).append(at)
        for like in shapes.values():
            if len({titles[at] for at in like}) < len(like):
                continue  # like siblings named alike: no numbered run
            # A like sibling right before the next one (``### 2025``, ``### 2024``) heads nothing.
            groups = [
                (at, end)
                for at, end in zip(like, [*like[1:], len(titles)], strict=True)
                if at + 1 < end
            ]
            if len(groups) <= _UNAMBIGUOUS:
                continue
            for at, _ in groups:
                places = seen[titles[at + 1]]
                # A label in every group stands at least once per group: the count comes first.
                if len(places) >= len(groups) and all(
                    bisect_left(places, start + 1) < len(places)
                    and places[bisect_left(places, start + 1)] < end
                    for start, end in groups
                ):
                    held.add(siblings[at])
    return held


def _sibling_runs(headings: list[Heading]) -> list[list[int]]:
    """The positions of the headings, by level and parent: each list holds siblings in order."""
    runs: dict[tuple[int, int], list[int]] = {}
    open_: list[int] = []  # the positions of the headings around the current one
    for position, heading in enumerate(headings):
        while open_ and headings[open_[-1]].level >= heading.level:
            open_.pop()
        parent = open_[-1] if open_ else -1
        runs.setdefault((parent, heading.level), []).append(position)
        open_.append(position)
    return list(runs.values())


def _shape(title: str) -> str | None:
    """A title with each number as ``0`` (``0000`` for ``2024``), None without one."""
    return _DIGIT_RUN.sub("0", title) if _DIGIT_RUN.search(title) else None


def _title(text: str) -> str:
    return " ".join(text.casefold().split())


def _nested_by_a_table(doc: Document, headings: list[Heading]) -> set[int]:
    """The headings a table of contents lists with the next heading nested right under them
    (``- [Unlearning](#unlearning)``, then ``  - [In FL](#in-fl)``), whatever their levels: the
    author's table says the heading holds it, a group's banner (``## **Detection**`` over
    ``## Papers`` and ``## Datasets``) though it is set at their level. Every list is read
    whose lines open with in-page links, a table the table reader leaves aside included (two
    links on a line: ``- [2021](#y2021) - [2020](#y2020)``)."""
    position = {id(heading): at for at, heading in enumerate(headings)}
    held: set[int] = set()
    opening = _opening_targets(doc)
    for item, after in zip(doc.items, doc.items[1:], strict=False):
        line, nested = opening.get(id(item)), opening.get(id(after))
        if line is None or nested != line + 1 or after.parent is not item:
            continue
        at = position.get(id(doc.headings[line]))
        if at is not None:
            held.add(at)
    return held


def _opening_targets(doc: Document) -> dict[int, int]:
    """The heading (its index) reached by the in-page link each list item opens with, by the
    item's ``id``."""
    text = doc.text
    found: dict[int, int] = {}
    for item in doc.items:
        start, end = item.content_start, item.content_end
        while start < end and text[start] in "*_":  # ``__[Soil](#soil)__``
            start += 1
        if not text.startswith("[", start):
            continue
        link = link_at(text, start, end)
        if link is None or not link.url.text.startswith("#"):
            continue
        target = doc.anchors.resolve(link.url.text)[1]
        if target is not None:
            found[id(item)] = target
    return found


def _anchor_over_part(heading: Heading, following: Heading | None, listed: set[int]) -> bool:
    """Whether the empty heading is a table of contents' target (``listed``, by ``id``) right
    above a shallower heading no table reaches (``## Deep biology`` over ``# deeplearning-
    biology``, a list pasted in with its own title and sections): no section holds a
    shallower heading; the table's line lands on the part that follows, and the heading is
    its anchor, not a section left unfilled. Before a shallower heading the table lists (the
    next part of the document: ``### Others`` over ``## Datasets``), or one of its level, an
    empty target is still judged."""
    return (
        id(heading) in listed
        and following is not None
        and following.level < heading.level
        and id(following) not in listed
    )


def _listed(doc: Document) -> set[int]:
    """The headings (their indexes) a table of contents links to."""
    return {t.target for table in doc.anchors.tables for t in table.links if t.target is not None}


def _child_at_its_level(heading: Heading, following: Heading) -> bool:
    """Whether ``following`` is numbered as this heading's subsection (``5.`` then ``5.1``,
    ``3.1`` then ``3.1.1``; ``A.`` then ``A.1``; ``II.`` then ``II.1``) at any level, its own
    included: the heading is a group over its numbered parts, not an empty section.
    heading-numbering reports a misplaced level. The model reads the numbers past decoration
    (``## 📊 5.1. Datasets`` is numbered ``5.1``). A sibling number (``5.`` then ``6.``) holds
    nothing of it."""
    number, child = heading.scheme_number, following.scheme_number
    return number is not None and child is not None and child.startswith(number + ".")


def _numbered(heading: Heading) -> bool:
    """Whether the heading starts with a number of any scheme (``2.``, ``二、``, ``Part 2``),
    decoration before it aside (``## 📊 6. Results``, ``## B. Tables``)."""
    return heading.numbered or heading.scheme_number is not None


def _parents(doc: Document, headings: list[Heading]) -> list[int | None]:
    """The position in ``headings`` of each heading's parent, read from the model's sections."""
    position = {id(heading): index for index, heading in enumerate(headings)}
    parent_of = {
        id(section.heading): position.get(id(section.parent.heading))
        for section in doc.sections
        if section.heading is not None
        and section.parent is not None
        and section.parent.heading is not None
    }
    return [parent_of.get(id(heading)) for heading in headings]


def _parent_awaits_content(
    doc: Document, headings: list[Heading], parents: list[int | None], index: int
) -> bool:
    """Whether the heading's parent says in its own text (the lines between it and its first
    sub-heading) that its content is still to come (``# Results`` over ``TBD``, ``待补``):
    its empty subsections are a declared placeholder."""
    position = parents[index]
    if position is None:
        return False
    parent = headings[position]
    start = doc.line_start(parent.last_line + 1)
    own = doc.text[start : headings[position + 1].start]
    return placeholder_text(without_comments(own))


def _index_lines(doc: Document, empty: list[Heading]) -> set[int]:
    """The empty headings (by ``id``) that are the lines of a table of contents written as
    headings: under a contents heading (``### 目录``, ``## Contents``), where most of its
    sub-headings have nothing under them. Each names a section found further down; a
    contents section whose parts hold their entries keeps them judged."""
    bare = {id(heading) for heading in empty}
    children: dict[int, list[Heading]] = {}
    for section in doc.sections:
        parent = section.parent
        if section.heading is not None and parent is not None and _contents(parent):
            children.setdefault(id(parent), []).append(section.heading)
    found: set[int] = set()
    for group in children.values():
        lines = [id(heading) for heading in group if id(heading) in bare]
        if len(lines) > 1 and 2 * len(lines) > len(group):
            found.update(lines)
    return found


def _contents(section: Section) -> bool:
    heading = section.heading
    return heading is not None and meta_section(section) and bool(_CONTENTS.search(heading.text))


def _part_over_shallower(headings: list[Heading], index: int) -> bool:
    """Whether the heading is a numbered part (``### 【3】Downloads``) followed by shallower
    unnumbered headings (``## CVPR 2020``, ``## CVPR 2019``) up to a later heading with the
    next number (``# 【4】Best papers``): its author set the levels upside down, and the
    headings between are the part's content, not sections after an empty one."""
    number = _number(headings[index])
    if (
        number is None
        or index + 1 >= len(headings)
        or headings[index + 1].level >= headings[index].level
    ):
        return False
    *outer, last = number.split(".")
    following = ".".join([*outer, str(int(last) + 1)])
    for position in range(index + 1, len(headings)):  # no slice: a copy per heading
        found = _number(headings[position])
        if found == following:
            return True
        if found is not None:
            return False  # another number comes first: no part of that sequence
    return False


def _number(heading: Heading) -> str | None:
    """The heading's number when it is in digits (``3``, ``3.2``), not led by a letter."""
    number = heading.scheme_number
    return number if number is not None and number[:1].isdecimal() else None


def _part_levels(headings: list[Heading]) -> set[int]:
    """The levels at which unnumbered headings stand between numbered ones (``# 二、项目内容``,
    ``# 课程类``, ``# 书籍类``, ``# 三、技术交流``): the numbered ones are parts, the others their
    sections, set at the part's level rather than under it. Unnumbered headings only after the
    last number (``## Contributing``) are no sign of it."""
    state: dict[int, int] = {}  # level -> 1: a number seen, 2: then a heading without one
    parts = set()
    for heading in headings:
        level = heading.level
        if _numbered(heading):
            if state.get(level) == _PLAIN_AFTER_NUMBER:
                parts.add(level)
            state[level] = _NUMBER_SEEN
        elif state.get(level) == _NUMBER_SEEN:
            state[level] = _PLAIN_AFTER_NUMBER
    return parts


def _opens_part(heading: Heading, following: Heading, parts: set[int]) -> bool:
    """Whether ``heading`` is a part whose sections follow it at its own level."""
    return (
        heading.level in parts
        and _numbered(heading)
        and following.level == heading.level
        and not _numbered(following)
    )


def _title_over_peers(headings: list[Heading], index: int) -> bool:
    """Whether the heading opens a part whose sections follow it at its own level, where the
    levels are not kept: it is the first heading of its level under its parent, after sections
    set deeper than it (``# List``, ``### Ranking``, ``### Serving``, then ``## In industry``
    over ``## Netflix``, ``## Hulu``). Its author wrote the part's title at its sections' level;
    which of them it holds is not known, so it is not called empty."""
    heading = headings[index]
    if index + 1 >= len(headings) or headings[index + 1].level != heading.level:
        return False
    deeper_before = False
    for position in range(index - 1, -1, -1):  # no slice: a copy per heading is quadratic
        earlier = headings[position]
        if earlier.level < heading.level:
            break  # its parent
        if earlier.level == heading.level:
            return False  # not the first of its level
        deeper_before = True
    return deeper_before


def _line_over_rule(heading: Heading, following: Heading) -> bool:
    """Whether ``following`` is a line of content with a rule under it (``![timeline](t.png)``
    over ``----``) right under a ``#`` heading: GitHub takes it for a heading, but its author
    wrote the section's content and a rule after it."""
    return following.setext and not heading.setext


def _underlined_over_peers(heading: Heading, following: Heading) -> bool:
    """Whether ``heading`` is underlined (``Opensource`` over ``---``) right above a ``##``
    heading of its level: GitHub draws both alike, but its author wrote it in the other style
    to set it above the sections that follow, a banner over them (study 17), not an empty one."""
    return heading.setext and not following.setext and following.level == heading.level


def _page_title(doc: Document, index: int, heading: Heading, following: Heading | None) -> bool:
    """Whether the heading is the page's title: the document's first heading, with no entry
    above it (a language switch or badges may stand there), right above another heading of its
    level, written at the title's level ``#`` (``# Soil papers`` over ``# Preface``) or naming
    the list at any level: a repository's name (one word, ``Awesome-X``) over the document's
    real title, an ``Awesome ...`` title over the list's top-level sections (``# News``). It
    names the page and holds no entries of its own. A first ``## Datasets`` right above
    ``## Models``, and an empty heading further down, are sections and are judged."""
    if index != 0 or following is None or following.level != heading.level:
        return False
    if any(entry.line < heading.line for entry in doc.entries):
        return False
    last = max(heading.last_line, heading.line)
    if any(doc.line_text(line).strip() for line in range(last + 1, following.line)):
        return False  # a comment between (entries commented out): a section, judged
    text = heading.text.strip()
    return (
        heading.level == 1
        or text.casefold().startswith("awesome")
        or (len(text.split()) == 1 and any(mark in text for mark in "-_"))
    )


def _tagline_over_title(index: int, heading: Heading, following: Heading | None) -> bool:
    """Whether the document's first heading stands right above a shallower one (``### The
    best soil toolbox`` over ``## Soil papers``): no section can hold a shallower heading, so
    it is a tagline set over the page's title, not a section to fill."""
    return index == 0 and following is not None and following.level < heading.level


def _banner_after_rule(doc: Document, headings: list[Heading], index: int) -> bool:
    """Whether the heading comes right after a thematic break (``-----``, ``<hr>``) and is
    followed by two headings of its level at least before the next break, a shallower heading
    or the end: the break sets a group apart and the heading names it (``### Specialization``
    over ``### Overview``, ``### Data flow``), written at its sections' level. A heading after
    a break with one heading of its level before the next break is still judged."""
    heading = headings[index]
    if index + 1 >= len(headings) or headings[index + 1].level != heading.level:
        return False
    if not _after_rule(doc, headings, index):
        return False
    group = 0
    for position in range(index + 1, len(headings)):  # no slice: a copy per heading
        later = headings[position]
        if later.level < heading.level or (
            later.level == heading.level and _after_rule(doc, headings, position)
        ):
            break
        group += later.level == heading.level
    return group >= _UNAMBIGUOUS


def _title_over_items(headings: list[Heading], index: int) -> bool:
    """Whether the heading is followed by three headings of its level at least, before a
    shallower one or one of its level that is a section, each its own content (a link, a
    date, a sentence: ``## 2022 MICCAI: Brain Tumor Segmentation [(BraTS)](url)``): items
    shown large, no sections, and the heading over them (``## Ongoing Challenges``) names
    them. Before a section's name (``## Models``) it is still judged."""
    heading = headings[index]
    if index + 1 >= len(headings) or headings[index + 1].level != heading.level:
        return False
    items = 0
    for position in range(index + 1, len(headings)):  # no slice: a copy per heading
        later = headings[position]
        if later.level < heading.level:
            break
        if later.level == heading.level:
            if not banner_heading(later.text.strip()):
                break
            items += 1
    return items > _UNAMBIGUOUS


def _title_over_dated(headings: list[Heading], index: int, titles: Counter[str]) -> bool:
    """Whether the heading, not itself a date, stands right above two headings of its level
    or more that each are one (``### 2025``, ``### 2024``; ``### CVPR 2024``), of which one
    at least stands elsewhere too (``titles`` counts the document's headings): a topic set as a
    banner over its year buckets (``### 🧠 Multimodal Reasoning`` over them, each topic over
    its own ``### 2025``, study 2026-12-07-13), written at their level; its content is under
    them. Years that stand once in the document are a chronology of the section around them,
    not a topic's buckets: the heading over them (``### Datasets`` over the papers of ``###
    2018``, ``### 2017``) is judged, and so is one over a single date or a section's name."""
    heading = headings[index]
    if heading_dates(heading.text):
        return False
    dated: list[str] = []
    for position in range(index + 1, len(headings)):  # no slice: a copy per heading
        later = headings[position]
        if later.level < heading.level:
            break
        if later.level == heading.level:
            if not heading_dates(later.text):
                break
            dated.append(_title(later.text))
    return len(dated) >= _UNAMBIGUOUS and any(titles[title] > dated.count(title) for title in dated)


# A subtitle says what the page is in a phrase; a section's name is a word or three.
_SUBTITLE_WORDS = 4
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]")
_TAG = re.compile(r"<[^<>\n]*>")  # no "<" inside: a run of "<" must not rescan the line


def _subtitle(doc: Document, headings: list[Heading], index: int) -> bool:
    """Whether the empty heading is the page's subtitle: the second heading, set deeper right
    under the first (the title) with nothing written between, above every entry, and a phrase
    rather than a section's name (four words at least, two CJK characters counting as one:
    ``## 计算机视觉综述论文分方向整理（持续更新）<br>`` under ``# survey-computer-vision``,
    ``## A curated list of papers on soil science`` under ``# Awesome Soil``). It says what the
    page is, as a tagline under a title does. ``## Papers`` right under the title is a section,
    judged; so is an empty heading further down."""
    if index != 1:
        return False
    title, heading = headings[0], headings[1]
    if title.level >= heading.level or any(entry.line < heading.line for entry in doc.entries):
        return False
    between = range(max(title.last_line, title.line) + 1, heading.line)
    if any(_TAG.sub("", doc.line_text(line)).strip() for line in between):
        return False
    text = _TAG.sub("", heading.text)
    words = len(text.split()) + len(_CJK_CHAR.findall(text)) // 2
    return words >= _SUBTITLE_WORDS


def _after_rule(doc: Document, headings: list[Heading], index: int) -> bool:
    """Whether the last thing before the heading, after the heading before it, is a thematic
    break (comments and blank lines aside)."""
    start = doc.line_start(headings[index - 1].last_line + 1) if index else 0
    before = without_comments(doc.text[start : headings[index].start]).rstrip()
    return bool(_RULE_LINE.fullmatch(before[before.rfind("\n") + 1 :]))


def _deepest_group(heading: Heading, following: Heading | None) -> bool:
    """Whether the heading is an ``######`` followed by another: Markdown has no deeper level,
    so a group of ``######`` sections (``Parameters Selection`` over ``Endogenous`` and
    ``Exogenous``) can only be written at the group's own level. Which headings it holds is not
    known, so it is not called empty."""
    return heading.level == _DEEPEST and following is not None and following.level == _DEEPEST


def _in_quote(doc: Document, heading: Heading) -> bool:
    """Whether the heading's line starts with a block quote's ``>`` (before its ``#`` run)."""
    return ">" in doc.text[heading.start : heading.marker_start]


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."
