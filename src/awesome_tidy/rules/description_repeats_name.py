from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from awesome_tidy.model import (
    Document,
    Entry,
    describe,
    link_items,
    title_cased,
    written_in_cjk,
)
from awesome_tidy.rule import Problem, Rule

# ``soilgrids provides ...``: a verb in the third person makes the name its subject.
_VERB = re.compile(r" [a-z]{2,}[^s\W]s\b")
# What follows a plural noun that looks like such a verb, never a verb's object: ``ImGui
# bindings for Nim``, ``Foo rules, tools``, ``Foo bindings.`` name what the item binds or holds.
_NOUN_FOLLOWERS = (" for ", " of ", ",", " and ", ".", " (")
# Verbs a description uses with ``for`` (``Foo provides for ...``): no plural noun.
_VERBS_WITH_FOR = frozenset({"provides", "offers", "allows", "accounts", "searches", "looks"})
# A modal verb after the name makes it the subject too: ``Foo can be used as ...``.
_MODAL = re.compile(r" (?:can|could|will|would|may|might|must|should|shall)\b")

# The last segment of an awesome list's URL, ``github.com/owner/awesome-yara``: its topic.
_AWESOME = re.compile(r"/awesome[-_.]?([^/?#]+?)/?(?:[?#].*)?$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[-_.\s]+")

# A list whose descriptions restate their item's name this often (copied project blurbs,
# ``Foo is a library for ...``) writes its descriptions that way: study 2's judges called such
# sentences the list's own style on lists where 8% to 16% of descriptions did so, study 1's
# and the corpus's lists that hold them to the convention at most 4%.
_LIST_HABIT = 0.06
# Within one section the blurbs are not diluted by the rest of the list: half of it.
_SECTION_HABIT = 0.5
# Descriptions that are the name alone (``Toss tech blog``), a third of a group's: a directory
# that names each item twice (study 21), not a slip. Never the list's share: a paper's title
# repeated in one section of a list whose directory of blogs does so is still a slip.
_ALONE_HABIT = 1 / 3
# Fewer restatements than this are slips to report, not a way of writing.
_HABIT_COUNT = 4

# A title's trailing year or note (``MAP4 (2020)``): the name the text says is what precedes it.
# No leading ``\s*``: tried from every space of a long run, it made the search quadratic.
_TITLE_NOTE = re.compile(r"\([^()]*\)\s*$")
# The name as a sentence's subject: after the start, a stop, a separator or a parenthesis.
_SUBJECT_BEFORE = r"(?:^|[.!?:;\-–—)]\s+)"
_SUBJECT_VERB = r"\s+(?:is|was|are|were|has|had|provides|offers)\b"

# The name and a few words naming what it is, then the verb (``brat rapid annotation tool is
# ...``): the name made the subject all the same, its kind in apposition. Bounded: linear.
_APPOSED_SUBJECT = re.compile(r"(?: [\w-]+){1,3}" + _SUBJECT_VERB)

# What a link's text shows beside the name, not the name: an HTML annotation set small or
# raised (``[Toss tech blog <sub>KR</sub>](url)``: its language, a price, a footnote), then any
# other tag (``<b>Foo</b>`` shows ``Foo``). A list that tags some names and not others names
# them alike all the same.
_ANNOTATION = re.compile(r"<(sub|sup|small)\b[^<>]*>[^<>]*</\1\s*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")

# A number, version, year or roman numeral right after the name, joined to it (``GPT-2``,
# ``Enterface'06``, ``SEED-IV``) or after a space and perhaps a label (``Foo 2``, ``Foo v2``,
# ``ICML 2019``, ``Foo '06``, ``Foo Project 07``, ``Foo part II``, ``Foo 2nd edition``): the
# description names one project, part, version or edition of the thing, a more specific thing
# than the item's name, not the name restated (study 8).
_LABEL = r"(?:[A-Z][a-z]*|part|project|version|edition|release|vol|volume|phase|season|no)\.?"
_QUALIFIED = re.compile(
    r"[-'’](?:[vV]?\d|[IVX]+\b)"
    rf"|\s+(?:['’]?\d|[vV]\.?\d|[IVX]{{2,}}\b|{_LABEL}\s+(?:\d|[IVX]+\b))"
)

# A name made only of common words, capitalised or not (``Deep Learning``, ``Computer
# vision``): a field's or a thing's generic term, no acronym (``OpenStreetMap API``), no word
# with capitals inside (``ChemFormula``) or digits.
_GENERIC_NAME = re.compile(r"(?:[A-Z]?[a-z]+ )+[A-Z]?[a-z]+")
# After such a name, words that qualify the term (``Deep learning methods for NLP``, ``Deep
# Learning for vision``, ``... with Python``): the description uses the term to say what the
# item covers, as a book titled with its field's name does in each section it is filed in
# (study 9), rather than restating the name. ``is``, ``has`` and the like make it the subject.
_QUALIFIER = re.compile(
    r" (?:(?!(?:is|was|are|were|has|had|provides|offers)\b)[a-z]+ )?"
    r"(?:for|in|with|on|of|using|from)\b"
)


