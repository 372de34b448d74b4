"""Hostile and broken files: a one-line error naming the file (exit 2) or a correct result.

Every case runs through the real command line (``python -m awesome_tidy`` in a subprocess) and
through the API (``check_file``, ``fix_file``); none may print a traceback, and no file may be
damaged: a file that is refused keeps its bytes, a file that is fixed gets exactly the fixed text
in its own encoding, byte-order mark and line endings.

The tests run as root in CI, and root reads and writes through file modes. Where a case needs
an unprivileged process (an unreadable file, a read-only folder), the command runs under
``setpriv`` without the capabilities that let root ignore modes; it is skipped where that is
not possible, and runs as it is for an ordinary user.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from awesome_tidy import check_file, fix_file, fix_text
from awesome_tidy.files import InputError, read_source, write_source
from conftest import REFERENCE

SAMPLE = (
    "# Papers\n\n## 1 Detection\n"
    "+ (he2016deep)Deep {Residual} Learning for Image Recognition[2016]\n"
    "+ （ren2015faster）Faster R-CNN: Towards Real-Time Object Detection[2015] \n"
    "+ (lin2017focal)Focal Loss for Dense Object Detection[2017]\n"
)
# Reviewed by eye: braces and full-width delimiters gone, the trailing space too.
SAMPLE_FIXED = (
    "# Papers\n\n## 1 Detection\n"
    "+ (he2016deep)Deep Residual Learning for Image Recognition[2016]\n"
    "+ (ren2015faster)Faster R-CNN: Towards Real-Time Object Detection[2015]\n"
    "+ (lin2017focal)Focal Loss for Dense Object Detection[2017]\n"
)
WITHOUT_PRIVILEGE = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


def cli(*args: str, cwd: Path, prefix: tuple[str, ...] = (), timeout: float = 120) -> Outcome:
    """``awesome-tidy ARGS`` as a real process; a traceback anywhere fails the test."""
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "awesome_tidy", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, "NO_COLOR": "1"},
        timeout=timeout,
    )
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return Outcome(done.returncode, done.stdout, done.stderr)


def assert_refused(outcome: Outcome, name: str, message: str) -> None:
    assert outcome.exit_code == 2, outcome
    assert outcome.stderr == f"error: {name}: {message}\n"


def assert_api_refused(path: Path, message: str) -> None:
    expected = f"{path}: {message}"
    assert check_file(str(path)).error == expected
    assert fix_file(str(path)).error == expected


# -- files that are refused ------------------------------------------------------------------

INVALID_UTF8 = b"# Papers\n\n+ (a2020b)Caf\xe9 au lait[2020]\n"
INVALID_AT = INVALID_UTF8.index(b"\xe9")
INVALID_AFTER_BOM = b"\xef\xbb\xbf# Papers\n\n+ (a2020b)Title[2020]\n\xc3\x28\n"
INVALID_AFTER_BOM_AT = INVALID_AFTER_BOM.index(b"\xc3")  # the BOM's three bytes counted
REFUSED = [
    pytest.param(
        INVALID_UTF8,
        f"not valid UTF-8: byte {INVALID_AT} cannot be decoded",
        id="invalid-utf8-names-the-byte-offset",
    ),
    pytest.param(
        INVALID_AFTER_BOM,
        f"not valid UTF-8: byte {INVALID_AFTER_BOM_AT} cannot be decoded",
        id="invalid-utf8-after-a-bom-counts-the-bom",
    ),
    pytest.param(
        b"\xff\xfe" + "# Papers\n".encode("utf-16-le") + b"\x00",
        "not valid UTF-16-LE: byte 20 cannot be decoded",
        id="truncated-utf16",
    ),
    pytest.param(
        b"# Papers\n\n+ (a2020b)Title\x00[2020]\n",
        "binary file (contains a NUL byte), skipped",
        id="nul-byte",
    ),
    pytest.param(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        "binary file (contains a NUL byte), skipped",
        id="png-image",
    ),
]


@pytest.mark.parametrize(("data", "message"), REFUSED)
def test_unreadable_content_is_refused_with_one_line_and_left_alone(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(data)
    for command in ("check", "fix"):
        assert_refused(cli(command, "list.md", cwd=tmp_path), "list.md", message)
    assert_api_refused(path, message)
    assert path.read_bytes() == data
    assert os.listdir(tmp_path) == ["list.md"]


def test_missing_path_is_refused(tmp_path: Path) -> None:
    for command in ("check", "fix"):
        assert_refused(cli(command, "gone.md", cwd=tmp_path), "gone.md", "no such file")
    assert_api_refused(tmp_path / "gone.md", "no such file")
    assert not os.listdir(tmp_path)


def test_directory_given_as_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "list.md").mkdir()
    message = "is a directory with no Markdown files (*.md, *.markdown) to check"
    for command in ("check", "fix"):
        assert_refused(cli(command, "list.md", cwd=tmp_path), "list.md", message)
    assert_api_refused(tmp_path / "list.md", "is a directory, not a file")


def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(tmp_path / "list.md")
    for command in ("check", "fix"):
        outcome = cli(command, "list.md", cwd=tmp_path, timeout=30)
        assert_refused(outcome, "list.md", "not a regular file, skipped")
    assert_api_refused(tmp_path / "list.md", "not a regular file, skipped")


def test_device_is_refused(tmp_path: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    outcome = cli("check", "/dev/zero", cwd=tmp_path, timeout=30)
    assert_refused(outcome, "/dev/zero", "not a regular file, skipped")


def test_symlink_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    outcome = cli("fix", "a.md", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("error: a.md: cannot be read: ")
    assert outcome.stderr.count("\n") == 1


def test_dangling_symlink_is_refused(tmp_path: Path) -> None:
    (tmp_path / "list.md").symlink_to("gone.md")
    assert_refused(cli("fix", "list.md", cwd=tmp_path), "list.md", "no such file")
    assert (tmp_path / "list.md").is_symlink() and not (tmp_path / "gone.md").exists()


# -- permissions -------------------------------------------------------------------------------


def _unprivileged() -> tuple[str, ...]:
    """A command prefix under which file modes bind, or a skip."""
    if os.name != "posix":
        pytest.skip("POSIX file modes")
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: modes cannot be made to bind")
    probe = subprocess.run([*WITHOUT_PRIVILEGE, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"setpriv cannot drop capabilities here: {probe.stderr!r}")
    return tuple(WITHOUT_PRIVILEGE)


def test_file_without_read_permission_is_refused(tmp_path: Path) -> None:
    prefix = _unprivileged()
    path = tmp_path / "list.md"
    path.write_text(SAMPLE, encoding="utf-8")
    path.chmod(0)
    try:
        for command in ("check", "fix"):
            outcome = cli(command, "list.md", cwd=tmp_path, prefix=prefix)
            assert_refused(outcome, "list.md", "permission denied")
    finally:
        path.chmod(0o644)
    assert path.read_text(encoding="utf-8") == SAMPLE


def test_read_only_file_is_checked_but_never_written_even_by_root(tmp_path: Path) -> None:
    """Mode 0o444 says "do not touch"; root could write it, and awesome-tidy does not."""
    path = tmp_path / "list.md"
    path.write_text(SAMPLE, encoding="utf-8")
    path.chmod(0o444)
    assert cli("check", "list.md", cwd=tmp_path).exit_code == 1
    assert_refused(cli("fix", "list.md", cwd=tmp_path), "list.md", "permission denied, not written")
    report = fix_file(str(path))
    assert report.error == f"{path}: permission denied, not written"
    assert path.read_text(encoding="utf-8") == SAMPLE
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert os.listdir(tmp_path) == ["list.md"]


@pytest.mark.parametrize("who", ["unprivileged", "root-as-it-is"])
def test_file_in_a_read_only_folder_is_not_written(tmp_path: Path, who: str) -> None:
    """The atomic rename needs a writable folder; without one, nothing is written. The
    folder's mode says "do not touch" to root as well (docs/safety.md)."""
    prefix = _unprivileged() if who == "unprivileged" else ()
    folder = tmp_path / "papers"
    folder.mkdir()
    path = folder / "list.md"
    path.write_text(SAMPLE, encoding="utf-8")
    folder.chmod(0o555)
    try:
        outcome = cli("fix", "papers/list.md", cwd=tmp_path, prefix=prefix)
        if not prefix:
            assert fix_file(str(path)).error == f"{path}: permission denied, not written"
    finally:
        folder.chmod(0o755)
    assert_refused(outcome, os.path.join("papers", "list.md"), "permission denied, not written")
    assert path.read_text(encoding="utf-8") == SAMPLE
    assert os.listdir(folder) == ["list.md"]


