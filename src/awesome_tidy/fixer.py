"""Apply fixes in passes until the text is stable, each edit proven to be what its rule declared.

Each pass lints the current text. Every wanted fix is checked against the capabilities its rule
declares (``rule.Capability``), on the text it applies to: a fix with an edit that is not what
was declared is refused, and its finding stays with the reason. The accepted fixes that do not
overlap one taken before are applied left to right; the others wait for the next pass. So all
text outside the declared edits is kept character for character, by construction.

A cheap backstop then compares the pass's result with its input: no link target, list item,
heading or code/HTML block lost except inside a declared deletion, headings relevelled only by
a declared relevel, and every list item in the list and under the parent it had. A fix that
breaks it is refused (a rule with more than a few such fixes is withheld for the rest of the run).

A fix never creates a finding: the check of the pass's result (the next pass's check, so it
costs nothing while nothing is created) must report nothing that the check of its input did not
report on the same line, mapped through the pass's edits. A fix can change a habit the whole
list is judged by (the width of its parentheses, its separators), and then lines no fix touched
would be reported, and fixed, in the next pass; the fixes that did it are refused.

A cap on passes and a set of texts already seen stop runaways.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from awesome_tidy.capabilities import LOCAL_KINDS, Verifier
from awesome_tidy.config import Config
from awesome_tidy.document import Document, ListItem
from awesome_tidy.guard import GUARD
from awesome_tidy.linter import Diagnostic, lint
from awesome_tidy.rule import TEXT, Capability, Edit, apply_edits
from awesome_tidy.suppressions import UNUSED

MAX_PASSES = 20


class FixError(Exception):
    """The fixes did not converge (they cycle, or never settle); the original text stands."""


@dataclass
class FixResult:
    text: str
    applied: list[Diagnostic] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)
    passes: int = 0
    withheld: dict[str, str] = field(default_factory=dict)
    """Rules with a fix that was refused (not what the rule declared, it lost text the
    backstop guards, or it created a finding), with the first reason."""
    checked: list[Diagnostic] = field(default_factory=list)
    """The findings of the text as given, before any fix: what ``check`` reports on it."""

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fix_document(doc: Document, config: Config | None = None, *, unsafe: bool = False) -> FixResult:
    """Fix ``doc``; the result's text keeps the source's line endings.

    Refused fixes are not applied: their findings stay, without a fix, with the reason.

    A run remembers the fixes it refused, in the text they were refused in; once the other
    fixes have landed, one of them can be sound, and a second ``fix`` would make it. So a run
    that refused something is followed by a fresh one on its result, until one changes nothing:
    ``fix(fix(x)) == fix(x)``.
    """
    config = config or Config()
    result = last = _fix_once(doc, config, unsafe)
    for _ in range(_RERUNS):
        if not last.withheld or not last.applied:
            break  # nothing refused, or a run on this very text refused everything it wanted
        last = again = _fix_once(Document(result.text, doc.path), config, unsafe)
        if not again.applied:
            break
        result = FixResult(
            again.text,
            result.applied + again.applied,
            again.remaining,
            result.passes + again.passes,
            {**result.withheld, **again.withheld},
            result.checked,
        )
    return result


_RERUNS = 3
"""Fresh runs after one that refused a fix: each starts from a text the last could not improve."""


def _fix_once(doc: Document, config: Config, unsafe: bool) -> FixResult:
    """One run of passes, remembering what it refused."""
    found = checked = lint(doc, config)
    run = _Run(
        config,
        unsafe,
        {rule.name: rule.changes for rule in config.rules(doc.path)},
        {(d.rule, hash(doc.line_text(d.line))) for d in found},
    )
    current = doc
    # Hashes, not texts: on a 50 MB list, keeping every pass's text would cost 50 MB a pass.
    # A collision could only stop the fixer, never let a bad fix through.
    seen = {hash(doc.raw)}
    for passes in range(1, MAX_PASSES + 1):
        chosen, refused = run.accepted(current, found)
        if not chosen:
            remaining = [_unfixed(d, refused.get(id(d))) for d in found]
            return FixResult(current.raw, run.applied, remaining, passes, run.reasons, checked)
        fixed, fixed_found = run.apply(current, found, chosen)
        if fixed is current:
            continue  # every fix of the pass was refused: the next pass says why
        current, found = fixed, fixed_found
        if hash(current.raw) in seen:
            raise FixError(f"fixes do not converge (they cycle): {_rules_of(chosen)}")
        seen.add(hash(current.raw))
    raise FixError(f"fixes did not converge after {MAX_PASSES} passes: {_rules_of(run.applied)}")


@dataclass
class _Run:
    """What one fix run knows across its passes."""

    config: Config
    unsafe: bool
    declared: dict[str, tuple[Capability, ...]]
    first: set[tuple[str, int]]
    """The findings of the run's first check, by rule and the hash of their line's text."""
    applied: list[Diagnostic] = field(default_factory=list)
    withheld: dict[str, str] = field(default_factory=dict)
    """Rules whose fixes broke the backstop: none of their fixes is applied any more."""
    reasons: dict[str, str] = field(default_factory=dict)
    kinds: dict[int, set[str]] = field(default_factory=dict)
    rejected: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """Single fixes refused (by the backstop, or for the findings they create), by rule, line
    text and edits (offsets move between passes), with the reason: refused again when proposed
    again."""
    refused_now: list[Diagnostic] = field(default_factory=list)
    """The single fixes refused in this pass: the next pass finds them where the fixes it kept
    moved them."""

    def accepted(
        self, doc: Document, diagnostics: list[Diagnostic]
    ) -> tuple[list[Diagnostic], dict[int, str]]:
        """The fixes to apply in this pass, and why each refused one was refused."""
        verifier = Verifier(doc)
        refused: dict[int, str] = {}
        valid = []
        for diagnostic in diagnostics:
            if diagnostic.fix is None or not (self.unsafe or diagnostic.fix.is_safe):
                continue
            reason = (
                self.withheld.get(diagnostic.rule)
                or self.rejected.get(_identity(doc, diagnostic))
                or verifier.violation(diagnostic.fix, self.declared.get(diagnostic.rule, (TEXT,)))
            )
            if reason is None:
                valid.append(diagnostic)
            else:
                refused[id(diagnostic)] = reason
                self.reasons.setdefault(diagnostic.rule, reason)
        self.kinds = verifier.kinds
        return _non_overlapping(valid, len(doc.text), self.kinds), refused

    def apply(
        self, doc: Document, found: list[Diagnostic], chosen: list[Diagnostic]
    ) -> tuple[Document, list[Diagnostic]]:
        """The document with the chosen fixes applied and its findings, less the fixes the
        backstop refuses or that create a finding ``found`` does not hold.

        Only on a refusal, the fixes are let in again by rule, one rule at a time, and a refused
        rule's by halves down to the one at fault; while looking for the fixes that create
        findings, each step checks only the rules of those findings. What is kept is checked
        whole again (a smaller set of fixes can create another finding)."""
        watched: set[str] = set()
        self.refused_now = []
        while True:
            after = Document(_apply(doc, chosen), doc.path)
            if _backstop(doc, after, chosen, self.kinds) is None:
                after_found = lint(after, self.config)
                created = self._created(doc, found, chosen, after, after_found, None)
                if not created:
                    self.applied.extend(chosen)
                    for refused in self.refused_now:  # where the next pass will propose it
                        moved = _identity_on(after, refused, _moved(doc, after, chosen, refused))
                        self.rejected[moved] = self.rejected[_identity(doc, refused)]
                    return after, after_found
                watched |= {d.rule for d in created}
            verdict = self._verdict(doc, found, watched)
            rules = sorted({d.rule for d in chosen})
            # Most often the fixes of the rules whose findings were created made them: the
            # others are let in together first, in one step, and one at a time only if that
            # step creates something too.
            quiet = [d for d in chosen if d.rule not in watched]
            kept: list[Diagnostic] = []
            if watched and quiet and len(quiet) < len(chosen) and verdict(quiet) is None:
                kept, rules = quiet, sorted(watched & set(rules))
            for rule in rules:
                fixes = [d for d in chosen if d.rule == rule]
                kept = self._admit(doc, kept, fixes, [_REJECTIONS], verdict)
            if not kept or len(kept) == len(chosen):
                return doc, found  # (the second cannot be: the steps saw what the check saw)
            chosen = kept

    def _verdict(
        self, doc: Document, found: list[Diagnostic], watched: set[str]
    ) -> Callable[[list[Diagnostic]], str | None]:
        """What is wrong with applying some fixes to ``doc``: what the backstop finds, or a
        finding of the ``watched`` rules that ``found`` does not hold."""
        config = self._only(doc, watched)

        def verdict(fixes: list[Diagnostic]) -> str | None:
            after = Document(_apply(doc, fixes), doc.path)
            problem = _backstop(doc, after, fixes, self.kinds)
            if problem is not None or not watched:
                return problem
            created = self._created(doc, found, fixes, after, lint(after, config), watched)
            return _creation(created[0]) if created else None

        return verdict

    def _only(self, doc: Document, watched: set[str]) -> Config:
        """The configuration with only the ``watched`` rules and the guard against misreads
        (which replaces a rule's storm whatever the other rules find): a step of the search
        costs a parse and these rules, not a whole check. The guard's own findings, and unused
        suppressions, depend on every rule: watching them checks them all."""
        if GUARD in watched or UNUSED in watched:
            return self.config
        others = [name for name in self.config.enabled_names(doc.path) if name not in watched]
        return replace(
            self.config, ignore=(*self.config.ignore, *(n for n in others if n != GUARD))
        )

    def _created(
        self,
        before: Document,
        found: list[Diagnostic],
        fixes: list[Diagnostic],
        after: Document,
        after_found: list[Diagnostic],
        watched: set[str] | None,
    ) -> list[Diagnostic]:
        """The findings on ``after`` that ``found`` (on ``before``) did not report on the line
        they come from, counted by rule, and that are new defects or would be fixed next: on a
        line a fix touched, any; on another, one with a fix (it would edit a line no check
        asked to; one without a fix tells what the fix let the rule see, as a table of
        contents listed out of order once its link resolves). A finding that a fix leaves
        where it fixed (a deferred fix's, a rule's own on a line it fixed in part) is matched,
        as is one the run's first check reported on a line of the same text (a fix may bring
        back one that an earlier fix had hidden). Each is returned at its line in ``before``."""
        lines = _LineMap(before, after, [e for d in fixes if d.fix for e in d.fix.edits])
        left = Counter((d.rule, d.line) for d in found if watched is None or d.rule in watched)
        created = []
        for diagnostic in after_found:
            rule = diagnostic.rule
            if watched is not None and rule not in watched:
                continue
            low, high, touched = lines.back(diagnostic.line)
            match = next((line for line in range(low, high + 1) if left[rule, line] > 0), None)
            if match is not None:
                left[rule, match] -= 1
            elif (touched or diagnostic.fix is not None) and (
                rule,
                hash(after.line_text(diagnostic.line)),
            ) not in self.first:
                created.append(replace(diagnostic, line=low))
        return created

    def _admit(
        self,
        doc: Document,
        kept: list[Diagnostic],
        fixes: list[Diagnostic],
        budget: list[int],
        verdict: Callable[[list[Diagnostic]], str | None],
    ) -> list[Diagnostic]:
        """``kept`` and as many of one rule's ``fixes`` as ``verdict`` lets through with it.
        A fix refused on its own is remembered; past a few, the whole rule is withheld for the
        run, so that a rule whose every fix is bad costs a few steps, not one per fix."""
        rule = fixes[0].rule
        if rule in self.withheld:
            return kept
        problem = verdict(kept + fixes)
        if problem is None:
            return kept + fixes
        self.reasons.setdefault(rule, problem)
        if len(fixes) == 1 and budget[0] > 0:
            budget[0] -= 1
            self.rejected[_identity(doc, fixes[0])] = problem
            self.refused_now.append(fixes[0])
            return kept
        if len(fixes) == 1 or budget[0] <= 0:
            self.withheld[rule] = self.reasons[rule]
            return kept
        half = len(fixes) // 2
        kept = self._admit(doc, kept, fixes[:half], budget, verdict)
        return self._admit(doc, kept, fixes[half:], budget, verdict)


# How many single fixes of one rule the backstop may refuse in a pass before the rule is
# withheld whole: each refusal costs a parse per halving.
_REJECTIONS = 3


def _identity(doc: Document, diagnostic: Diagnostic) -> tuple[str, str, str]:
    """A fix as a later pass proposes it again: its rule, its line, and its edits' texts."""
    return _identity_on(doc, diagnostic, diagnostic.line)


