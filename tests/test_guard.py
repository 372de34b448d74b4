"""The guard against misreads: one rule reporting most entries written alike is said once.

Every list here is made up to show one case; none is copied from a real list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesome_tidy import Config, Document, check_text, fix_text
from awesome_tidy.guard import Thresholds, apply_guard, reason
from awesome_tidy.registry import RuleLoadError, builtin_rules, validate_rule_class
from awesome_tidy.rule import Problem, Rule, Storms, storms_problem
from conftest import FIXTURES, REFERENCE

GUARDED = ("unrecognised-shape", "repeated-punctuation")


def modules(names: list[str], heading: str = "## Parsing") -> str:
    """A section of link items whose names, like CSS pseudo-elements, all start with ``::``."""
    items = [
        f"- [{name}](https://example.org/{name.lower()}) - Does one thing well." for name in names
    ]
    return "\n".join([heading, "", *items, ""])


# A list whose author writes ",," between two names everywhere: a habit, not six typos.
SIX = ["Loam,, clay", "Silt,, sand", "Peat,, moss", "Marl,, lime", "Chalk,, flint", "Shale,, slate"]
STORM = "# Made-up Soil Notes\n\n" + modules(SIX, "## Soil pairs")


def per_entry(names: list[str], first_line: int = 5) -> list[tuple[int, int, str]]:
    """Where ``repeated-punctuation`` reports each name's ``,,`` (after ``- [``)."""
    return [
        (first_line + index, 4 + name.index(",,"), "repeated-punctuation")
        for index, name in enumerate(names)
    ]


def found(text: str, config: Config | None = None) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.rule) for d in check_text(text, config)]


def test_a_storm_on_every_entry_of_a_section_is_one_info_on_its_first_entry() -> None:
    [diagnostic] = check_text(STORM)
    assert (diagnostic.line, diagnostic.column, diagnostic.rule) == (5, 1, "unrecognised-shape")
    assert diagnostic.severity == "info"
    assert diagnostic.fix is None
    assert diagnostic.message == (
        "6 of 6 list-item entries with link titles in section 'Soil pairs' would get "
        "repeated-punctuation, e.g. \"',,' in title\": shape not recognised, reported once"
    )


def test_turning_the_rule_off_reports_every_entry_again() -> None:
    assert found(STORM, Config(ignore=("unrecognised-shape",))) == per_entry(SIX)
    assert found(STORM, Config(select=("repeated-punctuation",))) == per_entry(SIX)


def test_the_misread_is_not_fixed() -> None:
    assert fix_text(STORM).text == STORM
    assert fix_text(STORM, unsafe=True).text == STORM


def test_four_entries_are_no_storm() -> None:
    text = "# Made-up CSS Notes\n\n" + modules(SIX[:4])
    assert found(text, Config(select=GUARDED)) == per_entry(SIX[:4])


def test_min_entries_is_an_option() -> None:
    text = "# Made-up CSS Notes\n\n" + modules(SIX[:4])
    config = Config(select=GUARDED, rule_options={"unrecognised-shape": {"min-entries": 3}})
    assert found(text, config) == [(5, 1, "unrecognised-shape")]


def test_less_than_three_quarters_of_a_group_is_reported_entry_by_entry() -> None:
    plain = ["Fold", "Walk", "Tail", "Ping"]
    text = "# Made-up CSS Notes\n\n" + modules(SIX + plain)  # 6 of 10
    assert found(text, Config(select=GUARDED)) == per_entry(SIX)


def test_a_misread_spread_over_small_sections_is_one_finding_for_the_list() -> None:
    sections = [modules(SIX[i : i + 2], f"## Part {i // 2 + 1}") for i in range(0, 6, 2)]
    text = "# Made-up CSS Notes\n\n" + "\n".join(sections)
    diagnostics = check_text(text, Config(select=GUARDED))
    assert [(d.line, d.column, d.rule) for d in diagnostics] == [(5, 1, "unrecognised-shape")]
    assert "6 of 6 list-item entries with link titles in the list" in diagnostics[0].message


