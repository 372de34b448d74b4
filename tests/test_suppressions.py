"""Suppression comments on the reference list: what each form covers, what is reported as unused,
and that the fixer leaves every suppressed line exactly as written."""

from __future__ import annotations

from awesome_tidy import Config, check_text, fix_text
from awesome_tidy.document import Document


def comment(kind: str, *rules: str) -> str:
    names = f" {', '.join(rules)}" if rules else ""
    return f"<!-- awesome-tidy-{kind}{names} -->"


def insert_before(text: str, line: int, *lines: str) -> str:
    """``text`` with ``lines`` inserted before its 1-based ``line``."""
    rows = text.split("\n")
    return "\n".join([*rows[: line - 1], *lines, *rows[line - 1 :]])


def found(text: str, config: Config | None = None) -> set[tuple[int, str]]:
    return {(d.line, d.rule) for d in check_text(text, config)}


def shifted(findings: set[tuple[int, str]], after: int, by: int) -> set[tuple[int, str]]:
    """Findings as they read once ``by`` lines are inserted before line ``after``."""
    return {(line + by if line >= after else line, rule) for line, rule in findings}


# -- what each form covers ---------------------------------------------------------------------


def test_disable_next_line_covers_only_the_named_rule_on_the_next_line(
    reference_text: str,
) -> None:
    before = found(reference_text)
    assert (9, "stray-brace") in before
    text = insert_before(reference_text, 9, comment("disable-next-line", "stray-brace"))
    assert found(text) == shifted(before, 9, 1) - {(10, "stray-brace")}


def test_disable_next_line_takes_several_rules(reference_text: str) -> None:
    before = found(reference_text)
    assert {(210, "key-style"), (210, "key-year-mismatch"), (210, "list-indent")} <= before
    text = insert_before(
        reference_text, 210, comment("disable-next-line", "key-style", "key-year-mismatch")
    )
    after = found(text)
    assert not {(211, "key-style"), (211, "key-year-mismatch")} & after
    assert (211, "list-indent") in after


def test_comment_inside_a_list_item_line_covers_the_next_line(reference_text: str) -> None:
    rows = reference_text.split("\n")
    assert rows[7].startswith("+ (czimmermann2020visual)")
    rows[7] += " " + comment("disable-next-line", "stray-brace")
    assert (9, "stray-brace") not in found("\n".join(rows))


def test_disable_enable_covers_the_lines_between(reference_text: str) -> None:
    before = {line for line, rule in found(reference_text) if rule == "duplicate-entry"}
    assert {28, 29, 55, 58} <= before
    text = insert_before(reference_text, 30, comment("enable", "duplicate-entry"))
    text = insert_before(text, 27, comment("disable", "duplicate-entry"))
    after = {line for line, rule in found(text) if rule == "duplicate-entry"}
    assert after == {line + 2 for line in before if line > 29}


def test_disable_without_enable_runs_to_the_end_of_the_file(reference_text: str) -> None:
    text = insert_before(reference_text, 100, comment("disable", "list-indent"))
    lines = [line for line, rule in found(text) if rule == "list-indent"]
    assert lines and max(lines) < 100


def test_disable_file_covers_every_line_wherever_it_stands(reference_text: str) -> None:
    text = reference_text + comment("disable-file", "list-indent", "heading-indent") + "\n"
    rules = {rule for _, rule in found(text)}
    assert not {"list-indent", "heading-indent"} & rules
    assert "stray-brace" in rules


def test_comment_without_rule_names_covers_every_rule(reference_text: str) -> None:
    text = insert_before(reference_text, 210, comment("disable-next-line"))
    assert not [rule for line, rule in found(text) if line == 211]
    text = reference_text + comment("disable-file") + "\n"
    assert found(text) == set()


def test_comments_in_code_are_text_not_suppressions(reference_text: str) -> None:
    text = insert_before(
        reference_text, 9, "```markdown", comment("disable-next-line", "stray-brace"), "```"
    )
    assert (12, "stray-brace") in found(text)
    assert "unused-suppression" not in {rule for _, rule in found(text)}