def _identity_on(doc: Document, diagnostic: Diagnostic, line: int) -> tuple[str, str, str]:
    assert diagnostic.fix is not None
    edits = "\0".join(edit.text for edit in diagnostic.fix.edits)
    return diagnostic.rule, doc.line_text(line), edits


def _moved(
    before: Document, after: Document, applied: list[Diagnostic], refused: Diagnostic
) -> int:
    """The line of ``after`` where the finding of a fix refused on ``before`` lies, once the
    ``applied`` fixes moved it."""
    at = before.line_start(refused.line) + refused.column - 1
    shift = sum(
        len(edit.text) - (edit.end - edit.start)
        for fix in (d.fix for d in applied)
        if fix is not None
        for edit in fix.edits
        if edit.end <= at
    )
    return after.line_index(at + shift) + 1


def _creation(created: Diagnostic) -> str:
    """Why a fix that creates a finding is refused: the finding, at its line before the fix."""
    return f"it would make {created.rule} report line {created.line}: {_shown(created.message)}"


def _shown(text: str) -> str:
    return repr(text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "...")


_SHOWN = 60


class _LineMap:
    """Where each line of a pass's result comes from in its input: the input's lines from the
    one where the line starts to the one where it ends (one line, unless an edit on it joins,
    splits or adds lines; a line an edit inserts comes from the line it was inserted at). A
    line an edit touched comes from all the lines of its run of touched lines: a finding there
    may move within the run (a fix that deletes the spaces of the last lines leaves the
    finding on the blank lines at the end of the file a line higher)."""

    def __init__(self, before: Document, after: Document, edits: list[Edit]) -> None:
        self.before, self.after = before, after
        self.spans: list[tuple[int, int, int, int]] = []
        """Each edit's new text in ``after`` and the text it replaced in ``before``."""
        self.runs: list[list[int]] = []
        """Runs of touched lines of ``before``, first and last (1-based), in order."""
        shift = 0
        for edit in sorted(edits, key=lambda e: (e.start, e.end)):
            start = edit.start + shift
            self.spans.append((start, start + len(edit.text), edit.start, edit.end))
            shift += len(edit.text) - (edit.end - edit.start)
            first, last = before.line_index(edit.start) + 1, before.line_index(edit.end) + 1
            if self.runs and first <= self.runs[-1][1] + 1:
                self.runs[-1][1] = max(self.runs[-1][1], last)
            else:
                self.runs.append([first, last])
        self.starts = [span[0] for span in self.spans]
        self.run_starts = [run[0] for run in self.runs]

    def back(self, line: int) -> tuple[int, int, bool]:
        """The 1-based lines of ``before`` that 1-based ``line`` of ``after`` comes from, and
        whether an edit touched them."""
        after, before = self.after, self.before
        low = before.line_index(self._old(after.line_start(line), at_end=False)) + 1
        high = max(low, before.line_index(self._old(after.line_end(line), at_end=True)) + 1)
        touched = False
        at = bisect_right(self.run_starts, low) - 1
        if at >= 0 and self.runs[at][1] >= low:
            low, touched = self.runs[at][0], True
        at = bisect_right(self.run_starts, high) - 1
        if at >= 0 and self.runs[at][1] >= high:
            high, touched = self.runs[at][1], True
        return low, high, touched or (at >= 0 and self.runs[at][1] >= low)

    def _old(self, offset: int, *, at_end: bool) -> int:
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return offset
        new_start, new_end, old_start, old_end = self.spans[index]
        if offset >= new_end:
            return old_end + offset - new_end
        if at_end:  # inside the new text: counted from its end, or from its start
            return max(old_start, old_end - (new_end - offset))
        return min(old_end, old_start + offset - new_start)


