from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.model import (
    EMOJI_SHORTCODE,
    Document,
    Entry,
    ListItem,
    describe,
    dominant,
    emoji_start,
    is_byline,
    is_cjk,
    is_credit,
    link_items,
    own_marks,
    written_in_cjk,
)
from awesome_tidy.rule import TEXT, Edit, Fix, Problem, Rule

_TERMINAL = ".!?…。！？"
# What closes quotes and emphasis (``~~struck through.~~`` ends with its period).
_CLOSING = "\"'”’*_~"
# Symbols that end a word as a letter does (``costs $``, ``C++``, ``5%``).
_WORDLIKE = "$€£¥%+"
# An abbreviation's period (``Barron et al.``, ``etc.``, ``e.g.``, an initial ``J.``) is part of
# the word, not a full stop: such an ending counts for neither habit, and no fix removes it.
_ABBREVIATION = re.compile(
    r"(?:al|[Ee]tc|vs|cf|Proc|Inc|Ltd|Corp|Co|Jr|Sr|Dr|Prof|[A-Z]|(?:[A-Za-z]\.)+[A-Za-z])\."
)

# A sentence's end inside the description: a CJK stop before more text, or a Latin one before
# a capital (``Fast. Small``). Such a description is sentences, held to end with a stop too.
# A script without capitals (Hangul, kana, ideographs) opens its next sentence with any of its
# letters: ``샘플 코드. 여러가지 ...`` is two sentences as ``Fast. Small`` is.
_INNER_STOP = re.compile(
    r"[。！？](?=\s*[^\s”’」』）)])|[.!?](?=\s+[A-Z\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3])"
)
# A sentence may open with a number as well (``modelo pequeñísimo. 8 idiomas``, ``Tiny model.
# 54 voices``), after a word that is no abbreviation: ``Vol. 2``, ``Fig. 3``, ``pp. 12`` and
# ``Proc. 2020`` number what they name, and ``3.2. 5`` has no word before its stop.
_DIGIT_SENTENCE = re.compile(r"\b([^\W\d_]{3,})[.!?]\s+\d")
_NUMBERING = frozenset(
    {
        "vol", "vols", "fig", "figs", "pp", "no", "nos", "sec", "sect", "eq", "eqs", "ch",
        "chap", "art", "tab", "ref", "refs", "suppl", "approx", "ed", "eds", "nr", "bd", "vs",
    }
)  # fmt: skip

# A sentence's finite verb ending the description, in the languages that mark it: Korean
# ``정리해 놓았다``, ``제공합니다``, ``있어요``; Japanese ``まとめました``, ``便利です``. Such a
# description is a sentence, whose stop a list's habit of bare noun phrases does not govern;
# a noun phrase ending in a stop (``스크립트를 참고.``, ``サンプル集。``) has no such ending.
_JAPANESE_VERB = re.compile(
    r"(?:です|ます|ました|でした|ません|ている|てる|した|った|いた|んだ|のだ|である)\Z"
)
_KOREAN_POLITE = re.compile(r"(?:니다|[어아해여워와에예세지네데래까]요)\Z")
# Stems that end in an open syllable before ``다`` (``도구이다``, ``사용하다``, ``다르다``);
# after a closed syllable (``놓았다``, ``한다``, ``있다``) ``다`` is a verb's end as well. A noun
# ending in ``다`` after an open syllable (``바다``, sea) stays a noun.
_KOREAN_OPEN_STEMS = "이하되르크쁘지주보내나치가오시"

# An ellipsis (``DL, MIR, ...``, ``scikit-learn,...``, an aside trailing off ``생각이 듦..``)
# trails off: it is no full stop, and removing its last period leaves a dangling comma (study
# 4). Two dots are one as three are: no sentence ends with two periods (study 33).
_ELLIPSIS = ("..", "…")

