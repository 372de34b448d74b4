"""Replay the verdicts of committed studies against the code on ``sys.path``.

A judged finding is *kept* when the code still reports its rule on its line, *gone* otherwise; a
harmful hunk is *still made* when ``fix`` (or ``fix --unsafe-fixes`` for an unsafe hunk) still
changes a line of it in the same way (whitespace-only or not). This is how a fix round is
measured before the next blind study: every FALSE should be gone, every TRUE kept, every harmful
hunk gone. It reads no judge's mind, so a finding moved to another line counts as lost; read
those by hand.

    PYTHONPATH=src python benchmarks/precision/rejudge.py [STUDY ...] [--verbose]

Without a study, every folder under ``studies/`` is replayed. With ``--verbose`` it prints one
line per judged TRUE lost, FALSE kept and harmful hunk still made: two runs (before and after a
change) can then be compared with ``diff``.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import run_study  # a sibling module: ``python benchmarks/precision/rejudge.py`` puts it on sys.path

from awesome_tidy import check_text, fix_text

HERE = Path(__file__).parent
SPAN = re.compile(r"(\d+) changed line")
RELATED = re.compile(r"\bline (\d+)")


def related_lines(message: str) -> frozenset[str]:
    """The other lines a message names (``duplicate of line 228``)."""
    return frozenset(RELATED.findall(message))


def rows_of(study: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for sheet_path in sorted((study / "sheets").glob("bundle-*.tsv")):
        with sheet_path.open(encoding="utf-8", newline="") as handle:
            rows += csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
    return rows


class ListReplay:
    """What the code under test says and writes for one spent list, computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.reported: dict[tuple[str, int], list[frozenset[str]]] = {}
        for found in check_text(text):
            related = related_lines(found.message)
            self.reported.setdefault((found.rule, found.line), []).append(related)
        self._changes: dict[bool, list[run_study.Change]] = {}

    def reports(self, row: dict[str, str]) -> bool:
        """The rule still reports the line, and names the same other line where both name one:
        a duplicate that now points at its real copy is a new finding, not the judged one."""
        judged = related_lines(row["message"])
        return any(
            not judged or not related or judged & related
            for related in self.reported.get((row["rule"], int(row["line"])), [])
        )

    def changes(self, unsafe: bool) -> list[run_study.Change]:
        if unsafe not in self._changes:
            new = fix_text(self.text, unsafe=unsafe).text
            old_lines, new_lines = (
                run_study.text_lines(text.encode()) for text in (self.text, new)
            )
            found = run_study.changes(old_lines, new_lines)
            if unsafe:  # the unsafe sheet judges only what --unsafe-fixes adds to plain fix
                plain = {change.key() for change in self.changes(False)}
                found = [change for change in found if change.key() not in plain]
            self._changes[unsafe] = found
        return self._changes[unsafe]

    def still_makes(self, row: dict[str, str]) -> bool:
        first = int(row["line"])
        span = SPAN.search(row["message"])
        last = first + max(int(span.group(1)) if span else 1, 1) - 1
        blank = "whitespace only" in row["message"]
        return any(
            change.whitespace_only == blank and change.start <= last and change.end >= first
            for change in self.changes(row["kind"] == "unsafe-fix")
        )


def replay(study: Path, lists: Path, verbose: bool) -> Counter[str]:
    counts: Counter[str] = Counter()
    replays: dict[str, ListReplay] = {}
    for row in rows_of(study):
        name = row["list"]
        if name not in replays:
            replays[name] = ListReplay((lists / name).read_bytes().decode("utf-8-sig"))
        outcome = judge(row, replays[name])
        if outcome:
            counts[outcome] += 1
            if verbose and outcome in {"TRUE gone", "FALSE kept", "harmful still"}:
                where = f"{study.name} {row['id']} {name}:{row['line']} {row['rule']}"
                print(f"  {outcome.upper().replace(' ', '-')} {where} [{row['class']}]")
    return counts


def judge(row: dict[str, str], list_replay: ListReplay) -> str | None:
    verdict = row["verdict"]
    if row["kind"] == "finding" and verdict in {"TRUE", "FALSE"}:
        return f"{verdict} {'kept' if list_replay.reports(row) else 'gone'}"
    if verdict == "harmful":
        return f"harmful {'still' if list_replay.still_makes(row) else 'gone'}"
    return None


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("studies", nargs="*", type=Path, help="study folders [all under studies/]")
    parser.add_argument("--verbose", "-v", action="store_true")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_arguments(argv)
    studies = options.studies or sorted(
        path for path in (HERE / "studies").iterdir() if path.is_dir()
    )
    total: Counter[str] = Counter()
    for study in studies:
        counts = replay(study, HERE / "lists" / study.name, options.verbose)
        total += counts
        print(f"{study.name}: {summary(counts)}")
    if len(studies) > 1:
        print(f"all: {summary(total)}")
    return 0


def summary(counts: Counter[str]) -> str:
    keys = ("TRUE kept", "TRUE gone", "FALSE kept", "FALSE gone", "harmful still", "harmful gone")
    return ", ".join(f"{key} {counts[key]}" for key in keys)


if __name__ == "__main__":
    sys.exit(main())
