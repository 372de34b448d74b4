"""Atomic, durable writes: ``fix`` killed at any moment leaves the whole old or the whole new file.

``files.write_source`` writes a temporary file in the list's own folder, named
``.<name>.<random>.tmp``, syncs it, renames it over the list and syncs the folder. A SIGKILL
runs no clean-up, so a temporary can be left behind: it is hidden, does not end in ``.md``, holds
a prefix of the new text, and folder discovery never picks it up.

The kill test runs the real command (``python -m awesome_tidy fix``) on a list of 3.6 MB: 2,000
entries with a trailing space each (2,000 fixes) and BibTeX code blocks, as in
htqin/awesome-model-quantization. Half the runs are killed at a random moment of the process's
life; the others when the temporary file has appeared and a random time has passed, up to a
quarter more than the temporary of an uninterrupted run lives: inside the write (the temporary
is left) or just after the rename. The seed is fixed, the machine's timing is not: the runs go
on until 25 kills have landed, 4 of them inside the write.
"""

from __future__ import annotations

import os
import random
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest

from awesome_tidy import fix_file
from awesome_tidy.config import ConfigFinder
from awesome_tidy.files import read_source, write_source
from awesome_tidy.inputs import collect

SEED = 20_260_529
KILLS = 25
KILLS_IN_THE_WRITE = 4
"""Kills that leave the old file and a temporary: they landed between the temporary's creation
and the rename."""
MAX_RUNS = 60
WORDS = (
    "anomaly", "detection", "deep", "learning", "graph", "neural", "networks", "survey",
    "diffusion", "models", "robust", "vision", "transformer", "memory", "bank", "unified",
    "industrial", "surface", "defect",
)  # fmt: skip


def temporary_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.[^/]+\.tmp")


def big_list(rng: random.Random) -> str:
    """3.6 MB: 40 sections of 50 entries, each with a trailing space, and a BibTeX block."""
    parts = ["# Awesome Generated Papers", ""]
    number = 0
    for section in range(1, 41):
        parts += [f"## {section} Section {section}", ""]
        for _ in range(50):
            number += 1
            year = 2000 + number % 25
            title = " ".join(rng.choice(WORDS) for _ in range(6))
            parts.append(f"+ (author{number}{year}w{number})Paper {number} {title}[{year}] ")
        parts += ["", "```bibtex"]
        for line in range(800):
            title = " ".join(rng.choice(WORDS) for _ in range(8))
            parts.append(f"@article{{key{section}x{line}, title = {{{title}}}, year = {{2020}}}}")
        parts += ["```", ""]
    return "\n".join(parts)


def start_fix(path: Path) -> subprocess.Popen[bytes]:
    """``awesome-tidy fix`` on ``path``; its errors go to ``fix.log`` beside it."""
    with open(path.parent / "fix.log", "wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "awesome_tidy", "fix", "--quiet", "--isolated", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=log,
        )


def temporaries(folder: Path, name: str) -> set[str]:
    pattern = temporary_pattern(name)
    return {entry.name for entry in os.scandir(folder) if pattern.fullmatch(entry.name)}


def kill_at(process: subprocess.Popen[bytes], delay: float) -> bool:
    """SIGKILL ``process`` after ``delay`` seconds; False when it had already finished."""
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        time.sleep(min(0.01, max(0.0, deadline - time.monotonic())))
    return _kill(process)


POLL = 0.0005
"""How often the folder is looked at: often enough for a write of tens of milliseconds, without
taking a shared core from the process under test."""


def kill_in_the_write(
    process: subprocess.Popen[bytes], folder: Path, name: str, delay: float
) -> bool:
    """SIGKILL ``process`` ``delay`` seconds after a new temporary file appears."""
    known = temporaries(folder, name)
    while not temporaries(folder, name) - known:
        if process.poll() is not None:
            return False
        time.sleep(POLL)
    time.sleep(delay)
    return _kill(process)


def timed_fix(target: Path) -> tuple[float, float]:
    """Run ``fix`` to the end: how long it takes, and how long its temporary file lives."""
    started = time.monotonic()
    process = start_fix(target)
    appeared = gone = 0.0
    while process.poll() is None:
        present = bool(temporaries(target.parent, target.name))
        if present and not appeared:
            appeared = time.monotonic()
        elif appeared and not present and not gone:
            gone = time.monotonic()
        time.sleep(POLL)
    ended = time.monotonic()
    assert process.returncode in (0, 1) and appeared, "the uninterrupted run wrote the file"
    return ended - started, (gone or ended) - appeared


def _kill(process: subprocess.Popen[bytes]) -> bool:
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGKILL)
    process.wait()
    return process.returncode == -signal.SIGKILL


