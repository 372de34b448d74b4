from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from awesome_tidy.model import Document, Entry, Link, code_spans, links
from awesome_tidy.rule import Problem, Rule

# Each closer with its opener; full-width brackets count as their ASCII twins (a full-width one
# paired with an ASCII one is full-width-bracket's), braces are stray-brace's.
_OPENER = {
    ")": "(",
    "]": "[",
    "）": "(",
    "】": "[",
    "］": "[",
    "〕": "(",
    "”": "“",
    "》": "《",
    "」": "「",
    "』": "『",
}
_FAMILY = {"（": "(", "【": "[", "［": "[", "〔": "("}
_AS_TWIN = str.maketrans({**_FAMILY, "）": ")", "】": "]", "］": "]", "〕": ")"})
# German, Czech, Polish... open a quote low, „, and close it with “ (or ”): ``„Literatur
# digital erforschen“``. Their “ is a closer, where English opens with it.
_LOW = "„"
_PAIRS = ("()", "[]", "“”", "„“", "„”", "《》", "「」", "『』")
_ROUNDS = 3
_MATH = re.compile(r"\$[^$\n]+\$")
# A half-open interval written as text, ``[0, 1)``, ``(0, 1]``, ``[a, ∞)``: its brackets differ
# on purpose. Bounds are numbers, one letter or infinity, so that no text in brackets is taken.
_BOUND = r"\s*[-+−]?(?:\d+(?:\.\d+)?|[A-Za-z]|∞|inf)\s*"
_INTERVAL = re.compile(rf"\[{_BOUND},{_BOUND}\)|\({_BOUND},{_BOUND}\]")
# ``i)``, ``iv)``: roman enumerators, which open nothing either.
_ROMAN = frozenset(("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"))
_DATA_LENGTH = 24
_LONG_TOKEN = re.compile(r"\S{" + str(_DATA_LENGTH) + ",}")
# A letter then a digit or a digit then a letter: where encoded data switches, often.
_SWITCH = re.compile(r"[A-Za-z](?=\d)|\d(?=[A-Za-z])")
_SWITCHES = 8
_INTERESTING = re.compile(
    "["
    + re.escape("\\" + _LOW + "".join(_OPENER) + "".join(_OPENER.values()) + "".join(_FAMILY))
    + "]"
)


class UnbalancedBracket(Rule):
    name = "unbalanced-bracket"
    judges_entries = True
    severity = "warning"
    summary = "A bracket or quote in an entry that is never closed, or closes nothing."

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        for entry in doc.entries:
            code = _code_spans(text, entry)
            nested = list(_nested_links(text, entry)) if entry.links else []
            for _, inner in nested:
                shown = text[inner.start : inner.end]
                if len(shown) > _SHOWN:
                    shown = shown[: _SHOWN - 1] + "…"
                message = f"link target holds another link {shown!r}"
                yield self.problem(inner.start, inner.end, message=message)
            skip = _written_on_purpose(text, entry, code, [span for span, _ in nested])
            for start, end in _segments(entry):
                if _pairs_off(text, start, end, skip):
                    continue
                data = list(_data_tokens(text, start, end))
                here = _merged(sorted(skip + data)) if data else skip
                for offset, message in _unbalanced(text, start, end, here, code):
                    yield self.problem(offset, offset + 1, message=message)


def _code_spans(text: str, entry: Entry) -> list[tuple[int, int]]:
    """The entry's code spans as GitHub draws them, sorted: a backtick inside a link's address
    (``[GoCover.io](http://gocover.io/`)``) is a character of the address, which the link took
    first, and opens no span that would swallow the link's ``)``; the spans are then read
    again with the addresses blanked."""
    spans = entry.code_spans
    urls = [(link.url.start, link.url.end) for link in entry.links]
    if not any(low <= start < high for start, _ in spans for low, high in urls):
        return sorted(spans)
    body = entry.body
    chars = list(text[body.start : body.end])
    for low, high in urls:
        chars[low - body.start : high - body.start] = " " * (high - low)
    blanked = "".join(chars)
    return [
        (start + body.start, end + body.start)
        for start, end in code_spans(blanked, 0, len(blanked))
    ]


# The most of a nested link a message quotes.
_SHOWN = 40
_TITLE_OPENS = re.compile(r"\s[\"'(]")


