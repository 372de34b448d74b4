"""Output formats, one module each, imported only when chosen.

Each module has ``report(reports, stream, options)``; ``statistics`` is the ``--statistics``
table, which replaces the findings rather than being a format of its own.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from awesome_tidy.api import FileReport

FORMATS = ("text", "json", "github", "sarif", "junit")


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
