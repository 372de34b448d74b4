"""A judged study is committed by benchmarks/precision/record.py: the lists it spent, the sheets
and run files, a row per list in the spent-list manifest and every false class open (issue 10,
item 4: a study is reproducible from the repository)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RECORD = Path(__file__).resolve().parent.parent / "benchmarks" / "precision" / "record.py"
MANIFEST = "repo\tpath\tcommit\tfile\tbytes\tblob\tkind\tshape\n"
SHEET_HEADER = "id\tkind\tlist\tline\trule\tseverity\tmessage\tverdict\tclass\treason\n"


def record(
    root: Path, run: Path, label: str = "2030-01-01", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(RECORD), label, str(run), "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def judged_run(tmp_path: Path) -> tuple[Path, Path]:
    """A precision folder with one spent list, and a run of two lists with filled sheets."""
    root, run, lists = tmp_path / "precision", tmp_path / "run", tmp_path / "lists"
    for folder in (root, run / "sheets", lists):
        folder.mkdir(parents=True)
    (root / "lists.tsv").write_text(
        "repo\tpath\tcommit\tkind\tshape\tfile\nold/list\tREADME.md\tc0\tpaper\tbullets\told.md\n",
        encoding="utf-8",
    )
    rows = [
        ("a/one", "one.md", "`` already `code` ``"),
        ("b/two", "two.md", 'table rows: | [Name](url) | "Title" |'),
    ]
    manifest = MANIFEST + "".join(
        f"{repo}\tREADME.md\t{'c' * 40}\t{name}\t5\tblob\tpaper\t{shape}\n"
        for repo, name, shape in rows
    )
    (run / "manifest.tsv").write_text(manifest, encoding="utf-8")
    for _, name, _ in rows:
        (lists / name).write_text(f"{name}\n", encoding="utf-8")
    (run / "study.json").write_text(json.dumps({"lists": str(lists)}), encoding="utf-8")
    for name in ("population.tsv", "runs.tsv"):
        (run / name).write_text("file\n", encoding="utf-8")
    (run / "sheets" / "bundle-1.tsv").write_text(
        SHEET_HEADER
        + "F0001\tfinding\tone.md\t3\tmissing-year\twarning\tm\tFALSE\tyear-as-tag\tr\n"
        + "F0002\tfinding\tone.md\t4\tmissing-year\twarning\tm\tTRUE\t\tr\n"
        + "P0001\tfix\ttwo.md\t1\ttoc\tsafe\tm\tharmful\tdeletes-content\tr\n",
        encoding="utf-8",
    )
    return root, run


def test_a_judged_study_is_recorded_whole(tmp_path: Path) -> None:
    root, run = judged_run(tmp_path)
    assert record(root, run).returncode == 0
    study = root / "studies" / "2030-01-01"
    assert sorted(path.name for path in (root / "lists" / "2030-01-01").iterdir()) == [
        "one.md",
        "two.md",
    ]
    assert (study / "sheets" / "bundle-1.tsv").read_text(encoding="utf-8").count("\n") == 4
    assert (study / "actions.tsv").read_text(encoding="utf-8") == (
        "class\taction\ndeletes-content\topen\nyear-as-tag\topen\n"
    )
    spent = (root / "lists.tsv").read_text(encoding="utf-8").splitlines()
    assert spent[2:] == [
        "a/one\tREADME.md\t" + "c" * 40 + "\tpaper\t`` already `code` ``\tone.md",
        "b/two\tREADME.md\t"
        + "c" * 40
        + '\tpaper\t`` table rows: | [Name](url) | "Title" | ``\ttwo.md',
    ]


def test_a_label_taken_is_refused_and_nothing_is_added(tmp_path: Path) -> None:
    root, run = judged_run(tmp_path)
    assert record(root, run).returncode == 0
    before = (root / "lists.tsv").read_text(encoding="utf-8")
    again = record(root, run)
    assert again.returncode == 2
    assert "recorded already" in again.stderr
    assert (root / "lists.tsv").read_text(encoding="utf-8") == before


def test_relative_paths_are_those_of_the_folder_the_study_ran_in(tmp_path: Path) -> None:
    """run_study.py ran in the study's folder with ``--out run`` and ``lists``: recorded from
    elsewhere, the lists are still found there."""
    root, run = judged_run(tmp_path)
    (run / "study.json").write_text(json.dumps({"lists": "lists", "out": "run"}), encoding="utf-8")
    done = record(root, run, cwd=root)
    assert done.returncode == 0, done.stderr
    assert (root / "lists" / "2030-01-01" / "two.md").read_text(encoding="utf-8") == "two.md\n"


def test_a_missing_list_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    root, run = judged_run(tmp_path)
    (tmp_path / "lists" / "two.md").unlink()
    before = (root / "lists.tsv").read_text(encoding="utf-8")
    done = record(root, run)
    assert done.returncode == 2
    assert "no list 'two.md'" in done.stderr
    assert not (root / "lists").exists() and not (root / "studies").exists()
    assert (root / "lists.tsv").read_text(encoding="utf-8") == before
