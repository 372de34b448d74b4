"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request diff.

    ::error file=README.md,line=9,col=16,endLine=9,endColumn=17,title=awesome-tidy (stray-brace)::…

with values escaped as the Actions runner expects: ``%``, CR and LF in the message; also ``:``
and ``,`` in property values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from awesome_tidy.api import FileReport
    from awesome_tidy.reporters import ReportOptions

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
_DATA = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def report(reports: Sequence[FileReport], stream: TextIO, options: ReportOptions) -> None:
    for file_report in reports:
        for d in file_report.diagnostics:
            properties = {
                "file": file_report.path,
                "line": d.line,
                "col": d.column,
                "endLine": d.end_line,
                "endColumn": d.end_column,
                "title": f"awesome-tidy ({d.rule})",
            }
            written = ",".join(
                f"{key}={str(value).translate(_PROPERTY)}" for key, value in properties.items()
            )
            stream.write(f"::{LEVELS[d.severity]} {written}::{d.message.translate(_DATA)}\n")