def _nested_links(text: str, entry: Entry) -> Iterator[tuple[tuple[int, int], Link]]:
    """The links written as the target of another (``[Title]([Title-ReadPaper](url))``, a
    link pasted where its address belonged), each with the target it is in: GitHub shows the
    outer link's brackets as text around the inner link. The brackets pair off all the same,
    and none closes nothing; the defect is the link in the target, reported as such. A label
    that holds a link makes no link of its own, so its ``(...)`` is text: a note in brackets."""
    for link in entry.links:
        label = link.label
        if link.image or text[label.end : label.end + 2] != "](":
            continue  # a bare address, or an image's
        target = (label.end + 2, link.end - 1)
        if text.find("](", *target) < 0 or _holds_link(text, label.start, label.end):
            continue  # ``[[paper](url)](extension of [Net](#net))``: a link holds no link
        inner = [found for found in links(text, *target) if text[found.start] in "[!"]
        # ``(url "Library ![JS](badge) to ...")``: markup in a link's title is the title's text.
        if inner and not _TITLE_OPENS.search(text, target[0], inner[0].start):
            yield target, inner[0]


def _holds_link(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a link (an image is no link: a badge may be linked)."""
    return any(text[found.start] == "[" for found in links(text, start, end))


def _written_on_purpose(
    text: str, entry: Entry, code: list[tuple[int, int]], targets: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Where brackets are no punctuation, sorted: link URLs (the whole target of a link that
    holds another link), inline code, ``$...$`` math (``$[0, 1)$`` is a half-open interval),
    half-open intervals written as text and labels."""
    start, end = entry.body.start, entry.body.end
    # Performance (issue 10.5): most entries hold none of these; no list is built for their
    # links, labels or matches, nor sorted and merged.
    spans = [(link.url.start, link.url.end) for link in entry.links] if entry.links else []
    spans += targets
    spans += code
    for at in _labels(text, entry):
        spans.append((at, at + 1))
    if text.find("$", start, end) >= 0:
        spans += [match.span() for match in _MATH.finditer(text, start, end)]
    if text.find(",", start, end) >= 0:
        spans += [match.span() for match in _INTERVAL.finditer(text, start, end)]
    return _merged(sorted(spans)) if spans else spans


def _data_tokens(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Encoded data written inline: a run of ``_DATA_LENGTH`` or more characters without a
    space whose letters and digits alternate again and again (``kWn[19ZQ1;I0C>000O13M5K2N``, a
    COCO RLE mask; base64): its brackets are characters of the code, not punctuation. A word,
    a name (``Transformer-XL2(v2``) or a link switches between letters and digits a few times
    at most."""
    for match in _LONG_TOKEN.finditer(text, start, end):
        token = match.group()
        if "](" not in token and "://" not in token and len(_SWITCH.findall(token)) >= _SWITCHES:
            yield match.span()


def _labels(text: str, entry: Entry) -> Iterator[int]:
    """The closers that end a label at the start of a title or description: ``Android) 테스트
    코드``, ``R언어) 통계``, ``Topic) notes``, a topic or number written as the field's first word
    and closed alone, as an enumerator is. The field opens no parenthesis anywhere, so that the
    closer can be meant for none."""
    for part in (entry.title, entry.description):
        if part is None:
            continue
        field = text[part.start : part.end]
        if "(" in field or "（" in field or (")" not in field and "）" not in field):
            continue  # (no closer: no label to skip)
        word = field.split(None, 1)[0] if field.strip() else ""
        at = len(word) - 1
        if (
            at > 0
            and word[-1] in ")）"
            and field[: at + 1] == word
            and field[at + 1 : at + 2].isspace()
            and any(char.isalnum() for char in word)
            and "[" not in word
        ):
            yield part.start + at


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined: the scans below walk them in order."""
    merged: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        if merged and span_start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span_end))
        else:
            merged.append((span_start, span_end))
    return merged


