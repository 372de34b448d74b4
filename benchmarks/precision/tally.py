"""Read the judges' filled sheets of a precision study and write the tables of docs/precision.md.

Judged findings are a stratified sample: within each (list, rule, severity) cell a uniform random
one (see ``run_study.sample``). So each table gives the precision of the judged findings as they
are (``judged``) and an estimate for all findings (``estimated``), where each judged finding
stands for ``findings in its cell / judged in its cell``. The targets are checked on estimates:
the overall precision, every rule with at least 10 judged findings, and the estimated number of
false errors and warnings per list; and on the judged hunks: no harmful plain-fix hunk.

The tables replace what stands between the markers in the output file (created if missing), so
the prose around them (what was done about each class of false finding) stays. Several studies
share one file: ``--label`` names a study's own pair of markers (``<!-- tally LABEL: begin -->``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import sheet  # a sibling module: ``python benchmarks/precision/tally.py`` puts it on sys.path

TARGET_PRECISION = 0.95
TARGET_RULE_PRECISION = 0.85
RULE_MIN_JUDGED = 10
TARGET_LIST_FALSE = 3

Cell = tuple[str, str, str]  # list, rule, severity


@dataclass(frozen=True)
class Verdict:
    id: str
    kind: str
    list: str
    line: str
    rule: str
    severity: str
    verdict: str  # canonical spelling, "" while pending
    klass: str
    reason: str

    @property
    def good(self) -> bool:
        return self.verdict in ("TRUE", "harmless")

    @property
    def cell(self) -> Cell:
        return (self.list, self.rule, self.severity)


# ----------------------------------------------------------------------------- reading


def read_verdicts(folder: Path) -> list[Verdict]:
    paths = sorted(folder.glob("bundle-*.tsv"))
    if not paths:
        raise sheet.SheetError(f"{folder}: no bundle-*.tsv sheets")
    verdicts = [verdict(row) for path in paths for row in sheet.read_tsv(path, sheet_columns())]
    ids = Counter(item.id for item in verdicts)
    repeated = sorted(name for name, count in ids.items() if count > 1)
    if repeated:
        raise sheet.SheetError(f"{folder}: id(s) on more than one row: {', '.join(repeated)}")
    return verdicts


def sheet_columns() -> tuple[str, ...]:
    return sheet.SHEET_COLUMNS + sheet.VERDICT_COLUMNS


def verdict(row: dict[str, str]) -> Verdict:
    allowed = sheet.VERDICTS.get(row["kind"])
    if allowed is None:
        raise sheet.SheetError(f"{row['_at']}: unknown kind {row['kind']!r}")
    spelled = {word.lower(): word for word in allowed}
    given = row["verdict"].strip().lower()
    if given and given not in spelled:
        raise sheet.SheetError(
            f"{row['_at']}: verdict {row['verdict']!r}, expected one of {', '.join(allowed)}"
        )
    canonical = spelled.get(given, "")
    klass = row["class"].strip().lower()
    if canonical in ("FALSE", "harmful") and not klass:
        raise sheet.SheetError(f"{row['_at']}: {canonical} without a class")
    fields = {name: row[name] for name in sheet.SHEET_COLUMNS if name != "message"}
    return Verdict(**fields, verdict=canonical, klass=klass, reason=row["reason"])


def read_population(path: Path) -> dict[Cell, int]:
    rows = sheet.read_tsv(path, ("list", "rule", "severity", "findings"))
    return {(row["list"], row["rule"], row["severity"]): int(row["findings"]) for row in rows}


# ----------------------------------------------------------------------------- counting


@dataclass
class Score:
    findings: int = 0  # errors and warnings in all, judged or not
    judged: int = 0
    true: int = 0
    estimated_true: float = 0.0
    estimated_of: int = 0  # findings in cells with at least one judged finding

    @property
    def false(self) -> int:
        return self.judged - self.true

    def precision(self) -> float | None:
        return self.true / self.judged if self.judged else None

    def estimate(self) -> float | None:
        return self.estimated_true / self.estimated_of if self.estimated_of else None

    def estimated_false(self) -> float:
        return self.estimated_of - self.estimated_true


def score(
    population: dict[Cell, int], findings: Sequence[Verdict], keep: Callable[[Cell], bool]
) -> Score:
    """Judged and estimated precision over the cells ``keep`` accepts (errors and warnings)."""
    judged: dict[Cell, list[Verdict]] = defaultdict(list)
    for item in findings:
        if item.verdict:
            judged[item.cell].append(item)
    result = Score()
    for cell, size in population.items():
        if cell[2] not in sheet.JUDGED_SEVERITIES or not keep(cell):
            continue
        result.findings += size
        mine = judged.get(cell, [])
        if mine:
            true = sum(item.good for item in mine)
            result.judged += len(mine)
            result.true += true
            result.estimated_true += size * true / len(mine)
            result.estimated_of += size
    return result


def where(part: int, value: str) -> Callable[[Cell], bool]:
    """Cells whose list (``part`` 0) or rule (``part`` 1) is ``value``."""
    return lambda cell: cell[part] == value


def hunk_counts(hunks: Iterable[Verdict]) -> Counter[str]:
    return Counter(item.verdict or "pending" for item in hunks)


# ----------------------------------------------------------------------------- tables


def prose(text: str) -> str:
    """A judge's reason as written: a quoted ``[name](url)`` stays text, not a link."""
    return text.replace("](", "]\\(")


