"""Time whole processes and their peak memory, side by side, and write docs/benchmarks.md.

Every tool runs as its own process on the same file, several times, interleaved (round after round,
the order rotated each round) so that a slow moment of the machine hits every tool alike; the
median is reported. Peak memory is the child's maximum resident set size from ``wait4``.

The peers are looked up under ``--tools`` (default ``/work/bench-tools``: a ``venv`` with
pymarkdownlnt, mdformat and rumdl, an ``npm`` prefix with markdownlint-cli2 and awesome-lint; see
benchmarks/README.md). A peer that is not installed is skipped with a note, never an error.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import itertools
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import generate  # a sibling script: ``python benchmarks/run.py`` puts its folder on sys.path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "fixtures" / "reference" / "awesome-industrial-anomaly-detection.md"
DOC = ROOT / "docs" / "benchmarks.md"
_VERSION = "import awesome_tidy; print(awesome_tidy.__version__)"
SLOW = 60.0
BEGIN, END = "<!-- results: begin -->", "<!-- results: end -->"
ADVERSARIAL_MARKERS = "<!-- adversarial: begin -->", "<!-- adversarial: end -->"
SHAPES_MARKERS = "<!-- shapes: begin -->", "<!-- shapes: end -->"
SHAPE_LISTS = {"link-rich (mixed shapes)": None, "reference shape, no links": "reference"}
"""The two 10k lists of issue 10's speed target: ``list-10k`` and ``list-10k-reference``."""
BARE_PARSE = (
    "import sys; from markdown_it import MarkdownIt; "
    "MarkdownIt('commonmark').parse(open(sys.argv[1], encoding='utf-8').read())"
)


@dataclass(frozen=True)
class Tool:
    name: str
    command: tuple[str, ...]  # "{file}" stands for the list (or the lists) to check
    version: tuple[str, ...] = ()
    missing: str | None = None  # why it cannot run here


@dataclass(frozen=True)
class Sample:
    seconds: float
    cpu_seconds: float  # user + system: what the process itself used, however busy the machine
    peak_kb: int
    exit_code: int  # -9 when it was killed at the time limit


@dataclass
class Result:
    tool: Tool
    samples: list[Sample] = field(default_factory=list)
    slow: bool = False  # measured once, see bench()

    @property
    def timed_out(self) -> bool:
        return any(sample.exit_code == -9 for sample in self.samples)

    @property
    def seconds(self) -> float:
        return statistics.median(sample.seconds for sample in self.samples)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(sample.cpu_seconds for sample in self.samples)

    @property
    def peak_mb(self) -> float:
        return statistics.median(sample.peak_kb for sample in self.samples) / 1024


def peer_tools(tools_dir: Path) -> list[Tool]:
    """The peers, each with its command, or the reason it is missing."""
    venv, npm = tools_dir / "venv" / "bin", tools_dir / "npm" / "node_modules" / ".bin"
    specs = [
        ("markdownlint-cli2", npm / "markdownlint-cli2", ("{file}",), ("--help",)),
        ("pymarkdown", venv / "pymarkdown", ("scan", "{file}"), ("version",)),
        ("mdformat --check", venv / "mdformat", ("--check", "{file}"), ("--version",)),
        ("rumdl", venv / "rumdl", ("check", "--no-cache", "{file}"), ("--version",)),
        ("awesome-lint", npm / "awesome-lint", ("{file}",), ()),
    ]
    tools = []
    for name, executable, arguments, version in specs:
        found = executable if executable.exists() else None
        if found is None and shutil.which(executable.name):
            found = Path(str(shutil.which(executable.name)))
        if found is None:
            tools.append(Tool(name, (), missing=f"not installed (looked for {executable})"))
            continue
        version_command = (str(found), *version) if version else ()
        tools.append(Tool(name, (str(found), *arguments), version_command))
    return tools


def own_tools() -> list[Tool]:
    script = shutil.which("awesome-tidy")
    command = (script,) if script else (sys.executable, "-m", "awesome_tidy")
    return [
        Tool("awesome-tidy check", (*command, "check", "{file}"), (sys.executable, "-c", _VERSION)),
        Tool("bare markdown-it-py parse", (sys.executable, "-c", BARE_PARSE, "{file}")),
    ]


