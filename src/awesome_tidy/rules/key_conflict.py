from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.document import Document
from awesome_tidy.entries import Entry
from awesome_tidy.rule import Problem, Rule
from awesome_tidy.similarity import same_paper


class KeyConflict(Rule):
    name = "key-conflict"
    judges_entries = True
    severity = "error"
    summary = "One citation key used for two different papers."

    def check(self, doc: Document) -> Iterator[Problem]:
        # Each key's first entry, and the titles of the different papers it was given to.
        first_by_key: dict[str, tuple[Entry, list[str]]] = {}
        for entry in doc.entries:
            key, title = entry.key_text, entry.title_text
            if not key or entry.key is None or not title:
                continue
            first, titles = first_by_key.setdefault(key, (entry, []))
            if any(same_paper(other, title) for other in titles):
                continue
            if titles:
                yield self.problem(
                    entry.key.start,
                    entry.key.end,
                    message=f"key {key!r} already names another title on line {first.line}",
                    related=first.start,
                )
            titles.append(title)
