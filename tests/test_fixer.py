"""The fixer: passes, overlap deferral, runaway fixes, refusal to damage a list, bytes kept.

Misbehaving fixes are what third-party rules can bring, so those cases use small rules defined
here and installed the way a plugin is: an entry point in the ``awesome_tidy.rules`` group.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from awesome_tidy import (
    Config,
    Document,
    Edit,
    Fix,
    FixError,
    Problem,
    Rule,
    check_text,
    fix_file,
    fix_text,
)
from awesome_tidy.capabilities import Verifier
from awesome_tidy.cli import app
from awesome_tidy.fixer import _non_overlapping
from awesome_tidy.linter import Diagnostic, lint
from awesome_tidy.registry import ENTRY_POINT_GROUP, all_rules
from awesome_tidy.rule import (
    DELETE_DUPLICATE_ITEM,
    LIST_MARKER,
    RELEVEL_HEADING,
    REWRITE_TOC,
    SEPARATOR,
    TEXT,
    WHITESPACE,
    WIDTH,
    Capability,
    delete_chars,
    delete_repeats,
    replace_chars,
)
from conftest import FIXTURES
from test_rule_pages import ALL_EXAMPLES, RULES

FIXED = FIXTURES / "reference" / "awesome-industrial-anomaly-detection.fixed.md"
CORPUS = FIXTURES / "corpus"


class HyphenRun(Rule):
    """Collapses ``--`` in titles to ``-``; overlapping runs give overlapping fixes."""

    name = "hyphen-run"
    summary = "Two hyphens in a row in a title."
    fix_safety = "safe"
    changes = (delete_repeats("-"),)

    def check(self, doc: Document) -> Iterator[Problem]:
        for entry in doc.entries:
            if entry.title is None:
                continue
            for match in re.finditer("(?=--)", entry.title.text):
                at = entry.title.start + match.start()
                yield self.problem(
                    at, at + 2, message="'--' in title", fix=Fix.safe(Edit(at, at + 2, "-"))
                )


class ToggleBullet(Rule):
    """Flips the first bullet between ``+`` and ``-``: every pass undoes the last one."""

    name = "toggle-bullet"
    summary = "A rule whose fix never settles."
    fix_safety = "safe"
    changes = (LIST_MARKER,)

    def check(self, doc: Document) -> Iterator[Problem]:
        # Every item of the first list, so that the list stays one list.
        first = doc.items[0]
        flipped = "-" if first.marker == "+" else "+"
        edits = [
            Edit(item.marker_start, item.marker_start + 1, flipped)
            for item in doc.items
            if item.list_id == first.list_id
        ]
        yield self.problem(first.marker_start, message="bullet", fix=Fix.safe(*edits))


class StarFirst(Rule):
    """Gives the first item a ``*`` bullet: a bullet change, as declared, yet in a list of
    several items it splits the list in two, which the fixer's backstop must catch."""

    name = "star-first"
    summary = "A first item without a star."
    fix_safety = "safe"
    changes = (LIST_MARKER,)

    def check(self, doc: Document) -> Iterator[Problem]:
        item = doc.items[0]
        if item.marker != "*":
            edit = Edit(item.marker_start, item.marker_start + 1, "*")
            yield self.problem(item.marker_start, message="no star", fix=Fix.safe(edit))


class GrowingEnd(Rule):
    """Adds a blank line at the end of the file, every time it looks."""

    name = "growing-end"
    summary = "A rule whose fix always finds more to do."
    fix_safety = "safe"
    changes = (WHITESPACE,)

    def check(self, doc: Document) -> Iterator[Problem]:
        end = len(doc.text)
        yield self.problem(end, message="end", fix=Fix.safe(Edit.insert(end, "\n")))


class LowercaseKey(Rule):
    """Lower-cases citation keys: changes what an entry is, so the fixer must refuse."""

    name = "lowercase-key"
    summary = "A citation key with capitals."
    fix_safety = "safe"
    changes = (WIDTH,)  # a false declaration: what it changes is letter case

    def check(self, doc: Document) -> Iterator[Problem]:
        for entry in doc.entries:
            key = entry.key
            if key is not None and key.text != key.text.lower():
                fix = Fix.safe(Edit(key.start, key.end, key.text.lower()))
                yield self.problem(key.start, key.end, message="capitals in key", fix=fix)


class YearParentheses(Rule):
    """Turns ``(2019)`` after a title into ``[2019]``: an unsafe fix, applied only on request."""

    name = "year-parentheses"
    summary = "A year in parentheses where the list uses brackets."
    fix_safety = "unsafe"

    def check(self, doc: Document) -> Iterator[Problem]:
        for entry in doc.entries:
            opener, closer = entry.year_open, entry.year_close
            if opener is None or closer is None or opener.text != "(":
                continue
            fix = Fix.unsafe(
                Edit(opener.start, opener.end, "["), Edit(closer.start, closer.end, "]")
            )
            yield self.problem(opener.start, closer.end, message="year in parentheses", fix=fix)


class PromoteHeading(Rule):
    """Raises every level-3 heading to level 2: moves a section, so the fixer must refuse."""

    name = "promote-heading"
    summary = "A heading of level 3."
    fix_safety = "safe"
    changes = (WHITESPACE,)  # a false declaration: it relevels

    def check(self, doc: Document) -> Iterator[Problem]:
        for heading in doc.headings:
            if heading.level == 3 and not heading.setext:
                edit = Edit(heading.marker_start, heading.marker_end, "##")
                yield self.problem(heading.marker_start, message="level 3", fix=Fix.safe(edit))


class EmptyItem(Rule):
    """Deletes empty list items: an item that is no duplicate, so the fixer must refuse."""

    name = "empty-item"
    summary = "A list item with nothing in it."
    fix_safety = "safe"
    changes = (DELETE_DUPLICATE_ITEM,)  # true only where an identical item comes before

    def check(self, doc: Document) -> Iterator[Problem]:
        for item in doc.items:
            if not doc.text[item.content_start : item.end].strip():
                fix = Fix.safe(Edit.delete(item.start, item.end))
                yield self.problem(item.marker_start, message="empty list item", fix=fix)


class SpacerItem(Rule):
    """Adds an empty item after a list's last item: a new item, so the fixer must refuse."""

    name = "spacer-item"
    summary = "A list without a spacer at its end."
    fix_safety = "safe"
    changes = (WHITESPACE,)  # a false declaration: it adds a bullet

    def check(self, doc: Document) -> Iterator[Problem]:
        last = doc.items[-1]
        if doc.text[last.content_start : last.end].strip():
            fix = Fix.safe(Edit.insert(last.end, f"{last.marker}\n"))
            yield self.problem(last.marker_start, message="no spacer", fix=fix)


