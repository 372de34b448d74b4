"""Structural rules that respect how GitHub renders: local numbering schemes, lists inside HTML
blocks, sections whose content is a table or HTML, and numbers too long to be section numbers.

Every excerpt is made up to show one case; none is copied from a real list.
"""

from __future__ import annotations

from awesome_tidy import Config, Document, check_text, fix_text
from awesome_tidy.regions import html_regions


def found(text: str, rule: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message) for d in check_text(text, Config(select=(rule,)))]


def fixed(text: str, rule: str) -> str:
    return fix_text(text, Config(select=(rule,))).text


# -- heading-numbering: a heading is judged against the scheme it belongs to ----------------

MAIN = "# Awesome Made-up Planning\n\n## 1. Surveys\n\n## 2. Methods\n\n### 2.1 Search\n\n"
TUTORIAL = "## Tutorial\n\n### 1. Install\n\n### 2. Run\n\n"
DATASETS = "## 3. Datasets\n"
PARTS = "# Part A\n\n## 1. Grasping\n\n## 2. Pushing\n\n"


def test_numbering_that_restarts_under_an_unnumbered_heading_is_its_own_scheme() -> None:
    text = MAIN + TUTORIAL + DATASETS
    assert found(text, "heading-numbering") == []
    assert fixed(text, "heading-numbering") == text


def test_numbering_that_restarts_inside_details_is_its_own_scheme() -> None:
    collapsed = (
        "<details>\n<summary>Tutorial</summary>\n\n### 1. Install\n\n### 2. Run\n\n</details>\n\n"
    )
    text = MAIN + collapsed + DATASETS
    assert found(text, "heading-numbering") == []
    assert fixed(text, "heading-numbering") == text


def test_each_part_may_number_its_sections_from_one() -> None:
    text = PARTS + "# Part B\n\n## 1. Walking\n\n## 2. Running\n"
    assert found(text, "heading-numbering") == []


def test_a_local_scheme_is_still_judged_within_itself() -> None:
    text = MAIN + "## Tutorial\n\n### 1. Install\n\n### 3. Run\n\n" + DATASETS
    assert found(text, "heading-numbering") == [
        (13, 1, "heading number 3 does not follow 1"),
    ]


def test_a_number_that_carries_on_under_a_new_part_stays_in_the_scheme() -> None:
    text = PARTS + "# Part B\n\n## 3. Walking\n\n### 4. Running\n"
    assert found(text, "heading-numbering") == [
        (11, 1, "heading 4 has level 3, its number says level 2"),
    ]
    assert fixed(text, "heading-numbering").endswith("## 3. Walking\n\n## 4. Running\n")


def test_a_misleveled_heading_of_the_main_scheme_is_still_found_and_fixed() -> None:
    text = MAIN + TUTORIAL + "# 3. Datasets\n"
    assert found(text, "heading-numbering") == [
        (15, 1, "heading 3 has level 1, its number says level 2"),
    ]
    assert fixed(text, "heading-numbering") == MAIN + TUTORIAL + DATASETS


def test_a_heading_number_of_thousands_of_digits_is_no_section_number() -> None:
    text = "# Made-up\n\n## 1. Start\n\n## " + "9" * 4301 + ". Noise\n\n## 2. End\n"
    assert found(text, "heading-numbering") == []
    assert check_text(text)  # the whole check runs
    assert fix_text(text).text.startswith("# Made-up\n")


def test_a_number_of_more_parts_than_heading_levels_is_no_section_number() -> None:
    text = "# Made-up\n\n## 1. Start\n\n### " + "1." * 3000 + "1 Deep\n\n## 2. End\n"
    assert found(text, "heading-numbering") == []


# -- list-indent: lists inside HTML blocks keep their own indentation -------------------------

COLLAPSED_LIST = (
    "# Made-up Tools\n\n<details>\n<summary>Editors</summary>\n\n"
    "  - [Quill](https://example.org/quill) - A small editor.\n"
    "  - [Scribe](https://example.org/scribe) - Keeps history.\n"
    "    - [plugins](https://example.org/scribe-plugins)\n"
    "  - [Inkpot](https://example.org/inkpot) - Writes fast.\n\n</details>\n"
)


