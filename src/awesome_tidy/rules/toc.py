from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from functools import cached_property, partial
from urllib.parse import unquote

from awesome_tidy.model import (
    Document,
    Heading,
    Link,
    Section,
    TableOfContents,
    TocLink,
    links,
    meta_section,
    not_listed,
    prose_heading,
    rendered_text,
    without_comments,
)
from awesome_tidy.rule import REWRITE_TOC, Edit, Fix, Option, Problem, Rule

_SHOWN = 3
_UNAMBIGUOUS = 2
_STEM = 4
_ORDER_SLACK = 4
_WORDS = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"\d+")
_LINE_PREFIX = re.compile(r"[ \t>]*\Z")
# A blank line, or a heading line (a subsection's title is not a paragraph of its own).
# Sections about the list or its author, not a topic: a contents of topics leaves them out.
_ABOUT = frozenset(
    (
        *("news", "introduction", "intro", "about", "overview", "updates", "update"),
        *("drafts", "draft", "archives", "archive", "connect", "contact", "contacts"),
    )
)
# ``## Sandbox <!-- omit in toc -->`` (the mark of Markdown All in One and its kin, on the
# heading or the line above it): its author left the heading out of the table on purpose.
_OMITTED = re.compile(r"<!--[ \t]*omit[ \t]+(?:in|from)[ \t]+toc[ \t]*-->", re.IGNORECASE)
# A section number at the start of a line or a heading: ``7.``, ``7.2 ``, ``(3)``, ``3、``.
_SECTION_NUMBER = re.compile(r"[ \t]*[(（]?\d{1,3}(?:\.\d{1,3})*(?:[.)）、．:：]|[ \t])")
_LINE_HEAD = re.compile(r"[ \t]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?\Z")
# A link's target with a scheme (``https:``, ``mailto:``) or a host (``//``), or a path to a
# file (``docs/tools.md``): a page elsewhere, linked on purpose.
_ELSEWHERE = re.compile(r"[a-z][a-z0-9+.-]*:|[^#]*[./]", re.IGNORECASE)
# A line's text that names a range of headings: two numbers or two letters and a dash, a
# tilde or ``to`` between them (``2003-2020``, ``2023–2020``, ``a ~ f``), decoration around.
_RANGE = re.compile(
    r"[^\w]*(?P<low>\d{1,4}|[a-z])\s*(?:[-–—~～]|to|\.\.)\s*(?P<high>\d{1,4}|[a-z])[^\w]*"
)
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n|[ \t]*#{1,6}(?:[ \t][^\n]*)?\n)+")


class Toc(Rule):
    name = "toc"
    severity = "error"
    summary = "A table of contents whose links do not match the headings."
    fix_safety = "safe"
    changes = (REWRITE_TOC,)
    options = {
        "max-depth": Option(
            int, 0, "the deepest nesting a table may have (2 is awesome-lint's); 0: any", minimum=0
        ),
    }

    def check(self, doc: Document) -> Iterator[Problem]:
        for table in doc.anchors.tables:
            yield from self._check_table(doc, table)

    def _check_table(self, doc: Document, table: TableOfContents) -> Iterator[Problem]:
        reading = _Reading(doc, table)
        problems = [
            *reading.broken(),
            *_repeated_and_misordered(doc, table),
            *reading.missing(),
        ]
        for start, end, message, fix in sorted(problems, key=lambda found: found[0]):
            yield self.problem(start, end, message=message, fix=fix)
        for start, end, message in self._too_deep(table):
            yield self.problem(start, end, message=message)

    def _too_deep(self, table: TableOfContents) -> Iterator[tuple[int, int, str]]:
        limit = self.option("max-depth")
        top = min(toc_link.item.depth for toc_link in table.links)
        for toc_link in table.links:
            item = toc_link.item
            if limit and item.depth - top + 1 > limit:
                message = f"{toc_link.link.label.text!r} is nested deeper than {limit} levels"
                yield item.marker_start, toc_link.link.end, message


_Found = tuple[int, int, str, Fix | None]


