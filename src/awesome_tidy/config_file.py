"""Read one configuration file: parse its TOML, check every key and value, remember the lines.

``tomllib`` reports no positions, so the line of each key is found by scanning the file's text;
an error names the file and that line. Every rule option is checked against the ``Option`` the
rule declares, which is the only place options are defined.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from awesome_tidy.registry import all_rules
from awesome_tidy.rule import SEVERITIES, Option

PYPROJECT = "pyproject.toml"
MAX_BYTES = 1_000_000
"""No configuration is this long; ``--config /dev/zero`` must not read until memory runs out."""
TABLE = ("tool", "awesome-tidy")
KEYS = ("select", "extend-select", "ignore", "severity", "per-file-ignores", "exclude", "rules")
SKIP_SECTIONS = "skip-sections"
SKIP_SECTIONS_OPTION = Option(
    list, [], "section headings (globs, any case) in which this rule reports nothing"
)
"""Every rule takes ``skip-sections``; the linter applies it, the rule never sees it."""


class ConfigError(Exception):
    """A configuration that cannot be used; the message names where and what."""


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the closest of ``choices``, or nothing when none is close."""
    from rapidfuzz import fuzz, process

    match = process.extractOne(name, list(choices), scorer=fuzz.ratio, score_cutoff=60)
    return f"; did you mean {match[0]!r}?" if match else ""


def unknown_rule(name: str, where: str) -> str:
    return f"unknown rule {name!r} in {where}{did_you_mean(name, all_rules())}"


class ConfigText:
    """A configuration file's text, its parsed table, and the line where each key is written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.display = _display(path)
        try:
            self.text = read_bounded(path).decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise ConfigError(f"{self.display}: cannot be read: {reason}") from None
        except ValueError as error:
            raise ConfigError(f"{self.display}: {error}") from None
        self.data = self._parse()
        self.lines = _key_lines(self.text)

    def _parse(self) -> dict[str, Any]:
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - exercised on Python 3.10 only
            import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
        try:
            data: dict[str, Any] = tomllib.loads(self.text)
            return data
        except tomllib.TOMLDecodeError as error:
            message, line = _split_position(str(error))
            raise ConfigError(f"{self.display}:{line}: invalid TOML: {message}") from None
        except RecursionError:
            raise ConfigError(f"{self.display}: invalid TOML: nested too deeply") from None

    def table(self) -> tuple[tuple[str, ...], dict[str, Any]] | None:
        """The awesome-tidy table and its key path; None when a pyproject.toml has none."""
        if self.path.name != PYPROJECT:
            return (), self.data
        tool = self.data.get("tool")
        table = tool.get(TABLE[1]) if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise self.error(TABLE, f"[{'.'.join(TABLE)}] must be a table")
        return TABLE, table

    def line_of(self, keys: tuple[str, ...], value: str | None = None) -> int:
        """The line of ``keys`` (or of the nearest enclosing key), or of ``value`` written there."""
        known = keys
        while known and known not in self.lines:
            known = known[:-1]
        line = self.lines.get(known, 1)
        rows = self.text.split("\n")
        for wanted in [*keys[len(known) :], value]:
            if wanted is None:
                continue
            quoted = (f'"{wanted}"', f"'{wanted}'") if value == wanted else (wanted,)
            found = next(
                (n for n in range(line, len(rows) + 1) if any(q in rows[n - 1] for q in quoted)),
                None,
            )
            line = found or line
        return line

    def error(self, keys: tuple[str, ...], message: str, value: str | None = None) -> ConfigError:
        return ConfigError(f"{self.display}:{self.line_of(keys, value)}: {message}")


def read_settings(text: ConfigText, prefix: tuple[str, ...], table: Mapping[str, Any]) -> Settings:
    """Check every key of the awesome-tidy ``table`` and return what it sets, with its lines."""
    settings = Settings(text, prefix)
    for key, value in table.items():
        if key == TABLE[0] and not prefix and isinstance(value, dict) and TABLE[1] in value:
            raise text.error(
                (key,),
                f"unknown key {key!r}: in {text.path.name} the settings stand at the top level; "
                f"drop '{'.'.join(TABLE)}' from the table names",
            )
        if key not in KEYS:
            raise text.error((*prefix, key), f"unknown key {key!r}{did_you_mean(key, KEYS)}")
        settings.read(key, value)
    return settings


class Settings:
    """The values one file sets, checked, and ``file:line`` for each (by dotted key)."""

    def __init__(self, text: ConfigText, prefix: tuple[str, ...]) -> None:
        self.text = text
        self.prefix = prefix
        self.values: dict[str, Any] = {}
        self.rule_options: dict[str, dict[str, Any]] = {}
        self.skip_sections: dict[str, tuple[str, ...]] = {}
        self.origins: dict[str, str] = {}

    def origin(self, *keys: str) -> str:
        return f"{self.text.display}:{self.text.line_of((*self.prefix, *keys))}"

    def read(self, key: str, value: Any) -> None:
        if key in ("select", "extend-select", "ignore"):
            self.values[key] = self.rule_names((key,), value)
        elif key == "exclude":
            self.values[key] = self.strings((key,), value, "glob patterns")
        elif key == "severity":
            self.values[key] = self.severities(self.mapping((key,), value))
        elif key == "per-file-ignores":
            table = self.mapping((key,), value)
            self.values[key] = {
                glob: self.rule_names((key, glob), names) for glob, names in table.items()
            }
        else:
            for rule, options in self.mapping((key,), value).items():
                self.read_rule(rule, self.mapping((key, rule), options))
        self.origins.setdefault(key, self.origin(key))

    def fail(self, keys: tuple[str, ...], message: str, value: str | None = None) -> ConfigError:
        return self.text.error((*self.prefix, *keys), message, value)

    def mapping(self, keys: tuple[str, ...], value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(keys, f"{'.'.join(keys)!r} must be a table, got {_show(value)}")
        return value

    def strings(self, keys: tuple[str, ...], value: Any, what: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            where = ".".join(keys)
            raise self.fail(keys, f"{where!r} must be a list of {what}, got {_show(value)}")
        return tuple(value)

    def rule_names(self, keys: tuple[str, ...], value: Any) -> tuple[str, ...]:
        names = self.strings(keys, value, "rule names")
        known = all_rules()
        for name in names:
            if name not in known and name != "ALL":
                raise self.fail(keys, unknown_rule(name, repr(".".join(keys))), value=name)
        return names

    def severities(self, table: dict[str, Any]) -> dict[str, str]:
        known = all_rules()
        for rule, level in table.items():
            if rule not in known:
                raise self.fail(("severity", rule), unknown_rule(rule, "'severity'"))
            if level not in SEVERITIES:
                raise self.fail(
                    ("severity", rule),
                    f"severity of {rule!r} must be one of {', '.join(SEVERITIES)}, "
                    f"got {_show(level)}",
                )
            self.origins[f"severity.{rule}"] = self.origin("severity", rule)
        return table

    def read_rule(self, rule: str, options: dict[str, Any]) -> None:
        known = all_rules()
        if rule not in known:
            raise self.fail(("rules", rule), unknown_rule(rule, "'rules'"))
        declared = {**known[rule].options, SKIP_SECTIONS: SKIP_SECTIONS_OPTION}
        for name, value in options.items():
            keys = ("rules", rule, name)
            if name not in declared:
                hint = did_you_mean(name, declared) or f" (it takes {', '.join(sorted(declared))})"
                raise self.fail(keys, f"unknown option {name!r} for rule {rule!r}{hint}")
            if name == SKIP_SECTIONS:
                patterns = self.strings(keys, value, "heading globs")
                if patterns:
                    self.skip_sections[rule] = patterns
            else:
                problem = declared[name].validate(value)
                if problem is not None:
                    raise self.fail(keys, f"bad value for {rule}.{name}: {problem}")
                self.rule_options.setdefault(rule, {})[name] = value
            self.origins[f"rules.{rule}.{name}"] = self.origin(*keys)
        set_here = self.rule_options.get(rule, {})
        problem = known[rule].settings_problem(
            lambda name: set_here.get(name, known[rule].options[name].default)
        )
        if problem is not None:
            raise self.fail(("rules", rule), f"bad options for {rule}: {problem}")


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes; ValueError past ``limit`` (read no further: it may never end)."""
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"too large for a configuration file (over {limit:,} bytes)")
    return data


