"""The plugin interface: what a rule declares, what it yields, and the edits its fixes make."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

if TYPE_CHECKING:
    from awesome_tidy.document import Document

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
FixSafety = Literal["safe", "unsafe", "none"]


@dataclass(frozen=True, slots=True)
class Capability:
    """What a rule's fixes may change; the fixer proves every applied edit is only that.

    A rule lists its capabilities in ``changes``. Each edit of a fix must be one of them, read on
    the text it is applied to; everything outside the edits is kept by construction. A safe fix
    may use only the safe capabilities; ``TEXT`` (anything) is for unsafe fixes alone. The kinds
    and what the fixer proves for each are described in docs/safety.md.
    """

    kind: str
    chars: frozenset[tuple[str, str]] = frozenset()
    """For ``characters`` and ``repeat``: each character an edit may change, and what into."""

    @property
    def safe(self) -> bool:
        return self.kind != "text"


WHITESPACE = Capability("whitespace")
"""Only spaces, tabs and line breaks differ between the old text and the new."""
WIDTH = Capability("width")
"""Full-width forms become their ASCII form (the same character), with whitespace added."""
LIST_MARKER = Capability("list-marker")
"""A list item's bullet (``-`` ``*`` ``+``) becomes another bullet."""
SEPARATOR = Capability("separator")
"""The dash or colon between an item's name link and its description becomes another."""
DELETE_DUPLICATE_ITEM = Capability("delete-duplicate-item")
"""A whole list item, sub-items included, goes when a sibling with the same text stays."""
RELEVEL_HEADING = Capability("relevel-heading")
"""Only the ``#`` run of an ATX heading changes."""
REWRITE_TOC = Capability("rewrite-toc")
"""Only a table of contents changes, and every link of it whose target exists stays."""
TEXT = Capability("text")
"""Anything inside the edit: unsafe fixes only."""


def replace_chars(replacements: Mapping[str, str | tuple[str, ...]]) -> Capability:
    """A single character of the map's keys becomes one of its values (``""`` deletes it)."""
    return Capability(
        "characters",
        frozenset(
            (char, new)
            for char, values in replacements.items()
            for new in ((values,) if isinstance(values, str) else values)
        ),
    )


def delete_chars(chars: str) -> Capability:
    """Characters of ``chars`` are deleted, nothing else changes."""
    return replace_chars(dict.fromkeys(chars, ""))