def test_a_file_with_the_longest_name_allowed_is_fixed(tmp_path: Path) -> None:
    """255 bytes is the limit of a name; the temporary file's name must fit too."""
    name = "é" * 120 + "x" * 12 + ".md"  # 255 bytes in UTF-8
    assert len(name.encode("utf-8")) == 255
    path = tmp_path / name
    path.write_text(SAMPLE, encoding="utf-8")
    outcome = cli("fix", name, cwd=tmp_path)
    assert (outcome.exit_code, outcome.stderr) == (0, "")
    assert path.read_text(encoding="utf-8") == SAMPLE_FIXED
    assert os.listdir(tmp_path) == [name]


def test_hard_link_keeps_the_old_text_and_the_named_path_gets_the_fix(tmp_path: Path) -> None:
    """The atomic rename gives the path a new file: another hard link to the old one keeps the
    old bytes, as docs/safety.md says (an in-place write could be torn by a crash)."""
    path = tmp_path / "list.md"
    path.write_text(SAMPLE, encoding="utf-8")
    other = tmp_path / "linked.md"
    os.link(path, other)
    assert cli("fix", "list.md", cwd=tmp_path).exit_code == 0
    assert path.read_text(encoding="utf-8") == SAMPLE_FIXED
    assert other.read_text(encoding="utf-8") == SAMPLE
    assert (path.stat().st_nlink, other.stat().st_nlink) == (1, 1)


