"""What the command line checks: files, folders walked for Markdown, standard input, and many
files at once in worker processes with the same output as one by one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from awesome_tidy import check_text, fix_text
from awesome_tidy.cli import app
from awesome_tidy.config import Config, ConfigFinder
from awesome_tidy.inputs import collect
from awesome_tidy.runner import MIN_PARALLEL_BYTES, Task, _workers, run
from cli_invoke import invoke
from conftest import REFERENCE

FIXED = REFERENCE.with_name("awesome-industrial-anomaly-detection.fixed.md")


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository: lists at several depths, and copies where no list should be looked for."""
    monkeypatch.chdir(tmp_path)
    for place in (
        "README.md",
        "docs/papers.markdown",
        "docs/survey/more.md",
        "docs/NOTES.MD",
        ".github/pull_request_template.md",
        "node_modules/pkg/README.md",
        "vendor/lib/README.md",
        ".venv/lib/README.md",
        "env/README.md",
        "drafts/old.md",
    ):
        (tmp_path / place).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / place).write_bytes(REFERENCE.read_bytes())
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (tmp_path / "docs" / "notes.txt").write_text("+ (a2020b){x[2020]\n", encoding="utf-8")
    return tmp_path


WALKED = [
    "README.md",
    "docs/NOTES.MD",
    "docs/papers.markdown",
    "docs/survey/more.md",
    "drafts/old.md",
]


def test_folders_are_walked_for_markdown_in_sorted_order(tree: Path) -> None:
    assert collect(["."], ConfigFinder()) == WALKED


def test_exclude_prunes_folders_and_files_named_on_the_command_line(tree: Path) -> None:
    (tree / ".awesome-tidy.toml").write_text('exclude = ["drafts", "NOTES.MD"]\n', encoding="utf-8")
    finder = ConfigFinder()
    assert collect(["."], finder) == ["README.md", "docs/papers.markdown", "docs/survey/more.md"]
    assert collect(["drafts/old.md", "docs/notes.txt"], finder) == ["docs/notes.txt"]


def test_files_keep_the_order_given_and_appear_once(tree: Path) -> None:
    finder = ConfigFinder()
    assert collect(["docs/survey", "README.md", "docs"], finder) == [
        "docs/survey/more.md",
        "README.md",
        "docs/NOTES.MD",
        "docs/papers.markdown",
    ]


def test_build_output_is_skipped_as_the_readme_says(tree: Path) -> None:
    for place in ("build/lib/README.md", "site/build/notes.md"):
        (tree / place).parent.mkdir(parents=True)
        (tree / place).write_text("# Notes\n", encoding="utf-8")
    assert collect(["."], ConfigFinder()) == WALKED


def test_gitignore_and_ignore_files_are_respected_like_git(tree: Path) -> None:
    """Patterns relative to their file's folder, negation, folder-only patterns, and the files
    of the folders above the walked one up to the repository's root."""
    (tree / ".git").mkdir()
    (tree / ".gitignore").write_text("drafts/\n*.MD\n", encoding="utf-8")
    (tree / "docs" / ".ignore").write_text("survey/*\n!survey/more.md\npapers.*\n", "utf-8")
    (tree / "docs" / "survey" / "other.md").write_text("# Other\n", encoding="utf-8")
    finder = ConfigFinder()
    assert collect(["."], finder) == ["README.md", "docs/survey/more.md"]
    assert collect(["docs"], finder) == ["docs/survey/more.md"], "the root's .gitignore counts"
    assert collect(["drafts/old.md", "docs/NOTES.MD"], finder) == [
        "drafts/old.md",
        "docs/NOTES.MD",
    ], "a file named is a file meant"


def test_ignore_files_above_a_repository_are_not_read(tree: Path) -> None:
    """Outside a repository only the walked folders' own ignore files count: a stray
    ``.gitignore`` in a parent folder of the checkout says nothing about it."""
    (tree / ".gitignore").write_text("docs/\n", encoding="utf-8")
    assert collect(["docs/survey"], ConfigFinder()) == ["docs/survey/more.md"]
    assert "docs/papers.markdown" not in collect(["."], ConfigFinder())


