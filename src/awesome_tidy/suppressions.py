"""Inline suppressions: HTML comments, invisible on GitHub, that turn rules off where they stand.

    <!-- awesome-tidy-disable-next-line RULE[, RULE] -->   the line right after the comment
    <!-- awesome-tidy-disable RULE --> ... <!-- awesome-tidy-enable RULE -->   the lines between
    <!-- awesome-tidy-disable-file RULE -->                the whole file

Without rule names a comment applies to every rule; inside such a blanket ``disable``, an
``enable RULE`` turns that one rule back on until the blanket ends or ``disable RULE`` comes.
Comments are read from HTML blocks and inline comments only, never from code. Rules never see
them: the linter drops what they cover, removes any fix that would edit a line where something
was suppressed, and reports each rule name that suppressed nothing as ``unused-suppression``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from awesome_tidy.document import Document
from awesome_tidy.rule import Fix, Problem, Severity

PREFIX = "awesome-tidy-"
KINDS = ("disable-next-line", "disable-file", "disable", "enable")
UNUSED = "unused-suppression"
EVERY_RULE = ""
"""The name a comment without rule names uses: it covers every rule."""


@dataclass(eq=False)
class Directive:
    """One suppression comment: its kind, the rule names it gives, and where each name is."""

    kind: str
    start: int
    end_line: int
    names: dict[str, int]
    """Each rule name with its offset; ``{EVERY_RULE: start}`` for a comment without names."""
    used: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Scope:
    directive: Directive
    name: str
    first: int
    last: int


def directives(doc: Document) -> Iterator[Directive | tuple[int, str]]:
    """The suppression comments of ``doc`` in order; unknown ``awesome-tidy-`` words as
    ``(offset, word)``."""
    text = doc.text
    for block in doc.blocks:
        if block.kind not in ("html_block", "comment"):
            continue
        at = text.find("<!--", block.start, block.end)
        while at >= 0:
            close = text.find("-->", at + 4, block.end + 3)
            stop = block.end if close < 0 else close
            found = _directive(doc, at + 4, stop)
            if found is not None:
                yield found
            at = text.find("<!--", stop, block.end)


def _directive(doc: Document, start: int, stop: int) -> Directive | tuple[int, str] | None:
    body = doc.text[start:stop]
    word_start = start + len(body) - len(body.lstrip())
    words = body.split(None, 1)
    if not words or not words[0].startswith(PREFIX):
        return None
    kind = words[0][len(PREFIX) :]
    if kind not in KINDS:
        return word_start, words[0]
    names: dict[str, int] = {}
    at = word_start + len(words[0])
    for piece in doc.text[at:stop].replace(",", " ").split():
        at = doc.text.find(piece, at, stop)
        names.setdefault(piece, at)
        at += len(piece)
    end_line = doc.line_index(max(stop - 1, start)) + 1
    return Directive(kind, word_start, end_line, names or {EVERY_RULE: word_start})


class Suppressions:
    """The lines each rule is suppressed on, and which comments were used."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.scopes: list[Scope] = []
        self.unknown: list[tuple[int, str]] = []
        self.directives: list[Directive] = []
        self.reenabled: list[Scope] = []
        """Where a rule is back on inside a blanket ``disable``: ``enable RULE`` to its end."""
        open_scopes: dict[str, tuple[Directive, int]] = {}
        open_reenabled: dict[str, tuple[Directive, int]] = {}
        for found in directives(doc):
            if isinstance(found, tuple):
                self.unknown.append(found)
                continue
            self.directives.append(found)
            self._add(found, open_scopes, open_reenabled)
        for opened, into in ((open_scopes, self.scopes), (open_reenabled, self.reenabled)):
            for name, (directive, first) in opened.items():
                into.append(Scope(directive, name, first, doc.line_count))

    def _add(
        self,
        directive: Directive,
        open_scopes: dict[str, tuple[Directive, int]],
        open_reenabled: dict[str, tuple[Directive, int]],
    ) -> None:
        line = self.doc.line_index(directive.start) + 1
        for name in directive.names:
            if directive.kind == "disable-next-line":
                after = directive.end_line + 1
                self.scopes.append(Scope(directive, name, after, after))
            elif directive.kind == "disable-file":
                self.scopes.append(Scope(directive, name, 1, self.doc.line_count))
            elif directive.kind == "disable":
                _close(open_reenabled, name, line, self.reenabled)
                open_scopes.setdefault(name, (directive, line))
            else:
                self._enable(directive, name, line, open_scopes, open_reenabled)

    def _enable(
        self,
        enable: Directive,
        name: str,
        line: int,
        open_scopes: dict[str, tuple[Directive, int]],
        open_reenabled: dict[str, tuple[Directive, int]],
    ) -> None:
        closed = _close(open_scopes, name, line, self.scopes)
        if name == EVERY_RULE:
            _close(open_reenabled, name, line, self.reenabled)
        elif EVERY_RULE in open_scopes:
            open_reenabled.setdefault(name, (enable, line))
            closed = True
        if closed:
            enable.used.add(name)

    def covers(self, rule: str, line: int, *, blanket: bool = True) -> bool:
        """Whether ``rule`` is suppressed on ``line``; marks the comments that say so as used.
        With ``blanket=False`` only comments that name the rule count."""
        names = (rule, EVERY_RULE) if blanket and not self._reenabled(rule, line) else (rule,)
        covered = False
        for scope in self.scopes:
            if scope.first <= line <= scope.last and scope.name in names:
                scope.directive.used.add(scope.name)
                covered = True
        return covered

    def _reenabled(self, rule: str, line: int) -> bool:
        return any(s.name == rule and s.first <= line <= s.last for s in self.reenabled)

    def frozen_lines(self, suppressed: list[Problem]) -> set[int]:
        """Lines no fix may edit: those of suppressed findings, and every line a comment
        without rule names covers."""
        lines: set[int] = set()
        for problem in suppressed:
            lines.update(self._lines_of(problem.start, problem.end))
        for scope in self.scopes:
            if scope.name == EVERY_RULE:
                lines.update(range(scope.first, scope.last + 1))
        return lines

    def thawed_lines(self, rule: str, suppressed: list[Problem]) -> set[int]:
        """Frozen lines ``rule``'s fixes may edit all the same: where it is back on inside a
        blanket ``disable``, less the lines of suppressed findings."""
        lines = {
            line
            for scope in self.reenabled
            if scope.name == rule
            for line in range(scope.first, scope.last + 1)
        }
        for problem in suppressed:
            lines.difference_update(self._lines_of(problem.start, problem.end))
        return lines

    def _lines_of(self, start: int, end: int) -> range:
        first = self.doc.line_index(start) + 1
        return range(first, self.doc.line_index(max(end - 1, start)) + 1 + 1)

    def touches(self, fix: Fix, frozen: set[int]) -> bool:
        return any(
            not frozen.isdisjoint(self._lines_of(edit.start, edit.end)) for edit in fix.edits
        )

    def unused(self, enabled: set[str]) -> Iterator[Problem]:
        """An ``unused-suppression`` problem for every name that suppressed nothing."""
        for start, word in self.unknown:
            yield _unused(start, word, f"unknown suppression comment {word!r}", _hint(word))
        for directive in self.directives:
            for name, start in directive.names.items():
                if name in directive.used or name == UNUSED:
                    continue
                message = _why_unused(directive, name, enabled)
                if message is not None:
                    yield _unused(start, name or directive.kind, message)


