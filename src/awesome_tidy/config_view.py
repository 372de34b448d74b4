"""``awesome-tidy config``: the effective configuration of a file, as TOML, with the origin of
every value that is not a default in a comment. The output is valid ``.awesome-tidy.toml``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from awesome_tidy.config import Config
from awesome_tidy.config_file import SKIP_SECTIONS
from awesome_tidy.registry import all_rules


def describe(config: Config, path: str) -> str:
    origin = config.origins.get
    lines = [
        f"# awesome-tidy configuration for {path}",
        f"# from {config.source}" if config.source else "# no configuration file: defaults",
        "# values without a comment are defaults",
        _line("select", _selected(config), origin),
        _line("extend-select", list(config.extend_select), origin),
        _line("ignore", list(config.ignore), origin),
        _line("exclude", list(config.exclude), origin),
        "",
        "[per-file-ignores]" + _comment(origin("per-file-ignores")),
        *(_line(glob, list(names), _none) for glob, names in config.per_file_ignores.items()),
        "",
        "[severity]",
    ]
    rules = all_rules()
    for name, rule in rules.items():
        level = config.severity.get(name, rule.severity)
        lines.append(_line(name, level, lambda _, n=name: origin(f"severity.{n}")))
    for name, rule in rules.items():
        lines += ["", f"[rules.{name}]"]
        options: dict[str, Any] = {key: option.default for key, option in rule.options.items()}
        options.update(config.rule_options.get(name, {}))
        options[SKIP_SECTIONS] = list(config.skip_sections.get(name, ()))
        for key, value in options.items():
            lines.append(_line(key, value, lambda _, n=name, k=key: origin(f"rules.{n}.{k}")))
    enabled = config.enabled_names(path)
    lines += ["", f"# rules that run on {path}: {', '.join(enabled) or 'none'}"]
    return "\n".join(lines) + "\n"


def _selected(config: Config) -> list[str]:
    """``select`` as written, or when unset the rules on by default, which it stands for."""
    if config.select is not None:
        return list(config.select)
    return [name for name, rule in all_rules().items() if rule.default_enabled]


def _none(key: str) -> None:
    return None


def _line(key: str, value: Any, origin: Any) -> str:
    return f"{_key(key)} = {_value(value)}{_comment(origin(key))}"


def _comment(origin: str | None) -> str:
    return f"  # {origin}" if origin else ""


def _key(key: str) -> str:
    bare = key.replace("-", "").replace("_", "").isalnum()
    return key if bare else json.dumps(key)


def _value(value: Any) -> str:
    """TOML for the values a configuration holds; JSON spells strings, numbers and lists alike."""
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    return json.dumps(value, ensure_ascii=False)