def test_one_misread_section_among_normal_ones_is_summarised_alone() -> None:
    normal = modules(["Fold", "Walk", "Tail", "Ping", "Span", "Size", "Copy"], "## Tools")
    text = "# Made-up CSS Notes\n\n" + normal + "\n" + modules(SIX, "## Modules")
    assert found(text, Config(select=GUARDED)) == [(15, 1, "unrecognised-shape")]


def test_the_summary_can_be_suppressed_where_it_stands() -> None:
    comment = "<!-- awesome-tidy-disable-next-line unrecognised-shape -->\n"
    text = STORM.replace("- [Loam,, clay]", comment + "- [Loam,, clay]")
    assert found(text) == []


def test_suppressed_findings_are_not_counted_and_their_comment_is_used() -> None:
    text = (
        "# Made-up CSS Notes\n\n<!-- awesome-tidy-disable repeated-punctuation -->\n"
        + modules(SIX)
        + "<!-- awesome-tidy-enable repeated-punctuation -->\n"
    )
    assert found(text) == []


def test_the_severity_of_the_summary_can_be_changed() -> None:
    [diagnostic] = check_text(STORM, Config(severity={"unrecognised-shape": "warning"}))
    assert diagnostic.severity == "warning"


def braced(count: int, plain: int = 0) -> str:
    """A keyed list whose first ``count`` titles keep a BibTeX brace pair, the rest none."""
    titles = [f"+ (a{i}2020x){{Robust}} grasping number {i}[2020]" for i in range(count)]
    titles += [f"+ (b{i}2020x)Plain grasping number {i}[2020]" for i in range(plain)]
    return "# Made-up Grasping\n\n## Papers\n" + "\n".join(titles) + "\n"


def test_a_storm_of_a_defect_in_any_reading_is_reported_below_nine_in_ten() -> None:
    text = braced(8, 2)  # BibTeX remnants in eight of ten entries: a real storm, fixed
    lines = [d.line for d in check_text(text) if d.rule == "stray-brace"]
    assert lines == [line for line in range(4, 12) for _ in range(2)]
    assert "{" not in fix_text(text).text


def test_a_section_of_empty_links_among_real_ones_is_reported_link_by_link() -> None:
    real = "\n".join(f"- [Survey {n}](https://example.org/s{n}) - Sorts." for n in range(4))
    empty = "\n".join(f"- [Preprint {n}]() - Not out yet." for n in range(5))
    text = f"# Made-up Papers\n\n## Surveys\n\n{real}\n\n## Preprints\n\n{empty}\n"
    assert [d.line for d in check_text(text)] == [12, 13, 14, 15, 16]


def test_a_defect_on_every_entry_of_the_list_is_its_habit_and_is_left_alone() -> None:
    text = braced(6)
    assert found(text) == [(4, 1, "unrecognised-shape")]
    assert fix_text(text).text == text
    assert len(found(text, Config(ignore=("unrecognised-shape",)))) == 12


# One contributor's section writes its dates with full-width parentheses, another section not:
# the list has no habit, so each of the section's parentheses would be an error and a restyle.
LEE = [f"- [Paper {n}](https://example.org/l{n}) - Lee（20{10 + n}）." for n in range(6)]
KIM = [f"- [Study {n}](https://example.org/k{n}) - Kim (20{10 + n})." for n in range(7)]
SECTIONS = "# Made-up Reading\n\n## By Lee\n\n" + "\n".join(LEE) + "\n\n## By Kim\n\n"
SECTIONS += "\n".join(KIM) + "\n"


def test_a_sections_own_full_width_habit_is_one_info_and_no_fix() -> None:
    [diagnostic] = check_text(SECTIONS)
    assert (diagnostic.line, diagnostic.rule) == (5, "unrecognised-shape")
    assert "6 of 6 list-item entries with link titles in section 'By Lee'" in diagnostic.message
    assert "full-width-bracket" in diagnostic.message
    assert fix_text(SECTIONS).text == SECTIONS  # not one of the six lines restyled
    assert fix_text(SECTIONS, unsafe=True).text == SECTIONS
    every = Config(ignore=("unrecognised-shape",))
    assert [d.line for d in check_text(SECTIONS, every)] == [5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10]
    assert fix_text(SECTIONS, every).text != SECTIONS


