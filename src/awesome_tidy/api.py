"""The public Python API: check and fix text or files. The CLI is a thin layer over these."""

from __future__ import annotations

from dataclasses import dataclass, field

from awesome_tidy.config import Config
from awesome_tidy.document import Document
from awesome_tidy.files import InputError, Source, read_source, write_source
from awesome_tidy.fixer import FixError, FixResult, fix_document
from awesome_tidy.linter import Diagnostic, lint


def check_text(
    text: str, config: Config | None = None, *, path: str | None = None
) -> list[Diagnostic]:
    """Every finding on ``text``, sorted by position."""
    return lint(Document(text, path), config)


def fix_text(
    text: str, config: Config | None = None, *, path: str | None = None, unsafe: bool = False
) -> FixResult:
    """Apply the safe fixes (and the unsafe ones when asked); raises FixError when it cannot."""
    return fix_document(Document(text, path), config, unsafe=unsafe)


@dataclass
class FileReport:
    """What happened to one file: its findings, what was fixed, or why it could not be read."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixed: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    source: Source | None = None
    fixed_text: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.fixed)


def check_file(path: str, config: Config | None = None) -> FileReport:
    try:
        source = read_source(path)
    except InputError as error:
        return FileReport(path, error=str(error))
    return FileReport(path, check_text(source.text, config, path=path), source=source)


def fix_file(
    path: str, config: Config | None = None, *, unsafe: bool = False, write: bool = True
) -> FileReport:
    """Fix a file in place (``write=False``: compute only, for ``--diff`` and stdout)."""
    try:
        source = read_source(path)
        result = fix_text(source.text, config, path=path, unsafe=unsafe)
        if write and result.changed:
            write_source(source, result.text)
    except (InputError, FixError) as error:
        message = str(error) if isinstance(error, InputError) else f"{path}: {error}"
        return FileReport(path, error=message)
    return FileReport(path, result.remaining, result.applied, source=source, fixed_text=result.text)
