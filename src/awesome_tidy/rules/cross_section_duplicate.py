from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document, named_on_top, title_lines
from awesome_tidy.rule import Problem, Rule

_COMPARED = 8  # earlier copies a copy is compared with: a paper is listed a few times at most


class CrossSectionDuplicate(Rule):
    name = "cross-section-duplicate"
    severity = "info"
    summary = "The same paper listed in several sections; often deliberate."

    def check(self, doc: Document) -> Iterator[Problem]:
        lines = title_lines(doc.items, doc.entries)
        for copies in doc.copies:
            # An index, a summary table, a showcase or a list of recent additions repeats the
            # body's papers on purpose.
            group = [entry for entry in copies if not doc.in_derived_listing(entry, same_form=True)]
            if len(group) < 2:
                continue
            sections = {id(group[0].section)}
            for index, entry in enumerate(group[1:], 1):
                if id(entry.section) in sections:
                    continue
                # Two methods or tasks named on one source paper are two entries, not a copy.
                first = next(
                    (
                        one
                        for one in group[: min(index, _COMPARED)]
                        if one.section is not entry.section
                        and not named_on_top(doc.text, one, entry, lines)
                    ),
                    None,
                )
                if first is None:
                    continue
                sections.add(id(entry.section))
                yield self.problem(
                    entry.body.start,
                    entry.body.end,
                    message=f"also listed on line {first.line} under {first.section.title!r}",
                    related=first.start,
                )
