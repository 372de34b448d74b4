"""Human output, grouped by file: ``path:line:col: severity rule [*] message`` (``[*]``: plain
``fix`` repairs it; the severity coloured on a terminal), the source line with a caret under the
column, then a summary line.

    docs/papers.md:9:16: error stray-brace [*] stray '{' in title
        9 | + (tao2022deep){Deep Learning for Unsupervised Anomaly Localization[2022]
          |                ^

Columns count characters; the caret is placed by display width (wcwidth), so that it stays under
its character after wide CJK text and combining accents. A very long line is shown around the
column only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from awesome_tidy.rule import apply_edits

if TYPE_CHECKING:
    from awesome_tidy.api import FileReport
    from awesome_tidy.linter import Diagnostic
    from awesome_tidy.reporters import ReportOptions
    from awesome_tidy.rule import Fix

_STYLES = {
    "error": "\033[31m",
    "warning": "\033[33m",
    "info": "\033[36m",
    "bold": "\033[1m",
    "dim": "\033[2m",
    "caret": "\033[1;31m",
}
_RESET = "\033[0m"
_LONG_LINE = 120
_CONTEXT = 60
"""Characters shown either side of the column on a line longer than ``_LONG_LINE``."""


class _Painter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        return f"{_STYLES[style]}{text}{_RESET}" if self.color and text else text


def report(reports: Sequence[FileReport], stream: TextIO, options: ReportOptions) -> None:
    paint = _Painter(options.color)
    shown = [file_report for file_report in reports if file_report.diagnostics]
    for number, file_report in enumerate(shown):
        if number:
            stream.write("\n")
        text = _normalized(file_report)
        lines = text.split("\n") if text is not None else None
        for d in file_report.diagnostics:
            stream.write(_headline(file_report.path, d, paint))
            if lines is not None and d.line <= len(lines):
                stream.write(_excerpt(d, lines[d.line - 1], paint))
                if options.show_fixes and d.fix is not None and text is not None:
                    stream.write(_fixed(text, d.fix, d.line, paint))
    if not options.quiet:
        stream.write(summary(reports) + "\n")


def _normalized(file_report: FileReport) -> str | None:
    """The text the findings point into: after ``fix``, the fixed text."""
    text = file_report.fixed_text
    if text is None and file_report.source is not None:
        text = file_report.source.text
    if text is None:
        return None
    from awesome_tidy.document import normalize_newlines

    return normalize_newlines(text)


def _headline(path: str, d: Diagnostic, paint: _Painter) -> str:
    where = paint(f"{path}:{d.line}:{d.column}:", "bold")
    marker = " [*]" if safely_fixable(d) else ""
    return f"{where} {paint(d.severity, d.severity)} {d.rule}{marker} {d.message}\n"


def safely_fixable(d: Diagnostic) -> bool:
    """What plain ``fix`` repairs; an unsafe fix waits for ``--unsafe-fixes``."""
    return d.fix is not None and d.fix.is_safe


def _excerpt(d: Diagnostic, line: str, paint: _Painter) -> str:
    start, end = 0, len(line)
    if len(line) > _LONG_LINE:
        start, end = max(0, d.column - 1 - _CONTEXT), d.column - 1 + _CONTEXT
    shown = line[start:end].replace("\t", " ")
    prefix = "…" if start else ""
    suffix = "…" if end < len(line) else ""
    last = d.end_column - 1 if d.end_line == d.line else len(line)
    width = max(1, _width(line[d.column - 1 : min(last, end)]))
    gutter = " " * (len(str(d.line)) + 5)
    pad = " " * (_width(prefix + line[start : d.column - 1]))
    return (
        f"{paint(f'    {d.line} |', 'dim')} {prefix}{shown}{suffix}\n"
        f"{paint(f'{gutter}|', 'dim')} {pad}{paint('^' * width, 'caret')}\n"
    )


def _fixed(text: str, fix: Fix, line: int, paint: _Painter) -> str:
    """The lines the fix touches, as the fix leaves them."""
    first = text.rfind("\n", 0, fix.start) + 1
    last = text.find("\n", max(fix.end - 1, fix.start))
    last = len(text) if last < 0 else last
    end = max(last, fix.end)
    after = apply_edits(text[first:end], fix.edits, position=lambda offset: offset - first)
    label = paint(f"{'fix':>{len(str(line)) + 4}} |", "dim")
    if not after and last > first:
        return f"{label} (removes the line)\n"
    return "".join(f"{label} {row}\n" for row in after.split("\n"))


def _width(text: str) -> int:
    """Terminal columns: wide CJK characters take two, combining marks and zero-width ones none
    (a control character, which wcwidth cannot measure, one)."""
    if text.isascii() and text.isprintable():
        return len(text)  # one column each: wcwidth (10 ms to import) is not needed
    from wcwidth import wcswidth, wcwidth

    width = int(wcswidth(text))
    if width >= 0:
        return width
    return sum(width if (width := int(wcwidth(char))) >= 0 else 1 for char in text)


def summary(reports: Sequence[FileReport]) -> str:
    counts = Counter(d.severity for r in reports for d in r.diagnostics)
    fixable = sum(1 for r in reports for d in r.diagnostics if safely_fixable(d))
    unsafe = sum(1 for r in reports for d in r.diagnostics if d.fixable) - fixable
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
        text += f" [*] {fixable} fixable with `awesome-tidy fix`."
    if unsafe:
        text += f" {unsafe} more with `awesome-tidy fix --unsafe-fixes`."
    return text
