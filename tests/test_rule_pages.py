"""Every rule page is executable: its examples are run against the rule they document.

A page's fenced examples are tagged ``markdown bad``, ``markdown fixed`` (right after its bad)
and ``markdown good``, optionally followed by rule options (``markdown good threshold=95``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from awesome_tidy import Config, check_text, fix_text
from awesome_tidy.registry import builtin_rules

PAGES = Path(__file__).parents[1] / "rules"
RULES = {rule.name: rule for rule in builtin_rules()}


@dataclass
class Example:
    rule: str
    kind: str
    text: str
    options: dict[str, object]
    line: int
    fixed: str | None = None

    def config(self) -> Config:
        return Config(select=(self.rule,), rule_options={self.rule: self.options})

    def __str__(self) -> str:
        return f"{self.rule}.md:{self.line}:{self.kind}"


def _options(words: list[str]) -> dict[str, object]:
    options: dict[str, object] = {}
    for word in words:
        name, _, value = word.partition("=")
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
        found.append(Example(rule, kind, token.content, _options(words[2:]), line))
    return found


ALL_EXAMPLES = [example for name in sorted(RULES) for example in examples_of(name)]


@pytest.mark.parametrize("name", sorted(RULES))
def test_every_rule_has_a_page_with_a_bad_and_a_good_example(name: str) -> None:
    kinds = {example.kind for example in examples_of(name)}
    assert kinds == {"bad", "good"}
    page = (PAGES / f"{name}.md").read_text(encoding="utf-8")
    assert page.startswith(f"# {name}\n\n{RULES[name].summary}\n")


@pytest.mark.parametrize("example", [e for e in ALL_EXAMPLES if e.kind == "bad"], ids=str)
def test_bad_example_raises_the_rule(example: Example) -> None:
    rules = {d.rule for d in check_text(example.text, example.config())}
    assert example.rule in rules


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
