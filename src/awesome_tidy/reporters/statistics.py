"""``--statistics``: how many findings each rule raised, most first, instead of the findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from awesome_tidy.reporters.text import summary

if TYPE_CHECKING:
    from awesome_tidy.api import FileReport
    from awesome_tidy.reporters import ReportOptions


def report(reports: Sequence[FileReport], stream: TextIO, options: ReportOptions) -> None:
    diagnostics = [d for r in reports for d in r.diagnostics]
    counts = Counter(d.rule for d in diagnostics)
    fixable = Counter(d.rule for d in diagnostics if d.fixable)
    severity = {d.rule: d.severity for d in diagnostics}
    width = max((len(rule) for rule in counts), default=0)
    digits = len(str(max(counts.values(), default=0)))
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        note = f"{fixable[rule]} fixable" if fixable[rule] else ""
        stream.write(f"{count:>{digits}}  {rule:<{width}}  {severity[rule]:<7}  {note}".rstrip())
        stream.write("\n")
    if not options.quiet:
        stream.write(summary(reports) + "\n")
