from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cached_property

from awesome_tidy.model import Cover, Document, Entry, is_cjk, is_full_width_form, to_ascii_form
from awesome_tidy.rule import WIDTH, Edit, Fix, Problem, Rule

_PAIRS = {"（": "）", "【": "】", "［": "］", "｛": "｝", "〔": "〕", "(": ")", "[": "]", "{": "}"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}
_BRACKETS = {**_PAIRS, **_CLOSERS}
_SPACED_AFTER = ",:;!?"
# Where a sentence ends: a CJK full stop or mark (kept in the sentence: it makes it CJK), an
# ASCII one before a space, a line break or a table cell border.
_CJK_STOPS = "。！？"
_STOPS = ".!?"
_BORDERS = "\n|"
# Latin prose has lower-case words; a run of names and figures (``I-AUC:72.0%，P-AUC``) may be
# typed in a CJK sentence's punctuation and is left alone.
_PROSE_WORD = re.compile(r"\b[a-z]{2,}\b")
# A word after a mark: one with a letter that is no address. In a list written in CJK, a mark
# before a figure (``CAMELYON16，17``, two datasets) or an address (``SLAMcn：http://…``, a
# label) is the author's punctuation in a run of names, not a slip in Latin prose.
_WORD_AFTER = re.compile(r"\s*(?!(?:https?|ftp)://|www\.)[A-Za-z0-9_-]*[A-Za-z]")
_BRACKET = re.compile("[" + re.escape("".join(_BRACKETS)) + "]")
_SENTENCE_END = re.compile(r"[\n|]|[。！？]|[.!?](?=\s|$)")


_IN_LATIN = "in Latin text"
_MIXED = "paired with an ASCII bracket"
_HOUSE_MIN = 5
_ASCII_OPEN = re.compile(r"(?<!\])\(")  # a parenthesis that opens no link target


def _house_parentheses(doc: Document, *, mended: bool = False) -> bool:
    """Whether the list writes its parentheses full-width as a habit: more of its entries'
    parentheses full-width than half-width (``SansanTech（2026-07）`` on nearly every entry of a
    Japanese list), or more of the notes that end its entries' lines (``2020.（**IROS 2020**）``
    in a Chinese list whose titles hold half-width ones), at least a handful either way. Then
    ``（）`` in Latin text is its style, not a slip of the input method. ``mended``: counted as
    if every pair opened full-width and closed ASCII (``（SGD)``) were ASCII."""
    full = ascii_ = full_notes = ascii_notes = 0
    for entry in doc.entries:
        body = entry.body.text
        if mended:
            body = _MIXED_OPEN.sub("(", body)
        full += body.count("（")
        ascii_ += len(_ASCII_OPEN.findall(body))
        for note in _END_NOTE.finditer(body):
            if note.group(1) == "（":
                full_notes += 1
            else:
                ascii_notes += 1
    return (full >= _HOUSE_MIN and full > ascii_) or (
        full_notes >= _HOUSE_MIN and full_notes > ascii_notes
    )


# A full-width opener closed by an ASCII parenthesis before any other parenthesis.
_MIXED_OPEN = re.compile(r"（(?=[^（）()\n]*\))")
# A parenthesised note that ends a line, of either width: ``2020.（**IROS 2020**）``.
_END_NOTE = re.compile(r"(?<!\])([（(])[^（）()\n]*[）)][ \t]*$", re.MULTILINE)


def _written_in_cjk(doc: Document) -> bool:
    """Whether the list is written in CJK: half of its lines or more, at least a handful, hold a
    CJK character (a Chinese list whose English titles carry Chinese notes and headings)."""
    lines = [line for line in doc.text.splitlines() if line.strip()]
    cjk = sum(1 for line in lines if any(is_cjk(char) for char in line))
    return cjk >= _HOUSE_MIN and cjk * 2 >= len(lines)


_GLUED_OPEN = re.compile(r"(?<=[A-Za-z0-9])\(")
_SPACED_OPEN = re.compile(r"(?<= )\(")


def _spaced_parentheses(doc: Document) -> bool:
    """Whether the list writes a space before a parenthesis after a word (``Forecasting (AAAI
    2019)``) at least as often as not (``HA-GCN(2016)``): then ``Word（AAAI 2019）`` becomes
    ``Word (AAAI 2019)``, as the list writes it, never a new ``Word(AAAI 2019)``."""
    glued = spaced = 0
    for entry in doc.entries:
        body = entry.body.text
        glued += len(_GLUED_OPEN.findall(body))
        spaced += len(_SPACED_OPEN.findall(body))
    return spaced >= glued