def run_once(
    command: Sequence[str],
    timeout: float,
    *,
    memory_mb: int | None = None,
    stderr: IO[bytes] | None = None,
) -> Sample:
    """Run one process to its end; wall time and the peak RSS of it and its waited-for children.

    ``memory_mb`` caps the child's address space, so that a list that makes a tool's memory
    grow without bound ends in a MemoryError instead of taking the machine down.
    """
    limit = None if memory_mb is None else functools.partial(_limit_memory, memory_mb)
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=stderr or subprocess.DEVNULL,
        preexec_fn=limit,  # only setrlimit, between fork and exec
    )
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)  # already reaped: tell Popen
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(elapsed, cpu, usage.ru_maxrss, process.returncode)


def _limit_memory(megabytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))


def expand(command: Sequence[str], files: Sequence[Path]) -> list[str]:
    expanded: list[str] = []
    for part in command:
        expanded.extend(map(str, files) if part == "{file}" else [part])
    return expanded


def bench(tools: Sequence[Tool], files: Sequence[Path], runs: int, timeout: float) -> list[Result]:
    """Median of ``runs`` interleaved rounds after one warm-up round.

    A tool whose warm-up takes longer than ``SLOW`` seconds is not run again: its warm-up is its
    one measurement (reported as such), which keeps a run of the whole suite within the hour.
    A tool that hits the time limit is stopped and reported as stopped.
    """
    results = [Result(tool) for tool in tools if tool.missing is None]
    for round_number in range(runs + 1):
        shift = round_number % len(results)
        for result in results[shift:] + results[:shift]:
            if result.timed_out or result.slow:
                continue
            sample = run_once(expand(result.tool.command, files), timeout)
            if round_number == 0:
                result.slow = sample.seconds > SLOW or sample.exit_code == -9
                if not result.slow:
                    continue  # warm-up: file cache, .pyc files, node's compile cache
            result.samples.append(sample)
    return results


def version_of(tool: Tool) -> str:
    if not tool.version:
        return _npm_version(tool) or "?"
    try:
        completed = subprocess.run(tool.version, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    output = (completed.stdout + completed.stderr).strip()
    match = re.search(r"v?(\d+\.\d+(?:\.\d+)?)", output)
    return match.group(1) if match else output.splitlines()[0] if output else "?"


def _npm_version(tool: Tool) -> str | None:
    if not tool.command:
        return None
    package = Path(tool.command[0]).resolve().parent / "package.json"
    if not package.exists():
        return None
    match = re.search(r'"version":\s*"([^"]+)"', package.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def machine() -> list[str]:
    cpu = "unknown CPU"
    memory = "unknown"
    cpuinfo, meminfo = Path("/proc/cpuinfo"), Path("/proc/meminfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    if meminfo.exists():
        found = re.search(r"MemTotal:\s*(\d+) kB", meminfo.read_text())
        memory = f"{int(found.group(1)) / 1024 / 1024:.1f} GiB" if found else memory
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores available (load average at the end: {load})",
        f"- RAM: {memory}",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()}, node {_node_version()}",
        f"- awesome-tidy at commit {_commit()}",
    ]


def _commit() -> str:
    if "AWESOME_TIDY_BENCH_COMMIT" in os.environ:
        return os.environ["AWESOME_TIDY_BENCH_COMMIT"] + " (a clean export)"
    completed = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True
    )
    return completed.stdout.strip() or "unknown"


def _use_committed_tree() -> None:
    """Export HEAD and put its sources first on every child's path (colleagues' edits aside)."""
    export = Path(tempfile.mkdtemp(prefix="awesome-tidy-bench-"))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(export)], input=archive.stdout, check=True)
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    # An installed package has its bytecode compiled (pip does it at install time).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(export / "src")], check=True)
    os.environ["PYTHONPATH"] = str(export / "src")
    os.environ["AWESOME_TIDY_BENCH_COMMIT"] = head.stdout.strip()


def _node_version() -> str:
    node = shutil.which("node")
    if node is None:
        return "not installed"
    return subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()


def _ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}×" if base else "-"


