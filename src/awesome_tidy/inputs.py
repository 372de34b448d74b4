"""Which files a command line names: files as given, folders walked for Markdown, ``-`` for stdin.

A folder is walked in sorted order; hidden folders, dependency and build folders and virtual
environments are skipped, and so is whatever the configuration's ``exclude`` matches. ``exclude``
applies to files named on the command line too, so that pre-commit, which names every staged
file, honours it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from awesome_tidy.config import ConfigFinder

STDIN = "-"
MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIPPED_FOLDERS = frozenset(
    (
        "node_modules",
        "bower_components",
        "vendor",
        "venv",
        "site-packages",
        "__pypackages__",
        "__pycache__",
        "_build",
        "buck-out",
        "dist",
    )
)


def collect(paths: Sequence[str], finder: ConfigFinder) -> list[str]:
    """The files to check, in the order given, each once; a folder without any stays itself."""
    seen: dict[str, None] = {}
    for path in paths:
        if path == STDIN:
            seen.setdefault(STDIN)
        elif os.path.isdir(path):
            seen.update(dict.fromkeys(_walk(path, finder) or [path]))
        elif not finder.for_path(path).is_excluded(path):
            seen.setdefault(os.path.normpath(path))
    return list(seen)


def _walk(top: str, finder: ConfigFinder) -> list[str]:
    return list(_walk_folders(top, finder))


def _walk_folders(top: str, finder: ConfigFinder) -> Iterator[str]:
    for folder, folders, files in os.walk(top):
        config = finder.for_directory(Path(os.path.abspath(folder)))
        folders[:] = sorted(
            name
            for name in folders
            if not _skipped(os.path.join(folder, name))
            and not config.is_excluded(os.path.join(folder, name))
        )
        for name in sorted(files):
            path = os.path.normpath(os.path.join(folder, name))
            if name.lower().endswith(MARKDOWN_SUFFIXES) and not config.is_excluded(path):
                yield path


def _skipped(folder: str) -> bool:
    name = os.path.basename(folder)
    return (
        name.startswith(".")
        or name in SKIPPED_FOLDERS
        or os.path.isfile(os.path.join(folder, "pyvenv.cfg"))
    )
