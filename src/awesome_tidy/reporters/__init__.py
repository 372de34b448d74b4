"""Output formats, one module each, imported only when chosen."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from awesome_tidy.api import FileReport

Reporter = Callable[[Sequence["FileReport"], TextIO, bool], None]
FORMATS = ("text", "json")


def reporter(name: str) -> Reporter:
    """The ``report(reports, stream, color)`` function of the format ``name``."""
    module = importlib.import_module(f"{__name__}.{name}")
    report: Reporter = module.report
    return report
