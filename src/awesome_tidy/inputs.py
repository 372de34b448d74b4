"""Which files a command line names: files as given, folders walked for Markdown, globs expanded,
``-`` for stdin.

A folder is walked in sorted order; hidden folders, dependency and build folders and virtual
environments are skipped, and so is whatever the configuration's ``exclude`` matches and what
``.gitignore`` and ``.ignore`` files ignore (git's rules, through pathspec; those of the folders
above the walked one count up to the repository's root). ``exclude`` applies to files named on
the command line too, so that pre-commit, which names every staged file, honours it; ignore
files do not: a file named is a file meant.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from awesome_tidy.config import Config, ConfigError, ConfigFinder

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

STDIN = "-"
MARKDOWN_SUFFIXES = (".md", ".markdown")
IGNORE_FILES = (".gitignore", ".ignore")
SKIPPED_FOLDERS = frozenset(
    (
        "node_modules",
        "bower_components",
        "vendor",
        "venv",
        "site-packages",
        "__pypackages__",
        "__pycache__",
        "build",
        "_build",
        "buck-out",
        "dist",
    )
)
_GLOB_CHARACTERS = frozenset("*?[")


def collect(paths: Sequence[str], finder: ConfigFinder) -> list[str]:
    """The files to check, in the order given, each once; a folder without any stays itself."""
    seen: dict[str, None] = {}
    for path in _expanded(paths):
        if path == STDIN:
            seen.setdefault(STDIN)
        elif os.path.isdir(path):
            seen.update(dict.fromkeys(_walk(path, finder) or [path]))
        elif not _config(finder, Path(os.path.abspath(path)).parent).is_excluded(path):
            seen.setdefault(os.path.normpath(path))
    return list(seen)


def _config(finder: ConfigFinder, folder: Path) -> Config:
    """The folder's configuration; a broken one excludes nothing here (each file it governs
    reports it when checked)."""
    try:
        return finder.for_directory(folder)
    except ConfigError:
        return Config()


def _expanded(paths: Sequence[str]) -> Iterator[str]:
    """Each path; a glob that names no file as it stands (``"docs/**/*.md"``, quoted, or from a
    shell that does not expand) gives what it matches, sorted, or itself when nothing matches."""
    for path in paths:
        if path == STDIN or os.path.lexists(path) or not _GLOB_CHARACTERS & set(path):
            yield path
            continue
        matches = sorted(glob.glob(path, recursive=True))
        yield from (match for match in matches if _markdown(match) or os.path.isdir(match))
        if not matches:
            yield path


def _markdown(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def _walk(top: str, finder: ConfigFinder) -> list[str]:
    return list(_walk_folders(top, finder))


@dataclass(frozen=True)
class _Ignores:
    """The ignore files in force in a folder, each with the folder its patterns start from."""

    specs: tuple[tuple[str, GitIgnoreSpec], ...] = ()

    def below(self, folder: str) -> _Ignores:
        """These, and those the folder's own ignore files add."""
        found = [(folder, spec) for spec in map(_read_ignore, _ignore_files(folder)) if spec]
        return _Ignores((*self.specs, *found)) if found else self

    def ignored(self, path: str, is_folder: bool) -> bool:
        """git's verdict: the deepest file with a matching pattern decides, its last match wins."""
        verdict = False
        for base, spec in self.specs:
            relative = os.path.relpath(path, base).replace(os.sep, "/")
            result = spec.check_file(relative + "/" * is_folder)
            if result.include is not None:
                verdict = bool(result.include)
        return verdict


def _ignore_files(folder: str) -> list[str]:
    return [os.path.join(folder, name) for name in IGNORE_FILES]


def _read_ignore(path: str) -> GitIgnoreSpec | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as stream:
            lines = stream.read(1_000_000).splitlines()
    except OSError:
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


def _above(top: str) -> _Ignores:
    """The ignore files of the folders above ``top`` up to its repository's root, outermost
    first; none outside a repository, where a stray ignore file far above means nothing."""
    folder = Path(os.path.abspath(top)).parent
    chain: list[str] = []
    for ancestor in (folder, *folder.parents):
        chain.append(str(ancestor))
        if (ancestor / ".git").exists():
            break
    else:
        return _Ignores()
    ignores = _Ignores()
    for name in reversed(chain):
        ignores = ignores.below(name)
    return ignores


def _walk_folders(top: str, finder: ConfigFinder) -> Iterator[str]:
    ignores_of = {os.path.abspath(top): _above(top).below(os.path.abspath(top))}
    for folder, folders, files in os.walk(top):
        config = _config(finder, Path(os.path.abspath(folder)))
        ignores = ignores_of.pop(os.path.abspath(folder))
        kept = []
        for name in sorted(folders):
            path = os.path.join(folder, name)
            absolute = os.path.abspath(path)
            if _skipped(path) or config.is_excluded(path) or ignores.ignored(absolute, True):
                continue
            kept.append(name)
            ignores_of[absolute] = ignores.below(absolute)
        folders[:] = kept
        for name in sorted(files):
            path = os.path.normpath(os.path.join(folder, name))
            if not _markdown(name) or config.is_excluded(path):
                continue
            if not ignores.ignored(os.path.abspath(path), False):
                yield path


def _skipped(folder: str) -> bool:
    name = os.path.basename(folder)
    return (
        name.startswith(".")
        or name in SKIPPED_FOLDERS
        or os.path.isfile(os.path.join(folder, "pyvenv.cfg"))
    )
