"""Output formats, one module each, imported only when chosen.

Each module has ``report(reports, stream, options)``; ``statistics`` is the ``--statistics``
table, which replaces the findings rather than being a format of its own.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from awesome_tidy.api import FileReport

FORMATS = ("text", "json", "github", "sarif", "junit")
COLOR_CHOICES = ("auto", "always", "never")


def wants_color(when: str, stream: TextIO, environ: Mapping[str, str]) -> bool:
    """``--color``: always, never, or auto: on a terminal, unless ``NO_COLOR`` says no, or where
    ``FORCE_COLOR`` says yes (a CI log). As both conventions say, an empty value means unset."""
    if when != "auto":
        return when == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


@dataclass(frozen=True)
class ReportOptions:
    color: bool = False
    """Colour the output (only on a terminal, and never with ``NO_COLOR`` set)."""
    show_fixes: bool = False
    """Show, under each fixable finding, the line as the fix would leave it."""
    quiet: bool = False
    """Findings only: no summary line."""


Reporter = Callable[[Sequence["FileReport"], TextIO, ReportOptions], None]


def reporter(name: str) -> Reporter:
    """The ``report(reports, stream, options)`` function of the format ``name``."""
    module = importlib.import_module(f"{__name__}.{name}")
    report: Reporter = module.report
    return report
