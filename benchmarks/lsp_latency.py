"""How fast the language server answers an editor: the whole server over stdio, as a client sees it.

For the reference list and a generated 10k-entry list, each opened from a temporary folder (no
configuration file applies):

- open: from ``didOpen`` to the first ``publishDiagnostics`` (the server's first check, cold);
- change: from an incremental ``didChange`` (one character typed into a title, then deleted
  again) to the diagnostics of that version, on a warm server, one change at a time; this
  includes the pause the server waits after a change before it checks;
- typing: 20 characters typed 100 ms apart into the 10k list, and how many checks the server ran
  for them (the pause grows with what a check costs, so a large list is not checked per key);
- responsiveness: hover requests on the reference list while the server checks the 10k list,
  against the same requests on an idle server (the checks run off the event loop).

``python benchmarks/lsp_latency.py`` prints the results; ``--write`` also puts them into the
language server section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

# Sibling scripts: ``python benchmarks/lsp_latency.py`` puts this folder on the path.
import generate
import run

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "fixtures" / "reference" / "awesome-industrial-anomaly-detection.md"
BEGIN, END = "<!-- lsp: begin -->", "<!-- lsp: end -->"
SERVER = [sys.executable, "-m", "awesome_tidy", "server"]


@dataclass
class Document:
    uri: str
    text: str
    version: int = 1
    line: int = 0
    """The line edited: the first entry's."""


@dataclass
class Session:
    """A client connected to the server, with the time each version's diagnostics arrived."""

    client: LanguageClient
    arrived: dict[tuple[str, int], float] = field(default_factory=dict)

    async def diagnostics(self, doc: Document, version: int, timeout: float = 120.0) -> float:
        deadline = time.perf_counter() + timeout
        while (doc.uri, version) not in self.arrived:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no diagnostics for {doc.uri} version {version}")
            await asyncio.sleep(0.001)
        return self.arrived[(doc.uri, version)]

    def cpu_seconds(self) -> float:
        """CPU time the server and its checking processes used so far (Linux; 0 elsewhere)."""
        server = self.client._server
        if server is None or not Path(f"/proc/{server.pid}/stat").exists():
            return 0.0
        children = Path(f"/proc/{server.pid}/task").glob("*/children")
        pids = [server.pid, *(int(pid) for task in children for pid in task.read_text().split())]
        return sum(_cpu_seconds(pid) for pid in pids)

    def checks_of(self, doc: Document) -> int:
        return sum(1 for uri, _ in self.arrived if uri == doc.uri)

    async def open(self, path: Path) -> tuple[Document, float]:
        text = path.read_text(encoding="utf-8")
        doc = Document(path.as_uri(), text, line=_first_entry_line(text))
        item = types.TextDocumentItem(uri=doc.uri, language_id="markdown", version=1, text=text)
        sent = time.perf_counter()
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        return doc, await self.diagnostics(doc, 1) - sent

    def type_key(self, doc: Document) -> int:
        """Type an ``x`` at the end of the edited line, or delete the one typed before."""
        doc.version += 1
        line = doc.text.split("\n")[doc.line]
        typed = line.endswith("x")
        end = types.Position(line=doc.line, character=len(line))
        start = types.Position(line=doc.line, character=len(line) - typed)
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start=start, end=end), text="" if typed else "x"
        )
        lines = doc.text.split("\n")
        lines[doc.line] = line[:-1] if typed else line + "x"
        doc.text = "\n".join(lines)
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=doc.uri, version=doc.version
                ),
                content_changes=[change],
            )
        )
        return doc.version

    async def change_latency(self, doc: Document) -> float:
        sent = time.perf_counter()
        version = self.type_key(doc)
        return await self.diagnostics(doc, version) - sent

    async def hover_latency(self, doc: Document) -> float:
        params = types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=doc.uri),
            position=types.Position(line=doc.line, character=2),
        )
        sent = time.perf_counter()
        await self.client.text_document_hover_async(params)
        return time.perf_counter() - sent


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # ended meanwhile
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _first_entry_line(text: str) -> int:
    lines = text.split("\n")
    return next(i for i, line in enumerate(lines) if line.startswith(("+ (", "- (", "* (")))


async def connect() -> Session:
    client = LanguageClient("awesome-tidy-benchmark", "1")
    session = Session(client)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            session.arrived.setdefault((params.uri, params.version), time.perf_counter())

    await client.start_io(*SERVER)
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), process_id=None)
    )
    client.initialized(types.InitializedParams())
    return session