def test_a_list_indented_alike_inside_details_is_left_alone() -> None:
    assert found(COLLAPSED_LIST, "list-indent") == []
    assert fixed(COLLAPSED_LIST, "list-indent") == COLLAPSED_LIST


def test_an_item_that_breaks_its_lists_indentation_inside_details_is_moved_to_it() -> None:
    text = COLLAPSED_LIST.replace("  - [Inkpot]", "   - [Inkpot]")
    assert found(text, "list-indent") == [
        (9, 1, "list item indented by 3 spaces where its list uses 2"),
    ]
    assert fixed(text, "list-indent") == COLLAPSED_LIST


def test_an_item_at_the_margin_inside_details_moves_in_with_its_sub_items() -> None:
    indented = COLLAPSED_LIST.replace(
        "Writes fast.\n", "Writes fast.\n    - [themes](https://example.org/inkpot-themes)\n"
    )
    text = indented.replace("  - [Inkpot]", "- [Inkpot]").replace("    - [themes]", "  - [themes]")
    assert found(text, "list-indent") == [
        (9, 1, "list item at the margin where its list uses 2"),
    ]
    assert fixed(text, "list-indent") == indented


def test_a_list_without_a_majority_indentation_inside_details_is_left_alone() -> None:
    text = COLLAPSED_LIST.replace("  - [Quill]", "- [Quill]").replace("  - [Inkpot]", " - [Inkpot]")
    assert found(text, "list-indent") == []


def test_an_indented_list_outside_html_is_still_reported_and_fixed() -> None:
    text = (
        "# Made-up Tools\n\n- [Ink](https://example.org/ink) - A small font.\n"
        " - [Quill](https://example.org/quill) - A small editor.\n"
    )
    assert found(text, "list-indent") == [(4, 1, "list item indented by 1 space")]
    assert fixed(text, "list-indent") == text.replace(" - [Quill]", "- [Quill]")


def test_a_list_indented_alike_outside_html_keeps_its_habit() -> None:
    text = "# Made-up Tools\n\n - [Quill](https://example.org/quill) - A small editor.\n"
    assert found(text, "list-indent") == []


def test_html_regions_are_elements_opened_and_closed_in_different_blocks() -> None:
    doc = Document(COLLAPSED_LIST + '\n<p align="center">one block</p>\n\n<div>\nnever closed\n')
    regions = html_regions(doc)
    [region] = regions
    assert region.tag == "details"
    assert regions.innermost(doc.text.index("[Quill]")) is region
    assert regions.innermost(doc.text.index("one block")) is None


# -- empty-section: a table, HTML or a quote is content -----------------------------------------


def test_a_section_holding_only_a_table_is_not_empty() -> None:
    table = "| Name | Year |\n|---|---|\n| Rocks | 2020 |\n"
    text = f"# Made-up\n\n## Datasets\n{table}\n## Models\ntext\n"
    assert found(text, "empty-section") == []


def test_a_section_holding_only_a_details_block_is_not_empty() -> None:
    text = (
        "# Made-up\n\n## Tutorials\n\n<details>\n<summary>Show</summary>\n\n"
        "## Part one\nSteps.\n\n</details>\n\n## Models\ntext\n"
    )
    assert found(text, "empty-section") == []


def test_a_section_holding_only_an_html_table_is_not_empty() -> None:
    text = "# Made-up\n\n## Results\n<table>\n<tr><td>99.1</td></tr>\n</table>\n\n## Models\ntext\n"
    assert found(text, "empty-section") == []


def test_a_section_holding_only_a_quote_that_opens_with_a_heading_is_not_empty() -> None:
    text = "# Made-up\n\n## Notes\n> ## Tip\n> Read the survey first.\n\n## Models\ntext\n"
    assert found(text, "empty-section") == []