def cell_text(value: object) -> str:
    return str(value).replace("|", "\\|")


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cell_text(value) for value in row) + " |" for row in rows]
    return [*out, ""]


def ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


class Study:
    def __init__(self, run: Path, actions: dict[str, str]) -> None:
        self.manifest = sheet.read_manifest(run / "manifest.tsv")
        self.population = read_population(run / "population.tsv")
        self.settings = json.loads((run / "study.json").read_text(encoding="utf-8"))
        self.runs = sheet.read_tsv(run / "runs.tsv", ("file", "diff_wrote_nothing", "stderr"))
        verdicts = read_verdicts(run / "sheets")
        self.findings = [item for item in verdicts if item.kind == "finding"]
        self.plain = [item for item in verdicts if item.kind == "fix"]
        self.unsafe = [item for item in verdicts if item.kind == "unsafe-fix"]
        self.actions = actions
        self.overall = score(self.population, self.findings, lambda cell: True)
        self.errors = score(self.population, self.findings, lambda cell: cell[2] == "error")

    def pending(self) -> int:
        return sum(not item.verdict for item in self.findings + self.plain + self.unsafe)

    def rules(self) -> dict[str, Score]:
        names = sorted({cell[1] for cell in self.population})
        return {name: score(self.population, self.findings, where(1, name)) for name in names}

    def lists(self) -> dict[str, Score]:
        names = [row["file"] for row in self.manifest]
        return {name: score(self.population, self.findings, where(0, name)) for name in names}

    def summary(self) -> list[str]:
        plain, unsafe = hunk_counts(self.plain), hunk_counts(self.unsafe)
        rows = [
            ("code", self.settings.get("version", "?")),
            ("lists", len(self.manifest)),
            ("errors + warnings found", self.overall.findings),
            (
                "judged (TRUE / FALSE)",
                f"{self.overall.judged} ({self.overall.true} / {self.overall.false})",
            ),
            (
                "precision, errors + warnings: judged / estimated",
                f"{ratio(self.overall.precision())} / {ratio(self.overall.estimate())}",
            ),
            self.without_largest_rule(),
            (
                "precision, errors alone: judged / estimated",
                f"{ratio(self.errors.precision())} / {ratio(self.errors.estimate())}",
            ),
            ("plain-fix hunks: harmless / harmful", f"{plain['harmless']} / {plain['harmful']}"),
            ("unsafe-fix hunks: harmless / harmful", f"{unsafe['harmless']} / {unsafe['harmful']}"),
            ("items not judged yet", self.pending()),
        ]
        return table(("", ""), rows)

    def without_largest_rule(self) -> tuple[str, str]:
        """Precision of the errors and warnings of every rule but the one with most findings: a
        rule that is most of a study (trailing-whitespace, 629 of 760 in study 27) would
        otherwise decide the overall figure alone."""
        found = {name: s.findings for name, s in self.rules().items()}
        largest = max(found, key=lambda name: found[name], default="")
        rest = score(self.population, self.findings, lambda cell: cell[1] != largest)
        return (
            f"precision, errors + warnings but {largest} ({found.get(largest, 0)} of"
            f" {self.overall.findings}): judged / estimated",
            f"{ratio(rest.precision())} / {ratio(rest.estimate())}",
        )

    def targets(self) -> list[str]:
        weak = [
            f"{name} {ratio(s.estimate())}"
            for name, s in self.rules().items()
            if s.judged >= RULE_MIN_JUDGED and (s.estimate() or 0) < TARGET_RULE_PRECISION
        ]
        noisy = [
            f"{name} {s.estimated_false():.0f}"
            for name, s in self.lists().items()
            if s.estimated_false() > TARGET_LIST_FALSE + 1e-9
        ]
        harmful = [item.id for item in self.plain if item.verdict == "harmful"]
        overall = self.overall.estimate() or 0
        rows = [
            (
                f"precision of errors + warnings ≥ {TARGET_PRECISION}",
                f"{overall:.3f}",
                verdict_word(overall >= TARGET_PRECISION),
            ),
            (
                f"no rule with ≥ {RULE_MIN_JUDGED} judged below {TARGET_RULE_PRECISION}",
                ", ".join(weak) or "none",
                verdict_word(not weak),
            ),
            (
                f"no list with more than {TARGET_LIST_FALSE} false errors or warnings (estimated)",
                ", ".join(noisy) or "none",
                verdict_word(not noisy),
            ),
            (
                "zero harmful plain-fix hunks",
                ", ".join(harmful) or "none",
                verdict_word(not harmful),
            ),
        ]
        note = (
            ["(targets are provisional while items remain unjudged)", ""] if self.pending() else []
        )
        return table(("target", "measured", ""), rows) + note

    def rule_table(self) -> list[str]:
        info = Counter[str]()
        for (_, rule, severity), size in self.population.items():
            if severity == "info":
                info[rule] += size
        rows = [
            (
                f"`{name}`",
                s.findings,
                s.judged,
                s.true,
                s.false,
                ratio(s.precision()),
                ratio(s.estimate()),
                info[name],
            )
            for name, s in self.rules().items()
        ]
        header = (
            "rule",
            "errors + warnings",
            "judged",
            "TRUE",
            "FALSE",
            "precision (judged)",
            "precision (estimated)",
            "info (not judged)",
        )
        return table(header, rows)

    def list_table(self) -> list[str]:
        rows = []
        for name, s in self.lists().items():
            plain = hunk_counts(item for item in self.plain if item.list == name)
            unsafe = hunk_counts(item for item in self.unsafe if item.list == name)
            rows.append(
                (
                    name,
                    s.findings,
                    s.judged,
                    s.false,
                    ratio(s.precision()),
                    f"{s.estimated_false():.1f}",
                    f"{plain['harmless']} / {plain['harmful']}",
                    f"{unsafe['harmless']} / {unsafe['harmful']}",
                )
            )
        header = (
            "list",
            "errors + warnings",
            "judged",
            "FALSE",
            "precision (judged)",
            "false (estimated)",
            "plain hunks ok / harmful",
            "unsafe hunks ok / harmful",
        )
        return table(header, rows)

    def class_table(self) -> list[str]:
        bad = [
            item
            for item in self.findings + self.plain + self.unsafe
            if item.verdict in ("FALSE", "harmful")
        ]
        by_class: dict[str, list[Verdict]] = defaultdict(list)
        for item in bad:
            by_class[item.klass].append(item)
        rows = []
        for klass, members in sorted(by_class.items(), key=lambda pair: -len(pair[1])):
            kinds = Counter(item.kind for item in members)
            rows.append(
                (
                    f"`{klass}`",
                    kinds["finding"],
                    kinds["fix"],
                    kinds["unsafe-fix"],
                    ", ".join(sorted({rule for item in members for rule in item.rule.split(",")})),
                    len({item.list for item in members}),
                    "; ".join(f"{item.id}: {prose(item.reason)}" for item in members[:2]),
                    self.actions.get(klass, "–"),
                )
            )
        header = (
            "class",
            "false findings",
            "harmful plain hunks",
            "harmful unsafe hunks",
            "rules",
            "lists",
            "examples",
            "what was done",
        )
        return table(header, rows)

    def unsafe_table(self) -> list[str]:
        rows = [
            (
                item.id,
                f"{item.list}:{item.line}",
                item.rule,
                item.verdict or "pending",
                item.klass,
                prose(item.reason),
            )
            for item in self.unsafe
        ] or [("none", "", "", "", "", "")]
        return table(("hunk", "where", "rules", "verdict", "class", "reason"), rows)

    def failures(self) -> list[str]:
        """Runs that did not end normally, and ``--diff`` runs that wrote to the list."""
        rows = [
            (row["file"], row["stderr"] or "–", row["diff_wrote_nothing"])
            for row in self.runs
            if row["stderr"] or row["diff_wrote_nothing"] != "True"
        ] or [("none", "", "")]
        return table(("list", "error", "--diff wrote nothing"), rows)

    def list_sources(self) -> list[str]:
        rows = [
            (
                row["file"],
                f"[{row['repo']}](https://github.com/{row['repo']})@`{row['commit']}`",
                f"`{row['path']}`",
                row.get("field", ""),
                row.get("language", ""),
                row.get("entries", ""),
                row.get("shape", ""),
            )
            for row in self.manifest
        ]
        header = ("list", "repository@commit", "path", "field", "language", "entries", "shape")
        return table(header, rows)

    def markdown(self) -> list[str]:
        sections = [
            ("Summary", self.summary),
            ("Targets", self.targets),
            ("By rule", self.rule_table),
            ("By list", self.list_table),
            ("False findings and harmful hunks by class", self.class_table),
            ("Unsafe-fix hunks", self.unsafe_table),
            ("Runs that failed", self.failures),
            ("The lists", self.list_sources),
        ]
        out: list[str] = []
        for title, build in sections:
            out += [f"### {title}", "", *build()]
        return out


