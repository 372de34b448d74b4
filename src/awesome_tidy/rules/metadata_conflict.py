from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.document import Document
from awesome_tidy.entries import Entry
from awesome_tidy.metadata import same_venue
from awesome_tidy.rule import Problem, Rule
from awesome_tidy.similarity import copies


class MetadataConflict(Rule):
    name = "metadata-conflict"
    judges_entries = True
    severity = "warning"
    summary = "The same paper listed with a different year or venue in two places."

    def check(self, doc: Document) -> Iterator[Problem]:
        for group in copies(doc.entries):
            dated = next((entry for entry in group if _year(entry) is not None), None)
            placed = next((entry for entry in group if entry.venue is not None), None)
            for entry in group:
                conflicts = [*_year_conflict(entry, dated), *_venue_conflict(entry, placed)]
                if not conflicts:
                    continue
                first = dated if dated is not None and dated is not entry else placed
                assert first is not None
                yield self.problem(
                    entry.body.start,
                    entry.body.end,
                    message="; ".join(conflicts),
                    related=first.start,
                )


def _year_conflict(entry: Entry, first: Entry | None) -> Iterator[str]:
    year = _year(entry)
    if first is None or first is entry or year is None:
        return
    other = _year(first)
    if other is not None and year != other:
        yield f"year {year} here, {other} on line {first.line}"


def _venue_conflict(entry: Entry, first: Entry | None) -> Iterator[str]:
    if first is None or first is entry or entry.venue is None or first.venue is None:
        return
    if not same_venue(entry.venue.text, first.venue.text):
        yield f"venue {entry.venue.text!r} here, {first.venue.text!r} on line {first.line}"


def _year(entry: Entry) -> int | None:
    """The entry's own year, or the year of the heading it is listed under (``### 2024``)."""
    return entry.year_value if entry.year_value is not None else entry.section.year
