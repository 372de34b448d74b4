"""Take a list into a study only if it is fresh, by name and by content.

A list is fresh when its repository is named nowhere in this repository (tests, docs,
benchmarks and every manifest) nor in the shared corpus's SOURCES.md, and when no more than
``--max-overlap`` of its long lines appear in any list already known: every list under
``lists/``, the fixtures, the shared corpus and reference, and the lists the study holds so
far (a repository renamed for the next year can carry last year's list line for line).

    python benchmarks/precision/fresh.py check OWNER/NAME FILE [--study DIR]
    python benchmarks/precision/fresh.py save --git-dir GIT --commit C --path P --repo OWNER/NAME \
        --study DIR --kind paper --field "..." --language en --shape "..."

``save`` writes the exact bytes of ``git show C:P`` to ``DIR/lists/owner__name.md`` and appends
a row to ``DIR/lists.tsv`` (the manifest ``run_study.py`` reads); it refuses (exit 1, saying
why) a list that is not fresh. See README.md in this folder.
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from run_study import blob_id  # a sibling module, as sheet.py is for run_study.py

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
NAMED_IN = [ROOT / "tests", ROOT / "docs", ROOT / "benchmarks", SHARED / "corpus" / "SOURCES.md"]
KNOWN_LISTS = [HERE / "lists", ROOT / "tests" / "fixtures", SHARED / "corpus", SHARED / "reference"]
LONG_LINE = 40  # shorter lines ("## Papers", "| --- |") are shared by unrelated lists
COLUMNS = [
    "repo", "path", "commit", "file", "bytes", "blob", "commit_date",
    "kind", "field", "language", "lines", "entries", "shape",
]  # fmt: skip


def long_lines(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines() if len(line.strip()) >= LONG_LINE}


def files_under(paths: Iterable[Path], suffixes: tuple[str, ...]) -> Iterator[Path]:
    for path in paths:
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix in suffixes)


@cache
def lines_of(path: Path) -> frozenset[str]:
    return frozenset(long_lines(path.read_text(encoding="utf-8", errors="replace")))


def largest_overlap(text: str, study: Path | None) -> tuple[float, Path | None]:
    """The share of ``text``'s long lines found in the one known list that holds the most."""
    mine = long_lines(text)
    if not mine:
        return 0.0, None
    known = [*KNOWN_LISTS, *([study / "lists"] if study else [])]
    best: tuple[float, Path | None] = (0.0, None)
    for path in files_under(known, (".md", ".markdown", ".txt", ".rst")):
        share = len(mine & lines_of(path)) / len(mine)
        if share > best[0]:
            best = (share, path)
    return best


def where_named(repo: str, study: Path | None) -> list[Path]:
    """Files that name ``repo`` (case-insensitive), the study's own manifest included."""
    needle = repo.lower()
    places = [*NAMED_IN, *([study / "lists.tsv"] if study else [])]
    suffixes = (".md", ".tsv", ".txt", ".py", ".json", ".yaml", ".toml")
    hits = []
    for path in files_under(places, suffixes):
        if "/lists/" in path.as_posix() and path.suffix == ".md":
            continue  # a list may cite another repository; only manifests and prose name ours
        if needle in path.read_text(encoding="utf-8", errors="replace").lower():
            hits.append(path)
    return hits


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT.parent)) if path.is_relative_to(ROOT.parent) else str(path)


def refusal(repo: str, text: str, study: Path | None, max_overlap: float) -> str | None:
    named = where_named(repo, study)
    if named:
        return f"{repo} is already named in {shown(named[0])}"
    share, path = largest_overlap(text, study)
    if share > max_overlap and path is not None:
        return f"{share:.0%} of its long lines are in {shown(path)}"
    return None


def git(git_dir: str, *args: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", git_dir, *args], check=True, capture_output=True
    ).stdout


def malformed_field(row: dict[str, str]) -> str | None:
    """Why a manifest row cannot be kept as written, or None.

    The manifest is read by plain tab splitting (sheet.read_tsv): no CSV quoting, so a shape
    that holds a quote stays as written; a tab or a line break would split the row. The shape is
    shown in a Markdown table of docs/precision.md, where a code span left open by an unpaired
    run of backticks runs on into the next rows and turns their text into links.
    """
    if any(mark in value for value in row.values() for mark in "\t\n\r"):
        return "no tab or line break in a field"
    runs = Counter(len(run) for run in re.findall("`+", row["shape"]))
    if any(count % 2 for count in runs.values()):
        return "--shape has an unpaired run of backticks (a code span left open); write it again"
    return None


def save(options: argparse.Namespace) -> int:
    data = git(options.git_dir, "show", f"{options.commit}:{options.path}")
    text = data.decode("utf-8", errors="replace")
    study = Path(options.study)
    why = refusal(options.repo, text, study, options.max_overlap)
    if why:
        print(f"refused: {why}", file=sys.stderr)
        return 1
    name = options.repo.replace("/", "__") + ".md"
    row = {
        "repo": options.repo,
        "path": options.path,
        "commit": git(options.git_dir, "rev-parse", options.commit).decode().strip(),
        "file": name,
        "bytes": str(len(data)),
        "blob": blob_id(data),
        "commit_date": git(options.git_dir, "show", "-s", "--format=%cs", options.commit)
        .decode()
        .strip(),
        "kind": options.kind,
        "field": options.field,
        "language": options.language,
        "lines": str(len(text.splitlines())),
        "entries": options.entries,
        "shape": options.shape,
    }
    malformed = malformed_field(row)
    if malformed:
        print(f"fresh.py: {malformed}; nothing saved", file=sys.stderr)
        return 2
    (study / "lists").mkdir(parents=True, exist_ok=True)
    (study / "lists" / name).write_bytes(data)
    manifest = study / "lists.tsv"
    new = not manifest.exists()
    with manifest.open("a", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(
            out,
            COLUMNS,
            delimiter="\t",
            lineterminator="\n",
            quoting=csv.QUOTE_NONE,
            quotechar=None,
        )
        if new:
            writer.writeheader()
        writer.writerow(row)
    print(f"saved {name}: {row['lines']} lines, {row['bytes']} bytes")
    return 0


def check(options: argparse.Namespace) -> int:
    text = Path(options.file).read_text(encoding="utf-8", errors="replace")
    why = refusal(
        options.repo, text, Path(options.study) if options.study else None, options.max_overlap
    )
    print(f"refused: {why}" if why else "fresh")
    return 1 if why else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--max-overlap", type=float, default=0.30)
    commands = parser.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check")
    checking.add_argument("repo")
    checking.add_argument("file")
    checking.add_argument("--study")
    saving = commands.add_parser("save")
    for flag in (
        "--git-dir",
        "--commit",
        "--path",
        "--repo",
        "--study",
        "--kind",
        "--field",
        "--language",
        "--shape",
    ):
        saving.add_argument(flag, required=True)
    saving.add_argument("--entries", default="")
    options = parser.parse_args(argv)
    return check(options) if options.command == "check" else save(options)


if __name__ == "__main__":
    sys.exit(main())
