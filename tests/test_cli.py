"""The command line, in process (typer's CliRunner) and as real processes, on one table of cases.

Every case runs three ways: ``awesome_tidy.cli.app`` in process, the ``awesome-tidy`` console
script, and ``python -m awesome_tidy``. The lists are copied into a temporary directory that is
the working directory, so paths in the output are the ones given on the command line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from awesome_tidy import check_text
from awesome_tidy.cli import app
from awesome_tidy.registry import builtin_rules
from conftest import FIXTURES, REFERENCE

FIXED = FIXTURES / "reference" / "awesome-industrial-anomaly-detection.fixed.md"
PAGES = Path(__file__).parents[1] / "rules"

CLEAN = """\
# Awesome Industrial Anomaly Detection

Paper list for industrial image anomaly detection

# 1 unsupervised survey
+ (yang2021generalized)Generalized out-of-distribution detection: A survey[2021]
+ (cui2022survey)A Survey on Unsupervised Industrial Anomaly Detection Algorithms[2022]
# 2 Unsupervised anomaly detection
## 2.1 Feature-embedding methods
+ (deng2022anomaly)Anomaly Detection via Reverse Distillation from One-Class Embedding[2022]
+ (roth2022towards)Towards total recall in industrial anomaly detection[2022]
"""
# The same paper in a second section: an info finding, which never fails a check.
INFO_ONLY = (
    CLEAN
    + """\
