"""Character classes and normal forms shared by the model and the rules."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Full-width brackets a CJK input method types, with their ASCII twins.
FULL_WIDTH_BRACKETS = {
    "（": "(", "）": ")", "【": "[", "】": "]", "［": "[", "］": "]",
    "｛": "{", "｝": "}", "〔": "(", "〕": ")", "《": "<", "》": ">",
}  # fmt: skip
OPENERS = {"(": ")", "[": "]", "{": "}"}

# Invisible characters that sneak in by copy-paste from PDFs and web pages.
INVISIBLE = {
    "\u00ad": "soft hyphen",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space",
    "\u00a0": "no-break space",
    "\u202f": "narrow no-break space",
}

_NON_WORD = re.compile(r"[\W_]+")
# Performance (issue 3): an ASCII title is normalised with one ``bytes.translate`` (letters and
# digits lower-cased, every other byte a space) instead of a Unicode regex, four times faster.
_ASCII_WORD_BYTES = bytes(
    ord(char.lower()) if char.isascii() and char.isalnum() else 32 for char in map(chr, range(256))
)

# An arrow written between a name and its text (``->``, ``-->``, ``=>``, ``→``): one separator
# whole, never a dash with a ``>`` opening the text after it.
ARROW = re.compile(r"-{1,2}>|={1,2}>|[→⇒⟶➔➜➝➞]")


def is_cjk(char: str) -> bool:
    """True for ideographs, kana, hangul and CJK punctuation: text where full-width forms belong."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK punctuation, kana, ideographs
        or 0xAC00 <= code <= 0xD7AF  # hangul syllables
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFF61 <= code <= 0xFFDC  # half-width kana and hangul
        or 0x20000 <= code <= 0x3134F  # ideograph extensions
    )


_LATIN_WORD = re.compile(r"[A-Za-z]+")
_MARKUP = re.compile(r"<[^<>]*>|\]\([^()\s]*\)")


def written_in_cjk(text: str) -> bool:
    """Whether ``text`` is written in CJK: as many CJK characters as Latin words or more
    (``微信 for Mac``, not ``vue admin,vue后台管理,admin``), HTML tags and link targets not
    counted."""
    text = _MARKUP.sub(" ", text)
    cjk = sum(map(is_cjk, text))
    return cjk > 0 and cjk >= len(_LATIN_WORD.findall(text))


def is_full_width_form(char: str) -> bool:
    """A full-width variant of an ASCII character (U+FF01..U+FF5E) or a CJK bracket."""
    return 0xFF01 <= ord(char) <= 0xFF5E or char in FULL_WIDTH_BRACKETS


def to_ascii_form(char: str) -> str:
    if char in FULL_WIDTH_BRACKETS:
        return FULL_WIDTH_BRACKETS[char]
    if 0xFF01 <= ord(char) <= 0xFF5E:
        return chr(ord(char) - 0xFEE0)
    return char


# Performance (issue 3): Entry.title_text and key_text are properties that several rules read for
# every entry; remembering each distinct title and key makes the second and later reads a lookup.
# Bounded, so that a long-lived process checking many lists does not grow without end.
@lru_cache(maxsize=1 << 18)
def normalize_title(title: str) -> str:
    """The form two titles of one paper share: folded case, width and punctuation, no braces."""
    if title.isascii():  # NFKC and case folding keep ASCII ASCII; no invisible character is ASCII
        return b" ".join(title.encode().translate(_ASCII_WORD_BYTES).split()).decode()
    folded = unicodedata.normalize("NFKC", title).casefold()
    for char in INVISIBLE:
        folded = folded.replace(char, "" if char not in "\u00a0\u202f" else " ")
    return _NON_WORD.sub(" ", folded).strip()


@lru_cache(maxsize=1 << 18)
def normalize_key(key: str) -> str:
    """A key without the braces, invisible characters and full-width forms other rules report."""
    if key.isascii():  # NFKC keeps ASCII as it is; no invisible character is ASCII
        return key.replace("{", "").replace("}", "").strip()
    folded = unicodedata.normalize("NFKC", key)
    for char in (*INVISIBLE, "{", "}"):
        folded = folded.replace(char, "")
    return folded.strip()


# Words English title case keeps in lower case between capitalised ones: articles, short
# prepositions and conjunctions (``Learning to Label 4D Objects from Point Clouds``).
_MINOR_WORDS = frozenset((
    "a", "an", "the", "and", "or", "nor", "but", "so", "yet", "as", "at", "by", "for", "from",
    "in", "into", "of", "off", "on", "onto", "out", "over", "per", "to", "up", "upon", "via",
    "vs", "with", "without", "than",
))  # fmt: skip
# A word as a title writes it: a Latin letter first (``4D``, ``1M`` tell no case), whatever
# follows (``Large-scale``, ``DiTs``).
_TITLE_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][\w'’-]*")
# Title case shows from this many capitalised words on: fewer are names inside a sentence.
_TITLE_WORDS = 3


def title_cased(text: str) -> bool:
    """Whether ``text`` is written in title case: three words or more besides the minor ones
    (``_MINOR_WORDS``), each capitalised (``an Inference Engine for Diffusion Transformers``).
    A paper's title as its authors wrote it, not a sentence: one lower-case word (``a Python
    wrapper for Google Cloud``) makes it a sentence with names in it."""
    words = [word for word in _TITLE_WORD.findall(text) if word.casefold() not in _MINOR_WORDS]
    return len(words) >= _TITLE_WORDS and all(word[0].isupper() for word in words)


# A link's target, inline (``](…)``, up to a parenthesis: linear on runs of ``](``) or bare.
_LINK_TARGET = re.compile(r"\]\([^()]*\)|(?:https?://|www\.)\S*")


def without_link_targets(text: str) -> str:
    """``text`` with its links' addresses blanked out, so that words read in it are a human's
    (``submitted`` in a URL's path is no review stage, ``2021`` in an arXiv id no year)."""
    return _LINK_TARGET.sub(" ", text)
