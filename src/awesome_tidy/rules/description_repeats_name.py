from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.conventions import link_items
from awesome_tidy.document import Document
from awesome_tidy.entries import Entry
from awesome_tidy.markers import read_marks
from awesome_tidy.rule import Problem, Rule


class DescriptionRepeatsName(Rule):
    name = "description-repeats-name"
    judges_entries = True
    severity = "warning"
    summary = "A description that opens with the item's own name: `[Foo](url) - Foo is ...`."

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        for entry in link_items(doc.entries):
            if entry.description is None or entry.title is None:
                continue
            name = entry.title.text.strip()
            start = _text_start(text, entry)
            after = start + len(name)
            if not name or text[start:after].casefold() != name.casefold():
                continue
            if after < len(text) and text[after].isalnum() and text[after].isascii():
                continue  # "Flash" opening "Flashing ...": another word
            if not name[0].isalnum() and not _worded(text, after):
                continue  # "#hashtag related tool": a handle or tag said as itself
            yield self.problem(start, after, message=f"description repeats the name {name!r}")


def _text_start(text: str, entry: Entry) -> int:
    """Where the description's words start: after the marks a list puts between name and
    separator (``[Tool](url) **NEW** - Tool is ...``)."""
    assert entry.description is not None
    start = entry.description.start
    marks = read_marks(text, start, entry.description.end)
    return marks.separator[1] if marks is not None and marks.separator is not None else start


def _worded(text: str, after: int) -> bool:
    """Whether the name is followed by what makes it the subject: ``is``, ``:``, ``-``."""
    rest = text[after : after + 4]
    return rest.startswith((" is ", ":", " -", " –", " —", ","))