@dataclass(frozen=True, slots=True)
class _Opening:
    """A description that opens with its item's name, as read by ``_opening``."""

    entry: Entry
    start: int
    after: int
    name: str
    redundant: bool
    """Whether it says nothing but the name (``Foo.``, ``Foo (by Jane Doe).``), a restatement
    whatever the list's habit."""


class DescriptionRepeatsName(Rule):
    name = "description-repeats-name"
    judges_entries = True
    severity = "warning"
    summary = "A description that opens with the item's own name: `[Foo](url) - Foo: ...`."

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        described = [
            (entry, start)
            for entry in link_items(doc.entries)
            if (start := _text_start(text, entry)) is not None
        ]
        read = [
            (found, "restates" if found.redundant else _reading(text, found))
            for entry, start in described
            if (found := _opening(text, entry, start))
        ]
        restated = [found for found, reading in read if reading == "restates"]
        if not restated:
            return
        # The habit counts every opening with the name, a phrase's and a subject's too: a list
        # that opens its descriptions with the name writes them so (``Foo library for ...``,
        # ``Foo is ...``).
        habit = _habits(described, [found for found, reading in read if reading], _SECTION_HABIT)
        habit[None] = habit[None] or _subject_habit(doc)
        # The name alone says nothing, whatever the list's habit of opening with the name; but
        # a group a third of whose descriptions are the name alone (``[Toss tech blog](url) -
        # Toss tech blog``, a directory of team blogs) writes them so: one more is its style.
        alone = _habits(described, [found for found in restated if found.redundant], _ALONE_HABIT)
        for found in restated:
            groups = _groups(found.entry)
            if alone[groups[-1]]:
                continue  # the name alone is the way of its own list, not of others beside it
            if not found.redundant and any(habit[group] for group in (None, *groups)):
                continue  # the list (or its section, or its list) writes its descriptions so
            yield self.problem(
                found.start, found.after, message=f"description repeats the name {found.name!r}"
            )


def _text_start(text: str, entry: Entry) -> int | None:
    """Where the words of a description after a dash or colon start (after the marks a list
    puts before its separator: ``[Tool](url) **NEW** - Tool is ...``); None for other text."""
    described = describe(text, entry)
    if described is None or described.kind != "separated" or entry.title is None:
        return None
    return described.start


def _opening(text: str, entry: Entry, start: int) -> _Opening | None:
    """The description's opening name, in any case, if it opens with it (``Flash`` opening
    ``Flashing ...`` is another word, ``Foo 2`` or ``Foo Part II`` another thing)."""
    assert entry.title is not None and entry.description is not None
    name = _name(entry.title.text)
    after = start + len(name)
    if not name or text[start:after].casefold() != name.casefold():
        return None
    if after < len(text) and text[after].isalnum() and text[after].isascii():
        return None
    if _QUALIFIED.match(text, after, entry.description.end):
        return None  # ``Foo 2``, ``Foo'06 Project 07``: a version or part of it, named
    rest = text[after : entry.description.end].strip(" .。")
    # The name alone (``Foo.``, ``土壤图。``), or with nothing but a parenthesis after it:
    # ``Foo (by Jane Doe).``
    alone = not rest or (rest.startswith("(") and rest.find(")") == len(rest) - 1)
    redundant = name[0].isalnum() and alone
    return _Opening(entry, start, after, name, redundant)


def _name(title: str) -> str:
    """The name a link's text shows, without its HTML annotations and tags (``_ANNOTATION``)."""
    if "<" not in title:
        return title.strip()
    return " ".join(_TAG.sub("", _ANNOTATION.sub("", title)).split())


_Group = tuple[str, int] | None


def _groups(entry: Entry) -> tuple[_Group, ...]:
    """The groups whose habit judges an entry: its section, then the list it is an item of (a
    nested list under a label item, ``- Team blogs``, is a section of its own), the nearest
    last."""
    section = ("section", id(entry.container))
    return (section,) if entry.item is None else (section, ("list", entry.item.list_id))