def verdict_word(passed: bool) -> str:
    return "met" if passed else "**not met**"


# ----------------------------------------------------------------------------- main


def markers(label: str | None) -> tuple[str, str]:
    """The comment lines that enclose one study's tables; unlabelled for the first study."""
    name = f"tally {label}" if label else "tally"
    return f"<!-- {name}: begin -->", f"<!-- {name}: end -->"


def write(path: Path, body: list[str], label: str | None = None) -> None:
    begin, end = markers(label)
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Precision\n\n{begin}\n{end}\n"
    if begin not in text or end not in text:
        raise sheet.SheetError(f"{path}: no {begin} ... {end} markers to write between")
    before, rest = text.split(begin, 1)
    after = rest.split(end, 1)[1]
    path.write_text(before + begin + "\n" + "\n".join(body) + end + after, encoding="utf-8")


def read_actions(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    return {
        row["class"].lower(): row["action"] for row in sheet.read_tsv(path, ("class", "action"))
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", type=Path, help="the folder run_study.py wrote (with sheets/)")
    parser.add_argument("--output", type=Path, help="markdown file to write the tables into")
    parser.add_argument("--actions", type=Path, help="TSV: class, action (what was done)")
    parser.add_argument("--label", help="the study's own markers in --output (several studies)")
    options = parser.parse_args(argv)
    try:
        study = Study(options.run, read_actions(options.actions))
        body = study.markdown()
        if options.output:
            write(options.output, body, options.label)
        else:
            print("\n".join(body))
    except (sheet.SheetError, OSError, ValueError, KeyError) as error:
        print(f"tally: {error}", file=sys.stderr)
        return 2
    if study.pending():
        print(f"tally: {study.pending()} item(s) not judged yet", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
