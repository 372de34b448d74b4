"""Every rule page is executable: its examples are run against the rule they document.

The registry, the pages, the README's rule table and ``.pre-commit-hooks.yaml`` are kept in step:
a new rule needs its page and its README row before the suite passes.

A page's fenced examples are tagged ``markdown bad``, ``markdown fixed`` (right after its bad)
and ``markdown good``, optionally followed by rule options (``markdown good threshold=95``) and
by other rules to run with it (``with=missing-year``: the guard summarises other rules' findings).
A ``bad`` example may say which of its lines the rule reports, counted from the example's first
line (``markdown bad lines=2,4``): then exactly those lines are reported. The rule's cases, with
columns and every finding, are in ``tests/rules/<rule>.toml``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from awesome_tidy import Config, check_text, fix_text
from awesome_tidy.registry import builtin_rules

PAGES = Path(__file__).parents[1] / "rules"
REPORTED_LINES = "lines"
RULES = {rule.name: rule for rule in builtin_rules()}


@dataclass
class Example:
    rule: str
    kind: str
    text: str
    options: dict[str, object]
    line: int
    fixed: str | None = None
    lines: tuple[int, ...] | None = None
    also: tuple[str, ...] = ()

    def config(self) -> Config:
        return Config(select=(self.rule, *self.also), rule_options={self.rule: self.options})

    def __str__(self) -> str:
        return f"{self.rule}.md:{self.line}:{self.kind}"


def _options(words: list[str]) -> dict[str, object]:
    options: dict[str, object] = {}
    for word in words:
        name, _, value = word.partition("=")
        if name == REPORTED_LINES:
            continue
        try:
            options[name] = json.loads(value)
        except json.JSONDecodeError:
            options[name] = value
    return options


def examples_of(rule: str) -> list[Example]:
    page = PAGES / f"{rule}.md"
    if not page.is_file():
        return []
    tokens = MarkdownIt("commonmark").parse(page.read_text(encoding="utf-8"))
    found: list[Example] = []
    for token in tokens:
        words = token.info.split()
        if token.type != "fence" or len(words) < 2 or words[0] != "markdown":
            continue
        kind, line = words[1], (token.map or [0])[0] + 1
        if kind == "fixed":
            assert found and found[-1].kind == "bad", (
                f"{rule}.md:{line}: 'fixed' must follow a 'bad'"
            )
            found[-1].fixed = token.content
            continue
        assert kind in ("bad", "good"), f"{rule}.md:{line}: unknown example kind {kind!r}"
        lines = _reported_lines(words[2:])
        assert lines is None or kind == "bad", f"{rule}.md:{line}: only a 'bad' example has lines"
        options = _options(words[2:])
        also = tuple(str(options.pop("with")).split(",")) if "with" in options else ()
        found.append(Example(rule, kind, token.content, options, line, lines=lines, also=also))
    return found


def _reported_lines(words: list[str]) -> tuple[int, ...] | None:
    """The lines a ``bad`` example says are reported (``lines=2,4``), or None when it says none."""
    for word in words:
        name, _, value = word.partition("=")
        if name == REPORTED_LINES:
            return tuple(sorted(int(number) for number in value.split(",")))
    return None


ALL_EXAMPLES = [example for name in sorted(RULES) for example in examples_of(name)]


@pytest.mark.parametrize("name", sorted(RULES))
def test_every_rule_has_a_page_with_a_bad_and_a_good_example(name: str) -> None:
    kinds = {example.kind for example in examples_of(name)}
    assert kinds == {"bad", "good"}
    page = (PAGES / f"{name}.md").read_text(encoding="utf-8")
    assert page.startswith(f"# {name}\n\n{RULES[name].summary}\n")


@pytest.mark.parametrize("example", [e for e in ALL_EXAMPLES if e.kind == "bad"], ids=str)
def test_bad_example_raises_the_rule(example: Example) -> None:
    diagnostics = check_text(example.text, example.config())
    reported = {d.line for d in diagnostics if d.rule == example.rule}
    assert reported, f"{example.rule} reports nothing on its bad example"
    if example.lines is not None:
        assert tuple(sorted(reported)) == example.lines, "not the lines the page says"


@pytest.mark.parametrize("example", [e for e in ALL_EXAMPLES if e.kind == "bad"], ids=str)
def test_fixed_example_is_the_fix_of_bad_and_is_clean(example: Example) -> None:
    result = fix_text(example.text, example.config()).text
    if example.fixed is None:
        assert result == example.text, "a bad example without 'fixed' must not be changed"
        return
    assert RULES[example.rule].fix_safety != "none"
    assert result == example.fixed
    assert not [d for d in check_text(result, example.config()) if d.rule == example.rule]


@pytest.mark.parametrize("example", [e for e in ALL_EXAMPLES if e.kind == "good"], ids=str)
def test_good_example_raises_nothing(example: Example) -> None:
    assert not [d for d in check_text(example.text, example.config()) if d.rule == example.rule]


def test_every_page_documents_a_known_rule() -> None:
    assert {page.stem for page in PAGES.glob("*.md")} == set(RULES)


# -- the registry, the pages, the README and the pre-commit hooks stay in step ----------------

ROOT = Path(__file__).parents[1]
SECTIONS = ["What it checks", "Why it matters", "Examples", "Fix", "Options"]


def _tables(markdown: str) -> list[list[list[str]]]:
    """Every table of ``markdown``: its rows (header first), each cell as its source text."""
    tables: list[list[list[str]]] = []
    in_cell = False
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type in ("th_open", "td_open", "th_close", "td_close"):
            in_cell = token.type.endswith("open")
        elif token.type == "inline" and in_cell:
            tables[-1][-1].append(token.content.strip())
    return tables


def _table_starting(markdown: str, header: list[str]) -> list[list[str]]:
    tables = [table for table in _tables(markdown) if table and table[0] == header]
    assert len(tables) == 1, f"expected one table with the header {header}"
    return tables[0][1:]


def _sections(page: str) -> dict[str, str]:
    """The page's ``## `` sections by title (a ``## `` line in a fenced example is not one)."""
    lines = page.splitlines()
    starts = [
        (token.map[0], lines[token.map[0]].removeprefix("## ").strip())
        for token in MarkdownIt("commonmark").parse(page)
        if token.type == "heading_open" and token.tag == "h2" and token.level == 0 and token.map
    ]
    ends = [start for start, _ in starts[1:]] + [len(lines)]
    return {
        title: "\n".join(lines[start + 1 : end]).strip() + "\n"
        for (start, title), end in zip(starts, ends, strict=True)
    }