def _unfixed(diagnostic: Diagnostic, reason: str | None) -> Diagnostic:
    """A finding whose fix was refused: no fix, and the reason in its message."""
    if reason is None:
        return diagnostic
    return replace(diagnostic, fix=None, message=f"{diagnostic.message} (not fixed: {reason})")


def _non_overlapping(
    candidates: list[Diagnostic], length: int, kinds: dict[int, set[str]]
) -> list[Diagnostic]:
    """Fixes whose edits are disjoint, leftmost first; an edit touching one already taken waits
    for the next pass. Edits, not whole fixes, are compared: a fix that dedents every line of
    an item leaves the ends of those lines to others in the same pass.

    Two edits that only meet (one ends where the other starts) share the pass when both replace
    some text and both were proven by capabilities that read nothing around the edit
    (``LOCAL_KINDS``: a heading's indentation and its ``#`` run, say): each proof still holds
    next to the other. An insertion, or an edit proven by what lies next to it (a repeat that
    keeps its neighbour, a table's line), keeps the edits next to it for the next
    pass, since their order or their proof would be in doubt."""
    chosen: list[Diagnostic] = []
    # One byte of flags per position; each test and update is a translate, done in C.
    taken = bytearray(length + 1)
    with_fixes = [(d.fix, d) for d in candidates if d.fix is not None]
    for fix, diagnostic in sorted(with_fixes, key=lambda pair: (pair[0].start, pair[0].end)):
        local = kinds.get(id(fix), {"text"}) <= LOCAL_KINDS
        spans = [(edit.start, edit.end, local and edit.end > edit.start) for edit in fix.edits]
        if not any(_collides(taken, *span) for span in spans):
            chosen.append(diagnostic)
            for span in spans:
                _take(taken, *span)
    return chosen


