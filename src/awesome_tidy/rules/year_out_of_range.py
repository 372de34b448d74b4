from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import Any

from awesome_tidy.model import Document
from awesome_tidy.rule import Option, Problem, Rule


class YearOutOfRange(Rule):
    name = "year-out-of-range"
    severity = "error"
    summary = "A year before the first year allowed or after next year."
    options = {
        "min-year": Option(int, 1900, "the earliest plausible year", minimum=0),
        "max-year": Option(int, 0, "the latest plausible year; 0 means next year", minimum=0),
    }

    @classmethod
    def settings_problem(cls, option: Callable[[str], Any]) -> str | None:
        earliest, latest = option("min-year"), option("max-year")
        if latest and earliest > latest:
            return f"min-year {earliest} is after max-year {latest}"
        return None

    def check(self, doc: Document) -> Iterator[Problem]:
        earliest = self.option("min-year")
        latest = self.option("max-year") or datetime.date.today().year + 1
        classics: bool | None = None  # counted once an early year asks for it
        for entry in doc.entries:
            year = entry.year_value
            if entry.year is None or year is None or earliest <= year <= latest:
                continue
            if not doc.convention(entry).year_understood:
                continue
            if year < earliest and not _slip_of_a_modern_year(year, earliest, latest):
                if classics is None:
                    classics = _dates_old_works(doc, earliest)
                if classics:
                    continue  # ``Dedekind (1887)``, ``(1236)`` in a list dating works to 1950
            bound = f"before {earliest}" if year < earliest else f"after {latest}"
            yield self.problem(entry.year.start, entry.year.end, message=f"year {year} is {bound}")


def _slip_of_a_modern_year(year: int, earliest: int, latest: int) -> bool:
    """Whether ``year`` is a modern year with its leading digit slipped (``1019`` for ``2019``):
    in a list of classics every other early year is a work's own, a medieval charter's
    ``(1236)`` as much as ``Hume (1779)`` (study 36)."""
    return earliest <= year + 1000 <= latest


_OLD = 1950
_OLD_WORKS = 3


def _dates_old_works(doc: Document, earliest: int) -> bool:
    """Whether the list dates old works: three or more of its entries carry a year from
    ``earliest`` to 1950 (``Turing (1936)``, ``Church (1941)``). Then a year from the print era
    before ``earliest`` (``Hume (1779)``) is a classic's, as the list means, not a slip of a
    modern year, and it is not reported."""
    old = sum(
        1
        for entry in doc.entries
        if entry.year_value is not None and earliest <= entry.year_value < _OLD
    )
    return old >= _OLD_WORKS