# Markers after a description's last word: emoji (``🔥``, ``✅``), shortcodes (``:fire:``) and a
# shortcode broken at its end (``13 entries. :100``). They are no words: the description ends
# before them, and its stop goes before them too (a stop after ``:100`` is a new defect,
# study 33).
_BROKEN_SHORTCODE = re.compile(r"(?<=\s):[a-z0-9_+-]{1,40}\Z")
# A question or an exclamation ends a sentence of its own: no slip against a bare habit.
_SENTENCE_MARKS = "?!？！"

# An aside after a description that ends with a stop (``Binary SAM format. _note: ..._``,
# ``Fast parser. (deprecated)``): a note in emphasis or parentheses, not the description's
# sentence, whose stop before it is the description's end. A stop added after the note
# changes what the author wrote there (study 11).
# A signature after the description (``压测工具。 --add wubx``, ``Fast parser. -- Jane Doe``,
# ``Fast parser. @jdoe``, ``by @jdoe``): who added or keeps the item, a few words without a
# stop, opened by a double dash, an em dash or a handle. It is no sentence of the description,
# and a stop added after it lands on a name or a command (study 24).
_SIGNATURE = r"(?:-{2,}|—{1,2}|(?:by\s+)?@)\s*[^\s.!?。！？]+(?:\s+[^\s.!?。！？]+){0,3}"
_ASIDE = re.compile(
    r"[.!?。！？]\s+(?:\*{1,2}[^*\n]+\*{1,2}|_{1,2}[^_\n]+_{1,2}|\([^()\n]*\)|（[^（）\n]*）"
    rf"|{_SIGNATURE})\s*\Z"
    rf"|[。！？]{_SIGNATURE}\s*\Z"
)
# A signature with no stop before it (``Load tester --add wubx``): the description's last
# fragment is no sentence of its language, so it ends neither with a stop nor bare.
_SIGNED = re.compile(rf"\s{_SIGNATURE}\s*\Z")

# A sentence after the fields of a record (``Transmon, T1: 7e-05s, The lifetime is 2.8 times
# longer.``): a capitalised word after a comma or semicolon opening six words or more, the
# last part of the description. Its stop ends that note, not the terse fields before it.
_NOTE = re.compile(r"[,;]\s+[A-Z][a-z]+(?:\s+[^\s,;]+){5,}\Z")

# A habit is what three in four descriptions do: a list that ends two in three with a stop has
# none, and reporting the third nags about a choice the list never made (study 2).
# Text after an entry's link that holds no two letters side by side (a stray ``4`` after
# ``)``, a lone mark, ``v2``) is no description: neither judged nor learnt from (study 20).
_WORDS = re.compile(r"[^\W\d_]{2}")

# A record of fields after the name (``[Title](url): note | [BibTex](): key | Chen et al, *ICML*
# 2021``): the text ends with its last field, an author and venue tag or a key, whose end says
# nothing of how the list ends its descriptions, and which of the fields is the description is
# unsure. Neither judged nor learnt from: counting the tags' bare ends made a list whose notes
# end with a stop look bare (study 26). A pipe in code (``a | b``) parts no fields.
_FIELDS = re.compile(r"(?<!\\)\|")
_CODE = re.compile(r"(`+)[^`]*?\1")

# A description that ends with a venue's or a year's tag (``*Jane Doe, John Roe.* FSE'24``,
# ``Jane Doe et al., CVPR2018``, ``Arxiv 2024.12``) ends a byline, not a sentence: whether such
# lines take a stop is a habit of the list's bylines (every line of its items ending so, those
# standing as paragraphs under a title too), not of its prose blurbs. A list whose bylines end
# bare is not told to put a stop after ``Preprint'25`` (study 2026-12-07-13). A venue's
# name is bounded: unbounded, a search tried every start of a long word to the end.
_TAG_END = re.compile(
    r"(?:(?<![\w'’])[A-Za-z][\w-]{0,30}\s?['’‘]\s?\d\d|(?<![\w'’])[A-Za-z]{1,30}(?:19|20)\d\d"
    r"|(?<![\w.'’])(?:19|20)\d\d(?:[./-]\d{1,2}){0,2})\Z"
)
# A name, not linked, then a dash and a description (``- 生信宝典 - 微信公众号``): an item written
# like a described entry though its name has no link. Its ending is part of the list's habit
# for descriptions in that form (study 2026-12-07-13).
_UNLINKED = re.compile(r"[^\[\]\n`]{1,80}?[ \t]+([-–—])[ \t]+([^\n]*\S)")