# A section whose bullets differ from the rest of the list is what list-marker reports.
STARS = "\n".join(f"* [Bird {n}](https://example.org/b{n}) - Sings." for n in range(6))
DASHES = "\n".join(f"- [Tool {n}](https://example.org/t{n}) - Cuts." for n in range(20))
BULLETS = f"# Made-up Things\n\n## Tools\n\n{DASHES}\n\n## Birds\n\n{STARS}\n"


def test_layout_rules_are_guarded_over_the_whole_list_only() -> None:
    lines = [d.line for d in check_text(BULLETS) if d.rule == "list-marker"]
    assert lines == [28]  # a section written whole in its own bullet: one finding for it
    assert fix_text(BULLETS).text == BULLETS  # and no restyle


def test_an_option_that_states_the_expectation_turns_the_guard_off_for_its_rule() -> None:
    config = Config(rule_options={"list-marker": {"marker": "*"}})
    lines = [d.line for d in check_text(BULLETS, config) if d.rule == "list-marker"]
    assert lines == list(range(5, 25))  # 20 of 26 entries, above three quarters: asked for
    assert [rule.storms() for rule in config.rules(None) if rule.name == "list-marker"] == [None]
    auto = [rule.storms() for rule in Config().rules(None) if rule.name == "list-marker"]
    assert auto == [Storms(sections=False, expectation="marker", forms=False)]


def test_every_rule_that_reports_entries_declares_how_it_is_guarded() -> None:
    unguarded = {rule.name for rule in Config().rules(None) if rule.storms() is None}
    assert unguarded == {
        "cross-section-duplicate", "empty-section", "entry-spacing",
        "final-newline", "heading-indent", "heading-numbering", "toc", "trailing-whitespace",
        "unrecognised-shape", "unused-suppression", "year-out-of-range",
    }  # fmt: skip


class _EveryEntry(Rule):
    """A plugin rule that declares it judges entries, and reports every one."""

    name = "every-entry"
    summary = "Every entry."
    judges_entries = True

    def check(self, doc: Document) -> Iterator[Problem]:
        for entry in doc.entries:
            yield self.problem(entry.body.start, message=f"entry {entry.line} is odd")


def test_a_plugin_rule_joins_the_guard_by_declaring_it() -> None:
    doc = Document(STORM)
    rule = _EveryEntry()
    problems = [(problem, rule.severity) for problem in rule.check(doc)]
    guarded = apply_guard(doc, problems, [rule], Thresholds(5, 0.75), "info")
    assert [(p.rule, doc.position(p.start)) for p, _ in guarded] == [("unrecognised-shape", (5, 1))]
    undeclared = type("Undeclared", (_EveryEntry,), {"judges_entries": False})()
    assert apply_guard(doc, problems, [undeclared], Thresholds(5, 0.75), "info") == problems


def test_every_built_in_declaration_is_one_the_guard_can_use() -> None:
    assert [rule.name for rule in builtin_rules() if storms_problem(rule)] == []


def test_a_plugin_declaring_an_unusable_guard_is_refused_in_one_line() -> None:
    odd = type("Odd", (_EveryEntry,), {"judges_entries": Storms(expectation="style")})
    with pytest.raises(RuleLoadError, match="'style', which is not an option of the rule"):
        validate_rule_class(odd, "odd-plugin")
    wrong = type("Wrong", (_EveryEntry,), {"judges_entries": "yes"})
    with pytest.raises(RuleLoadError, match="judges_entries must be True, False or a Storms"):
        validate_rule_class(wrong, "odd-plugin")


def test_a_reason_is_the_message_without_its_quoted_fragments_and_numbers() -> None:
    assert reason("'::' in title") == reason("'!!' in title") == "_ in title"
    assert reason("key 'a1' says 2020, the entry says 2021") == "key _ says _, the entry says _"
    assert reason("'::' in title") != reason("'::' in description")


CORPUS_LISTS = sorted(
    path for path in (FIXTURES / "corpus").glob("*.md") if path.name != "SOURCES.md"
)