@pytest.mark.slow  # 25+ kills of a 3.6 MB fix
def test_fix_killed_at_random_moments_leaves_the_whole_old_or_the_whole_new_file(
    tmp_path: Path,
) -> None:
    rng = random.Random(SEED)
    old = big_list(rng).encode("utf-8")
    target = tmp_path / "papers.md"
    target.write_bytes(old)
    lifetime, window = timed_fix(target)
    new = target.read_bytes()
    assert len(old) > 3_000_000
    assert new == old.replace(b"] \n", b"]\n"), "the uninterrupted run fixes every entry"

    # Until enough kills landed, and enough inside the write: how many runs that takes depends
    # on the machine's load, which the seed cannot fix.
    outcomes: Counter[str] = Counter()
    while _kills(outcomes) < KILLS or outcomes["killed, old, temp left"] < KILLS_IN_THE_WRITE:
        assert outcomes.total() < MAX_RUNS, f"too few kills landed: {dict(outcomes)}"
        target.write_bytes(old)
        before = temporaries(tmp_path, target.name)
        started = time.monotonic()
        process = start_fix(target)
        if rng.random() < 0.5:
            how, killed = "random", kill_at(process, rng.uniform(0, lifetime))
        else:
            delay = rng.uniform(0, window * 1.25)
            how, killed = "write", kill_in_the_write(process, tmp_path, target.name, delay)
        process.wait(timeout=120)
        now = target.read_bytes()
        if not killed:
            # The first run may have been slowed by a loaded machine: a run that outlived its
            # kill time says how long a run takes now, and later kills aim inside it.
            lifetime = min(lifetime, time.monotonic() - started)
            errors = (tmp_path / "fix.log").read_text()
            assert (process.returncode, errors, now) == (1, "", new), f"{how}: {errors}"
        assert now in (old, new), f"{how} kill left a damaged file ({len(now)} bytes)"
        left = temporaries(tmp_path, target.name) - before
        assert all(new.startswith((tmp_path / name).read_bytes()) for name in left)
        state = "old" if now == old else "new"
        outcomes[f"{'killed' if killed else 'finished'}, {state}{', temp left' * bool(left)}"] += 1

    print(
        f"\n{outcomes.total()} runs of a {lifetime:.1f} s fix of {len(old):,} bytes "
        f"(temporary file for {window * 1000:.0f} ms), {_kills(outcomes)} kills: {dict(outcomes)}"
    )
    assert_temporaries_are_never_taken_for_lists(tmp_path, target)


def _kills(outcomes: Counter[str]) -> int:
    return sum(count for outcome, count in outcomes.items() if outcome.startswith("killed"))


def assert_temporaries_are_never_taken_for_lists(folder: Path, target: Path) -> None:
    left = temporaries(folder, target.name)
    assert left, "a kill inside the write leaves its temporary (nothing cleans up after SIGKILL)"
    assert all(name.startswith(".") and not name.endswith(".md") for name in left)
    assert collect([str(folder)], ConfigFinder()) == [str(target)]
    # The next run fixes the list as if nothing had happened.
    target.write_bytes(target.read_bytes() + b"+ (late2024x)A late entry[2024] \n")
    report = fix_file(str(target))
    assert report.error is None and report.changed
    assert target.read_bytes().endswith(b"+ (late2024x)A late entry[2024]\n")


KILLED_BEFORE_THE_RENAME = textwrap.dedent(
    """
    import os, signal, sys
    from awesome_tidy import fix_file

    def killed(source, target):
        os.kill(os.getpid(), signal.SIGKILL)

    os.replace = killed
    fix_file(sys.argv[1])
    """
)


def test_killed_right_before_the_rename_keeps_the_old_file_and_a_hidden_temporary(
    tmp_path: Path,
) -> None:
    target = tmp_path / "papers.md"
    old = b"# Papers\n\n+ (he2016deep)Deep {Residual} Learning[2016] \n"
    target.write_bytes(old)
    done = subprocess.run([sys.executable, "-c", KILLED_BEFORE_THE_RENAME, str(target)], timeout=60)
    assert done.returncode == -signal.SIGKILL
    assert target.read_bytes() == old
    (left,) = temporaries(tmp_path, target.name)
    assert left.startswith(".papers.md.") and left.endswith(".tmp")
    assert (
        tmp_path / left
    ).read_bytes() == b"# Papers\n\n+ (he2016deep)Deep Residual Learning[2016]\n"
    assert collect([str(tmp_path)], ConfigFinder()) == [str(target)]


def test_write_syncs_the_file_before_the_rename_and_the_folder_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real write runs; os.fsync and os.replace are only watched."""
    target = tmp_path / "papers.md"
    target.write_bytes(b"# Papers\n\n+ (he2016deep)Deep Learning[2016] \n")
    source = read_source(str(target))
    events: list[tuple[str, int, bool]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        status = os.fstat(descriptor)
        events.append(("fsync", status.st_ino, stat.S_ISDIR(status.st_mode)))
        real_fsync(descriptor)

    def replace(source_path: str, target_path: str) -> None:
        events.append(("replace", os.stat(source_path).st_ino, False))
        real_replace(source_path, target_path)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_source(source, "# Papers\n\n+ (he2016deep)Deep Learning[2016]\n")

    assert target.read_bytes() == b"# Papers\n\n+ (he2016deep)Deep Learning[2016]\n"
    written = target.stat().st_ino
    assert events == [
        ("fsync", written, False),
        ("replace", written, False),
        ("fsync", tmp_path.stat().st_ino, True),
    ]
    assert not temporaries(tmp_path, target.name)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root gives away")
def test_fix_keeps_the_owner_and_group_of_a_file_it_may_give_away(tmp_path: Path) -> None:
    """The temporary that replaces the list gets the list's owner; only root may do that."""
    target = tmp_path / "papers.md"
    target.write_bytes(b"# Papers\n\n+ (he2016deep)Deep Learning[2016] \n")
    os.chown(target, 4321, 8765)
    report = fix_file(str(target))
    assert report.error is None and report.changed
    status = target.stat()
    assert (status.st_uid, status.st_gid) == (4321, 8765)
    assert target.read_bytes() == b"# Papers\n\n+ (he2016deep)Deep Learning[2016]\n"