_HABIT = 0.75
# The share of one kind of descriptions (one script and separator, or bylines) that must keep
# the list's habit for it to hold them too: ``- Name - fragment`` items split 3 to 3 in a list
# pasted together from others keep none (study 2026-12-06-14).
_KIND_SHARE = 2 / 3
# Descriptions in one script (Latin or CJK) enough to have a habit of their own.
_OWN_HABIT = 3
# Descriptions under one heading enough to have a habit of their own.
_SECTION_HABIT = 4
# Neighbours under one heading, all ending alike, enough to be a group's own pattern.
_RUN = 4


class DescriptionEnding(Rule):
    name = "description-ending"
    judges_entries = True
    severity = "warning"
    summary = "A description that ends with or without a full stop where the list's do otherwise."
    fix_safety = "unsafe"
    changes = (TEXT,)

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        # A credit (``[Book](url) by Jane Doe``, an author list) is no description: it keeps its
        # own habit; nor
        # is the list's own mark for a kind of item (``[awesome-flask](url) 系列``).
        worded = [
            entry
            for entry in link_items(doc.entries)
            if entry.description is not None
            # An index or summary repeating papers of the body: its tail (``arXiv (2025) ·
            # *Section*``) points back to them, it describes nothing.
            and not doc.in_derived_listing(entry)
            and _WORDS.search(_text(entry)) is not None
        ]
        unsaid = _named_items(worded) | _introductions(doc)
        described = [
            entry
            for entry in worded
            # A byline (``Jane Doe, John Roe``, ``- Packt``, ``by Lev Tarasov``) names who made
            # the item: no sentence, its bare end shows no habit, and a stop added after it
            # changes a name (studies 7, 12, 25); so does a list of names (``_named_items``).
            # An item introducing those nested under it ends as its list's other introductions
            # do, with a colon if anything (``_introductions``).
            if not is_credit(text, entry)
            and not is_byline(_text(entry))
            and (entry.item is None or id(entry.item) not in unsaid)
        ]
        marks = own_marks(described)
        items = [entry for entry in described if _text(entry) not in marks]
        habits = _habits(text, items)
        stops = _stops(text, items)
        sections = _section_habits(doc, items)
        comparable = _comparable(doc, items)
        grouped = _runs(text, worded)
        found: list[tuple[Entry, str | None]] = []  # each entry with a stop due, and the stop
        for entry in items:
            ending = _ending(text, entry)
            cjk = _has_cjk(entry)
            habit = habits[cjk]
            if ending is None or habit is None or ending == habit:
                continue
            kind = _kind(entry)
            if (kind[1] == "byline" or sections.get(id(entry.section)) is None) and not _keeps(
                comparable.get(kind), habit
            ):
                # Descriptions written alike (one script, one separator) that keep another
                # habit or none, where their section shows none: a list pasted together from
                # others keeps each part's (studies 2026-12-06-14, 2026-12-07-13). A byline is
                # held to the list's bylines alone, wherever it stands.
                continue
            own = sections.get(id(entry.section), habit)
            if own == ending or (ending == "punctuated" and id(entry) in grouped):
                # A list pasted together from others keeps each part's habit: a section of
                # its own that ends bare holds no slip against the list's stops (study 14),
                # nor one whose every entry ends with a stop (``*Journal*, 2022.``) a slip
                # against the list's bare fragments (study 25).
                continue
            assert entry.description is not None
            end = entry.description.end
            if habit == "punctuated":
                stop = stops[cjk]
                if stop == "." and is_cjk(_unclosed(entry)[-1]):
                    stop = None  # an ASCII stop after CJK text is a new defect
                if own is None:
                    stop = None  # a section that splits (6 to 5): which items slipped is unsure
                found.append((entry, stop))
            elif not _sentences(entry) and not _keeps_stop(text, entry):
                # The stop itself, inside what closes (``~~struck.~~``, ``*emphasis.*``).
                at = end - (len(entry.description.text) - len(_unclosed(entry)))
                last = text[at - 1]
                # Reported, never removed: the stop is a mark the author wrote, often the end
                # of a full sentence (``- This chart lists every known update.``), which no
                # habit of bare fragments makes a slip to delete (studies 6 and 12).
                yield self.problem(
                    at - 1,
                    at,
                    message=f"description ends with {last!r} where the list's do not",
                )
        yield from self._missing_stops(doc, items, found)

    def _missing_stops(
        self, doc: Document, items: list[Entry], found: list[tuple[Entry, str | None]]
    ) -> Iterator[Problem]:
        """The descriptions without the list's stop, fixed where the stop leaves them like the
        items beside them (``_bare_blocks``)."""
        fixed = {id(entry.item) for entry, stop in found if stop and entry.item is not None}
        bare = _bare_blocks(doc, items, fixed)
        for entry, stop in found:
            assert entry.description is not None
            end = entry.description.end
            words = _unmarked(entry.description.text)
            at = entry.description.start + len(words) - _wrapping(words)
            shown = repr(stop) if stop else "a full stop"
            message = f"description does not end with {shown} as the list's do"
            if stop and entry.item is not None and entry.item.list_id in bare:
                message += "; nor do the items beside it, so no fix"
                stop = None
            yield self.problem(
                end - 1,
                end,
                message=message,
                fix=Fix.unsafe(Edit.insert(at, stop)) if stop else None,
            )


