from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.model import Document, Entry, describe, link_items
from awesome_tidy.rule import Problem, Rule

# ``soilgrids provides ...``: a verb in the third person makes the name its subject.
_VERB = re.compile(r" [a-z]{2,}[^s\W]s\b")


class DescriptionRepeatsName(Rule):
    name = "description-repeats-name"
    judges_entries = True
    severity = "warning"
    summary = "A description that opens with the item's own name: `[Foo](url) - Foo is ...`."

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        for entry in link_items(doc.entries):
            start = _text_start(text, entry)
            if start is None:
                continue
            assert entry.title is not None and entry.description is not None
            name = entry.title.text.strip()
            after = start + len(name)
            said = text[start:after]
            if not name or said.casefold() != name.casefold():
                continue
            if after < len(text) and text[after].isalnum() and text[after].isascii():
                continue  # "Flash" opening "Flashing ...": another word
            if _restated(text, name, said, after, entry.description.end):
                yield self.problem(start, after, message=f"description repeats the name {name!r}")


def _text_start(text: str, entry: Entry) -> int | None:
    """Where the words of a description after a dash or colon start (after the marks a list
    puts before its separator: ``[Tool](url) **NEW** - Tool is ...``); None for other text."""
    described = describe(text, entry)
    if described is None or described.kind != "separated" or entry.title is None:
        return None
    return described.start


def _restated(text: str, name: str, said: str, after: int, end: int) -> bool:
    """Whether the description restates the name rather than naming what the item is about:
    ``Foo is ...``, ``Foo: ...``, ``Foo provides ...``, the name alone, or the name as the item
    writes it (its first letter capitalised or not) opening a phrase. ``X in Y`` (``[wordle](url)
    - Wordle in 50 lines of Bash``) names what the item implements, and so does the name written
    otherwise (``[ansi](url) - ANSI escape codes``, a standard); a handle or tag (``#rust-lang
    channel for ...``) is how such names are said."""
    if _worded(text, after):
        return True
    if not name[0].isalnum() or text.startswith(" in ", after):
        return False
    rest = text[after:end].strip(" .")
    if _VERB.match(text, after, end) or not rest or rest.startswith("("):
        return True
    return said in (name, name[0].upper() + name[1:])


def _worded(text: str, after: int) -> bool:
    """Whether the name is followed by what makes it the subject: ``is``, ``:``, ``-``."""
    rest = text[after : after + 4]
    return rest.startswith((" is ", ":", " -", " –", " —", ","))