class FullWidthBracket(Rule):
    name = "full-width-bracket"
    severity = "error"
    judges_entries = True
    summary = (
        "Full-width brackets or punctuation from a CJK input method in Latin text or as delimiters."
    )
    fix_safety = "safe"
    changes = (WIDTH,)

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        habits = _Habits(doc)
        for entry in doc.entries:
            if entry.body.text.isascii():
                continue
            found = [
                (offset, role, partner)
                for offset, role, partner in _misplaced(text, entry)
                if not (role == _IN_LATIN and habits.keeps(offset, entry))
            ]
            runs = _Runs(text, entry, {offset for offset, _, _ in found})
            for offset, role, partner in found:
                char = text[offset]
                fix: Fix | None
                if role == _MIXED and char in "（）" and partner is not None:
                    # A pair of mixed widths is closed the way the list writes pairs around
                    # such content, never towards full-width where its habit is ASCII.
                    fix = _mixed_pair_fix(text, offset, partner, habits)
                elif (
                    role == _IN_LATIN
                    and char in _BRACKETS
                    and runs.keeps_cjk_marks(offset, partner)
                ):
                    fix = None
                else:
                    fix = Fix.safe(
                        Edit(offset, offset + 1, _replacement(text, offset, role, habits))
                    )
                if fix is not None and _mend_harms(text, fix):
                    fix = None
                yield self.problem(
                    offset, offset + 1, message=f"full-width {char!r} {role}", fix=fix
                )


def _replacement(text: str, offset: int, role: str, habits: _Habits) -> str:
    """The ASCII form of a mark, with the space that the full-width form carried in itself
    where ASCII wants one: after ``:`` or ``,``, and around a parenthesis between Latin words
    where the list spaces its parentheses (``Mechanism（TRC 2018）`` to ``Mechanism (TRC
    2018)``, ``（1）Multimodal`` to ``(1) Multimodal``; a key delimiter keeps its title glued)."""
    char = text[offset]
    replacement = to_ascii_form(char)
    after = text[offset + 1 : offset + 2]
    if replacement in _SPACED_AFTER and after and not after.isspace():
        replacement += " "
    if char == "（" and offset and _latin(text[offset - 1]) and habits.spaced:
        replacement = " ("
    if char == "）" and role == _IN_LATIN and _latin(after) and habits.spaced:
        replacement = ") "
    return replacement


def _mend_harms(text: str, fix: Fix) -> bool:
    """Whether the mended text would be worse than the slip: text made a link (``【](key)``
    to an empty link), or a bracket that ends up enclosing nothing with a neighbour of its
    family (``(（)CVPR2021)`` to ``(()CVPR2021)``: the stray bracket was no pair, and an empty
    ``()`` is a new defect). Rendered text may not vanish, nor new marks appear."""
    for edit in fix.edits:
        mark = to_ascii_form(edit.text.strip() or " ")
        if _opens_link(text, edit.start, mark):
            return True
        if mark in _PAIRS:
            beside = _neighbour(text, edit.end, len(text), 1)
            partner = _PAIRS[mark]
        elif mark in _CLOSERS:
            beside = _neighbour(text, edit.start - 1, -1, -1)
            partner = _CLOSERS[mark]
        else:
            continue
        if beside and to_ascii_form(beside) == partner:
            return True
    return False


class _Runs:
    """The sentences of an entry, to tell whether a bracket pair stands in a run of text that
    keeps other full-width punctuation (``**（1）Multimodal：**：``): then the pair is the run's
    CJK punctuation style, and mending only the brackets would leave the run of mixed widths."""

    def __init__(self, text: str, entry: Entry, mended: set[int]) -> None:
        self.text, self.entry, self.mended = text, entry, mended
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def keeps_cjk_marks(self, offset: int, partner: int | None) -> bool:
        if self._starts is None:
            spans = list(_sentences(self.text, self.entry.body.start, self.entry.body.end))
            self._starts = [start for start, _ in spans]
            self._ends = [end for _, end in spans]
        first = offset if partner is None else min(offset, partner)
        last = offset if partner is None else max(offset, partner)
        low = max(bisect_right(self._starts, first) - 1, 0)
        high = max(bisect_right(self._starts, last) - 1, 0)
        for at in range(self._starts[low], self._ends[high]):
            char = self.text[at]
            if char in _BRACKETS or not is_full_width_form(char) or at in self.mended:
                continue
            if not self.entry.in_code(at):
                return True
        return False


