"""The reference list: the exact findings, the exact fixed file, and what fix leaves to a human."""

from __future__ import annotations

from collections import Counter

from awesome_tidy import check_text, fix_text
from awesome_tidy.document import Document
from conftest import FIXTURES, REFERENCE

FINDINGS = FIXTURES / "reference" / "awesome-industrial-anomaly-detection.findings.txt"
FIXED = FIXTURES / "reference" / "awesome-industrial-anomaly-detection.fixed.md"


def _render(diagnostics: list) -> str:
    return "".join(
        f"{d.line}:{d.column} {d.severity} {d.rule} {d.message}"
        + (f" [related {d.related_line}]" if d.related_line else "")
        + "\n"
        for d in diagnostics
    )


def test_findings_match_the_reviewed_golden_file(reference_text: str) -> None:
    assert _render(check_text(reference_text)) == FINDINGS.read_text(encoding="utf-8")


_INDENTED_HEADINGS = {76, 77, 106, 110, 120, 124, 139, 140, 153, 162, 177, 185, 187, 189, 191}
# The defects the core issue names on the reference list, by rule, as line numbers.
ISSUE_LINES = {
    "duplicate-entry": {28, 29, 55, 58, 75, 143, 144, 145, 146},
    "stray-brace": {9, 80, 178, 199, 206},
    "full-width-bracket": {114, 115},
    "key-style": {16, 50, 53, 54, 69, 160, 194, 210},
    "key-title-mismatch": {166},
    "missing-year": {160},
    "key-year-mismatch": {210},
    "heading-numbering": {124},
    "entry-spacing": {37, 63},
    "trailing-whitespace": {42},
    "heading-indent": _INDENTED_HEADINGS,
    "list-indent": set(range(63, 211)) - _INDENTED_HEADINGS,
}


def test_every_defect_the_issue_names_is_reported_and_nothing_else(reference_text: str) -> None:
    found: dict[str, set[int]] = {}
    for diagnostic in check_text(reference_text):
        found.setdefault(diagnostic.rule, set()).add(diagnostic.line)
    cross_section = found.pop("cross-section-duplicate")
    assert found == ISSUE_LINES
    assert {148, 159, 182} <= cross_section


def test_cross_section_duplicates_point_at_the_first_copy(reference_text: str) -> None:
    related = {
        d.line: d.related_line
        for d in check_text(reference_text)
        if d.rule == "cross-section-duplicate"
    }
    assert related[148] == related[159] == related[182] == 68


def test_fix_gives_the_reviewed_golden_file(reference_text: str) -> None:
    assert fix_text(reference_text).text == FIXED.read_text(encoding="utf-8")


def test_fix_leaves_only_what_needs_a_human(reference_text: str) -> None:
    remaining = Counter(d.rule for d in fix_text(reference_text).remaining)
    assert set(remaining) == {
        "key-style",
        "missing-year",
        "key-year-mismatch",
        "key-title-mismatch",
        "cross-section-duplicate",
    }


def test_fix_keeps_every_entry_but_the_exact_copies(reference_text: str) -> None:
    before = Document(reference_text)
    after = Document(fix_text(reference_text).text)
    assert {e.identity() for e in before.entries} == {e.identity() for e in after.entries}
    assert len(before.entries) - len(after.entries) == 9
    assert [h.text for h in before.headings] == [h.text for h in after.headings]


def test_fix_is_idempotent(reference_text: str) -> None:
    once = fix_text(reference_text).text
    assert fix_text(once).text == once
    assert not fix_text(once).applied


def test_reference_fixture_is_the_shared_reference() -> None:
    shared = REFERENCE.parents[4] / "shared" / "reference" / REFERENCE.name
    if shared.is_file():
        assert shared.read_bytes() == REFERENCE.read_bytes()
