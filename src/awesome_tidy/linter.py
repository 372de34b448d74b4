"""Run the rules over a document and turn their problems into sorted diagnostics."""

from __future__ import annotations

from dataclasses import dataclass

from awesome_tidy.config import Config
from awesome_tidy.document import Document
from awesome_tidy.rule import Fix, Problem, Severity


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
    diagnostics = []
    for rule in config.rules(doc.path):
        severity = config.severity_of(rule)
        for problem in rule.check(doc):
            diagnostics.append(_stamp(doc, problem, severity))
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics


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