def delete_repeats(chars: str) -> Capability:
    """A character of ``chars`` typed twice in a row becomes one: only the copy goes."""
    return Capability("repeat", frozenset((char, "") for char in chars))


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` of the ``\\n``-normalised document with ``text``."""

    start: int
    end: int
    text: str = ""

    @classmethod
    def delete(cls, start: int, end: int) -> Edit:
        return cls(start, end, "")

    @classmethod
    def insert(cls, at: int, text: str) -> Edit:
        return cls(at, at, text)


def apply_edits(
    text: str,
    edits: Iterable[Edit],
    *,
    position: Callable[[int], int] = int,
    newline: str = "\n",
) -> str:
    """``text`` with the disjoint ``edits`` applied; ``position`` maps an edit's offset into
    ``text`` (a slice of the document, or the source with its own line endings) and inserted
    line breaks become ``newline``. The fixer and the text reporter's preview both use it."""
    pieces = []
    at = 0
    for edit in sorted(edits, key=lambda e: e.start):
        start, end = position(edit.start), position(edit.end)
        pieces.append(text[at:start])
        pieces.append(edit.text.replace("\n", newline) if newline != "\n" else edit.text)
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits applied all or nothing; ``safe`` fixes run by default, unsafe ones on request."""

    edits: tuple[Edit, ...]
    is_safe: bool = True

    @classmethod
    def safe(cls, *edits: Edit) -> Fix:
        return cls(tuple(sorted(edits, key=lambda e: (e.start, e.end))), True)

    @classmethod
    def unsafe(cls, *edits: Edit) -> Fix:
        return cls(tuple(sorted(edits, key=lambda e: (e.start, e.end))), False)

    @property
    def start(self) -> int:
        return self.edits[0].start

    @property
    def end(self) -> int:
        return max(edit.end for edit in self.edits)


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule found, in document offsets; the linter turns it into a ``Diagnostic``."""

    rule: str
    start: int
    end: int
    message: str
    fix: Fix | None = None
    related: int | None = None


@dataclass(frozen=True, slots=True)
class Option:
    """A declared rule option: its type, default and a one-line description."""

    type: type
    default: Any
    help: str
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    regex: bool = False
    """The value is a regular expression: it must compile and must not backtrack exponentially."""

    def validate(self, value: Any) -> str | None:
        """Return why ``value`` is not acceptable, or None when it is."""
        expected = (int, float) if self.type is float else self.type
        if (isinstance(value, bool) and self.type is not bool) or not isinstance(value, expected):
            return f"expected {self.type.__name__}, got {type(value).__name__} {value!r}"
        if self.choices and value not in self.choices:
            return f"expected one of {', '.join(map(repr, self.choices))}, got {value!r}"
        number = value if isinstance(value, (int, float)) else None
        if self.minimum is not None and number is not None and number < self.minimum:
            return f"must be at least {self.minimum}, got {value!r}"
        if self.maximum is not None and number is not None and number > self.maximum:
            return f"must be at most {self.maximum}, got {value!r}"
        if self.regex and isinstance(value, str) and value:
            from awesome_tidy.regex_check import regex_problem

            return regex_problem(value)
        return None


@dataclass(frozen=True, slots=True)
class Storms:
    """How the guard against misreads (``unrecognised-shape``) counts a rule's storms."""

    sections: bool = True
    """Whether a storm in one section's entries is a misread too. False where a section written
    unlike the rest of its list is the very defect the rule reports (a bullet, an indentation):
    then only a storm over the whole list's entries written alike is summarised."""
    share: float = 0.0
    """The least share of a group the rule must report, where stricter than the guard's own
    ``share``: a defect that is one in any reading (a stray brace) needs nearly all of a group."""
    expectation: str = ""
    """An option that, set away from its default, states what every entry must be (a key
    style, a bullet): then a storm is what the configuration asked for and is not guarded."""
    forms: bool = True
    """Whether entries whose titles are written another way (a link, bold, plain) are another
    group. False for layout (a bullet, an indentation), which no title form explains: grouped
    by title form, the one section whose entries alone have link titles would be summarised
    while the rest of the same bullets were reported and fixed, leaving the bullets mixed."""
    pairs: bool = False
    """Whether a finding pairs its entry with another (``related``: the first copy of a
    duplicate). Both entries of a pair are counted: a title misread as a tag shared by a whole
    section makes every entry a copy, the first of each tag too. Findings that carry a fix are
    not guarded then: identical text twice is a copy in any reading, no misread makes it."""


LIST_STORMS = Storms(sections=False, forms=False)
"""Rules judging layout: only a storm over the whole list is a misread."""
DEFECT_STORMS = Storms(sections=False, share=0.9)
"""Rules judging characters that are a defect in any reading (a stray brace, an empty link):
only nearly every entry of the list written alike is taken for a habit the reader missed."""


def storms_problem(rule: type[Rule]) -> str | None:
    """Why a rule's ``judges_entries`` declaration is not one the guard can use; None if it is."""
    declared = rule.judges_entries
    if isinstance(declared, bool):
        return None
    if not isinstance(declared, Storms):
        return f"judges_entries must be True, False or a Storms, got {declared!r}"
    if declared.expectation and declared.expectation not in rule.options:
        return f"judges_entries names {declared.expectation!r}, which is not an option of the rule"
    return None


@dataclass
class Rule:
    """Base class of every rule, built-in or third-party.

    A rule knows nothing of suppressions or severity overrides: the linter applies those.
    Subclasses set the class attributes and implement ``check``.
    """

    name: ClassVar[str]
    severity: ClassVar[Severity] = "warning"
    summary: ClassVar[str]
    fix_safety: ClassVar[FixSafety] = "none"
    changes: ClassVar[tuple[Capability, ...]] = (TEXT,)
    """What the rule's fixes may change; a safe fix needs a safe capability (see Capability)."""
    options: ClassVar[Mapping[str, Option]] = {}
    default_enabled: ClassVar[bool] = True
    judges_entries: ClassVar[bool | Storms] = False
    """True (or how, as ``Storms``) when each finding judges one entry: when the rule would
    report most entries of a group for one reason, the linter reports the group once instead
    (``unrecognised-shape``), and fixes none of them."""

    judges_sections: ClassVar[bool] = False
    """True when each finding judges one section, on its heading: when the rule would report
    most headings written alike (one level; a numbering under one unnumbered heading), the
    linter reports them once instead (``unrecognised-shape``)."""

    settings: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def settings_problem(cls, option: Callable[[str], Any]) -> str | None:
        """Why the options, each valid alone, do not go together (``option(name)`` gives each
        one's value, set or default); None when they do. Checked when configuration is read."""
        return None

    def storms(self) -> Storms | None:
        """How the guard counts this rule's storms; None when it does not guard the rule."""
        declared = self.judges_entries
        if declared is True:
            return Storms()
        if not declared:
            return None
        expected = declared.expectation
        if expected and self.option(expected) != self.options[expected].default:
            return None
        return declared

    def option(self, name: str) -> Any:
        if name in self.settings:
            return self.settings[name]
        return self.options[name].default

    def check(self, doc: Document) -> Iterator[Problem]:
        raise NotImplementedError

    def problem(
        self,
        start: int,
        end: int | None = None,
        *,
        message: str,
        fix: Fix | None = None,
        related: int | None = None,
    ) -> Problem:
        return Problem(self.name, start, start if end is None else end, message, fix, related)
