"""Inline syntax read straight from the source: code spans, links, bold runs, HTML tags, bare URLs.

The model parses block structure only (see ``document.parser``); entries read their parts from
their own source span with these scanners. Each scanner is linear in the span it is given, and
bounded where a bracket looks for its partner, so that a line of a million ``[`` stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from awesome_tidy.urls import link_kind

WORD = re.compile(r"\w+")
_MAX_LABEL = 1000
_AFTER_ALL = 1 << 62
_MAX_URL = 4000
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]`'\"，。、；：]+")
_PAIR_STOPS = re.compile(r"[\[\]()\\\n]")
_BRACKET_STOPS = {
    "[": re.compile(r"[\[\]\\\n]"),
    "(": re.compile(r"[()\\\n]"),
}
_HTML_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>|<!--.{0,4000}?-->", re.DOTALL)


# Performance (issue 3): a list makes some ten parts and a link per entry. The __init__ a frozen
# dataclass generates sets each field through object.__setattr__; the slots' own setters, which
# the two below call, take half the time, and the instances stay as frozen.
@dataclass(slots=True, frozen=True, init=False)
class Part:
    """A piece of an entry: offsets into the document text, and the text itself."""

    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        _set_start(self, start)
        _set_end(self, end)
        _set_text(self, text)


@dataclass(slots=True, frozen=True, init=False)
class Link:
    """``[label](url)``, ``![alt](src)``, or a bare URL (whose label is empty)."""

    start: int
    end: int
    label: Part
    url: Part
    image: bool = False
    kind: str = field(init=False)
    """``anchor``, ``badge``, ``paper``, ``code``, ``project`` or ``other`` (``urls.link_kind``)."""

    def __init__(self, start: int, end: int, label: Part, url: Part, image: bool = False) -> None:
        _set_link_start(self, start)
        _set_link_end(self, end)
        _set_label(self, label)
        _set_url(self, url)
        _set_image(self, image)
        _set_kind(self, link_kind(label.text, url.text, image=image))


def _slot_setters(cls: type, *names: str) -> list[Callable[[object, object], None]]:
    return [cls.__dict__[name].__set__ for name in names]


_set_start, _set_end, _set_text = _slot_setters(Part, "start", "end", "text")
_new = object.__new__
_set_link_start, _set_link_end, _set_label, _set_url, _set_image, _set_kind = _slot_setters(
    Link, "start", "end", "label", "url", "image", "kind"
)


def strip_span(text: str, start: int, end: int, chars: str = " \t\n") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def part(text: str, start: int, end: int) -> Part:
    # Performance (issue 10.5): the readers make most parts here; setting the slots without a
    # call of Part.__init__ in between saves a sixth of each.
    made = _new(Part)
    _set_start(made, start)
    _set_end(made, end)
    _set_text(made, text[start:end])
    return made


def code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Backtick code spans in ``text[start:end]``: a run of n backticks closed by a run of n."""
    spans = []
    at = text.find("`", start, end)
    while 0 <= at < end:
        run = at
        while run < end and text[run] == "`":
            run += 1
        fence = text[at:run]
        close = text.find(fence, run, end)
        while close >= 0 and close + len(fence) < end and text[close + len(fence)] == "`":
            close = text.find(fence, close + len(fence) + 1, end)
        if close < 0:
            at = text.find("`", run, end)
            continue
        spans.append((at, close + len(fence)))
        at = text.find("`", close + len(fence), end)
    return spans


def inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``offset`` is in one of a few ``spans`` (for many, build a ``Cover`` once)."""
    if not spans:
        return False
    return any(start <= offset < end for start, end in spans)


class Cover:
    """Spans in any order, overlapping or not, asked about in logarithmic time: whether an
    offset is in one. Built once for the many questions a rule asks of one entry."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            elif end > start:
                self.starts.append(start)
                self.ends.append(end)

    def __contains__(self, offset: int) -> bool:
        index = bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


