from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.document import Document
from awesome_tidy.entries import Entry
from awesome_tidy.rule import Problem, Rule
from awesome_tidy.urls import normalize_url


class DuplicateLink(Rule):
    name = "duplicate-link"
    judges_entries = True
    severity = "warning"
    summary = "Two entries whose links point at the same paper or repository."

    def check(self, doc: Document) -> Iterator[Problem]:
        first_by_url: dict[str, Entry] = {}
        for entry in doc.entries:
            link = entry.primary_link
            if link is None:
                continue
            url = normalize_url(link.url.text)
            if "." not in url and ":" not in url:
                continue  # relative or malformed: nothing to compare
            first = first_by_url.setdefault(url, entry)
            if first is entry or _same_entry(first, entry):
                continue
            yield self.problem(
                link.url.start,
                link.url.end,
                message=f"{url} is also the link of line {first.line}",
                related=first.start,
            )


def _same_entry(first: Entry, second: Entry) -> bool:
    """The same title (or key): duplicate-entry and cross-section-duplicate report those."""
    return first.copy_title == second.copy_title or bool(
        first.key_text and first.key_text == second.key_text
    )
