"""JUnit XML for CI dashboards: a test suite per file, a test case per finding, failing for an
error or a warning; an ``info`` finding passes (as it passes the exit code) and says why in its
output.

A file without findings gets one passing test case, so the dashboard counts it as checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO
from xml.etree import ElementTree

if TYPE_CHECKING:
    from awesome_tidy.api import FileReport
    from awesome_tidy.reporters import ReportOptions

# XML 1.0 cannot carry most control characters, even escaped; a quoted fragment may hold one.
_NOT_XML = {
    code: "\ufffd" for code in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)
}


def report(reports: Sequence[FileReport], stream: TextIO, options: ReportOptions) -> None:
    total = sum(max(len(r.diagnostics), 1) for r in reports)
    failures = sum(_failures(r) for r in reports)
    root = ElementTree.Element(
        "testsuites", name="awesome-tidy", tests=str(total), failures=str(failures), errors="0"
    )
    for file_report in reports:
        _suite(root, file_report)
    ElementTree.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ElementTree.tostring(root, encoding="unicode"))
    stream.write("\n")


def _suite(root: ElementTree.Element, file_report: FileReport) -> None:
    path = _clean(file_report.path)
    count = len(file_report.diagnostics)
    failures = str(_failures(file_report))
    suite = ElementTree.SubElement(
        root, "testsuite", name=path, tests=str(max(count, 1)), failures=failures, errors="0"
    )
    if not count:
        ElementTree.SubElement(suite, "testcase", classname=path, name="no problems", file=path)
    for d in file_report.diagnostics:
        case = ElementTree.SubElement(
            suite,
            "testcase",
            classname=path,
            name=f"{d.rule} at {d.line}:{d.column}",
            file=path,
            line=str(d.line),
        )
        line = _clean(f"{path}:{d.line}:{d.column}: {d.severity} {d.rule} {d.message}")
        if d.severity == "info":
            ElementTree.SubElement(case, "system-out").text = line
        else:
            failure = ElementTree.SubElement(
                case, "failure", type=d.rule, message=_clean(d.message)
            )
            failure.text = line


def _failures(file_report: FileReport) -> int:
    return sum(1 for d in file_report.diagnostics if d.severity != "info")


def _clean(text: str) -> str:
    return text.translate(_NOT_XML)