def test_a_huge_file_is_refused_from_its_size_before_it_is_read(tmp_path: Path) -> None:
    """A 2 GB sparse file: refused at once (reading it would take seconds and 2 GB of memory)."""
    path = tmp_path / "huge.md"
    with path.open("wb") as stream:
        stream.truncate(2 * 1024**3)
    started = time.monotonic()
    outcome = cli("check", "huge.md", "list.md", cwd=tmp_path)
    assert time.monotonic() - started < 30
    assert outcome.exit_code == 2
    assert outcome.stderr == (
        "error: huge.md: too large (2,048 MB, over the limit of 512 MB), skipped\n"
        "error: list.md: no such file\n"
    )
    assert "No problems in 0 files" not in outcome.stdout
    assert check_file(str(path)).error == (
        f"{path}: too large (2,048 MB, over the limit of 512 MB), skipped"
    )


def test_fix_keeps_the_mode_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(SAMPLE, encoding="utf-8")
    path.chmod(0o640)
    assert cli("fix", "list.md", cwd=tmp_path).exit_code == 0
    assert path.read_text(encoding="utf-8") == SAMPLE_FIXED
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# -- files that are fixed correctly ----------------------------------------------------------


def _encode(text: str, encoding: str, bom: bytes = b"") -> bytes:
    return bom + text.encode(encoding)


ENCODED = [
    pytest.param(lambda text: _encode(text, "utf-8"), id="utf-8"),
    pytest.param(lambda text: _encode(text, "utf-8", b"\xef\xbb\xbf"), id="utf-8-bom-kept"),
    pytest.param(lambda text: _encode(text, "utf-16-le", b"\xff\xfe"), id="utf-16-le-bom"),
    pytest.param(lambda text: _encode(text, "utf-16-be", b"\xfe\xff"), id="utf-16-be-bom"),
    pytest.param(
        lambda text: text.replace("\n", "\r\n").encode("utf-8"), id="crlf-line-endings-kept"
    ),
    pytest.param(
        lambda text: _encode(text.replace("\n", "\r\n"), "utf-16-le", b"\xff\xfe"),
        id="utf-16-crlf-bom",
    ),
]


@pytest.mark.parametrize("encode", ENCODED)
@pytest.mark.parametrize("way", ["cli", "api"])
def test_fix_writes_the_fixed_text_in_the_file_s_own_encoding(
    tmp_path: Path, encode: Callable[[str], bytes], way: str
) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(encode(SAMPLE))
    if way == "cli":
        assert cli("check", "list.md", cwd=tmp_path).exit_code == 1
        outcome = cli("fix", "list.md", cwd=tmp_path)
        assert outcome.exit_code == 0, outcome
        assert "list.md: fixed 5 problems" in outcome.stdout
    else:
        assert check_file(str(path)).diagnostics
        assert fix_file(str(path)).error is None
    assert path.read_bytes() == encode(SAMPLE_FIXED)
    assert os.listdir(tmp_path) == ["list.md"]


