from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import replace

from awesome_tidy.model import (
    EMOJI_SHORTCODE,
    Described,
    Document,
    Entry,
    ListItem,
    Section,
    describe,
    dominant,
    is_credit,
    is_kind_label,
    is_paper_url,
    link_items,
    opening_label,
    own_marks,
)
from awesome_tidy.rule import SEPARATOR, TEXT, Edit, Fix, Problem, Rule


class LinkItemFormat(Rule):
    name = "link-item-format"
    judges_entries = True
    severity = "warning"
    summary = "A `[Name](url) - Description` item whose separator differs from the list's."
    fix_safety = "safe"
    changes = (SEPARATOR, TEXT)

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        items = link_items(doc.entries)
        # The list's own mark after the name of several items (``[awesome-flask](url) 系列``)
        # is no description: such an item has no separator to miss.
        marks = own_marks(items)
        labelled = _labelled(text, items)
        described = [
            (entry, found)
            for entry in items
            if not _names_a_kind(entry)
            and entry.description is not None
            and entry.description.text.strip() not in marks
            and id(entry) not in labelled
            and (found := describe(text, entry)) is not None
            # A separator ending its line (``**[A](url)** -`` over a line of links) parts the
            # name from nothing on it: no habit to vote for, no separator to mend (study 7).
            and "\n" not in text[slice(*found.separator)]
        ]
        # ``[Name](url) - [Mirror](url): Text``: the dash parts the name from a companion link,
        # and the separator to judge is the one before the text, after the companion links.
        before_companions = [
            (entry, found) for entry, found in described if _opens_companion(text, found)
        ]
        described = _past_companions(text, described)
        notes = _among_notes(doc.entries, items)
        # Copies of one item vote once: deleting a duplicate must not turn the list's habit.
        voters = {entry.body.text: found for entry, found in described}.values()
        separated = [text[slice(*found.separator)] for found in voters if found.kind == "separated"]
        # A convention only where most described items use a separator, and most of those one:
        # a paper list of bare title links with notes after them, or a list of prose items
        # (``[spaCy](url) is a library ...``), has none to hold an item to.
        # A habit three in four of the items hold is the list's own, and outranks a section's.
        firm = dominant(separated, _CONVENTION)
        canonical = firm or _awesome_lint(separated)
        if canonical is None or len(separated) * 2 <= len(voters):
            return
        if not _holds_among_joins(text, items, separated, canonical):
            return
        behind = _behind_links(text, items, {id(entry) for entry, _ in described})
        written = _separators_by_section(text, described, behind)
        sections = _section_separators(written, canonical, firm=firm is not None)
        dresses = _dress_separators(text, described)
        credited = _credited_sections(text, items)
        # ``[Name:](url) Text``: the separator is there, written at the end of the link text.
        inside = _inside_links(text, described)
        # Several items, differently named, writing it so are the list's own way (study 23).
        inside_habit = len({name for name, _ in inside.values()}) >= _SECTION_VOTERS
        # Such an item writes no text straight after the name: no vote for that habit.
        unseparated, second = _unseparated_sections(
            [(entry, found) for entry, found in described if id(entry) not in inside]
        )
        # Held only by the list's second habit, a dashless item among the dashed items of its
        # own list is still a stray.
        loose = {id(entry) for entry in _strays(described) if id(entry.section) in second}
        # A Markdown list of its own (under a bold label) written without a separator keeps
        # that habit, whatever its section's (three dashless items under ``**Ground**``).
        own_lists = _dashless_lists(described) if _second_habit(described) else set()
        hyphens = " - " in separated
        spelt = _spellings(separated)
        stretches = _stretches(text, described, sections)
        proper = _proper_nouns(text, described)
        found_here: list[tuple[Entry, str, Problem]] = []
        # Among several items written so, a separator in the link text is the list's own way.
        judged = [pair for pair in described if not (inside_habit and id(pair[0]) in inside)]
        # The dash before a companion link is the list's own where it writes one there, and
        # is held to its spacing (``)- [[CODE]](url)`` where the list writes `` - ``).
        judged += [
            (entry, found)
            for entry, found in before_companions
            if (companion := text[slice(*found.separator)]) != canonical
            and companion.strip() == canonical.strip() != ""
        ]
        for entry, found in judged:
            dressed = dresses.get(_bold(text, entry), canonical)
            here = sections.get(id(entry.section), dressed)
            if here is None or dressed is None or id(entry) in stretches:
                # A section, or the names dressed alike, mixing separators (8 to 4) have no
                # convention to hold to; nor does a stretch of small sections written alike.
                continue
            separator = text[slice(*found.separator)]
            if (
                found.kind in ("prose", "below")
                or separator == here
                or _apposed_kind(text, found, proper)
            ):
                continue
            titled = _titled(text, entry, found)
            if titled and id(entry.section) in unseparated:
                # Where items write their text straight after the name, ``[FuXi-Extreme](url):
                # Improving ...`` is the paper title ``FuXi-Extreme: Improving ...`` (study 25).
                continue
            if firm is not None and separator == dressed:
                # An item following the list's firm habit where its section keeps another is
                # no slip: which of the two it should follow is a human's choice (study 17).
                continue
            if (
                _rendered(text[slice(*found.separator)]) == _rendered(here)
                and spelt.get(_rendered(here)) != here
            ):
                # Spacing that renders alike (`` - `` and ``  - ``) is held to a habit only
                # where one spelling holds three in four of the items: 243 to 175 is none
                # (study 13).
                continue
            if found.kind == "bare" and (
                id(entry.item) in notes
                or id(entry.section) in credited
                or (id(entry.section) in unseparated and id(entry) not in loose)
                or (entry.item is not None and entry.item.top_list in own_lists)
                or _separated_later(text, found, canonical)
            ):
                # A link opening one of a paper's notes is not an item of the list; text run
                # on to the name among items that credit their authors (``by Jane Doe``) is
                # read as a credit; a section (or the heading over it) that writes its text
                # straight after the name has no separator to miss; a short run of the item's
                # own marks the reader does not know (``★ 1.2k``) before the list's separator
                # leaves no separator missing.
                continue
            # A fix moves the item only to a separator its section and the list agree on, or
            # to its section's where the list holds none firmly (most used is no habit).
            agreed = here == dressed or firm is None
            problem = self._problem(
                text,
                found,
                here,
                hyphens,
                agreed=agreed and not titled,
                inside=inside.get(id(entry)),
            )
            found_here.append((entry, separator, problem))
        yield from _kept_whole(written, found_here)

    def _problem(
        self,
        text: str,
        found: Described,
        canonical: str,
        hyphens: bool,
        *,
        agreed: bool,
        inside: tuple[str, tuple[int, int]] | None,
    ) -> Problem:
        """The finding; a fix only moves the item to a separator its section and the list
        agree on (``agreed``), one mark for one mark. ``inside``: the separator the item
        writes at the end of its link text (``_inside_links``), if it does."""
        if inside is not None:
            # A separator misplaced into the link text is no separator missing: reported as
            # what it is, without a fix (moving it out would change the link's text).
            mark_start, mark_end = inside[1]
            return self.problem(
                mark_start,
                mark_end,
                message=(
                    f"separator {text[mark_start:mark_end]!r} inside the link text where the "
                    f"list writes {canonical!r} after the link"
                ),
            )
        start, end = found.separator
        if found.kind == "separated":
            fix: Fix | None = Fix.safe(Edit(start, end, canonical)) if agreed else None
            # awesome-lint's `` - `` in a list that writes it elsewhere too is a choice the
            # list makes: a safe fix never turns it into another dash (study 4).
            if hyphens and text[start:end] == " - " and canonical.strip() in _OTHER_DASHES:
                fix = None
            return self.problem(
                start,
                end,
                message=(
                    f"{text[start:end]!r} between name and description where the list uses "
                    f"{canonical!r}"
                ),
                fix=fix
                if _one_mark(text[start:end]) and not _spaced_otherwise(text, start, end)
                else None,
            )
        # Where the name ends and the text begins is a human's reading: no fix.
        shown = canonical.strip() or canonical
        return self.problem(start, end, message=f"no {shown!r} between name and description")