# Flags of a position: inside an edit, within (ends included) an edit that no edit may meet,
# within (ends included) any edit.
_INSIDE, _TIGHT, _WITHIN = 1, 2, 4
_HAS = {flag: bytes(int(bool(value & flag)) for value in range(256)) for flag in (1, 2, 4)}
_WITH = {flags: bytes(value | flags for value in range(256)) for flags in (1, 4, 6)}


def _collides(taken: bytearray, start: int, end: int, loose: bool) -> bool:
    if not loose:
        return 1 in taken[start : end + 1].translate(_HAS[_WITHIN])
    inside = taken[start:end].translate(_HAS[_INSIDE])
    return 1 in inside or 1 in taken[start : end + 1].translate(_HAS[_TIGHT])


def _take(taken: bytearray, start: int, end: int, loose: bool) -> None:
    taken[start : end + 1] = taken[start : end + 1].translate(
        _WITH[_WITHIN if loose else _WITHIN | _TIGHT]
    )
    taken[start:end] = taken[start:end].translate(_WITH[_INSIDE])


def _apply(doc: Document, chosen: list[Diagnostic]) -> str:
    """Apply the fixes' edits to the raw text, mapping offsets past CRLF line endings."""
    edits = (edit for d in chosen if d.fix for edit in d.fix.edits)
    return apply_edits(doc.raw, edits, position=doc.raw_offset, newline=doc.newline)