## 2.2 Few-shot anomaly detection
+ (huang2022registration)Registration based few-shot anomaly detection[2022]
+ (roth2022towards)Towards total recall in industrial anomaly detection[2022]
"""
)


# Only fixable findings: what ``fix --diff`` would repair is all there is.
BRACE = "# Papers\n\n+ (he2016deep)Deep {Residual} Learning for Image Recognition[2016]\n"


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


Run = Callable[..., Outcome]


def _in_process(*args: str) -> Outcome:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Outcome(result.exit_code, result.stdout, result.stderr)


def _process(command: list[str]) -> Run:
    def run(*args: str) -> Outcome:
        env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
        done = subprocess.run(
            [*command, *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=60
        )
        return Outcome(done.returncode, done.stdout, done.stderr)

    return run


def _console_script() -> list[str]:
    """The ``awesome-tidy`` installed next to this Python, else the one on PATH."""
    script = shutil.which("awesome-tidy", path=str(Path(sys.executable).parent))
    script = script or shutil.which("awesome-tidy")
    assert script, "the awesome-tidy console script is not installed"
    return [script]


RUNNERS = {
    "in-process": lambda: _in_process,
    "awesome-tidy": lambda: _process(_console_script()),
    "python-m": lambda: _process([sys.executable, "-m", "awesome_tidy"]),
}


@pytest.fixture(
    params=[
        "in-process",
        # The same cases as real processes: the fast tier runs them in process only.
        pytest.param("awesome-tidy", marks=pytest.mark.slow),
        pytest.param("python-m", marks=pytest.mark.slow),
    ]
)
def run(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """A way to run the CLI, in a working directory holding the lists the cases name."""
    (tmp_path / "reference.md").write_bytes(REFERENCE.read_bytes())
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "info-only.md").write_text(INFO_ONLY, encoding="utf-8")
    (tmp_path / "papers").mkdir()
    (tmp_path / "brace.md").write_text(BRACE, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    monkeypatch.chdir(tmp_path)
    runner: Run = RUNNERS[request.param]()
    return runner


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    exit_code: int
    stdout: tuple[str, ...] = ()
    stderr: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.name


# Output is matched by rule names and messages, not by layout: the reporters own the layout.
CASES = [
    Case("clean-list-exits-0", ("check", "clean.md"), 0, ("No problems",)),
    Case(
        "list-with-errors-and-warnings-exits-1",
        ("check", "reference.md"),
        1,
        (
            "error stray-brace [*] stray '{' in title",
            "error duplicate-entry [*] duplicate of line 25 in the same section",
            "error heading-numbering [*] heading 2.3 has level 1, its number says level 2",
            "error key-year-mismatch key 'DAGMGNSS2077' says 2077, the entry says 2000",
        ),
    ),
    Case(
        "info-only-findings-exit-0",
        ("check", "info-only.md"),
        0,
        ("cross-section-duplicate also listed on line 11",),
    ),
    Case(
        "select-runs-only-the-named-rules",
        ("check", "--select", "stray-brace", "--select", "full-width-bracket", "reference.md"),
        1,
        ("stray-brace", "error full-width-bracket [*] full-width '（' as key delimiter"),
        (),
        ("duplicate-entry", "list-indent", "key-style"),
    ),
    Case(
        "ignore-skips-the-named-rules",
        ("check", "--ignore", "list-indent", "--ignore", "heading-indent", "reference.md"),
        1,
        ("stray-brace",),
        (),
        ("list-indent", "heading-indent"),
    ),
    Case(
        "select-of-an-info-rule-exits-0",
        ("check", "--select", "cross-section-duplicate", "reference.md"),
        0,
        ("cross-section-duplicate also listed on line 68",),
    ),
    Case(
        "missing-file-exits-2-naming-it",
        ("check", "clean.md", "no-such-list.md"),
        2,
        (),
        ("no-such-list.md: no such file",),
    ),
    Case(
        "directory-without-markdown-files-exits-2-naming-it",
        ("check", "papers"),
        2,
        (),
        ("papers: is a directory",),
    ),
    Case(
        "unknown-rule-in-select-exits-2-with-a-suggestion",
        ("check", "--select", "stray-brase", "reference.md"),
        2,
        (),
        ("unknown rule 'stray-brase'; did you mean 'stray-brace'?",),
    ),
    Case(
        "unknown-rule-in-fix-ignore-exits-2-and-writes-nothing",
        ("fix", "--ignore", "duplicate-entries", "reference.md"),
        2,
        (),
        ("unknown rule 'duplicate-entries'; did you mean 'duplicate-entry'?",),
    ),
    Case(
        "fix-of-a-missing-file-exits-2",
        ("fix", "reference.md", "no-such-list.md"),
        2,
        (),
        ("no-such-list.md: no such file",),
    ),
    Case(
        "missing-file-alone-is-an-error-without-a-summary",
        ("check", "no-such-list.md"),
        2,
        (),
        ("no-such-list.md: no such file",),
        ("No problems",),
    ),
    Case(
        "binary-file-is-an-error-without-a-summary",
        ("check", "image.png"),
        2,
        (),
        ("image.png: binary file (contains a NUL byte), skipped",),
        ("No problems",),
    ),
    Case(
        "empty-folder-is-an-error-without-a-summary",
        ("check", "papers"),
        2,
        (),
        ("papers: is a directory with no Markdown files",),
        ("No problems",),
    ),
    Case(
        "json-when-every-file-failed-is-still-an-array",
        ("check", "--format", "json", "no-such-list.md"),
        2,
        ("[]",),
        ("no-such-list.md: no such file",),
    ),
    Case(
        "fix-diff-says-would-fix-exits-1-and-writes-nothing",
        ("fix", "--diff", "brace.md"),
        1,
        ("-+ (he2016deep)Deep {Residual} Learning", "++ (he2016deep)Deep Residual Learning"),
        ("brace.md: would fix 2 problems",),
        ("fixed",),
    ),
    Case(
        "fail-level-error-lets-warnings-pass",
        ("check", "--fail-level", "error", "--select", "key-style", "reference.md"),
        0,
        ("warning key-style key 'Wang2021StudentTeacherFP'",),
    ),
    Case(
        "fail-level-info-fails-on-info",
        ("check", "--fail-level", "info", "info-only.md"),
        1,
        ("info cross-section-duplicate also listed on line 11",),
    ),
    Case(
        "no-path-checks-the-current-folder",
        ("check", "--select", "stray-brace"),
        1,
        ("brace.md:3:20: error stray-brace", "reference.md:9:16: error stray-brace"),
    ),
    Case(
        "explain-of-an-unknown-rule-exits-2-with-a-suggestion",
        ("explain", "stray-braces"),
        2,
        (),
        ("unknown rule 'stray-braces'; did you mean 'stray-brace'?",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case(case: Case, run: Run) -> None:
    outcome = run(*case.args)
    assert outcome.exit_code == case.exit_code, outcome
    for fragment in case.stdout:
        assert fragment in outcome.stdout
    for fragment in case.stderr:
        assert fragment in outcome.stderr
    for fragment in case.absent:
        assert fragment not in outcome.stdout
    if case.exit_code == 2:
        assert "Traceback" not in outcome.stderr
    if case.args[0] == "check" or "--ignore" in case.args:
        assert Path("reference.md").read_bytes() == REFERENCE.read_bytes()
    assert Path("brace.md").read_text(encoding="utf-8") == BRACE


PROCESSES = ("awesome-tidy", "python-m")


@pytest.mark.parametrize("way", [PROCESSES[0], pytest.param(PROCESSES[1], marks=pytest.mark.slow)])
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "--bogus", "x.md"), "error: no such option: --bogus"),
        (("check", "--format", "xml", "x.md"), "error: invalid value for '--format': 'xml' is not"),
        (("frobnicate",), "error: no such command 'frobnicate'"),
    ],
    ids=["unknown-option", "unknown-format", "unknown-command"],
)
def test_usage_errors_are_one_line_like_every_other_error(
    way: str, args: tuple[str, ...], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not typer's box: ``error: ...`` and where to read the help, exit code 2."""
    monkeypatch.chdir(tmp_path)
    outcome = RUNNERS[way]()(*args)
    assert outcome.exit_code == 2
    first, second = outcome.stderr.splitlines()
    assert first.startswith(message), first
    assert second.startswith("(see 'awesome-tidy") and second.endswith(" --help')")
    assert outcome.stdout == ""


