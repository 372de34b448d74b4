"""What a list puts between an item's name and its description: status marks and tags.

``- [Name](url) `⚠` - Description``, ``[Tool](url) **NEW** - ...``, ``[Lib](url) ![stars](badge)
- ...``, ``[Paper](url), `ICML` - ...``: the marks are a convention of the list, the description
starts after the separator that follows them. An item whose name is followed by marks alone
(``[App](url) 💲``, ``[Chat](url) *(Russian)*``) has a note, not a description without its
separator.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A GitHub emoji shortcode (``:rocket:``, ``:+1:``): GitHub renders it as its emoji, so its colons
# are no punctuation (no separator, no repeated colon) and it is a mark like the emoji.
EMOJI_SHORTCODE = re.compile(r":[a-z0-9_+-]{1,40}:")
_MARK = re.compile(
    r"`[^`\n]{1,40}`"  # code: `⚠`, `v2.0`
    r"|(\*\*|__|\*|_)[^*_\n]{1,40}?\1"  # emphasis: **NEW**, *deprecated*, *(Russian)*
    r"|\([^()\n]{1,40}\)"  # (Russian)
    r"|!\[[^\]\n]{0,80}\]\([^)\s]{1,300}\)"  # an image, a badge
    r"|\[!\[[^\]\n]{0,80}\]\([^)\s]{1,300}\)\]\([^)\s]{1,300}\)"  # a linked badge
    rf"|{EMOJI_SHORTCODE.pattern}"  # :star:
)
_SEPARATOR = re.compile(r"[ \t]+[-–—:][ \t]+")
# Emoji and the characters that dress them: variation selectors, joiners, skin tones.
_EMOJI_CATEGORIES = frozenset(("So", "Sk", "Cf", "Mn", "Me"))
# What dresses an emoji after its base character: variation selectors (``🗞️``), skin tones, the
# joiner between the emoji of a sequence, a keycap. Alone, after a letter, they are no emoji: a
# word's own marks (a Devanagari vowel sign, a backtick) are never taken for one.
_EMOJI_DRESS = frozenset(
    "\ufe0e\ufe0f\u200d\u20e3\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff"
)
# Symbols written against a word as typography (``Foo™``, ``25°``, ``© 2020``): no icon.
_TYPOGRAPHIC_SYMBOLS = frozenset("©®™°℠℗№")


def emoji_start(text: str, end: int) -> int:
    """Where the run of emoji that ends at ``end`` starts; ``end`` when no emoji ends there.

    An emoji is a pictographic symbol (``🔗``, ``✅``) with what dresses it; flags' tag
    characters count as dress too.
    """
    start = at = end
    while at > 0:
        char = text[at - 1]
        if char in _EMOJI_DRESS or "\U000e0020" <= char <= "\U000e007f":
            at -= 1
        elif unicodedata.category(char) == "So" and char not in _TYPOGRAPHIC_SYMBOLS:
            at -= 1
            start = at
        else:
            break
    return start


@dataclass(frozen=True, slots=True)
class Marks:
    """The marks after an item's name: where they end, and the separator after them if any."""

    end: int
    separator: tuple[int, int] | None


def read_marks(text: str, start: int, end: int) -> Marks | None:
    """The marks from ``start`` (right after the name) up to ``end``, or None when the text
    there does not open with one."""
    at = _skip(text, start, end)
    last = start
    while at < end:
        mark = _MARK.match(text, at, end)
        if mark is not None:
            at = mark.end()
        elif unicodedata.category(text[at]) in _EMOJI_CATEGORIES:
            at += 1
        else:
            break
        last = at
        at = _skip(text, at, end)
    if last == start:
        return None
    separator = _SEPARATOR.match(text, last, end)
    return Marks(last, (separator.start(), separator.end()) if separator else None)


def only_marks(text: str, start: int, end: int) -> bool:
    """Whether the text from ``start`` to ``end`` is nothing but marks (a note)."""
    marks = read_marks(text, start, end)
    return marks is not None and not text[marks.end : end].strip()


def _skip(text: str, at: int, end: int) -> int:
    while at < end and text[at] in " \t,":
        at += 1
    return at