def size_table(results_by_size: dict[str, list[Result]]) -> list[str]:
    lines = [
        "| list | entries | tool | time (median) | × parse | CPU × parse | peak memory | × parse "
        "| runs | exit |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, results in results_by_size.items():
        base = next(result for result in results if result.tool.name.startswith("bare"))
        for result in results:
            limit = " (stopped at the time limit)" if result.timed_out else ""
            exits = ",".join(sorted({str(sample.exit_code) for sample in result.samples}))
            lines.append(
                f"| {name} | {generate.SIZES[name]:,} | {result.tool.name}{limit} "
                f"| {result.seconds:.2f} s | {_ratio(result.seconds, base.seconds)} "
                f"| {_ratio(result.cpu_seconds, base.cpu_seconds)} "
                f"| {result.peak_mb:.0f} MB | {_ratio(result.peak_mb, base.peak_mb)} "
                f"| {len(result.samples)} | {exits} |"
            )
    return lines


def scaling_table(results_by_size: dict[str, list[Result]]) -> list[str]:
    lines = ["| tool | " + " | ".join(results_by_size) + " | each doubling |", "|---|"]
    lines[1] += "---:|" * (len(results_by_size) + 1)
    names = [tool.name for tool in own_tools()]
    for name in names:
        times = [
            next(r.seconds for r in results if r.tool.name == name)
            for results in results_by_size.values()
        ]
        steps = ", ".join(f"{after / before:.2f}×" for before, after in itertools.pairwise(times))
        cells = " | ".join(f"{seconds:.2f} s" for seconds in times)
        lines.append(f"| {name} | {cells} | {steps} |")
    return lines


def startup_table(runs: int, timeout: float) -> list[str]:
    tidy = own_tools()[0]
    imports = ("markdown_it", "typer", "markdown_it, typer")
    tools = [
        Tool("python -c pass", (sys.executable, "-c", "pass")),
        *(
            Tool(f'python -c "import {names}"', (sys.executable, "-c", f"import {names}"))
            for names in imports
        ),
        Tool("awesome-tidy --version (start, no check)", (*tidy.command[:-2], "--version")),
        Tool("awesome-tidy check (reference list)", tidy.command),
    ]
    results = bench(tools, [REFERENCE], runs, timeout)
    base = results[1]
    lines = [
        "| command | time (median) | × import markdown_it | CPU time | × import markdown_it |",
        "|---|---:|---:|---:|---:|",
    ]
    for result in results:
        lines.append(
            f"| {result.tool.name} | {result.seconds * 1000:.0f} ms "
            f"| {_ratio(result.seconds, base.seconds)} | {result.cpu_seconds * 1000:.0f} ms "
            f"| {_ratio(result.cpu_seconds, base.cpu_seconds)} |"
        )
    return lines


def jobs_table(runs: int, timeout: float, directory: Path) -> list[str]:
    tidy = own_tools()[0]
    helped = subprocess.run(
        [*tidy.command[:-2], "check", "--help"], capture_output=True, text=True
    ).stdout
    if "--jobs" not in helped:
        return ["Skipped: this `awesome-tidy check` has no `--jobs` option yet."]
    files = [directory / f"jobs-{number:02d}.md" for number in range(16)]
    for number, path in enumerate(files):
        if not path.exists():
            path.write_text(generate.generate(10_000, seed=100 + number).text, encoding="utf-8")
    command = tidy.command[:-1]
    tools = [Tool(f"--jobs {jobs}", (*command, "--jobs", str(jobs), "{file}")) for jobs in (1, 2)]
    one, two = bench(tools, files, runs, timeout)
    return [
        "| 16 lists of 10,000 entries | time (median) | peak memory |",
        "|---|---:|---:|",
        f"| `check --jobs 1` | {one.seconds:.2f} s | {one.peak_mb:.0f} MB |",
        f"| `check --jobs 2` | {two.seconds:.2f} s | {two.peak_mb:.0f} MB |",
        "",
        f"Speed-up with two jobs: {one.seconds / two.seconds:.2f}× "
        f"(peak memory is the largest single process).",
    ]


@dataclass
class Adversarial:
    """check and fix of one adversarial list: medians, and why a command did not finish."""

    kind: str
    size: int
    path: Path
    results: dict[str, Result] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)

    def seconds(self, command: str) -> float | None:
        return None if command in self.failures else self.results[command].seconds

    def cpu_seconds(self, command: str) -> float | None:
        return None if command in self.failures else self.results[command].cpu_seconds

    def peak_mb(self, command: str) -> float | None:
        return None if command in self.failures else self.results[command].peak_mb