class _Reading:
    """One table against the headings: what it misses, and which of its findings a local edit
    surely fixes. A fix changes only what its finding names: it points a dead link at the
    heading it surely meant, or adds the line of a heading whose siblings are all listed."""

    def __init__(self, doc: Document, table: TableOfContents) -> None:
        self.doc = doc
        self.table = table
        self.listed = {t.target for t in table.links if t.target is not None}
        within = _scope(doc, table)
        self.tail = _tail(doc, within, self.listed)
        self.scope = self._kept(within)
        # Items that are no in-page link (a file, a mistyped ``($KG)``) may stand for a heading:
        # nothing is then inferred from where the lines stand.
        self.sure = _unambiguous(doc, table) and not _holds_other_links(doc, table)
        self.repairs = self._repairs()

    # -- what the table is meant to list ------------------------------------------------------

    def _kept(self, scope: list[int]) -> list[int]:
        """The headings of ``scope`` the table is meant to list: not a sentence or a placeholder
        set as a heading, and, where the listed headings hold entries, a heading whose section
        holds them too or could (links in more than one paragraph): a legend, a footer, a note
        or an empty stub is left out by the table's own convention. After the last listed
        heading (the ``_tail``) only a list counts (entries, or lines that each start with a
        link): the table ends where its topics end, and the document's back matter
        (``Licenses``, ``Maintainers``: a badge, a sentence with a link or two) follows it
        whatever it is called."""
        spans = _Spans(self.doc)
        listed = [index for index in self.listed if not self.doc.headings[index].in_list_item]
        of_entries = 2 * sum(map(spans.holds_entries, listed)) > len(listed)
        kinds = {shape for index in listed for shape in spans.shapes(index)}
        convention = _convention(self.doc, listed)
        if _numbered_lines(self.doc, self.table, scope):
            convention = True, convention[1]
        # Where every listed section holds a link (entries or links the reader does not take for
        # them, such as bare addresses), a section without one is a footer, a note or a plea
        # (``## Donate`` and a wallet address), not a part of the list the table forgot.
        of_links = bool(listed) and all(map(spans.holds_links, listed))
        # Where every listed heading carries an HTML anchor of its own (``## <span
        # id="jump1">``), the table lists the sub-headings its author marked: the others are
        # left out on purpose. A top-level section without one is a section the author added
        # later and forgot twice, in the anchors and in the table.
        marked = self.doc.anchors.marked
        anchored = len(self.listed) >= _UNAMBIGUOUS and self.listed <= marked
        top = min((self.doc.headings[index].level for index in self.listed), default=0)
        return [
            index
            for index in scope
            if index in self.listed
            or not (
                _divider_or_prose(self.doc.headings[index].text.strip())
                or _unlike(self.doc.headings[index], convention)
                or (of_entries and not spans.could_hold_entries(index))
                or (of_entries and index in self.tail and not spans.holds_a_list(index, kinds))
                or (of_links and not spans.holds_links(index))
                or (anchored and index not in marked and self.doc.headings[index].level > top)
            )
        ]

    # -- links that reach nothing ---------------------------------------------------------------

    def broken(self) -> Iterator[_Found]:
        doc = self.doc
        for position, toc_link in enumerate(self.table.links):
            if toc_link.resolved:
                continue
            url = toc_link.link.url
            message = f"link {url.text!r} matches no heading"
            heading = self.repairs.get(position)
            fix = None
            if heading is not None:
                slug = doc.anchors.slugs[heading]
                message += f"; the heading {_shown(doc.headings[heading])!r} is '#{slug}'"
                fix = Fix.safe(Edit(url.start, url.end, f"#{slug}"))
            else:
                meant = self._meant(toc_link.link, self._named(toc_link))
                near = self._misspelt.get(position)
                if meant and all(i in self.listed for i in meant):
                    shown = _shown(doc.headings[meant[0]])
                    message += f"; the heading {shown!r} is listed already"
                elif not meant and near is not None:
                    shown = _shown(doc.headings[near])
                    message += f"; the heading {shown!r} is '#{doc.anchors.slugs[near]}'"
            yield url.start, url.end, message, fix
        yield from self._off_page()

    def _off_page(self) -> Iterator[_Found]:
        """The lines that name a heading by their text but link to no anchor
        (``[Survey](*Survey)``, ``[Speech DataSet](speech-dataset)``): the line lists the
        heading, and its link is what is wrong. Reported at the line, without a fix."""
        doc = self.doc
        for link, named in self._mistyped.items():
            if named:
                forms = _forms(link.label.text) - {""}
                namesakes = [
                    index
                    for index, heading in enumerate(doc.headings)
                    if not heading.in_list_item and not forms.isdisjoint(_forms(heading.text))
                ]
                meant = self._meant(link, namesakes)
                shown = _shown(doc.headings[meant[0]])
                anchors = ", ".join(f"'#{doc.anchors.slugs[index]}'" for index in meant)
                said = (
                    f"the heading {shown!r} is {anchors}"
                    if len(meant) == 1
                    else f"{len(meant)} headings are named {shown!r}: {anchors}"
                )
                url = link.url
                message = f"link {url.text!r} is no in-page link; {said}"
                yield url.start, url.end, message, None

    def _repairs(self) -> dict[int, int]:
        """For each dead link (by position) the one heading it surely meant, listed by no other
        line: the only unlisted heading with the link's text, else (a renamed heading) the only
        unlisted heading between the headings of the lines around it, sharing a word with it.
        Where two headings or more have the link's text, the one meant is the one the table's
        nesting points at (``_meant``), and none when it points at none or at several."""
        claims: dict[int, list[int]] = {}
        for position, toc_link in enumerate(self.table.links):
            if toc_link.resolved:
                continue
            meant = self._meant(toc_link.link, self._named(toc_link))
            named = [i for i in meant if i not in self.listed]
            if not meant:
                named = self._renamed(position)
            elif len(meant) > 1:
                named = []
            if len(named) == 1:
                claims.setdefault(named[0], []).append(position)
        return {found[0]: heading for heading, found in claims.items() if len(found) == 1}

    def _meant(self, link: Link, named: list[int]) -> list[int]:
        """Of the headings a line names (``named``, two or more sharing a title: ``### LLM for
        IR`` under ``## Survey`` and ``## LLM for IR``), the ones its place in the table points
        at: under a line that reaches a heading, that heading's sub-headings; at the top, or
        under a line that reaches none, the headings whose parent no line of the table reaches
        (a sub-heading of a listed heading belongs under that heading's line). All of them
        when the table's nesting leaves none, so that nothing is picked by name alone."""
        if len(named) < _UNAMBIGUOUS:
            return named
        doc = self.doc
        group = self._group(link)
        if group is not None:
            kept = [i for i in named if _parent(doc, i) is doc.headings[group]]
        else:
            reached = {id(doc.headings[index]) for index in self.listed}
            kept = [i for i in named if id(_parent(doc, i)) not in reached]
        return kept or named

    def _group(self, link: Link) -> int | None:
        """The heading reached by the table's line that the line of ``link`` is nested in."""
        holding = [
            toc_link
            for toc_link in self.table.links
            if toc_link.link is not link and toc_link.item.start <= link.start < toc_link.item.end
        ]
        if not holding:
            return None
        return max(holding, key=lambda toc_link: toc_link.item.depth).target

    def _named(self, toc_link: TocLink) -> list[int]:
        return self._names.get(_name(toc_link.link.label.text), [])

    @cached_property
    def _names(self) -> dict[str, list[int]]:
        names: dict[str, list[int]] = {}
        for index, heading in enumerate(self.doc.headings):
            names.setdefault(_name(heading.text), []).append(index)
        return names

    @cached_property
    def _depths(self) -> dict[int, int]:
        """How deep the table nests each heading level its links reach: as most of them do."""
        first = self.table.links[0].item
        seen: dict[int, list[int]] = {}
        for toc_link in self.table.links:
            if toc_link.target is not None:
                level = self.doc.headings[toc_link.target].level
                seen.setdefault(level, []).append(toc_link.item.depth - first.depth)
        return {level: max(set(found), key=found.count) for level, found in seen.items()}

    def _renamed(self, position: int) -> list[int]:
        links, headings = self.table.links, self.doc.headings
        before = links[position - 1] if position > 0 else None
        after = links[position + 1] if position + 1 < len(links) else None
        if not self.sure or before is after is None:
            return []
        if any(near is not None and near.target is None for near in (before, after)):
            return []  # a dead line or an HTML anchor beside it: the place is not certain
        low = before.target if before is not None and before.target is not None else -1
        high = after.target if after is not None and after.target is not None else len(headings)
        depth = links[position].item.depth - links[0].item.depth
        label = links[position].link.label.text
        scope = self.scope
        gap = [
            index
            for index in scope[bisect_left(scope, low + 1) : bisect_left(scope, high)]
            if index not in self.listed and self._depths.get(headings[index].level) == depth
        ]
        return gap if len(gap) == 1 and _related(label, headings[gap[0]].text) else []

    # -- headings the table does not list -------------------------------------------------------

    def missing(self) -> Iterator[_Found]:
        listed = self.listed | set(self.repairs.values()) | self._named_by_dead_lines()
        strays: set[int] = set()
        if _follows_document(self.table):  # a line reaches the namesake's: it is reported
            collided = _collided(self.doc, self.table, _astray(self.doc, self.table))
            listed |= set(collided.values())
            # The namesakes such lines reach by mistake: no line means them.
            others = {t.target for t in self.table.links if id(t) not in collided}
            strays = {_target(t) for t in self.table.links if id(t) in collided} - others
        # A range line covers the headings of its range: the table lists them by it. They are
        # neither missed nor counted as listed siblings (a line is never added beside a range).
        covered = listed | self._ranged()
        missing = [i for i in self.scope if i not in covered]
        missing = self._selective(missing, covered, covered - strays)
        missing = [index for index in missing if not self._group_title(index, covered)]
        # Between the table and its first topic stands what its author set under it on purpose
        # (``Related Groups``, a ``0. Toolbox`` before ``1. Surveys``): the table starts where
        # its lines do, as it ends where they do, and nothing before its first line is missed.
        topic = self._first_topic(covered)
        missing = [index for index in missing if topic is not None and index >= topic]
        missing = [index for index in missing if not self._sandwiched(index, covered)]
        if self._leaves_out_the_meta(listed):
            return
        if 2 * len(self.table.links) < len(self.scope) and not _under_contents(self.table):
            return  # a few shortcuts (``Jump to:``, ``## Quick links``), not a table of them all
        added = self._insertions(missing, listed)
        # A new line is written as its siblings are, or not at all: where the table writes
        # labels of its own the heading is reported at its place without a fix.
        unsure = self._own_labels()
        for index, (at, edit) in added.items():
            text = _shown(self.doc.headings[index])
            message = f"table of contents misses {text!r}; every other heading beside it is listed"
            sure = not unsure and not self._mislevelled(index, listed)
            yield at.item.marker_start, at.link.end, message, Fix.safe(edit) if sure else None
        reported = [_shown(self.doc.headings[index]) for index in missing if index not in added]
        if not reported:
            return
        names = ", ".join(repr(name) for name in reported[:_SHOWN])
        more = f" and {len(reported) - _SHOWN} more" if len(reported) > _SHOWN else ""
        noun = "heading" if len(reported) == 1 else "headings"
        first = self.table.links[0].item
        message = f"table of contents misses {len(reported)} {noun}: {names}{more}"
        yield first.start, first.content_end, message, None

    def _first_topic(self, listed: set[int]) -> int | None:
        """The first heading after the table that a line of it reaches (``listed``) or names by
        its text, a line to a page elsewhere too (``[Hydrospatial](https://...)``): where the
        table's topics start."""
        doc, table = self.doc, self.table
        end = table.links[-1].item.start
        lines = [*(toc_link.link for toc_link in table.links), *table.others]
        named = {form for link in lines for form in _forms(link.label.text)} - {""}
        for index, heading in enumerate(doc.headings):
            if heading.start <= end or heading.in_list_item:
                continue
            if index in listed or not named.isdisjoint(_forms(heading.text)):
                return index
        return None

    def _ranged(self) -> set[int]:
        """The headings a range line covers (``[2003-2020](#2003)``, ``[A–F](#a)``): the
        siblings of the heading it reaches, after it, whose number or letter (``### 2011``,
        ``## C``) falls in its range. The table groups them on purpose; none is missing. The
        heading it reaches must lie in the range: ``[1-2 weeks](#plan)`` is no range of
        headings."""
        headings = self.doc.headings
        covered: set[int] = set()
        for toc_link in self.table.links:
            bounds = _range(toc_link.link.label.text)
            target = toc_link.target
            if bounds is None or target is None or not _in_range(headings[target].text, bounds):
                continue
            family = self._family(target)
            covered.update(
                index
                for index in self.scope
                if index > target
                and self._family(index) == family
                and _in_range(headings[index].text, bounds)
            )
        return covered

    def _mislevelled(self, index: int, listed: set[int]) -> bool:
        """Whether the missing heading is of a kind the table leaves out everywhere else: named
        as two headings or more at another level are, with other numbers (``## 2025`` beside
        ``### 2024`` and ``### 2023``: years, dates, numbered buckets), none of which it lists.
        Its author likely set it a level too high; the line a fix would add is one the table
        holds for no heading of its kind, so the heading is reported without one."""
        headings = self.doc.headings
        shape = _shape(headings[index].text)
        if shape is None:
            return False
        like = [other for other in self._shapes[shape] if other != index]
        elsewhere = [other for other in like if headings[other].level != headings[index].level]
        return len(elsewhere) >= _UNAMBIGUOUS and not any(other in listed for other in like)

    def _sandwiched(self, index: int, listed: set[int]) -> bool:
        """Whether the missing heading is likely set a level too shallow: it holds entries of
        its own, and the headings right before and after it are both deeper and both unlisted
        (``### Music`` between ``#### Biology`` and ``#### Misc.`` under ``### Papers``, whose
        parts the table leaves out). It reads as one more of the parts around it; the table
        leaving it out is no defect, and a line for it would list one part among parts the
        table does not name. A section that only opens its parts (no entries before its first
        one) is a section of its own, judged as usual."""
        doc = self.doc
        outside = [i for i, heading in enumerate(doc.headings) if not heading.in_list_item]
        at = bisect_left(outside, index)
        if at == 0 or at + 1 >= len(outside) or outside[at] != index:
            return False
        before, after = outside[at - 1], outside[at + 1]
        level = doc.headings[index].level
        if not (doc.headings[before].level > level < doc.headings[after].level):
            return False
        if before in listed or after in listed:
            return False
        start, end = doc.headings[index].start, doc.headings[after].start
        return any(start < entry.start < end for entry in doc.entries)

    @cached_property
    def _shapes(self) -> dict[str, list[int]]:
        """The headings outside list items by ``_shape``, for titles with a number."""
        shapes: dict[str, list[int]] = {}
        for index, heading in enumerate(self.doc.headings):
            shape = _shape(heading.text)
            if shape is not None and not heading.in_list_item:
                shapes.setdefault(shape, []).append(index)
        return shapes

    def _named_by_dead_lines(self) -> set[int]:
        """The headings a dead line names all the same: its text is the heading's (a section
        number aside: ``2.3 Mamba-Diffusion`` for ``mamba-diffusion``), or its anchor in
        letters and digits only (GitHub drops ``/`` and the like) is the heading's or the start
        of it (``#AutoML-based`` for ``AutoML-based Recommender System``). The heading is in
        the table; only its link is broken, and that is reported already. So is a heading named
        by the text of a line with a mistyped anchor (``_mistyped``: ``[Survey](*Survey)``): the
        line lists it, its link is reported, and a new line would list it twice. A line that
        links to a page elsewhere (``[Hydrospatial](https://...)``, a file) sends the reader
        away on purpose: the heading it names is not reached, and missing. A line whose anchor
        names other words (``#b-sequence-based-prediction`` for ``B. Sequence-based
        contact-map prediction``) leaves its heading unreachable, and missing. A line that
        links to a heading listed already is no dead link: the heading it names is reported
        missing, the only finding that names it."""
        dead = [toc_link for toc_link in self.table.links if not toc_link.resolved]
        labels = {form for toc_link in dead for form in _forms(toc_link.link.label.text)}
        anchors = [_letters(toc_link.link.url.text) for toc_link in dead]
        named: set[int] = set()
        for index in self.scope:
            title = _letters(self.doc.headings[index].text)
            if not labels.isdisjoint(_forms(self.doc.headings[index].text)) or any(
                len(anchor) >= _STEM and title.startswith(anchor) for anchor in anchors
            ):
                named.add(index)
        named |= {index for index in self._misspelt.values() if index is not None}
        return (
            named | self._renumbered(dead) | {i for found in self._mistyped.values() for i in found}
        )

    @cached_property
    def _misspelt(self) -> dict[int, int | None]:
        """For each dead line (by position) the one unlisted heading of the scope its text or
        anchor nearly spells (``[Numerical Weather Prediciton](#numerical-weather-prediciton)``
        for ``## Numerical Weather Prediction``): a typo in both, one or two letters apart.
        The heading is in the table, reached by a broken link reported already; reporting it
        missing too counts one defect twice (study 25). None where no heading, or more than one,
        is that near."""
        headings = self.doc.headings
        unlisted = [index for index in self.scope if index not in self.listed]
        titles = {index: _letters(headings[index].text) for index in unlisted}
        found: dict[int, int | None] = {}
        for position, toc_link in enumerate(self.table.links):
            if toc_link.resolved:
                continue
            spellings = {_letters(toc_link.link.label.text), _letters(toc_link.link.url.text)}
            near = [
                index
                for index, title in titles.items()
                if any(_near_spelling(spelling, title) for spelling in spellings)
            ]
            found[position] = near[0] if len(near) == 1 else None
        return found

    @cached_property
    def _mistyped(self) -> dict[Link, list[int]]:
        """The table's links that leave the page but are no web address and no path to a file
        (a mistyped anchor: ``*Survey``, ``speech-dataset``, ``MR``), each with the headings of
        the scope its text names (letters and digits, a section number aside)."""
        headings = self.doc.headings
        found = {}
        for link in self.table.others:
            if _ELSEWHERE.match(link.url.text):
                continue
            forms = _forms(link.label.text) - {""}
            found[link] = [i for i in self.scope if not forms.isdisjoint(_forms(headings[i].text))]
        return found

    def _renumbered(self, dead: list[TocLink]) -> set[int]:
        """The headings a dead line names by its section number, after a rename (``[5. Slide
        Code Generation](#5-Slide-Code-Generation)`` for ``## 5. Slide && Presentation
        Generation``): the only heading the table does not reach with that number, which
        shares a word with the line (the number aside), and the only dead line with it. A
        letter (``B. Sequence-based``) or a number two headings carry names no heading for
        certain: the heading is then missing as well."""
        headings = self.doc.headings
        numbers: dict[str, list[int]] = {}
        for index in self.scope:
            if index not in self.listed:
                numbers.setdefault(_number(headings[index].text), []).append(index)
        said = Counter(_number(toc_link.link.label.text) for toc_link in dead)
        named: set[int] = set()
        for toc_link in dead:
            label, number = toc_link.link.label.text, _number(toc_link.link.label.text)
            found = numbers.get(number, []) if number else []
            if (
                toc_link.link.url.text.startswith("#")  # ``[5. Slides](slides)``: no anchor
                and len(found) == 1
                and said[number] == 1
                and _related(label, headings[found[0]].text)
            ):
                named.add(found[0])
        return named

    def _group_title(self, index: int, listed: set[int]) -> bool:
        """Whether the heading only groups sections the table lists (``# Paper & Code`` over
        ``## 1 Synthesis`` and ``## 2 Translation``, both listed): two sub-headings or more,
        all listed, and no link of its own above the first. The table reaches all it holds
        through them; leaving the group's title out is its convention, not a line forgotten."""
        doc = self.doc
        section, level = doc.sections[index + 1], doc.headings[index].level
        children = []
        for child in range(index + 1, len(doc.headings)):  # up to the section's end only
            if doc.headings[child].level <= level and not doc.headings[child].in_list_item:
                break
            if doc.sections[child + 1].parent is section:
                children.append(child)
        if len(children) < _UNAMBIGUOUS or not listed.issuperset(children):
            return False
        start = doc.line_start(doc.headings[index].last_line + 1)
        own = without_comments(doc.text[start : doc.headings[index + 1].start])
        return not links(own, 0, len(own))

    def _leaves_out_the_meta(self, listed: set[int]) -> bool:
        """Whether the table leaves out, by its own convention, every heading of its levels that
        is not a topic: it omits more than one (before it or after it: ``News``, ``Introduction``,
        ``📬 Connect``), and each of them names the list's own business, not a topic. A
        contents of topics only does not forget such a footer; adding it would be wrong."""
        doc = self.doc
        levels = {doc.headings[index].level for index in listed}
        own = self.table.section.heading
        omitted = [
            index
            for index, heading in enumerate(doc.headings)
            if heading.level in levels
            and index not in listed
            and heading is not own
            and not heading.in_list_item
        ]
        return len(omitted) > 1 and all(
            not_listed(doc.sections[index + 1])
            or bool(_ABOUT & set(_WORDS.findall(doc.headings[index].text.casefold())))
            for index in omitted
        )

    def _selective(self, missing: list[int], listed: set[int], meant: set[int]) -> list[int]:
        """``missing`` without the sub-headings the table leaves out by its own convention: at a
        level below its top one, where two sections or more have none of their sub-headings of
        that level listed, the table lists sub-headings of some sections only (``Tools`` with
        its parts, ``Talks`` without): a section whose sub-headings are all left out is one of
        those, not a table that forgot them; and so are the parts of a section it does not
        descend (``_undescended``): the headings it ``meant`` show where it descends, not the
        namesake a line's anchor reaches by mistake (``[RNA](#rna)`` meaning ``## RNA``
        reaches ``### RNA`` of a section whose parts it leaves out)."""
        headings = self.doc.headings
        top = min(headings[index].level for index in listed) if listed else 0
        shown = {self._family(index) for index in listed}
        left_out = self._undescended(missing, meant)
        missing = [index for index in missing if index not in left_out]
        bare: dict[int, set[tuple[int, int]]] = {}
        for index in missing:
            family = self._family(index)
            if headings[index].level > top and family not in shown:
                bare.setdefault(headings[index].level, set()).add(family)
        return [
            index
            for index in missing
            if len(bare.get(headings[index].level, ())) < _UNAMBIGUOUS
            or self._family(index) in shown
        ]

    def _undescended(self, missing: list[int], listed: set[int]) -> set[int]:
        """The ``missing`` parts of a listed section whose parts are two sub-headings or more,
        none of them listed and none divided further (``Themes Index`` and its nine themes,
        ``Datasets`` and the captions of its two tables): the table chose to name the section
        and not descend there. A lone sub-heading may be one the table forgot; parts with parts
        of their own (``Publications`` over ``Special topics`` and ``Other``, each over its
        sub-sections) are the list's structure, which a table that descends elsewhere forgot;
        and one missing beside listed siblings is still missing."""
        sections = self.doc.sections
        listed_sections = {id(sections[index + 1]) for index in listed}
        descended = {id(sections[index + 1].parent) for index in listed}
        parts: dict[int, list[int]] = {}
        for index in missing:
            parent = id(sections[index + 1].parent)
            if parent in listed_sections and parent not in descended:
                parts.setdefault(parent, []).append(index)
        return {
            index
            for found in parts.values()
            if len(found) >= _UNAMBIGUOUS and not any(map(self._divided, found))
            for index in found
        }

    def _divided(self, index: int) -> bool:
        """Whether the heading has sub-headings of its own (outside list items)."""
        headings = self.doc.headings
        for following in range(index + 1, len(headings)):
            if not headings[following].in_list_item:
                return headings[following].level > headings[index].level
        return False

    def _insertions(self, missing: list[int], listed: set[int]) -> dict[int, tuple[TocLink, Edit]]:
        """The missing headings that the table is clearly meant to hold, each with the line that
        adds it: every other heading of its level under its parent is listed (two at least),
        and the lines of the headings around it are next to each other in the table."""
        if not missing or not self.sure or self.table.lists != 1:
            return {}
        # What stands above the table's first topic is left out (``missing``), not a sibling.
        first = self._first_topic(listed)
        first = -1 if first is None else first
        siblings = Counter(self._family(index) for index in self.scope if index >= first)
        shown = Counter(self._family(index) for index in self.scope if index in listed)
        members: dict[tuple[int, int], list[TocLink]] = {}
        for toc_link in self.table.links:
            if toc_link.target is not None:
                members.setdefault(self._family(toc_link.target), []).append(toc_link)
        added = {}
        for index in missing:
            if index in self.tail:
                continue  # after the table's last topic: its end, or a line it forgot, unsure
            family = self._family(index)
            if siblings[family] - shown[family] == 1 and shown[family] >= _UNAMBIGUOUS:
                place = self._place(index, members.get(family, []))
                if place is not None:
                    added[index] = place
        return added

    def _own_labels(self) -> bool:
        """Whether the table writes lines other than its headings' text, so that a new line
        cannot be written as its siblings are: a number its headings do not carry (``1.2
        Model-based CF`` for ``#### Model-based``; the new line would need one, and the lines
        after it new ones), or words of its own in more than a quarter of its lines
        (``Soil (12)``, a short name; punctuation and case aside: ``Pre-trained LLM`` for
        ``Pre-trained-LLM`` is the heading's text). A few lines that differ (a typo, a note in
        brackets) leave the table's style its headings' text."""
        headings = self.doc.headings
        reaching = [t for t in self.table.links if t.target is not None]
        numbered = any(
            _SECTION_NUMBER.match(rendered_text(t.link.label.text))
            and not _SECTION_NUMBER.match(rendered_text(headings[_target(t)].text))
            for t in reaching
        )
        other = sum(
            _letters(t.link.label.text) != _letters(headings[_target(t)].text) for t in reaching
        )
        return numbered or 4 * other > len(reaching)

    def _family(self, index: int) -> tuple[int, int]:
        """A heading's parent section and level: its siblings share them."""
        return id(self.doc.sections[index + 1].parent), self.doc.headings[index].level

    def _place(self, index: int, family: list[TocLink]) -> tuple[TocLink, Edit] | None:
        """Where the line of heading ``index`` goes, next to the line it is found by, and the
        edit that adds it; None when the place or the way to write the line is not certain."""
        ordered = self._ordered
        at = bisect_left(ordered, (index, -1))
        before = ordered[at - 1][1] if at > 0 else -1
        after = ordered[at][1] if at < len(ordered) else len(self.table.links)
        links, headings = self.table.links, self.doc.headings
        if after - before != 1:
            return None  # the lines around its place are apart, or out of order
        line = self._line(index, family)
        if line is None:
            return None
        if after < len(links):
            following = links[after]
            if headings[_target(following)].level > headings[index].level:
                return None  # a sub-heading of it is listed: it would have to move under it
            return following, Edit(following.item.start, following.item.start, f"{line}\n")
        previous = links[before]
        if previous.item.children_start is not None:
            return None  # items that are not in-page links nested under the last line
        item, doc = previous.item, self.doc
        last = item.start + len(doc.text[item.start : item.end].rstrip())
        end = doc.line_end(doc.line_index(last) + 1)  # its last line, not the blank after it
        return previous, Edit(end, end, f"\n{line}")

    @cached_property
    def _ordered(self) -> list[tuple[int, int]]:
        """(heading, position in the table) of every line that reaches a heading, by heading."""
        links = self.table.links
        return sorted((t.target, at) for at, t in enumerate(links) if t.target is not None)

    def _line(self, index: int, family: list[TocLink]) -> str | None:
        """The new line, indented and marked as the nearest listed sibling's line."""
        doc = self.doc
        earlier = [t for t in family if _target(t) < index]
        if not family:
            return None
        model = earlier[-1] if earlier else family[0]
        item = model.item
        prefix = doc.text[item.start : item.marker_start]
        gap = doc.text[item.marker_start + len(item.marker) : model.link.start]
        if item.ordered or not _LINE_PREFIX.match(prefix) or gap.strip(" \t"):
            return None
        label = _escaped(doc.headings[index])
        return f"{prefix}{item.marker}{gap}[{label}](#{doc.anchors.slugs[index]})"


