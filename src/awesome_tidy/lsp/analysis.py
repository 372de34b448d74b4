"""One check of one version of a document, run in a checking process: the configuration the CLI
would use for its path, the findings, and each finding as an LSP diagnostic.

Everything a request later needs is computed here, so that the handlers on the server's event
loop only filter what is ready.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from dataclasses import dataclass, field, replace
from functools import cache

from lsprotocol import types

from awesome_tidy import api, memory
from awesome_tidy.config import Config, ConfigError
from awesome_tidy.document import Document
from awesome_tidy.files import InputError, decode
from awesome_tidy.linter import Diagnostic
from awesome_tidy.lsp.positions import UTF16, Lines
from awesome_tidy.registry import RuleLoadError, all_rules, builtin_rules
from awesome_tidy.suppressions import UNUSED

log = logging.getLogger(__name__)

SOURCE = "awesome-tidy"
PAGES = "https://github.com/awesome-tidy/awesome-tidy/blob/main/rules/{}.md"
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


@dataclass(frozen=True)
class Job:
    """What to check: a document's text as the editor holds it, and where it lives."""

    uri: str
    path: str | None
    text: str
    version: int | None
    encoding: str = UTF16
    folder: str | None = None
    """The workspace folder: where an unsaved document's configuration is looked up."""


@dataclass(frozen=True)
class Finding:
    """A finding, as awesome-tidy reports it and as the editor shows it."""

    diagnostic: Diagnostic
    lsp: types.Diagnostic


@dataclass(frozen=True)
class Analysis:
    job: Job
    findings: list[Finding] = field(default_factory=list)
    lines: Lines | None = None
    newline: str = "\n"
    config: Config | None = None
    error: str | None = None
    """Why the document could not be checked: bad configuration, a binary or broken text."""
    seconds: float = 0.0

    @property
    def version(self) -> int | None:
        return self.job.version


def start_checking_process() -> None:
    """Prepare a checking process. It inherits the server's standard output, which is the
    editor's channel: whatever a rule or library might print there goes to standard error."""
    os.dup2(2, 1)
    warm_up()


def warm_up() -> None:
    """Start a long-lived process: load the rules, then the collection policy of a long run
    (awesome_tidy.memory): what the imports built is frozen, out of the collector's way."""
    with contextlib.suppress(RuleLoadError):  # a broken plugin is reported by the first check
        all_rules()
    memory.for_a_long_run()


def analyse(job: Job) -> Analysis:
    """Check ``job`` in a checking process; never raises: what goes wrong is the ``error``."""
    started = time.perf_counter()
    try:
        with memory.paused():
            analysis = _analyse(job)
    except (ConfigError, RuleLoadError, InputError) as error:
        analysis = Analysis(job, error=str(error))
    except Exception as error:  # a bug in a rule must not take the editor's server down
        log.exception("checking %s failed", job.uri)
        analysis = Analysis(job, error=f"{_display(job)}: cannot be checked: {error!r}")
    return replace(analysis, seconds=time.perf_counter() - started)


def _analyse(job: Job) -> Analysis:
    config = config_for(job)
    if job.path is not None and config.is_excluded(job.path):
        return Analysis(job, config=config)
    # The CLI's own reading refuses what it would refuse in a file: a NUL byte (binary), or a
    # lone surrogate that no encoding can hold; the same words reach the editor.
    decode(job.text.encode("utf-8", "surrogatepass"), _display(job))
    doc = Document(job.text, job.path)
    diagnostics = api.check_document(doc, config)
    lines = Lines(doc.text, doc.line_starts, job.encoding)
    findings = [Finding(d, to_lsp(job.uri, lines, d)) for d in diagnostics]
    return Analysis(job, findings, lines, doc.newline, config)


def fix(job: Job, config: Config, unsafe: bool) -> str:
    """The text ``awesome-tidy fix`` would write (raises ``FixError`` when it cannot fix)."""
    with memory.paused():
        return api.fix_text(job.text, config, path=job.path, unsafe=unsafe).text


def config_for(job: Job) -> Config:
    """The configuration the CLI would use for the document's path (its folder's for an
    unsaved document); read afresh on each check, so that an edited file takes effect."""
    target = job.path or job.folder
    if target is None:
        return Config()
    if target.endswith(".toml"):  # load_config would read the file itself as configuration
        target = os.path.dirname(os.path.abspath(target))
    return api.load_config(target)


def _display(job: Job) -> str:
    return job.path or job.uri


def fix_edits(analysis: Analysis, diagnostic: Diagnostic) -> list[types.TextEdit]:
    """The finding's fix as editor edits (made when asked: few findings are ever fixed one by
    one, and every edit made here would travel back from the checking process)."""
    if diagnostic.fix is None or analysis.lines is None:
        return []
    newline, lines = analysis.newline, analysis.lines
    return [
        types.TextEdit(
            range=lines.range(edit.start, edit.end),
            new_text=edit.text.replace("\n", newline) if newline != "\n" else edit.text,
        )
        for edit in diagnostic.fix.edits
    ]


def to_lsp(uri: str, lines: Lines, d: Diagnostic) -> types.Diagnostic:
    start = lines.position(d.line - 1, d.column - 1)
    end = lines.position(d.end_line - 1, d.end_column - 1)
    return types.Diagnostic(
        range=types.Range(start=start, end=end),
        message=d.message,
        severity=SEVERITIES[d.severity],
        code=d.rule,
        code_description=_page(d.rule),
        source=SOURCE,
        related_information=_first_copy(uri, lines, d.related_line),
        tags=[types.DiagnosticTag.Unnecessary] if d.rule == UNUSED else None,
    )


@cache
def _page(rule: str) -> types.CodeDescription | None:
    """The rule's page on the project's site; a plugin rule's page is not there."""
    if rule not in builtin_names():
        return None
    return types.CodeDescription(href=PAGES.format(rule))


@cache
def builtin_names() -> frozenset[str]:
    return frozenset(rule.name for rule in builtin_rules())


def _first_copy(
    uri: str, lines: Lines, line: int | None
) -> list[types.DiagnosticRelatedInformation] | None:
    if line is None:
        return None
    end = lines.position(line - 1, len(lines.line_text(line - 1)))
    where = types.Location(uri=uri, range=types.Range(start=types.Position(line - 1, 0), end=end))
    return [types.DiagnosticRelatedInformation(location=where, message="the first copy")]
