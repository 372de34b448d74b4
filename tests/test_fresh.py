"""A study takes only fresh lists: benchmarks/precision/fresh.py refuses known ones by name and
by content, and keeps a fresh one byte for byte with its manifest row (issue 10, item 4)."""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRESH = ROOT / "benchmarks" / "precision" / "fresh.py"
REFERENCE = ROOT / "tests" / "fixtures" / "reference" / "awesome-industrial-anomaly-detection.md"
# Made up at run time: a name written here would be "named in tests/" and so not fresh.
OWNER = f"nobody-{uuid.uuid4().hex[:12]}"
UNKNOWN = f"{OWNER}/awesome-list"
LIST = "".join(
    f"- [A made-up paper title number {n} about nothing in particular](https://example.org/{n}) - "
    f"Someone, Venue {2000 + n}.\n"
    for n in range(20)
)


def fresh(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(FRESH), *map(str, args)], capture_output=True, text=True, check=False
    )


def repository(tmp_path: Path, text: str) -> tuple[Path, str]:
    work = tmp_path / "repo"
    work.mkdir()
    (work / "README.md").write_bytes(text.encode("utf-8"))
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "README.md"], check=True)
    subprocess.run([*git, "commit", "-qm", "list"], check=True)
    head = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True)
    return work / ".git", head.stdout.strip()


def save(
    git_dir: Path, commit: str, repo: str, study: Path, shape: str = "one-line items"
) -> subprocess.CompletedProcess[str]:
    return fresh(
        "save", "--git-dir", git_dir, "--commit", commit, "--path", "README.md", "--repo", repo,
        "--study", study, "--kind", "paper", "--field", "test", "--language", "en",
        "--shape", shape,
    )  # fmt: skip


def test_a_list_known_by_content_is_refused_whatever_its_name(tmp_path: Path) -> None:
    done = fresh("check", UNKNOWN, REFERENCE)
    assert done.returncode == 1
    assert "of its long lines are in" in done.stdout


def test_a_repository_named_in_the_repository_is_refused() -> None:
    done = fresh("check", "M-3LAB/awesome-industrial-anomaly-detection", REFERENCE)
    assert done.returncode == 1
    assert "is already named in" in done.stdout


def test_a_fresh_list_is_kept_byte_for_byte_and_a_copy_of_it_refused(tmp_path: Path) -> None:
    git_dir, commit = repository(tmp_path, LIST)
    study = tmp_path / "study"
    assert save(git_dir, commit, UNKNOWN, study).returncode == 0
    kept = study / "lists" / f"{OWNER}__awesome-list.md"
    assert kept.read_bytes() == LIST.encode("utf-8")
    (row,) = csv.DictReader((study / "lists.tsv").open(encoding="utf-8"), delimiter="\t")
    data = kept.read_bytes()
    assert row["commit"] == commit
    assert row["bytes"] == str(len(data))
    assert row["blob"] == hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
    again = save(git_dir, commit, f"{OWNER}/a-renamed-copy", study)
    assert again.returncode == 1
    assert "refused: 100% of its long lines" in again.stderr
    assert len((study / "lists.tsv").read_text(encoding="utf-8").splitlines()) == 2


def test_a_shape_that_would_break_the_docs_table_is_refused_and_nothing_is_saved(
    tmp_path: Path,
) -> None:
    """A shape with an unpaired backtick leaves a code span open in docs/precision.md's table,
    which then runs into the next rows (study 33's manifest had two). Refused before any file
    is written, so the same list can be saved again with the shape written anew."""
    git_dir, commit = repository(tmp_path, LIST)
    study = tmp_path / "study"
    done = save(git_dir, commit, UNKNOWN, study, shape="`` bullets `- \\`tag\\`` ``")
    assert done.returncode == 2
    assert "unpaired run of backticks" in done.stderr
    assert not (study / "lists").exists()
    paired = "`` bullets `- [Title](url)` ``"
    assert save(git_dir, commit, UNKNOWN, study, shape=paired).returncode == 0