def measure_adversarial(
    kind: str, size: int, runs: int, timeout: float, memory_mb: int, skip: set[str]
) -> Adversarial:
    """``check`` and ``fix`` (of a fresh copy each time) on one adversarial list."""
    path = generate.write_adversarial(kind, size)
    measured = Adversarial(kind, size, path)
    command = own_tools()[0].command[:-2]
    copy = path.with_name(f"fixed-{path.name}")
    for name in ("check", "fix"):
        if name in skip:
            measured.failures[name] = "not run: did not finish on a smaller list"
            continue
        result = measured.results[name] = Result(Tool(name, (*command, name, str(copy))))
        for _ in range(runs):
            shutil.copyfile(path, copy)  # fix rewrites its file: every run starts from the list
            with tempfile.TemporaryFile() as errors:
                sample = run_once(result.tool.command, timeout, memory_mb=memory_mb, stderr=errors)
                errors.seek(0)
                failure = _failure(sample, errors.read()[-2000:], timeout, memory_mb)
            result.samples.append(sample)
            if failure:
                measured.failures[name] = failure
            if failure or sample.seconds > SLOW:
                break
    copy.unlink(missing_ok=True)
    return measured


def _failure(sample: Sample, errors: bytes, timeout: float, memory_mb: int) -> str | None:
    """Why a run did not finish as it should (exit 0 or 1 without a traceback), or None."""
    if sample.exit_code == -9:
        return f"stopped at the time limit ({timeout:.0f} s)"
    if b"MemoryError" in errors:
        return f"MemoryError at the {memory_mb:,} MB limit after {sample.seconds:.1f} s"
    if b"Traceback" in errors or sample.exit_code not in (0, 1):
        last = errors.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        return f"exit {sample.exit_code}: {last[0][:120]}"
    return None


def adversarial_tables(
    runs: int, timeout: float, memory_mb: int, kinds: Sequence[str] = ()
) -> list[str]:
    """Time and memory of check and fix on each adversarial list, and their growth per doubling."""
    rows = [
        "| list | size | check | fix | check CPU | fix CPU | fix ÷ check (CPU) | check memory "
        "| fix memory |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    growth = [
        "| list | check CPU time | fix CPU time | check memory | fix memory |",
        "|---|---:|---:|---:|---:|",
    ]
    notes: list[str] = []
    for kind, (_, sizes) in generate.ADVERSARIAL.items():
        if kinds and kind not in kinds:
            continue
        measured: list[Adversarial] = []
        for size in sizes:
            skip = set(measured[-1].failures) if measured else set()
            measured.append(measure_adversarial(kind, size, runs, timeout, memory_mb, skip))
            rows.append(_adversarial_row(measured[-1]))
            print(rows[-1], file=sys.stderr, flush=True)
            notes += [
                f"- {kind} at {size:,}: `{name}` {why}."
                for name, why in measured[-1].failures.items()
                if not why.startswith("not run")
            ]
        growth.append(_growth_row(kind, measured))
    return [
        *rows,
        "",
        "Growth per doubling of the list (near-linear: about 2×):",
        "",
        *growth,
        *(["", "Did not finish:", "", *notes] if notes else []),
    ]


def _adversarial_row(measured: Adversarial) -> str:
    check, fix = measured.cpu_seconds("check"), measured.cpu_seconds("fix")
    units = {"brace-line": "bytes", "zero-width-title": "bytes", "corpus": "× the corpus"}
    unit = units.get(measured.kind, "entries")
    kilobytes = measured.path.stat().st_size / 1024
    cells = [
        _cell(measured.seconds(name), "s", measured.failures.get(name)) for name in ("check", "fix")
    ]
    cells += [
        _cell(check, "s", measured.failures.get("check")),
        _cell(fix, "s", measured.failures.get("fix")),
        f"{fix / check:.2f}×" if check and fix else "-",
        _cell(measured.peak_mb("check"), "MB", measured.failures.get("check")),
        _cell(measured.peak_mb("fix"), "MB", measured.failures.get("fix")),
    ]
    size = f"{measured.size:,} {unit} ({kilobytes:,.0f} KB)"
    return f"| {measured.kind} | {size} | " + " | ".join(cells) + " |"