def in_sorted(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    """``inside`` for spans already sorted and apart (code spans, the links of an entry)."""
    index = bisect_right(spans, (offset, _AFTER_ALL)) - 1
    return index >= 0 and offset < spans[index][1]


def links(text: str, start: int, end: int, skip: Sequence[tuple[int, int]] = ()) -> list[Link]:
    """Inline links and images outside ``skip`` (code spans), then bare URLs outside both."""
    found = _inline_links(text, start, end, skip)
    schemes = text.count("://", start, end)
    # Performance (issue 3): a bare URL never straddles a link (brackets end it), so when every
    # '://' is inside a link, as in most entries, there is none to look for.
    if not schemes or (
        not skip and schemes == sum(text.count("://", link.start, link.end) for link in found)
    ):
        return found
    covered = Cover([(link.start, link.end) for link in found] + list(skip))
    for match in _BARE_URL.finditer(text, start, end):
        if match.start() not in covered and text[match.start() - 1 : match.start()] != "<":
            url = Part(match.start(), match.end(), match.group().rstrip(".,;:"))
            found.append(Link(url.start, url.end, Part(url.start, url.start, ""), url))
    found.sort(key=lambda link: link.start)
    return found


def _inline_links(text: str, start: int, end: int, skip: Sequence[tuple[int, int]]) -> list[Link]:
    found: list[Link] = []
    at = text.find("[", start, end)
    if at < 0 or text.find("](", at, end) < 0:
        return found  # every inline link holds a '](' (``[2021]`` alone needs no bracket pairs)
    # Brackets before the first '[' close nothing a link asks about; only an escape may reach it.
    escape = text.find("\\", start, at)
    pairs = bracket_pairs(text, at if escape < 0 else escape, end)
    skipped = Cover(skip) if skip else None
    while 0 <= at < end:
        link = None if skipped and at in skipped else link_at(text, at, end, pairs)
        if link is None:
            at = text.find("[", at + 1, end)
            continue
        found.append(link)
        at = text.find("[", link.end, end)
    return found


def link_at(text: str, at: int, end: int, pairs: dict[int, int] | None = None) -> Link | None:
    """The link whose ``[`` is at ``at``, with balanced brackets, or None. ``pairs`` (from
    ``bracket_pairs``) answers in constant time where the brackets close."""
    if pairs is None:
        label_end = matching(text, at, min(end, at + _MAX_LABEL), "[", "]")
    else:
        label_end = pairs.get(at, -1)
    if label_end < 0 or label_end + 1 >= end or text[label_end + 1] != "(":
        return None
    if pairs is None:
        url_end = matching(text, label_end + 1, min(end, label_end + _MAX_URL), "(", ")")
    else:
        url_end = pairs.get(label_end + 1, -1)
    if url_end < 0 or url_end >= end:
        return None
    image = at > 0 and text[at - 1] == "!"
    url_start, url_stop = strip_span(text, label_end + 2, url_end)
    url_text = text[url_start:url_stop]
    if " " in url_text:  # a title after the destination: [x](url "title")
        url_stop = url_start + url_text.index(" ")
    if text.startswith("<", url_start) and text[url_stop - 1 : url_stop] == ">":
        url_start, url_stop = url_start + 1, url_stop - 1
    label = Part(at + 1, label_end, text[at + 1 : label_end])
    return Link(at - image, url_end + 1, label, part(text, url_start, url_stop), image)


def bracket_pairs(text: str, start: int, end: int) -> dict[int, int]:
    """Where each ``[`` and ``(`` of ``text[start:end]`` closes, in one linear pass: the pairs
    ``matching`` would find from each opener, without scanning again from every one (a line of
    a hundred thousand ``[`` stays linear)."""
    pairs: dict[int, int] = {}
    squares: list[int] = []
    rounds: list[int] = []
    escaped = start
    for match in _PAIR_STOPS.finditer(text, start, end):
        index = match.start()
        if index < escaped:
            continue
        char = text[index]
        if char == "\\":
            escaped = index + 2
        elif char == "[":
            squares.append(index)
        elif char == "(":
            rounds.append(index)
        elif char == "]" and squares:
            pairs[squares.pop()] = index
        elif char == ")" and rounds:
            pairs[rounds.pop()] = index
        elif char == "\n" and text.startswith("\n\n", index):
            squares.clear()
            rounds.clear()
    return pairs


def matching(text: str, at: int, end: int, opener: str, closer: str) -> int:
    """Offset of the closer matching the opener at ``at``, honouring backslash escapes; -1 when
    a blank line or ``end`` comes first. Jumps from one bracket to the next with a regex."""
    pattern = _BRACKET_STOPS[opener]
    depth = 0
    index = at
    while True:
        match = pattern.search(text, index, end)
        if match is None:
            return -1
        index = match.start()
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return index
        elif text.startswith("\n\n", index):
            return -1
        index += 1


def html_tags(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if text.find("<", start, end) < 0:
        return []
    return [match.span() for match in _HTML_TAG.finditer(text, start, end)]


def emphasis_at(text: str, at: int, end: int) -> tuple[int, int] | None:
    """The inside of a ``**bold**`` or ``__bold__`` run opening at ``at`` (closing on the same
    paragraph), or None."""
    marker = text[at : at + 2]
    if marker not in ("**", "__") or at + 2 >= end or text[at + 2].isspace():
        return None
    close = text.find(marker, at + 2, end)
    while close > at + 2 and text[close - 1].isspace():
        close = text.find(marker, close + 2, end)
    if close <= at + 2:
        return None
    return at + 2, close


def unwrap(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip emphasis and code markers wrapped around a whole span: ``**x**`` -> ``x``."""
    start, end = strip_span(text, start, end)
    for marker in ("**", "__", "*", "_", "`"):
        size = len(marker)
        while (
            end - start > 2 * size
            and text.startswith(marker, start)
            and text.endswith(marker, start, end)
        ):
            start, end = strip_span(text, start + size, end - size)
    return start, end


def runs_outside(
    start: int, end: int, holes: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """The stretches of ``[start, end)`` that no hole covers; holes may overlap, any order."""
    at = start
    for hole_start, hole_end in sorted(holes):
        if hole_end <= at:
            continue
        if hole_start > at:
            yield at, min(hole_start, end)
        at = max(at, hole_end)
        if at >= end:
            return
    if at < end:
        yield at, end
