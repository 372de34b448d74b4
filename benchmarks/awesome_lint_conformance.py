"""Run awesome-lint's own rule tests against awesome-tidy, case by case.

    python benchmarks/awesome_lint_conformance.py PATH/TO/awesome-lint/test [--markdown] [-v]

PATH is the ``test/`` folder of a checkout of sindresorhus/awesome-lint (nothing of it is kept
here). For each ``it(...)`` case of the test files of the rules awesome-tidy maps, the script
reads what awesome-lint expects (no message, or some: from the assertion, or from the AVA
snapshot for the cases that only print theirs), runs the awesome-tidy rules mapped to that rule
on the same Markdown, and says whether the two agree: both clean, or both report. Cases that
exercise an option awesome-lint's own configuration does not set (an ignore list, custom
bracket pairs, a mocked GitHub API, the non-default "check every link" mode) have no
awesome-tidy counterpart and are listed as not compared. Exit 0 always: this measures.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from awesome_tidy.api import check_text
from awesome_tidy.config import Config

# awesome-lint test file -> the awesome-tidy rules that do that rule's job (docs/awesome-lint.md).
RULES: dict[str, tuple[str, ...]] = {
    "toc": ("toc",),
    "double-link": ("duplicate-link", "toc"),
    "list-item": (
        "link-item-format",
        "description-case",
        "description-ending",
        "empty-link",
        "list-marker-space",
    ),
    "no-repeat-item-in-description": ("description-repeats-name",),
    "balanced-punctuation": ("unbalanced-bracket",),
}
# What marks a case that sets an option awesome-lint's default configuration does not.
_OPTION = re.compile(
    r"\[\s*\w+Rule\s*,\s*[\[{]\s*(?:ignore|\[|['\"])|globalThis\.fetch|configGeneral"
    r"|shouldIgnore:(?!\s*createAwesomeListIgnore)"
)
_CASE = re.compile(r"\bit\(\s*'((?:[^'\\]|\\.)*)'")
_FIXTURE = re.compile(r"filename:\s*'(test/fixtures/[^']+)'")
_INLINE = re.compile(r"const markdown = `((?:[^`\\]|\\.)*)`", re.DOTALL)
_CLEAN = re.compile(r"assert\.deepEqual\(\w+,\s*\[\]\)|assert\.equal\(\w+\.length,\s*0\b")
_REPORTS = re.compile(
    r"assert\.deepEqual\(\w+,\s*\[\s*\{|assert\.equal\(\w+\.length,\s*[1-9]|"
    r"assert\.ok\(\w+\.length > 0|assert\.ok\(\w+\.some\("
)
_LINE = re.compile(r"\bline:\s*(\d+)")


@dataclass
class Case:
    rule: str
    name: str
    markdown: str | None
    expected: bool | None  # True: awesome-lint reports; False: clean; None: not compared
    their_lines: tuple[int, ...]
    note: str = ""


@dataclass
class Outcome:
    case: Case
    ours: tuple[tuple[int, str, str], ...]

    @property
    def reports(self) -> bool:
        return bool(self.ours)

    @property
    def agrees(self) -> bool:
        return self.case.expected is not None and self.case.expected == self.reports


def read_cases(test_dir: Path) -> list[Case]:
    cases = []
    for rule in RULES:
        source = (test_dir / "rules" / f"{rule}.test.js").read_text(encoding="utf-8")
        starts = [match.start() for match in _CASE.finditer(source)] + [len(source)]
        for start, end in itertools.pairwise(starts):
            cases.append(_case(test_dir, rule, source[start:end]))
    return cases


def _case(test_dir: Path, rule: str, body: str) -> Case:
    name_match = _CASE.match(body)
    assert name_match is not None
    name = name_match.group(1).replace("\\'", "'")
    markdown = _markdown(test_dir, body)
    lines = tuple(int(line) for line in _LINE.findall(body))
    if _OPTION.search(body):
        return Case(rule, name, markdown, None, lines, "sets an option awesome-tidy does not have")
    if "Array.isArray(messages)" in body:
        snapshot = _snapshot(test_dir, rule, name)
        return Case(rule, name, markdown, bool(snapshot), snapshot)
    if _CLEAN.search(body):
        return Case(rule, name, markdown, False, ())
    if _REPORTS.search(body):
        return Case(rule, name, markdown, True, lines)
    return Case(rule, name, markdown, None, lines, "no assertion read")


def _markdown(test_dir: Path, body: str) -> str | None:
    fixture = _FIXTURE.search(body)
    if fixture is not None:
        return (test_dir.parent / fixture.group(1)).read_text(encoding="utf-8")
    inline = _INLINE.search(body)
    if inline is not None:
        return inline.group(1).replace("\\`", "`")
    return None


def _snapshot(test_dir: Path, rule: str, name: str) -> tuple[int, ...]:
    """The lines of an AVA snapshot section (``## name`` in ``snapshots/<rule>.js.md``)."""
    path = test_dir / "rules" / "snapshots" / f"{rule}.js.md"
    if not path.exists():
        return ()
    text = path.read_text(encoding="utf-8")
    header = re.search(rf"^## {re.escape(name)}$", text, re.MULTILINE)
    if header is None:
        return ()
    end = text.find("\n## ", header.end())
    return tuple(int(line) for line in _LINE.findall(text[header.end() : end if end > 0 else None]))


def run(case: Case) -> Outcome:
    if case.markdown is None:
        return Outcome(case, ())
    config = Config(select=RULES[case.rule])
    found = check_text(case.markdown, config)
    return Outcome(case, tuple((d.line, d.rule, d.message) for d in found))


def _verdict(outcome: Outcome) -> str:
    if outcome.case.expected is None:
        return "not compared"
    return "agree" if outcome.agrees else "differ"


def _said(reports: bool | None) -> str:
    return "-" if reports is None else ("reports" if reports else "clean")


def print_text(outcomes: list[Outcome], verbose: bool) -> None:
    for outcome in outcomes:
        case = outcome.case
        print(
            f"{_verdict(outcome):12} {case.rule:30} {case.name!r}: awesome-lint "
            f"{_said(case.expected)} {list(case.their_lines) or ''}, awesome-tidy "
            f"{_said(outcome.reports)} {sorted({line for line, _, _ in outcome.ours}) or ''}"
        )
        if verbose:
            for line, rule, message in outcome.ours:
                print(f"{'':14}{line}: {rule} {message}")


def print_markdown(outcomes: list[Outcome]) -> None:
    print("| awesome-lint test | case | awesome-lint | awesome-tidy | |")
    print("|---|---|---|---|---|")
    for outcome in outcomes:
        case = outcome.case
        rules = sorted({rule for _, rule, _ in outcome.ours})
        ours = _said(outcome.reports) + (f" ({', '.join(rules)})" if rules else "")
        print(
            f"| {case.rule} | {case.name} | {_said(case.expected)} | {ours} | {_verdict(outcome)} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("test_dir", type=Path, help="awesome-lint's test/ folder")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("-v", "--verbose", action="store_true", help="show each finding")
    args = parser.parse_args(argv)
    outcomes = [run(case) for case in read_cases(args.test_dir)]
    if args.markdown:
        print_markdown(outcomes)
    else:
        print_text(outcomes, args.verbose)
    compared = [outcome for outcome in outcomes if outcome.case.expected is not None]
    agreed = sum(outcome.agrees for outcome in compared)
    print(
        f"\n{agreed}/{len(compared)} compared cases agree "
        f"({agreed / max(len(compared), 1):.2f}); {len(outcomes) - len(compared)} not compared",
        file=sys.stderr if args.markdown else sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