def _habits(
    described: list[tuple[Entry, int]], openings: list[_Opening], share: float
) -> defaultdict[_Group, bool]:
    """Whether the list (key None) and each of its groups (``_groups``) habitually open their
    descriptions so: at least ``_HABIT_COUNT`` of them, and ``share`` of a group's (the list's
    own share is ``_LIST_HABIT``). Where they do, that is the list's style."""
    total: defaultdict[_Group, int] = defaultdict(int)
    opened: defaultdict[_Group, int] = defaultdict(int)
    for entry, _ in described:
        for group in _groups(entry):
            total[group] += 1
    for found in openings:
        for group in _groups(found.entry):
            opened[group] += 1
    habit: defaultdict[_Group, bool] = defaultdict(bool)
    habit[None] = len(openings) >= _HABIT_COUNT and len(openings) >= _LIST_HABIT * len(described)
    for key, count in opened.items():
        habit[key] = count >= _HABIT_COUNT and count >= share * total[key]
    return habit


def _subject_habit(doc: Document) -> bool:
    """Whether the list habitually makes an entry's name the subject of a sentence about it,
    anywhere in the entry (``**Foo** by Lab. Foo was developed ...``, ``[MAP4 (2020)](url) :
    MAP4 is ...``, an encyclopedic paragraph): copied blurbs and prose, whose sentences name
    their subject as such writing does (study 7), not a list of name-less fragments."""
    titled = [entry for entry in doc.entries if entry.title is not None]
    count = sum(_names_subject(doc.text, entry) for entry in titled)
    return count >= _HABIT_COUNT and count >= _LIST_HABIT * len(titled)


def _names_subject(text: str, entry: Entry) -> bool:
    """Whether a sentence after the entry's title opens with its name and a verb."""
    assert entry.title is not None
    name = _TITLE_NOTE.sub("", entry.title.text.strip().strip("*_")).strip()
    if len(name) < 2:
        return False
    subject = re.compile(_SUBJECT_BEFORE + re.escape(name) + _SUBJECT_VERB, re.IGNORECASE)
    return subject.search(text[entry.title.end : entry.end]) is not None


def _reading(text: str, found: _Opening) -> str | None:
    """``"restates"`` where the description restates the name as a label before it (``Foo:
    ...``, ``Foo - ...``, ``Foo, ...``, ``Foo (formerly Bar): ...``); ``"subject"`` where it
    makes the name a verb's subject (``Foo is ...``, ``Foo provides ...``, ``Foo (formerly Bar)
    is ...``, ``Foo can be used ...``), which is not reported: blind studies 1-11 called 26
    such sentences restatements and 9 natural prose, with nothing in the text to tell them
    apart; ``"opens"`` where the name, as the item writes it (its first letter capitalised or
    not), only opens a phrase; None otherwise. Subjects and phrases count for the list's habit
    all the same. The name opening a phrase does not restate it:
    ten blind studies' readers never called one a restatement (``[cgraph](url) - Cgraph
    Tutorial``, ``[wordle](url) - Wordle in 50 lines of Bash``, ``[ansi](url) - ANSI escape
    codes``); a handle or tag (``#rust-lang channels for ...``) is how such names are said,
    even before a plural. A generic term for a name (``[Deep
    Learning](url) - Deep learning methods for NLP``) is used as the term when words qualify it.
    An awesome list named for its topic (``[YARA](github.com/x/awesome-yara) - YARA rules,
    tools, and people.``) is named only in part: its blurb opens with the topic to say what
    the list gathers. A paper's whole title after a dash (``_whole_title``) names the paper as
    its authors do: it only opens with the name."""
    name, after = found.name, found.after
    if _names_topic(found.entry, name):
        return None
    if text.startswith((":", "："), after):
        assert found.entry.description is not None
        if _whole_title(text, found) or _expands(text, found):
            # ``Auto4D: Learning to Label 4D Objects``: a paper's whole title; ``TACCO:
            # Transfer of Annotations to Cells and their COmbinations``: the acronym spelt out
            return "opens"
        return "restates"  # ``Firefly: 训练工具``: the name as a label before the description
    if _cjk_sentence(text, found):
        return None
    assert found.entry.description is not None
    end = found.entry.description.end
    past = _past_parenthesis(text, after, end)
    if _dashed_title(text, after, end) or _expands(text, found):
        return "opens"  # ``StyleGAN - Official TensorFlow Implementation``: the work's title
    if _labelled(text, after) or _labelled(text, past):
        return "restates"
    if not name[0].isalnum() or text.startswith(" in ", after):
        return "subject" if text.startswith(" is ", after) else None
    if _GENERIC_NAME.fullmatch(name) and _QUALIFIER.match(text, after):
        return None  # ``Deep learning methods for NLP``: the term, not the name
    # Only a verb makes it the subject, right after it or after its kind (``brat annotation
    # tool is ...``): the name opening a phrase (``Cgraph tutorial.``,
    # ``Issues on GitLab``, ``Wordle in 50 lines of Bash``) says what the link is.
    if (
        text.startswith(" is ", past)
        or _verb_follows(text, past, end)
        or _APPOSED_SUBJECT.match(text, past, end)
        or _MODAL.match(text, past, end)
    ):
        return "subject"
    return "opens" if text[found.start : after] in (name, name[0].upper() + name[1:]) else None