class _Spans:
    """Where each heading's section ends (its subsections included), and what it holds."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.entry_starts = [entry.start for entry in doc.entries]
        headings = doc.headings
        self.ends = [len(doc.text)] * len(headings)
        open_: list[int] = []
        for index, heading in enumerate(headings):
            while open_ and headings[open_[-1]].level >= heading.level:
                self.ends[open_.pop()] = heading.start
            open_.append(index)

    def holds_entries(self, index: int) -> bool:
        starts, start = self.entry_starts, self.doc.headings[index].start
        at = bisect_left(starts, start)
        return at < len(starts) and starts[at] < self.ends[index]

    def holds_links(self, index: int) -> bool:
        """Whether the section (its subsections included) holds a link or a bare address."""
        body = self._body(index)
        return bool(links(body, 0, len(body)))

    def _body(self, index: int) -> str:
        """The section's text under its heading, comments taken out."""
        doc = self.doc
        start = doc.line_start(doc.headings[index].last_line + 1)
        return without_comments(doc.text[start : self.ends[index]])

    def shapes(self, index: int) -> list[str]:
        """The shapes of the entries in the section (``list-item``, ``table-row``, ...)."""
        starts, entries = self.entry_starts, self.doc.entries
        low = bisect_left(starts, self.doc.headings[index].start)
        high = bisect_left(starts, self.ends[index], low)
        return [entry.shape for entry in entries[low:high]]

    def holds_a_list(self, index: int, kinds: set[str]) -> bool:
        """Entries of a shape the listed sections hold (``kinds``: items of a list where they
        list items), or two lines or more that each start with a link (``[Habitat](url)``):
        not a badge, nor links within sentences (a license, a plea to contribute, thanks, a
        paragraph on how the list is published that reads like an entry)."""
        if not kinds.isdisjoint(self.shapes(index)):
            return True
        body = self._body(index)
        return sum(map(partial(_starts_a_line, body), links(body, 0, len(body)))) >= _UNAMBIGUOUS

    def could_hold_entries(self, index: int) -> bool:
        """Entries, or links in two paragraphs or more (a list the reader does not know): not
        a single note, a legend without links, or nothing."""
        if self.holds_entries(index):
            return True
        body = self._body(index)
        paragraphs = [part for part in _PARAGRAPH_BREAK.split(body) if part.strip()]
        return len(paragraphs) > 1 and bool(links(body, 0, len(body)))


