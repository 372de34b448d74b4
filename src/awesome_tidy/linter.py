"""Run the rules over a document and turn their problems into sorted diagnostics.

The linter, not the rules, applies what the configuration and the document say about findings:
severity overrides, sections a rule skips, suppression comments, and the guard against misreads
(one ``unrecognised-shape`` finding where a rule would report most entries written alike).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase

from awesome_tidy.config import Config
from awesome_tidy.document import Document, Section
from awesome_tidy.guard import GUARD, Found, Thresholds, apply_guard
from awesome_tidy.rule import Fix, Problem, Rule, Severity
from awesome_tidy.suppressions import PREFIX, UNUSED
from awesome_tidy.suppressions import apply as apply_suppressions


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding, with 1-based lines and columns (columns count characters)."""

    rule: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Fix | None = None
    related_line: int | None = None

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def sort_key(self) -> tuple[int, int, str, str]:
        return self.line, self.column, self.rule, self.message


def lint(doc: Document, config: Config | None = None) -> list[Diagnostic]:
    """Every diagnostic the configured rules raise on ``doc``, in source order."""
    config = config or Config()
    rules = config.rules(doc.path)
    found: list[tuple[Problem, Severity]] = [
        (problem, config.severity_of(rule)) for rule in rules for problem in rule.check(doc)
    ]
    if config.skip_sections:
        found = _outside_skipped_sections(doc, config, found)
    regroup = _guard(doc, config, rules)
    if PREFIX in doc.text:
        unused = next((config.severity_of(rule) for rule in rules if rule.name == UNUSED), None)
        found = apply_suppressions(doc, found, unused, {rule.name for rule in rules}, regroup)
    elif regroup is not None:
        found = regroup(found)
    diagnostics = [_stamp(doc, problem, severity) for problem, severity in found]
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics


def _guard(doc: Document, config: Config, rules: list[Rule]) -> Callable[[Found], Found] | None:
    """The guard against misreads, when ``unrecognised-shape`` runs; off, every finding shows."""
    guard = next((rule for rule in rules if rule.name == GUARD), None)
    if guard is None:
        return None
    thresholds = Thresholds(guard.option("min-entries"), guard.option("share"))
    severity = config.severity_of(guard)
    return lambda found: apply_guard(doc, found, rules, thresholds, severity)


def _outside_skipped_sections(
    doc: Document, config: Config, found: list[tuple[Problem, Severity]]
) -> list[tuple[Problem, Severity]]:
    sections = [section for section in doc.sections if section.heading is not None]
    starts = [section.heading.start for section in sections if section.heading is not None]

    def skipped(problem: Problem) -> bool:
        patterns = config.skip_sections.get(problem.rule)
        index = bisect_right(starts, problem.start) - 1
        return bool(patterns) and index >= 0 and _in_section(sections[index], patterns or ())

    return [(problem, severity) for problem, severity in found if not skipped(problem)]


def _in_section(section: Section | None, patterns: tuple[str, ...]) -> bool:
    """Whether the section or one that contains it has a heading matching one of ``patterns``."""
    while section is not None and section.heading is not None:
        title = section.title.lower()
        if any(fnmatchcase(title, pattern.lower()) for pattern in patterns):
            return True
        section = section.parent
    return False


def _stamp(doc: Document, problem: Problem, severity: Severity) -> Diagnostic:
    line, column = doc.position(problem.start)
    end_line, end_column = doc.position(problem.end)
    related = doc.position(problem.related)[0] if problem.related is not None else None
    return Diagnostic(
        rule=problem.rule,
        severity=severity,
        message=problem.message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fix=problem.fix,
        related_line=related,
    )