def test_mixed_line_endings_stay_line_by_line(tmp_path: Path) -> None:
    lines = SAMPLE.splitlines(keepends=True)
    endings = ["\r\n", "\n", "\r\n", "\n", "\r\n", "\n"]
    mixed = "".join(line[:-1] + ending for line, ending in zip(lines, endings, strict=True))
    expected_lines = SAMPLE_FIXED.splitlines(keepends=True)
    expected = "".join(
        line[:-1] + ending for line, ending in zip(expected_lines, endings, strict=True)
    )
    path = tmp_path / "list.md"
    path.write_bytes(mixed.encode("utf-8"))
    assert cli("fix", "list.md", cwd=tmp_path).exit_code == 0
    assert path.read_bytes() == expected.encode("utf-8")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty-file"),
        pytest.param(b"\n\n\n", id="only-blank-lines"),
        pytest.param(b"# Notes\n\nNo list here, only prose.\n", id="no-list"),
        pytest.param(b"\xef\xbb\xbf", id="only-a-bom"),
    ],
)
def test_files_without_entries_are_checked_and_never_rewritten(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(data)
    before = path.stat()
    assert cli("check", "list.md", cwd=tmp_path).exit_code == 0
    assert cli("fix", "list.md", cwd=tmp_path).exit_code == 0
    assert check_file(str(path)).error is None and fix_file(str(path)).error is None
    assert path.read_bytes() == data
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_symlink_fix_writes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    target = tmp_path / "lists" / "papers.md"
    target.write_text(SAMPLE, encoding="utf-8")
    link = tmp_path / "README.md"
    link.symlink_to(os.path.join("lists", "papers.md"))
    assert cli("fix", "README.md", cwd=tmp_path).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == os.path.join("lists", "papers.md")
    assert target.read_text(encoding="utf-8") == SAMPLE_FIXED
    assert sorted(os.listdir(tmp_path / "lists")) == ["papers.md"]


# -- a file changed while it is being fixed --------------------------------------------------


def test_write_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(SAMPLE, encoding="utf-8")
    source = read_source(str(path))
    path.write_text(SAMPLE.replace("Deep", "Wide"), encoding="utf-8")
    with pytest.raises(InputError, match="changed on disk while being fixed, not written"):
        write_source(source, SAMPLE_FIXED)
    assert path.read_text(encoding="utf-8") == SAMPLE.replace("Deep", "Wide")


def test_write_refuses_a_same_size_edit_that_kept_the_time_stamp(tmp_path: Path) -> None:
    """A time stamp can miss a quick edit (coarse clocks, restored times): the bytes decide."""
    path = tmp_path / "list.md"
    path.write_text(SAMPLE, encoding="utf-8")
    source = read_source(str(path))
    times = path.stat()
    path.write_text(SAMPLE.replace("Deep", "Wide"), encoding="utf-8")
    os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))
    with pytest.raises(InputError, match="changed on disk"):
        write_source(source, SAMPLE_FIXED)
    assert path.read_text(encoding="utf-8") == SAMPLE.replace("Deep", "Wide")


