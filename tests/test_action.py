"""The GitHub Action (``action.yml``): its inputs, and its steps run for real with bash, the way
the Actions runner would run them (expressions replaced by the inputs, ``GITHUB_PATH`` honoured),
on the reference list. Its output must parse as workflow commands."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REFERENCE
from test_reporters import parse_workflow_command

ROOT = Path(__file__).parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = {step["name"]: step for step in ACTION["runs"]["steps"]}
_EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def run_step(
    name: str,
    inputs: dict[str, str],
    cwd: Path,
    path: str | None = None,
    summary: Path | None = None,
    **context: str,
) -> subprocess.CompletedProcess[str]:
    step = STEPS[name]
    values = {**{f"inputs.{key}": value for key, value in inputs.items()}, **context}
    env = dict(os.environ, NO_COLOR="1")
    env.pop("GITHUB_STEP_SUMMARY", None)
    if summary is not None:
        env["GITHUB_STEP_SUMMARY"] = str(summary)
    for key, value in step["env"].items():
        env[key] = _EXPRESSION.sub(lambda match: values[match.group(1)], value)
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [shutil.which(step["shell"]) or step["shell"], "-c", step["run"]],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def defaults(**given: str) -> dict[str, str]:
    inputs: dict[str, Any] = ACTION["inputs"]
    return {name: given.get(name, spec["default"]) for name, spec in inputs.items()}


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "README.md").write_bytes(REFERENCE.read_bytes())
    (tmp_path / "docs" / "papers.md").write_bytes(REFERENCE.read_bytes())
    return tmp_path


def test_inputs_and_their_defaults() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert defaults() == {
        "paths": ".",
        "config": "",
        "args": "",
        "fail-level": "warning",
        "sarif-file": "",
    }
    for spec in ACTION["inputs"].values():
        assert spec["description"] and spec["required"] is False
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), "inputs reach scripts through env, never spliced"


def test_dependencies_are_pinned_and_cached() -> None:
    """Every dependency of the package (and of its build) has one version, and the download
    cache is keyed on those versions."""
    pins = (ROOT / "requirements" / "action.txt").read_text(encoding="utf-8")
    pinned = {
        line.split("==")[0] for line in pins.splitlines() if line and not line.startswith("#")
    }
    assert all("==" in line for line in pins.splitlines() if line and not line.startswith("#"))
    assert {"markdown-it-py", "rapidfuzz", "typer", "pathspec", "wcwidth", "hatchling"} <= pinned
    cache = STEPS["Cache the downloads"]
    assert cache["uses"].startswith("actions/cache@")
    assert "steps.pins.outputs.key" in cache["with"]["key"]
    assert "PIP_CONSTRAINT=" in STEPS["Install awesome-tidy"]["run"]


def test_check_step_annotates_every_finding(workspace: Path) -> None:
    done = run_step("Check with awesome-tidy", defaults(), workspace)
    assert done.returncode == 1, done.stderr
    commands = [parse_workflow_command(line) for line in done.stdout.splitlines()]
    files = {properties["file"] for _, properties, _ in commands}
    assert files == {"README.md", "docs/papers.md"}
    assert all(properties["title"].startswith("awesome-tidy (") for _, properties, _ in commands)


@pytest.mark.slow  # runs the step's bash and awesome-tidy several times
def test_check_step_takes_several_paths_and_a_config(workspace: Path) -> None:
    (workspace / "strict.toml").write_text('select = ["stray-brace"]\n', encoding="utf-8")
    inputs = defaults(paths="README.md\n  docs/papers.md\n", config="strict.toml")
    done = run_step("Check with awesome-tidy", inputs, workspace)
    commands = [parse_workflow_command(line) for line in done.stdout.splitlines()]
    assert {properties["title"] for _, properties, _ in commands} == {"awesome-tidy (stray-brace)"}
    assert len(commands) == 10


@pytest.mark.slow  # runs the step's bash and awesome-tidy several times
def test_check_step_passes_on_a_clean_list(workspace: Path) -> None:
    (workspace / "clean.md").write_text("# Papers\n\n+ (he2016deep)Deep Residual[2016]\n")
    done = run_step("Check with awesome-tidy", defaults(paths="clean.md"), workspace)
    assert (done.returncode, done.stdout) == (0, "")


@pytest.mark.slow  # runs the step's bash and awesome-tidy several times
def test_paths_with_spaces_extra_arguments_and_a_failure_level(workspace: Path) -> None:
    (workspace / "My Papers.md").write_bytes(REFERENCE.read_bytes())
    inputs = defaults(paths='"My Papers.md"', args="--select 'key-style' --ignore stray-brace")
    inputs["fail-level"] = "error"
    done = run_step("Check with awesome-tidy", inputs, workspace)
    commands = [parse_workflow_command(line) for line in done.stdout.splitlines()]
    assert {properties["file"] for _, properties, _ in commands} == {"My Papers.md"}
    assert {properties["title"] for _, properties, _ in commands} == {"awesome-tidy (key-style)"}
    assert done.returncode == 0, "key-style findings are warnings, below the failure level"
    inputs["fail-level"] = "warning"
    assert run_step("Check with awesome-tidy", inputs, workspace).returncode == 1
    inputs["fail-level"] = "never"
    assert run_step("Check with awesome-tidy", inputs, workspace).returncode == 0


def test_an_unbalanced_quote_in_an_input_is_one_line_and_exit_2(workspace: Path) -> None:
    done = run_step("Check with awesome-tidy", defaults(paths='"README.md'), workspace)
    assert done.returncode == 2
    assert done.stderr == "error: input paths: No closing quotation\n"


@pytest.mark.slow  # runs the step's bash and awesome-tidy several times
def test_sarif_file_and_job_summary_with_counts_per_rule(workspace: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    inputs = defaults(paths="README.md docs")
    inputs["sarif-file"] = "results.sarif"
    done = run_step("Check with awesome-tidy", inputs, workspace, summary=summary)
    assert done.returncode == 1
    sarif = json.loads((workspace / "results.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert len(results) == 2 * 198 and len(done.stdout.splitlines()) == 2 * 198
    written = summary.read_text(encoding="utf-8").splitlines()
    assert written[:4] == ["earlier step", "### awesome-tidy", "", "```text"]
    assert "266  list-indent              warning  266 fixable" in written
    assert "  2  key-year-mismatch        error" in written
    assert written[-2:] == [
        "Found 396 problems (44 errors, 322 warnings, 30 info) in 2 files. "
        "[*] 344 fixable with `awesome-tidy fix`.",
        "```",
    ]


@pytest.mark.slow
def test_install_step_installs_the_action_s_own_revision(
    tmp_path: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir()
    github_path = tmp_path / "github-path"
    github_path.touch()
    monkeypatch.setenv("RUNNER_TEMP", str(runner_temp))
    monkeypatch.setenv("GITHUB_PATH", str(github_path))
    outputs = tmp_path / "github-output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(outputs))
    pinned = run_step(
        "Pin the dependencies", defaults(), workspace, **{"github.action_path": str(ROOT)}
    )
    assert pinned.returncode == 0, pinned.stderr
    assert re.fullmatch(r"key=awesome-tidy-pip-3\.\d+-[0-9a-f]{16}\n", outputs.read_text())
    done = run_step(
        "Install awesome-tidy", defaults(), workspace, **{"github.action_path": str(ROOT)}
    )
    assert done.returncode == 0, done.stderr
    (added,) = github_path.read_text(encoding="utf-8").split()
    assert (Path(added) / "awesome-tidy").is_file()
    checked = run_step(
        "Check with awesome-tidy",
        defaults(paths="README.md"),
        workspace,
        path=f"{added}{os.pathsep}{os.environ['PATH']}",
    )
    assert checked.returncode == 1
    assert checked.stdout.startswith("::error file=README.md,line=9,col=16,")
