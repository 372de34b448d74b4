"""The rule pages (``rules/<name>.md``), shipped in the wheel as ``awesome_tidy/pages``."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from awesome_tidy.registry import all_rules

# In a source checkout (an editable install) the pages stay in the top-level rules/ folder.
_SOURCE_PAGES = Path(__file__).resolve().parents[2] / "rules"


def page_text(name: str) -> str | None:
    """The page of rule ``name``; for a plugin rule without a page, its summary and docstring."""
    packaged = files("awesome_tidy").joinpath("pages").joinpath(f"{name}.md")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    source = _SOURCE_PAGES / f"{name}.md"
    if source.is_file():
        return source.read_text(encoding="utf-8")
    rule = all_rules().get(name)
    if rule is None:
        return None
    return f"# {rule.name}\n\n{rule.summary}\n\n{(rule.__doc__ or '').strip()}\n"
