from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.document import Document
from awesome_tidy.entries import Entry
from awesome_tidy.rule import Problem, Rule
from awesome_tidy.similarity import same_paper


class KeyConflict(Rule):
    name = "key-conflict"
    severity = "error"
    summary = "One citation key used for two different papers."

    def check(self, doc: Document) -> Iterator[Problem]:
        first_by_key: dict[str, list[Entry]] = {}
        for entry in doc.entries:
            key = entry.key_text
            if not key or entry.key is None or not entry.title_text:
                continue
            seen = first_by_key.setdefault(key, [])
            if any(same_paper(other.title_text, entry.title_text) for other in seen):
                continue
            if seen:
                yield self.problem(
                    entry.key.start,
                    entry.key.end,
                    message=f"key {key!r} already names another title on line {seen[0].line}",
                    related=seen[0].start,
                )
            seen.append(entry)