# A name written where a description goes (``- 马克托马``, ``- CEPR 成员``): a few words with no
# mark of a sentence between them (``_PHRASE``), at most six CJK characters (a transliterated
# person's name) and up to three Latin words, each capitalised or an acronym.
_PHRASE = re.compile(r"[^\W_]+(?:[\s'’·・-]+[^\W_]+)*")
_NAME_CJK = 6
_NAME_WORDS = 3
_LATIN = re.compile(r"[A-Za-z]+")
# Described items of one list enough to show it is a list of names.
_NAMED_RUN = 3


def _name_like(words: str) -> bool:
    """Whether ``words`` read as a person's or an organisation's name (``_PHRASE``)."""
    latin = _LATIN.findall(words)
    return (
        _PHRASE.fullmatch(words) is not None
        and sum(map(is_cjk, words)) <= _NAME_CJK
        and len(latin) <= _NAME_WORDS
        and all(word[0].isupper() for word in latin)
    )


def _named_items(entries: list[Entry]) -> set[int]:
    """The items (by id) of the lists whose descriptions are names, not sentences: three
    or more, each a phrase with no mark of a sentence inside, most of them name-like
    (``_name_like``). Bloggers under ``博客`` (``- 马克托马``, ``- 布拉德德隆``, ``- 泰勒考恩和亚历
    克斯塔巴罗克``, ``- CEPR 成员``) are bylines: no stop is due, and the run tells a longer
    name from a short description better than its words would (study 34)."""
    lists: dict[int, list[Entry]] = {}
    for entry in entries:
        if entry.item is not None:
            lists.setdefault(entry.item.list_id, []).append(entry)
    named: set[int] = set()
    for members in lists.values():
        texts = [_text(entry) for entry in members]
        if (
            len(texts) >= _NAMED_RUN
            and all(_PHRASE.fullmatch(words) for words in texts)
            and 2 * sum(map(_name_like, texts)) > len(texts)
        ):
            named.update(id(entry.item) for entry in members)
    return named


