from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document, link_items
from awesome_tidy.rule import Problem, Rule


class DescriptionRepeatsName(Rule):
    name = "description-repeats-name"
    severity = "warning"
    summary = "A description that opens with the item's own name: `[Foo](url) - Foo is ...`."

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        for entry in link_items(doc.entries):
            if entry.description is None or entry.title is None:
                continue
            name = entry.title.text.strip()
            start = entry.description.start
            after = start + len(name)
            if not name or text[start:after].casefold() != name.casefold():
                continue
            if after < len(text) and text[after].isalnum() and text[after].isascii():
                continue  # "Flash" opening "Flashing ...": another word
            yield self.problem(start, after, message=f"description repeats the name {name!r}")
