"""docs/corpus.md cannot drift: its summary table says what ``check`` finds on each corpus list now.

A change to a rule or to the model that moves a count must update the table (and review the
sample of that list again).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from awesome_tidy import check_text
from awesome_tidy.document import Document
from conftest import FIXTURES

pytestmark = pytest.mark.slow  # every real list

CORPUS = FIXTURES / "corpus"
DOC = Path(__file__).parents[1] / "docs" / "corpus.md"
_ROW = re.compile(r"^\| ([\w.-]+) \| (\d+) \| \d+ \| (\d+) \| (\d+) \|", re.MULTILINE)
TABLE = {
    match.group(1): tuple(int(match.group(n)) for n in (2, 3, 4))
    for match in _ROW.finditer(DOC.read_text(encoding="utf-8"))
}
LISTS = sorted(path for path in CORPUS.glob("*.md") if path.name != "SOURCES.md")


def test_the_table_has_a_row_for_every_corpus_list() -> None:
    assert sorted(TABLE) == [path.stem for path in LISTS]


@pytest.mark.parametrize("path", LISTS, ids=lambda path: path.stem)
def test_entries_findings_and_errors_are_those_of_the_table(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = check_text(text)
    errors = sum(diagnostic.severity == "error" for diagnostic in found)
    assert (len(Document(text).entries), len(found), errors) == TABLE[path.stem]