# -- the backstop: what no pass may lose, whatever its rules declared -------------------------


def _backstop(
    before: Document, after: Document, chosen: list[Diagnostic], kinds: dict[int, set[str]]
) -> str | None:
    """What the pass lost of what no fix may lose outside a declared deletion, if anything."""
    used = {kind for d in chosen if d.fix is not None for kind in kinds.get(id(d.fix), ())}
    deleted = _Spans(
        (edit.start, edit.end)
        for d in chosen
        if d.fix is not None and "delete-duplicate-item" in kinds.get(id(d.fix), ())
        for edit in d.fix.edits
    )
    lost_urls = _urls(before, deleted) - _urls(after, _Spans(()))
    if lost_urls:
        return f"link {min(lost_urls)!r} lost"[:120]
    if _blocks(before, deleted) != _blocks(after, _Spans(())):
        return "code, HTML or comments changed"
    without_toc = "rewrite-toc" in used
    kept = _kept_items(before, deleted, without_toc)
    found = _kept_items(after, None, without_toc)
    if len(kept) != len(found):
        return f"list items changed ({len(kept)} expected, {len(found)} found)"
    problem = _lists_changed(before, kept, found)
    return problem or _headings_changed(before, after, "relevel-heading" in used)


class _Spans:
    """Sorted, disjoint spans of text, and whether a span lies wholly inside one of them."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]

    def covers(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, start) - 1
        return index >= 0 and end <= self.spans[index][1]


def _urls(doc: Document, deleted: _Spans) -> set[str]:
    return {
        link.url.text
        for entry in doc.entries
        for link in entry.links
        if not deleted.covers(link.start, link.end)
    }


def _blocks(doc: Document, deleted: _Spans) -> list[str]:
    return [
        doc.text[block.start : block.end]
        for block in doc.blocks
        if not deleted.covers(block.start, block.end)
    ]


def _kept_items(doc: Document, deleted: _Spans | None, without_toc: bool) -> list[ListItem]:
    """The items a pass must keep, in order: all but a declared deletion's (and, when a table of
    contents was rewritten, all but the table's, since the rewrite may add some)."""
    in_toc = set()
    if without_toc:
        in_toc = {id(toc_link.item) for table in doc.anchors.tables for toc_link in table.links}
    return [
        item
        for item in doc.items
        if id(item) not in in_toc and (deleted is None or not deleted.covers(item.start, item.end))
    ]