@pytest.mark.parametrize("path", [*CORPUS_LISTS, REFERENCE], ids=lambda path: path.stem)
def test_the_guard_stays_quiet_on_every_list_of_the_corpus(path: Path) -> None:
    """Normal lists keep every finding: the thresholds sit above what real defects reach."""
    diagnostics = check_text(path.read_text(encoding="utf-8"))
    assert not [d for d in diagnostics if d.rule == "unrecognised-shape"]


# Titles misread as a tag every entry of a section shares in twos and threes (``- `Pre-training`-
# `Text` [PubMed](...)``): each entry but the first of its tag is reported as a copy of that first.
TAGS = ["Text"] * 3 + ["Molecule"] * 3 + ["Protein"] * 2 + ["Cell"] * 2
TAGGED = (
    "# Made-up Corpora\n\n## Datasets\n\n"
    + "\n".join(
        f"- [{tag} set {n}](https://example.org/c{n}) - For pre-training."
        for n, tag in enumerate(TAGS)
    )
    + "\n"
)


class _SameTag(Rule):
    """A plugin rule that takes each entry's tag (the first word of its title) for the paper."""

    name = "same-tag"
    summary = "Two entries with one tag."
    judges_entries = Storms(pairs=True)

    def check(self, doc: Document) -> Iterator[Problem]:
        first: dict[str, int] = {}
        for entry in doc.entries:
            tag = doc.text[entry.body.start : entry.body.end].split()[0]
            start = first.setdefault(tag, entry.start)
            if start != entry.start:
                yield self.problem(entry.body.start, message=f"copy of {tag!r}", related=start)


def test_a_pairing_rule_counts_both_copies_so_a_shared_misread_title_is_one_storm() -> None:
    doc = Document(TAGGED)
    rule = _SameTag()
    problems = [(problem, rule.severity) for problem in rule.check(doc)]
    assert len(problems) == 6  # six of ten entries, below three quarters counted per copy
    [(summary, severity)] = apply_guard(doc, problems, [rule], Thresholds(5, 0.75), "info")
    assert (summary.rule, severity, doc.position(summary.start)) == (
        "unrecognised-shape",
        "info",
        (5, 1),
    )
    assert summary.message.startswith("10 of 10 list-item entries")
    unpaired = type("Unpaired", (_SameTag,), {"judges_entries": True})()
    assert apply_guard(doc, problems, [unpaired], Thresholds(5, 0.75), "info") == problems


ROWS = "\n".join(f"- [Study {n}](https://example.org/s{n}) - Soil, {2010 + n}." for n in range(6))
PASTED = f"# Made-up Soil\n\n## Studies\n\n{ROWS}\n{ROWS}\n"


def test_a_section_pasted_twice_word_for_word_is_still_reported_and_fixed() -> None:
    # Every entry is one of a pair, but identical copies are copies in any reading: the pairs
    # of findings that carry a fix are not guarded.
    found = [d for d in check_text(PASTED) if d.rule != "list-marker"]
    assert [(d.rule, d.line) for d in found] == [("duplicate-entry", n) for n in range(11, 17)]
    assert fix_text(PASTED).text == f"# Made-up Soil\n\n## Studies\n\n{ROWS}\n"


# The last section of a list written with another bullet: plain titles in one subsection, as in
# the rest of the list, and link titles in another, which its entries alone have. Grouped by
# title form, the links would be summarised and the plain titles restyled: a section left mixed.
BOLD = "\n".join(f"- A Soil Tool {n} [Site](https://example.org/t{n})" for n in range(50))
SURVEYS = "\n".join(f"* A Survey of Soil {n} [Arxiv](https://example.org/v{n})" for n in range(6))
REPOS = "\n".join(f"* [Soil-Repo-{n}](https://example.org/r{n})" for n in range(6))
RELATED = (
    f"# Made-up Soil Tools\n\n## Tools\n\n{BOLD}\n\n## Related\n\n### Surveys\n\n{SURVEYS}\n\n"
    f"### Repositories\n\n{REPOS}\n"
)


