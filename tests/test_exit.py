"""The console script leaves without the interpreter's teardown (``memory.leave``): every byte of
the report still arrives, and the exit status is the one ``main`` chose."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cli_invoke import invoke
from conftest import REFERENCE


def _script(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "awesome_tidy", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env={"NO_COLOR": "1", "PATH": ""},
        timeout=120,
    )


def test_a_check_with_findings_writes_its_whole_report_and_exits_1(tmp_path: Path) -> None:
    # Ten copies of the reference list: a report of several hundred kilobytes, far more than
    # one buffer, all of which must be flushed before the process ends.
    text = REFERENCE.read_text(encoding="utf-8")
    (tmp_path / "list.md").write_text(text * 10, encoding="utf-8")
    done = _script("check", "list.md", cwd=tmp_path)
    expected = invoke("check", str(tmp_path / "list.md"))
    assert done.returncode == expected.exit_code == 1
    assert len(done.stdout) > 100_000
    assert done.stdout == expected.stdout.replace(str(tmp_path / "list.md"), "list.md")


def test_a_clean_check_exits_0_and_bad_usage_2(tmp_path: Path) -> None:
    (tmp_path / "list.md").write_text("# Papers\n\nNothing to judge.\n", encoding="utf-8")
    assert _script("check", "list.md", cwd=tmp_path).returncode == 0
    usage = _script("check", "--no-such-option", cwd=tmp_path)
    assert usage.returncode == 2
    assert usage.stderr.startswith("error: no such option: --no-such-option\n")


def test_a_message_as_exit_code_is_printed_and_exits_1(tmp_path: Path) -> None:
    code = "from awesome_tidy import memory; print('kept', end=''); memory.leave('gone wrong')"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert (done.returncode, done.stdout, done.stderr) == (1, "kept", "gone wrong\n")
