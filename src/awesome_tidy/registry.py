"""Where rules come from: the built-in modules of ``awesome_tidy.rules`` and installed plugins."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from functools import cache
from types import ModuleType

from awesome_tidy.rule import SEVERITIES, Rule, storms_problem

ENTRY_POINT_GROUP = "awesome_tidy.rules"


class RuleLoadError(Exception):
    """A plugin that cannot be loaded or does not implement the rule interface."""


@cache
def all_rules() -> dict[str, type[Rule]]:
    """Every known rule by name: built-ins in module order, then plugins by name."""
    rules: dict[str, type[Rule]] = {}
    for rule in builtin_rules():
        rules[rule.name] = rule
    for origin, rule in plugin_rules():
        if rule.name in rules:
            raise RuleLoadError(f"plugin {origin}: rule name {rule.name!r} is already taken")
        rules[rule.name] = rule
    return rules


def builtin_rules() -> list[type[Rule]]:
    from awesome_tidy import rules as package

    found = []
    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        found.extend(_rules_defined_in(module))
    return found


def plugin_rules() -> list[tuple[str, type[Rule]]]:
    """Rules from the ``awesome_tidy.rules`` entry points; each names a Rule class or a module."""
    if not _may_declare_plugins():
        return []
    from importlib.metadata import entry_points

    found = []
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
        origin = f"{point.name} = {point.value}"
        try:
            loaded = point.load()
        except Exception as error:  # a broken plugin must not hide which one it is
            raise RuleLoadError(f"plugin {origin}: cannot be loaded: {error}") from error
        candidates = _rules_defined_in(loaded) if isinstance(loaded, ModuleType) else [loaded]
        for candidate in candidates:
            found.append((origin, validate_rule_class(candidate, origin)))
    return found


def _may_declare_plugins() -> bool:
    """False only when no installed distribution can declare an ``awesome_tidy.rules`` entry point.

    Performance (issue 3): importing ``importlib.metadata`` and reading every distribution's
    metadata costs about 30 ms, a sixth of a pre-commit run, to find nothing on most machines.
    Reading only the ``entry_points.txt`` files on ``sys.path`` answers that in about 2 ms.
    Whatever this scan cannot see (a zip on the path, a finder that brings distributions of its
    own) is left to ``importlib.metadata``, which then does the real lookup.
    """
    from importlib.machinery import PathFinder

    if any(
        finder is not PathFinder and hasattr(finder, "find_distributions")
        for finder in sys.meta_path
    ):
        return True
    return any(_folder_may_declare_plugins(entry or ".") for entry in sys.path)


def _folder_may_declare_plugins(folder: str) -> bool:
    if os.path.isfile(folder):
        return True  # a zip on sys.path: only importlib.metadata can look inside
    try:
        names = [name for name in os.listdir(folder) if name.endswith((".dist-info", ".egg-info"))]
    except OSError:
        return False  # a missing folder holds no distributions
    for name in names:
        try:
            with open(os.path.join(folder, name, "entry_points.txt"), "rb") as file:
                if ENTRY_POINT_GROUP.encode() in file.read():
                    return True
        except OSError:
            continue  # no entry points: nothing to declare
    return False


def _rules_defined_in(module: ModuleType) -> list[type[Rule]]:
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Rule)
        and value.__module__ == module.__name__
        and "name" in vars(value)
    ]


def validate_rule_class(candidate: object, origin: str) -> type[Rule]:
    if not (isinstance(candidate, type) and issubclass(candidate, Rule)):
        raise RuleLoadError(f"plugin {origin}: {candidate!r} is not an awesome_tidy.Rule subclass")
    for attribute in ("name", "summary"):
        if not isinstance(getattr(candidate, attribute, None), str):
            raise RuleLoadError(f"plugin {origin}: rule has no {attribute} string")
    name = candidate.name
    if not name or name != name.lower() or not name.replace("-", "").isalnum():
        raise RuleLoadError(f"plugin {origin}: rule name {name!r} is not kebab-case")
    if candidate.severity not in SEVERITIES:
        raise RuleLoadError(f"plugin {origin}: rule {name} has unknown severity")
    if problem := storms_problem(candidate):
        raise RuleLoadError(f"plugin {origin}: rule {name}: {problem}")
    return candidate