def _show(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"


def _display(path: Path) -> str:
    """The path relative to the working directory when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _split_position(message: str) -> tuple[str, int]:
    """``tomllib`` ends its messages with ``(at line 3, column 5)``; take the line out."""
    text, marker, where = message.rpartition(" (at line ")
    if not marker:
        return message, 1
    line = where.split(",")[0].rstrip(")")
    return text, int(line) if line.isdigit() else 1


def _key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The 1-based line of every table header and ``key =`` line, by full key path."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    in_string = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if in_string or not line or line.startswith("#"):
            in_string ^= _toggles_multiline_string(raw)
            continue
        if line.startswith("["):
            table = _split_key(line.strip("[]").split("]")[0])
            lines.setdefault(table, number)
        elif "=" in line:
            key = _split_key(_before_equals(line))
            if key:
                lines.setdefault((*table, *key), number)
        in_string ^= _toggles_multiline_string(raw)
    return lines


def _toggles_multiline_string(line: str) -> bool:
    return (line.count('"""') + line.count("'''")) % 2 == 1


def _before_equals(line: str) -> str:
    """The key part of ``key = value``: up to the first ``=`` outside quotes."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "=":
            return line[:index]
    return ""


def _split_key(key: str) -> tuple[str, ...]:
    """``a."b.c".d`` -> ``("a", "b.c", "d")``."""
    parts: list[str] = []
    current = ""
    quote = ""
    for char in key:
        if quote:
            if char == quote:
                quote = ""
            else:
                current += char
        elif char in "\"'":
            quote = char
        elif char == ".":
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return tuple(parts) if all(parts) else ()
