"""Corpus regression: ``check`` and ``fix`` over every real list, and what a fix must keep.

For each list of ``tests/fixtures/corpus/`` and the reference list: ``check`` and ``fix`` run
without error or refusal; the fix is idempotent; every entry keeps its key, title and year (only
exact copies go); every link target stays, except in-page anchors that the ``toc`` rule
repairs; code, HTML and comments are kept byte for byte; headings keep their text, and their
level unless ``heading-numbering`` makes it agree with the heading's number.
How long ``check`` and ``fix`` took on each list is printed in the terminal summary and
recorded as test properties (timings are reported, never asserted: see ``benchmarks/``).

test_corpus_shapes.py holds the per-list expectations (entries recognised, errors judged);
this file holds what every fix must keep, on the same lists.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesome_tidy import check_text, fix_text
from awesome_tidy.document import Document
from awesome_tidy.inline import links
from conftest import FIXTURES, REFERENCE

pytestmark = pytest.mark.slow  # check and fix of every real list

LISTS = [
    *sorted(path for path in (FIXTURES / "corpus").glob("*.md") if path.name != "SOURCES.md"),
    REFERENCE,
]


class Timings:
    """Seconds per list, shown as a table in the terminal summary."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple[int, float, float, int]] = {}

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not self.rows:
            return
        terminalreporter.section("corpus regression: seconds per list")
        terminalreporter.write_line(
            f"{'list':<64} {'bytes':>8} {'check':>6} {'fix':>6} {'fixes':>6}"
        )
        for name, (size, check, fix, applied) in self.rows.items():
            terminalreporter.write_line(
                f"{name:<64} {size:>8} {check:>6.2f} {fix:>6.2f} {applied:>6}"
            )


@pytest.fixture(scope="module")
def timings(request: pytest.FixtureRequest) -> Iterator[Timings]:
    table = Timings()
    request.config.pluginmanager.register(table, "corpus-timings")
    yield table


def _url_targets(doc: Document) -> tuple[set[str], set[str]]:
    """The link targets of the whole text: (other places, in-page anchors)."""
    urls = {link.url.text for link in links(doc.text, 0, len(doc.text))}
    anchors = {url for url in urls if url.startswith("#")}
    return urls - anchors, anchors


def _entry_links(doc: Document) -> set[str]:
    return {link.url.text for entry in doc.entries for link in entry.links}


@pytest.mark.parametrize("path", LISTS, ids=lambda path: path.stem)
def test_check_and_fix_keep_everything_on_a_real_list(
    path: Path, timings: Timings, record_property: pytest.RecordProperty
) -> None:
    text = path.read_bytes().decode("utf-8")
    started = time.perf_counter()
    check_text(text)
    checked = time.perf_counter()
    result = fix_text(text)  # a refusal raises FixError: on a real list, that is a bug
    fixed = time.perf_counter()
    size, applied = path.stat().st_size, len(result.applied)
    timings.rows[path.name] = (size, checked - started, fixed - checked, applied)
    record_property("check_seconds", round(checked - started, 3))
    record_property("fix_seconds", round(fixed - checked, 3))

    again = fix_text(result.text)
    assert again.text == result.text and not again.applied, "fix is not idempotent"
    before, after = Document(text), Document(result.text)
    rules = {d.rule for d in result.applied}
    removed = sum(1 for d in result.applied if d.rule == "duplicate-entry")
    assert_entries_kept(before, after, removed)
    assert_links_kept(before, after, toc_fixed="toc" in rules)
    assert [text[b.start : b.end] for b in before.blocks] == [
        result.text[b.start : b.end] for b in after.blocks
    ], "code, HTML or comments changed"
    assert_headings_kept(before, after, renumbered="heading-numbering" in rules)


def assert_entries_kept(before: Document, after: Document, removed: int) -> None:
    """Every entry's key, title and year stay; only the copies duplicate-entry removed go."""
    old = Counter(entry.identity() for entry in before.entries)
    new = Counter(entry.identity() for entry in after.entries)
    assert set(old) == set(new), set(old) ^ set(new)
    assert (old - new).total() == removed and not new - old


def assert_links_kept(before: Document, after: Document, *, toc_fixed: bool) -> None:
    """Every link target stays; an in-page anchor may change where the toc rule repaired it."""
    assert _entry_links(before) == _entry_links(after)
    (old_urls, old_anchors), (new_urls, new_anchors) = _url_targets(before), _url_targets(after)
    assert old_urls == new_urls
    assert old_anchors == new_anchors or toc_fixed


def assert_headings_kept(before: Document, after: Document, *, renumbered: bool) -> None:
    """The same heading texts; a level changes only where heading-numbering made it agree with
    the heading's number."""
    assert [h.text for h in before.headings] == [h.text for h in after.headings]
    relevelled = [old.number for old, new in zip(before.headings, after.headings, strict=True)
                  if old.level != new.level]  # fmt: skip
    assert not relevelled or (renumbered and all(relevelled))
