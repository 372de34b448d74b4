from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.document import Document
from awesome_tidy.rule import Option, Problem, Rule


class UnrecognisedShape(Rule):
    """Reported by the linter, which alone sees every rule's findings on a group of entries.

    ``check`` finds nothing by itself: a group is a misread only once the rules that judge
    entries have run. Turning this rule off turns the guard off: every finding is reported.
    """

    name = "unrecognised-shape"
    severity = "info"
    summary = "Most entries written alike would get the same finding: a shape not understood."
    options = {
        "min-entries": Option(
            int, 5, "fewest entries one rule must report in a group to report it once", minimum=2
        ),
        "share": Option(
            float,
            0.75,
            "least share of a group one rule must report to report it once",
            minimum=0.5,
            maximum=1.0,
        ),
    }

    def check(self, doc: Document) -> Iterator[Problem]:
        return iter(())
