"""Run a blind precision study and write the sheets its judges fill in.

For every list of the manifest, each on a fresh copy, run the installed ``awesome-tidy``:
``check --format json``, ``fix --diff``, ``fix --diff --unsafe-fixes``, ``fix`` and
``fix --unsafe-fixes`` (all ``--isolated``); keep the raw outputs in raw/, then

- sample the errors and warnings, stratified by list and rule with a fixed seed (``sample``), and
- diff each list against what ``fix`` (and ``fix --unsafe-fixes``) wrote, cut into small hunks
  (changes closer than ``2 * context`` lines share a hunk); an unsafe hunk that the plain run
  makes as well is judged once, as a plain hunk,

and deal lists out to bundles of roughly equal work, one markdown sheet to read and one TSV sheet
to fill per bundle. ``tally.py`` reads the filled TSV sheets. See README.md in this folder.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sheet  # a sibling module: ``python benchmarks/precision/run_study.py`` puts it on sys.path

TIMEOUT = 900  # seconds for one command on one list; a hang is recorded as exit -9
SHOWN_HUNK_LINES = 80  # longer hunks are cut in the markdown sheet; the raw diff keeps them whole
SHOWN_LINE_CHARS = 1000


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    fixable: bool
    related_line: int | None


@dataclass
class Change:
    """One run of removed and added lines; ``start`` is the first old line (1-based) it touches."""

    start: int
    removed: list[str]
    added: list[str]

    @property
    def end(self) -> int:  # the last old line it touches (start - 1 for a pure insertion)
        return self.start + len(self.removed) - 1

    def key(self) -> tuple[int, tuple[str, ...], tuple[str, ...]]:
        return (self.start, tuple(self.removed), tuple(self.added))

    @property
    def whitespace_only(self) -> bool:
        return squeeze("".join(self.removed)) == squeeze("".join(self.added))


@dataclass
class Hunk:
    file: str
    kind: str  # "fix" (plain) or "unsafe-fix"
    changes: list[Change]
    rules: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.changes[0].start

    @property
    def end(self) -> int:
        return max(change.end for change in self.changes)

    @property
    def whitespace_only(self) -> bool:
        return all(change.whitespace_only for change in self.changes)

    def lines_changed(self) -> set[int]:
        """Old lines the hunk removes or rewrites; an insertion counts the lines either side."""
        found: set[int] = set()
        for change in self.changes:
            found |= set(range(change.start, change.end + 1)) or {change.start - 1, change.start}
        return found


@dataclass
class ListRun:
    entry: dict[str, str]
    lines: list[str]
    findings: list[Finding]
    hunks: list[Hunk]
    status: dict[str, object]


@dataclass
class Item:
    """One thing a judge decides: a sampled finding or a hunk."""

    id: str
    kind: str
    file: str
    line: int
    rule: str
    severity: str
    message: str
    finding: Finding | None = None
    hunk: Hunk | None = None

    def row(self) -> dict[str, object]:
        """The item's row of the TSV sheet (``sheet.SHEET_COLUMNS``), verdict left empty."""
        return {
            "id": self.id,
            "kind": self.kind,
            "list": self.file,
            "line": self.line,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
        }


# ----------------------------------------------------------------------------- running the tool

RUNS = {  # what a list goes through, each on its own copy: name -> awesome-tidy arguments
    "check": ("check", "--format", "json"),
    "fix-diff": ("fix", "--diff"),
    "unsafe-diff": ("fix", "--diff", "--unsafe-fixes"),
    "fix": ("fix",),
    "unsafe": ("fix", "--unsafe-fixes"),
}


