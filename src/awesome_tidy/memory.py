"""When the garbage collector runs: one policy for every way awesome-tidy is run.

A model makes next to no reference cycles while it lives, and lives until its file is done, so
the collector's automatic passes over it free nothing and cost 15 % of a check and a quarter of
a fix on a large list. Reference counting frees the rest. So:

- a command-line run (short, then the process exits) turns automatic collection off, and
  leaves without the interpreter's teardown, which would free the model object by object and
  run one last full collection over it (80 ms of a 10k-entry check, see ``leave``);
- between two files of one run, the previous file's model (which does hold cycles once dropped)
  is collected, once; nothing is collected after the last file, since the process exits;
- a long-lived process (the language server and its checking processes) keeps collection on,
  freezes what the imports built so that full passes no longer walk it, and pauses collection
  only while a model is built.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Iterator


class _FilesSeen:
    """How many files this process has started: the main one, or a ``--jobs`` worker."""

    count = 0


def for_a_short_run() -> None:
    """A command-line run: no automatic collection (see the module's docstring)."""
    gc.disable()


def leave(code: object) -> None:
    """End a command-line run with ``code`` (as ``sys.exit`` takes it), skipping the teardown.

    Performance (issue 10.5): what a run leaves behind is freed by the operating system at once,
    where the interpreter's teardown walks it: a tenth of a 10k-entry check. Output is flushed
    first; where that fails (a closed pipe), the ordinary exit reports it as before.
    """
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(status)
    os._exit(status)


def before_a_file() -> None:
    """Free the previous file's model before the next is read; nothing before the first."""
    if _FilesSeen.count:
        gc.collect()
    _FilesSeen.count += 1


def for_a_long_run() -> None:
    """A process that lives long: collect what start-up left, freeze it, collect from now on."""
    gc.collect()
    gc.freeze()
    gc.enable()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No automatic collection while a model is built; collection resumes after."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
