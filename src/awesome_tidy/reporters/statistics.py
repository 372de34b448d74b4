"""``--statistics``: how many findings each rule raised, most first, instead of the findings;
how many of them plain ``fix`` repairs, and how many only ``--unsafe-fixes`` would."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from awesome_tidy.reporters.text import safely_fixable, summary

if TYPE_CHECKING:
    from awesome_tidy.api import FileReport
    from awesome_tidy.reporters import ReportOptions


def report(reports: Sequence[FileReport], stream: TextIO, options: ReportOptions) -> None:
    diagnostics = [d for r in reports for d in r.diagnostics]
    counts = Counter(d.rule for d in diagnostics)
    fixable = Counter(d.rule for d in diagnostics if safely_fixable(d))
    unsafe = Counter(d.rule for d in diagnostics if d.fixable and not safely_fixable(d))
    severity = {d.rule: d.severity for d in diagnostics}
    width = max((len(rule) for rule in counts), default=0)
    digits = len(str(max(counts.values(), default=0)))
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        notes = [f"{fixable[rule]} fixable"] * bool(fixable[rule])
        notes += [f"{unsafe[rule]} with --unsafe-fixes"] * bool(unsafe[rule])
        note = ", ".join(notes)
        stream.write(f"{count:>{digits}}  {rule:<{width}}  {severity[rule]:<7}  {note}".rstrip())
        stream.write("\n")
    if not options.quiet:
        stream.write(summary(reports) + "\n")