def _introductions(doc: Document) -> set[int]:
    """The items (by id) that introduce a nested list where most of their list's other such
    items end with a colon (``- 行业标准. 免费替代品：`` above its sub-items): an introduction
    missing its colon, whose due mark is a colon if anything, never a stop (study 34)."""
    parents: dict[int, list[bool]] = {}
    for item in doc.items:
        if item.children_start is not None:
            parents.setdefault(item.list_id, []).append(_introduces(doc.text, item))
    return {
        id(item)
        for item in doc.items
        if item.children_start is not None
        and not _introduces(doc.text, item)
        and 2 * sum(parents[item.list_id]) > len(parents[item.list_id]) - 1
    }


def _introduces(text: str, item: ListItem) -> bool:
    """Whether the item's first paragraph ends with a colon, as an introduction does."""
    return text[item.content_start : item.content_end].rstrip().endswith((":", "："))


# A description set wholly in emphasis (``*Faster decoding with a tuned draft model*``): the
# sentence is inside the marks, and so is its stop (``.*``), as `_ending` reads it.
_WRAPPED = re.compile(r"(\*{1,2}|_{1,2}|~~)([^*_~\n]+)\1")


def _wrapping(description: str) -> int:
    """How many closing marks end a description set wholly in emphasis (``_WRAPPED``), before
    which its stop goes; 0 for any other (``for **GIS**``: the stop follows the bold word)."""
    text = description.rstrip()
    wrapped = _WRAPPED.fullmatch(text)
    if wrapped is None or wrapped.group(2) != wrapped.group(2).strip():
        return 0
    if " " not in wrapped.group(2):
        return 0  # one emphasised word is a term, not the sentence
    return len(description) - len(text) + len(wrapped.group(1))


def _bare_blocks(doc: Document, items: list[Entry], fixed: set[int]) -> set[int]:
    """The lists (by ``list_id``) whose items, after the stops due, would still end bare at
    least as often as with a stop: there a stop makes an item unlike those beside it (study 18:
    one CJK entry of a nested list learnt its stop from the list's other sections, and its
    neighbours, text before a link and no entry, kept none). A described entry counts by its
    description, an item that is no entry by its first paragraph; an entry the rule does not
    judge (a credit, a source) and a label over a nested list (``- **Optical Flow**``) count
    for neither."""
    described = {id(entry.item): entry for entry in items if entry.item is not None}
    entries = {id(entry.item) for entry in doc.entries if entry.item is not None}
    counts: dict[int, list[int]] = {}  # list_id -> [ending with a stop, bare]
    for item in doc.items:
        entry = described.get(id(item))
        if id(item) in fixed:
            ending: str | None = "punctuated"
        elif entry is not None:
            ending = _ending(doc.text, entry)
        elif id(item) in entries or item.children_start is not None:
            continue  # a credit keeps its own habit; a label over a nested list is no sibling
        else:
            ending = _paragraph_ending(doc.text[item.content_start : item.content_end])
        if ending is not None:
            count = counts.setdefault(item.list_id, [0, 0])
            count[ending == "bare"] += 1
    return {key for key, (stopped, bare) in counts.items() if bare and bare >= stopped}


def _paragraph_ending(paragraph: str) -> str | None:
    """``_ending`` for an item that is no described entry: its first paragraph's last mark."""
    body = paragraph.rstrip().rstrip(_CLOSING).rstrip()
    if not body or body.endswith(_ELLIPSIS):
        return None
    if body[-1] in _TERMINAL:
        return None if body[-1] == "." and _abbreviated(body) else "punctuated"
    return "bare" if body[-1].isalnum() or body[-1] in _WORDLIKE else None