def _lists_changed(before: Document, kept: list[ListItem], found: list[ListItem]) -> str | None:
    """Whether the items kept still make up the same lists, nested the same way.

    In CommonMark a change of bullet starts a new list and equal bullets at one level join: a
    bullet or an indentation changed (or a block between two lists deleted) can merge two
    lists into one or split one, and nest an item under another. No capability allows that:
    it changes what the list shows and what rules judge together (copies within one list)."""
    old, new = _membership(kept), _membership(found)
    if old == new:
        return None
    at = next(index for index, (was, now) in enumerate(zip(old, new, strict=True)) if was != now)
    item = kept[at]
    shown = before.text[item.marker_start : before.line_end(item.line)][:60]
    return f"lists joined, split or nested anew at {shown!r}"


def _membership(items: list[ListItem]) -> list[tuple[int, int]]:
    """Each item's list and parent, as the order in which the list and the parent first come
    among ``items`` (so two texts compare whatever their offsets)."""
    lists: dict[int, int] = {}
    positions = {id(item): index for index, item in enumerate(items)}
    return [
        (
            lists.setdefault(item.list_id, len(lists)),
            -1 if item.parent is None else positions.get(id(item.parent), -2),
        )
        for item in items
    ]


def _headings_changed(before: Document, after: Document, relevelled: bool) -> str | None:
    """The same headings in the same order, at the same levels unless a relevel was declared."""
    old, new = before.headings, after.headings
    if [" ".join(h.text.split()) for h in old] != [" ".join(h.text.split()) for h in new]:
        return "headings changed"
    for was, now in zip(old, new, strict=True):
        if was.level != now.level and not relevelled:
            return f"heading {was.text[:60]!r} changed from level {was.level} to {now.level}"
    return None


def _rules_of(diagnostics: list[Diagnostic]) -> str:
    return ", ".join(sorted({d.rule for d in diagnostics}))