def test_quoted_globs_are_expanded_for_shells_that_do_not(tree: Path) -> None:
    finder = ConfigFinder()
    assert collect(["docs/**/*.md"], finder) == ["docs/survey/more.md"]
    assert collect(["docs/*"], finder) == [
        "docs/NOTES.MD",
        "docs/papers.markdown",
        "docs/survey/more.md",
    ], "a folder matched is walked; notes.txt is not Markdown"
    assert collect(["nothing/*.md"], finder) == ["nothing/*.md"], "reported as missing"
    outcome = invoke("check", "--select", "stray-brace", "docs/**/*.m*")
    assert outcome.exit_code == 1
    assert "docs/survey/more.md:9:16: error stray-brace" in outcome.stdout
    assert "docs/papers.markdown:9:16:" in outcome.stdout


def test_hidden_folders_are_checked_when_named(tree: Path) -> None:
    assert collect([".github"], ConfigFinder()) == [".github/pull_request_template.md"]


def test_a_folder_without_markdown_is_an_error(tree: Path) -> None:
    (tree / "empty").mkdir()
    outcome = invoke("check", "empty", "README.md")
    assert outcome.exit_code == 2
    assert outcome.stderr == (
        "error: empty: is a directory with no Markdown files (*.md, *.markdown) to check\n"
    )
    assert "README.md:9:16: error stray-brace" in outcome.stdout, "the other files are checked"


def test_check_of_a_folder_reports_every_list_in_it(tree: Path) -> None:
    findings = json.loads(invoke("check", "--format", "json", "docs").stdout)
    per_file = len(check_text(REFERENCE.read_text(encoding="utf-8")))
    assert len(findings) == 3 * per_file
    assert [f["path"] for f in findings[::per_file]] == [
        "docs/NOTES.MD",
        "docs/papers.markdown",
        "docs/survey/more.md",
    ]


# -- standard input -------------------------------------------------------------------------------


def test_stdin_is_checked_under_the_name_given(tree: Path) -> None:
    outcome = invoke(
        "check", "-", "--stdin-filename", "docs/papers.md", stdin=REFERENCE.read_bytes()
    )
    assert outcome.exit_code == 1
    assert outcome.stdout.startswith("docs/papers.md:9:16: error stray-brace [*] stray '{'")


def test_stdin_follows_the_configuration_of_its_name(tree: Path) -> None:
    (tree / "docs" / ".awesome-tidy.toml").write_text(
        '[per-file-ignores]\n"papers.md" = ["ALL"]\n', encoding="utf-8"
    )
    named = invoke("check", "-", "--stdin-filename", "docs/papers.md", stdin=REFERENCE.read_bytes())
    assert (named.exit_code, named.stdout) == (0, "No problems in 1 file.\n")
    unnamed = invoke("check", "-", stdin=REFERENCE.read_bytes())
    assert unnamed.stdout.startswith("<stdin>:9:16: error stray-brace")


def test_fix_of_stdin_prints_the_fixed_text_and_keeps_notes_off_stdout(tree: Path) -> None:
    outcome = invoke("fix", "-", stdin=REFERENCE.read_bytes())
    assert outcome.stdout == FIXED.read_text(encoding="utf-8")
    assert outcome.exit_code == 1
    assert "<stdin>: fixed " in outcome.stderr
    assert "key-year-mismatch" in outcome.stderr
    assert (tree / "README.md").read_bytes() == REFERENCE.read_bytes()


def test_fix_of_stdin_keeps_the_encoding_crlf_and_byte_order_mark(tree: Path) -> None:
    crlf = REFERENCE.read_text(encoding="utf-8").replace("\n", "\r\n")
    fixed = FIXED.read_text(encoding="utf-8").replace("\n", "\r\n")
    for encoding, bom in (("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe")):
        result = CliRunner().invoke(app, ["fix", "-", "--quiet"], input=bom + crlf.encode(encoding))
        assert result.stdout_bytes == bom + fixed.encode(encoding), encoding


def test_fix_of_stdin_that_cannot_be_decoded_passes_its_bytes_through_and_exits_2(
    tree: Path,
) -> None:
    """An editor that pipes a buffer through ``fix -`` replaces it with stdout: never empty."""
    data = b"+ (a2020b){x\xff[2020]\n"
    done = subprocess.run(
        [sys.executable, "-m", "awesome_tidy", "fix", "-"], input=data, capture_output=True
    )
    assert done.returncode == 2
    assert done.stdout == data
    assert done.stderr == b"error: <stdin>: not valid UTF-8: byte 12 cannot be decoded\n"


