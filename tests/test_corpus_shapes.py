"""Every list of the corpus, in its own shape: the entries recognised, and where errors are.

The counts were made by hand from each file (how is written next to each) and the error lines
were each read and judged a real defect; docs/corpus.md has the tables and the reviewed sample.
An error anywhere else is a false positive on a line a human judged clean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from awesome_tidy import check_text, fix_text
from awesome_tidy.document import Document
from conftest import FIXTURES

pytestmark = pytest.mark.slow  # every real list

CORPUS = FIXTURES / "corpus"
ODD = FIXTURES / "shapes" / "odd-list.md"


@dataclass(frozen=True)
class Expected:
    entries: int
    counted: str
    errors: frozenset[tuple[int, str]] = field(default_factory=frozenset)


def _errors(*found: tuple[int, str]) -> frozenset[tuple[int, str]]:
    return frozenset(found)


EXPECTED = {
    "BradyFU__Awesome-Multimodal-Large-Language-Models.md": Expected(
        609,
        "599 body rows of the paper and dataset tables, 10 bold highlight items",
        # MME-Survey is listed under two labelled groups of the highlights ('Surveys', 'MME
        # Series'): two lists of one section, a cross-listing on purpose, not a duplicate.
        _errors(),
    ),
    "CharlesKangZhou__awesome-anomaly-detection-in-medical-images.md": Expected(
        34, "every [Authors] [Title] [Venue] item; the 11 table-of-contents items are not"
    ),
    "Efficient-ML__Awesome-Model-Quantization.md": Expected(
        737,
        "726 '- [[Venue](url)] Title' items, 8 '**N. Title**' paragraphs, 3 link items",
        _errors(
            # 2021 to 2015 are not in the table of contents: its line `[2022–2015](#2022)`
            # covers them (study 21, deliberate-range-toc).
            (277, "duplicate-entry"),  # 'Quantization Error Propagation' twice in 2025
        ),
    ),
    "HqWu-HITCS__Awesome-Chinese-LLM.md": Expected(195, "every item with a 地址 sub-item"),
    "Junxi-Chen__Awesome-Video-Anomaly-Detection.md": Expected(
        71,
        "59 '1. [KEY] **Title**' items outside comments, 1 seminar, 11 dataset rows",
    ),
    "M-3LAB__awesome-industrial-anomaly-detection.md": Expected(
        957,
        "892 '+' items (all but the 58 table-of-contents lines), 65 table rows",
        _errors(
            (210, "duplicate-entry"),
            (232, "duplicate-entry"),
            (315, "duplicate-entry"),
            (765, "duplicate-entry"),
            (857, "duplicate-entry"),
            (933, "duplicate-entry"),
            (979, "duplicate-entry"),
            (1118, "duplicate-entry"),
        ),
    ),
    "M-3LAB__awesome-industrial-anomaly-detection__4f86a82.md": Expected(
        167,
        "every '+' item",
        _errors(
            (139, "heading-numbering"),  # ' # 2.3' under '## 2.2'
            (185, "key-year-mismatch"),  # wang2021defect, [[TII 2022]]
            (224, "key-year-mismatch"),  # DAGMGNSS2077, [[2000]]
        ),
    ),
    "code1007__Awesome-Industrial-Anomaly-Detection.md": Expected(
        42,
        "8 paper rows, 5 + 29 dataset rows; blank filler rows and the legend row are not",
        _errors((54, "full-width-bracket")),  # '(PCB）'
    ),
    "hoya012__awesome-anomaly-detection.md": Expected(
        145,
        "154 items less 6 table-of-contents and 3 contact links",
        _errors(
            (36, "toc"),
            (39, "toc"),
            (41, "toc"),  # anchors of renamed headings
            (119, "duplicate-entry"),
        ),
    ),
    "htqin__awesome-model-quantization.md": Expected(
        524,
        "520 '- [[Venue](url)] Title' items, 4 bold title paragraphs",
        _errors(
            (119, "duplicate-entry"),
            (134, "duplicate-entry"),
            (261, "duplicate-entry"),
            (291, "duplicate-entry"),
            (355, "duplicate-entry"),
            (396, "duplicate-entry"),
            (427, "duplicate-entry"),
        ),
    ),
    "jaywcjlove__awesome-mac.md": Expected(
        1152,
        "1149 '* [App](url)' items and 3 struck-through ones",
        _errors(
            (114, "toc"),  # misses 金融, 效率工具, 游戏软件
            (122, "toc"),  # '#命令行工具' has no heading
            (165, "toc"),  # 待办事项工具 out of order
        ),
    ),
    "sindresorhus__awesome.md": Expected(684, "every '- [Name](url)' item, nested ones too"),
    "thunlp__GNNPapers.md": Expected(461, "every numbered '1. **Title.**' item"),
    "vinta__awesome-python.md": Expected(
        501,
        "every '- [name](url)' item; sub-category and table-of-contents items are not",
        _errors((15, "toc")),  # Newsletters, Podcasts, Websites not listed
    ),
    "yuxin-jiang__Awesome-Anomaly-Generation.md": Expected(
        34, "50 items less 13 table-of-contents and 3 bold prose items"
    ),
    "zhuyiche__awesome-anomaly-detection.md": Expected(55, "every '- [Title](url)' item"),
}


def _lists() -> list[Path]:
    return sorted(path for path in CORPUS.glob("*.md") if path.name != "SOURCES.md")


def test_every_list_of_the_corpus_has_a_reviewed_expectation() -> None:
    assert {path.name for path in _lists()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_entries_recognised_match_the_hand_count(name: str) -> None:
    entries = Document((CORPUS / name).read_text(encoding="utf-8")).entries
    assert len(entries) == EXPECTED[name].entries, EXPECTED[name].counted


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_errors_only_on_lines_judged_defective(name: str) -> None:
    found = {
        (d.line, d.rule)
        for d in check_text((CORPUS / name).read_text(encoding="utf-8"))
        if d.severity == "error"
    }
    assert found == EXPECTED[name].errors


def test_an_odd_list_degrades_gracefully() -> None:
    """A shape never seen: nothing recognisable is an entry, nothing is an error, fix is stable."""
    text = ODD.read_text(encoding="utf-8")
    doc = Document(text)
    diagnostics = check_text(text)
    assert len(doc.entries) <= 3
    assert not [d for d in diagnostics if d.severity == "error"]
    assert len(diagnostics) <= 10
    once = fix_text(text).text
    assert fix_text(once).text == once
