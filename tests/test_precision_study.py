"""The blind precision studies stay reproducible from the repository (issue 10, item 4).

docs/precision.md publishes each study's tables; ``benchmarks/precision/tally.py`` must write them
again, byte for byte, from the judges' sheets kept under ``benchmarks/precision/studies/``, and a
spent study's lists must be the exact files its manifest names.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRECISION = ROOT / "benchmarks" / "precision"
TALLY = PRECISION / "tally.py"
STUDIES = sorted(p for p in (PRECISION / "studies").iterdir() if (p / "sheets").is_dir())
LABEL = re.compile(r"<!-- tally(?: (?P<label>[\w.-]+))?: begin -->")


def tally(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TALLY), *map(str, args)], capture_output=True, text=True, check=False
    )


def study_label(study: Path) -> str | None:
    """The marker label docs/precision.md uses for a study: none for the first, its date after."""
    return None if study == STUDIES[0] else study.name


@pytest.mark.parametrize("study", STUDIES, ids=lambda p: p.name)
def test_the_published_tables_are_what_the_sheets_give(study: Path, tmp_path: Path) -> None:
    published = (ROOT / "docs" / "precision.md").read_text(encoding="utf-8")
    copy = tmp_path / "precision.md"
    copy.write_text(published, encoding="utf-8")
    label = study_label(study)
    args: list[str | Path] = [study, "--output", copy]
    if (study / "actions.tsv").exists():
        args += ["--actions", study / "actions.tsv"]
    if label:
        args += ["--label", label]
    result = tally(*args)
    assert result.returncode == 0, result.stderr
    assert copy.read_text(encoding="utf-8") == published


def test_every_published_study_has_its_sheets() -> None:
    published = (ROOT / "docs" / "precision.md").read_text(encoding="utf-8")
    labels = {match["label"] for match in LABEL.finditer(published)}
    assert labels == {study_label(study) for study in STUDIES}


def git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@pytest.mark.parametrize("manifest", ["lists.tsv", "dev-lists.tsv"])
def test_spent_lists_are_the_files_their_manifest_names(manifest: str) -> None:
    rows = (PRECISION / manifest).read_text(encoding="utf-8").splitlines()
    header = rows[0].split("\t")
    checked = 0
    for row in rows[1:]:
        entry = dict(zip(header, row.split("\t"), strict=True))
        matches = list((PRECISION / "lists").glob(f"*/{entry['file']}"))
        assert len(matches) == 1, entry["file"]
        data = matches[0].read_bytes()
        assert len(data) == int(entry["bytes"]), entry["file"]
        assert git_blob_id(data) == entry["blob"], entry["file"]
        checked += 1
    assert checked >= 20


def test_a_label_writes_between_its_own_markers_only(tmp_path: Path) -> None:
    study = STUDIES[0]
    page = tmp_path / "page.md"
    page.write_text(
        "# P\n\n<!-- tally: begin -->\nfirst\n<!-- tally: end -->\n\n"
        "<!-- tally later: begin -->\nsecond\n<!-- tally later: end -->\n",
        encoding="utf-8",
    )
    assert tally(study, "--output", page, "--label", "later").returncode == 0
    text = page.read_text(encoding="utf-8")
    assert "first\n" in text
    assert "second\n" not in text
    assert text.count("### Summary") == 1


def test_a_page_without_the_markers_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# P\n\nprose\n", encoding="utf-8")
    result = tally(STUDIES[0], "--output", page, "--label", "absent")
    assert result.returncode == 2
    assert "<!-- tally absent: begin -->" in result.stderr
    assert page.read_text(encoding="utf-8") == "# P\n\nprose\n"