# A section holds its own separator when this many of its items, and most of them, use it.
_SECTION_VOTERS = 3
# A separator is the convention where three in four separated items use it, as for the other
# habits: a section writing en dashes and hyphens 8 to 4 has none (study 4).
_CONVENTION = 0.75
_OTHER_DASHES = frozenset("–—")
_MARKS = frozenset("-–—:：")


# A separator written at the end of a link's text, before any emphasis closing in it: a colon
# (``[Name:](url)``, ``[Name :](url)``) or a dash after a space (``[Name -](url)``,
# ``[Name –](url)``; ``[C-](url)`` may be a name).
_INSIDE = re.compile(r"\S(?P<mark>[ \t]*[:：]|[ \t]+[-–—])[ \t]*(?:\*\*|__|\*|_)?[ \t]*$")


def _inside_links(
    text: str, described: list[tuple[Entry, Described]]
) -> dict[int, tuple[str, tuple[int, int]]]:
    """The items (by id) read as missing their separator whose link text ends with one
    (``[BlockLLM:](url) Multi-tenant serving``): the separator is there, misplaced into the
    link, never missing. Each with its link text and the span of its mark there. A
    shortcode closing the link text (``[Tool :rocket:](url)``) is an emoji, no separator."""
    inside: dict[int, tuple[str, tuple[int, int]]] = {}
    for entry, found in described:
        link = entry.title_link
        if found.kind != "bare" or link is None:
            continue
        label = link.label
        written = _INSIDE.search(label.text)
        if written is None or any(
            code.end() == written.end("mark") for code in EMOJI_SHORTCODE.finditer(label.text)
        ):
            continue
        mark = label.start + written.end("mark") - 1
        inside[id(entry)] = (label.text, (mark, mark + 1))
    return inside


