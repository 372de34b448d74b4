from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.conventions import key_year
from awesome_tidy.document import Document
from awesome_tidy.rule import Problem, Rule


class KeyYearMismatch(Rule):
    name = "key-year-mismatch"
    judges_entries = True
    severity = "error"
    summary = "The year in a citation key differs from the entry's year."

    def check(self, doc: Document) -> Iterator[Problem]:
        for entry in doc.entries:
            if entry.key is None or entry.year is None:
                continue
            key, year = entry.key_text, entry.year_value
            if key is None or year is None:
                continue
            in_key = key_year(key)
            if in_key is not None and in_key != year:
                yield self.problem(
                    entry.key.start,
                    entry.key.end,
                    message=f"key {key!r} says {in_key}, the entry says {year}",
                )
