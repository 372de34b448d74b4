from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from awesome_tidy.model import KEY_STYLE_EXAMPLES, KEY_STYLES, Document, dominant
from awesome_tidy.rule import Option, Problem, Rule, Storms


class KeyStyle(Rule):
    name = "key-style"
    severity = "warning"
    judges_entries = Storms(sections=False, expectation="style")
    summary = "A citation key that breaks the list's dominant key convention."
    options = {
        "style": Option(
            str,
            "auto",
            "the key convention: 'auto' (the list's dominant style), a named style, or 'pattern'",
            choices=("auto", *KEY_STYLES, "pattern"),
        ),
        "pattern": Option(
            str, "", "with style = 'pattern': a regular expression every key matches", regex=True
        ),
        "share": Option(
            float,
            0.6,
            "with 'auto': the share of keys that makes a style dominant",
            minimum=0.5,
            maximum=1.0,
        ),
    }

    @classmethod
    def settings_problem(cls, option: Callable[[str], Any]) -> str | None:
        if option("style") == "pattern" and not option("pattern"):
            return "style = 'pattern' needs a 'pattern' (a regular expression)"
        return None

    def check(self, doc: Document) -> Iterator[Problem]:
        if not doc.has_keys:
            return
        style = self.option("style")
        learnt = style == "auto"
        if learnt:
            style = dominant(doc.key_styles, self.option("share"))
            if style is None:
                return
        if style == "pattern":
            pattern = re.compile(self.option("pattern"))
            described = f"the pattern {pattern.pattern!r}"
        else:
            pattern = KEY_STYLES[style]
            described = f"the list's {style} style ({KEY_STYLE_EXAMPLES[style]})"
        for entry in doc.entries:
            key = entry.key_text
            if entry.key is None or not key:
                continue
            # A key whose own style (``Entry.key_style``, read once per key) is the one asked
            # for matches its pattern: most keys, with no second call of it.
            if entry.key_style == style or pattern.fullmatch(key):
                continue
            convention = doc.convention(entry)
            if not convention.keys_understood or (learnt and convention.key_style != style):
                continue  # where the entry's own group keeps keys otherwise, its key is no slip
            yield self.problem(
                entry.key.start,
                entry.key.end,
                message=f"key {key!r} does not follow {described}",
            )