def _section_separators(
    by_section: dict[int, list[str]], canonical: str, *, firm: bool
) -> dict[int, str | None]:
    """Each section's own separator (by the section's id), where one is established: a section
    written apart (``[甲](url)：一个工具`` under a Chinese heading of a `` - `` list) follows its
    own convention, and its items are held to that, not to the rest of the list's. None for a
    section that leans to another separator than the list's without a clear majority (en dashes
    and hyphens 8 to 4): it has no convention to hold its items to. Where the list's own habit
    is not firm, two items of a section writing one separator, and none another, are a section
    consistent in itself: nothing to hold them to (study 19). ``by_section``: the separators
    each section's items write (``_separators_by_section``)."""
    own: dict[int, str | None] = {}
    for section, separators in by_section.items():
        if len(separators) < _SECTION_VOTERS:
            if not firm and len(separators) >= 2 and len(set(separators)) == 1:
                own[section] = separators[0]
            continue
        separator = dominant(separators, _CONVENTION)
        if separator is not None or Counter(separators).most_common(1)[0][0] != canonical:
            own[section] = separator
    return own


def _separators_by_section(
    text: str, described: list[tuple[Entry, Described]], behind: dict[int, list[str]]
) -> defaultdict[int, list[str]]:
    """The separators each section's items write (by the section's id), those behind a link
    opening an item's text (``behind``) counted."""
    by_section: defaultdict[int, list[str]] = defaultdict(
        list, {k: list(v) for k, v in behind.items()}
    )
    for entry, found in described:
        if found.kind == "separated":
            by_section[id(entry.section)].append(text[slice(*found.separator)])
    return by_section


# Links opening an item's text right after its name (``[XAIN](url) [[Github]](url): Text``),
# then a separator and words: the item is not judged (its text opens with another link), yet
# the separator it writes is one of its section's.
_BEHIND_LINKS = re.compile(
    r"(?:[ \t]*\[(?:[^\[\]\n]|\[[^\[\]\n]*\])+\]\([^()\s]+\))+"
    r"(?P<separator>[ \t]*[-–—:：][ \t]+)(?=[^\W_])"
)


def _behind_links(text: str, items: list[Entry], judged: set[int]) -> dict[int, list[str]]:
    """The separators (by section id) written after links that open the text of items not
    otherwise read as described: they count among their section's, so that a section writing
    ``: `` on each of its three items is read as writing it, the one after a link too."""
    behind: defaultdict[int, list[str]] = defaultdict(list)
    for entry in items:
        if id(entry) in judged or entry.description is None:
            continue
        start = entry.separator.start if entry.separator is not None else entry.description.start
        found = _BEHIND_LINKS.match(text, start, entry.description.end)
        if found is not None:
            behind[id(entry.section)].append(found["separator"])
    return behind