def _habits(text: str, items: list[Entry]) -> dict[bool, str | None]:
    """The habit of the list's Latin and of its CJK descriptions: the whole list's, where the
    script's own descriptions (when there are enough to show one) keep it too. A list may end
    its English blurbs with a stop and its Chinese ones without: neither is then a slip."""
    endings: dict[bool, list[str]] = {False: [], True: []}
    for entry in items:
        ending = _ending(text, entry)
        if ending is not None:
            endings[_has_cjk(entry)].append(ending)
    overall = dominant(endings[False] + endings[True], share=_HABIT)
    return {
        cjk: overall
        if len(found) < _OWN_HABIT or dominant(found, share=_HABIT) == overall
        else None
        for cjk, found in endings.items()
    }


def _form(entry: Entry) -> str:
    """The separator an entry's description follows (``-``, ``:``, or none): the mark of the
    list it was pasted from, whose habit its descriptions keep."""
    mark = entry.separator.text.strip() if entry.separator is not None else ""
    return {"–": "-", "—": "-", "：": ":"}.get(mark, mark)


def _tagged(line: str) -> bool:
    """Whether a line ends with a venue's or a year's tag (``_TAG_END``), before its stop."""
    return (
        _TAG_END.search(line.rstrip().rstrip(_CLOSING).rstrip(_TERMINAL).rstrip(_CLOSING))
        is not None
    )


def _kind(entry: Entry) -> tuple[bool, str]:
    """What an entry's description is compared with: those of its script and its form, or,
    for one ending with a venue's or a year's tag, the list's bylines (``_TAG_END``)."""
    if _tagged(_final(entry)):
        return (False, "byline")
    return (_has_cjk(entry), _form(entry))


def _unlinked(doc: Document) -> Iterator[tuple[int, bool, str]]:
    """The items that are no entry but are written ``Name - Description`` (``_UNLINKED``): the
    id of each one's section, whether its description is CJK, and how that ends."""
    text = doc.text
    entries = {id(entry.item) for entry in doc.entries if entry.item is not None}
    for item in doc.items:
        if id(item) in entries:
            continue
        first = text[item.content_start : item.content_end].split("\n", 1)[0]
        found = _UNLINKED.fullmatch(first.strip())
        if found is None:
            continue
        ending = _paragraph_ending(found.group(2))
        if ending is not None:
            yield id(item.section), written_in_cjk(found.group(2)), ending


def _bylines(doc: Document) -> Iterator[str]:
    """How each line of the list's items that ends with a venue's or a year's tag ends: the
    bylines (``*Jane Doe, John Roe.* FSE'24``), whether a description or a paragraph of their
    own under the title."""
    text = doc.text
    for item in doc.items:
        own = text[item.content_start : item.children_start or item.end]
        for line in own.split("\n"):
            if _tagged(line):
                ending = _paragraph_ending(line)
                if ending is not None:
                    yield ending


def _keeps(endings: list[str] | None, habit: str) -> bool:
    """Whether descriptions of one kind keep the list's ``habit``: two in three of them do
    (``_KIND_SHARE``), or there are too few to say (None: the list's habit holds)."""
    return endings is None or endings.count(habit) >= _KIND_SHARE * len(endings)


def _comparable(doc: Document, items: list[Entry]) -> dict[tuple[bool, str], list[str]]:
    """The endings of each kind of description (``_kind``) with at least ``_OWN_HABIT`` of
    them: items that are no entry but are written ``Name - Description`` (``_UNLINKED``) count
    with the dash's, and every byline of the list's items with the bylines (``_bylines``)."""
    text = doc.text
    endings: dict[tuple[bool, str], list[str]] = {(False, "byline"): list(_bylines(doc))}
    for entry in items:
        ending = _ending(text, entry)
        kind = _kind(entry)
        if ending is not None and kind[1] != "byline":
            endings.setdefault(kind, []).append(ending)
    for _, cjk, ending in _unlinked(doc):
        endings.setdefault((cjk, "-"), []).append(ending)
    return {kind: found for kind, found in endings.items() if len(found) >= _OWN_HABIT}