def test_suppressions_apply_to_severity_overridden_and_plugin_free_configs(
    reference_text: str,
) -> None:
    config = Config(select=("stray-brace",), severity={"stray-brace": "info"})
    text = insert_before(reference_text, 9, comment("disable-next-line", "stray-brace"))
    assert (10, "stray-brace") not in found(text, config)


# -- unused-suppression --------------------------------------------------------------------------


def unused(text: str, config: Config | None = None) -> list[tuple[int, int, str]]:
    return [
        (d.line, d.column, d.message)
        for d in check_text(text, config)
        if d.rule == "unused-suppression"
    ]


def test_a_name_that_suppressed_nothing_is_reported_at_the_name(reference_text: str) -> None:
    text = insert_before(
        reference_text, 9, comment("disable-next-line", "stray-brace, list-indent")
    )
    assert unused(text) == [
        (9, 50, "'awesome-tidy-disable-next-line' of list-indent suppresses nothing")
    ]


def test_a_used_suppression_is_not_reported(reference_text: str) -> None:
    text = insert_before(reference_text, 9, comment("disable-next-line", "stray-brace"))
    assert unused(text) == []


def test_unknown_rule_names_and_directives_get_a_suggestion(reference_text: str) -> None:
    text = insert_before(
        reference_text,
        9,
        comment("disable-next-line", "stray-brase"),
        "<!-- awesome-tidy-disable-nextline stray-brace -->",
    )
    assert unused(text) == [
        (
            9,
            37,
            "unknown rule 'stray-brase' in 'awesome-tidy-disable-next-line'; "
            "did you mean 'stray-brace'?",
        ),
        (
            10,
            6,
            "unknown suppression comment 'awesome-tidy-disable-nextline'; "
            "did you mean 'awesome-tidy-disable-next-line'?",
        ),
    ]


def test_enable_that_closes_nothing_and_blanket_comment_that_did_nothing(
    reference_text: str,
) -> None:
    text = insert_before(
        reference_text, 3, comment("enable", "stray-brace"), comment("disable-next-line")
    )
    assert unused(text) == [
        (3, 26, "'awesome-tidy-enable' of stray-brace closes no disable"),
        (4, 6, "'awesome-tidy-disable-next-line' of every rule suppresses nothing"),
    ]


def test_rules_that_do_not_run_are_not_reported_unused(reference_text: str) -> None:
    text = insert_before(reference_text, 3, comment("disable-next-line", "key-style"))
    config = Config(select=("stray-brace", "unused-suppression"))
    assert unused(text, config) == []
    assert unused(text) != [], "with key-style running, the same comment is unused"


def test_only_a_comment_naming_unused_suppression_hides_it(reference_text: str) -> None:
    kept = insert_before(
        reference_text,
        3,
        comment("disable-next-line", "unused-suppression"),
        comment("disable-next-line", "key-style"),
    )
    assert unused(kept) == []
    blanket = insert_before(
        reference_text, 3, comment("disable-next-line"), comment("disable-next-line", "key-style")
    )
    # Both are reported: the blanket comment hid nothing, and the key-style one is still unused.
    assert [line for line, _, _ in unused(blanket)] == [3, 4]


def test_unused_suppression_takes_its_severity_from_the_configuration(
    reference_text: str,
) -> None:
    text = insert_before(reference_text, 3, comment("disable-next-line", "key-style"))
    config = Config(severity={"unused-suppression": "error"})
    assert {d.severity for d in check_text(text, config) if d.rule == "unused-suppression"} == {
        "error"
    }


# -- the fixer and suppressions ------------------------------------------------------------------


def test_a_suppressed_finding_is_not_fixed(reference_text: str) -> None:
    text = insert_before(reference_text, 9, comment("disable-next-line", "stray-brace"))
    fixed = fix_text(text).text
    assert "\n+ (tao2022deep){Deep Learning" in fixed
    assert "{" not in fixed.replace("(tao2022deep){", "")