def _opens_link(text: str, offset: int, replacement: str) -> bool:
    """Whether the ASCII bracket would make a link of text (``【](key2020a)`` mended to
    ``[](key2020a)``, an empty link GitHub shows as nothing): a square bracket whose closing
    half is followed by ``(`` or ``[``. Rendered text would vanish, which no width fix may do."""
    if replacement == "]":
        closing = offset
    elif replacement == "[":
        closing = _closing_bracket(text, offset)
    else:
        return False
    return closing >= 0 and text[closing + 1 : closing + 2] in ("(", "[")


_LINK_TEXT_MAX = 1000


def _closing_bracket(text: str, offset: int) -> int:
    """Where the ``]`` closing a ``[`` at ``offset`` stands on its line, past nested pairs
    (``【2 - [soil-tf](url)]``), or -1. Looked for within ``_LINK_TEXT_MAX`` characters, so a
    line of a thousand marks is not scanned once for each."""
    depth = 0
    for at in range(offset + 1, min(len(text), offset + 1 + _LINK_TEXT_MAX)):
        char = text[at]
        if char == "\n":
            break
        if char == "[":
            depth += 1
        elif char == "]":
            if not depth:
                return at
            depth -= 1
    return -1


def _mixed_pair_fix(text: str, offset: int, partner: int, habits: _Habits) -> Fix | None:
    """The fix of a parenthesis pair of mixed widths (``（ICLR 2025)``): both halves the width
    the list writes around such content (Latin, or holding CJK) most, counted on its own pairs.
    Latin content the list writes no full-width habit around is closed ASCII, unless mending
    it would tip a list that writes its parentheses full-width as a habit to half-width (the
    next pass would rewrite the list's own pairs: study 21 P0111); then, or where the habit
    cannot be told (CJK content, as often one way as the other), no fix."""
    first, last = min(offset, partner), max(offset, partner)
    cjk = any(is_cjk(char) for char in text[first + 1 : last])
    full, ascii_ = habits.pairs[cjk]
    if full > ascii_ and (cjk or habits.house):
        return Fix.safe(Edit(partner, partner + 1, _FULL_WIDTH[text[partner]]))
    if ascii_ <= full and cjk:
        return None
    if habits.house and not habits.house_after_mends:
        return None
    replacement = "("
    if text[offset] == "（" and offset and _latin(text[offset - 1]):
        replacement = " (" if habits.spaced else replacement
    return Fix.safe(Edit(offset, offset + 1, replacement if text[offset] == "（" else ")"))


