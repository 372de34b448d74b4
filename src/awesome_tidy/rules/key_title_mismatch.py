from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.conventions import KEY_STYLES, dominant_key_style
from awesome_tidy.document import Document
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
    severity = "warning"
    summary = "A Google-Scholar-style key whose word is not the title's first significant word."

    def check(self, doc: Document) -> Iterator[Problem]:
        if not doc.has_keys or dominant_key_style(doc.entries) != "google-scholar":
            return
        style = KEY_STYLES["google-scholar"]
        for entry in doc.entries:
            key = entry.key_text
            if not key or entry.key is None or entry.title is None or not style.fullmatch(key):
                continue
            parts = _KEY_PARTS.fullmatch(key)
            words = _WORD.findall(entry.title_text)
            if parts is None or not parts.group(3) or not words:
                continue
            if parts.group(3) in _candidates(words):
                continue
            residue = parts.group(1) + parts.group(2)
            if words[0].startswith(residue):
                message = f"title starts with key residue {words[0][: len(residue) + 1]!r}"
            else:
                first_word = _candidates(words)[0]
                message = (
                    f"key word {parts.group(3)!r} is not the title's first word {first_word!r}"
                )
            yield self.problem(entry.title.start, entry.title.end, message=message)


def _candidates(words: list[str]) -> list[str]:
    """The first significant word, and the first word too (Scholar's stopwords vary)."""
    significant = [word for word in words if word not in _STOPWORDS] or words
    return [significant[0], words[0]]
