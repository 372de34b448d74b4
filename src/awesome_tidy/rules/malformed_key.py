from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.document import Document
from awesome_tidy.rule import Problem, Rule

# Braces, invisible and full-width characters are left to the rules that can fix them.
_KEY_ALPHABET = re.compile(r"[A-Za-z0-9_:./+\-]+")


class MalformedKey(Rule):
    name = "malformed-key"
    judges_entries = True
    severity = "error"
    summary = (
        "A citation key that is empty, has whitespace, or characters outside the key alphabet."
    )

    def check(self, doc: Document) -> Iterator[Problem]:
        if not doc.has_keys:
            return
        for entry in doc.entries:
            key = entry.key_text
            if entry.key is None or key is None or _KEY_ALPHABET.fullmatch(key):
                continue  # the usual key, in one regex call
            if not key:
                message = "empty citation key"
            elif any(char.isspace() for char in key):
                message = f"citation key {key!r} contains whitespace"
            else:
                bad = sorted({char for char in key if not _KEY_ALPHABET.fullmatch(char)})
                message = f"citation key {key!r} contains {', '.join(map(repr, bad))}"
            yield self.problem(entry.key.start, entry.key.end, message=message)
