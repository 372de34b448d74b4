from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from awesome_tidy.document import Document
from awesome_tidy.entries import Entry
from awesome_tidy.inline import Cover, Part
from awesome_tidy.rule import Edit, Fix, Problem, Rule

# Two of one mark (``,,`` ``..`` ``!!`` ``;;`` ``::``, and their full-width forms); three dots
# or more are an ellipsis, and ``?!`` is two marks, not a repeat.
_MARK = "[,.;:!?，。；：！？、]"
_REPEAT = re.compile(rf"(?<![.。])({_MARK})\1(?![.。])")
# Any mark twice, ellipses too: where _REPEAT may match, found in one pass over the text.
_DOUBLED = re.compile(rf"({_MARK})\1")
# A GitHub emoji shortcode (``:laughing:``, ``:+1:``): its colons are no punctuation, so a colon
# right after one (``Ha-NeRF:laughing:: Title``) or right before one is no repeat.
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")


class RepeatedPunctuation(Rule):
    name = "repeated-punctuation"
    judges_entries = True
    severity = "warning"
    summary = "A punctuation mark typed twice in an entry's title or description: `,,` or `..`."
    fix_safety = "safe"

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        # Performance (issue 3): one scan of the whole text in C instead of two per entry; only
        # the parts holding a doubled mark (or starting right after one) are read again.
        doubled = [match.start() for match in _DOUBLED.finditer(text)]
        if not doubled:
            return
        for entry in doc.entries:
            urls: Cover | None = None
            for label, part in _parts(entry):
                if not _holds(doubled, part.start - 1, part.end):
                    continue
                shortcodes: Cover | None = None
                for match in _REPEAT.finditer(text, part.start, part.end):
                    urls = urls or Cover((link.url.start, link.url.end) for link in entry.links)
                    if entry.in_code(match.start()) or match.start() in urls:
                        continue
                    if match.group() == "::":
                        shortcodes = shortcodes or _shortcodes(text, part)
                        if match.start() in shortcodes or match.start() + 1 in shortcodes:
                            continue
                    yield self.problem(
                        match.start(),
                        match.end(),
                        message=f"{match.group()!r} in {label}",
                        fix=Fix.safe(Edit.delete(match.start() + 1, match.end())),
                    )


def _holds(offsets: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted ``offsets`` lies in ``[start, end)``."""
    index = bisect_left(offsets, start)
    return index < len(offsets) and offsets[index] < end


def _shortcodes(text: str, part: Part) -> Cover:
    """The emoji shortcodes of ``part``, read left to right as GitHub reads them."""
    return Cover(match.span() for match in _SHORTCODE.finditer(text, part.start, part.end))


def _parts(entry: Entry) -> Iterator[tuple[str, Part]]:
    for label, part in (("title", entry.title), ("description", entry.description)):
        if part is not None:
            yield label, part
