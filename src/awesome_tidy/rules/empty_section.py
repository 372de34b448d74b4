from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document, Heading, banner_heading, without_comments
from awesome_tidy.rule import Problem, Rule

_NUMBER_SEEN, _PLAIN_AFTER_NUMBER = 1, 2
_SHOWN = 60
"""How much of a heading the message quotes: messages stay bounded."""


class EmptySection(Rule):
    name = "empty-section"
    severity = "warning"
    summary = "A heading with nothing under it before the next heading of its level or above."

    def check(self, doc: Document) -> Iterator[Problem]:
        # A heading in a list item or a block quote is content of the section around it.
        headings = [h for h in doc.headings if not h.in_list_item and not _in_quote(doc, h)]
        parts = _part_levels(headings)
        for index, heading in enumerate(headings):
            following = headings[index + 1] if index + 1 < len(headings) else None
            if following is not None and following.level > heading.level:
                continue  # its subsections are its content
            if following is not None and (
                _opens_part(heading, following, parts)
                or _line_over_rule(heading, following)
                or _title_over_peers(headings, index)
            ):
                continue
            if banner_heading(heading.text.strip()) or _repository_banner(
                index, heading, following
            ):
                continue
            start = doc.line_start(heading.last_line + 1)
            end = following.start if following is not None else len(doc.text)
            if without_comments(doc.text[start:end]).strip():
                continue
            yield self.problem(
                heading.marker_start,
                doc.line_end(heading.line),
                message=f"section {_shown(heading.text.strip())!r} is empty",
            )


def _part_levels(headings: list[Heading]) -> set[int]:
    """The levels at which unnumbered headings stand between numbered ones (``# 二、项目内容``,
    ``# 课程类``, ``# 书籍类``, ``# 三、技术交流``): the numbered ones are parts, the others their
    sections, set at the part's level rather than under it. Unnumbered headings only after the
    last number (``## Contributing``) are no sign of it."""
    state: dict[int, int] = {}  # level -> 1: a number seen, 2: then a heading without one
    parts = set()
    for heading in headings:
        level = heading.level
        if heading.numbered:
            if state.get(level) == _PLAIN_AFTER_NUMBER:
                parts.add(level)
            state[level] = _NUMBER_SEEN
        elif state.get(level) == _NUMBER_SEEN:
            state[level] = _PLAIN_AFTER_NUMBER
    return parts


def _opens_part(heading: Heading, following: Heading, parts: set[int]) -> bool:
    """Whether ``heading`` is a part whose sections follow it at its own level."""
    return (
        heading.level in parts
        and heading.numbered
        and following.level == heading.level
        and not following.numbered
    )


def _title_over_peers(headings: list[Heading], index: int) -> bool:
    """Whether the heading opens a part whose sections follow it at its own level, where the
    levels are not kept: it is the first heading of its level under its parent, after sections
    set deeper than it (``# List``, ``### Ranking``, ``### Serving``, then ``## In industry``
    over ``## Netflix``, ``## Hulu``). Its author wrote the part's title at its sections' level;
    which of them it holds is not known, so it is not called empty."""
    heading = headings[index]
    if index + 1 >= len(headings) or headings[index + 1].level != heading.level:
        return False
    before: list[Heading] = []
    for earlier in reversed(headings[:index]):
        if earlier.level < heading.level:
            break  # its parent
        if earlier.level == heading.level:
            return False  # not the first of its level
        before.append(earlier)
    return bool(before)


def _line_over_rule(heading: Heading, following: Heading) -> bool:
    """Whether ``following`` is a line of content with a rule under it (``![timeline](t.png)``
    over ``----``) right under a ``#`` heading: GitHub takes it for a heading, but its author
    wrote the section's content and a rule after it."""
    return following.setext and not heading.setext


def _repository_banner(index: int, heading: Heading, following: Heading | None) -> bool:
    """The document's first heading written as a repository's name (one word, ``Awesome-X``)
    right above another title at its level (``# Real-time Segmentation``): GitHub's name over
    the document's real title, a banner rather than an empty section."""
    return (
        index == 0
        and following is not None
        and following.level == heading.level
        and len(heading.text.split()) == 1
        and any(mark in heading.text for mark in "-_")
    )


def _in_quote(doc: Document, heading: Heading) -> bool:
    """Whether the heading's line starts with a block quote's ``>`` (before its ``#`` run)."""
    return ">" in doc.text[heading.start : heading.marker_start]


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."
