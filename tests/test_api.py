"""The public Python API on the reference list: what it returns, that it is typed for users (mypy
strict on a user's script), and that every public name is documented."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import awesome_tidy
from awesome_tidy import (
    Config,
    ConfigError,
    Diagnostic,
    Edit,
    FixError,
    FixResult,
    check_file,
    check_text,
    fix_file,
    fix_text,
    load_config,
)
from conftest import FIXTURES, REFERENCE

FIXED = FIXTURES / "reference" / "awesome-industrial-anomaly-detection.fixed.md"
GOLDEN = FIXTURES / "reference" / "awesome-industrial-anomaly-detection.findings.txt"


def test_check_text_returns_sorted_diagnostics_with_positions_and_fixes(
    reference_text: str,
) -> None:
    diagnostics = check_text(reference_text)
    assert all(isinstance(d, Diagnostic) for d in diagnostics)
    assert diagnostics == sorted(diagnostics, key=Diagnostic.sort_key)
    assert len(diagnostics) == len(GOLDEN.read_text(encoding="utf-8").splitlines())
    brace = next(d for d in diagnostics if d.rule == "stray-brace")
    assert (brace.line, brace.column, brace.end_line, brace.end_column) == (9, 16, 9, 17)
    assert brace.fix is not None and brace.fixable
    (edit,) = brace.fix.edits
    assert isinstance(edit, Edit)
    assert reference_text[edit.start : edit.end] == "{" and edit.text == ""


def test_fix_text_returns_the_fixed_text_what_was_applied_and_what_remains(
    reference_text: str,
) -> None:
    result = fix_text(reference_text)
    assert isinstance(result, FixResult)
    assert result.text == FIXED.read_text(encoding="utf-8")
    assert result.changed and result.applied
    assert {d.rule for d in result.remaining} >= {"key-style", "missing-year"}
    assert not fix_text(result.text).changed


def test_config_narrows_and_path_selects_per_file_ignores(reference_text: str) -> None:
    config = Config(select=("stray-brace",), per_file_ignores={"docs/*.md": ("stray-brace",)})
    assert {d.rule for d in check_text(reference_text, config)} == {"stray-brace"}
    assert check_text(reference_text, config, path="docs/papers.md") == []
    assert fix_text(reference_text, config).text.count("{") < reference_text.count("{")


def test_load_config_then_check_file_and_fix_file(tmp_path: Path) -> None:
    papers = tmp_path / "papers.md"
    papers.write_bytes(REFERENCE.read_bytes())
    (tmp_path / "pyproject.toml").write_text(
        '[tool.awesome-tidy]\nselect = ["stray-brace"]\n', encoding="utf-8"
    )
    config = load_config(papers)
    report = check_file(str(papers), config)
    assert {d.rule for d in report.diagnostics} == {"stray-brace"}
    fixed = fix_file(str(papers), config)
    assert fixed.changed and "{Deep" not in papers.read_text(encoding="utf-8")
    assert check_file(str(papers), config).diagnostics == []


def test_errors_are_exceptions_or_reports_never_tracebacks(tmp_path: Path) -> None:
    bad = tmp_path / ".awesome-tidy.toml"
    bad.write_text('select = ["nope"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.awesome-tidy\.toml:1: unknown rule 'nope'"):
        load_config(bad)
    missing = check_file(str(tmp_path / "missing.md"))
    assert missing.error is not None and missing.error.endswith("missing.md: no such file")
    assert issubclass(FixError, Exception)


def test_every_public_name_is_documented() -> None:
    for name in awesome_tidy.__all__:
        value = getattr(awesome_tidy, name)
        assert inspect.getdoc(value), f"{name} has no docstring"


@pytest.mark.slow  # mypy
def test_the_package_is_typed_for_its_users(tmp_path: Path) -> None:
    """A user's script, checked by mypy --strict against the installed package and py.typed."""
    pytest.importorskip("mypy")
    package = Path(awesome_tidy.__file__).parent
    assert (package / "py.typed").is_file()
    script = tmp_path / "user.py"
    script.write_text(
        "from collections.abc import Iterator\n"
        "from awesome_tidy import (\n"
        "    Config, Diagnostic, Document, Edit, Fix, FixResult, Option, Problem, Rule,\n"
        "    check_text, fix_text, load_config,\n"
        ")\n\n"
        "class Shouting(Rule):\n"
        "    name = 'title-shouting'\n"
        "    summary = 'A title in capitals.'\n"
        "    options = {'min-letters': Option(int, 8, 'shorter titles are fine')}\n\n"
        "    def check(self, doc: Document) -> Iterator[Problem]:\n"
        "        for entry in doc.entries:\n"
        "            title = entry.title\n"
        "            if title is not None and title.text.isupper():\n"
        "                edit = Edit(title.start, title.end, title.text.title())\n"
        "                yield self.problem(title.start, message='x', fix=Fix.unsafe(edit))\n\n"
        "config: Config = load_config('pyproject.toml')\n"
        "found: list[Diagnostic] = check_text('# x\\n', config)\n"
        "result: FixResult = fix_text('# x\\n')\n"
        "lines: list[int] = [d.line for d in found]\n"
        "text: str = result.text\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout
