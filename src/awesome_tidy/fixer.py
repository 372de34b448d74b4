"""Apply fixes in passes until the text is stable, then prove nothing was lost.

Each pass lints the current text and applies, left to right, every wanted fix that does not
overlap one already taken; the others wait for the next pass. A cap on passes and a set of texts
already seen stop runaways. The result is checked against the original: the same entries (key,
title, year in normal form), headings and their levels, list items, links, code and HTML. On a
difference, the fixes of the rules that cause it are withheld and the others applied again;
nothing is kept when no other fix remains.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from awesome_tidy.config import Config
from awesome_tidy.document import Document
from awesome_tidy.entries import Entry
from awesome_tidy.linter import Diagnostic, lint
from awesome_tidy.text import INVISIBLE, normalize_title

_WORD = re.compile(r"[^\W_]+")

MAX_PASSES = 20

# What one rule alone may change, by design. heading-numbering gives a numbered heading the
# level its number says; duplicate-entry deletes an exact copy of an entry, sub-items and all;
# toc rewrites the items of a table of contents from the headings.
RELEVELS_HEADINGS = "heading-numbering"
REMOVES_ITEMS = "duplicate-entry"
REWRITES_TOC = "toc"


class FixError(Exception):
    """The fixes did not converge (they cycle, or never settle); the original text stands."""


@dataclass
class FixResult:
    text: str
    applied: list[Diagnostic] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)
    passes: int = 0
    withheld: dict[str, str] = field(default_factory=dict)
    """Rules whose fixes were not applied because verification refused them, with the reason."""

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fix_document(doc: Document, config: Config | None = None, *, unsafe: bool = False) -> FixResult:
    """Fix ``doc``; the result's text keeps the source's line endings.

    When verification refuses the result, the fixes of the rules that cause it are withheld and
    the others applied: their findings stay, unfixed, with the reason.
    """
    config = config or Config()
    withheld: dict[str, str] = {}
    while (run := _run(doc, config, unsafe, frozenset(withheld))).problems:
        withheld.update(_culprits(doc, config, unsafe, withheld, run))
    run.result.withheld = withheld
    run.result.remaining = [_unfixed(d, withheld, unsafe) for d in run.result.remaining]
    return run.result


@dataclass
class _Run:
    """The fixes of one run, and what verification found wrong with them."""

    result: FixResult
    problems: list[str]

    @property
    def rules(self) -> list[str]:
        return sorted({d.rule for d in self.result.applied})


def _run(doc: Document, config: Config, unsafe: bool, withheld: frozenset[str]) -> _Run:
    """Apply the wanted fixes of every rule but the withheld in passes, then verify."""
    current = doc
    applied: list[Diagnostic] = []
    # Hashes, not texts: on a 50 MB list, keeping every pass's text would cost 50 MB a pass.
    # A collision could only refuse a fix, never let a bad one through.
    seen = {hash(doc.raw)}
    removed_items = 0
    for passes in range(1, MAX_PASSES + 1):
        diagnostics = lint(current, config)
        chosen = _non_overlapping(
            d for d in diagnostics if d.rule not in withheld and _wanted(d, unsafe)
        )
        if not chosen:
            problems = _verify(doc, current, applied, removed_items)
            return _Run(FixResult(current.raw, applied, diagnostics, passes), problems)
        text = _apply(current, chosen)
        if hash(text) in seen:
            raise FixError(f"fixes do not converge (they cycle): {_rules_of(chosen)}")
        seen.add(hash(text))
        applied.extend(chosen)
        removed_items += _items_removed(current, chosen)
        current = Document(text, doc.path)
    raise FixError(f"fixes did not converge after {MAX_PASSES} passes: {_rules_of(applied)}")


def _wanted(diagnostic: Diagnostic, unsafe: bool) -> bool:
    return diagnostic.fix is not None and (unsafe or diagnostic.fix.is_safe)


def _culprits(
    doc: Document, config: Config, unsafe: bool, withheld: dict[str, str], refused: _Run
) -> dict[str, str]:
    """The rules of a refused run whose fixes to withhold, each with the reason.

    The rules are let in one at a time, by name: a rule whose fixes, added to those already let
    in, are refused is a culprit. The last rule in makes the refused run again, so at least one
    rule is always found.
    """
    rules = refused.rules
    if len(rules) == 1:
        return {rules[0]: "; ".join(refused.problems)}
    found: dict[str, str] = {}
    for index, rule in enumerate(rules):
        trial = _run(doc, config, unsafe, frozenset([*withheld, *found, *rules[index + 1 :]]))
        if trial.problems:
            found[rule] = "; ".join(trial.problems)
    return found


def _unfixed(diagnostic: Diagnostic, withheld: dict[str, str], unsafe: bool) -> Diagnostic:
    """A finding of a withheld rule: no fix, and the reason in its message."""
    if diagnostic.rule not in withheld or not _wanted(diagnostic, unsafe):
        return diagnostic
    message = f"{diagnostic.message} (not fixed: {withheld[diagnostic.rule]})"
    return replace(diagnostic, fix=None, message=message)


def _non_overlapping(candidates: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Fixes whose spans are disjoint, leftmost first; touching spans also wait a pass."""
    chosen: list[Diagnostic] = []
    taken_until = -1
    with_fixes = [(d.fix, d) for d in candidates if d.fix is not None]
    for fix, diagnostic in sorted(with_fixes, key=lambda pair: (pair[0].start, pair[0].end)):
        if fix.start > taken_until:
            chosen.append(diagnostic)
            taken_until = fix.end
    return chosen


