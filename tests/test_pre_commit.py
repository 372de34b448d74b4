"""The real pre-commit runs this repository's hooks on a git repository holding the reference list.

``pre-commit try-repo`` builds the hook's environment the way a user's pre-commit does: a fresh
virtualenv and ``pip install`` of this repository (so it needs PyPI). One run per hook, sharing
one ``PRE_COMMIT_HOME`` so that the second run can reuse the environment of the first.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, REFERENCE

ROOT = Path(__file__).resolve().parents[1]
FIXED = FIXTURES / "reference" / "awesome-industrial-anomaly-detection.fixed.md"

pytestmark = [
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed"
    ),
    pytest.mark.slow,  # builds the hook's environment from PyPI
]


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "awesome-tidy tests",
        "GIT_AUTHOR_EMAIL": "tests@awesome-tidy.invalid",
        "GIT_COMMITTER_NAME": "awesome-tidy tests",
        "GIT_COMMITTER_EMAIL": "tests@awesome-tidy.invalid",
        "NO_COLOR": "1",
    }


def _git_repository_with_the_reference_list(directory: Path, env: dict[str, str]) -> Path:
    subprocess.run(["git", "init", "-q", str(directory)], check=True, env=env)
    listed = directory / REFERENCE.name
    listed.write_bytes(REFERENCE.read_bytes())
    subprocess.run(["git", "add", REFERENCE.name], cwd=directory, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", "list"], cwd=directory, check=True, env=env)
    return listed


def _try_repo(hook: str, directory: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo`` of this checkout (uncommitted changes included) on ``directory``."""
    command = [sys.executable, "-m", "pre_commit", "try-repo", "--color=never", str(ROOT), hook]
    return subprocess.run(
        [*command, "--all-files"],
        cwd=directory,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_check_hook_fails_with_the_findings(tmp_path: Path, environment: dict[str, str]) -> None:
    listed = _git_repository_with_the_reference_list(tmp_path, environment)
    run = _try_repo("awesome-tidy", tmp_path, environment)
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "awesome-tidy (check)" in output and "Failed" in output
    for finding in (
        f"{REFERENCE.name}:9:16: error stray-brace [*] stray '{{' in title",
        f"{REFERENCE.name}:28:3: error duplicate-entry [*] duplicate of line 25 "
        "in the same section",
        f"{REFERENCE.name}:114:4: error full-width-bracket [*] full-width '（' as key delimiter",
        f"{REFERENCE.name}:124:2: error heading-numbering [*] heading 2.3 has level 1, "
        "its number says level 2",
        f"{REFERENCE.name}:210:5: error key-year-mismatch key 'DAGMGNSS2077' says 2077, "
        "the entry says 2000",
    ):
        assert finding in output
    assert listed.read_bytes() == REFERENCE.read_bytes()


def test_fix_hook_repairs_what_is_safe(tmp_path: Path, environment: dict[str, str]) -> None:
    listed = _git_repository_with_the_reference_list(tmp_path, environment)
    run = _try_repo("awesome-tidy-fix", tmp_path, environment)
    output = run.stdout + run.stderr
    assert run.returncode == 1, output  # the file changed, and findings remain
    assert "awesome-tidy (fix)" in output and "Failed" in output
    assert "files were modified by this hook" in output
    assert listed.read_bytes() == FIXED.read_bytes()