def _section_habits(doc: Document, items: list[Entry]) -> dict[int, str | None]:
    """Each section's own habit (by the section's id), where it has descriptions enough to
    show one (items written ``Name - Description`` with no link counted, ``_UNLINKED``): None
    for a section that splits (6 with a stop, 5 without)."""
    text = doc.text
    endings: dict[int, list[str]] = {}
    for entry in items:
        ending = _ending(text, entry)
        if ending is not None:
            endings.setdefault(id(entry.section), []).append(ending)
    for section, _, ending in _unlinked(doc):
        endings.setdefault(section, []).append(ending)
    return {
        section: dominant(found, share=_HABIT)
        for section, found in endings.items()
        if len(found) >= _SECTION_HABIT
    }


def _runs(text: str, entries: list[Entry]) -> set[int]:
    """The entries (by id) inside a run of ``_RUN`` neighbours or more under one heading that
    end alike (four journal issues all ``*Journal*, 2022.``, five models all ``Ventana de 512
    tokens.``): a group written to one pattern keeps its own habit, as a section does. An
    ending that says neither (a parenthesis, an emoji) neither breaks a run nor extends it.
    Only a run of stops is spared (by the caller): each stop was typed on purpose, while a run
    of bare ends in a list of stops is the usual slip, repeated (study 25, keon's Node.js
    libraries judged true)."""
    grouped: set[int] = set()
    run: list[Entry] = []
    last: tuple[int, str] | None = None
    for entry in [*entries, None]:
        ending = _ending(text, entry) if entry is not None else None
        if entry is not None and ending is None:
            continue
        key = (id(entry.section), ending) if entry is not None and ending else None
        if key != last:
            if len(run) >= _RUN:
                grouped.update(id(member) for member in run)
            run = []
            last = key
        if entry is not None:
            run.append(entry)
    return grouped


def _sentences(entry: Entry) -> bool:
    """Whether the description holds more than one sentence: the last one's stop is then no
    slip against a bare habit but the end of prose (removing it leaves the inner ones odd).
    So does a record whose last field is a sentence of its own (``_NOTE``)."""
    body = _unclosed(entry).rstrip(_TERMINAL)
    if _INNER_STOP.search(body) is not None or _NOTE.search(body) is not None:
        return True
    return any(word.islower() and word not in _NUMBERING for word in _DIGIT_SENTENCE.findall(body))


def _ends_with_verb(entry: Entry) -> bool:
    """Whether the description ends with a Korean or Japanese sentence's finite verb before its
    stop (``_JAPANESE_VERB``, ``_KOREAN_POLITE``, a Korean ``다`` after a verb's stem)."""
    body = _final(entry).rstrip(_TERMINAL).rstrip()
    if _JAPANESE_VERB.search(body) or _KOREAN_POLITE.search(body):
        return True
    if len(body) < 2 or body[-1] != "다":
        return False
    stem = body[-2]
    if not "\uac00" <= stem <= "\ud7a3":
        return False
    closed = (ord(stem) - 0xAC00) % 28 != 0  # the syllable ends in a consonant
    return closed or stem in _KOREAN_OPEN_STEMS


def _keeps_stop(text: str, entry: Entry) -> bool:
    """Whether the last mark ends a sentence the list's bare habit does not govern: a question
    or exclamation (``How to improve RNNs?``), a stop an aside follows (``Fast. (deprecated)``),
    a Korean or Japanese sentence's finite verb before the stop (``잘 정리해 놓았다.``), or the
    stop of a sentence the item's name opens (``[Summer School](url) will be held in July.``):
    the name is its subject, no separator parts them, and the stop ends prose, not a
    description."""
    if _unclosed(entry)[-1] in _SENTENCE_MARKS or _before_aside(entry) is not None:
        return True
    if _ends_with_verb(entry):
        return True
    found = describe(text, entry)
    return found is not None and found.kind == "prose"


def _text(entry: Entry) -> str:
    assert entry.description is not None
    return entry.description.text.strip()