def _cell(value: float | None, unit: str, failure: str | None) -> str:
    if value is not None:
        return f"{value:.2f} s" if unit == "s" else f"{value:.0f} MB"
    if failure is None or failure.startswith("not run"):
        return "not run"
    return "stopped" if failure.startswith("stopped") else "failed"


def _growth_row(kind: str, measured: list[Adversarial]) -> str:
    """Each doubling's ratio of check and fix CPU time, then of their peak memory."""
    cells = []
    for value in ("cpu_seconds", "peak_mb"):
        for command in ("check", "fix"):
            figures = [getattr(m, value)(command) for m in measured]
            steps = [f"{b / a:.2f}×" for a, b in itertools.pairwise(figures) if a and b]
            cells.append(", ".join(steps) or "-")
    return f"| {kind} | " + " | ".join(cells) + " |"


def versions(tools: Sequence[Tool]) -> list[str]:
    lines = []
    for tool in tools:
        if tool.missing:
            lines.append(f"- {tool.name}: skipped, {tool.missing}")
        elif not tool.name.startswith("bare"):
            lines.append(f"- {tool.name}: {version_of(tool)}")
    import markdown_it

    lines.append(f"- markdown-it-py: {markdown_it.__version__}")
    return lines


def write_doc(body: list[str], markers: tuple[str, str] = (BEGIN, END)) -> None:
    """Replace a measured part of docs/benchmarks.md; the prose around it stays as written."""
    begin, end = markers
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if begin not in text:
        text = text.rstrip("\n") + f"\n\n{begin}\n{end}\n"
    before, rest = text.split(begin, 1)
    after = rest.split(end, 1)[1]
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(before + begin + "\n" + "\n".join(body) + "\n" + end + after, encoding="utf-8")


def adversarial_part(args: argparse.Namespace) -> None:
    """Measure the adversarial lists and write their part of docs/benchmarks.md."""
    started = datetime.datetime.now(datetime.timezone.utc)
    body = [
        f"Measured {started:%Y-%m-%d} by `python benchmarks/run.py` ({args.adversarial_runs} "
        f"runs, medians; one run when it takes over {SLOW:.0f} s; each process limited to "
        f"{args.adversarial_timeout:.0f} s and {args.memory_limit:,} MB of address space).",
        "",
        *adversarial_tables(
            args.adversarial_runs, args.adversarial_timeout, args.memory_limit, args.kinds
        ),
        "",
        *machine(),
    ]
    if not args.kinds:  # a run of some kinds only is printed, and the published table kept
        write_doc(body, ADVERSARIAL_MARKERS)
    print("\n".join(body))