def _kept_whole(
    before: dict[int, list[str]], found: list[tuple[Entry, str, Problem]]
) -> Iterator[Problem]:
    """The findings, less the fixes that would leave a section mixed that writes one separator
    throughout (``before``: the separators each section writes): a section's items move
    together, every one of them or none (study 19)."""
    after = {section: Counter(separators) for section, separators in before.items()}
    for entry, separator, problem in found:
        if problem.fix is not None:
            moved = after[id(entry.section)]
            moved[separator] -= 1
            moved[problem.fix.edits[0].text] += 1
    mixed = {
        section
        for section, separators in before.items()
        if len(set(separators)) == 1 and len(+after[section]) > 1
    }
    for entry, _, problem in found:
        if problem.fix is not None and id(entry.section) in mixed:
            problem = replace(problem, fix=None)
        yield problem


def _unseparated_sections(
    described: list[tuple[Entry, Described]],
) -> tuple[set[int], set[int]]:
    """The sections (by id) whose items write their text straight after the name, with no
    separator: the nearest of the section and the headings over it whose items (its
    subsections' counted) hold a habit, one way or the other, holds that of no separator. A
    part of the list written apart (``[Tool](url) ![badge] Graph viewer`` under one heading and
    its subsections, `` - `` elsewhere) keeps its own way, while a stray item without its
    separator in a section that writes one is still found (study 15). With them, the sections
    held by the list's second habit alone, no part of the list around them holding either."""
    votes: defaultdict[int, Counter[str]] = defaultdict(Counter)
    for entry, found in described:
        section: Section | None = entry.section
        while section is not None:
            votes[id(section)][found.kind] += 1
            section = section.parent
    held: set[int] = set()
    by_second: set[int] = set()
    second = _second_habit(described)
    for section in {id(entry.section): entry.section for entry, _ in described}.values():
        around: Section | None = section
        while around is not None:
            bare, separated = votes[id(around)]["bare"], votes[id(around)]["separated"]
            if max(bare, separated) >= _SECTION_VOTERS and max(bare, separated) >= _CONVENTION * (
                bare + separated
            ):
                if bare > separated:
                    held.add(id(section))
                break
            around = around.parent
        else:
            if second:
                by_second.add(id(section))
    return held | by_second, by_second


def _second_habit(described: list[tuple[Entry, Described]]) -> bool:
    """Whether text straight after the name, on a quarter of the items and five or more, is a
    second habit of the list's (paper entries ``[Model](url) Title (venue, date)`` beside
    dashed tools): an item written so is held to it unless a part of the list around it, or
    its neighbours, hold the other."""
    kinds = Counter(found.kind for _, found in described)
    return (
        kinds["bare"] >= _SECOND_HABIT and kinds["bare"] * 4 >= kinds["bare"] + kinds["separated"]
    )


def _dashless_lists(described: list[tuple[Entry, Described]]) -> set[int]:
    """The Markdown lists (by number) whose items write their text straight after the name:
    two or more and none with a separator, or three or more and three in four of them."""
    kinds: defaultdict[int, Counter[str]] = defaultdict(Counter)
    for entry, found in described:
        if entry.item is not None:
            kinds[entry.item.top_list][found.kind] += 1
    return {
        number
        for number, counted in kinds.items()
        if (counted["bare"] >= 2 and not counted["separated"])
        or (
            counted["bare"] >= _SECTION_VOTERS
            and counted["bare"] >= _CONVENTION * (counted["bare"] + counted["separated"])
        )
    }


def _strays(described: list[tuple[Entry, Described]]) -> list[Entry]:
    """The items writing their text straight after the name between two separated items of
    their own list (one Markdown list, under a bold label or a heading), items without a
    description passed over: a dashless item among dashed ones."""
    blocks: defaultdict[int, list[tuple[Entry, str]]] = defaultdict(list)
    for entry, found in described:
        if found.kind in ("bare", "separated") and entry.item is not None:
            blocks[entry.item.top_list].append((entry, found.kind))
    return [
        entry
        for block in blocks.values()
        for index, (entry, kind) in enumerate(block)
        if kind == "bare"
        and 0 < index < len(block) - 1
        and block[index - 1][1] == block[index + 1][1] == "separated"
    ]


