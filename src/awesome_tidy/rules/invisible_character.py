from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator

from awesome_tidy.model import INVISIBLE, Document, Entry, Part, emoji_start
from awesome_tidy.rule import DEFECT_STORMS, Edit, Fix, Problem, Rule, replace_chars

# Joiners shape emoji (👷🏻‍♂️) and Indic or Persian words; between two Latin letters or digits
# they do nothing but break search and comparison.
_JOINERS = frozenset(("\u200c", "\u200d"))
_SPACES = frozenset(("\u00a0", "\u202f"))
# Where typography puts a no-break space on purpose: before French high punctuation and a
# percent sign (``Outil : rapide``), inside guillemets (``« texte »``), between the digit groups
# of a number (``10 000``). A plain space there lets the line break before the ``:``.
_BEFORE_MARK = frozenset(":;!?»›%")
_AFTER_MARK = frozenset("«‹")
_HIDDEN = re.compile("[" + "".join(INVISIBLE) + "]")
# A no-break space after an abbreviation's period keeps ``No.`` with its number and ``et al.``
# with what follows, in any language (``u.\u00a0a.``, ``z.\u00a0B.``, ``S.\u00a012``): pandoc
# writes one after every abbreviation it knows, citation tools, BibTeX styles and LaTeX's ``~``
# after initials and before reference numbers (``J.~Smith``, ``Fig.~2``). The word that ends just
# before the space: a single letter, a dotted one (``e.g.``, ``U.S.``), a word without a vowel
# (``Bd.``, ``Nr.``, ``Hrsg.``, ``pp.``: European languages seldom write a whole word so), or a
# known abbreviation that has vowels. A sentence that ends on an ordinary word is none of these.
_ABBREVIATIONS = frozenset(
    (
        "al", "approx", "art", "aufl", "ca", "chap", "coll", "ebd", "ed", "eds", "eq", "eqs",
        "esp", "etc", "evtl", "fig", "figs", "gen", "gov", "hon", "ibid", "op", "no", "nos",
        "prof", "rep", "rev", "sec", "secs", "sen", "suppl", "tab", "trad", "usw", "vol", "vols",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt", "nov",
        "dec", "dez",
    )
)  # fmt: skip
# Vowels of the Latin, Greek and Cyrillic alphabets (accents are stripped first); ``y`` too, as
# in ``by`` or ``gym``.
_VOWELS = frozenset("aeiouyαεηιουωаеёиоуыэюяіїє")
# A number kept with its unit (``10\u00a0km``), or with the word naming what it numbers
# (``Section\u00a03``, LaTeX ``Table~1``).
_UNITS = frozenset(
    (
        "b", "bn", "c", "cm", "db", "f", "gb", "ghz", "h", "hz", "k", "kb", "kg", "khz", "km",
        "kw", "m", "mb", "mg", "mhz", "min", "mm", "ms", "mw", "nm", "ns", "pb", "px", "s", "tb",
        "v", "w",
    )
)  # fmt: skip
_UNIT = re.compile(r"[A-Za-zµ°]+(?![A-Za-z])")
_NUMBERED = frozenset(
    (
        "appendix", "chapter", "equation", "figure", "issue", "lemma", "number", "page", "pages",
        "part", "section", "table", "theorem", "volume",
    )
)  # fmt: skip


class InvisibleCharacter(Rule):
    name = "invisible-character"
    severity = "warning"
    judges_entries = DEFECT_STORMS
    summary = "A soft hyphen, zero-width or no-break space hidden in an entry's key, title or text."
    fix_safety = "safe"
    changes = (
        replace_chars(
            {
                **dict.fromkeys(INVISIBLE, ""),
                "\u00a0": (" ", ""),
                "\u202f": (" ", ""),
                " ": "",
                "\t": "",
            }
        ),
    )

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        # Performance (issue 3): the invisible characters of the whole text found at once in C
        # (none in most lists), then each part looks up its own instead of reading every char.
        hidden = [] if text.isascii() else [match.start() for match in _HIDDEN.finditer(text)]
        if not hidden:
            return
        for entry in doc.entries:
            for label, part in _parts(entry):
                first = bisect_left(hidden, part.start)
                for offset in hidden[first : bisect_left(hidden, part.end, first)]:
                    char = text[offset]
                    if entry.in_code(offset):
                        continue
                    if char in _JOINERS and not _between_latin(text, offset):
                        continue
                    if char in _SPACES and _typographic(text, offset):
                        continue
                    yield self.problem(
                        offset,
                        offset + 1,
                        message=f"invisible {INVISIBLE[char]} (U+{ord(char):04X}) in {label}",
                        fix=Fix.safe(_edit(text, offset)),
                    )