def _starts_a_line(body: str, link: Link) -> bool:
    """Whether the link is a text link that starts its line (after a list marker, if any)."""
    line_start = body.rfind("\n", 0, link.start) + 1
    return (
        not link.image
        and link.kind != "badge"
        and not link.label.text.startswith("!")
        and bool(_LINE_HEAD.match(body[line_start : link.start]))
    )


def _parent(doc: Document, index: int) -> Heading | None:
    """The heading whose section holds heading ``index``'s, None at the top."""
    parent = doc.sections[index + 1].parent
    return parent.heading if parent is not None else None


def _target(toc_link: TocLink) -> int:
    assert toc_link.target is not None
    return toc_link.target


def _repeated_and_misordered(doc: Document, table: TableOfContents) -> Iterator[_Found]:
    seen: set[int | str] = set()
    last: tuple[int, str] | None = None  # the heading and the text of the last line in order
    judge_order = _follows_document(table)
    astray = _astray(doc, table)
    collided = _collided(doc, table, astray) if judge_order else {}
    previous: TocLink | None = None
    for toc_link in table.links:
        target = toc_link.target
        url = toc_link.link.url
        reached = target if target is not None else _anchor(url.text)
        group, previous = previous, toc_link
        if reached in seen:
            meant = collided.get(id(toc_link))
            if meant is not None:
                yield url.start, url.end, _collision(doc, url.text, _target(toc_link), meant), None
                last = meant, toc_link.link.label.text
            elif not _opens_group(doc, toc_link, group):
                yield url.start, url.end, f"link {url.text!r} is listed twice", None
            continue
        seen.add(reached)
        if target is None or toc_link in astray:
            continue
        meant = collided.get(id(toc_link))
        if meant is not None:
            yield url.start, url.end, _collision(doc, url.text, target, meant), None
            last = meant, toc_link.link.label.text
            continue
        if judge_order and last is not None and target < last[0]:
            yield (
                url.start,
                url.end,
                f"{toc_link.link.label.text!r} is listed after "
                f"{last[1]!r} but comes before it in the document",
                None,
            )
        last = target, toc_link.link.label.text


