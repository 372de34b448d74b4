from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document
from awesome_tidy.rule import Problem, Rule


class UnusedSuppression(Rule):
    """Reported by the linter, which alone knows what each suppression comment suppressed.

    ``check`` finds nothing by itself: a comment is unused only once every other rule has run.
    """

    name = "unused-suppression"
    severity = "warning"
    summary = "A suppression comment that suppresses nothing, or names an unknown rule."

    def check(self, doc: Document) -> Iterator[Problem]:
        return iter(())