def test_a_really_empty_section_is_still_reported_with_a_bounded_message() -> None:
    title = "Datasets " + "x" * 200
    text = f"# Made-up\n\n## {title}\n\n## Models\ntext\n"
    [(line, column, message)] = found(text, "empty-section")
    assert (line, column) == (3, 1)
    assert message == f"section {title[:57] + '...'!r} is empty"


def test_subsections_collapsed_in_details_carry_on_their_chapters_numbering() -> None:
    text = (
        "# Made-up\n\n## 1. Vision\n\n<details>\n<summary>More</summary>\n\n"
        "### 1.1 Detection\n\n# 1.2 Segmentation\n\n</details>\n\n## 2. Language\n"
    )
    assert found(text, "heading-numbering") == [
        (10, 1, "heading 1.2 has level 1, its number says level 3"),
    ]


def test_a_heading_lined_up_with_its_details_block_is_left_alone() -> None:
    text = (
        "# Made-up\n\n<details>\n<summary>Older</summary>\n\n  ## 2019\n"
        "  - [Pebbles](https://example.org/pebbles) - Counts pebbles.\n\n</details>\n\n"
        "  ## 2020\n"
    )
    assert found(text, "heading-indent") == [(11, 1, "heading indented by 2 spaces")]
    assert found(text, "list-indent") == []


def test_the_innermost_region_of_nested_details_is_the_inner_one_and_ends_with_it() -> None:
    text = (
        "<details>\n<summary>Outer</summary>\n\nouter text\n\n"
        "<details>\n<summary>Inner</summary>\n\ninner text\n\n</details>\n\n"
        "outer again\n\n</details>\n\nafter\n"
    )
    doc = Document(text)
    regions = html_regions(doc)
    outer, inner = regions
    assert (outer.tag, inner.tag) == ("details", "details")
    assert regions.innermost(text.index("outer text")) is outer
    assert regions.innermost(text.index("inner text")) is inner
    assert regions.innermost(text.index("outer again")) is outer
    assert regions.innermost(text.index("after")) is None


def test_numbering_that_restarts_under_a_numbered_chapter_is_its_own_scheme() -> None:
    text = "# Made-up\n\n## 1. Vision\n\n## 2. Methods\n\n### 1. Search\n\n### 2. Learning\n"
    assert found(text, "heading-numbering") == []
    assert fixed(text, "heading-numbering") == text


def test_a_chapter_typed_one_level_too_deep_is_still_found() -> None:
    text = "# Made-up\n\n## 1. Vision\n\n### 2. Methods\n\n## 3. Data\n"
    assert found(text, "heading-numbering") == [
        (5, 1, "heading 2 has level 3, its number says level 2"),
    ]


# -- list-indent: a list indented by two spaces keeps its indentation --------------------------

BESIDE_A_KEPT_LIST = (
    "## Rocks\n"
    "  - [Granite](https://example.org/granite) - Field data from three basins.\n"
    "  - [Basalt](https://example.org/basalt) - Soil formation on lava flows.\n\n"
    "## Ice\n"
    "- [Glacier](https://example.org/glacier) - Thirty years of stake readings.\n"
    " - [Sea ice](https://example.org/drift) - Buoy tracks in the Arctic.\n"
    "  + [Firn](https://example.org/firn) - Cores from the Greenland summit.\n"
    "  + [Snow](https://example.org/snow) - Daily maps from MODIS.\n"
)


def test_an_item_that_a_kept_list_would_nest_under_is_reported_without_a_fix() -> None:
    # Moved to the margin, the item would take the two-space list after it as its sub-list:
    # the rule offers no fix, so the fixer has nothing to refuse and a second run agrees.
    assert found(BESIDE_A_KEPT_LIST, "list-indent") == [(7, 1, "list item indented by 1 space")]
    result = fix_text(BESIDE_A_KEPT_LIST, Config(select=("list-indent",)))
    assert result.text == BESIDE_A_KEPT_LIST
    assert result.withheld == {}