# The name, a proper noun and what kind of thing it is (``[scDD](url) R package to ...``,
# ``[NovoSpaRc](url) Python package and protocol ...``): "the scDD R package", a noun phrase
# that goes on from the name, as ``[MultiMAP](url) dimensionality reduction algorithm`` does.
_KIND_NOUNS = (
    "package|library|toolkit|toolbox|framework|module|implementation|wrapper|plugin|plug-in"
    "|bindings|port|protocol|pipeline|tool|suite|interface|client|server|app|extension"
)
_APPOSED_KIND = re.compile(rf"([A-Z][\w+#/-]*)[ \t]+(?:{_KIND_NOUNS})s?\b")
# A word the list writes capitalised after a lower-case word (``an R package``, ``in
# Python``): a proper noun, not a description's first word set in sentence case (``Fast``).
_MID_SENTENCE = re.compile(r"\b[a-z]+[ \t]+([A-Z][\w+#/-]*)")


def _proper_nouns(text: str, described: list[tuple[Entry, Described]]) -> frozenset[str]:
    """The words the list writes capitalised inside a sentence (``_MID_SENTENCE``), where the
    list's text run on to a name mostly goes on as the name's phrase (``[MultiMAP](url)
    dimensionality reduction algorithm``): three such items or more, and more than those
    that read as a description missing its separator. Elsewhere (``[pg](url) PostgreSQL client
    and ORM`` among dashless items of another kind) a dashless item is a slip, and none."""
    kinds = Counter(found.kind for _, found in described)
    if kinds["prose"] < _SECTION_VOTERS or kinds["prose"] <= kinds["bare"]:
        return frozenset()
    return frozenset(_MID_SENTENCE.findall(text))


def _apposed_kind(text: str, found: Described, proper: frozenset[str]) -> bool:
    """Whether text run on to the name opens with a proper noun and a kind of thing
    (``[scDD](url) R package to identify ...``): the name's own noun phrase, no description
    missing its separator (study 2026-12-07-13). A word set in sentence case (``Fast library
    for ...``) is no proper noun: that item still misses its separator."""
    apposed = _APPOSED_KIND.match(text, found.start) if found.kind == "bare" else None
    return apposed is not None and apposed.group(1) in proper


# The items, and the share of them, writing their text straight after the name that make it a
# habit of the list's beside its separator.
_SECOND_HABIT = 5


# Links opening the text after a separator (``- [Mirror](url)``), then the separator before the
# words: the companion links of the name.
_COMPANIONS = re.compile(
    r"(?:[ \t]*\[(?:[^\[\]\n]|\[[^\[\]\n]*\])+\]\([^()\s]+\))+"
    r"(?P<separator>[ \t]*[-–—:：][ \t]+)(?=[^\W_])"
)
_LINK_OPENS = re.compile(r"\[(?:[^\[\]\n]|\[[^\[\]\n]*\])+\]\(")


def _past_companions(
    text: str, described: list[tuple[Entry, Described]]
) -> list[tuple[Entry, Described]]:
    """The described items, those whose text opens with a link after the separator
    (``[LatamGPT](url) - [Model card](url): First ...``) read past their companion links: the
    separator is then the one before the words. An item whose companion links no separator
    follows has none to judge, and is left out."""
    read: list[tuple[Entry, Described]] = []
    for entry, found in described:
        if not _opens_companion(text, found):
            read.append((entry, found))
            continue
        assert entry.description is not None
        past = _COMPANIONS.match(text, found.start, entry.description.end)
        if past is not None:
            span = past.span("separator")
            read.append((entry, Described("separated", span, span[1])))
    return read


def _opens_companion(text: str, found: Described) -> bool:
    """Whether a link follows the separator: a companion of the name, not its description."""
    return found.kind == "separated" and _LINK_OPENS.match(text, found.start) is not None


# A name written as a model's (``FuXi-Extreme``, ``NeuralGCM``, ``MetNet-3``): one word with a
# capital inside it, a hyphen or a digit.
_MODEL_NAME = re.compile(r"[A-Za-z0-9]\S*(?:[a-z][A-Z]|[A-Z]{2}|-|\d)\S*|\S*\d\S*")