def test_write_refuses_a_file_replaced_by_another(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(SAMPLE, encoding="utf-8")
    source = read_source(str(path))
    replacement = tmp_path / "other.md"
    replacement.write_text(SAMPLE, encoding="utf-8")
    os.replace(replacement, path)
    with pytest.raises(InputError, match="changed on disk"):
        write_source(source, SAMPLE_FIXED)
    assert path.read_text(encoding="utf-8") == SAMPLE


def _cpu_seconds(pid: int) -> float:
    """CPU time the process has used so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.slow  # a list of 60 chapters fixed
def test_cli_fix_refuses_a_file_edited_while_it_is_being_fixed(tmp_path: Path) -> None:
    if not Path(f"/proc/{os.getpid()}/stat").is_file():
        pytest.skip("needs /proc to see how far the fix has come")
    chapter = REFERENCE.read_text(encoding="utf-8").split("\n", 3)[3]
    text = "# Papers\n\n" + "".join(f"# Part {index}\n{chapter}" for index in range(60))
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    # The file is read in the first few tenths of a CPU second (start-up, then one read) and
    # written after several CPU seconds of fixing: an edit made at 1.5 CPU seconds falls between
    # the two however loaded the machine is (a wall-clock watch of the open missed it there).
    process = subprocess.Popen(
        [sys.executable, "-m", "awesome_tidy", "fix", "list.md"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,  # the report (~3 MB) would fill an unread pipe
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while _cpu_seconds(process.pid) < 1.5:
        assert process.poll() is None, "the fix ended before 1.5 CPU seconds: give it more work"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    edited = text + "+ (new2024paper)A paper added by hand[2024]\n"
    path.write_text(edited, encoding="utf-8")
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 2
    assert stderr.decode() == "error: list.md: changed on disk while being fixed, not written\n"
    assert path.read_text(encoding="utf-8") == edited
    assert os.listdir(tmp_path) == ["list.md"]


# -- big and deep ------------------------------------------------------------------------------


def _assert_fixed_like_the_api(path: Path, original: str) -> None:
    expected = fix_text(original).text
    assert path.read_text(encoding="utf-8") == expected
    assert fix_text(expected).text == expected


@pytest.mark.slow  # 50 MB
def test_fifty_megabyte_file(tmp_path: Path) -> None:
    """The whole path at 50 MB: read, decode, digest, parse, fix, atomic write.

    A real list plus 48 MB of code blocks (long lines, as in a README full of data); a 50 MB
    list made only of entries is the on-demand ``test_fifty_megabyte_list_of_entries``.
    """
    line = "x = [" + ", ".join(f'{{"k{index}": {index}}}' for index in range(800)) + "]\n"
    block = "```python\n" + line * 400 + "```\n\n"
    text = SAMPLE + "\n" + block * (50_000_000 // len(block) + 1)
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 50_000_000
    assert cli("check", "--quiet", "list.md", cwd=tmp_path).exit_code == 1
    assert cli("fix", "--quiet", "list.md", cwd=tmp_path).exit_code == 0
    # The blank line closing the last block goes too: a file ends with one newline.
    expected = SAMPLE_FIXED + "\n" + block * (50_000_000 // len(block) + 1)
    assert path.read_text(encoding="utf-8") == expected.removesuffix("\n")
    assert os.listdir(tmp_path) == ["list.md"]


@pytest.mark.skipif(
    not os.environ.get("AWESOME_TIDY_HUGE"), reason="on demand: AWESOME_TIDY_HUGE=1 (minutes)"
)
@pytest.mark.slow  # 50 MB, on demand
def test_fifty_megabyte_list_of_entries(tmp_path: Path) -> None:
    chapter = REFERENCE.read_text(encoding="utf-8").split("\n", 3)[3]
    parts = ["# Papers\n\n"]
    size = 0
    while size < 50_000_000:
        part = f"# Part {len(parts)}\n" + chapter.replace("2022", str(1900 + len(parts) % 120))
        parts.append(part)
        size += len(part)
    text = "".join(parts)
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    assert cli("check", "--quiet", "list.md", cwd=tmp_path, timeout=3600).exit_code == 1
    checked = time.monotonic()
    assert cli("fix", "--quiet", "list.md", cwd=tmp_path, timeout=3600).exit_code in (0, 1)
    print(f"50 MB list: check {checked - started:.1f} s, fix {time.monotonic() - checked:.1f} s")
    _assert_fixed_like_the_api(path, text)


BIG_AND_DEEP = [
    pytest.param(
        lambda: "# Papers\n\n+ (a2020b){A} " + "long title " * 95_000 + "[2020]\n",
        id="single-1-mb-line",
    ),
    pytest.param(
        lambda: (
            "# Papers\n\n"
            + "".join("  " * depth + f"- {{item}} {depth} [2020]\n" for depth in range(1000))
        ),
        id="list-nested-1000-deep",
    ),
    pytest.param(lambda: "> " * 1000 + "- {quoted} entry [2020]\n", id="quotes-nested-1000-deep"),
    pytest.param(
        lambda: "".join(f"## 1.{index} Heading {index}\n\n" for index in range(100_000)),
        id="100000-headings",
    ),
    pytest.param(lambda: "#\n" * 100_000, id="100000-empty-headings"),
    pytest.param(lambda: "- \n" * 100_000, id="100000-empty-items"),
]


@pytest.mark.slow  # 1 MB lines, 100,000 headings
@pytest.mark.parametrize("make", BIG_AND_DEEP)
def test_big_and_deep_files_are_checked_and_fixed(tmp_path: Path, make: Callable[[], str]) -> None:
    text = make()
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    assert cli("check", "--quiet", "list.md", cwd=tmp_path).exit_code in (0, 1)
    assert cli("fix", "--quiet", "list.md", cwd=tmp_path).exit_code in (0, 1)
    _assert_fixed_like_the_api(path, text)


def test_api_check_and_fix_from_threads_do_not_interfere(tmp_path: Path) -> None:
    """The API holds no global state a second caller could see half-built."""
    paths = []
    for index in range(8):
        path = tmp_path / f"list{index}.md"
        path.write_text(SAMPLE, encoding="utf-8")
        paths.append(path)
    threads = [threading.Thread(target=fix_file, args=(str(path),)) for path in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(path.read_text(encoding="utf-8") == SAMPLE_FIXED for path in paths)
