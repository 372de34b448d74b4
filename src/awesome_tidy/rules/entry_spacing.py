from __future__ import annotations

from collections.abc import Callable, Iterator

from awesome_tidy.model import Document, Entry, Part, dominant
from awesome_tidy.rule import WHITESPACE, Edit, Fix, Option, Problem, Rule

_SPACINGS = {"none": "", "one": " "}


class EntrySpacing(Rule):
    name = "entry-spacing"
    severity = "warning"
    summary = "Spacing between key, title and year that differs from the list's own entry format."
    fix_safety = "safe"
    changes = (WHITESPACE,)
    options = {
        "key-title": Option(
            str,
            "auto",
            "spacing between key and title: 'auto' (the list's own), 'none' or 'one' space",
            choices=("auto", *_SPACINGS),
        ),
        "title-year": Option(
            str,
            "auto",
            "spacing between title and year: 'auto' (the list's own), 'none' or 'one' space",
            choices=("auto", *_SPACINGS),
        ),
    }

    def check(self, doc: Document) -> Iterator[Problem]:
        gap_readers = (
            ("key and title", "key-title", _key_gap),
            ("title and year", "title-year", _year_gap),
        )
        for describe, option, gap_of in gap_readers:
            gaps = _blank_gaps(doc, gap_of)
            canonical = self._canonical(option, [found for _, _, found in gaps])
            if canonical is None:
                continue
            for start, end, found in gaps:
                if found == canonical:
                    continue
                yield self.problem(
                    start,
                    end,
                    message=f"{_shown(found)} between {describe} "
                    f"where the list uses {_shown(canonical)}",
                    fix=Fix.safe(Edit(start, end, canonical)),
                )

    def _canonical(self, option: str, gaps: list[str]) -> str | None:
        """The configured spacing, or the one the list's entries agree on (None: no convention)."""
        chosen = self.option(option)
        return _SPACINGS[chosen] if chosen in _SPACINGS else dominant(gaps, share=0.6)


def _blank_gaps(
    doc: Document, gap_of: Callable[[Entry], tuple[int, int] | None]
) -> list[tuple[int, int, str]]:
    """Each gap with its text, when only spaces and tabs: a gap holding text or a line break is
    not spacing to normalise."""
    text = doc.text
    found = []
    for entry in doc.entries:
        gap = gap_of(entry)
        if gap is not None:
            spacing = text[gap[0] : gap[1]]
            if not spacing.strip(" \t"):
                found.append((gap[0], gap[1], spacing))
    return found


def _key_gap(entry: Entry) -> tuple[int, int] | None:
    return _gap(entry.key_close, entry.title)


def _year_gap(entry: Entry) -> tuple[int, int] | None:
    return _gap(entry.title, entry.year_open)


def _gap(before: Part | None, after: Part | None) -> tuple[int, int] | None:
    """The whitespace between two adjacent parts, or None when something else stands there."""
    if before is None or after is None:
        return None
    return before.end, after.start


def _shown(gap: str) -> str:
    if not gap:
        return "no space"
    return "one space" if gap == " " else f"{gap!r}"