def _page(name: str) -> str:
    return (PAGES / f"{name}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(RULES))
def test_page_answers_the_same_questions_in_the_same_order(name: str) -> None:
    assert list(_sections(_page(name))) == SECTIONS


@pytest.mark.parametrize("name", sorted(RULES))
def test_page_header_gives_the_severity_and_fix_safety(name: str) -> None:
    rule = RULES[name]
    rows = _table_starting(_page(name), ["Severity", "Fix", "awesome-lint"])
    assert len(rows) == 1
    severity, fix, awesome_lint = rows[0]
    assert (severity, fix) == (rule.severity, rule.fix_safety)
    assert awesome_lint, "say which awesome-lint rule corresponds, or 'none'"


@pytest.mark.parametrize("name", sorted(RULES))
def test_page_documents_every_declared_option(name: str) -> None:
    options = _sections(_page(name))["Options"]
    declared = RULES[name].options
    if not declared:
        assert options.strip() == "None."
        return
    rows = _table_starting(options, ["option", "type", "default", "meaning"])
    assert [row[0] for row in rows] == [f"`{option}`" for option in declared]


def test_readme_rule_table_matches_the_registry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = _table_starting(readme, ["rule", "severity", "fix", "what it reports"])
    fix_cell = {"safe": "safe", "unsafe": "unsafe", "none": ""}
    documented = {row[0]: row[1:] for row in rows}
    expected = {
        f"[{name}](rules/{name}.md)": [rule.severity, fix_cell[rule.fix_safety], rule.summary]
        for name, rule in RULES.items()
    }
    missing = sorted(set(expected) - set(documented))
    assert not missing, f"add these rows to the README's rule table: {missing}"
    assert documented == expected
    assert [row[0] for row in rows] == sorted(expected), "keep the README's rule table sorted"


def test_every_pre_commit_hook_is_documented_and_runs_a_real_command() -> None:
    import typer.main
    import yaml

    from awesome_tidy.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    commands = typer.main.get_command(app).commands
    assert {"awesome-tidy", "awesome-tidy-fix"} <= {hook["id"] for hook in hooks}
    for hook in hooks:
        documented = re.search(rf"- id: {re.escape(hook['id'])}(\s|$)", readme, re.MULTILINE)
        assert documented, f"document the hook {hook['id']!r} in the README"
        program, command = hook["entry"].split()[:2]
        assert program == "awesome-tidy" and command in commands
        assert hook["types"] == ["markdown"] and hook["language"] == "python"