class Tool:
    def __init__(self, executable: str, workdir: Path) -> None:
        self.executable = executable
        self.workdir = workdir

    def run(
        self, name: str, data: bytes, run: str
    ) -> tuple[subprocess.CompletedProcess[str], bytes]:
        """Run on a fresh copy of the list in a folder of the run's name; return what it left."""
        folder = self.workdir / run
        folder.mkdir(exist_ok=True)
        (folder / name).write_bytes(data)
        command = [self.executable, *RUNS[run], "--isolated", "--jobs", "1", name]
        try:
            done = subprocess.run(
                command, cwd=folder, capture_output=True, text=True, timeout=TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            done = subprocess.CompletedProcess(command, -9, "", f"timed out after {TIMEOUT} s")
        return done, (folder / name).read_bytes()

    def version(self) -> str:
        done = subprocess.run(
            [self.executable, "--version"], capture_output=True, text=True, check=False
        )
        return done.stdout.strip() or done.stderr.strip()


def code_commit() -> str:
    """The commit of this checkout, marked ``+changes`` when its tracked files differ from it:
    the study's figure belongs to that code."""
    here = Path(__file__).parent

    def git(*arguments: str) -> str:
        done = subprocess.run(
            ["git", *arguments], cwd=here, capture_output=True, text=True, check=False
        )
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD")
    return (
        f"{head}+changes" if head and git("status", "--porcelain", "--untracked-files=no") else head
    )


def blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def load_list(entry: dict[str, str], lists: Path) -> bytes:
    """The list's bytes, checked against the manifest's size and git blob id where it has them."""
    path = lists / entry["file"]
    if not path.is_file():
        raise sheet.SheetError(f"{path}: no such list (manifest row {entry['_at']})")
    data = path.read_bytes()
    if entry.get("bytes") and int(entry["bytes"]) != len(data):
        raise sheet.SheetError(f"{path}: {len(data)} bytes, the manifest says {entry['bytes']}")
    if entry.get("blob") and entry["blob"] != blob_id(data):
        raise sheet.SheetError(f"{path}: not the blob {entry['blob']} of {entry['repo']}")
    return data


def text_lines(data: bytes) -> list[str]:
    return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def run_list(tool: Tool, entry: dict[str, str], data: bytes, raw: Path) -> ListRun:
    """All five runs on one list; the hunks come from the files ``fix`` really wrote.

    The ``--diff`` outputs are kept in raw/ as the tool printed them, and the copies they ran on
    are checked to be untouched.
    """
    name = entry["file"]
    done = {run: tool.run(name, data, run) for run in RUNS}
    for run, (process, _) in done.items():
        (raw / f"{Path(name).stem}.{run}.out").write_text(process.stdout, encoding="utf-8")
        (raw / f"{Path(name).stem}.{run}.err").write_text(process.stderr, encoding="utf-8")
    check = done["check"][0]
    findings = parse_findings(name, check.stdout) if check.returncode in (0, 1) else []
    lines = text_lines(data)
    fixed = {run: text_lines(done[run][1]) for run in ("fix", "unsafe")}
    hunks = study_hunks(name, lines, fixed["fix"], fixed["unsafe"], findings)
    status: dict[str, object] = {f"{run}_exit": done[run][0].returncode for run in RUNS}
    status["file"] = name
    status["diff_wrote_nothing"] = all(done[run][1] == data for run in ("fix-diff", "unsafe-diff"))
    status["stderr"] = " | ".join(
        f"{run}: {process.stderr.strip().splitlines()[-1]}"
        for run, (process, _) in done.items()
        if process.returncode not in (0, 1) and process.stderr.strip()
    )
    return ListRun(entry, lines, findings, hunks, status)


def parse_findings(name: str, report: str) -> list[Finding]:
    return [
        Finding(
            file=name,
            line=int(item["line"]),
            column=int(item["column"]),
            end_line=int(item.get("end_line") or item["line"]),
            end_column=int(item.get("end_column") or item["column"]),
            rule=str(item["rule"]),
            severity=str(item["severity"]),
            message=str(item["message"]),
            fixable=bool(item.get("fixable")),
            related_line=item.get("related_line"),
        )
        for item in json.loads(report or "[]")
    ]


# ----------------------------------------------------------------------------- diffs into hunks


def changes(old: list[str], new: list[str]) -> list[Change]:
    """The runs of replaced, deleted and inserted lines that turn ``old`` into ``new``."""
    found: list[Change] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            found += refine(old[i1:i2], new[j1:j2], i1)
        elif tag != "equal":
            found.append(Change(i1 + 1, old[i1:i2], new[j1:j2]))
    return found


def refine(old: list[str], new: list[str], offset: int) -> list[Change]:
    """Split a replaced block: a line that only changed in whitespace becomes its own -/+ pair.

    Without this, difflib shows a re-indented stretch with a deleted entry in it as all the old
    lines followed by all the new ones, which no judge can read.
    """
    found: list[Change] = []
    keys = ([squeeze(line) for line in old], [squeeze(line) for line in new])
    matcher = difflib.SequenceMatcher(None, *keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            found.append(Change(offset + i1 + 1, old[i1:i2], new[j1:j2]))
            continue
        pairs = zip(range(i1, i2), range(j1, j2), strict=True)
        found += [Change(offset + i + 1, [old[i]], [new[j]]) for i, j in pairs if old[i] != new[j]]
    return found


def squeeze(text: str) -> str:
    return "".join(text.split())


def group(runs: Sequence[Change], name: str, kind: str, context: int) -> list[Hunk]:
    """Changes closer than ``2 * context`` lines share a hunk, whitespace-only changes apart.

    A wholesale re-indentation and a deleted entry in the middle of it are then judged apart.
    """
    hunks: list[Hunk] = []
    for blank in (True, False):
        mine: list[Hunk] = []
        for change in sorted(runs, key=lambda change: change.start):
            if change.whitespace_only != blank:
                continue
            if mine and change.start - mine[-1].end - 1 <= 2 * context:
                mine[-1].changes.append(change)
            else:
                mine.append(Hunk(name, kind, [change]))
        hunks += mine
    return sorted(hunks, key=lambda hunk: hunk.start)


def study_hunks(
    name: str,
    lines: list[str],
    fixed: list[str],
    unsafe: list[str],
    findings: list[Finding],
    context: int = 2,
) -> list[Hunk]:
    """Plain hunks, then the unsafe run's hunks that the plain run does not make as well."""
    plain = changes(lines, fixed)
    seen = {change.key() for change in plain}
    extra = [change for change in changes(lines, unsafe) if change.key() not in seen]
    hunks = group(plain, name, "fix", context) + group(extra, name, "unsafe-fix", context)
    for hunk in hunks:
        lines_changed = hunk.lines_changed()
        touching = [f for f in findings if lines_changed & set(range(f.line, f.end_line + 1))]
        hunk.rules = sorted({f.rule for f in touching if f.fixable} or {f.rule for f in touching})
        hunk.notes = [f"line {f.line}: {f.rule}: {f.message}" for f in touching]
    return hunks


# ----------------------------------------------------------------------------- sampling


@dataclass
class Stratum:
    """The findings of one rule (at one severity) on one list, in a seeded random order."""

    file: str
    rule: str
    severity: str
    findings: list[Finding]
    take: int = 0

    @property
    def size(self) -> int:
        return len(self.findings)


def strata(findings: Iterable[Finding], seed: int) -> list[Stratum]:
    cells: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.severity in sheet.JUDGED_SEVERITIES:
            cells[(finding.file, finding.rule, finding.severity)].append(finding)
    result = []
    for (name, rule, severity), members in sorted(cells.items()):
        random.Random(f"{seed}:{name}:{rule}:{severity}").shuffle(members)
        result.append(Stratum(name, rule, severity, members))
    return result


def top_up(cells: list[Stratum], floor: int, order: random.Random) -> None:
    """Add findings one at a time, to the least sampled cell first, until ``floor`` are taken."""
    order.shuffle(cells)
    while sum(cell.take for cell in cells) < floor:
        open_cells = [cell for cell in cells if cell.take < cell.size]
        if not open_cells:
            return
        min(open_cells, key=lambda cell: cell.take / cell.size).take += 1


def sample(findings: Iterable[Finding], options: argparse.Namespace) -> list[Stratum]:
    """How many findings of each (list, rule) cell to judge; each cell's first ``take`` are judged.

    In order: every error and warning of a list with at most ``list_all`` of them; at least
    ``rule_floor`` per rule (all when it has fewer), spread over the lists; at least ``list_all``
    per list; then, up to ``cap`` in all, one more to the cell with the most findings per judged
    one, never beyond ``cell_cap`` a cell. A cell's judged findings are a uniform sample of it, so
    tally.py weighs each by cell size / judged in cell to estimate the precision of all findings.
    """
    cells = strata(findings, options.seed)
    order = random.Random(options.seed)
    by_list: dict[str, list[Stratum]] = defaultdict(list)
    by_rule: dict[str, list[Stratum]] = defaultdict(list)
    for cell in cells:
        by_list[cell.file].append(cell)
        by_rule[cell.rule].append(cell)
    for members in by_list.values():
        if sum(cell.size for cell in members) <= options.list_all:
            for cell in members:
                cell.take = cell.size
    for members in by_rule.values():
        top_up(members, min(options.rule_floor, sum(cell.size for cell in members)), order)
    for members in by_list.values():
        top_up(members, min(options.list_all, sum(cell.size for cell in members)), order)
    while sum(cell.take for cell in cells) < options.cap:
        open_cells = [c for c in cells if c.take < min(c.size, options.cell_cap)]
        if not open_cells:
            break
        max(open_cells, key=lambda cell: cell.size / (cell.take + 1)).take += 1
    return cells


# ----------------------------------------------------------------------------- items and bundles


def items_for(runs: Sequence[ListRun], cells: Sequence[Stratum]) -> dict[str, list[Item]]:
    """Every item to judge, by list: sampled findings by rule and line, then hunks by line."""
    chosen: dict[str, list[Finding]] = defaultdict(list)
    for cell in cells:
        chosen[cell.file] += cell.findings[: cell.take]
    items: dict[str, list[Item]] = {}
    counter = Counter[str]()
    for run in runs:
        name = run.entry["file"]
        found = sorted(chosen[name], key=lambda f: (f.rule, f.line, f.column))
        items[name] = [finding_item(f, counter) for f in found]
        items[name] += [hunk_item(h, counter) for h in run.hunks]
    return items


def finding_item(finding: Finding, counter: Counter[str]) -> Item:
    counter["F"] += 1
    return Item(
        id=f"F{counter['F']:04d}",
        kind="finding",
        file=finding.file,
        line=finding.line,
        rule=finding.rule,
        severity=finding.severity,
        message=finding.message,
        finding=finding,
    )


def hunk_item(hunk: Hunk, counter: Counter[str]) -> Item:
    prefix = "P" if hunk.kind == "fix" else "U"
    counter[prefix] += 1
    changed = sum(len(change.removed) + len(change.added) for change in hunk.changes)
    return Item(
        id=f"{prefix}{counter[prefix]:04d}",
        kind=hunk.kind,
        file=hunk.file,
        line=hunk.start,
        rule=",".join(hunk.rules) or "?",
        severity="unsafe" if hunk.kind == "unsafe-fix" else "safe",
        message=f"{changed} changed line(s)"
        + (", whitespace only" if hunk.whitespace_only else ""),
        hunk=hunk,
    )


def deal(items: dict[str, list[Item]], bundles: int) -> list[list[str]]:
    """Lists to bundles, largest first to the least loaded: one list is read by one judge."""
    loads = [0] * bundles
    dealt: list[list[str]] = [[] for _ in range(bundles)]
    for name in sorted(items, key=lambda name: (-len(items[name]), name)):
        emptiest = loads.index(min(loads))
        dealt[emptiest].append(name)
        loads[emptiest] += len(items[name])
    return dealt


# ----------------------------------------------------------------------------- the sheets

INSTRUCTIONS = """\
Judge by reading the lines shown (the whole list is `work/check/<list>` in the run's folder).
Write your verdict in the TSV sheet of this bundle, on the row with the item's id: `verdict`, and
for every FALSE or harmful item a short `class` (kebab-case, the same words for the same cause:
see README.md) and a one-line `reason`.

- **Finding**: `TRUE` when the message names a real defect at that place that the list's maintainer
  would want to know about; `FALSE` when it is not a defect: a misread entry shape, the list's own
  convention, something GitHub renders as intended, a real name or title.
- **Fix hunk** (`-` old line, `+` new line): `harmless` when the change fixes a real defect or only
  normalises what the list itself does everywhere else, and a maintainer could accept it unread;
  `harmful` when it changes a word or punctuation mark a human wrote (beyond the defect itself),
  drops or adds an entry, link or heading that should stay, leaves a new defect, or restyles lines
  GitHub already renders correctly.
"""


def fence(lines: Sequence[str], least: int = 3) -> str:
    """Backticks longer than any run of them in the lines, so that none can close the code."""
    longest = max((len(run) for line in lines for run in re.findall("`+", line)), default=0)
    return "`" * max(least, longest + 1)


def shown(text: str) -> str:
    return text if len(text) <= SHOWN_LINE_CHARS else text[:SHOWN_LINE_CHARS] + " …"


def numbered(lines: Sequence[str], first: int, last: int, marked: range) -> list[str]:
    first, last = max(first, 1), min(last, len(lines))
    return [
        f"{'>' if number in marked else ' '} {number:>5} | {shown(lines[number - 1])}"
        for number in range(first, last + 1)
    ]


def code_block(body: list[str]) -> list[str]:
    marker = fence(body)
    return [marker + "text", *body, marker, ""]


def finding_block(item: Item, lines: Sequence[str], context: int) -> list[str]:
    found = item.finding
    assert found is not None
    out = [f"#### {item.id} · line {found.line} · {found.severity} · `{found.rule}`", ""]
    out += [f"message: {found.message}", ""]
    if found.end_line == found.line and 0 < found.line <= len(lines):
        fragment = lines[found.line - 1][found.column - 1 : found.end_column - 1]
        if fragment.strip():
            ticks = fence([fragment], least=2)
            out += [f"fragment (column {found.column}): {ticks} {fragment} {ticks}", ""]
    span = range(found.line, found.end_line + 1)
    out += code_block(numbered(lines, found.line - context, found.end_line + context, span))
    if found.related_line:
        related = found.related_line
        out += [f"related line {related}:", ""]
        out += code_block(numbered(lines, related - 1, related + 1, range(related, related + 1)))
    return out


def hunk_lines(hunk: Hunk, lines: Sequence[str], context: int) -> list[str]:
    body: list[str] = []
    cursor = max(hunk.start - context, 1)
    for change in hunk.changes:
        body += [f"  {n:>5} | {shown(lines[n - 1])}" for n in range(cursor, change.start)]
        body += [
            f"- {change.start + i:>5} | {shown(text)}" for i, text in enumerate(change.removed)
        ]
        body += [f"+       | {shown(text)}" for text in change.added]
        cursor = change.end + 1
    last = min(hunk.end + context, len(lines))
    body += [f"  {n:>5} | {shown(lines[n - 1])}" for n in range(cursor, last + 1)]
    if len(body) > SHOWN_HUNK_LINES:
        hidden = len(body) - SHOWN_HUNK_LINES
        body = [*body[:SHOWN_HUNK_LINES], f"… {hidden} more line(s): see raw/ for the whole diff"]
    return body


def hunk_block(item: Item, lines: Sequence[str], context: int) -> list[str]:
    hunk = item.hunk
    assert hunk is not None
    label = "plain fix" if hunk.kind == "fix" else "unsafe fix (only with --unsafe-fixes)"
    out = [f"#### {item.id} · line {hunk.start} · {label} · rules: {item.rule}", ""]
    out += [f"{item.message}", ""]
    if hunk.notes:
        out += ["findings on these lines:", "", *[f"- {note}" for note in hunk.notes], ""]
    return out + code_block(hunk_lines(hunk, lines, context))


def list_section(run: ListRun, items: Sequence[Item], context: int) -> list[str]:
    name = run.entry["file"]
    total = Counter(f.severity for f in run.findings)
    out = [f"## {name}", ""]
    out += [
        f"{total['error']} errors, {total['warning']} warnings, {total['info']} info; "
        f"{sum(item.kind == 'finding' for item in items)} findings to judge, "
        f"{sum(item.kind != 'finding' for item in items)} hunks to judge.",
        "",
    ]
    rule = None
    for item in items:
        if item.kind == "finding" and item.rule != rule:
            rule = item.rule
            count = sum(f.rule == rule for f in run.findings)
            out += [
                f"### {rule} ({judged_of(rule, items)} of {count} on this list)",
                "",
            ]
        elif item.kind != "finding" and rule != item.kind:
            rule = item.kind
            out += ["### " + ("Plain fix hunks" if rule == "fix" else "Unsafe-fix hunks"), ""]
        block = finding_block if item.kind == "finding" else hunk_block
        out += block(item, run.lines, context)
    return out


def judged_of(rule: str, items: Sequence[Item]) -> int:
    return sum(item.kind == "finding" and item.rule == rule for item in items)


def write_bundle(
    number: int,
    names: Sequence[str],
    runs: dict[str, ListRun],
    items: dict[str, list[Item]],
    out: Path,
    context: int,
) -> None:
    chosen = [item for name in names for item in items[name]]
    head = [f"# Bundle {number}: {len(names)} lists, {len(chosen)} items", "", INSTRUCTIONS]
    body = [line for name in names for line in list_section(runs[name], items[name], context)]
    (out / f"bundle-{number}.md").write_text("\n".join(head + body) + "\n", encoding="utf-8")
    rows = [item.row() for item in chosen]
    sheet.write_tsv(out / f"bundle-{number}.tsv", sheet.SHEET_COLUMNS + sheet.VERDICT_COLUMNS, rows)


def write_population(runs: Sequence[ListRun], cells: Sequence[Stratum], out: Path) -> None:
    """Every (list, rule, severity) with its count and how many were sampled: tally's weights."""
    taken = {(c.file, c.rule, c.severity): c.take for c in cells}
    counts = Counter((f.file, f.rule, f.severity) for run in runs for f in run.findings)
    rows = [
        {
            "list": key[0],
            "rule": key[1],
            "severity": key[2],
            "findings": n,
            "sampled": taken.get(key, 0),
        }
        for key, n in sorted(counts.items())
    ]
    sheet.write_tsv(
        out / "population.tsv", ("list", "rule", "severity", "findings", "sampled"), rows
    )


# ----------------------------------------------------------------------------- main


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lists", type=Path, help="folder holding the lists named in the manifest")
    parser.add_argument("manifest", type=Path, help="TSV: repo, path, commit, file (+ bytes, blob)")
    parser.add_argument("--out", type=Path, required=True, help="new folder for the run and sheets")
    parser.add_argument("--awesome-tidy", default=shutil.which("awesome-tidy"), help="executable")
    parser.add_argument("--seed", type=int, default=10, help="sampling seed (default: 10)")
    parser.add_argument("--cap", type=int, default=600, help="findings to judge in all (about)")
    parser.add_argument("--rule-floor", type=int, default=10, help="judged per rule at least")
    parser.add_argument("--list-all", type=int, default=15, help="judge all of a list up to this")
    parser.add_argument("--cell-cap", type=int, default=25, help="most judged per list and rule")
    parser.add_argument("--bundles", type=int, default=4, help="sheets for judges in parallel")
    parser.add_argument("--context", type=int, default=2, help="lines shown around each item")
    return parser.parse_args(argv)


def prepare(options: argparse.Namespace) -> tuple[list[dict[str, str]], list[bytes], Tool]:
    if not options.awesome_tidy:
        raise sheet.SheetError("awesome-tidy: not found on PATH (give --awesome-tidy)")
    if options.out.exists() and any(options.out.iterdir()):
        raise sheet.SheetError(f"{options.out}: exists and is not empty")
    manifest = sheet.read_manifest(options.manifest)
    data = [load_list(entry, options.lists) for entry in manifest]
    for folder in ("work", "raw", "sheets"):
        (options.out / folder).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(options.manifest, options.out / "manifest.tsv")
    return manifest, data, Tool(options.awesome_tidy, (options.out / "work").resolve())


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_arguments(argv)
    try:
        manifest, data, tool = prepare(options)
    except sheet.SheetError as error:
        print(f"run_study: {error}", file=sys.stderr)
        return 2
    runs = []
    for entry, content in zip(manifest, data, strict=True):
        runs.append(run_list(tool, entry, content, options.out / "raw"))
        print(f"{entry['file']}: {len(runs[-1].findings)} findings, {len(runs[-1].hunks)} hunks")
    cells = sample((f for run in runs for f in run.findings), options)
    items = items_for(runs, cells)
    by_name = {run.entry["file"]: run for run in runs}
    for number, names in enumerate(deal(items, options.bundles), start=1):
        write_bundle(number, names, by_name, items, options.out / "sheets", options.context)
    write_population(runs, cells, options.out)
    columns = ("file", *(f"{run}_exit" for run in RUNS), "diff_wrote_nothing", "stderr")
    sheet.write_tsv(options.out / "runs.tsv", columns, [run.status for run in runs])
    settings = {k: str(v) for k, v in vars(options).items()} | {
        "version": tool.version(),
        "commit": code_commit(),
    }
    (options.out / "study.json").write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    judged = sum(cell.take for cell in cells)
    hunks = sum(len(run.hunks) for run in runs)
    print(f"{judged} findings and {hunks} hunks to judge in {options.bundles} bundles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