class GluedBullet(Rule):
    """Deletes the space after a bullet: only whitespace, as declared, yet the items become
    paragraphs, which the fixer's backstop must catch."""

    name = "glued-bullet"
    summary = "A space after a bullet."
    fix_safety = "safe"
    changes = (WHITESPACE,)

    def check(self, doc: Document) -> Iterator[Problem]:
        for item in doc.items:
            gap = Edit.delete(item.marker_start + 1, item.content_start)
            if item.content_start > item.marker_start + 1:
                yield self.problem(item.marker_start, message="space", fix=Fix.safe(gap))


class UpperTitle(Rule):
    """Upper-cases titles under a false declaration: each fix is refused, quoting the title."""

    name = "upper-title"
    summary = "A title not in capitals."
    fix_safety = "safe"
    changes = (WHITESPACE,)

    def check(self, doc: Document) -> Iterator[Problem]:
        for entry in doc.entries:
            if entry.title is not None and not entry.title.text.isupper():
                fix = Fix.safe(Edit(entry.title.start, entry.title.end, entry.title.text.upper()))
                yield self.problem(entry.title.start, message="lower case", fix=fix)


class PlusBullets(Rule):
    """Turns every ``-`` bullet into ``+``: a bullet change, as declared, yet next to a ``+``
    list it joins two lists into one, which the fixer's backstop must catch."""

    name = "plus-bullets"
    summary = "A '-' bullet."
    fix_safety = "safe"
    changes = (LIST_MARKER,)

    def check(self, doc: Document) -> Iterator[Problem]:
        for item in doc.items:
            if item.marker == "-":
                fix = Fix.safe(Edit(item.marker_start, item.marker_start + 1, "+"))
                yield self.problem(item.marker_start, message="'-' bullet", fix=fix)


class IndentFollower(Rule):
    """Indents the second top-level item by two spaces: only whitespace, as declared, yet the
    item becomes the first one's sub-item, which the fixer's backstop must catch."""

    name = "indent-follower"
    summary = "A second item at the margin."
    fix_safety = "safe"
    changes = (WHITESPACE,)

    def check(self, doc: Document) -> Iterator[Problem]:
        top = [item for item in doc.items if item.parent is None]
        if len(top) > 1 and top[1].indent == 0:
            fix = Fix.safe(Edit.insert(top[1].start, "  "))
            yield self.problem(top[1].start, message="at the margin", fix=fix)


class StrayPaperMover(Rule):
    """Moves each top-level item with one stray space to the margin, and nothing else: only
    whitespace, as declared, yet the notes drawn under the item become its sub-items."""

    name = "stray-paper-mover"
    summary = "An item one space in."
    fix_safety = "safe"
    changes = (WHITESPACE,)

    def check(self, doc: Document) -> Iterator[Problem]:
        for item in doc.items:
            if item.parent is None and item.indent == 1:
                fix = Fix.safe(Edit.delete(item.start, item.marker_start))
                yield self.problem(item.start, message="one space in", fix=fix)


