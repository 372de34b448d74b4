"""Every rule's cases, one file per rule: ``tests/rules/<rule>.toml``, run through the public API.

A case file is a list of ``[[case]]`` tables, each run with only its file's rule selected:

``name``
    kebab-case, says what the case shows (``cjk-text-keeps-full-width-comma``).
``text``
    the Markdown input; line 1 is the line after the opening triple quote (TOML drops
    that newline). Escapes (``\\r\\n``, ``\\t``, ``\\u00ad``) show what an editor hides.
``findings``
    every finding of the rule, in source order, as ``[line, column]`` or
    ``[line, column, "message fragment"]``; ``[]`` for a case that must stay silent.
``fixed``
    the text after the safe fixes; the rule must then report only ``remaining``. A fixable rule's
    case with findings says ``fixed``, or ``unchanged = true`` when its findings carry no safe fix.
    Without ``fixed``, ``fix`` must leave the text as it is.
``unsafe-fixed``
    the text after ``--unsafe-fixes``, which must then hold no finding with a fix; without it,
    the unsafe fixes change nothing more.
``remaining``
    the findings left on the ``fixed`` text (``[]`` when absent): those that have no fix.
``options``
    the rule's options (validated against its declarations), ``skip-sections`` included.
``select``
    other rules to run alongside (``unused-suppression`` judges comments about other rules).
``xfail``, ``xfail-fix``
    why the case's findings (``xfail``) or its fix (``xfail-fix``) are wrong today: a known bug,
    reported to its owner. That test then runs as a strict expected failure, and turns red when
    the bug is fixed: delete the key then.

The cases are the sqlfluff invariants with positions: a failing case reports exactly its findings,
a fix equals the expected text and then leaves only findings without a fix, ``fix`` is stable
(``fix(fix(x)) == fix(x)``), and a case without a fix is never modified.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from awesome_tidy import Config, Rule, check_text, fix_text
from awesome_tidy.registry import builtin_rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
RULES: dict[str, type[Rule]] = {rule.name: rule for rule in builtin_rules()}
KEYS = {
    "name", "text", "findings", "fixed", "unsafe-fixed", "unchanged", "remaining", "options",
    "select", "xfail", "xfail-fix",
}  # fmt: skip
KEBAB = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MIN_CASES = 4

Position = tuple[int, int, str]


@dataclass
class Case:
    rule: str
    name: str
    text: str
    findings: list[Position]
    fixed: str | None = None
    unsafe_fixed: str | None = None
    unchanged: bool = False
    remaining: list[Position] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    select: tuple[str, ...] = ()
    xfail: str | None = None
    xfail_fix: str | None = None

    def __str__(self) -> str:
        return f"{self.rule}::{self.name}"

    __repr__ = __str__

    def config(self) -> Config:
        options = dict(self.options)
        skip = tuple(options.pop("skip-sections", ()))
        return Config(
            select=(self.rule, *self.select),
            rule_options={self.rule: options},
            skip_sections={self.rule: skip} if skip else {},
        )


def _positions(raw: Sequence[Sequence[Any]], where: str) -> list[Position]:
    positions = []
    for item in raw:
        assert 2 <= len(item) <= 3, f"{where}: a finding is [line, column(, fragment)]: {item}"
        line, column, *fragment = item
        positions.append((int(line), int(column), str(fragment[0]) if fragment else ""))
    return positions


def _case(rule: str, raw: Mapping[str, Any]) -> Case:
    where = f"{rule}.toml: case {raw.get('name', '?')!r}"
    unknown = set(raw) - KEYS
    assert not unknown, f"{where}: unknown keys {sorted(unknown)}"
    assert {"name", "text", "findings"} <= set(raw), f"{where}: needs name, text and findings"
    return Case(
        rule=rule,
        name=raw["name"],
        text=raw["text"],
        findings=_positions(raw["findings"], where),
        fixed=raw.get("fixed"),
        unsafe_fixed=raw.get("unsafe-fixed"),
        unchanged=raw.get("unchanged", False),
        remaining=_positions(raw.get("remaining", []), where),
        options=dict(raw.get("options", {})),
        select=tuple(raw.get("select", ())),
        xfail=raw.get("xfail"),
        xfail_fix=raw.get("xfail-fix"),
    )


def cases_of(rule: str) -> list[Case]:
    path = HERE / f"{rule}.toml"
    if not path.is_file():
        return []
    with path.open("rb") as file:
        document = tomllib.load(file)
    assert set(document) == {"case"}, f"{path.name}: only [[case]] tables belong here"
    return [_case(rule, raw) for raw in document["case"]]


ALL_CASES = [case for name in sorted(RULES) for case in cases_of(name)]


def _param(case: Case, xfail: str | None) -> Any:
    marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
    return pytest.param(case, id=str(case), marks=marks)


def _found(text: str, case: Case) -> list[tuple[int, int, str]]:
    diagnostics = check_text(text, case.config())
    return [(d.line, d.column, d.message) for d in diagnostics if d.rule == case.rule]


def _assert_findings(text: str, case: Case, expected: list[Position]) -> None:
    found = _found(text, case)
    assert [(line, column) for line, column, _ in found] == [
        (line, column) for line, column, _ in expected
    ], f"findings (line, column, message): {found}"
    for (_, _, message), (line, column, fragment) in zip(found, expected, strict=True):
        assert fragment in message, f"{line}:{column}: {fragment!r} not in {message!r}"


@pytest.mark.parametrize("case", [_param(case, case.xfail) for case in ALL_CASES])
def test_case_reports_exactly_its_findings(case: Case) -> None:
    _assert_findings(case.text, case, case.findings)


@pytest.mark.parametrize("case", [_param(case, case.xfail_fix) for case in ALL_CASES])
def test_case_fixes_to_its_fixed_text_then_stays_clean(case: Case) -> None:
    fixed = fix_text(case.text, case.config()).text
    assert fixed == (case.text if case.fixed is None else case.fixed)
    unsafe = fix_text(case.text, case.config(), unsafe=True).text
    assert unsafe == (fixed if case.unsafe_fixed is None else case.unsafe_fixed)
    if fixed != case.text:
        _assert_findings(fixed, case, case.remaining)
    if unsafe != fixed:
        left = [d for d in check_text(unsafe, case.config()) if d.rule == case.rule and d.fix]
        assert not left, f"fixable findings left after the unsafe fixes: {left}"
    for result in {fixed, unsafe} - {case.text}:
        assert fix_text(result, case.config(), unsafe=True).text == result, "fix is not stable"


# -- the case files themselves: one per rule, well formed, linked from the rule's page ---------


def test_every_rule_has_a_case_file_and_every_case_file_a_rule() -> None:
    files = {path.stem for path in HERE.glob("*.toml")}
    assert not set(RULES) - files, f"add tests/rules/<rule>.toml for {sorted(set(RULES) - files)}"
    assert not files - set(RULES), f"case files naming no rule: {sorted(files - set(RULES))}"


@pytest.mark.parametrize("name", sorted(RULES))
def test_case_file_has_positives_and_negatives_with_unique_kebab_names(name: str) -> None:
    cases = cases_of(name)
    names = [case.name for case in cases]
    assert len(cases) >= MIN_CASES, f"{name}.toml: at least {MIN_CASES} cases"
    assert len(set(names)) == len(names), f"{name}.toml: repeated case names"
    assert all(KEBAB.fullmatch(case) for case in names), f"{name}.toml: names are kebab-case"
    assert any(case.findings for case in cases), f"{name}.toml: no case where the rule fires"
    assert any(not case.findings for case in cases), f"{name}.toml: no case where it is silent"


@pytest.mark.parametrize("name", sorted(RULES))
def test_case_file_states_what_fix_does(name: str) -> None:
    rule = RULES[name]
    for case in cases_of(name):
        if rule.fix_safety == "none":
            assert case.fixed is None and case.unsafe_fixed is None and not case.unchanged, (
                f"{case}: {name} has no fix"
            )
        elif case.findings:
            fixes = case.fixed is not None or case.unsafe_fixed is not None
            assert fixes != case.unchanged, (
                f"{case}: give 'fixed' or 'unsafe-fixed', or else say 'unchanged = true'"
            )
        for option, value in case.options.items():
            if option == "skip-sections":
                continue
            assert option in rule.options, f"{case}: {name} has no option {option!r}"
            assert rule.options[option].validate(value) is None, f"{case}: bad {option!r}"
        assert set(case.select) <= set(RULES), f"{case}: 'select' names an unknown rule"


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule_page_links_its_case_file(name: str) -> None:
    page = (ROOT / "rules" / f"{name}.md").read_text(encoding="utf-8")
    link = f"Tests: [tests/rules/{name}.toml](../tests/rules/{name}.toml)"
    assert link in page.splitlines(), f"rules/{name}.md: add the line {link!r}"