# The label's mark after the name, then the words that spell it out up to a stop or a
# parenthesis (``TACCO: Transfer of Annotations to Cells and their COmbinations``).
_EXPANSION = re.compile(r"\s*(?:[:：,]|\s[-–—]|\s?\()\s*([^.()（）\n]+)")


def _expands(text: str, found: _Opening) -> bool:
    """Whether the name, as a label, opens the words its letters stand for: the capitals of
    what follows spell the name (``BERT: Bidirectional Encoder Representations from
    Transformers``, ``TACCO: Transfer of Annotations to Cells and their COmbinations``). An
    acronym spelt out says what the name means, more than the name (study 2026-12-07-13)."""
    assert found.entry.description is not None
    letters = "".join(char for char in found.name if char.isalpha()).upper()
    expansion = _EXPANSION.match(text, found.after, found.entry.description.end)
    if len(letters) < 2 or not letters.isascii() or expansion is None:
        return False
    capitals = "".join(char for char in expansion.group(1) if char.isupper())
    return capitals == letters and len(expansion.group(1).split()) >= 2


def _whole_title(text: str, found: _Opening) -> bool:
    """Whether the description after a dash is a paper's whole title, the name and a subtitle
    in title case after a colon (``[Auto4D](url) - Auto4D: Learning to Label 4D Objects``).
    After a colon the link and the text already make that title (``[Foo](url): Subtitle``):
    ``[Foo](url): Foo: Subtitle`` says the name twice."""
    assert found.entry.description is not None
    if not title_cased(text[found.after + 1 : found.entry.description.end]):
        return False
    described = describe(text, found.entry)
    return described is not None and not any(
        char in ":：" for char in text[slice(*described.separator)]
    )


# A dash after the name, then the rest of a work's own title (``StyleGAN - Official TensorFlow
# Implementation``, as the repository titles itself).
_TITLE_DASH = re.compile(r" [-–—] ")


def _dashed_title(text: str, after: int, end: int) -> bool:
    """Whether the description is a work's whole title, the name, a dash and a tagline in
    title case (``StyleGAN - Official TensorFlow Implementation.``): the upstream project's
    own title, which says more than the name, as a paper's ``Name: Subtitle`` does (study 26).
    A tagline in lower case (``Git - the stupid content tracker``) stays a label restated."""
    dash = _TITLE_DASH.match(text, after, end)
    return dash is not None and title_cased(text[dash.end() : end].rstrip(" .。"))


def _past_parenthesis(text: str, after: int, end: int) -> int:
    """Where the description goes on after a parenthesis right after the name (``Nim
    (formerly Nimrod) is ...``), or ``after`` where none follows it."""
    if not text.startswith(" (", after):
        return after
    close = text.find(")", after, end)
    return close + 1 if close != -1 else after


def _verb_follows(text: str, after: int, end: int) -> bool:
    """Whether a verb in the third person follows the name (``Foo fetches pages``), not a
    plural noun that looks like one (``Foo bindings for Nim``, ``Foo rules, tools``)."""
    verb = _VERB.match(text, after, end)
    if verb is None:
        return False
    if verb.group().strip() in _VERBS_WITH_FOR:
        return True
    return verb.end() < end and not text.startswith(_NOUN_FOLLOWERS, verb.end())


def _cjk_sentence(text: str, found: _Opening) -> bool:
    """Whether what follows the name is written in CJK (``Pillow 是一个更加易用版的 PIL``,
    ``Mailjet API 实现``): a Chinese or Japanese description names its subject, there is no
    habit of dropping it as English fragments (``A library for ...``) do."""
    assert found.entry.description is not None
    return written_in_cjk(text[found.after : found.entry.description.end])


def _labelled(text: str, after: int) -> bool:
    """Whether the name is followed by what makes it a label: ``:``, ``-``, ``,``."""
    return text.startswith((":", " -", " –", " —", ","), after)


def _names_topic(entry: Entry, name: str) -> bool:
    """Whether the item's name links to an awesome list whose topic is ``name``
    (``awesome-yara``); a badge to one beside a program's own link leaves the program named."""
    link = entry.title_link
    topic = _AWESOME.search(link.url.text) if link is not None else None
    return topic is not None and _SEPARATORS.sub("", topic.group(1)).casefold() == (
        _SEPARATORS.sub("", name).casefold()
    )
