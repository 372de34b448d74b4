from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document
from awesome_tidy.rule import Problem, Rule


class CrossSectionDuplicate(Rule):
    name = "cross-section-duplicate"
    severity = "info"
    summary = "The same paper listed in several sections; often deliberate."

    def check(self, doc: Document) -> Iterator[Problem]:
        for copies in doc.copies:
            # An index, a summary table or a showcase repeats the body's papers on purpose.
            group = [entry for entry in copies if not doc.in_derived_listing(entry)]
            if len(group) < 2:
                continue
            first = group[0]
            sections = {id(first.section)}
            for entry in group[1:]:
                if id(entry.section) in sections:
                    continue
                sections.add(id(entry.section))
                yield self.problem(
                    entry.body.start,
                    entry.body.end,
                    message=f"also listed on line {first.line} under {first.section.title!r}",
                    related=first.start,
                )