def test_no_other_rule_s_fix_edits_a_line_where_something_was_suppressed(
    reference_text: str,
) -> None:
    """Line 80 is indented (list-indent, fixable) and has a stray brace, suppressed."""
    text = insert_before(reference_text, 80, " " + comment("disable-next-line", "stray-brace"))
    suppressed_line = text.split("\n")[80]
    assert suppressed_line.startswith(" + (liu2021unsupervised)") and "}" in suppressed_line
    diagnostics = check_text(text)
    on_it = [d for d in diagnostics if d.line == 81]
    assert [(d.rule, d.fixable) for d in on_it] == [("list-indent", False)]
    result = fix_text(text)
    assert suppressed_line in result.text.split("\n")
    assert fix_text(result.text).text == result.text
    neighbour = text.split("\n")[81]
    assert neighbour.startswith(" + ") and neighbour[1:] in result.text.split("\n"), (
        "lines around it are still fixed"
    )


def test_blanket_range_freezes_every_line_inside_it(reference_text: str) -> None:
    text = insert_before(reference_text, 84, comment("enable"))
    text = insert_before(text, 78, comment("disable"))
    rows = text.split("\n")
    frozen = rows[77:84]
    fixed = fix_text(text).text.split("\n")
    for row in frozen:
        assert row in fixed


def test_fix_keeps_every_suppression_comment_byte_for_byte(reference_text: str) -> None:
    comments = [
        comment("disable-next-line", "stray-brace"),
        comment("disable", "list-indent"),
        comment("enable", "list-indent"),
    ]
    text = insert_before(reference_text, 120, comments[2])
    text = insert_before(text, 100, comments[1])
    text = insert_before(text, 9, comments[0])
    fixed = fix_text(text).text
    for line in comments:
        assert fixed.count(line) == 1
    before = Document(text)
    after = Document(fixed)
    assert [b.kind for b in before.blocks] == [b.kind for b in after.blocks]


# -- enable RULE inside a blanket disable ------------------------------------------------------


def _reenabled_list_indent(reference_text: str) -> str:
    """Everything off from line 76, list-indent back on from line 79, everything on at 90
    (lines of the reference list before the three comments are inserted)."""
    text = insert_before(reference_text, 90, comment("enable"))
    text = insert_before(text, 79, comment("enable", "list-indent"))
    return insert_before(text, 76, comment("disable"))


def test_enable_inside_a_blanket_disable_turns_only_that_rule_back_on(
    reference_text: str,
) -> None:
    before = found(reference_text)
    assert {(78, "list-indent"), (80, "list-indent"), (80, "stray-brace")} <= before
    expected = {
        (line + (line >= 76) + (line >= 79) + (line >= 90), rule)
        for line, rule in before
        if not 76 <= line < 79 and not (79 <= line < 90 and rule != "list-indent")
    }
    assert found(_reenabled_list_indent(reference_text)) == expected


def test_a_rule_back_on_in_a_blanket_range_fixes_its_lines_but_no_suppressed_one(
    reference_text: str,
) -> None:
    text = _reenabled_list_indent(reference_text)
    rows = text.split("\n")  # rows[n - 1] is line n
    fixed = fix_text(text).text.split("\n")
    assert all(row in fixed for row in rows[75:80]), "every rule is off on lines 76-78"
    assert rows[80].startswith(" + ") and rows[80][1:] in fixed, "list-indent fixes line 79"
    assert rows[81] in fixed, "line 80's stray brace is suppressed: the line stays as written"
    assert rows[82].startswith(" + ") and rows[82][1:] in fixed, "list-indent fixes line 81"
    assert fix_text("\n".join(fixed)).text == "\n".join(fixed)


def test_disable_rule_ends_its_return_and_enable_without_names_ends_every_one(
    reference_text: str,
) -> None:
    text = insert_before(reference_text, 90, comment("enable"))
    text = insert_before(text, 85, comment("disable", "list-indent"))
    text = insert_before(text, 82, comment("enable", "list-indent"))
    text = insert_before(text, 80, comment("disable"))
    lines = {line for line, rule in found(text) if rule == "list-indent"}
    # Lines 82-84 of the list, two comments down; then off again until the blanket ends at 90.
    assert {line for line in lines if 80 <= line < 94} == {84, 85, 86}
    assert {line - 4 for line in lines if line >= 94} == {
        line for line, rule in found(reference_text) if rule == "list-indent" and line >= 90
    }
    assert unused(text) == []