def _opens_group(doc: Document, toc_link: TocLink, previous: TocLink | None) -> bool:
    """Whether the line is the first one nested under ``previous``, the line right above it,
    whose text names not the heading both reach: a group without a heading of its own
    (``Same-Scale Contrasting``) links its first part, and the part's own line links it
    again. That is the table's way to make the group's line lead somewhere, not a line
    listed twice; a part that repeats its group's own line (``Soil`` under ``Soil``) is."""
    if previous is None or toc_link.item.parent is not previous.item:
        return False
    target = previous.target
    named = _forms(doc.headings[target].text) if target is not None else set()
    return named.isdisjoint(_forms(previous.link.label.text))


def _collided(doc: Document, table: TableOfContents, astray: list[TocLink]) -> dict[int, int]:
    """The lines (by ``id``) whose anchor reaches one of two headings or more of one name,
    out of the table's order, where another of them, reached by no line, stands exactly at
    the line's place (``[Tools](#tools)`` between ``Blogs`` and ``Journals`` reaches an
    earlier ``#### Tools``; GitHub gives the ``## Tools`` between them ``#tools-1``): the
    anchor is the defect, not the order. Each with the heading its place names. A line that
    repeats another's anchor (``[Others](#others)`` closing the table, as an earlier line
    did) is such a line too when a namesake stands at its place: one wrong anchor, reported
    once, and the heading it meant is not missed as well."""
    headings = doc.headings
    reached = {t.target for t in table.links if t.target is not None}
    lines = [t for t in table.links if t.target is not None and t not in astray]
    seen: set[int] = set()
    repeats = []
    for toc_link in lines:
        repeats.append(toc_link.target in seen)
        seen.add(_target(toc_link))
    # The heading of the next line that does not repeat an anchor, after each line.
    afters = [len(headings)] * len(lines)
    for at in range(len(lines) - 2, -1, -1):
        following = at + 1
        afters[at] = afters[following] if repeats[following] else _target(lines[following])
    collided: dict[int, int] = {}
    before = -1
    for toc_link, repeat, after in zip(lines, repeats, afters, strict=True):
        target = _target(toc_link)
        if not before < target < after:
            letters = _letters(headings[target].text)
            fitting = [
                index
                for index in range(before + 1, after)
                if index != target
                and index not in reached
                and not headings[index].in_list_item
                and _letters(headings[index].text) == letters
            ]
            if letters and len(fitting) == 1:
                collided[id(toc_link)] = target = fitting[0]
                reached.add(target)
            elif repeat:
                continue  # listed twice, reported so; its place says nothing of the order
        before = target
    return collided


