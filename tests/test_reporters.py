"""Every output format, produced by the real command line from the reference list and read back:
text with carets, JSON, GitHub workflow commands, SARIF (against the official schema), JUnit."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest

from awesome_tidy import check_text
from awesome_tidy.api import FileReport
from awesome_tidy.cli import _color
from awesome_tidy.files import Source
from awesome_tidy.linter import Diagnostic
from awesome_tidy.registry import all_rules
from awesome_tidy.reporters import FORMATS, ReportOptions, reporter
from cli_invoke import invoke as run
from conftest import FIXTURES, REFERENCE

ROOT = Path(__file__).parents[1]
SCHEMA = FIXTURES / "sarif" / "sarif-schema-2.1.0.json"
CLEAN = "# Papers\n\n+ (he2016deep)Deep Residual Learning for Image Recognition[2016]\n"


@pytest.fixture
def lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reference.md").write_bytes(REFERENCE.read_bytes())  # writable, for fix
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


@pytest.fixture
def expected() -> list[Diagnostic]:
    return check_text(REFERENCE.read_text(encoding="utf-8"))


# -- text --------------------------------------------------------------------------------------


def test_text_shows_each_finding_with_its_line_and_a_caret_under_the_column(
    lists: Path, expected: list[Diagnostic]
) -> None:
    lines = run("check", "reference.md", "clean.md").stdout.splitlines()
    source = REFERENCE.read_text(encoding="utf-8").split("\n")
    headlines = [n for n, line in enumerate(lines) if line.startswith("reference.md:")]
    assert len(headlines) == len(expected)
    for index, d in zip(headlines, expected, strict=True):
        marker = " [*]" if d.fix is not None and d.fix.is_safe else ""
        assert lines[index] == (
            f"reference.md:{d.line}:{d.column}: {d.severity} {d.rule}{marker} {d.message}"
        )
        shown, caret = lines[index + 1], lines[index + 2]
        gutter = shown.index("| ") + 2
        assert shown[: gutter - 2].strip() == str(d.line)
        if len(source[d.line - 1]) <= 120:
            assert shown[gutter:] == source[d.line - 1]
            assert caret.index("^") - gutter == _display_width(source[d.line - 1][: d.column - 1])
    assert lines[-1] == (
        "Found 198 problems (22 errors, 161 warnings, 15 info) in 2 files. "
        "[*] 172 fixable with `awesome-tidy fix`."
    )


def _display_width(text: str) -> int:
    """Cells on a terminal: two for a wide character, none for a combining mark."""
    import unicodedata

    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def test_caret_stays_under_its_character_after_full_width_text(lists: Path) -> None:
    lines = run("check", "--select", "full-width-bracket", "reference.md").stdout.splitlines()
    at = lines.index(
        "reference.md:114:22: error full-width-bracket [*] full-width '）' as key delimiter"
    )
    shown, caret = lines[at + 1], lines[at + 2]
    before_caret = caret.index("^")
    # The caret column, counted in display cells, lands on the '）' in the shown line.
    cells = 0
    for char in shown:
        if cells == before_caret:
            assert char == "）"
            break
        cells += _display_width(char)
    else:
        pytest.fail("caret beyond the line")


def test_very_long_lines_are_shown_around_the_column(lists: Path) -> None:
    Path("long.md").write_text("+ (a2020b)" + "word " * 2000 + "{x[2020]\n", encoding="utf-8")
    lines = run("check", "--select", "stray-brace", "long.md").stdout.splitlines()
    assert len(lines[1]) < 200 and lines[1].endswith("{x[2020]") and "…" in lines[1]
    assert lines[2].endswith("^") and lines[1][lines[2].index("^")] == "{"


def test_show_fixes_prints_each_line_as_the_fix_leaves_it(lists: Path) -> None:
    lines = run("check", "--show-fixes", "--select", "stray-brace,duplicate-entry", "reference.md")
    rows = lines.stdout.splitlines()
    at = rows.index("reference.md:9:16: error stray-brace [*] stray '{' in title")
    assert rows[at + 3] == (
        "  fix | + (tao2022deep)Deep Learning for Unsupervised Anomaly Localization in "
        "Industrial Images: A Survey[2022]"
    )
    at = rows.index(
        "reference.md:28:3: error duplicate-entry [*] duplicate of line 25 in the same section"
    )
    assert rows[at + 3] == "   fix | (removes the line)"


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert _color(Terminal()) is True
    assert _color(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert _color(Terminal()) is False
    report = FileReport(
        "a.md", check_text("+ (a2020b){x[2020]\n"), source=Source("a.md", "+ (a2020b){x[2020]\n")
    )
    coloured, plain = io.StringIO(), io.StringIO()
    reporter("text")([report], coloured, ReportOptions(color=True))
    reporter("text")([report], plain, ReportOptions())
    assert "\033[" in coloured.getvalue() and "\033[" not in plain.getvalue()
    assert re.sub(r"\033\[[0-9;]*m", "", coloured.getvalue()) == plain.getvalue()


def test_color_flag_force_color_and_an_empty_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """``--color always|never`` wins; ``FORCE_COLOR`` colours a log that is no terminal (CI);
    an empty ``NO_COLOR=`` or ``FORCE_COLOR=`` counts as unset, as both conventions say."""
    pipe = io.StringIO()
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert _color(pipe, "always") is True
    monkeypatch.delenv("NO_COLOR")
    assert _color(pipe, "never") is False
    assert _color(pipe) is False
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert _color(pipe) is True
    monkeypatch.setenv("FORCE_COLOR", "")
    assert _color(pipe) is False

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("NO_COLOR", "")
    assert _color(Terminal()) is True


def test_color_always_on_the_command_line(lists: Path) -> None:
    coloured = run("check", "--color", "always", "--select", "stray-brace", "reference.md")
    assert "\033[31merror\033[0m stray-brace [*]" in coloured.stdout
    forced = subprocess.run(
        [sys.executable, "-m", "awesome_tidy", "check", "--select", "stray-brace", "reference.md"],
        capture_output=True,
        text=True,
        env={"FORCE_COLOR": "1", "PATH": ""},
    )
    assert "\033[31merror\033[0m" in forced.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "awesome_tidy", "check", "--color", "often", "reference.md"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2
    assert bad.stderr.splitlines()[0] == (
        "error: invalid value for '--color': 'often' is not one of 'auto', 'always', 'never'"
    )


def test_caret_stays_under_a_letter_written_with_a_combining_accent(lists: Path) -> None:
    """``Café`` as ``Cafe`` + U+0301 takes four cells, not five: the caret after it is not
    pushed right."""
    Path("accent.md").write_text("+ (a2020b)Cafe\u0301 ngine {x}[2020]\n", encoding="utf-8")
    lines = run("check", "--select", "stray-brace", "accent.md").stdout.splitlines()
    shown, caret = lines[1], lines[2]
    assert caret.index("^") == shown.index("{") - 1  # one combining mark before the brace


def test_summary_counts_only_safe_fixes_and_names_the_unsafe_ones(lists: Path) -> None:
    """Plain ``fix`` applies only safe fixes: the unsafe ones are named apart (as ruff does)."""
    Path("case.md").write_text(
        "# Tools\n\n- [A](https://a.org) - Parses files.\n- [B](https://b.org) - Reads files.\n"
        "- [C](https://c.org) - Writes files.\n- [D](https://d.org) - lower case start.\n",
        encoding="utf-8",
    )
    outcome = run("check", "--select", "description-case", "case.md")
    assert "case.md:6:" in outcome.stdout and "[*]" not in outcome.stdout.splitlines()[0]
    assert outcome.stdout.splitlines()[-1] == (
        "Found 1 problem (1 warning) in 1 file. 1 more with `awesome-tidy fix --unsafe-fixes`."
    )


def test_quiet_drops_the_summary_and_exit_zero_the_failure(lists: Path) -> None:
    quiet = run("check", "--quiet", "reference.md", "clean.md")
    assert quiet.exit_code == 1
    assert "Found" not in quiet.stdout and quiet.stdout.startswith("reference.md:9:16:")
    assert run("check", "--quiet", "clean.md").stdout == ""
    assert run("check", "--exit-zero", "reference.md").exit_code == 0
    assert run("check", "--exit-zero", "missing.md").exit_code == 2, "errors still fail"


def test_statistics_counts_findings_per_rule(lists: Path, expected: list[Diagnostic]) -> None:
    rows = run("check", "--statistics", "reference.md").stdout.splitlines()
    counted = {row.split()[1]: int(row.split()[0]) for row in rows[:-1]}
    assert counted == Counter(d.rule for d in expected)
    assert rows[0].split()[:4] == ["133", "list-indent", "warning", "133"]
    assert rows[-1].startswith("Found 198 problems")
    assert run("check", "--statistics", "--format", "json", "reference.md").exit_code == 2


def test_output_file_receives_the_report(lists: Path) -> None:
    outcome = run("check", "--format", "json", "--output-file", "out/report.json", "reference.md")
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("error: out/report.json: cannot be written: ")
    Path("out").mkdir()
    outcome = run("check", "--format", "json", "--output-file", "out/report.json", "reference.md")
    assert (outcome.exit_code, outcome.stdout) == (1, "")
    assert len(json.loads(Path("out/report.json").read_text(encoding="utf-8"))) == 198


# -- json --------------------------------------------------------------------------------------


def test_json_keeps_its_fields(lists: Path, expected: list[Diagnostic]) -> None:
    findings = json.loads(run("check", "--format", "json", "reference.md").stdout)
    assert [set(f) for f in findings] == [
        {
            "path", "line", "column", "end_line", "end_column", "rule", "severity", "message",
            "fixable", "related_line",
        }
    ] * len(expected)  # fmt: skip
    assert [(f["line"], f["column"], f["rule"]) for f in findings] == [
        (d.line, d.column, d.rule) for d in expected
    ]


# -- github ------------------------------------------------------------------------------------

_COMMAND = re.compile(r"^::(error|warning|notice) (.*?)::(.*)$")


def parse_workflow_command(line: str) -> tuple[str, dict[str, str], str]:
    """Read a workflow command back as the Actions runner does."""
    match = _COMMAND.match(line)
    assert match, line
    properties = {}
    for pair in match.group(2).split(","):
        key, _, value = pair.partition("=")
        properties[key] = _unescape(value)
    return match.group(1), properties, _unescape(match.group(3))


def _unescape(text: str) -> str:
    return (
        text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
        .replace("%25", "%")
    )  # fmt: skip


def test_github_annotations_parse_back_to_the_findings(
    lists: Path, expected: list[Diagnostic]
) -> None:
    outcome = run("check", "--format", "github", "reference.md", "clean.md")
    lines = outcome.stdout.splitlines()
    assert len(lines) == len(expected)
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    for line, d in zip(lines, expected, strict=True):
        level, properties, message = parse_workflow_command(line)
        assert level == levels[d.severity]
        assert properties == {
            "file": "reference.md",
            "line": str(d.line),
            "col": str(d.column),
            "endLine": str(d.end_line),
            "endColumn": str(d.end_column),
            "title": f"awesome-tidy ({d.rule})",
        }
        assert message == d.message


def test_github_escapes_what_the_runner_would_misread() -> None:
    d = Diagnostic("key-style", "warning", "key 'a,b:c' is 100% odd\nreally", 3, 4, 3, 9)
    stream = io.StringIO()
    reporter("github")([FileReport("docs/a,b:c%.md", [d])], stream, ReportOptions())
    line = stream.getvalue()
    assert line.count("\n") == 1, "one command per line"
    assert "file=docs/a%2Cb%3Ac%25.md," in line
    assert line.endswith("::key 'a,b:c' is 100%25 odd%0Areally\n")
    _, properties, message = parse_workflow_command(line.rstrip("\n"))
    assert (properties["file"], message) == ("docs/a,b:c%.md", d.message)


# -- sarif -------------------------------------------------------------------------------------


def test_sarif_is_valid_against_the_official_schema(
    lists: Path, expected: list[Diagnostic]
) -> None:
    import jsonschema

    log = json.loads(run("check", "--format", "sarif", "reference.md", "clean.md").stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, errors[0].message
    (run_,) = log["runs"]
    results = run_["results"]
    assert len(results) == len(expected)
    assert run_["columnKind"] == "unicodeCodePoints"
    for result, d in zip(results, expected, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (result["ruleId"], region["startLine"], region["startColumn"]) == (
            d.rule,
            d.line,
            d.column,
        )
        assert (region["endLine"], region["endColumn"]) == (d.end_line, d.end_column)
        assert (
            result["level"] == {"error": "error", "warning": "warning", "info": "note"}[d.severity]
        )
        assert run_["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == d.rule


def test_sarif_describes_every_rule_and_links_its_page(lists: Path) -> None:
    log = json.loads(run("check", "--format", "sarif", "clean.md").stdout)
    descriptors = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in descriptors] == list(all_rules())
    for descriptor in descriptors:
        rule = all_rules()[descriptor["id"]]
        assert descriptor["shortDescription"]["text"] == rule.summary
        prefix = "https://github.com/awesome-tidy/awesome-tidy/blob/main/"
        page = descriptor["helpUri"].removeprefix(prefix)
        assert page == f"rules/{rule.name}.md" and (ROOT / page).is_file()


def test_sarif_points_related_findings_at_the_first_copy(lists: Path) -> None:
    log = json.loads(
        run(
            "check", "--format", "sarif", "--select", "cross-section-duplicate", "reference.md"
        ).stdout
    )
    related = {
        r["locations"][0]["physicalLocation"]["region"]["startLine"]: r["relatedLocations"][0][
            "physicalLocation"
        ]["region"]["startLine"]
        for r in log["runs"][0]["results"]
    }
    assert related[148] == related[159] == related[182] == 68


# -- junit -------------------------------------------------------------------------------------


def test_junit_is_well_formed_with_one_failure_per_error_or_warning(
    lists: Path, expected: list[Diagnostic]
) -> None:
    """``info`` findings pass the exit code, and pass on the dashboard too: a test case with
    the finding in its output, no failure."""
    root = ElementTree.fromstring(
        run("check", "--format", "junit", "reference.md", "clean.md").stdout
    )
    failing = [d for d in expected if d.severity != "info"]
    assert len(failing) == len(expected) - 15
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == (str(len(expected) + 1), str(len(failing)))
    reference, clean = root.findall("testsuite")
    assert reference.get("failures") == str(len(failing))
    cases = reference.findall("testcase")
    assert len(cases) == len(expected)
    for case, d in zip(cases, expected, strict=True):
        if d.severity == "info":
            assert case.findall("failure") == []
            assert d.message in (case.findtext("system-out") or "")
            continue
        (failure,) = case.findall("failure")
        assert (case.get("line"), failure.get("type"), failure.get("message")) == (
            str(d.line),
            d.rule,
            d.message,
        )
    (passing,) = clean.findall("testcase")
    assert passing.findall("failure") == [] and clean.get("failures") == "0"


def test_junit_stays_well_formed_with_control_characters_in_a_message() -> None:
    d = Diagnostic("malformed-key", "error", "key 'a\x1bb\x00c' has <odd> & characters", 1, 4, 1, 9)
    stream = io.StringIO()
    reporter("junit")([FileReport("a.md", [d])], stream, ReportOptions())
    failure = ElementTree.fromstring(stream.getvalue()).find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "key 'a\ufffdb\ufffdc' has <odd> & characters"


# -- lean imports ------------------------------------------------------------------------------


def test_a_check_imports_only_the_reporter_it_uses(lists: Path) -> None:
    script = (
        "import sys\n"
        "from awesome_tidy.cli import app\n"
        "try:\n"
        "    app(['check', '--quiet', 'clean.md'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(done.stdout.split())
    assert "awesome_tidy.reporters.text" in loaded
    others = {f"awesome_tidy.reporters.{name}" for name in FORMATS if name != "text"}
    unwanted = others | {"concurrent.futures.process", "multiprocessing", "tomllib", "xml.etree"}
    assert not unwanted & loaded


def test_every_format_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in FORMATS:
        assert f"`{name}`" in readme


def test_fix_show_fixes_lists_what_was_fixed(lists: Path) -> None:
    outcome = run(
        "fix", "--show-fixes", "--select", "stray-brace,heading-numbering", "reference.md"
    )
    lines = outcome.stdout.splitlines()
    assert lines[:3] == [
        "reference.md: fixed 6 problems",
        "  9:16 stray-brace stray '{' in title",
        "  80:65 stray-brace stray '}' in title",
    ]
    assert "  124:2 heading-numbering heading 2.3 has level 1, its number says level 2" in lines
    assert outcome.exit_code == 0 and lines[-1] == "No problems in 1 file."
