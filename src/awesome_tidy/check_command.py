"""The ``check`` command without its parser: what ``awesome-tidy check`` does once its options
are known. The typer command (``commands.check``) calls it with the options it parsed, and the
console script (``cli``) with none for a plain ``check PATH...``, without loading typer."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from awesome_tidy.api import FileReport
    from awesome_tidy.config import ConfigFinder


class UsageFailure(Exception):
    """A command line that cannot run (bad options, configuration or plugin): printed as one
    ``error:`` line, exit 2, nothing checked or written."""


def finder_for(
    config: str | None,
    isolated: bool,
    select: Sequence[str] | None,
    extend_select: Sequence[str] | None,
    ignore: Sequence[str] | None,
) -> ConfigFinder:
    """The configuration finder for ``--config``, ``--isolated`` and the rule choices."""
    from awesome_tidy.config import ConfigFinder, Overrides

    if config is not None and isolated:
        raise UsageFailure("--config and --isolated cannot be used together")
    overrides = Overrides(
        select=_names(select) if select else None,
        extend_select=_names(extend_select),
        ignore=_names(ignore),
    )
    return ConfigFinder(config, isolated=isolated, overrides=overrides)


def _names(values: Sequence[str] | None) -> tuple[str, ...]:
    """Rule names, repeated or comma-separated: ``--select a,b`` is ``--select a --select b``."""
    return tuple(
        name.strip() for value in values or () for name in value.split(",") if name.strip()
    )


def wants_color_on(stream: TextIO, when: str = "auto") -> bool:
    from awesome_tidy.reporters import wants_color

    return wants_color(when, stream, os.environ)


def finish_code(
    reports: Sequence[FileReport], exit_zero: bool, fail_level: str, would_change: bool = False
) -> int:
    """The exit code of a run: 2 when a file could not be read or configured (each error said
    once, on standard error), 1 when findings at ``fail_level`` or above remain (or a ``--diff``
    would change a file), else 0."""
    from awesome_tidy.rule import SEVERITIES

    # A broken configuration file is the error of every file below it: said once.
    errors = list(dict.fromkeys(report.error for report in reports if report.error))
    for error in errors:
        echo_error(f"error: {error}")
    if errors:
        return 2
    failing = SEVERITIES[: SEVERITIES.index(fail_level) + 1]
    found = any(d.severity in failing for r in reports for d in r.diagnostics)
    return 1 if (would_change or found) and not exit_zero else 0


def _nothing_read(reports: Sequence[FileReport]) -> bool:
    """Every file named failed: a summary of zero files would only contradict the errors (a
    machine format is still written: an empty report is what a tool reading it expects)."""
    return bool(reports) and all(report.error for report in reports)


def check_paths(
    paths: Sequence[str] | None,
    *,
    output_format: str = "text",
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    config: str | None = None,
    isolated: bool = False,
    statistics: bool = False,
    exit_zero: bool = False,
    fail_level: str = "warning",
    quiet: bool = False,
    show_fixes: bool = False,
    output_file: str | None = None,
    jobs: int | None = None,
    stdin_filename: str | None = None,
    color: str = "auto",
) -> int:
    """``check``: report what is wrong with each list; the exit code (``finish_code``).
    Raises ``UsageFailure`` before anything is checked or written."""
    from awesome_tidy import runner
    from awesome_tidy.config import ConfigError
    from awesome_tidy.registry import RuleLoadError
    from awesome_tidy.reporters import ReportOptions, reporter

    if statistics and output_format != "text":
        raise UsageFailure("--statistics counts findings in the text format only")
    try:
        finder = finder_for(config, isolated, select, extend_select, ignore)
        results = runner.run_paths(
            paths or ["."], finder, jobs=jobs, stdin=sys.stdin.buffer, stdin_filename=stdin_filename
        )
    except (ConfigError, RuleLoadError) as error:
        raise UsageFailure(str(error)) from error
    reports = [report for _, report in results]
    readable = [report for report in reports if not report.error]
    write = reporter("statistics" if statistics else output_format)
    if output_format == "text" and _nothing_read(reports):
        pass  # the errors say it all: no "No problems in 0 files."
    elif output_file is None:
        options = ReportOptions(wants_color_on(sys.stdout, color), show_fixes, quiet)
        write(readable, sys.stdout, options)
    else:
        try:
            with open(output_file, "w", encoding="utf-8", newline="\n") as stream:
                write(readable, stream, ReportOptions(False, show_fixes, quiet))
        except OSError as error:
            raise UsageFailure(
                f"{output_file}: cannot be written: {error.strerror or error}"
            ) from error
    return finish_code(reports, exit_zero, fail_level)


def echo_error(message: str) -> None:
    """One line on standard error, as ``typer.echo(..., err=True)`` writes it."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