def test_layout_is_guarded_whatever_the_title_form_so_a_fix_never_leaves_a_section_mixed() -> None:
    lines = [d.line for d in check_text(RELATED) if d.rule == "list-marker"]
    assert lines == [60]  # its two sub-sections in '*': one block, one finding
    assert not [d for d in check_text(RELATED) if d.rule == "unrecognised-shape"]
    # Written whole in its own bullet, the section is reported without a fix: not one bullet
    # of it restyled, where a fix of the plain titles alone left it mixed.
    assert fix_text(RELATED).text.count("\n* ") == 12


# Papers written as numbered headings under venue headings, numbered on across venues: an
# outline empty-section's own checks cannot tell from a plain one (a run restarting at 1 they
# can), so every paper is a section with nothing in it.
FIRST = "\n".join(f"### {n}、A Made-up Paper on Soil {n}" for n in range(1, 9))
SECOND = "\n".join(f"### {n}、A Made-up Paper on Soil {n}" for n in range(9, 17))
HEADED = (
    f"# Made-up Soil Papers\n\n## ICML 2022\n\n- [Soil notes](https://example.org/n)\n\n{FIRST}\n\n"
    f"## NeurIPS 2022\n\n- [Loam notes](https://example.org/m)\n\n{SECOND}\n"
)


def test_sections_of_papers_written_as_headings_are_one_info_per_numbering() -> None:
    found = [(d.rule, d.severity, d.line) for d in check_text(HEADED)]
    assert found == [("unrecognised-shape", "info", 7), ("unrecognised-shape", "info", 20)]
    every = Config(ignore=("unrecognised-shape",))
    assert len([d for d in check_text(HEADED, every) if d.rule == "empty-section"]) == 15


def test_a_few_empty_sections_are_still_reported_each() -> None:
    loam = "- [Loam study](https://example.org/l) - Soil."
    text = f"# Made-up Soil\n\n## Clay\n\n## Loam\n\n{loam}\n\n## Sand\n"
    assert [(d.rule, d.line) for d in check_text(text)] == [
        ("empty-section", 3),
        ("empty-section", 9),
    ]


PAGE = Path(__file__).parents[1] / "rules" / "unrecognised-shape.md"
_NAMED = re.compile(r"`([a-z]+(?:-[a-z]+)+)`")


def _page_part(start: str, end: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    return text[text.index(start) : text.index(end, text.index(start))]


def test_the_page_names_every_guarded_rule_in_the_row_of_its_share() -> None:
    rows = _page_part("| rules |", "\n\n").splitlines()[2:]
    row_of = {name: row for row in rows for name in _NAMED.findall(row.split("|")[1])}
    for rule in Config().rules(None):
        how = rule.storms()
        if how is None:
            assert rule.name not in row_of, rule.name
            continue
        assert rule.name in row_of, f"{rule.name} is guarded but not on the page"
        stated = "0.9" in row_of[rule.name].split("|")[3]
        assert stated == (how.share >= 0.9), rule.name


def test_every_rule_reporting_entries_of_the_corpus_is_guarded_or_says_why_not() -> None:
    """A rule whose findings land on entries, one per entry, can storm: it declares how the guard
    counts it, or the page says why it is not guarded (a habit it learns itself, or a defect of
    every line in any reading)."""
    exempt = set(_NAMED.findall(_page_part("Not guarded:", "A plugin rule joins")))
    guarded = {rule.name for rule in Config().rules(None) if rule.storms() is not None}
    every = Config(ignore=("unrecognised-shape",))
    reporting: set[str] = set()
    for path in [*CORPUS_LISTS, REFERENCE]:
        text = path.read_text(encoding="utf-8")
        doc = Document(text)
        lines = {
            line + 1
            for entry in doc.entries
            for line in range(
                doc.line_index(entry.start), doc.line_index(max(entry.start, entry.end - 1)) + 1
            )
        }
        reporting.update(d.rule for d in check_text(text, every) if d.line in lines)
    assert "empty-link" in reporting  # the corpus shows what the test is about
    assert sorted(reporting - guarded - exempt) == []
