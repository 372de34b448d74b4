"""Human output: ``path:line:col: rule message``, then a summary line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from awesome_tidy.api import FileReport

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m"}
_RESET = "\033[0m"


def report(reports: Sequence[FileReport], stream: TextIO, color: bool = False) -> None:
    def paint(text: str, style: str) -> str:
        return f"{_COLORS[style]}{text}{_RESET}" if color else text

    for file_report in reports:
        for diagnostic in file_report.diagnostics:
            where = f"{file_report.path}:{diagnostic.line}:{diagnostic.column}:"
            stream.write(
                f"{paint(where, 'bold')} {paint(diagnostic.rule, diagnostic.severity)} "
                f"{diagnostic.message}\n"
            )
    stream.write(summary(reports) + "\n")


def summary(reports: Sequence[FileReport]) -> str:
    counts = Counter(d.severity for r in reports for d in r.diagnostics)
    fixable = sum(1 for r in reports for d in r.diagnostics if d.fixable)
    total = sum(counts.values())
    files = len(reports)
    if not total:
        return f"No problems in {files} file{'s' * (files != 1)}."
    parts = ", ".join(
        f"{counts[s]} {s}{'s' * (counts[s] != 1 and s != 'info')}"
        for s in ("error", "warning", "info")
        if counts[s]
    )
    text = (
        f"Found {total} problem{'s' * (total != 1)} ({parts}) in {files} file{'s' * (files != 1)}."
    )
    if fixable:
        text += f" {fixable} fixable with `awesome-tidy fix`."
    return text
