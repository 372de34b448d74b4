"""The command line's entry: a plain ``check`` runs here, everything else through typer.

``awesome-tidy check PATH...`` with no option is most runs (pre-commit, CI); it is checked by
``check_command.check_paths``, the very function the typer command calls with its parsed
options, without loading typer and click. Any other command line (an option, ``-``, ``--help``,
another command) goes to ``commands``, which parses it as before.

Performance (issue 10.5): typer and click, with what they import (``inspect``, ``subprocess``,
``uuid``, ``platform``...), take about 30 ms of CPU to load and to dispatch, a tenth of what a
check of a 10,000-entry list costs beyond its parse.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from awesome_tidy import memory


def _plain_check(arguments: Sequence[str]) -> list[str] | None:
    """The paths of ``check PATH...`` with no option (no argument starting with ``-``), which
    typer would pass on as they are; None for any other command line. On Windows, click expands
    globs in the arguments itself: there every command line goes through typer."""
    if os.name == "nt" or not arguments or arguments[0] != "check":
        return None
    paths = list(arguments[1:])
    if any(not path or path.startswith("-") for path in paths):
        return None
    return paths


class _Pacified:
    """A stream whose flush ignores a closed pipe (click's ``PacifyFlushWrapper``)."""

    def __init__(self, wrapped: TextIO) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)


def _run_plain_check(paths: list[str]) -> int:
    """``check_paths(paths)`` with the exits the typer command and its dispatch give."""
    from awesome_tidy.check_command import UsageFailure, check_paths, echo_error

    try:
        return check_paths(paths)
    except UsageFailure as failure:
        echo_error(f"error: {failure}")
        return 2
    except EOFError:
        echo_error("")
        return 130
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        sys.stdout = _Pacified(sys.stdout)
        sys.stderr = _Pacified(sys.stderr)
        return 1


def main(args: list[str] | None = None) -> None:
    memory.for_a_short_run()
    arguments = sys.argv[1:] if args is None else args
    paths = _plain_check(arguments)
    if paths is not None:
        sys.exit(_run_plain_check(paths))
    from awesome_tidy.commands import main as through_typer

    through_typer(arguments)


def run() -> None:
    """The console script: ``main``, then leave without the interpreter's teardown
    (``memory.leave``). In-process callers use ``main``, which raises ``SystemExit``."""
    try:
        main()
    except SystemExit as done:
        memory.leave(done.code)


def __getattr__(name: str) -> Any:
    """The typer application and its helpers (``cli.app``), loaded when first asked for."""
    if name.startswith("__"):
        raise AttributeError(name)
    from awesome_tidy import commands

    return getattr(commands, name)
