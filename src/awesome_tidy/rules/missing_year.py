from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.conventions import missing_years
from awesome_tidy.document import Document
from awesome_tidy.rule import Problem, Rule


class MissingYear(Rule):
    name = "missing-year"
    judges_entries = True
    severity = "warning"
    summary = "An entry without a year in a list whose entries carry one."

    def check(self, doc: Document) -> Iterator[Problem]:
        for entry in missing_years(doc.entries):
            yield self.problem(entry.body.start, entry.body.end, message="entry has no year")
