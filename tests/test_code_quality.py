"""The project's own code stays clean: ruff (lint and format) and mypy --strict.

Both tools are in the test extras, so a fresh clone's ``.ci/run`` runs them like any other test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
CODE = ["src", "tests", "benchmarks"]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


@pytest.mark.parametrize(
    "command",
    [["ruff", "check", *CODE], ["ruff", "format", "--check", *CODE]],
    ids=["ruff-check", "ruff-format"],
)
def test_ruff_is_clean(command: list[str]) -> None:
    pytest.importorskip("ruff")
    done = run(*command)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow  # mypy on the whole source
def test_mypy_strict_is_clean() -> None:
    pytest.importorskip("mypy")
    done = run("mypy", "--no-incremental")
    assert done.returncode == 0, done.stdout + done.stderr
