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
        for entry in doc.entries:
            year = entry.year_value
            if entry.year is None or year is None or earliest <= year <= latest:
                continue
            if not doc.convention(entry).year_understood:
                continue
            bound = f"before {earliest}" if year < earliest else f"after {latest}"
            yield self.problem(entry.year.start, entry.year.end, message=f"year {year} is {bound}")
