"""Commit a judged study into the repository: its lists are spent from then on.

    python benchmarks/precision/record.py LABEL RUN_DIR

copies the lists the run's manifest names (from the folder ``run_study.py`` read them from, as
recorded in ``RUN_DIR/study.json``) to ``lists/LABEL/``, the filled sheets, manifest, population,
runs and study.json to ``studies/LABEL/``, appends the lists to ``lists.tsv`` (its own column
order) and writes ``studies/LABEL/actions.tsv`` with every class of a false finding or harmful
hunk marked ``open`` (edit it as the classes are dealt with). A shape that holds Markdown (a
backtick, a link or an HTML tag) is wrapped in a double-backtick code span so the tables of
docs/precision.md show it as written. Refuses a label that is taken.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

import sheet  # a sibling module: ``python benchmarks/precision/record.py`` puts it on sys.path

HERE = Path(__file__).parent
RUN_FILES = ("manifest.tsv", "population.tsv", "runs.tsv", "study.json")


def shown_shape(shape: str) -> str:
    if any(mark in shape for mark in ("`", "](", "<")) and not shape.startswith("``"):
        return f"`` {shape} ``"
    return shape


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(path: Path, header: Sequence[str], rows: Sequence[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle,
            header,
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
            quotechar=None,
            lineterminator="\n",
        )
        writer.writeheader()
        writer.writerows(rows)


def open_classes(sheets: Path) -> list[str]:
    classes: set[str] = set()
    for path in sorted(sheets.glob("bundle-*.tsv")):
        for row in read_tsv(path):
            if row["verdict"] in {"FALSE", "harmful"} and row["class"]:
                classes.add(row["class"])
    return sorted(classes)


def record(label: str, run: Path, root: Path = HERE) -> None:
    lists_to, study_to = root / "lists" / label, root / "studies" / label
    if lists_to.exists() or study_to.exists():
        raise sheet.SheetError(f"{label}: a study of that label is recorded already")
    settings = json.loads((run / "study.json").read_text(encoding="utf-8"))
    manifest = read_tsv(run / "manifest.tsv")
    for row in manifest:
        row["shape"] = shown_shape(row.get("shape", ""))
    lists_from = _study_folder(run, settings) / settings["lists"]
    missing = [row["file"] for row in manifest if not (lists_from / row["file"]).is_file()]
    if missing:
        raise sheet.SheetError(f"{lists_from}: no list {missing[0]!r} (nothing recorded)")
    lists_to.mkdir(parents=True)
    for row in manifest:
        shutil.copyfile(lists_from / row["file"], lists_to / row["file"])
    (study_to / "sheets").mkdir(parents=True)
    for path in sorted((run / "sheets").glob("bundle-*.tsv")):
        shutil.copyfile(path, study_to / "sheets" / path.name)
    for name in RUN_FILES:
        shutil.copyfile(run / name, study_to / name)
    write_tsv(study_to / "manifest.tsv", list(manifest[0]), manifest)
    actions = [{"class": name, "action": "open"} for name in open_classes(study_to / "sheets")]
    write_tsv(study_to / "actions.tsv", ["class", "action"], actions)
    append_spent(manifest, root / "lists.tsv")


def _study_folder(run: Path, settings: dict[str, str]) -> Path:
    """The folder run_study.py ran in, which its relative paths (``--out``, the lists) name."""
    out = Path(settings.get("out", ""))
    if out.is_absolute() or not out.parts:
        return Path.cwd()
    folder = run.resolve()
    for _ in out.parts:
        folder = folder.parent
    return folder


def append_spent(manifest: Sequence[dict[str, str]], spent: Path) -> None:
    header = spent.read_text(encoding="utf-8").split("\n", 1)[0].split("\t")
    with spent.open("a", encoding="utf-8", newline="") as handle:
        for row in manifest:
            handle.write("\t".join(row.get(column, "") for column in header) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("label", help="the study's label: its date, with -N for the Nth that day")
    parser.add_argument("run", type=Path, help="the RUN_DIR run_study.py wrote, sheets filled in")
    parser.add_argument("--root", type=Path, default=HERE, help="the precision folder [this one]")
    options = parser.parse_args(argv)
    try:
        record(options.label, options.run, options.root)
    except (sheet.SheetError, OSError, KeyError) as error:
        print(f"record.py: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
