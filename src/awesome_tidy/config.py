"""What to check and how: rule selection, severities and rule options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatch
from typing import Any

from awesome_tidy.registry import all_rules
from awesome_tidy.rule import Rule, Severity


class ConfigError(Exception):
    """A configuration that cannot be used; the message names where and what."""


@dataclass(frozen=True)
class Config:
    """An effective configuration; ``Config()`` runs every default rule with default options."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    source: str | None = None

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
        chosen -= set(self.ignore)
        if path is not None:
            for pattern, names in self.per_file_ignores.items():
                if _path_matches(path, pattern):
                    chosen -= set(names)
        return [name for name in known if name in chosen]

    def rules(self, path: str | None = None) -> list[Rule]:
        known = all_rules()
        return [
            known[name](settings=self.rule_options.get(name, {}))
            for name in self.enabled_names(path)
        ]

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity.get(rule.name, rule.severity)

    def is_excluded(self, path: str) -> bool:
        return any(_path_matches(path, pattern) for pattern in self.exclude)


def _path_matches(path: str, pattern: str) -> bool:
    """Match a glob against the whole path or any trailing part of it (``docs/*.md``)."""
    parts = path.replace("\\", "/").split("/")
    return any(fnmatch("/".join(parts[index:]), pattern) for index in range(len(parts)))
