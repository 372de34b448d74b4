"""Configuration files: where they are found, what each key does, and every way one can be wrong.

Each test writes real files into a temporary folder (the working directory) and runs the real
command line in process, or ``load_config`` for the Python API.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from awesome_tidy import Config, ConfigError, Option, check_text, load_config
from awesome_tidy.config import ConfigFinder, read_config
from awesome_tidy.config_file import KEYS, SKIP_SECTIONS, SKIP_SECTIONS_OPTION
from awesome_tidy.document import Document, Section
from awesome_tidy.registry import builtin_rules
from cli_invoke import invoke as run
from conftest import REFERENCE


def findings(*args: str) -> list[dict[str, object]]:
    outcome = run("check", "--format", "json", *args)
    assert outcome.exit_code in (0, 1), outcome
    result: list[dict[str, object]] = json.loads(outcome.stdout)
    return result


def rules_found(*args: str) -> set[object]:
    return {finding["rule"] for finding in findings(*args)}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder holding the reference list as ``papers.md``, and ``docs/papers.md``."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    for place in ("papers.md", "docs/papers.md"):
        (tmp_path / place).write_bytes(REFERENCE.read_bytes())  # writable, unlike the fixture
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- discovery ------------------------------------------------------------------------------


def test_pyproject_table_applies_to_files_below_it(project: Path) -> None:
    write(
        project / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.awesome-tidy]\nignore = ["list-indent"]\n',
    )
    assert "list-indent" not in rules_found("papers.md")
    assert "list-indent" not in rules_found("docs/papers.md")


def test_nearest_configuration_wins(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.awesome-tidy]\nignore = ["list-indent"]\n')
    write(project / "docs" / ".awesome-tidy.toml", 'ignore = ["stray-brace"]\n')
    assert "list-indent" not in rules_found("papers.md")
    docs = rules_found("docs/papers.md")
    assert "stray-brace" not in docs
    assert "list-indent" in docs, "the nearer file replaces the farther one, it does not merge"


def test_dot_awesome_tidy_toml_wins_over_pyproject_in_the_same_folder(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.awesome-tidy]\nignore = ["list-indent"]\n')
    write(project / ".awesome-tidy.toml", 'ignore = ["stray-brace"]\n')
    assert {"list-indent"} <= rules_found("papers.md") - {"stray-brace"}
    assert "stray-brace" not in rules_found("papers.md")


def test_pyproject_without_our_table_is_passed_over(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.awesome-tidy]\nignore = ["list-indent"]\n')
    write(project / "docs" / "pyproject.toml", '[project]\nname = "docs"\n')
    assert "list-indent" not in rules_found("docs/papers.md")


def test_config_option_replaces_discovery(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.awesome-tidy]\nignore = ["list-indent"]\n')
    other = write(project / "strict.toml", 'select = ["stray-brace"]\n')
    assert rules_found("--config", str(other), "papers.md") == {"stray-brace"}


def test_isolated_ignores_every_configuration_file(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.awesome-tidy]\nselect = ["stray-brace"]\n')
    assert "list-indent" in rules_found("--isolated", "papers.md")


def test_command_line_select_overrides_the_file_and_ignore_adds_to_it(project: Path) -> None:
    write(project / ".awesome-tidy.toml", 'select = ["stray-brace", "list-indent"]\n')
    assert rules_found("papers.md", "--ignore", "list-indent") == {"stray-brace"}
    assert rules_found("papers.md", "--select", "missing-year") == {"missing-year"}


# -- what each key does --------------------------------------------------------------------


def test_select_all_and_extend_select(project: Path) -> None:
    write(
        project / ".awesome-tidy.toml",
        'select = ["stray-brace"]\nextend-select = ["missing-year"]\n',
    )
    assert rules_found("papers.md") == {"stray-brace", "missing-year"}
    write(project / ".awesome-tidy.toml", 'select = ["ALL"]\nignore = ["list-indent"]\n')
    assert rules_found("papers.md") == rules_found("--isolated", "papers.md") - {"list-indent"}


def test_severity_override_changes_the_level_and_the_exit_code(project: Path) -> None:
    write(
        project / ".awesome-tidy.toml",
        'select = ["cross-section-duplicate"]\n[severity]\ncross-section-duplicate = "error"\n',
    )
    levels = {finding["severity"] for finding in findings("papers.md")}
    assert levels == {"error"}
    write(
        project / ".awesome-tidy.toml",
        'select = ["stray-brace"]\n[severity]\nstray-brace = "info"\n',
    )
    assert run("check", "papers.md").exit_code == 0, "info findings never fail a check"


def test_per_file_ignores_match_globs_relative_to_the_config_file(project: Path) -> None:
    write(
        project / ".awesome-tidy.toml",
        '[per-file-ignores]\n"docs/*.md" = ["list-indent", "heading-indent"]\n',
    )
    assert {"list-indent", "heading-indent"} <= rules_found("papers.md")
    assert not {"list-indent", "heading-indent"} & rules_found("docs/papers.md")
    write(project / ".awesome-tidy.toml", '[per-file-ignores]\n"docs/**" = ["ALL"]\n')
    assert findings("docs/papers.md") == []


def test_exclude_skips_files_named_and_found_in_folders(project: Path) -> None:
    write(project / ".awesome-tidy.toml", 'exclude = ["docs"]\n')
    outcome = run("check", "--format", "json", ".")
    assert {finding["path"] for finding in json.loads(outcome.stdout)} == {"papers.md"}
    outcome = run("check", "docs/papers.md")
    assert (outcome.exit_code, outcome.stdout) == (0, "No problems in 0 files.\n")


def test_rule_options_reach_the_rule(project: Path) -> None:
    write(project / ".awesome-tidy.toml", "[rules.year-out-of-range]\nmax-year = 2019\n")
    late = [f for f in findings("papers.md") if f["rule"] == "year-out-of-range"]
    assert late and all("after 2019" in str(f["message"]) for f in late)


def test_skip_sections_silences_a_rule_under_matching_headings_and_their_subsections(
    project: Path,
) -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    write(
        project / ".awesome-tidy.toml",
        '[rules.list-indent]\nskip-sections = ["2 unsupervised*"]\n',
    )
    config = load_config(project / ".awesome-tidy.toml")
    everywhere = {d.line for d in check_text(text) if d.rule == "list-indent"}
    left = {d.line for d in check_text(text, config) if d.rule == "list-indent"}
    doc = Document(text)
    inside = {
        item.line
        for item in doc.items
        if any(s.title.startswith("2 Unsupervised") for s in _ancestry(item.section))
    }
    assert inside & everywhere, "the reference list has indented items in that section"
    assert left == everywhere - inside
    other_rules = [d for d in check_text(text, config) if d.rule != "list-indent"]
    assert other_rules == [d for d in check_text(text) if d.rule != "list-indent"]


def _ancestry(section: Section | None) -> list[Section]:
    found = []
    while section is not None:
        found.append(section)
        section = section.parent
    return found


# -- every way a configuration can be wrong -------------------------------------------------

ERRORS = [
    (
        "bad-toml",
        'select = ["stray-brace"\nignore = []\n',
        ".awesome-tidy.toml:2: invalid TOML: ",
    ),
    (
        "unknown-key",
        '\nselct = ["stray-brace"]\n',
        ".awesome-tidy.toml:2: unknown key 'selct'; did you mean 'select'?",
    ),
    (
        "unknown-rule-in-a-multi-line-list",
        'ignore = [\n  "list-indent",\n  "stray-brase",\n]\n',
        ".awesome-tidy.toml:3: unknown rule 'stray-brase' in 'ignore'; did you mean 'stray-brace'?",
    ),
    (
        "select-not-a-list",
        'select = "stray-brace"\n',
        ".awesome-tidy.toml:1: 'select' must be a list of rule names, got str 'stray-brace'",
    ),
    (
        "unknown-rule-table",
        "[rules.near-duplicate-titel]\nthreshold = 95\n",
        ".awesome-tidy.toml:1: unknown rule 'near-duplicate-titel' in 'rules'; "
        "did you mean 'near-duplicate-title'?",
    ),
    (
        "unknown-option",
        "[rules.near-duplicate-title]\n\ntreshold = 95\n",
        ".awesome-tidy.toml:3: unknown option 'treshold' for rule 'near-duplicate-title'; "
        "did you mean 'threshold'?",
    ),
    (
        "option-of-a-rule-without-options",
        "[rules.stray-brace]\nthreshold = 95\n",
        ".awesome-tidy.toml:2: unknown option 'threshold' for rule 'stray-brace' "
        "(it takes skip-sections)",
    ),
    (
        "option-out-of-range",
        "[rules.near-duplicate-title]\nthreshold = 120\n",
        ".awesome-tidy.toml:2: bad value for near-duplicate-title.threshold: "
        "must be at most 100, got 120",
    ),
    (
        "option-of-the-wrong-type",
        '[rules.year-out-of-range]\nmin-year = "1990"\n',
        ".awesome-tidy.toml:2: bad value for year-out-of-range.min-year: "
        "expected int, got str '1990'",
    ),
    (
        "option-not-a-choice",
        '[rules.key-style]\nstyle = "camel"\n',
        ".awesome-tidy.toml:2: bad value for key-style.style: expected one of ",
    ),
    (
        "severity-level-unknown",
        '[severity]\nkey-style = "fatal"\n',
        ".awesome-tidy.toml:2: severity of 'key-style' must be one of error, warning, info, "
        "got str 'fatal'",
    ),
    (
        "severity-of-an-unknown-rule",
        '[severity]\nkey-styl = "error"\n',
        ".awesome-tidy.toml:2: unknown rule 'key-styl' in 'severity'; did you mean 'key-style'?",
    ),
    (
        "per-file-ignores-not-a-table",
        'per-file-ignores = ["docs/*.md"]\n',
        ".awesome-tidy.toml:1: 'per-file-ignores' must be a table, got list ['docs/*.md']",
    ),
    (
        "per-file-ignores-unknown-rule",
        '[per-file-ignores]\n"docs/*.md" = ["list-indnt"]\n',
        ".awesome-tidy.toml:2: unknown rule 'list-indnt' in 'per-file-ignores.docs/*.md'; "
        "did you mean 'list-indent'?",
    ),
    (
        "skip-sections-not-strings",
        "[rules.key-style]\nskip-sections = [1, 2]\n",
        ".awesome-tidy.toml:2: 'rules.key-style.skip-sections' must be a list of heading globs, "
        "got list [1, 2]",
    ),
    (
        "not-utf-8",
        b"select = ['\xff']\n".decode("latin-1"),
        ".awesome-tidy.toml: cannot be read: ",
    ),
    (
        "pyproject-table-in-awesome-tidy-toml",
        '[tool.awesome-tidy]\nignore = ["toc"]\n',
        ".awesome-tidy.toml:1: unknown key 'tool': in .awesome-tidy.toml the settings stand at "
        "the top level; drop 'tool.awesome-tidy' from the table names",
    ),
    (
        "pattern-that-does-not-compile",
        '[rules.key-style]\nstyle = "pattern"\npattern = "(["\n',
        ".awesome-tidy.toml:3: bad value for key-style.pattern: not a valid regular expression: "
        "unterminated character set at position 1",
    ),
    (
        "pattern-unclosed-group",
        '[rules.key-style]\npattern = "("\n',
        ".awesome-tidy.toml:2: bad value for key-style.pattern: not a valid regular expression: "
        "missing ), unterminated subpattern at position 0",
    ),
    (
        "pattern-that-backtracks-exponentially",
        '[rules.key-style]\nstyle = "pattern"\npattern = "(a+)+b"\n',
        ".awesome-tidy.toml:3: bad value for key-style.pattern: '(a+)+b' repeats a part that "
        "repeats itself, which can take exponential time",
    ),
    (
        "style-pattern-without-a-pattern",
        '[rules.key-style]\nstyle = "pattern"\n',
        ".awesome-tidy.toml:1: bad options for key-style: style = 'pattern' needs a 'pattern'",
    ),
    (
        "min-year-after-max-year",
        "[rules.year-out-of-range]\nmin-year = 2030\nmax-year = 2020\n",
        ".awesome-tidy.toml:1: bad options for year-out-of-range: "
        "min-year 2030 is after max-year 2020",
    ),
    (
        "toml-nested-100000-deep",
        "select = " + "[" * 100_000 + "\n",
        ".awesome-tidy.toml: invalid TOML: nested too deeply",
    ),
]


@pytest.mark.parametrize(("name", "text", "message"), ERRORS, ids=[e[0] for e in ERRORS])
def test_bad_configuration_is_one_line_naming_file_and_line_and_exits_2(
    project: Path, name: str, text: str, message: str
) -> None:
    config_file = project / ".awesome-tidy.toml"
    if name == "not-utf-8":
        config_file.write_bytes(text.encode("latin-1"))
    else:
        write(config_file, text)
    before = (project / "papers.md").read_bytes()
    for command in ("check", "fix"):
        outcome = run(command, "papers.md")
        assert outcome.exit_code == 2, outcome
        assert outcome.stderr.startswith(f"error: {message}"), outcome.stderr
        assert outcome.stderr.count("\n") == 1
        assert outcome.stdout == ""
    assert (project / "papers.md").read_bytes() == before, "nothing is written"
    with pytest.raises(ConfigError, match="^" + _escape(message)):
        load_config(config_file)


def test_a_broken_configuration_above_some_files_spares_the_others(project: Path) -> None:
    """A deeply nested ``pyproject.toml`` found above ``docs/`` is a one-line error for the
    files it governs; the other files are still checked and reported."""
    write(project / "docs" / "pyproject.toml", "[tool.awesome-tidy]\nselect = " + "[" * 100_000)
    outcome = run("check", "--select", "stray-brace", "docs/papers.md", "papers.md")
    assert outcome.exit_code == 2
    assert outcome.stderr == (
        f"error: {Path('docs', 'pyproject.toml')}: invalid TOML: nested too deeply\n"
    )
    assert "papers.md:9:16: error stray-brace" in outcome.stdout
    assert "docs/papers.md" not in outcome.stdout


def test_config_file_that_never_ends_is_refused_after_a_bounded_read(project: Path) -> None:
    outcome = run("check", "--config", "/dev/zero", "papers.md")
    assert outcome.exit_code == 2
    assert outcome.stderr == (
        "error: /dev/zero: too large for a configuration file (over 1,000,000 bytes)\n"
    )


def test_a_pattern_that_repeats_a_bounded_part_is_accepted(project: Path) -> None:
    """Only nesting with no bound can blow up: ``(?:[a-z]{1,3}){2}`` is fine, and is used."""
    write(
        project / ".awesome-tidy.toml",
        '[rules.key-style]\nstyle = "pattern"\npattern = "(?:[a-z]{1,3}){2}[0-9]{4}[a-z]+"\n',
    )
    keys = [f for f in findings("papers.md") if f["rule"] == "key-style"]
    assert keys and all("does not follow the pattern" in str(f["message"]) for f in keys)


def _escape(text: str) -> str:
    import re

    return re.escape(text)


def test_pyproject_errors_name_the_line_inside_the_tool_table(project: Path) -> None:
    write(
        project / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.awesome-tidy]\nselect = ["stray-brace"]\n\n'
        "[tool.awesome-tidy.rules.near-duplicate-title]\nthreshold = 20\n",
    )
    outcome = run("check", "papers.md")
    assert outcome.stderr == (
        "error: pyproject.toml:8: bad value for near-duplicate-title.threshold: "
        "must be at least 50, got 20\n"
    )


def test_pyproject_tool_entry_that_is_not_a_table(project: Path) -> None:
    write(project / "pyproject.toml", '[tool]\n"awesome-tidy" = "strict"\n')
    assert run("check", "papers.md").stderr == (
        "error: pyproject.toml:2: [tool.awesome-tidy] must be a table\n"
    )


def test_missing_config_file_given_on_the_command_line(project: Path) -> None:
    outcome = run("check", "--config", "nowhere.toml", "papers.md")
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("error: nowhere.toml: cannot be read: ")


def test_unknown_rule_on_the_command_line_suggests_the_closest(project: Path) -> None:
    outcome = run("check", "--extend-select", "key-stile", "papers.md")
    assert (outcome.exit_code, outcome.stderr) == (
        2,
        "error: unknown rule 'key-stile'; did you mean 'key-style'?\n",
    )


def test_config_and_isolated_together_is_a_usage_error(project: Path) -> None:
    write(project / "strict.toml", "select = []\n")
    outcome = run("check", "--config", "strict.toml", "--isolated", "papers.md")
    assert outcome.exit_code == 2
    assert "--config and --isolated cannot be used together" in outcome.stderr


# -- awesome-tidy config ---------------------------------------------------------------------


def test_config_command_names_where_each_value_comes_from(project: Path) -> None:
    write(
        project / "pyproject.toml",
        '[tool.awesome-tidy]\nignore = ["list-indent"]\n\n[tool.awesome-tidy.severity]\n'
        'key-style = "error"\n\n[tool.awesome-tidy.rules.near-duplicate-title]\n'
        "threshold = 95\n",
    )
    outcome = run("config", "docs/papers.md", "--ignore", "heading-indent")
    assert outcome.exit_code == 0, outcome
    lines = outcome.stdout.splitlines()
    assert lines[0] == "# awesome-tidy configuration for docs/papers.md"
    assert lines[1] == "# from pyproject.toml"
    assert (
        'ignore = ["list-indent", "heading-indent"]  '
        "# pyproject.toml:2 and command line (--ignore)" in lines
    )
    assert 'key-style = "error"  # pyproject.toml:5' in lines
    assert "threshold = 95  # pyproject.toml:8" in lines
    assert "min-year = 1900" in lines, "defaults are shown too, without an origin"
    assert lines[-1].startswith("# rules that run on docs/papers.md: cross-section-duplicate, ")
    assert "list-indent" not in lines[-1]


def test_config_command_output_is_a_configuration_file_with_the_same_effect(project: Path) -> None:
    write(
        project / ".awesome-tidy.toml",
        'select = ["ALL"]\nignore = ["list-indent"]\nexclude = ["drafts"]\n'
        '[per-file-ignores]\n"docs/*.md" = ["key-style"]\n[severity]\nmissing-year = "error"\n'
        '[rules.key-style]\nstyle = "google-scholar"\nskip-sections = ["*Dataset*"]\n',
    )
    shown = run("config", "papers.md").stdout
    copy = write(project / "docs" / "shown.toml", shown)
    original, again = read_config(project / ".awesome-tidy.toml"), read_config(copy)
    for field in ("ignore", "exclude", "per_file_ignores", "skip_sections"):
        assert getattr(again, field) == getattr(original, field), field
    assert again.severity["missing-year"] == "error"
    assert again.rule_options["key-style"]["style"] == "google-scholar"
    assert again.enabled_names("papers.md") == original.enabled_names("papers.md")


def test_config_command_without_any_file_shows_the_defaults(project: Path) -> None:
    outcome = run("config", "papers.md")
    assert outcome.stdout.splitlines()[1] == "# no configuration file: defaults"


# -- the Python API ----------------------------------------------------------------------------


def test_load_config_of_a_markdown_file_finds_the_nearest_configuration(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.awesome-tidy]\nignore = ["list-indent"]\n')
    assert load_config(project / "docs" / "papers.md").ignore == ("list-indent",)
    assert load_config(project / "docs").ignore == ("list-indent",)
    assert load_config(project / "pyproject.toml").ignore == ("list-indent",)


def test_load_config_of_a_pyproject_without_our_table_gives_the_defaults(project: Path) -> None:
    write(project / "pyproject.toml", '[project]\nname = "x"\n')
    config = load_config(project / "pyproject.toml")
    assert config.enabled_names() == Config().enabled_names()


def test_finder_reads_each_configuration_file_once(project: Path) -> None:
    write(project / ".awesome-tidy.toml", 'ignore = ["list-indent"]\n')
    finder = ConfigFinder()
    assert finder.for_path("papers.md") is finder.for_path("docs/papers.md")


# -- the README's configuration reference cannot drift ------------------------------------------

README = Path(__file__).parents[1] / "README.md"


def _option_type(option: Option) -> str:
    words = {int: "integer", float: "number", str: "string", bool: "true or false"}
    text = words.get(option.type, "list of strings")
    if option.minimum is not None and option.maximum is not None:
        text += f", {option.minimum:g} to {option.maximum:g}"
    elif option.minimum is not None:
        text += f", at least {option.minimum:g}"
    elif option.maximum is not None:
        text += f", at most {option.maximum:g}"
    if option.choices:
        text += ": " + ", ".join(f"`{choice}`" for choice in option.choices)
    return text


def options_table() -> str:
    """The README's rule options table, as the rules' ``Option`` declarations say it must be."""
    rows = ["| rule | option | type | default | meaning |", "|---|---|---|---|---|"]
    for rule in builtin_rules():
        for key, option in rule.options.items():
            rows.append(
                f"| [{rule.name}](rules/{rule.name}.md) | `{key}` | {_option_type(option)} "
                f"| `{json.dumps(option.default)}` | {option.help} |"
            )
    every = SKIP_SECTIONS_OPTION
    rows.append(
        f"| every rule | `{SKIP_SECTIONS}` | {_option_type(every)} "
        f"| `{json.dumps(every.default)}` | {every.help} |"
    )
    return "\n".join(rows) + "\n"


def test_readme_options_table_matches_the_rules_declarations() -> None:
    expected = options_table()
    assert expected in README.read_text(encoding="utf-8"), (
        "the README's rule options table drifted from the Option declarations; it should be:\n"
        + expected
    )


def test_readme_configuration_example_is_a_valid_configuration(tmp_path: Path) -> None:
    readme = README.read_text(encoding="utf-8")
    example = readme.split("```toml\n[tool.awesome-tidy]\n", 1)[1].split("```", 1)[0]
    pyproject = write(tmp_path / "pyproject.toml", "[tool.awesome-tidy]\n" + example)
    config = read_config(pyproject)
    assert set(config.origins) >= {f"{key}" for key in KEYS if key != "extend-select"}
    for key in KEYS:
        assert f"`{key}`" in readme or f"{key} =" in readme or f".{key}]" in readme, key
