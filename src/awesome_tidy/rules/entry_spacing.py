from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.conventions import dominant
from awesome_tidy.document import Document
from awesome_tidy.entries import Entry, Part
from awesome_tidy.rule import Edit, Fix, Problem, Rule


class EntrySpacing(Rule):
    name = "entry-spacing"
    severity = "warning"
    summary = "Spacing between key, title and year that differs from the list's own entry format."
    fix_safety = "safe"

    def check(self, doc: Document) -> Iterator[Problem]:
        for describe, gap_of in (("key and title", _key_gap), ("title and year", _year_gap)):
            gaps = [gap for entry in doc.entries if (gap := gap_of(entry)) and _blank(doc, gap)]
            canonical = dominant((doc.text[start:end] for start, end in gaps), share=0.6)
            if canonical is None:
                continue
            for start, end in gaps:
                found = doc.text[start:end]
                if found == canonical:
                    continue
                yield self.problem(
                    start,
                    end,
                    message=f"{_shown(found)} between {describe} "
                    f"where the list uses {_shown(canonical)}",
                    fix=Fix.safe(Edit(start, end, canonical)),
                )


def _key_gap(entry: Entry) -> tuple[int, int] | None:
    return _gap(entry.key_close, entry.title)


def _year_gap(entry: Entry) -> tuple[int, int] | None:
    return _gap(entry.title, entry.year_open)


def _gap(before: Part | None, after: Part | None) -> tuple[int, int] | None:
    """The whitespace between two adjacent parts, or None when something else stands there."""
    if before is None or after is None:
        return None
    return before.end, after.start


def _blank(doc: Document, gap: tuple[int, int]) -> bool:
    """Only spaces and tabs: a gap holding text or a line break is not spacing to normalise."""
    return not doc.text[gap[0] : gap[1]].strip(" \t")


def _shown(gap: str) -> str:
    if not gap:
        return "no space"
    return "one space" if gap == " " else f"{gap!r}"