InstallRules = Callable[..., None]


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[InstallRules]:
    """Install rules of this module as plugins: a distribution on sys.path whose entry points
    name them, found and loaded the way an installed plugin is."""

    def install_rules(*rules: type[Rule]) -> None:
        info = tmp_path / "site" / "fixer_plugins-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fixer-plugins\nVersion: 1.0\n")
        points = "".join(f"{rule.name} = {__name__}:{rule.__name__}\n" for rule in rules)
        (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{points}")
        monkeypatch.syspath_prepend(str(info.parent))
        all_rules.cache_clear()

    yield install_rules
    all_rules.cache_clear()


def only(*names: str) -> Config:
    return Config(select=names)


# -- passes and overlapping fixes -------------------------------------------------------------

DSR = "+ (zavrtanik2022dsr)DSR---A dual subspace re-projection network for surface anomaly detection[2022]\n"  # noqa: E501
MVTEC = "+ (bergmann2019mvtec)MVTec AD--A comprehensive real-world dataset for unsupervised anomaly detection[2019]\n"  # noqa: E501


def test_installed_plugin_rules_run_like_built_ins(install: InstallRules) -> None:
    install(HyphenRun)
    assert all_rules()["hyphen-run"] is HyphenRun
    assert "stray-brace" in all_rules()


def test_disjoint_fixes_are_applied_in_one_pass(install: InstallRules) -> None:
    install(HyphenRun)
    result = fix_text(MVTEC + MVTEC.replace("2019mvtec", "2019mvtecad"), only("hyphen-run"))
    assert len(result.applied) == 2
    assert result.passes == 2  # one pass applies both, the next finds nothing left
    assert result.text.count("MVTec AD-A comprehensive") == 2


def test_overlapping_fixes_wait_for_the_next_pass_and_are_judged_again(
    install: InstallRules,
) -> None:
    install(HyphenRun)
    result = fix_text(DSR, only("hyphen-run"))
    # '---' yields two overlapping fixes: the leftmost goes first, the other is recomputed on
    # the new text ('--'), applied in the second pass, and nothing is left for a third.
    assert [d.column for d in result.applied] == [24, 24]
    assert result.passes == 3
    assert "DSR-A dual subspace" in result.text


def test_touching_fixes_proven_on_their_own_characters_share_a_pass() -> None:
    text = (
        "### 2.2.3 Flows\n"
        "+ (gudovskiy2022cflow)CFLOW-AD: Real-Time Unsupervised Anomaly Detection[2022]\n"
        "+ (yu2021fastflow)FastFlow: Unsupervised Anomaly Detection and Localization[2021]\n"
        "+ (ho2020denoising)Denoising diffusion probabilistic models[2020]\n"
        "### 2.2.4 Diffusion model\n"
        "+ (wyatt2022anoddpm)AnoDDPM: Anomaly Detection With Denoising Diffusion[2022]\n"
        "\nAdded later:\n\n"
        " - (teng2022unsupervised)Unsupervised Visual Defect Detection with Score-Based "
        "Generative Model[2022]\n"
    )  # the '-' mixes its section: a bullet a section uses throughout is not restyled
    result = fix_text(text, only("list-indent", "list-marker"))
    assert [d.rule for d in result.applied] == ["list-indent", "list-marker"]
    # The indentation ends where the marker starts: whitespace and a bullet, each proven on
    # the characters it replaces, are applied in one pass; the second finds nothing.
    assert result.passes == 2
    assert result.text == text.replace("\n - (teng", "\n+ (teng")


def test_copies_one_after_another_go_in_one_pass_and_the_first_stays() -> None:
    entry = "- [PatchCore](https://arxiv.org/abs/2106.08265) - Towards total recall.\n"
    text = "# Papers\n" + entry * 3 + "- [PaDiM](https://arxiv.org/abs/2011.08785) - Patches.\n"
    result = fix_text(text, only("duplicate-entry"))
    # Each deletion is proven by the first copy, which no deletion may take: the two that meet
    # share the pass.
    assert [d.rule for d in result.applied] == ["duplicate-entry", "duplicate-entry"]
    assert result.passes == 2
    assert result.text == text.replace(entry * 3, entry)


def test_an_insertion_next_to_another_edit_waits_for_the_next_pass() -> None:
    text = "# Tools\n- [A](https://a.org) - A tool.  "
    result = fix_text(text, only("trailing-whitespace", "final-newline"))
    # Which goes first, the spaces' deletion or the line break inserted where they end, is not
    # certain within one pass: the insertion waits, and is judged again on the new text.
    assert [d.rule for d in result.applied] == ["trailing-whitespace", "final-newline"]
    assert result.passes == 3
    assert result.text == "# Tools\n- [A](https://a.org) - A tool.\n"


def _diagnostic(rule: str, edit: Edit) -> Diagnostic:
    return Diagnostic(rule, "warning", "found", 2, 1, 2, 1, Fix.safe(edit))


def test_an_edit_proven_by_its_neighbour_is_not_met_in_the_same_pass() -> None:
    text = "# Tools\n- [A](https://a.org) - Fast,, small.\n"
    deleted = text.index(",,") + 1
    repeat = _diagnostic("repeated-punctuation", Edit(deleted, deleted + 1, ""))
    meeting = _diagnostic("invisible-character", Edit(deleted - 1, deleted, ","))
    kinds = {id(repeat.fix): {"repeat"}, id(meeting.fix): {"characters"}}
    # The repeat is proven by the comma kept next to it: an edit of that comma waits.
    chosen = _non_overlapping([meeting, repeat], len(text), kinds)
    assert chosen == [meeting]


def test_fixes_that_cycle_are_refused(install: InstallRules) -> None:
    install(ToggleBullet)
    with pytest.raises(FixError, match=r"^fixes do not converge \(they cycle\): toggle-bullet$"):
        fix_text(MVTEC, only("toggle-bullet"))


def test_fixes_that_never_settle_stop_at_the_pass_cap(install: InstallRules) -> None:
    install(GrowingEnd)
    with pytest.raises(FixError, match=r"^fixes did not converge after 20 passes: growing-end$"):
        fix_text(MVTEC, only("growing-end"))


def test_unsafe_fixes_apply_only_when_asked(install: InstallRules) -> None:
    install(YearParentheses)
    text = (
        "# 4 Dataset\n"
        "+ (SDD2019)Kaggle(2019)\n"
        "+ (huang2020surface)Surface defect saliency of magnetic tile[2020]\n"
    )
    safe = fix_text(text, only("year-parentheses"))
    assert (safe.text, [d.rule for d in safe.remaining]) == (text, ["year-parentheses"])
    unsafe = fix_text(text, only("year-parentheses"), unsafe=True)
    assert unsafe.text == text.replace("Kaggle(2019)", "Kaggle[2019]")
    assert not unsafe.remaining


# -- withholding: a rule whose fixes verification refuses -----------------------------------

LOST_DAGM = "'DAGMGNSS2077' -> 'dagmgnss2077' is not width"
LOST_FIRST = "'Wang2021StudentTeacherFP' -> 'wang2021studentteacherfp' is not width"


def test_a_fix_that_changes_an_entry_is_withheld_and_the_other_fixes_applied(
    install: InstallRules, reference_text: str
) -> None:
    install(LowercaseKey)
    result = fix_text(reference_text)
    assert result.text == FIXED.read_text(encoding="utf-8"), "every other rule's fixes applied"
    assert "lowercase-key" not in {d.rule for d in result.applied}
    assert result.withheld == {"lowercase-key": LOST_FIRST}
    withheld = [d for d in result.remaining if d.rule == "lowercase-key"]
    assert f"capitals in key (not fixed: {LOST_DAGM})" in [d.message for d in withheld]
    assert all(
        d.fix is None
        and re.fullmatch(r"capitals in key \(not fixed: '.+' is not width\)", d.message)
        for d in withheld
    )
    again = fix_text(result.text)
    assert (again.text, again.applied, again.withheld) == (result.text, [], result.withheld)
    # A result carries the check of the text it was given, past the reruns a refusal causes.
    assert result.passes > again.passes
    assert result.checked == check_text(reference_text) != again.checked


NUMBERED = """\
# Papers
## 1 Detection
### 1.1 Two-stage detectors
+ (ren2015faster)Faster R-CNN: Towards Real-Time Object Detection[2015]
### Notes
+ (lin2017focal)Focal Loss for Dense Object Detection[2017]
"""


def test_a_fix_that_changes_a_heading_level_is_withheld(install: InstallRules) -> None:
    install(PromoteHeading)
    result = fix_text(NUMBERED, only("promote-heading"))
    reason = "'###' -> '##' is not whitespace"
    assert (result.text, result.applied, result.withheld) == (
        NUMBERED,
        [],
        {"promote-heading": reason},
    )
    assert [(d.message, d.fix) for d in result.remaining] == [
        (f"level 3 (not fixed: {reason})", None)
    ] * 2


def test_only_heading_numbering_may_change_the_level_of_a_numbered_heading() -> None:
    # 1.1 is off the level its siblings keep (a skipped level that the whole depth shares is
    # an outline of its own, not judged).
    text = NUMBERED.replace("### 1.1", "#### 1.1").replace(
        "### Notes", "### 1.2 One-stage detectors\n### 1.3 Anchor-free detectors\n### Notes"
    )
    result = fix_text(text, only("heading-numbering"))
    assert [d.rule for d in result.applied] == ["heading-numbering"]
    assert "\n### 1.1 Two-stage detectors\n" in result.text


REPEATED = """\
# Papers
## Detection
+ (ren2015faster)Faster R-CNN: Towards Real-Time Object Detection[2015]
  + [code](https://github.com/rbgirshick/py-faster-rcnn)
+ (lin2017focal)Focal Loss for Dense Object Detection[2017]
+ (ren2015faster)Faster R-CNN: Towards Real-Time Object Detection[2015]
  + [code](https://github.com/rbgirshick/py-faster-rcnn)
+
"""


def test_a_fix_that_deletes_a_list_item_that_is_no_duplicate_is_withheld(
    install: InstallRules,
) -> None:
    install(EmptyItem)
    result = fix_text(REPEATED, only("empty-item"))
    assert (result.text, result.withheld) == (
        REPEATED,
        {"empty-item": "'+\\n' -> '' is not delete-duplicate-item"},
    )


def test_an_empty_item_after_an_identical_one_may_go_as_a_duplicate(install: InstallRules) -> None:
    install(EmptyItem)
    result = fix_text(REPEATED + "+\n", only("empty-item"))
    assert (result.text, result.withheld) == (REPEATED, {"empty-item": LAST_EMPTY_REFUSED})


LAST_EMPTY_REFUSED = "'+\\n' -> '' is not delete-duplicate-item"


def test_a_fix_that_adds_a_list_item_is_withheld(install: InstallRules) -> None:
    install(SpacerItem)
    text = REPEATED.removesuffix("+\n")
    result = fix_text(text, only("spacer-item"))
    assert (result.text, result.withheld) == (
        text,
        {"spacer-item": "'' -> '+\\n' is not whitespace"},
    )


def test_a_declared_fix_that_loses_list_items_is_caught_by_the_backstop(
    install: InstallRules,
) -> None:
    install(GluedBullet)
    result = fix_text(REPEATED, only("glued-bullet"))
    assert (result.text, result.applied) == (REPEATED, [])
    lost = "link 'https://github.com/rbgirshick/py-faster-rcnn' lost"
    assert result.withheld == {"glued-bullet": lost}
    assert {d.message for d in result.remaining} == {f"space (not fixed: {lost})"}


def test_only_the_rule_at_fault_is_withheld_among_several(install: InstallRules) -> None:
    install(GluedBullet, HyphenRun)
    text = REPEATED.replace("Focal Loss", "Focal--Loss").replace("[2017]\n", "[2017] \n")
    result = fix_text(text, only("glued-bullet", "hyphen-run", "trailing-whitespace"))
    assert result.text == REPEATED.replace("Focal Loss", "Focal-Loss")
    assert sorted({d.rule for d in result.applied}) == ["hyphen-run", "trailing-whitespace"]
    assert list(result.withheld) == ["glued-bullet"]


TWO_LISTS = """\
# Papers
## Detection
+ [Faster R-CNN](https://arxiv.org/abs/1506.01497) - Region proposals.
+ [Focal Loss](https://arxiv.org/abs/1708.02002) - Dense detection.
- [Faster R-CNN](https://arxiv.org/abs/1506.01497) - Region proposals.
- [YOLO](https://arxiv.org/abs/1506.02640) - One look.
"""


def test_a_bullet_change_that_joins_two_lists_is_withheld(install: InstallRules) -> None:
    # In CommonMark the '-' starts a second list; as '+' it would join the first, and the two
    # copies of Faster R-CNN, apart until then, would stand in one list.
    install(PlusBullets)
    result = fix_text(TWO_LISTS, only("plus-bullets"))
    assert (result.text, result.applied) == (TWO_LISTS, [])
    reason = (
        "lists joined, split or nested anew at "
        "'- [Faster R-CNN](https://arxiv.org/abs/1506.01497) - Region '"
    )
    assert result.withheld == {"plus-bullets": reason}
    assert [d.line for d in result.remaining] == [5, 6]


def test_only_the_edit_that_joins_lists_is_withheld_and_the_rule_s_others_apply(
    install: InstallRules,
) -> None:
    install(PlusBullets)
    text = TWO_LISTS + "## Tracking\n- [DeepSORT](https://arxiv.org/abs/1703.07402) - Tracking.\n"
    result = fix_text(text, only("plus-bullets"))
    # The '-' list under Detection would join the '+' list; the one under Tracking stands alone.
    assert result.text == text.replace("- [DeepSORT]", "+ [DeepSORT]")
    assert [d.line for d in result.applied] == [8]
    assert [d.line for d in result.remaining] == [5, 6]
    assert all("lists joined, split or nested anew" in d.message for d in result.remaining)
    assert list(result.withheld) == ["plus-bullets"]
    again = fix_text(result.text, only("plus-bullets"))
    assert (again.text, again.applied) == (result.text, [])


def test_a_bullet_change_that_splits_a_list_is_withheld(install: InstallRules) -> None:
    install(StarFirst)
    text = TWO_LISTS.replace("\n- ", "\n+ ")
    result = fix_text(text, only("star-first"))
    assert result.text == text
    assert result.withheld["star-first"].startswith("lists joined, split or nested anew at")


def test_whitespace_that_nests_an_item_under_another_is_withheld(install: InstallRules) -> None:
    install(IndentFollower)
    text = TWO_LISTS.replace("\n- ", "\n+ ")
    result = fix_text(text, only("indent-follower"))
    assert result.text == text
    assert result.withheld["indent-follower"].startswith("lists joined, split or nested anew at")


STRAY_PAPER = """\
## Anomaly Detection
* [Isolation Forest](https://example.org/iforest)
  * Trees that isolate outliers in few splits.
 * [A Review of Deep and Shallow Methods](https://example.org/review)
  * Survey that unifies both families.
  * [slides](https://example.org/review-slides)
* [PatchCore](https://example.org/patchcore)
"""


def test_moving_an_item_that_would_take_in_its_drawn_sub_items_is_withheld(
    install: InstallRules,
) -> None:
    # The notes are siblings to CommonMark (the paper's text is at column 3): moved alone, the
    # paper takes them in as sub-items, a nesting the backstop refuses.
    install(StrayPaperMover)
    result = fix_text(STRAY_PAPER, only("stray-paper-mover"))
    assert result.text == STRAY_PAPER
    assert result.withheld["stray-paper-mover"].startswith("lists joined, split or nested anew")


def test_list_indent_neither_flattens_nor_re_nests_notes_drawn_under_a_stray_item() -> None:
    result = fix_text(STRAY_PAPER)
    assert result.text == STRAY_PAPER
    indent = [(d.line, d.fix) for d in result.remaining if d.rule == "list-indent"]
    assert indent == [(4, None)]


def test_list_indent_and_list_marker_keep_a_stray_list_apart_from_the_next() -> None:
    # The bug hypothesis found: list-indent moved the indented one-item list to the margin and
    # list-marker turned the next list's '-' into '+', merging the two; duplicate-entry, which
    # pairs copies within one list, then reported a pair the fix had made.
    text = TWO_LISTS.replace(
        "+ [Focal Loss](https://arxiv.org/abs/1708.02002) - Dense detection.\n",
        "+ [Focal Loss](https://arxiv.org/abs/1708.02002) - Dense detection.\n"
        "+ [SSD](https://arxiv.org/abs/1512.02325) - Single shot.\n"
        "+ [RetinaNet](https://arxiv.org/abs/1708.02002v2) - Dense detection.\n"
        "+ [Mask R-CNN](https://arxiv.org/abs/1703.06870) - Instance masks.\n"
        "## Tracking\n"
        "  + [DeepSORT](https://arxiv.org/abs/1703.07402) - Tracking.\n",
    ).replace("- [YOLO]", "- [YOLO v1]")
    result = fix_text(text)
    assert "+ [DeepSORT](https://arxiv.org/abs/1703.07402) - Tracking.\n- [Faster R-CNN]" in (
        result.text
    )
    duplicates = [d for d in check_text(result.text) if d.rule == "duplicate-entry"]
    assert duplicates == [d for d in check_text(text) if d.rule == "duplicate-entry"] == []
    marker = [d for d in result.remaining if d.rule == "list-marker"]
    assert [(d.line, d.fix) for d in marker] == [(10, None), (11, None)]
    assert marker[0].message == "bullet '-' where the list uses '+': it starts a new list"


def test_a_removed_duplicate_takes_its_sub_items_and_the_count_allows_for_them() -> None:
    result = fix_text(REPEATED, only("duplicate-entry"))
    assert [d.rule for d in result.applied] == ["duplicate-entry"]
    assert len(Document(result.text).items) == len(Document(REPEATED).items) - 2


def test_a_regenerated_table_of_contents_may_gain_items() -> None:
    text = (
        "# Papers\n- [Detection](#detection)\n- [Tracking](#tracking)\n"
        "## Detection\n+ (lin2017focal)Focal Loss for Dense Object Detection[2017]\n"
        "## Segmentation\n+ (long2015fully)Fully Convolutional Networks[2015]\n"
        "## Tracking\n+ (bewley2016simple)Simple Online and Realtime Tracking[2016]\n"
    )
    result = fix_text(text, only("toc"))
    assert [d.rule for d in result.applied] == ["toc"]
    assert "- [Detection](#detection)\n- [Segmentation](#segmentation)\n" in result.text


def test_a_withheld_fix_leaves_the_file_untouched(
    install: InstallRules, reference_copy: Path
) -> None:
    install(LowercaseKey)
    before = reference_copy.read_bytes()
    report = fix_file(str(reference_copy), only("lowercase-key"))
    assert report.error is None and not report.changed
    assert reference_copy.read_bytes() == before


def test_cli_fix_reports_a_withheld_fix_as_a_finding_with_the_reason(
    install: InstallRules, reference_copy: Path
) -> None:
    install(LowercaseKey)
    before = reference_copy.read_bytes()
    result = CliRunner().invoke(app, ["fix", "--select", "lowercase-key", str(reference_copy)])
    assert result.exit_code == 1
    assert f"lowercase-key capitals in key (not fixed: {LOST_DAGM})" in result.stdout
    assert reference_copy.read_bytes() == before
    assert not list(reference_copy.parent.glob(".*.tmp")), "no temporary file left behind"


def test_cli_fix_of_a_cycle_exits_2_and_writes_nothing(
    install: InstallRules, reference_copy: Path
) -> None:
    install(ToggleBullet)
    before = reference_copy.read_bytes()
    result = CliRunner().invoke(app, ["fix", "--select", "toggle-bullet", str(reference_copy)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {reference_copy}: fixes do not converge")
    assert reference_copy.read_bytes() == before


# -- bytes kept: line endings, byte-order mark, idempotency ---------------------------------


def _endings_of_kept_lines(before: str, after: str) -> Iterator[tuple[str, str]]:
    """(ending before, ending after) of each line whose text the fix kept, maybe re-indented.

    Only lines whose text is unique in ``before`` are paired, so that a removed duplicate
    cannot pair a kept line with its deleted copy.
    """
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    old_by_text = {line.strip(): line for line in old}
    unique = {text for text, count in Counter(line.strip() for line in old).items() if count == 1}
    for line in new:
        if line.strip() in unique:
            old_line = old_by_text[line.strip()]
            yield old_line[len(old_line.rstrip("\r\n")) :], line[len(line.rstrip("\r\n")) :]


def test_crlf_list_is_fixed_with_crlf_endings(reference_text: str) -> None:
    crlf = reference_text.replace("\n", "\r\n")
    fixed = fix_text(crlf).text
    assert fixed == FIXED.read_text(encoding="utf-8").replace("\n", "\r\n")


def test_mixed_line_endings_stay_as_they_were_on_every_untouched_line(
    reference_text: str,
) -> None:
    lines = reference_text.splitlines()
    mixed = "".join(line + ("\r\n" if index % 3 else "\n") for index, line in enumerate(lines))
    fixed = fix_text(mixed).text
    expected = FIXED.read_text(encoding="utf-8")
    assert fixed.replace("\r\n", "\n") == expected
    pairs = list(_endings_of_kept_lines(mixed, fixed))
    assert len(pairs) > 150
    assert all(before == after for before, after in pairs)


def test_bom_and_crlf_survive_fix_file_byte_for_byte(reference_copy: Path) -> None:
    original = reference_copy.read_text(encoding="utf-8").replace("\n", "\r\n")
    reference_copy.write_bytes(codecs.BOM_UTF8 + original.encode("utf-8"))
    report = fix_file(str(reference_copy))
    assert report.error is None and report.changed
    expected = FIXED.read_text(encoding="utf-8").replace("\n", "\r\n")
    assert reference_copy.read_bytes() == codecs.BOM_UTF8 + expected.encode("utf-8")


def test_fix_file_is_idempotent_and_writes_nothing_the_second_time(reference_copy: Path) -> None:
    reference_copy.write_bytes(
        codecs.BOM_UTF8 + reference_copy.read_text(encoding="utf-8").encode("utf-8")
    )
    fix_file(str(reference_copy))
    once = reference_copy.read_bytes()
    stamp = reference_copy.stat().st_mtime_ns
    second = fix_file(str(reference_copy))
    assert second.error is None and not second.changed
    assert reference_copy.read_bytes() == once
    assert reference_copy.stat().st_mtime_ns == stamp


def test_missing_final_newline_is_added_with_the_file_s_own_ending() -> None:
    text = "# 4 Dataset\r\n+ (SDD2019)Kaggle[2019]"
    assert fix_text(text, only("final-newline")).text == text + "\r\n"


# -- declared capabilities: what each kind accepts, and the near miss it refuses -------------

TOC = "# T\n- [A](#a)\n- [B](#b)\n## A\n## C\n"
TOC_A = TOC.index("- [A]")
TOC_B = TOC.index("#b")
TOC_A_END = TOC.index("\n- [B]")

CAPABILITY_CASES = [
    # (capability, text, edit, accepted)
    (WHITESPACE, "- a  b \n", Edit(3, 5, " "), True),
    (WHITESPACE, "- a  b \n", Edit(3, 5, " -"), False),
    (WIDTH, "- a（b）\n", Edit(3, 4, "("), True),
    (WIDTH, "- a，b\n", Edit(3, 4, ", "), True),
    (WIDTH, "- x² y\n", Edit(3, 4, "2"), False),  # NFKC folds it, but it is no full-width form
    (WIDTH, "- a（b)\n", Edit(5, 6, "）"), True),  # the ASCII half closed as the list writes
    (WIDTH, "- ab c\n", Edit(3, 4, "ｂ"), False),  # a letter is never widened
    (delete_repeats(","), "- a,, b\n", Edit(4, 5, ""), True),
    (delete_repeats(","), "- a, b\n", Edit(3, 4, ""), False),  # a lone comma is no repeat
    (replace_chars({"}": ("", "]")}), "- [2026}\n", Edit(7, 8, "]"), True),
    (replace_chars({"}": ("", "]")}), "- [2026}\n", Edit(7, 8, ")"), False),
    (LIST_MARKER, "* a\n* b\n", Edit(0, 1, "-"), True),
    (LIST_MARKER, "* a - b\n", Edit(4, 5, "*"), False),  # a dash in the text is no bullet
    (RELEVEL_HEADING, "### 1.1 A\n", Edit(0, 3, "##"), True),
    (RELEVEL_HEADING, "### 1.1 A\n", Edit(0, 4, "##"), False),
    (SEPARATOR, "- [A](https://a.org) – Text.\n", Edit(20, 23, " - "), True),
    (SEPARATOR, "- [A](https://a.org) – Text.\n", Edit(20, 24, " - "), False),
    (DELETE_DUPLICATE_ITEM, "# S\n- a\n  - b\n- a\n  - b\n", Edit(14, 24, ""), True),
    (DELETE_DUPLICATE_ITEM, "# S\n- a\n  - b\n- a\n  - c\n", Edit(14, 24, ""), False),
    (DELETE_DUPLICATE_ITEM, "# S\n- a\n  - b\n- a\n  - b\n", Edit(4, 14, ""), False),  # the first
    (REWRITE_TOC, TOC, Edit(TOC_B, TOC_B + 2, "#c"), True),  # a dead anchor repaired
    (REWRITE_TOC, TOC, Edit(TOC_B, TOC_B + 2, "#a"), False),  # A is listed already
    (REWRITE_TOC, TOC, Edit(TOC_A_END, TOC_A_END, "\n- [C](#c)"), True),  # a line added
    (REWRITE_TOC, TOC, Edit(TOC_A_END, TOC_A_END, "\n- [C](#c) new"), False),  # and a word
    (REWRITE_TOC, TOC, Edit(TOC_A, TOC.index("\n## A"), "- [A](#a)\n- [C](#c)"), False),  # B
    (REWRITE_TOC, TOC, Edit(TOC_A, TOC.index("\n## A"), "- [C](#c)"), False),  # A resolves
    (REWRITE_TOC, TOC, Edit(TOC.index("## C"), TOC.index("## C") + 2, "#"), False),
    (TEXT, "- a\n", Edit(2, 3, "b"), False),  # TEXT never covers a safe fix
]


@pytest.mark.parametrize(("capability", "text", "edit", "accepted"), CAPABILITY_CASES)
def test_each_capability_covers_its_edit_and_refuses_the_near_miss(
    capability: Capability, text: str, edit: Edit, accepted: bool
) -> None:
    reason = Verifier(Document(text)).violation(Fix.safe(edit), (capability,))
    assert (reason is None) == accepted, reason


def test_a_refusal_reason_quotes_at_most_sixty_characters_of_each_side() -> None:
    text = "- " + "x{" * 50_000 + "\n"
    reason = Verifier(Document(text)).violation(Fix.safe(Edit(2, len(text) - 1, "")), (WIDTH,))
    assert reason is not None and len(reason) < 200
    assert reason.startswith("'x{x{x{") and reason.endswith("'' is not width")


def test_a_rule_without_a_declaration_gets_no_safe_fix_applied() -> None:
    reason = Verifier(Document("- a\n")).violation(Fix.safe(Edit(2, 3, "b")), Rule.changes)
    assert reason == "a safe fix from a rule that declares no safe capability"
    assert Verifier(Document("- a\n")).violation(Fix.unsafe(Edit(2, 3, "b")), Rule.changes) is None


# -- fix_safety is what each rule emits, and every emitted fix is what its rule declares -----


@functools.cache
def _emitted() -> dict[str, list[tuple[Fix, str | None]]]:
    """Each rule's fixes on the rule pages' examples and the corpus, each with the reason the
    fixer would refuse it (None: covered by the rule's declared capabilities)."""
    found: dict[str, list[tuple[Fix, str | None]]] = defaultdict(list)
    sources = [(example.text, example.config()) for example in ALL_EXAMPLES]
    sources += [(path.read_text(encoding="utf-8"), Config()) for path in CORPUS.glob("*.md")]
    for text, config in sources:
        doc = Document(text)
        verifier = Verifier(doc)
        for diagnostic in lint(doc, config):
            if diagnostic.fix is not None:
                declared = RULES[diagnostic.rule].changes
                reason = verifier.violation(diagnostic.fix, declared)
                found[diagnostic.rule].append((diagnostic.fix, reason))
    return found


@pytest.mark.parametrize(
    "name", [name for name in sorted(RULES) if RULES[name].fix_safety != "none"]
)
def test_fix_safety_is_what_the_rule_emits_and_each_fix_is_what_it_declares(name: str) -> None:
    emitted = _emitted()[name]
    assert emitted, "no example or corpus list gives a fix to check the declaration against"
    assert {fix.is_safe for fix, _ in emitted} == {RULES[name].fix_safety == "safe"}
    assert [reason for _, reason in emitted if reason is not None] == []


# -- issue 14: nothing lost, nothing quadratic, idempotent when something is withheld ---------

DIFFERING_COPIES = {
    "description": "# S\n- [Tool](https://github.com/a/b) - A fast parser.\n"
    "- [Tool](https://github.com/a/b) - Deprecated, use X instead.\n",
    "note-after-a-keyed-entry": "# S\n+ (ren2015faster)Faster R-CNN[2015]\n"
    "+ (ren2015faster)Faster R-CNN[2015] (journal version)\n",
    "continuation-line": "# S\n+ (ren2015faster)Faster R-CNN[2015]\n"
    "+ (ren2015faster)Faster R-CNN[2015]\n  <br>code: https://github.com/rbg/frcnn\n",
    "badge": "# S\n- [Tool](https://github.com/a/b) ![v](https://img.shields.io/v1) - Parser.\n"
    "- [Tool](https://github.com/a/b) ![v](https://img.shields.io/v2) - Parser.\n",
    "child-of-two-parents": "# S\n- Detection\n  - [Focal Loss](https://arxiv.org/abs/1708.02002)\n"
    "- Segmentation\n  - [Focal Loss](https://arxiv.org/abs/1708.02002)\n",
}


@pytest.mark.parametrize("text", DIFFERING_COPIES.values(), ids=DIFFERING_COPIES)
def test_a_copy_that_differs_in_anything_is_reported_and_never_deleted(text: str) -> None:
    result = fix_text(text, only("duplicate-entry"))
    assert result.text == text
    assert [
        (d.message.endswith("the copies differ, so no fix"), d.fix) for d in result.remaining
    ] in (
        [(True, None)],
        [],  # the model may not read them as the same paper: then nothing is said at all
    )


def test_an_exact_copy_goes_with_its_continuation_and_the_message_names_the_first() -> None:
    entry = "+ (ren2015faster)Faster R-CNN[2015]\n  <br>code: https://github.com/rbg/frcnn\n"
    text = f"# S\n{entry}+ (lin2017focal)Focal Loss[2017]\n{entry}"
    diagnostics = [d for d in check_text(text) if d.rule == "duplicate-entry"]
    assert [(d.line, d.message, d.related_line) for d in diagnostics] == [
        (5, "duplicate of line 2 in the same section", 2)
    ]
    assert fix_text(text, only("duplicate-entry")).text == text.removesuffix(entry)


def test_withheld_messages_stay_short_on_a_pathological_line(install: InstallRules) -> None:
    install(UpperTitle)
    title = "x{" * 10_000
    text = "# P\n" + "".join(f"+ (k{index}x)Title {index} {title}[2020]\n" for index in range(200))
    result = fix_text(text, only("upper-title"))
    assert result.text == text and len(result.remaining) == 200
    assert max(len(d.message) for d in result.remaining) < 250


def test_cli_fix_output_is_linear_in_the_input_on_the_brace_reproducer(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("+ (a2020b)" + "x{" * 10_000 + "[2020]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["fix", str(path)])
    assert result.exit_code in (0, 1)
    assert path.read_text(encoding="utf-8") == "+ (a2020b)" + "x" * 10_000 + "[2020]\n"
    assert len(result.stdout) < 3 * 20_000


TOC_WITHHELD_ONCE = (
    "## Contents\n- [Contents](#contents)\n - [Methods](#methods)\n - [Data](#data)\n"
    "         - [Law](#law)\n# Methods\n# Results\n# Law\n"
)


def test_fix_is_idempotent_on_the_table_of_contents_that_was_withheld_once() -> None:
    once = fix_text(TOC_WITHHELD_ONCE)
    twice = fix_text(once.text)
    assert (twice.text, twice.applied) == (once.text, [])


def test_fix_is_idempotent_when_a_fix_is_refused(
    install: InstallRules, reference_text: str
) -> None:
    install(LowercaseKey, GluedBullet)
    once = fix_text(reference_text)
    assert set(once.withheld) == {"lowercase-key", "glued-bullet"}
    twice = fix_text(once.text)
    assert (twice.text, twice.applied, set(twice.withheld)) == (once.text, [], set(once.withheld))


# -- issue 11: a safe fix changes no word or punctuation a human wrote ------------------------

NAMES = (
    "# Papers\n"
    "- [(Certified!!) Robustness for Top-k Predictions](https://arxiv.org/abs/1912.09899) - ICLR.\n"
    "- [Foo::Bar, a parser](https://github.com/foo/bar) - Parses `a..b` and 1..10 ranges.\n"
    "- [Wait... what?](https://example.org/wait) - A survey...\n"
)


def test_safe_fixes_leave_names_with_repeated_marks_alone() -> None:
    assert fix_text(NAMES).text == NAMES
    assert not [d for d in check_text(NAMES) if d.rule == "repeated-punctuation"]


def test_a_brace_typed_for_a_bracket_becomes_the_bracket_and_no_bracket_is_left_open() -> None:
    text = (
        "# Papers\n- **[2026}** [Paper one](https://arxiv.org/abs/1) - Text.\n"
        "- **[2025]** [Paper two](https://arxiv.org/abs/2) - Text.\n"
    )
    fixed = fix_text(text).text
    assert fixed == text.replace("[2026}", "[2026]")
    assert not [d for d in check_text(fixed) if d.rule in ("unbalanced-bracket", "stray-brace")]


def test_a_table_of_contents_rewrite_keeps_an_address_that_leads_off_the_page() -> None:
    # Found by benchmarks/fuzz.py: a continuation line inside a table of contents carried a code
    # link, and the table's rewrite from the headings dropped it.
    text = (
        "## Contents\n- [Recent Updates](#recent-updates)\n"
        "  [[code]](https://github.com/fuzz/cont)\n  - [Links](#links)\n"
    )
    result = fix_text(text)
    assert "https://github.com/fuzz/cont" in result.text
    assert fix_text(result.text).text == result.text


def test_a_table_of_contents_rewrite_keeps_a_note_written_inside_the_table() -> None:
    # Found by benchmarks/fuzz.py (20,000 cases): a `<br>` continuation line in a table of
    # contents was dropped by the rewrite from the headings.
    text = (
        "## Contents\n- [Recent Updates](#recent-updates)\n"
        "  <br>Note: the code moved.\n- [Surveys](#surveys)\n"
    )
    result = fix_text(text)
    assert "Note: the code moved." in result.text
    assert fix_text(result.text).text == result.text


# -- a fix never creates a finding (issue 11): not on its line, not on a line no fix touched ----


class ParenHabit(Rule):
    """Judges each pair of parentheses against the list's habit, learnt from its majority (a tie
    is half-width): a mixed pair ``（x)`` is always mended to ASCII, and a full-width pair is
    reported where the habit is half-width. Mending a mixed pair adds a half-width pair, which
    can tip the habit, and then every full-width pair is reported: the cascade the fixer stops."""

    name = "paren-habit"
    summary = "Parentheses in another width than the list's habit."
    fix_safety = "safe"
    changes = (WIDTH,)

    def check(self, doc: Document) -> Iterator[Problem]:
        pairs = list(re.finditer(r"([(（])[^()（）\n]*([)）])", doc.text))
        full = sum(1 for pair in pairs if pair[1] + pair[2] == "（）")
        half = sum(1 for pair in pairs if pair[1] + pair[2] == "()")
        for pair in pairs:
            opener, closer = pair.start(1), pair.start(2)
            if pair[1] + pair[2] == "（)" or (pair[1] + pair[2] == "（）" and half >= full):
                edits = [Edit(opener, opener + 1, "(")]
                if pair[2] == "）":
                    edits.append(Edit(closer, closer + 1, ")"))
                habit = "()" if half >= full else "（）"
                message = f"{pair[1]}{pair[2]} where the list writes {habit}"
                yield self.problem(opener, closer + 1, message=message, fix=Fix.safe(*edits))


class BraceEater(Rule):
    """Deletes a ``}`` after a year in brackets, as declared, yet in ``[2026}`` the brace stands
    for the ``]``: its deletion leaves the bracket open, a finding the fix creates on its line."""

    name = "brace-eater"
    summary = "A brace after a year."
    fix_safety = "safe"
    changes = (delete_chars("}"),)

    def check(self, doc: Document) -> Iterator[Problem]:
        for match in re.finditer(r"\[\d{4}(\})", doc.text):
            at = match.start(1)
            fix = Fix.safe(Edit.delete(at, at + 1))
            yield self.problem(at, at + 1, message="stray '}'", fix=fix)


class OpenYear(Rule):
    """Reports a year bracket that nothing closes (a ``}`` typed for the ``]`` closes it, for
    this rule: another rule reports the brace)."""

    name = "open-year"
    summary = "A year bracket left open."

    def check(self, doc: Document) -> Iterator[Problem]:
        for match in re.finditer(r"\[\d{4}(?![\]}])", doc.text):
            yield self.problem(match.start(), match.end(), message="year bracket left open")


HABIT = (
    "# Papers\n"
    "- Alpha （SGD） [2020]\n"
    "- Delta （Momentum） [2019]\n"
    "- Beta (Adam) [2021]\n"
    "- Gamma （mixed) [2022]   \n"
)


def test_a_fix_that_tips_the_list_s_habit_is_refused_and_the_pass_s_other_fixes_apply(
    install: InstallRules,
) -> None:
    # Mending Gamma's pair to ASCII would make two of four pairs half-width: the habit tips, and
    # the next pass would rewrite Alpha's and Delta's pairs, which no check reported.
    install(ParenHabit)
    result = fix_text(HABIT, only("paren-habit", "trailing-whitespace"))
    assert result.text == HABIT.replace("[2022]   ", "[2022]"), "only the trailing spaces go"
    assert [d.rule for d in result.applied] == ["trailing-whitespace"]
    reason = "it would make paren-habit report line 2: '（） where the list writes ()'"
    assert result.withheld == {"paren-habit": reason}
    assert [(d.line, d.message, d.fix) for d in result.remaining] == [
        (5, f"（) where the list writes （） (not fixed: {reason})", None)
    ]
    again = fix_text(result.text, only("paren-habit", "trailing-whitespace"))
    assert (again.text, again.applied, again.withheld) == (result.text, [], result.withheld)


def test_a_fix_that_keeps_the_habit_applies(install: InstallRules) -> None:
    # One more full-width pair: after the mend, full-width pairs are still the most.
    install(ParenHabit)
    text = HABIT.replace("- Beta", "- Zeta （Adagrad） [2018]\n- Beta")
    result = fix_text(text, only("paren-habit"))
    assert result.text == text.replace("（mixed)", "(mixed)")
    assert not result.withheld


def test_a_fix_that_leaves_a_new_finding_on_its_own_line_is_refused(install: InstallRules) -> None:
    install(BraceEater, OpenYear)
    text = "# Papers\n- **[2026}** [One](https://arxiv.org/abs/1) - Text. [2025]  \n"
    result = fix_text(text, only("brace-eater", "open-year", "trailing-whitespace"))
    assert result.text == text.replace("[2025]  ", "[2025]")
    assert [(d.rule, d.line, d.message) for d in result.remaining] == [
        (
            "brace-eater",
            2,
            "stray '}' (not fixed: it would make open-year report line 2: "
            "'year bracket left open')",
        )
    ]


def test_fix_checks_once_a_pass_while_no_fix_creates_a_finding(
    reference_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check of a pass's result is the next pass's check: the guard costs no check."""
    import awesome_tidy.fixer as fixer

    checks: list[int] = []

    def counted(doc: Document, config: Config | None = None) -> list[Diagnostic]:
        checks.append(1)
        return lint(doc, config)

    monkeypatch.setattr(fixer, "lint", counted)
    result = fix_text(reference_text)
    assert result.applied and not result.withheld
    assert len(checks) == result.passes


def test_a_pass_that_creates_a_finding_costs_one_more_whole_check(
    install: InstallRules, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search for the fix at fault checks only the rules whose findings were created."""
    import awesome_tidy.fixer as fixer

    install(ParenHabit)
    whole: list[int] = []
    config = only("paren-habit", "trailing-whitespace")

    def counted(doc: Document, config_: Config | None = None) -> list[Diagnostic]:
        if config_ is config:
            whole.append(1)
        return lint(doc, config_)

    monkeypatch.setattr(fixer, "lint", counted)
    result = fix_text(HABIT, config)
    # The first run: pass 1 checks its text, its result (which creates a finding: the one more
    # check) and the result of the fixes it keeps, which pass 2 reads and finds nothing more to
    # apply. The run that follows a refusal, on that result (it changes nothing, so its passes
    # are not counted): its check, and the result of the refused fix proposed again (it creates
    # the finding again: one more); its pass 2 remembers the refusal.
    assert (result.passes, len(whole)) == (2, 3 + 2)
