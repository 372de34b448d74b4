"""SARIF 2.1.0, for code scanning: one run, every known rule described, one result per finding.

Columns count Unicode code points (``columnKind``), as awesome-tidy's do; regions end one past
the last character, as SARIF's ``endColumn`` does. Built-in rules link to their page.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

if TYPE_CHECKING:
    from awesome_tidy.api import FileReport
    from awesome_tidy.linter import Diagnostic
    from awesome_tidy.reporters import ReportOptions
    from awesome_tidy.rule import Rule

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
REPOSITORY = "https://github.com/awesome-tidy/awesome-tidy"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def report(reports: Sequence[FileReport], stream: TextIO, options: ReportOptions) -> None:
    from awesome_tidy import __version__
    from awesome_tidy.registry import all_rules

    rules = all_rules()
    index = {name: position for position, name in enumerate(rules)}
    results = [
        _result(file_report.path, d, index[d.rule])
        for file_report in reports
        for d in file_report.diagnostics
    ]
    driver = {
        "name": "awesome-tidy",
        "version": __version__,
        "informationUri": REPOSITORY,
        "rules": [_descriptor(rule) for rule in rules.values()],
    }
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
        ],
    }
    json.dump(log, stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def help_uri(rule: type[Rule]) -> str | None:
    """The rule's page in the repository; plugin rules have none here."""
    if not rule.__module__.startswith("awesome_tidy.rules."):
        return None
    return f"{REPOSITORY}/blob/main/rules/{rule.name}.md"


def _descriptor(rule: type[Rule]) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.name,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"fix": rule.fix_safety, "options": sorted(rule.options)},
    }
    uri = help_uri(rule)
    if uri is not None:
        descriptor["helpUri"] = uri
    return descriptor


def _result(path: str, d: Diagnostic, rule_index: int) -> dict[str, Any]:
    location = {"artifactLocation": artifact(path)}
    result: dict[str, Any] = {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    **location,
                    "region": {
                        "startLine": d.line,
                        "startColumn": d.column,
                        "endLine": d.end_line,
                        "endColumn": d.end_column,
                    },
                }
            }
        ],
        "properties": {"fixable": d.fixable},
    }
    if d.related_line is not None:
        result["relatedLocations"] = [
            {"id": 1, "physicalLocation": {**location, "region": {"startLine": d.related_line}}}
        ]
    return result


def artifact(path: str) -> dict[str, str]:
    """A relative path stays relative to the checkout (``%SRCROOT%``); an absolute one is a
    ``file:`` URI."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace(os.sep, "/")), "uriBaseId": "%SRCROOT%"}