def test_help_names_arguments_and_values_plainly(run: Run) -> None:
    """No ``{paths}...`` nor ``<str>`` placeholders, no boxes; each option says what it takes."""
    text = run("check", "--help").stdout
    assert text.startswith("Usage: ") and " check [OPTIONS] [PATH...]\n" in text
    assert "{" not in text and "<str>" not in text and "╭" not in text
    assert "--format <text|json|github|sarif|junit>" in text
    assert "--select RULE" in text and "--jobs N" in text
    assert "off by default" not in text
    assert "configuration's or --select's choice" in text
    for command in ("fix", "config", "explain"):
        text = run(command, "--help").stdout
        assert "{" not in text and "<str>" not in text, text
    assert run("explain").stdout == run("rules").stdout


def test_no_arguments_prints_the_help(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    outcome = RUNNERS["python-m"]()()
    assert outcome.exit_code == 0
    assert outcome.stdout.startswith("Usage: awesome-tidy [OPTIONS] COMMAND")


def test_text_output_is_path_line_column_severity_rule_fixable_message(run: Run) -> None:
    """The core format (README): ``path:line:col: severity rule-name [*] message``; the severity
    and the fixable marker are there without colour, for a log or a pipe."""
    lines = run("check", "reference.md").stdout.splitlines()
    assert "reference.md:9:16: error stray-brace [*] stray '{' in title" in lines
    assert (
        "reference.md:28:3: error duplicate-entry [*] duplicate of line 25 in the same section"
        in lines
    )
    assert (
        "reference.md:16:4: warning key-style key 'Wang2021StudentTeacherFP' does not follow "
        "the list's google-scholar style (authorYEARword, e.g. he2016deep)" in lines
    )


def test_json_output_has_one_object_per_finding(run: Run) -> None:
    outcome = run("check", "--format", "json", "reference.md", "clean.md")
    assert outcome.exit_code == 1
    findings = json.loads(outcome.stdout)
    assert isinstance(findings, list)
    assert len(findings) == len(check_text(REFERENCE.read_text(encoding="utf-8")))
    types = {
        "path": str,
        "line": int,
        "column": int,
        "rule": str,
        "severity": str,
        "message": str,
        "fixable": bool,
        "related_line": (int, type(None)),
    }
    for finding in findings:
        for field, expected in types.items():
            assert isinstance(finding[field], expected), (field, finding)
        assert finding["path"] == "reference.md"
        assert finding["severity"] in ("error", "warning", "info")
    by_place = {(f["line"], f["rule"]): f for f in findings}
    assert by_place[28, "duplicate-entry"] == {
        **by_place[28, "duplicate-entry"],
        "column": 3,
        "severity": "error",
        "message": "duplicate of line 25 in the same section",
        "fixable": True,
        "related_line": 25,
    }
    assert by_place[148, "cross-section-duplicate"]["related_line"] == 68
    assert by_place[148, "cross-section-duplicate"]["fixable"] is False
    assert by_place[9, "stray-brace"]["column"] == 16
    assert by_place[9, "stray-brace"]["related_line"] is None


def test_json_output_of_a_clean_list_is_an_empty_array(run: Run) -> None:
    outcome = run("check", "--format", "json", "clean.md")
    assert (outcome.exit_code, json.loads(outcome.stdout)) == (0, [])


def test_fix_writes_the_file_reports_and_exits_1_when_findings_remain(run: Run) -> None:
    outcome = run("fix", "reference.md")
    assert outcome.exit_code == 1
    assert Path("reference.md").read_bytes() == FIXED.read_bytes()
    assert "reference.md: fixed " in outcome.stdout
    assert "key-year-mismatch key 'DAGMGNSS2077' says 2077" in outcome.stdout
    assert "stray-brace" not in outcome.stdout
    assert not outcome.stderr


def test_fix_of_a_fixed_list_writes_nothing(run: Run) -> None:
    Path("reference.md").write_bytes(FIXED.read_bytes())
    before = Path("reference.md").stat().st_mtime_ns
    outcome = run("fix", "reference.md")
    assert outcome.exit_code == 1  # key style, missing year, ... need a human
    assert "reference.md: fixed" not in outcome.stdout
    assert Path("reference.md").stat().st_mtime_ns == before


def test_fix_diff_prints_a_unified_diff_and_writes_nothing(run: Run) -> None:
    outcome = run("fix", "--diff", "reference.md")
    assert outcome.exit_code == 1
    assert outcome.stdout.startswith("--- reference.md\n+++ reference.md\n@@ ")
    assert "\n-+ (tao2022deep){Deep Learning" in outcome.stdout
    assert "\n++ (tao2022deep)Deep Learning" in outcome.stdout
    assert "\n- # 2.3 Supervised anomaly detection\n" in outcome.stdout
    assert "\n+## 2.3 Supervised anomaly detection\n" in outcome.stdout
    assert Path("reference.md").read_bytes() == REFERENCE.read_bytes()


def test_fix_diff_marks_a_last_line_without_a_line_break(run: Run) -> None:
    # The last line had no line break and fix gives it one: as `diff -u` writes it, so that
    # `patch` applies it (before, the two versions of the line were glued on one line).
    Path("list.md").write_text(BRACE.rstrip("\n"), encoding="utf-8")
    outcome = run("fix", "--diff", "list.md")
    assert outcome.exit_code == 1
    assert outcome.stdout.endswith(
        "-+ (he2016deep)Deep {Residual} Learning for Image Recognition[2016]\n"
        "\\ No newline at end of file\n"
        "++ (he2016deep)Deep Residual Learning for Image Recognition[2016]\n"
    )


def test_rules_lists_every_rule_with_severity_and_fix(run: Run) -> None:
    outcome = run("rules")
    assert outcome.exit_code == 0
    listed = {line.split()[0]: line.split()[1:] for line in outcome.stdout.splitlines()}
    for rule in builtin_rules():
        columns = listed[rule.name]
        assert columns[0] == rule.severity
        assert (columns[1] == "fix") == (rule.fix_safety == "safe")


def test_version_is_the_installed_distribution_version(run: Run) -> None:
    from importlib.metadata import version

    outcome = run("--version")
    assert outcome.exit_code == 0
    assert outcome.stdout == f"awesome-tidy {version('awesome-tidy')}\n"


def test_explain_prints_the_rule_page(run: Run) -> None:
    outcome = run("explain", "near-duplicate-title")
    assert outcome.exit_code == 0
    page = (PAGES / "near-duplicate-title.md").read_text(encoding="utf-8")
    assert outcome.stdout == page.rstrip("\n") + "\n"