async def close(session: Session) -> None:
    await session.client.shutdown_async(None)
    session.client.exit(None)
    await session.client.stop()


@dataclass
class Figures:
    rows: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, what: str, samples: list[float], note: str = "") -> None:
        if len(samples) == 1:
            shown = _ms(samples[0])
        else:
            ordered = sorted(samples)
            p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
            shown = (
                f"median {_ms(statistics.median(samples))}, p90 {_ms(p90)}, "
                f"max {_ms(max(samples))} ({len(samples)} samples)"
            )
        self.rows.append((what, shown, note))
        print(f"{what}: {shown} {note}", file=sys.stderr)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


async def measure(reference: Path, big: Path, changes: int) -> Figures:
    figures = Figures()
    session = await connect()
    try:
        small, opened = await session.open(reference)
        figures.add(
            "reference list (183 entries): open to diagnostics",
            [opened],
            "cold: the first checking process starts",
        )
        for _ in range(3):  # warm-up
            await session.change_latency(small)
        used = session.cpu_seconds()
        samples = [await session.change_latency(small) for _ in range(changes)]
        used = (session.cpu_seconds() - used) / changes
        figures.add("reference list: change to fresh diagnostics", samples, "warm")
        figures.add("reference list: CPU time per change", [used], "server and checking processes")
        idle = [await session.hover_latency(small) for _ in range(changes)]
        figures.add("hover on the reference list, server idle", idle)
        large, opened = await session.open(big)
        figures.add("10k list: open to diagnostics", [opened], "first check of that list")
        used = session.cpu_seconds()
        samples = [await session.change_latency(large) for _ in range(max(3, changes // 4))]
        used = (session.cpu_seconds() - used) / len(samples)
        figures.add("10k list: change to fresh diagnostics", samples, "warm")
        figures.add("10k list: CPU time per change", [used], "server and checking processes")
        figures.add("hover on the reference list while the 10k list is checked", [
            *await _hovers_during_a_check(session, small, large)
        ])  # fmt: skip
        await _typing(session, large, figures)
    finally:
        await close(session)
    return figures


async def _hovers_during_a_check(session: Session, small: Document, large: Document) -> list[float]:
    version = session.type_key(large)
    samples = []
    while (large.uri, version) not in session.arrived:
        samples.append(await session.hover_latency(small))
        await asyncio.sleep(0.02)
    return samples


async def _typing(session: Session, doc: Document, figures: Figures) -> None:
    """20 keys 100 ms apart, then the time from the last key to fresh diagnostics."""
    before = session.checks_of(doc)
    for _ in range(20):
        version = session.type_key(doc)
        sent = time.perf_counter()
        await asyncio.sleep(0.1)
    latency = await session.diagnostics(doc, version) - sent
    checks = session.checks_of(doc) - before
    figures.add(
        "10k list: 20 keys typed 100 ms apart, last key to fresh diagnostics",
        [latency],
        f"({checks} check{'s' * (checks != 1)} published for the 20 versions)",
    )


def table(figures: Figures, started: datetime.datetime) -> list[str]:
    lines = [
        f"Measured {started:%Y-%m-%d} by `python benchmarks/lsp_latency.py` (the whole server over "
        "stdio, pygls client, UTF-16 positions, one character typed or deleted per change).",
        "",
        "| what | time | note |",
        "|---|---|---|",
        *(f"| {what} | {shown} | {note} |" for what, shown, note in figures.rows),
        "",
        *run.machine(),
        f"- pygls {_version('pygls')}, lsprotocol {_version('lsprotocol')}",
    ]
    return lines


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def write_doc(body: list[str]) -> None:
    text = run.DOC.read_text(encoding="utf-8")
    before, rest = text.split(BEGIN, 1)
    after = rest.split(END, 1)[1]
    run.DOC.write_text(before + BEGIN + "\n" + "\n".join(body) + "\n" + END + after, "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="10k", choices=sorted(generate.SIZES))
    parser.add_argument("--changes", type=int, default=20, help="timed changes per list")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args(argv)
    started = datetime.datetime.now(datetime.timezone.utc)
    big = run.data_files([args.size], args.seed)[args.size]
    with tempfile.TemporaryDirectory(prefix="awesome-tidy-lsp-") as folder:
        reference = Path(folder) / "reference.md"
        large = Path(folder) / f"list-{args.size}.md"
        shutil.copyfile(REFERENCE, reference)
        shutil.copyfile(big, large)
        figures = asyncio.run(measure(reference, large, args.changes))
    body = table(figures, started)
    print("\n".join(body))
    if args.write:
        write_doc(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