class _Habits:
    """The list's own habits, each counted only once a finding needs it."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def house(self) -> bool:
        return _house_parentheses(self.doc)

    @cached_property
    def pairs(self) -> dict[bool, tuple[int, int]]:
        """How many full-width and ASCII parenthesis pairs the entries write, around Latin
        content (``False``) and around content holding CJK (``True``)."""
        counts = {False: [0, 0], True: [0, 0]}
        text = self.doc.text
        for entry in self.doc.entries:
            partners = _partners(text, entry.body.start, entry.body.end)
            for opener, closer in partners.items():
                char = text[opener]
                if closer < opener or char not in "（(" or (char == "(" and text[closer] != ")"):
                    continue
                if (char == "（" and text[closer] != "）") or text[opener - 1 : opener] == "]":
                    continue
                cjk = any(is_cjk(inner) for inner in text[opener + 1 : closer])
                counts[cjk][char == "("] += 1
        return {kind: (full, ascii_) for kind, (full, ascii_) in counts.items()}

    @cached_property
    def house_after_mends(self) -> bool:
        """Whether the list still writes its parentheses full-width as a habit once every
        mixed pair opened full-width (``（SGD)``) is mended to ASCII."""
        return _house_parentheses(self.doc, mended=True)

    @cached_property
    def cjk_list(self) -> bool:
        return _written_in_cjk(self.doc)

    @cached_property
    def spaced(self) -> bool:
        return _spaced_parentheses(self.doc)

    def keeps(self, offset: int, entry: Entry) -> bool:
        """Whether a mark in Latin text is the list's own: its house parentheses, or in a list
        written in CJK a mark before a figure or an address (``CAMELYON16，17``,
        ``SLAMcn：http://…``)."""
        text = self.doc.text
        char = text[offset]
        if char in "（）":
            return self.house
        if char in _BRACKETS or _WORD_AFTER.match(text, offset + 1, entry.body.end):
            return False
        return self.cjk_list


_FULL_WIDTH = {"(": "（", ")": "）"}


def _misplaced(text: str, entry: Entry) -> Iterator[tuple[int, str, int | None]]:
    """Each full-width mark out of place, with why, and for one paired with an ASCII bracket
    where its partner is."""
    delimiters = {
        part.start: f"as {name} delimiter"
        for name, part in (
            ("key", entry.key_open),
            ("key", entry.key_close),
            ("year", entry.year_open),
            ("year", entry.year_close),
        )
        if part is not None and is_full_width_form(part.text)
    }
    urls = Cover((link.url.start, link.url.end) for link in entry.links)
    start, end = entry.body.start, entry.body.end
    body: _Body | None = None
    for offset in range(start, end):
        char = text[offset]
        if not is_full_width_form(char) or entry.in_code(offset):
            continue
        if offset in urls:
            continue
        body = body or _Body(text, start, end)
        if offset in delimiters:
            yield offset, delimiters[offset], body.partners.get(offset)
        elif _mismatched(text, offset, body):
            yield offset, _MIXED, body.partners[offset]
        elif _in_latin_text(text, offset, body):
            yield offset, _IN_LATIN, body.partners.get(offset)


class _Body:
    """What the checks ask of an entry's text, worked out once in a linear pass: where each
    bracket's partner is, and which sentences are Latin prose (so that a line of a thousand
    full-width marks is not scanned once for each)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.partners = _partners(text, start, end)
        self.sentence_starts: list[int] = []
        self.latin: list[tuple[bool, bool]] = []  # (has CJK, has a prose word), per sentence
        for sentence_start, sentence_end in _sentences(text, start, end):
            sentence = text[sentence_start:sentence_end]
            self.sentence_starts.append(sentence_start)
            self.latin.append(
                (any(is_cjk(char) for char in sentence), bool(_PROSE_WORD.search(sentence)))
            )

    def latin_prose(self, first: int, last: int) -> bool:
        """The sentences holding ``first`` to ``last`` have no CJK and some Latin prose."""
        low = bisect_right(self.sentence_starts, first) - 1
        high = bisect_right(self.sentence_starts, last) - 1
        spanned = self.latin[max(low, 0) : high + 1]
        return not any(cjk for cjk, _ in spanned) and any(prose for _, prose in spanned)


def _partners(text: str, start: int, end: int) -> dict[int, int]:
    """Each bracket's partner, both ways. Brackets pair first with their own width, by one stack
    per bracket family and width, so that ``【26 - [name](url)]】`` keeps its ``【】`` pair and
    the stray ``]`` stays alone; only the brackets left unpaired then pair across widths
    (``（ICPR)``), so that rewriting one of them to its partner's width closes the pair."""
    partners: dict[int, int] = {}
    stacks: dict[str, list[int]] = {}
    lone: list[int] = []
    for match in _BRACKET.finditer(text, start, end):
        index = match.start()
        char = match.group()
        opener = char if char in _PAIRS else _CLOSERS[char]
        stack = stacks.setdefault(opener, [])
        if char in _PAIRS:
            stack.append(index)
        elif stack:
            other = stack.pop()
            partners[other] = index
            partners[index] = other
        else:
            lone.append(index)
    lone.extend(index for stack in stacks.values() for index in stack)
    lone.sort()
    mixed: dict[str, list[int]] = {"(": [], "[": [], "{": []}
    for index in lone:
        char = text[index]
        if char in _PAIRS:
            mixed[to_ascii_form(char)].append(index)
            continue
        family = mixed[to_ascii_form(_CLOSERS[char])]
        if family:
            other = family.pop()
            partners[other] = index
            partners[index] = other
    return partners


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of ``text[start:end]``: a CJK stop ends one (and belongs to it), so do an
    ASCII stop before a space, a line break and a table cell's border (which belong to none)."""
    at = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.group() in _BORDERS:
            yield at, match.start()
            at = match.end()
        else:
            yield at, match.end()
            at = match.end()
    yield at, end


def _mismatched(text: str, offset: int, body: _Body) -> bool:
    partner = body.partners.get(offset)
    return partner is not None and text[partner].isascii()


def _in_latin_text(text: str, offset: int, body: _Body) -> bool:
    """The sentence holding the character (or its pair) is Latin prose without CJK, and a
    punctuation mark stands between two Latin words: ``LangGraph，with``, not the label colon of
    ``ChatGLM：``."""
    first = last = offset
    if text[offset] in _BRACKETS:
        partner = body.partners.get(offset)
        if partner is not None:
            first, last = min(offset, partner), max(offset, partner)
    elif not (
        _latin(_neighbour(text, offset - 1, body.start - 1, -1))
        and _latin(_neighbour(text, offset + 1, body.end, 1))
    ):
        return False
    return body.latin_prose(first, last)


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _neighbour(text: str, at: int, stop: int, step: int) -> str:
    for index in range(at, stop, step):
        if not text[index].isspace():
            return text[index]
    return ""