def _why_unused(directive: Directive, name: str, enabled: set[str]) -> str | None:
    from awesome_tidy.registry import all_rules

    what = f"'{PREFIX}{directive.kind}'"
    if name != EVERY_RULE and name not in all_rules():
        from awesome_tidy.config_file import did_you_mean

        return f"unknown rule {name!r} in {what}{did_you_mean(name, all_rules())}"
    if name != EVERY_RULE and name not in enabled:
        return None  # another configuration or command line may run it
    target = "every rule" if name == EVERY_RULE else name
    if directive.kind == "enable":
        return f"{what} of {target} closes no disable"
    return f"{what} of {target} suppresses nothing"


def _hint(word: str) -> str:
    from awesome_tidy.config_file import did_you_mean

    return did_you_mean(word, [PREFIX + kind for kind in KINDS])


def _unused(start: int, text: str, message: str, hint: str = "") -> Problem:
    return Problem(UNUSED, start, start + len(text), message + hint)


def apply(
    doc: Document,
    found: list[tuple[Problem, Severity]],
    unused_severity: Severity | None,
    enabled: set[str],
    regroup: Callable[[list[tuple[Problem, Severity]]], list[tuple[Problem, Severity]]]
    | None = None,
) -> list[tuple[Problem, Severity]]:
    """Drop the problems a comment covers and the fixes that would edit a suppressed line; when
    ``unused-suppression`` runs (``unused_severity`` given), report comments that did nothing.
    ``regroup`` (the guard against misreads) sees what is left, and its findings can be
    suppressed in turn."""
    suppressions = Suppressions(doc)
    if not suppressions.directives and not suppressions.unknown:
        return regroup(found) if regroup is not None else found
    kept, suppressed = _split(doc, suppressions, found)
    if regroup is not None:
        kept, more = _split(doc, suppressions, regroup(kept))
        suppressed.extend(more)
    frozen = suppressions.frozen_lines(suppressed)
    frozen_for = {
        rule: frozen - suppressions.thawed_lines(rule, suppressed)
        for rule in {scope.name for scope in suppressions.reenabled}
    }
    kept = [
        (replace(problem, fix=None), severity)
        if problem.fix is not None
        and suppressions.touches(problem.fix, frozen_for.get(problem.rule, frozen))
        else (problem, severity)
        for problem, severity in kept
    ]
    if unused_severity is not None:
        # A comment without names never hides unused-suppression: only naming it does.
        kept.extend(
            (problem, unused_severity)
            for problem in list(suppressions.unused(enabled))
            if not suppressions.covers(UNUSED, doc.line_index(problem.start) + 1, blanket=False)
        )
    return kept


def _split(
    doc: Document, suppressions: Suppressions, found: list[tuple[Problem, Severity]]
) -> tuple[list[tuple[Problem, Severity]], list[Problem]]:
    """The problems no comment covers, and those one does."""
    kept: list[tuple[Problem, Severity]] = []
    suppressed: list[Problem] = []
    for problem, severity in found:
        if suppressions.covers(problem.rule, doc.line_index(problem.start) + 1):
            suppressed.append(problem)
        else:
            kept.append((problem, severity))
    return kept, suppressed


def _close(
    opened: dict[str, tuple[Directive, int]], name: str, line: int, into: list[Scope]
) -> bool:
    """End at ``line`` what ``name`` opened (every name for EVERY_RULE); whether anything was."""
    closing = list(opened) if name == EVERY_RULE else [name] if name in opened else []
    for closed in closing:
        directive, first = opened.pop(closed)
        into.append(Scope(directive, closed, first, line))
    return bool(closing)