def _apply(doc: Document, chosen: list[Diagnostic]) -> str:
    """Apply the fixes' edits to the raw text, mapping offsets past CRLF line endings."""
    raw = doc.raw
    newline = doc.newline
    pieces = []
    at = 0
    edits = sorted((edit for d in chosen if d.fix for edit in d.fix.edits), key=lambda e: e.start)
    for edit in edits:
        start, end = doc.raw_offset(edit.start), doc.raw_offset(edit.end)
        pieces.append(raw[at:start])
        pieces.append(edit.text.replace("\n", newline) if newline != "\n" else edit.text)
        at = end
    pieces.append(raw[at:])
    return "".join(pieces)


def _items_removed(doc: Document, chosen: list[Diagnostic]) -> int:
    """How many list items the chosen duplicate-entry fixes delete whole (sub-items included)."""
    starts = [item.start for item in doc.items]
    removed = 0
    for diagnostic in chosen:
        if diagnostic.rule != REMOVES_ITEMS or diagnostic.fix is None:
            continue
        for edit in diagnostic.fix.edits:
            first = bisect_left(starts, edit.start)
            inside = doc.items[first : bisect_left(starts, edit.end)]
            removed += sum(1 for item in inside if not edit.text and item.end <= edit.end)
    return removed


def _verify(
    before: Document, after: Document, applied: list[Diagnostic], removed_items: int = 0
) -> list[str]:
    """What the fixed document lost or changed of what no fix may touch."""
    if not applied:
        return []
    rules = {d.rule for d in applied}
    return [
        problem
        for problem in (
            _entries_changed(before, after, applied),
            _headings_changed(before, after, rules),
            _items_changed(before, after, rules, removed_items),
            "links changed" if _links(before) != _links(after) else None,
            "code, HTML or comments changed" if _blocks(before) != _blocks(after) else None,
        )
        if problem is not None
    ]


def _entries_changed(before: Document, after: Document, applied: list[Diagnostic]) -> str | None:
    fold_case = any(d.fix is not None and not d.fix.is_safe for d in applied)
    old_entries = Counter(_identity(entry, fold_case) for entry in before.entries)
    new_entries = Counter(_identity(entry, fold_case) for entry in after.entries)
    if set(old_entries) == set(new_entries) and all(
        new_entries[identity] <= count for identity, count in old_entries.items()
    ):
        return None
    lost = sorted(
        str(entry.identity())
        for entry in before.entries
        if not new_entries[_identity(entry, fold_case)]
    )
    return "entries changed" + (f" (lost {lost[0]})" if lost else "")


def _headings_changed(before: Document, after: Document, rules: set[str]) -> str | None:
    """The same headings in the same order; a level changes only where heading-numbering set
    the level of a numbered heading."""
    old, new = before.headings, after.headings
    if [normalize_title(h.text) for h in old] != [normalize_title(h.text) for h in new]:
        return "headings changed"
    for was, now in zip(old, new, strict=True):
        if was.level != now.level and (was.number is None or RELEVELS_HEADINGS not in rules):
            return f"heading {was.text!r} changed from level {was.level} to {now.level}"
    return None


def _items_changed(before: Document, after: Document, rules: set[str], removed: int) -> str | None:
    """As many list items as before, less those duplicate-entry removed; the items of a table
    of contents are left out of the count when the toc rule rewrote it."""
    rewritten_toc = REWRITES_TOC in rules
    expected = _item_count(before, rewritten_toc) - removed
    found = _item_count(after, rewritten_toc)
    if found == expected:
        return None
    return f"list items changed ({expected} expected, {found} found)"


def _item_count(doc: Document, without_toc: bool) -> int:
    if not without_toc:
        return len(doc.items)
    in_toc = {id(toc_link.item) for table in doc.anchors.tables for toc_link in table.links}
    return len(doc.items) - len(in_toc)


def _identity(entry: Entry, fold_case: bool) -> tuple[str, int | None]:
    """The words of key and title and the year; case folded where unsafe fixes were applied.

    Key and title are read as one: whether a leading ``(token)`` is a key is decided by the
    whole list, and a fix elsewhere (a duplicate removed) may tip that decision without changing
    a single character of this entry. What fixes may change in them is not a word: braces,
    brackets, punctuation, spacing, full-width forms (NFKC) and invisible characters. An
    unsafe fix, applied only on request, may also change letter case (a plugin that title-cases
    titles); no fix may add, drop or respell a word.
    """
    key = entry.key.text if entry.key else ""
    title = entry.title.text if entry.title else ""
    folded = unicodedata.normalize("NFKC", f"{key} {title}")
    for char in INVISIBLE:
        folded = folded.replace(char, " ")
    if fold_case:
        folded = folded.casefold()
    return " ".join(_WORD.findall(folded)), entry.year_value


def _links(doc: Document) -> set[str]:
    return {link.url.text for entry in doc.entries for link in entry.links}


def _blocks(doc: Document) -> list[str]:
    return [doc.text[block.start : block.end] for block in doc.blocks]


def _rules_of(diagnostics: list[Diagnostic]) -> str:
    return ", ".join(sorted({d.rule for d in diagnostics}))