def _titled(text: str, entry: Entry, found: Described) -> bool:
    """Whether a colon after the name may be a paper title's own: ``[FuXi-Extreme](arxiv):
    Improving ...`` reads ``FuXi-Extreme: Improving ...``, a model's name linked to its paper
    then the paper's title, glued to the name and followed by a capital. A fix never rewrites
    it."""
    link = entry.title_link
    start, end = found.separator
    if link is None:
        return False
    url = link.url.text.strip()
    return (
        is_paper_url(url)
        and text[start:end] == ": "
        and _MODEL_NAME.fullmatch(link.label.text) is not None
        and text[end : end + 1].isupper()
    )


def _stretches(
    text: str, described: list[tuple[Entry, Described]], sections: dict[int, str | None]
) -> set[int]:
    """The items (by id) of sections too small for a habit of their own that run on, with
    neighbouring ones, in one separator for three items or more: a part pasted from another
    list (`` - `` under five short headings of a ``: `` list) keeps its own separator, and
    mending it to the list's leaves that part mixed (study 14)."""
    runs: list[list[tuple[Entry, str]]] = []
    for entry, found in described:
        if found.kind != "separated":
            continue
        separator = text[slice(*found.separator)]
        if runs and runs[-1][-1][1] == separator:
            runs[-1].append((entry, separator))
        else:
            runs.append([(entry, separator)])
    voters = Counter(id(entry.section) for run in runs for entry, _ in run)
    return {
        id(entry)
        for run in runs
        if len(run) >= _SECTION_VOTERS and len({id(entry.section) for entry, _ in run}) > 1
        for entry, _ in run
        if voters[id(entry.section)] < _SECTION_VOTERS and id(entry.section) not in sections
    }


def _bold(text: str, entry: Entry) -> bool:
    """Whether the item's name is in bold (``**[Name](url)**``, ``[**Name**](url)``)."""
    link = entry.title_link
    assert link is not None  # a link item's title is its link
    return link.label.text.startswith(_BOLD) or text[max(link.start - 2, 0) : link.start] in _BOLD


_BOLD = ("**", "__")


def _dress_separators(
    text: str, described: list[tuple[Entry, Described]]
) -> dict[bool, str | None]:
    """The separator of the items whose names are dressed alike (in bold, or not), where a list
    writes both: its bold names may keep a habit of their own (`` - `` after bold names, ``: ``
    after plain links), and three of them with no clear majority (two `` - `` to two ``: ``) have
    no convention to hold an item to (study 7). Dresses with fewer voters follow the list's."""
    by_dress: defaultdict[bool, dict[str, str]] = defaultdict(dict)
    for entry, found in described:
        if found.kind == "separated":
            by_dress[_bold(text, entry)][entry.body.text] = text[slice(*found.separator)]
    if len(by_dress) < 2:
        return {}
    return {
        dress: dominant(list(separators.values()), _CONVENTION)
        for dress, separators in by_dress.items()
        if len(separators) >= _SECTION_VOTERS
    }


def _credited_sections(text: str, items: list[Entry]) -> set[int]:
    """The sections (by id) where at least three items, and most of those with text after the
    name, credit their authors (``[Book](url) by Jane Doe (2018)``): there an item's text run
    on to the name (``Editors-in-Chief Jane Doe (2018)``) is a credit of another wording, not
    a description missing its separator (study 7)."""
    credits: Counter[int] = Counter()
    texts: Counter[int] = Counter()
    for entry in items:
        if entry.description is not None:
            texts[id(entry.section)] += 1
            credits[id(entry.section)] += is_credit(text, entry)
    return {
        section
        for section, count in credits.items()
        if count >= _SECTION_VOTERS and count * 2 > texts[section]
    }


# How far after the name a list's separator may follow the item's own marks (``★ 1.2k``).
_MARKS_WIDTH = 12


def _separated_later(text: str, found: Described, canonical: str) -> bool:
    """Whether the list's separator follows close after the name, behind marks of the item's own."""
    start = found.start
    return (
        canonical.strip() != "" and canonical in text[start : start + _MARKS_WIDTH + len(canonical)]
    )


def _one_mark(separator: str) -> bool:
    """Whether the separator is one dash or colon between spaces. A doubled one (`` -- ``,
    ``：：``) is an ASCII stand-in for a dash or a typo, an arrow (`` -> ``, `` => ``) a
    separator of another kind, and a comma after the item's marks (``:star:, Text``) may not
    part name and text at all: each is a human's to mend; the fixer takes one mark for another."""
    return separator.strip() in _MARKS