def _collision(doc: Document, url: str, target: int, meant: int) -> str:
    where = "an earlier" if target < meant else "a later"
    shown = _shown(doc.headings[meant])
    return (
        f"link {url!r} reaches {where} heading named {shown!r}; the one at this place in the "
        f"table is '#{doc.anchors.slugs[meant]}'"
    )


def _astray(doc: Document, table: TableOfContents) -> list[TocLink]:
    """The lines whose text names one heading and whose anchor reaches another
    (``[Benchmarks](#standards)``): the wrong anchor is the defect, reported as a line listed
    twice or a heading missed; where the line stands says nothing of the table's order, and
    judging it there would blame the line after it. A line whose text names no heading (a
    label of its own) is taken at its anchor."""
    forms: dict[str, set[int]] = {}
    for index, heading in enumerate(doc.headings):
        for form in _forms(heading.text) - {""}:  # an emoji alone names nothing
            forms.setdefault(form, set()).add(index)
    astray = []
    for toc_link in table.links:
        named = set().union(*(forms.get(form, set()) for form in _forms(toc_link.link.label.text)))
        if named and toc_link.target not in named:
            astray.append(toc_link)
    return astray


def _follows_document(table: TableOfContents) -> bool:
    """Whether the table's convention is the document's order: all its lines but one, or but a
    quarter of them, are in it (the longest run of headings in document order). A table in an
    order of its own (a template kept across years, by topic, alphabetical) is not judged on it."""
    targets = list(dict.fromkeys(t.target for t in table.links if t.target is not None))
    in_order: list[int] = []  # the smallest last heading of an ordered run of each length
    for target in targets:
        at = bisect_left(in_order, target)
        in_order[at : at + 1] = [target]
    return len(targets) - len(in_order) <= max(1, len(targets) // _ORDER_SLACK)


def _scope(doc: Document, table: TableOfContents) -> list[int]:
    """The headings the table should list: after it, at the levels its links reach. A heading
    in a block quote (``> ### 2022``, a year divider quoted inside a section) is none of the
    document's outline, unless the table lists quoted headings: the list sets its outline so."""
    headings = doc.headings
    levels = {headings[t.target].level for t in table.links if t.target is not None}
    if len(levels) == 0:
        return []
    end = table.links[-1].item.start
    holding = {id(toc_link.item.section) for toc_link in table.links}  # its own and group titles
    local = table.local(doc.sections)
    others = _others_parts(doc, table)
    quotes = any(_quoted(doc, headings[t.target]) for t in table.links if t.target is not None)
    return [
        index
        for index, (heading, section) in enumerate(zip(headings, doc.sections[1:], strict=True))
        if heading.start > end
        and (not local or table.holds(section))
        and heading.level in levels
        and not heading.in_list_item
        and (quotes or not _quoted(doc, heading))
        and id(section) not in holding
        and not not_listed(section)
        and not _omitted(doc, heading)
        and index not in others
    ]


def _others_parts(doc: Document, table: TableOfContents) -> set[int]:
    """The headings another table of contents covers: where a document holds several (a
    bilingual list, ``## Contents`` over the English half and ``## 目录`` over the Chinese one;
    a list pasted in whole with its own ``## Table of contents``), each covers its own part.
    Another table's part is what it lists, and, for a table after this one and outside every
    section this one lists, the headings from it up to the next heading this one lists: a
    heading there is that table's to miss, not this one's. A section's own table inside a
    section this one lists (``## Water``, then ``- [Rivers](#rivers)``) covers its lines only."""
    own = sorted(t.target for t in table.links if t.target is not None)
    listed_sections = {id(doc.sections[index + 1]) for index in own}
    covered: set[int] = set()
    for other in doc.anchors.tables:
        if other is table:
            continue
        covered.update(t.target for t in other.links if t.target is not None)
        if other.start <= table.start or _inside(other.section, listed_sections):
            continue
        after = [index for index in own if doc.headings[index].start > other.start]
        end = doc.headings[after[0]].start if after else len(doc.text)
        covered.update(
            index for index, heading in enumerate(doc.headings) if other.start < heading.start < end
        )
    return covered


def _tail(doc: Document, scope: list[int], listed: set[int]) -> set[int]:
    """The headings of ``scope`` after the last heading the table lists, outside the sections
    it lists: where a table's lines stop, its author may have forgotten a new last section, or
    left out the back matter that closes the document (its license, contributing, thanks,
    citation, contact or star history, under any name), as most tables do. No line is ever
    added for them. A new last part of a listed section (``Online Platforms`` under a listed
    ``Resources``) is no back matter."""
    if not listed:
        return set()
    last = max(listed)
    listed_sections = {id(doc.sections[index + 1]) for index in listed}
    return {
        index
        for index in scope
        if index > last and not _inside(doc.sections[index + 1].parent, listed_sections)
    }


def _inside(section: Section | None, listed: set[int]) -> bool:
    """Whether ``section`` or one around it is one of the ``listed`` sections (by ``id``)."""
    while section is not None:
        if id(section) in listed:
            return True
        section = section.parent
    return False


def _quoted(doc: Document, heading: Heading) -> bool:
    """Whether the heading's line starts with a block quote's ``>`` (before its ``#`` run)."""
    return ">" in doc.text[heading.start : heading.marker_start]


def _omitted(doc: Document, heading: Heading) -> bool:
    """Whether the heading carries the mark that keeps it out of a table (``_OMITTED``)."""
    above = doc.line_index(heading.start)  # 0-based: the 1-based number of the line above
    above_text = doc.line_text(above) if above > 0 else ""
    return bool(_OMITTED.search(heading.text) or _OMITTED.search(above_text))


def _convention(doc: Document, listed: list[int]) -> tuple[bool, bool]:
    """Whether the table lists only numbered headings, and only ``#`` headings, where it lists
    two topics or more. One that lists only numbered headings (``2.3 Black-box``) leaves the
    unnumbered ones under them out on purpose; one that lists only ``#`` headings leaves out a
    bold line with ``---`` under it (``**Other works**``): GitHub shows it as a heading, but
    its author wrote a label over a rule."""
    topics = [doc.headings[i] for i in listed if not not_listed(doc.sections[i + 1])]
    if len(topics) < _UNAMBIGUOUS:
        return False, False
    return all(h.numbered for h in topics), not any(h.setext for h in topics)


def _numbered_lines(doc: Document, table: TableOfContents, scope: list[int]) -> bool:
    """Whether the table numbers its topics: every line's text starts with a section number
    (``1. Books`` to ``12. Contributors``), two lines at least, and so do most headings it
    could list (``#1. Books`` set over ``----`` counts: its ``#`` is text). Lines and headings
    then share a numbered scheme, whatever anchors the lines reach (dead ones, or a label's
    ``[12. Contributors](#cite)``); an unnumbered heading is outside it (a contact footer,
    ``More About``), as ``_convention`` has it for a table of numbered headings. A table that
    numbers its lines over unnumbered headings says nothing of them."""
    if len(table.links) < _UNAMBIGUOUS or not all(
        _number(toc_link.link.label.text) for toc_link in table.links
    ):
        return False
    numbered = sum(_numbered_heading(doc.headings[index]) for index in scope)
    return numbered >= _UNAMBIGUOUS and 2 * numbered > len(scope)


def _numbered_heading(heading: Heading) -> bool:
    """Whether the heading starts with a number (``Heading.numbered``), a ``#`` written as
    its text aside (``#1. Books`` over ``----``, ``#2.Courses`` with no space)."""
    return heading.numbered or bool(_number(heading.text.lstrip().lstrip("#")))


def _unlike(heading: Heading, convention: tuple[bool, bool]) -> bool:
    """Whether the heading is of a kind the table's ``_convention`` leaves out."""
    numbered_only, hashes_only = convention
    return (numbered_only and not _numbered_heading(heading)) or (hashes_only and heading.setext)


def _divider_or_prose(text: str) -> bool:
    """A bare ``##`` (a divider) or a sentence set as a heading: no section to list."""
    return not text or prose_heading(text)


def _anchor(url: str) -> str:
    """An anchor as GitHub matches it: decoded, and case does not matter."""
    return unquote(url[1:]).casefold()


# How near a misspelt line must be to its heading: letters apart at most, in titles this long.
_TYPOS = 2
_TYPO_LENGTH = 8


def _near_spelling(spelling: str, title: str) -> bool:
    """Whether two titles in letters (``_letters``) differ by a typo or two: a letter left out,
    added, replaced or two swapped (``prediciton``, ``prediction``), in titles long enough
    that so few letters do not make another word."""
    if spelling == title or min(len(spelling), len(title)) < _TYPO_LENGTH:
        return False
    if abs(len(spelling) - len(title)) > _TYPOS:
        return False
    return _distance(spelling, title) <= _TYPOS


def _distance(first: str, second: str) -> int:
    """The optimal string alignment distance: edits, a swap of two neighbours counting one."""
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, char in enumerate(first, 1):
        current = [i]
        for j, other in enumerate(second, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if i > 1 and j > 1 and char == second[j - 2] and first[i - 2] == other:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def _name(markdown: str) -> str:
    return " ".join(rendered_text(markdown).casefold().split())


def _letters(markdown: str) -> str:
    """The text's letters and digits only, without case: a title as a dead anchor keeps it."""
    return "".join(_WORDS.findall(rendered_text(unquote(markdown)).casefold()))


def _forms(markdown: str) -> set[str]:
    """A title in letters and digits (``_letters``), with and without its leading section
    number (``2.3 Mamba-Diffusion`` is ``mambadiffusion`` too): a line and its heading may
    differ in it."""
    letters = _letters(markdown)
    return {letters, letters.lstrip("0123456789") or letters}


def _number(markdown: str) -> str:
    """The section number a title starts with (``7.2`` of ``7.2 UML``), or ``''``."""
    found = _SECTION_NUMBER.match(rendered_text(markdown))
    return ".".join(_DIGITS.findall(found.group())) if found else ""


def _shape(markdown: str) -> str | None:
    """A title with each number as ``0`` (``0000`` for ``2024``); None for a title without one."""
    name = _name(markdown)
    return _DIGITS.sub("0", name) if _DIGITS.search(name) else None


def _range(markdown: str) -> tuple[int, int] | None:
    """The bounds of a line's text that is a range (``2003-2020``, ``2023–2020``, ``2020-23``,
    ``1 ~ 5``, ``A-F``), low first: numbers, or letters by their code; None for other text."""
    found = _RANGE.fullmatch(_name(markdown))
    if found is None:
        return None
    low, high = found.group("low"), found.group("high")
    if low.isdigit() != high.isdigit():
        return None
    if low.isdigit() and len(high) < len(low):
        high = low[: len(low) - len(high)] + high  # ``2020-23``: the years 2020 to 2023
    first, last = (int(low), int(high)) if low.isdigit() else (ord(low), ord(high))
    return (min(first, last), max(first, last)) if first != last else None


def _in_range(markdown: str, bounds: tuple[int, int]) -> bool:
    """Whether a heading's number (``2011``, ``2011 (12 papers)``, ``📅 2019``) or its single
    letter (``C``) lies within ``bounds``."""
    words = _WORDS.findall(_name(markdown))
    if not words:
        return False
    first = words[0]
    if first.isdigit():
        value = int(first)
    elif len(words) == 1 and len(first) == 1 and first.isascii():
        value = ord(first)
    else:
        return False
    return bounds[0] <= value <= bounds[1]


def _unnumbered(markdown: str) -> str:
    """The title without the section number it starts with."""
    text = rendered_text(markdown)
    found = _SECTION_NUMBER.match(text)
    return text[found.end() :] if found else text


def _related(label: str, heading: str) -> bool:
    """Whether a line's text and a heading share a word, or the stem of one (``Videos`` and
    ``Video``), section numbers aside (``3. Tools`` and ``3. Datasets`` share none): a dead
    line is not pointed at a heading that has nothing to do with it."""
    label, heading = _unnumbered(label), _unnumbered(heading)
    words = set(_WORDS.findall(_name(label)))
    stems = {word[:_STEM] for word in words if len(word) >= _STEM}
    return any(
        word in words or (len(word) >= _STEM and word[:_STEM] in stems)
        for word in _WORDS.findall(_name(heading))
    )


def _under_contents(table: TableOfContents) -> bool:
    """Whether the table stands under a contents heading (``## Contents``, ``目录``)."""
    return table.section.heading is not None and meta_section(table.section)


def _unambiguous(doc: Document, table: TableOfContents) -> bool:
    """A table under a contents heading (``## Contents``, ``目录``), or of two links or more
    that nearly all reach headings: a short list of in-page links elsewhere may be a note."""
    if _under_contents(table):
        return True
    reached = sum(t.target is not None for t in table.links)
    return reached >= _UNAMBIGUOUS and 4 * reached >= 3 * len(table.links)


def _holds_other_links(doc: Document, table: TableOfContents) -> bool:
    """Whether the table's list has items that are not in-page links (left out of the table)."""
    top_list = table.links[0].item.top_list
    return sum(1 for item in doc.items if item.top_list == top_list) != len(table.links)


def _shown(heading: Heading) -> str:
    """The heading as a reader sees it: its rendered text (no HTML tags, no emphasis marks)."""
    return " ".join(rendered_text(heading.text).split()) or heading.text.strip()


def _escaped(heading: Heading) -> str:
    return rendered_text(heading.text).strip().replace("[", "\\[").replace("]", "\\]")
