"""The public Python API: check and fix text or files, and load configuration.

The CLI is a thin layer over these. A ``config`` of None means the defaults: every default rule
with default options; no configuration file is read unless you call ``load_config``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from awesome_tidy.config import Config, ConfigFinder, read_config
from awesome_tidy.document import Document
from awesome_tidy.files import InputError, Source, read_source, write_source
from awesome_tidy.fixer import FixError, FixResult, fix_document
from awesome_tidy.linter import Diagnostic, lint


def check_text(
    text: str, config: Config | None = None, *, path: str | None = None
) -> list[Diagnostic]:
    """Every finding on ``text``, sorted by position.

    ``path`` is what the text stands for: it decides ``per-file-ignores``; nothing is read.
    """
    return check_document(Document(text, path), config)


def check_document(doc: Document, config: Config | None = None) -> list[Diagnostic]:
    """Every finding on a parsed document: for callers that also need its positions and lines
    (the language server turns fix offsets into editor positions with ``doc.position``)."""
    return lint(doc, config)


def fix_text(
    text: str, config: Config | None = None, *, path: str | None = None, unsafe: bool = False
) -> FixResult:
    """Apply the safe fixes (and the unsafe ones when asked); raises FixError when it cannot."""
    return fix_document(Document(text, path), config, unsafe=unsafe)


def load_config(path: str | os.PathLike[str]) -> Config:
    """The configuration for ``path``; raises ``ConfigError`` naming the file and line at fault.

    A ``.toml`` file is read as a configuration file (``pyproject.toml``: its
    ``[tool.awesome-tidy]`` table). A Markdown file or a folder gets the configuration
    awesome-tidy would use for it: the nearest configuration file in its folder or above.
    """
    target = Path(path)
    if target.suffix == ".toml" and not target.is_dir():
        return read_config(target)
    finder = ConfigFinder()
    if target.is_dir():
        return finder.for_directory(target.resolve())
    return finder.for_path(str(target))


@dataclass
class FileReport:
    """What happened to one file: its findings, what was fixed, or why it could not be read."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixed: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    source: Source | None = None
    fixed_text: str | None = None
    raw: bytes | None = None
    """The bytes as read, when they could not be decoded (``fix -`` passes them through)."""

    @property
    def changed(self) -> bool:
        return bool(self.fixed)

    def diff(self) -> str:
        """The fix as a unified diff, as ``diff -u`` writes it: a last line that has no line
        break is marked ``\\ No newline at end of file``; empty when nothing was fixed."""
        if self.error or self.source is None or self.fixed_text is None:
            return ""
        import difflib

        return "".join(
            difflib.unified_diff(
                _diff_lines(self.source.text),
                _diff_lines(self.fixed_text),
                fromfile=self.path,
                tofile=self.path,
            )
        )


def _diff_lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines


def check_file(path: str, config: Config | None = None) -> FileReport:
    """Read and check a file; an unreadable one gives a report with ``error`` set."""
    try:
        source = read_source(path)
    except InputError as error:
        return FileReport(path, error=str(error))
    return check_source(source, config)


def check_source(source: Source, config: Config | None = None) -> FileReport:
    """Check text already read (a file, or standard input under a display name)."""
    diagnostics = check_text(source.text, config, path=source.path)
    return FileReport(source.path, diagnostics, source=source)


def fix_file(
    path: str, config: Config | None = None, *, unsafe: bool = False, write: bool = True
) -> FileReport:
    """Fix a file in place (``write=False``: compute only, for ``--diff`` and stdout)."""
    try:
        source = read_source(path)
    except InputError as error:
        return FileReport(path, error=str(error))
    report = fix_source(source, config, unsafe=unsafe)
    if write and report.changed and report.fixed_text is not None:
        try:
            write_source(source, report.fixed_text)
        except InputError as error:
            return FileReport(path, error=str(error), source=source)
    return report


def fix_source(source: Source, config: Config | None = None, *, unsafe: bool = False) -> FileReport:
    """Fix text already read; writes nothing."""
    try:
        result = fix_text(source.text, config, path=source.path, unsafe=unsafe)
    except FixError as error:
        return FileReport(source.path, error=f"{source.path}: {error}", source=source)
    return FileReport(
        source.path, result.remaining, result.applied, source=source, fixed_text=result.text
    )