def _ending(text: str, entry: Entry) -> str | None:
    """``punctuated``, ``bare`` (a letter, a digit, ``$``, ``%``, ``+``), or None for an ending
    that says neither: a parenthesis, code, a link, a label's colon, an emoji, a comma or a dash
    left over, after which a full stop would be a new defect (``:.``, ``,.``)."""
    if _ends_with_link(entry):  # ``Source: https://...``: a stop there is no sentence's end
        return None
    if _record(entry):
        return None
    description = _final(entry)
    last = description[-1]
    if description.endswith(_ELLIPSIS) or _SIGNED.search(description):
        return None
    if last in _TERMINAL:
        return None if last == "." and _abbreviated(description) else "punctuated"
    return "bare" if last.isalnum() or last in _WORDLIKE else None


def _record(entry: Entry) -> bool:
    """Whether the description is a record of fields parted by pipes (``_FIELDS``)."""
    assert entry.description is not None
    return _FIELDS.search(_CODE.sub("", entry.description.text)) is not None


def _ends_with_link(entry: Entry) -> bool:
    """Whether a link the reader found (a bare URL too) closes the description."""
    assert entry.description is not None
    end = entry.description.start + len(entry.description.text.rstrip())
    return any(link.end == end for link in entry.links)


def _before_aside(entry: Entry) -> str | None:
    """The description up to the stop an aside follows (``_ASIDE``), or None without one."""
    words = _unmarked(_described(entry))
    aside = _ASIDE.search(words.rstrip())
    return words[: aside.start() + 1] if aside else None


def _final(entry: Entry) -> str:
    """The description as far as its end: up to the stop before an aside, or all of it
    without what closes quotes and emphasis."""
    return _before_aside(entry) or _unclosed(entry)


def _unclosed(entry: Entry) -> str:
    """The description without its trailing markers and what closes quotes and emphasis
    after its last word."""
    words = _unmarked(_described(entry))
    return words.rstrip(_CLOSING) or words


def _described(entry: Entry) -> str:
    assert entry.description is not None
    return entry.description.text


def _unmarked(description: str) -> str:
    """The description without the markers after its last word (emoji, ``:fire:``, ``:100``)
    and the spaces before them; all of it where only markers are left."""
    end = len(description.rstrip())
    while end > 0:
        head = description[:end]
        marker = _BROKEN_SHORTCODE.search(head) or _SHORTCODE_END.search(head)
        start = marker.start() if marker is not None else emoji_start(head, end)
        if start == end:
            break
        end = len(description[:start].rstrip())
    if end == len(description.rstrip()) or end == 0:
        return description
    return description[:end]


_SHORTCODE_END = re.compile(rf"{EMOJI_SHORTCODE.pattern}\Z")


def _abbreviated(description: str) -> bool:
    """Whether the last word is an abbreviation, whose period is no full stop."""
    return _ABBREVIATION.fullmatch(description.rsplit(maxsplit=1)[-1]) is not None


def _has_cjk(entry: Entry) -> bool:
    """Whether the description is written in CJK, whose full stop is ``。``."""
    assert entry.description is not None
    return written_in_cjk(entry.description.text)


def _stops(text: str, items: list[Entry]) -> dict[bool, str | None]:
    """The full stop the list ends its Latin and its CJK descriptions with: ``.`` for Latin
    unless the list uses ``。`` there; for CJK the list's own ``。``, and None where its CJK
    descriptions do not use it (an ASCII stop after CJK text is a new defect: no fix)."""
    found: dict[bool, list[str]] = {False: [], True: []}
    for entry in items:
        if _ending(text, entry) == "punctuated":
            assert entry.description is not None
            found[_has_cjk(entry)].append(_final(entry)[-1:])
    latin = dominant(found[False], share=0.5)
    cjk = dominant(found[True], share=0.5)
    return {False: latin if latin in (".", "。") else ".", True: "。" if cjk == "。" else None}
