"""What to check and how: rule selection, severities, rule options, and where each came from.

A configuration lives in ``[tool.awesome-tidy]`` of a ``pyproject.toml`` or at the top level of
an ``.awesome-tidy.toml``; for each checked file the nearest one in its directory or above wins
(``.awesome-tidy.toml`` first when a directory has both). Files are parsed only when found.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from awesome_tidy.config_file import PYPROJECT, ConfigError, did_you_mean, read_bounded
from awesome_tidy.registry import all_rules
from awesome_tidy.rule import Rule, Severity

__all__ = ["CONFIG_FILES", "Config", "ConfigError", "ConfigFinder", "Overrides", "read_config"]

CONFIG_FILES = (".awesome-tidy.toml", PYPROJECT)


@dataclass(frozen=True)
class Config:
    """An effective configuration; ``Config()`` runs every default rule with default options.

    Glob patterns (``exclude``, ``per_file_ignores``) match a path relative to ``root``, the
    folder of the configuration file, or any trailing part of it: ``*.md``, ``docs/*.md``.
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    skip_sections: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    source: str | None = None
    root: str | None = None
    origins: Mapping[str, str] = field(default_factory=dict)

    def enabled_names(self, path: str | None = None) -> list[str]:
        """The names of the rules that run on ``path``, in registry order."""
        known = all_rules()
        if self.select is None or "ALL" in self.select:
            chosen = {
                name for name, rule in known.items()
                if rule.default_enabled or self.select is not None
            }  # fmt: skip
        else:
            chosen = set(self.select)
        chosen |= set(self.extend_select)
        ignored = set(self.ignore)
        if path is not None:
            for pattern, names in self.per_file_ignores.items():
                if self.matches(path, pattern):
                    ignored |= set(names)
        if "ALL" in ignored:
            return []
        return [name for name in known if name in chosen - ignored]

    def rules(self, path: str | None = None) -> list[Rule]:
        known = all_rules()
        return [
            known[name](settings=self.rule_options.get(name, {}))
            for name in self.enabled_names(path)
        ]

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity.get(rule.name, rule.severity)

    def is_excluded(self, path: str) -> bool:
        return any(self.matches(path, pattern) for pattern in self.exclude)

    def matches(self, path: str, pattern: str) -> bool:
        """Whether ``pattern`` matches the path (below ``root``), a trailing part or a folder."""
        relative = path
        if self.root is not None:
            candidate = os.path.relpath(os.path.abspath(path), self.root)
            if not candidate.startswith(".."):
                relative = candidate
        return _path_matches(relative, pattern)


def _path_matches(path: str, pattern: str) -> bool:
    parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
    pattern = pattern.strip("/")
    return any(
        fnmatchcase("/".join(parts[first:last]), pattern)
        for first in range(len(parts))
        for last in range(first + 1, len(parts) + 1)
        if first == 0 or last == len(parts) or "/" not in pattern
    )


@dataclass(frozen=True)
class Overrides:
    """Rule choices from the command line; they apply on top of any configuration file."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def check(self) -> None:
        for names in (self.select or (), self.extend_select, self.ignore):
            for name in names:
                if name not in all_rules() and name != "ALL":
                    raise ConfigError(f"unknown rule {name!r}{did_you_mean(name, all_rules())}")

    def apply(self, config: Config) -> Config:
        origins = dict(config.origins)
        changes: dict[str, Any] = {}
        if self.select is not None:
            changes["select"] = self.select
            origins["select"] = "command line (--select)"
        if self.extend_select:
            changes["extend_select"] = (*config.extend_select, *self.extend_select)
            origins["extend-select"] = _joined(origins, "extend-select", "--extend-select")
        if self.ignore:
            changes["ignore"] = (*config.ignore, *self.ignore)
            origins["ignore"] = _joined(origins, "ignore", "--ignore")
        return replace(config, **changes, origins=origins) if changes else config


def _joined(origins: Mapping[str, str], key: str, option: str) -> str:
    """Where a list now comes from: the file's line, extended on the command line."""
    where = f"command line ({option})"
    return f"{origins[key]} and {where}" if key in origins else where


def read_config(path: str | os.PathLike[str]) -> Config:
    """The configuration in the TOML file ``path`` (a ``pyproject.toml`` or any other name).

    Raises ``ConfigError`` naming the file and line of the first bad key or value. A
    ``pyproject.toml`` without a ``[tool.awesome-tidy]`` table gives the defaults.
    """
    config_path = Path(path)
    return _read(config_path) or Config(
        source=str(config_path), root=str(config_path.resolve().parent)
    )


def _read(path: Path) -> Config | None:
    """The configuration in ``path``, or None for a ``pyproject.toml`` without our table."""
    from awesome_tidy.config_file import ConfigText, read_settings

    text = ConfigText(path)
    found = text.table()
    if found is None:
        return None
    settings = read_settings(text, *found)
    values = settings.values
    return Config(
        select=values.get("select"),
        extend_select=values.get("extend-select", ()),
        ignore=values.get("ignore", ()),
        severity=values.get("severity", {}),
        rule_options=settings.rule_options,
        per_file_ignores=values.get("per-file-ignores", {}),
        exclude=values.get("exclude", ()),
        skip_sections=settings.skip_sections,
        source=text.display,
        root=str(path.resolve().parent),
        origins=settings.origins,
    )


def _discovered(path: Path) -> Config | None:
    """The configuration in ``path`` when it is one: any ``.awesome-tidy.toml``, or a
    ``pyproject.toml`` with a ``[tool.awesome-tidy]`` table (parsed only if it names us)."""
    if not path.is_file():
        return None
    if path.name == PYPROJECT:
        try:
            if b"awesome-tidy" not in read_bounded(path):
                return None
        except (OSError, ValueError):
            pass  # read again, and reported, by _read
    return _read(path)


class ConfigFinder:
    """The configuration of each checked file: the one given, none, or the nearest above it."""

    def __init__(
        self,
        config_file: str | None = None,
        *,
        isolated: bool = False,
        overrides: Overrides | None = None,
    ) -> None:
        self.overrides = overrides or Overrides()
        self.overrides.check()
        self._fixed: Config | None = None
        if isolated:
            self._fixed = self.overrides.apply(Config())
        elif config_file is not None:
            self._fixed = self.overrides.apply(read_config(config_file))
        self._by_directory: dict[Path, Config | ConfigError] = {}

    def for_path(self, path: str) -> Config:
        """The configuration for the file ``path`` (``-`` or a missing file: the working folder)."""
        if self._fixed is not None:
            return self._fixed
        directory = Path(os.path.abspath(path)).parent
        return self.for_directory(directory)

    def for_directory(self, directory: Path) -> Config:
        """Raises the ``ConfigError`` of a broken file each time it is asked for, so that each
        file below it reports it while the others are checked."""
        if self._fixed is not None:
            return self._fixed
        found = self._by_directory.get(directory)
        if found is None:
            try:
                found = self._discover(directory)
            except ConfigError as error:
                found = error
            self._by_directory[directory] = found
        if isinstance(found, ConfigError):
            raise found
        return found

    def _discover(self, directory: Path) -> Config:
        for name in CONFIG_FILES:
            found = _discovered(directory / name)
            if found is not None:
                return self.overrides.apply(found)
        if directory.parent == directory:
            return self.overrides.apply(Config())
        return self.for_directory(directory.parent)