def _pairs_off(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> bool:
    """True when every bracket outside ``skip`` closes the one opened last, answered in C.

    Performance (issue 3): almost every entry is balanced; its brackets, read with one regex
    call, vanish pair by pair under a few rounds of ``str.replace``. An escape, a deeper nesting
    or a real mistake leaves something, and the exact scan below says what.
    """
    if skip:
        outside = []
        for span_start, span_end in skip:
            if span_start >= end:
                break
            if span_start > start:
                outside.append(text[start:span_start])
            start = max(start, span_end)
        outside.append(text[start:end])
        found = _INTERESTING.findall("".join(outside))
    else:  # the usual entry: its text is read where it stands, not copied
        found = _INTERESTING.findall(text, start, end)
    brackets = "".join(found).translate(_AS_TWIN)
    for _ in range(_ROUNDS):
        for pair in _PAIRS:
            brackets = brackets.replace(pair, "")
            if not brackets:
                return True
    return False


def _segments(entry: Entry) -> list[tuple[int, int]]:
    """Where brackets must balance: each cell of a table row, the text of other entries."""
    if entry.table is None or entry.item is not None:
        return [(entry.body.start, entry.body.end)]
    body = entry.body
    start = body.start
    cells = []
    for index in range(body.start, body.end + 1):
        if index == body.end or (
            body.text[index - body.start] == "|" and not _escaped(entry, index)
        ):
            if not _quoted_abstract(entry.body.text[start - body.start : index - body.start]):
                cells.append((start, index))
            start = index + 1
    return cells


# A paper's abstract copied into a table's cell: long prose of several sentences. A bracket it
# leaves open is the source's (``(e.g., creating and using custom molds ...``), quoted as it
# was; the list has nothing to correct there (study 25).
_ABSTRACT_LENGTH = 600
_ABSTRACT_SENTENCES = 3
_SENTENCE_END = re.compile(r"[a-z]{2}[.!?](?=\s+[A-Z])")


def _quoted_abstract(cell: str) -> bool:
    return len(cell) >= _ABSTRACT_LENGTH and len(_SENTENCE_END.findall(cell)) >= _ABSTRACT_SENTENCES


def _escaped(entry: Entry, index: int) -> bool:
    return index > entry.body.start and entry.body.text[index - entry.body.start - 1] == "\\"


def _unbalanced(
    text: str, start: int, end: int, skip: list[tuple[int, int]], code: list[tuple[int, int]]
) -> Iterator[tuple[int, str]]:
    stack: list[int] = []
    # How many of each opener the stack holds: a closer with none open is known at once, so a
    # line of a thousand '(' then a thousand ']' stays linear.
    open_counts: Counter[str] = Counter()
    escaped_until = start
    next_span = 0
    # A ``”`` that closed nothing and awaits its partner (see ``_stray_quote``).
    strays: list[int] = []
    literal = _Escaped()
    # A bracket a code span leaves unpaired pairs with one outside it, as a reader sees the
    # line (``(`SMS)、REST`的``): told to ``literal`` once the scan has passed its span.
    leaks = _Leaks(text, code, literal)
    # Performance (issue 3): visit only brackets and backslashes, found in C, instead of every
    # character in Python (this rule took longer than parsing a 100,000-entry list); the spans
    # to skip (sorted) are walked alongside, in order, instead of searched for every bracket.
    for match in _INTERESTING.finditer(text, start, end):
        index = match.start()
        leaks.upto(index)
        if index < escaped_until:
            continue
        while next_span < len(skip) and skip[next_span][1] <= index:
            next_span += 1
        if next_span < len(skip) and skip[next_span][0] <= index:
            continue
        char = text[index]
        if char == "\\":
            escaped_until = index + 2
            literal.see(text, index + 1, end)
        elif not _face(text, index, start):
            opener = _FAMILY.get(char, char)
            if char in "“”" and open_counts[_LOW] and _low_quote_open(text, stack):
                yield from _close(text, stack, open_counts, index, strays, literal, _LOW)
            elif opener in "([“《「『„":
                stack.append(index)
                open_counts[opener] += 1
            elif char in _OPENER:
                yield from _close(text, stack, open_counts, index, strays, literal)
    leaks.upto(end)
    cut = _truncated(text, stack[-1], end) if stack else None
    yield from _left_open(text, stack, strays, literal, cut)


class _Leaks:
    """The brackets code spans leave unpaired within themselves (``Request(Form、JSON``),
    told to ``literal`` in order as the scan passes each span: written as code, never
    reported, but they still pair with a bracket outside the span, as escaped ones do
    (``(`...SMS)``, ``` `Request(Form` ) ```)."""

    def __init__(self, text: str, code: list[tuple[int, int]], literal: _Escaped) -> None:
        self.text = text
        self.spans = code
        self.next = 0
        self.literal = literal

    def upto(self, index: int) -> None:
        while self.next < len(self.spans) and self.spans[self.next][1] <= index:
            self._tell(*self.spans[self.next])
            self.next += 1

    def _tell(self, low: int, high: int) -> None:
        text = self.text
        if _INTERESTING.search(text, low, high) is None:
            return
        pending: list[int] = []
        unpaired: list[int] = []
        for match in _INTERESTING.finditer(text, low, high):
            index = match.start()
            char = text[index].translate(_AS_TWIN)
            if char in "([":
                pending.append(index)
            elif char in ")]":
                if pending and text[pending[-1]].translate(_AS_TWIN) == _OPENER[char]:
                    pending.pop()
                else:
                    unpaired.append(index)
        for index in sorted(unpaired + pending):
            self.literal.see(text, index, high)


# ``... datasets supported (e.g.,.. <code>Apache-2</code>``: prose cut short by a generator,
# an ellipsis then nothing but markup (a tag, a link) or the end: the closer was cut off too.
_ELLIPSES = ("..", "…")


def _truncated(text: str, start: int, end: int) -> int | None:
    """Where the segment's prose ends in an ellipsis cutting it short, after ``start``."""
    at = max(text.rfind(mark, start, end) for mark in _ELLIPSES)
    if at < 0:
        return None
    rest = text[at:end].lstrip(".…").lstrip()
    return at if not rest or rest[0] in "<[" else None


def _left_open(
    text: str, stack: list[int], strays: list[int], literal: _Escaped, cut: int | None = None
) -> Iterator[tuple[int, str]]:
    """What the segment's end leaves unpaired: openers no escaped closer closes, lone ``”``.
    An opener before an ellipsis that cuts the prose short (``cut``) was closed in what was
    cut: the text is truncated, not mistyped."""
    closers = _typed_as_openers(text, stack)
    for offset in stack:
        if (cut is not None and offset < cut) or offset in closers.values():
            continue
        if not literal.closes(_FAMILY.get(text[offset], text[offset]), offset):
            message = f"{text[offset]!r} is never closed"
            if offset in closers:
                message += f"; the {text[offset]!r} after it looks like its closer, mistyped"
            yield offset, message
    for offset in strays:
        yield offset, "'”' closes nothing"


# The longest quotation whose closer, typed as an opener, still pairs with its opener.
_QUOTED = 60


def _typed_as_openers(text: str, stack: list[int]) -> dict[int, int]:
    """Unclosed ``“`` each followed by a second unclosed ``“`` that closes its phrase, by the
    first's offset: ``加一个“关注区域“的prompt``, ``the “fast path“ here``. The second is the
    closer typed with the opener's glyph: one defect, reported once, on the first. The second
    closes a short phrase with no stop in it, and does not stand where an opener would (after a
    space, against the word it starts): two quotes opened in separate places stay two."""
    pairs: dict[int, int] = {}
    quotes = [offset for offset in stack if text[offset] == "“"]
    at = 0
    while at + 1 < len(quotes):
        first, second = quotes[at], quotes[at + 1]
        quoted = text[first + 1 : second]
        if (
            quoted.strip()
            and len(quoted) <= _QUOTED
            and not any(mark in quoted for mark in "”.!?。！？\n")
            and not text[second - 1].isspace()
        ):
            pairs[first] = second
            at += 2
        else:
            at += 1
    return pairs


class _Escaped:
    r"""The escaped brackets of a segment (``\[``, ``\]``), text to Markdown, which still pair
    with the brackets around them as a reader sees them: ``\[[Project](url)]`` shows
    ``[Project]``, its ``]`` closing the escaped ``\[``. An escaped bracket is asked for only
    where an unescaped one would be reported, so that ``[Other \[x](url)`` still closes its
    link; one left unpaired is a literal bracket written on purpose, never reported."""

    def __init__(self) -> None:
        self.openers: dict[str, list[int]] = {"(": [], "[": []}
        self.closers: dict[str, list[int]] = {"(": [], "[": []}

    def see(self, text: str, index: int, end: int) -> None:
        char = text[index] if index < end else ""
        if char and char in "([":
            self.openers[char].append(index)
        elif char and char in ")]":
            kind = _OPENER[char]
            if self.openers[kind]:
                self.openers[kind].pop()  # ``\[sic\]``: escaped on both sides
            else:
                self.closers[kind].append(index)

    def mistyped(self, kind: str, index: int) -> None:
        """A closer written for an opener (``_opens_word``), reported: it pairs with the next
        closer of its kind left without one, which closes what the author meant to open."""
        if kind in self.openers:
            self.openers[kind].append(index)

    def opens(self, kind: str) -> bool:
        """Whether an escaped opener of ``kind`` awaits a closer, which then closes it."""
        pending = self.openers.get(kind)
        if not pending:
            return False
        pending.pop()
        return True

    def closes(self, kind: str, offset: int) -> bool:
        """Whether an escaped closer of ``kind`` after ``offset`` closes that opener."""
        pending = self.closers.get(kind, [])
        for at, closer in enumerate(pending):
            if closer > offset:
                del pending[at]
                return True
        return False


def _close(
    text: str,
    stack: list[int],
    open_counts: Counter[str],
    index: int,
    strays: list[int],
    literal: _Escaped,
    wanted: str | None = None,
) -> Iterator[tuple[int, str]]:
    """Close the nearest opener of the closer's kind (``wanted``, when the closer's glyph
    closes another kind: the “ of ``„…“``); those opened after it were never closed."""
    wanted = wanted or _OPENER[text[index]]
    if not open_counts[wanted]:
        if wanted == "“":
            _stray_quote(index, strays)
        elif literal.opens(wanted):
            return
        elif wanted not in "(（" or not _enumerates(text, index):
            yield index, f"{text[index]!r} closes nothing"
            if _opens_word(text, index):
                literal.mistyped(wanted, index)
        return
    while stack:
        offset = stack.pop()
        opener = _FAMILY.get(text[offset], text[offset])
        open_counts[opener] -= 1
        if opener == wanted:
            return
        yield offset, f"{text[offset]!r} is never closed"


def _low_quote_open(text: str, stack: list[int]) -> bool:
    """Whether the quote opened last is a low „, which the “ or ” at hand closes: a “ opened
    inside it (``„a “b” c“``) is closed first."""
    for offset in reversed(stack):
        if text[offset] in "“„":
            return text[offset] == _LOW
    return False


def _stray_quote(index: int, strays: list[int]) -> None:
    """``”A Survey”``: a quote opened and closed with the same mark, as Japanese and Chinese
    text often does, is a style, not an imbalance: two such ``”`` pair off. A ``”`` left
    without a partner closes nothing, and is reported when the segment ends."""
    if strays:
        strays.pop()
    else:
        strays.append(index)


def _face(text: str, index: int, start: int) -> bool:
    """Whether the bracket at ``index`` is the mouth of a face, ``:)``, ``;-)``, ``:(``, ``=]``,
    written after a space: it opens and closes nothing."""
    if text[index] not in "()[]":
        return False
    at = index - 1
    if at > start and text[at] == "-":
        at -= 1
    return at >= start and text[at] in ":;=" and (at == start or text[at - 1].isspace())


def _opens_word(text: str, index: int) -> bool:
    """Whether the closer at ``index`` stands where an opener would, after a space and against
    the word it starts (``the method )described in) is``): a mistyped opener, whose closer
    further on is right and would otherwise be reported as a second defect."""
    return 0 < index < len(text) - 1 and text[index - 1].isspace() and text[index + 1].isalnum()


def _enumerates(text: str, index: int) -> bool:
    """Whether the ``)`` at ``index`` ends an enumerator that opens nothing: ``a)``, ``2)``,
    ``1）``, ``iv)``, ``一)`` as a word of its own (``a) fast, b) exact``; Chinese prose numbers
    its points so), or a Latin one glued to the ideograph before it (``发现I) 更高；II) 更大``:
    the script writes no space between words)."""
    return _ends_word(text, index, str.isalnum) or _ends_word(text, index, _latin_or_digit)


def _ends_word(text: str, index: int, letter: Callable[[str], bool]) -> bool:
    start = index
    while start > 0 and index - start < 3 and letter(text[start - 1]):
        start -= 1
    token = text[start:index]
    if start > 0 and (letter(text[start - 1]) or text[start - 1] in "_-"):
        return False
    return (
        (token.isdigit() and len(token) <= 2)
        or (len(token) == 1 and token.isalpha())
        or token.lower() in _ROMAN
    )


def _latin_or_digit(char: str) -> bool:
    """A letter or digit of a word spaced from the next (full-width ``１`` too): not a kana,
    ideograph or hangul, whose scripts write no spaces."""
    return char.isalnum() and not ("\u3040" <= char <= "\ud7af" or "\uf900" <= char <= "\ufaff")