def _spaced_otherwise(text: str, start: int, end: int) -> bool:
    """Whether another space (``U+3000``, a no-break space) touches the separator (`` -　A``):
    the list's separator put there would leave two spaces, so the spacing is a human's to mend."""
    return any(
        char.isspace() and char not in " \t\n"
        for char in text[start - 1 : start] + text[end : end + 1]
    )


def _among_notes(entries: list[Entry], items: list[Entry]) -> set[int]:
    """The list items (by id) that open one of a list of notes in prose (``- Table 1 compares
    ...`` under a paper): most items of their own list (siblings under one parent) are no
    link items, or, nested under an entry, any one of them is a note in prose (``- A model
    made by the lab`` beside ``- [v1 paper](url) Link & [v2 paper](url)``): those items hold
    the entry's notes and links, and a link opening one has no separator to miss."""
    linked = {id(entry.item) for entry in items}
    described = {id(entry.item) for entry in entries if entry.item is not None}
    sections = {id(entry.section): entry.section for entry in items}
    notes: set[int] = set()
    for section in sections.values():
        siblings: defaultdict[tuple[int, int], list[ListItem]] = defaultdict(list)
        for item in section.items:
            siblings[(item.top_list, id(item.parent))].append(item)
        for group in siblings.values():
            count = sum(id(item) in linked for item in group)
            under_entry = group[0].parent is not None and id(group[0].parent) in described
            if count * 2 <= len(group) or (under_entry and count < len(group)):
                notes.update(id(item) for item in group)
    return notes


# Items whose text after the name opens with a label make a way of writing of the list's own
# when at least this many, differently named, do so.
_LABELLED_NAMES = 3


def _labelled(text: str, items: list[Entry]) -> set[int]:
    """The items (by id) whose text right after the name opens with a label (``Paper: ...``,
    ``Code: ...``), where at least three differently named items do: labelled text is the
    list's own way of writing after a name, not a description missing its separator (study 8).
    Remarks (``Note: ...``) are no descriptions anywhere (``describe``)."""
    found = {id(entry): entry for entry in items if opening_label(text, entry) is not None}
    names = {entry.title.text for entry in found.values() if entry.title is not None}
    return set(found) if len(names) >= _LABELLED_NAMES else set()


def _names_a_kind(entry: Entry) -> bool:
    """``- [code](url) notes``: the link names what it points at, not an item of the list."""
    link = entry.title_link
    return link is not None and is_kind_label(link.label.text)


# A comma after the name (``[Tool](url), A tool for ...``) is read as no separator (it opens a
# paper's credits), yet a list may join its names and descriptions that way.
_COMMAS = frozenset(",，")


def _holds_among_joins(text: str, items: list[Entry], separated: list[str], canonical: str) -> bool:
    """Whether the list's separator is still its habit, learnt the same way, among all the ways
    its items join name and text, commas counted: a list writing ``[Tool](url), A tool`` 29
    times and `` - `` five times has no dash habit to rewrite a colon to (study 12)."""
    commas = [
        entry.body.text
        for entry in items
        if entry.separator is not None
        and entry.description is not None
        and text[entry.separator.start : entry.separator.end].strip() in _COMMAS
        and not _names_a_kind(entry)
    ]
    # Copies of one item vote once, as for the separated items.
    joins = separated + [","] * len(set(commas))
    return (dominant(joins, _CONVENTION) or _awesome_lint(joins)) == canonical


# Runs of spaces and tabs render as one space: ASCII ones only (a no-break space shows).
_SPACES = re.compile(r"[ \t]+")


def _rendered(separator: str) -> str:
    """The separator as it renders, its runs of spaces collapsed."""
    return _SPACES.sub(" ", separator)


def _spellings(separated: list[str]) -> dict[str, str | None]:
    """For each separator as rendered, the spelling three in four of the items rendering it
    use; None where no spelling holds that many."""
    by_rendering: dict[str, list[str]] = defaultdict(list)
    for separator in separated:
        by_rendering[_rendered(separator)].append(separator)
    return {shown: dominant(spelt, _CONVENTION) for shown, spelt in by_rendering.items()}


def _awesome_lint(separated: list[str]) -> str | None:
    """awesome-lint's `` - `` where no separator leads and it is one of the most used."""
    counts = Counter(separated)
    return " - " if counts and counts[" - "] == max(counts.values()) else None