def _parts(entry: Entry) -> Iterator[tuple[str, Part]]:
    for label, part in (
        ("key", entry.key),
        ("title", entry.title),
        ("authors", entry.authors),
        ("venue", entry.venue),
        ("description", entry.description),
    ):
        if part is not None:
            yield label, part


def _edit(text: str, offset: int) -> Edit:
    """The character removed, or a no-break space made plain; when it is the last thing on its
    line (only other hidden characters follow), the blanks before it go with it: deleting only
    ``\u200b`` from ``…；    \u200b`` would leave the spaces ending the line, a new hard break."""
    end = offset + 1
    while end < len(text) and text[end] in INVISIBLE:
        end += 1
    if end == len(text) or text[end] == "\n":
        start = offset
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        return Edit(start, offset + 1, "")
    return Edit(offset, offset + 1, " " if text[offset] in _SPACES else "")


def _between_latin(text: str, offset: int) -> bool:
    before, after = text[offset - 1 : offset], text[offset + 1 : offset + 2]
    return before.isascii() and before.isalnum() and after.isascii() and after.isalnum()


def _typographic(text: str, offset: int) -> bool:
    """Whether the no-break space at ``offset`` is where typography puts one on purpose."""
    before, after = text[offset - 1 : offset], text[offset + 1 : offset + 2]
    if after in _BEFORE_MARK or before in _AFTER_MARK or (before.isdigit() and after.isdigit()):
        return True
    if _after_emoji(text, offset):
        return True
    if before == ".":
        return _abbreviation(_word_before(text, offset))
    if before.isdigit():
        unit = _UNIT.match(text, offset + 1, offset + 6)
        return unit is not None and unit.group().lower().strip("µ°") in _UNITS | {""}
    if after.isdigit():
        return _word_before(text, offset).lower() in _NUMBERED
    return False


def _word_before(text: str, offset: int) -> str:
    """The letters and periods ending just before ``offset`` (``et al.`` gives ``al.``)."""
    start = offset
    while (
        start > 0 and offset - start < 16 and (text[start - 1].isalpha() or text[start - 1] == ".")
    ):
        start -= 1
    return text[start:offset]


def _after_emoji(text: str, offset: int) -> bool:
    """Whether an emoji or other pictograph ends just before ``offset``: a no-break space after
    it keeps the icon with its label (``🔗\u00a0[paper]``, ``📜\u00a0Title``)."""
    return emoji_start(text, offset) < offset


def _abbreviation(word: str) -> bool:
    """Whether ``word`` (ending in a period) is an abbreviation: a single letter (``J.``, ``u.``,
    ``S.``), dotted letters (``e.g.``, ``U.S.``, ``Ph.D.``), a word without a vowel in small
    letters after the first (``Bd.``, ``Hrsg.``: an acronym ``NLP.`` can end a sentence) or a
    known one (``vol.``, ``éd.``)."""
    pieces = word[:-1].split(".")
    if len(pieces) > 1:
        return all(piece.isascii() and piece.isalpha() and len(piece) <= 2 for piece in pieces)
    body = pieces[0]
    if len(body) == 1:
        return body.isupper() or body.islower()
    letters = _unaccented(body.lower())
    vowelless = body[1:].islower() and not any(char in _VOWELS for char in letters)
    return vowelless or letters in _ABBREVIATIONS


def _unaccented(word: str) -> str:
    """``word`` without its accents (``éd`` is ``ed``)."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
