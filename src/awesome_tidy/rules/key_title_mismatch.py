from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.model import Document, dominant
from awesome_tidy.rule import Problem, Rule

# Google Scholar builds a key from the author, the year and the title's first significant word.
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "on",
        "of",
        "in",
        "for",
        "to",
        "and",
        "or",
        "with",
        "at",
        "by",
        "from",
        "is",
        "are",
        "via",
    ]
)
_KEY_PARTS = re.compile(r"([a-z][a-z'-]*)((?:1[89]|20)\d\d)([a-z0-9]*)")
_WORD = re.compile(r"[a-z0-9]+")


class KeyTitleMismatch(Rule):
    name = "key-title-mismatch"
    judges_entries = True
    severity = "warning"
    summary = "A Google-Scholar-style key whose word is not the title's first significant word."

    def check(self, doc: Document) -> Iterator[Problem]:
        if not doc.has_keys or dominant(doc.key_styles, 0.6) != "google-scholar":
            return
        for entry in doc.entries:
            key = entry.key_text
            if not key or entry.key is None or entry.title is None:
                continue
            convention = doc.convention(entry)
            if not convention.keys_understood or convention.key_style != "google-scholar":
                continue
            parts = _KEY_PARTS.fullmatch(key)
            # The entry's style, read once per key: a Google Scholar key matches that pattern.
            if parts is None or not parts.group(3) or entry.key_style != "google-scholar":
                continue
            words = _first_words(entry.title_text)
            if words is None or parts.group(3) in words:
                continue
            first, significant = words
            residue = parts.group(1) + parts.group(2)
            if first.startswith(residue):
                message = f"title starts with key residue {first[: len(residue) + 1]!r}"
            else:
                message = (
                    f"key word {parts.group(3)!r} is not the title's first word {significant!r}"
                )
            yield self.problem(entry.title.start, entry.title.end, message=message)


def _first_words(title: str) -> tuple[str, str] | None:
    """The title's first word and its first significant word (Scholar's stopwords vary), read
    only as far as that word: most titles name it within three."""
    first = None
    for match in _WORD.finditer(title):
        word = match.group()
        first = first or word
        if word not in _STOPWORDS:
            return first, word
    return None if first is None else (first, first)
