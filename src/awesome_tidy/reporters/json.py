"""One JSON array, one object per finding."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from awesome_tidy.api import FileReport
    from awesome_tidy.reporters import ReportOptions


def report(reports: Sequence[FileReport], stream: TextIO, options: ReportOptions) -> None:
    findings: list[dict[str, Any]] = []
    for file_report in reports:
        for diagnostic in file_report.diagnostics:
            findings.append(
                {
                    "path": file_report.path,
                    "line": diagnostic.line,
                    "column": diagnostic.column,
                    "end_line": diagnostic.end_line,
                    "end_column": diagnostic.end_column,
                    "rule": diagnostic.rule,
                    "severity": diagnostic.severity,
                    "message": diagnostic.message,
                    "fixable": diagnostic.fixable,
                    "related_line": diagnostic.related_line,
                }
            )
    json.dump(findings, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
