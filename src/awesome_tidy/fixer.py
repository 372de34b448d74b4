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
A cap on passes and a set of texts already seen stop runaways.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from awesome_tidy.capabilities import LOCAL_KINDS, Verifier
from awesome_tidy.config import Config
from awesome_tidy.document import Document, ListItem
from awesome_tidy.linter import Diagnostic, lint
from awesome_tidy.rule import TEXT, Capability, apply_edits

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
    """Rules with a fix that was refused (not what the rule declared, or it lost text the
    backstop guards), with the first reason."""

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
    result = _fix_once(doc, config, unsafe)
    for _ in range(_RERUNS):
        if not result.withheld:
            break
        again = _fix_once(Document(result.text, doc.path), config, unsafe)
        if not again.applied:
            break
        result = FixResult(
            again.text,
            result.applied + again.applied,
            again.remaining,
            result.passes + again.passes,
            {**result.withheld, **again.withheld},
        )
    return result


_RERUNS = 3
"""Fresh runs after one that refused a fix: each starts from a text the last could not improve."""


def _fix_once(doc: Document, config: Config, unsafe: bool) -> FixResult:
    """One run of passes, remembering what it refused."""
    run = _Run(config, unsafe, {rule.name: rule.changes for rule in config.rules(doc.path)})
    current = doc
    # Hashes, not texts: on a 50 MB list, keeping every pass's text would cost 50 MB a pass.
    # A collision could only stop the fixer, never let a bad fix through.
    seen = {hash(doc.raw)}
    for passes in range(1, MAX_PASSES + 1):
        diagnostics = lint(current, config)
        chosen, refused = run.accepted(current, diagnostics)
        if not chosen:
            remaining = [_unfixed(d, refused.get(id(d))) for d in diagnostics]
            return FixResult(current.raw, run.applied, remaining, passes, run.reasons)
        fixed = run.apply(current, chosen)
        if fixed is current:
            continue  # the backstop withheld every rule of the pass: the next pass says why
        current = fixed
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
    applied: list[Diagnostic] = field(default_factory=list)
    withheld: dict[str, str] = field(default_factory=dict)
    """Rules whose fixes broke the backstop: none of their fixes is applied any more."""
    reasons: dict[str, str] = field(default_factory=dict)
    kinds: dict[int, set[str]] = field(default_factory=dict)
    rejected: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """Single fixes the backstop refused, by rule, line text and edits (offsets move between
    passes), with the reason: refused again when proposed again."""

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

    def apply(self, doc: Document, chosen: list[Diagnostic]) -> Document:
        """The document with the chosen fixes applied, less those the backstop refuses (found,
        only on a refusal, by letting the pass's rules in one at a time, and a refused rule's
        fixes by halves down to the one at fault)."""
        after = Document(_apply(doc, chosen), doc.path)
        if _backstop(doc, after, chosen, self.kinds) is None:
            self.applied.extend(chosen)
            return after
        kept: list[Diagnostic] = []
        for rule in sorted({d.rule for d in chosen}):
            fixes = [d for d in chosen if d.rule == rule]
            kept = self._admit(doc, kept, fixes, [_REJECTIONS])
        self.applied.extend(kept)
        return Document(_apply(doc, kept), doc.path) if kept else doc

    def _admit(
        self, doc: Document, kept: list[Diagnostic], fixes: list[Diagnostic], budget: list[int]
    ) -> list[Diagnostic]:
        """``kept`` and as many of one rule's ``fixes`` as the backstop lets through with it.
        A fix refused on its own is remembered; past a few, the whole rule is withheld for the
        run, so that a rule whose every fix is bad costs a few parses, not one per fix."""
        rule = fixes[0].rule
        if rule in self.withheld:
            return kept
        problem = _backstop(
            doc, Document(_apply(doc, kept + fixes), doc.path), kept + fixes, self.kinds
        )
        if problem is None:
            return kept + fixes
        self.reasons.setdefault(rule, problem)
        if len(fixes) == 1 and budget[0] > 0:
            budget[0] -= 1
            self.rejected[_identity(doc, fixes[0])] = problem
            return kept
        if len(fixes) == 1 or budget[0] <= 0:
            self.withheld[rule] = self.reasons[rule]
            return kept
        half = len(fixes) // 2
        kept = self._admit(doc, kept, fixes[:half], budget)
        return self._admit(doc, kept, fixes[half:], budget)


# How many single fixes of one rule the backstop may refuse in a pass before the rule is
# withheld whole: each refusal costs a parse per halving.
_REJECTIONS = 3


def _identity(doc: Document, diagnostic: Diagnostic) -> tuple[str, str, str]:
    """A fix as a later pass proposes it again: its rule, its line, and its edits' texts."""
    assert diagnostic.fix is not None
    edits = "\0".join(edit.text for edit in diagnostic.fix.edits)
    return diagnostic.rule, doc.line_text(diagnostic.line), edits


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