def shapes_part(args: argparse.Namespace) -> None:
    """``check`` against the bare parse on a link-rich list and a link-less one in the reference
    list's own shape (``+ (key)Title[2021]``), both at 10k entries, in one interleaved run."""
    started = datetime.datetime.now(datetime.timezone.utc)
    lines = [
        "| list | size | check | bare parse | × parse (medians) | × parse (median of rounds) "
        "| CPU × parse | runs |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, shape in SHAPE_LISTS.items():
        path = generate.DATA / f"{generate.list_name('10k', shape)}.md"
        if not path.exists():
            path = generate.write("10k", generate.SIZES["10k"], args.seed, shape=shape)
        check, parse = bench(own_tools(), [path], args.shape_runs, args.timeout)
        rounds = [a.seconds / b.seconds for a, b in zip(check.samples, parse.samples, strict=True)]
        lines.append(
            f"| {label} | {path.stat().st_size / 1e6:.2f} MB | {check.seconds:.3f} s "
            f"| {parse.seconds:.3f} s | {_ratio(check.seconds, parse.seconds)} "
            f"| {statistics.median(rounds):.2f}× | {_ratio(check.cpu_seconds, parse.cpu_seconds)} "
            f"| {len(check.samples)} |"
        )
    body = [
        f"Measured {started:%Y-%m-%d} by `python benchmarks/run.py --shapes-only` "
        f"({args.shape_runs} interleaved rounds after one warm-up, medians; whole processes).",
        "",
        *lines,
        "",
        *machine(),
    ]
    write_doc(body, SHAPES_MARKERS)
    print("\n".join(body))


def data_files(names: Sequence[str], seed: int) -> dict[str, Path]:
    paths = {}
    for name in names:
        path = generate.DATA / f"list-{name}.md"
        paths[name] = path if path.exists() else generate.write(name, generate.SIZES[name], seed)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="*", default=["1k", "10k", "100k"])
    parser.add_argument("--scaling", nargs="*", default=["25k", "50k", "100k"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big-runs", type=int, default=3, help="runs at 50k entries and more")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per process")
    parser.add_argument("--tools", type=Path, default=Path("/work/bench-tools"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--skip", nargs="*", default=[], help="parts to skip: peers jobs adversarial shapes"
    )
    parser.add_argument(
        "--adversarial-only", action="store_true", help="measure only the adversarial lists"
    )
    parser.add_argument(
        "--kinds", nargs="*", default=[], help="adversarial lists to measure (default: all)"
    )
    parser.add_argument("--adversarial-runs", type=int, default=3)
    parser.add_argument(
        "--shapes-only",
        action="store_true",
        help="measure only check against the parse on the two 10k shapes (issue 10)",
    )
    parser.add_argument("--shape-runs", type=int, default=5)
    parser.add_argument("--adversarial-timeout", type=float, default=300.0)
    parser.add_argument("--memory-limit", type=int, default=4096, help="MB, adversarial lists")
    parser.add_argument(
        "--committed",
        action="store_true",
        help="measure the last commit (a clean export of HEAD), not the working tree",
    )
    args = parser.parse_args(argv)
    # Without its .pyc files every start would compile every module again, which no installed
    # tool pays: the warm-up round writes them.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    if args.committed:
        _use_committed_tree()
    if "shapes" not in args.skip and not args.adversarial_only:
        shapes_part(args)
    if args.shapes_only:
        return 0
    if "adversarial" not in args.skip:
        adversarial_part(args)
    if args.adversarial_only:
        return 0
    started = datetime.datetime.now(datetime.timezone.utc)
    peers = [] if "peers" in args.skip else peer_tools(args.tools)
    files = data_files(
        sorted({*args.sizes, *args.scaling}, key=generate.SIZES.__getitem__), args.seed
    )
    by_size: dict[str, list[Result]] = {}
    notes: list[str] = []
    for name, path in files.items():
        runs = args.big_runs if generate.SIZES[name] >= 50_000 else args.runs
        chosen = own_tools() + (peers if name in args.sizes else [])
        print(f"{name}: {', '.join(t.name for t in chosen if not t.missing)}", file=sys.stderr)
        by_size[name] = bench(chosen, [path], runs, args.timeout)
        # A peer stopped at the time limit would only be stopped again on a larger list.
        stopped = {
            result.tool.name
            for result in by_size[name]
            if result.timed_out and result.tool in peers
        }
        notes += [
            f"{tool} was stopped at the time limit on the {name} list and not run on larger ones."
            for tool in sorted(stopped)
        ]
        peers = [
            Tool(peer.name, (), missing=f"not run: stopped at the time limit on the {name} list")
            if peer.name in stopped
            else peer
            for peer in peers
        ]
    body = [
        f"Measured {started:%Y-%m-%d} by `python benchmarks/run.py` "
        f"({args.runs} runs, {args.big_runs} at 50k entries and more, medians, one warm-up).",
        "",
        "### Lists of papers, every tool",
        "",
        *size_table({name: by_size[name] for name in args.sizes}),
        "",
        *notes,
        *([""] if notes else []),
        "### Scaling",
        "",
        *scaling_table({name: by_size[name] for name in args.scaling}),
        "",
        "### Start-up",
        "",
        *startup_table(max(args.runs, 20), args.timeout),
        "",
        "### Many files",
        "",
        *(["Skipped."] if "jobs" in args.skip else []),
        *([] if "jobs" in args.skip else jobs_table(args.runs, args.timeout, generate.DATA)),
        "",
        "### Machine and versions",
        "",
        *machine(),
        *versions(own_tools()[:1] + peer_tools(args.tools)),
    ]
    write_doc(body)
    print("\n".join(body))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