def test_fix_diff_of_stdin_prints_a_diff(tree: Path) -> None:
    outcome = invoke("fix", "-", "--diff", stdin=REFERENCE.read_bytes())
    assert outcome.stdout.startswith("--- <stdin>\n+++ <stdin>\n@@ ")


def test_excluded_stdin_is_passed_through_unchanged(tree: Path) -> None:
    (tree / ".awesome-tidy.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    outcome = invoke("fix", "-", "--stdin-filename", "drafts/x.md", stdin=REFERENCE.read_bytes())
    assert (outcome.exit_code, outcome.stdout) == (0, REFERENCE.read_text(encoding="utf-8"))


# -- many files ----------------------------------------------------------------------------------


@pytest.fixture
def many(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Sixteen lists, enough text for the worker pool: the reference and real corpus lists."""
    monkeypatch.chdir(tmp_path)
    corpus = sorted((REFERENCE.parents[4] / "shared" / "corpus").glob("*__*.md"))
    sources = [REFERENCE, *corpus][:16]
    paths = []
    for number in range(16):
        path = tmp_path / f"list-{number:02}.md"
        path.write_bytes(sources[number % len(sources)].read_bytes())  # writable, unlike shared/
        paths.append(path.name)
    return paths


@pytest.mark.slow  # worker processes
def test_many_files_use_the_pool_and_give_the_same_output_in_the_same_order(
    many: list[str],
) -> None:
    tasks = [Task(path, Config()) for path in many]
    assert sum(Path(p).stat().st_size for p in many) >= MIN_PARALLEL_BYTES
    assert _workers(tasks, 2) == 2
    assert _workers(tasks[:1], 2) == 1, "one file never starts a pool"
    serial = invoke("check", "--format", "json", "--jobs", "1", *many)
    parallel = invoke("check", "--format", "json", "--jobs", "2", *many)
    assert parallel == serial
    paths = [f["path"] for f in json.loads(parallel.stdout)]
    assert sorted(set(paths), key=paths.index) == [p for p in many if p in paths]


@pytest.mark.slow  # worker processes
def test_parallel_fix_writes_every_file_as_a_serial_fix_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    many = [f"copy-{number:02}.md" for number in range(16)]
    for path in many:
        Path(path).write_bytes(REFERENCE.read_bytes())
    assert _workers([Task(path, Config()) for path in many], 2) == 2
    expected = fix_text(REFERENCE.read_text(encoding="utf-8")).text
    reports = run([Task(path, Config(), fix=True) for path in many], jobs=2)
    assert [report.path for report in reports] == many
    for path in many:
        assert Path(path).read_text(encoding="utf-8") == expected


def _children(pid: int) -> set[int]:
    listing = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(child) for child in listing.read_text().split()} if listing.exists() else set()


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_workers_leave_when_the_parent_is_killed(tmp_path: Path) -> None:
    """A CI time limit kills the command outright: its workers must not wait forever."""
    if not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists():
        pytest.skip("needs Linux /proc to find the workers")
    for number in range(4):  # four long lists, so that the workers are busy when the kill comes
        (tmp_path / f"list-{number}.md").write_bytes(REFERENCE.read_bytes() * 40)
    command = [sys.executable, "-m", "awesome_tidy", "check", "--jobs", "2", str(tmp_path)]
    parent = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while len(workers := _children(parent.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    parent.kill()
    parent.wait()
    assert len(workers) >= 2, "the pool never started"
    deadline = time.monotonic() + 30
    while any(_alive(worker) for worker in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    orphans = [worker for worker in workers if _alive(worker)]
    for worker in orphans:
        os.kill(worker, signal.SIGKILL)
    assert not orphans


def test_small_inputs_stay_in_one_process(tmp_path: Path) -> None:
    small = tmp_path / "a.md"
    small.write_text("# x\n", encoding="utf-8")
    assert _workers([Task(str(small), Config())] * 8, 8) == 1
