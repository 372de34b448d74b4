"""Heading anchors as GitHub makes them, and tables of contents judged against them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from awesome_tidy import Config, Document, check_text, fix_text
from awesome_tidy.anchors import _token_text, github_slug, rendered_text
from awesome_tidy.parsing import parser


def only(*names: str) -> Config:
    return Config(select=names)


def found(text: str, *rules: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message) for d in check_text(text, only(*rules))]


# Heading text -> the anchor GitHub gives it. Emoji rows: the emoji and the variation selector
# (U+FE0F) that dresses it both go, as GitHub does today (awesome-lint's toc test of 2025, the
# github-slugger and markdownlint reports of 2025-2026); the other rows are github-slugger's
# documented behaviour: lower case, punctuation and symbols out, letters of every script kept,
# each space a hyphen (no trimming, no collapsing).
SLUGS = [
    pytest.param("Getting Started", "getting-started", id="words"),
    pytest.param("⬆️⬇️ Routers", "-routers", id="two-emoji-with-variation-selectors"),
    pytest.param("🛠️ Tools", "-tools", id="emoji-with-variation-selector"),
    pytest.param("😄 Fun", "-fun", id="emoji-without-selector"),
    pytest.param("#️⃣ Numbers", "-numbers", id="keycap-emoji"),
    pytest.param("👩🏿‍💻 Developers", "-developers", id="skin-tone-and-joiner"),
    pytest.param("Tools 🔧", "tools-", id="trailing-emoji-keeps-its-space"),
    pytest.param("I ♥ Lists", "i--lists", id="symbol-between-spaces"),
    pytest.param("C++ & C#", "c--c", id="punctuation"),
    pytest.param("What's New?", "whats-new", id="apostrophe-and-question-mark"),
    pytest.param("Tom’s Picks (2024)", "toms-picks-2024", id="curly-apostrophe-and-parentheses"),
    pytest.param("1.2 Vision-Language", "12-vision-language", id="section-number"),
    pytest.param("snake_case and kebab-case", "snake_case-and-kebab-case", id="underscore-kept"),
    pytest.param("A -- B", "a----b", id="hyphens-not-collapsed"),
    pytest.param("中文资源", "中文资源", id="cjk"),
    pytest.param("日本語：ツール", "日本語ツール", id="full-width-colon"),
    pytest.param("Привет Мир", "привет-мир", id="cyrillic-lower-cased"),
    pytest.param("Ünïcödé", "ünïcödé", id="accents-kept"),
    pytest.param("हिंदी संसाधन", "हिंदी-संसाधन", id="devanagari-marks-kept"),
]


@pytest.mark.parametrize(("heading", "anchor"), SLUGS)
def test_github_slug(heading: str, anchor: str) -> None:
    assert github_slug(heading) == anchor


def test_repeated_anchors_take_the_next_free_suffix() -> None:
    text = "## Foo\n\n## Foo\n\n## Foo 1\n\n## Foo\n\n## `Foo`\n"
    assert Document(text).anchors.slugs == ["foo", "foo-1", "foo-1-1", "foo-2", "foo-3"]


def test_a_heading_anchor_is_its_rendered_text() -> None:
    text = "## [Papers](https://example.org) *by* `year` <sup>new</sup> :rocket:\n"
    assert Document(text).anchors.slugs == ["papers-by-year-new-rocket"]


ROUTERS = """\
# Home Network

## Contents

- [📱 Phones / Tablets](#-phones--tablets)
- [⬆️⬇️ Routers](#-routers)

## 📱 Phones / Tablets

Text.

## ⬆️⬇️ Routers

Text.
"""


def test_emoji_headings_are_reached_by_githubs_anchor() -> None:
    assert found(ROUTERS, "toc") == []


def test_the_anchor_github_gave_before_dropping_selectors_still_resolves() -> None:
    legacy = ROUTERS.replace("(#-routers)", "(#\ufe0f\ufe0f-routers)")
    assert found(legacy, "toc") == []


def test_the_fix_writes_the_anchor_without_selectors() -> None:
    whole = ROUTERS.replace("(#-routers)\n", "(#-routers)\n- [Wi-Fi](#wi-fi)\n") + "\n## Wi-Fi\n"
    text = whole.replace("- [⬆️⬇️ Routers](#-routers)\n", "")
    assert found(text, "toc") == [
        (6, 1, "table of contents misses '⬆️⬇️ Routers'; every other heading beside it is listed")
    ]
    assert fix_text(text, only("toc")).text == whole


LEFT_OUT = """\
# Awesome Kites

## Contents

- [Kites](#kites)
  - [Stunt Kites](#stunt-kites)

## Kites

### Stunt Kites

- [Prism](https://example.com/prism) - Stunt kites.

## Footnotes

### Glossary

Terms.

## Related Lists

### Outdoors

- [awesome-sailing](https://example.com/sailing) - Boats and wind.

## Contributing

### Style

Rules.
"""


def test_footnotes_related_lists_and_what_is_under_them_need_no_line() -> None:
    assert found(LEFT_OUT, "toc") == []


def test_a_section_after_the_left_out_ones_still_does() -> None:
    text = LEFT_OUT + "\n## Tools\n\n- [Winder](https://example.com/winder) - Line winders.\n"
    assert found(text, "toc") == [(5, 1, "table of contents misses 1 heading: 'Tools'")]


def test_related_work_is_content_not_a_related_list() -> None:
    text = LEFT_OUT.replace("## Related Lists", "## Related Work")
    assert found(text, "toc") == [
        (5, 1, "table of contents misses 2 headings: 'Related Work', 'Outdoors'")
    ]


DOUBLED = """\
# Notes

- [Setup](#setup)
- [Installing](#setup)
- [Usage](#usage)

## Setup

## Usage
"""


def test_two_lines_to_one_heading() -> None:
    assert found(DOUBLED, "toc") == [(4, 16, "link '#setup' is listed twice")]


def test_two_lines_to_one_missing_anchor() -> None:
    text = DOUBLED.replace("#setup", "#install")
    assert found(text, "toc") == [
        (3, 11, "link '#install' matches no heading; the heading 'Setup' is '#setup'"),
        (4, 16, "link '#install' is listed twice"),
        (4, 16, "link '#install' matches no heading"),
    ]


HTML_ANCHORS = """\
# Reading List

## Contents

- [Introduction](#intro)
- [Datasets](#data)
- [Benchmarks](#bench)

<a name="intro"></a>
## 1. Introduction

Text.

<span id="data"></span>
## 2. Datasets

Text.

<p id="bench">Results of the methods, kept in a table.</p>

## 3. Models

Text.
"""


def test_html_anchors_of_any_element_resolve_and_are_never_deleted() -> None:
    assert found(HTML_ANCHORS, "toc") == [(5, 1, "table of contents misses 1 heading: '3. Models'")]
    result = fix_text(HTML_ANCHORS, only("toc"))
    # '#bench' reaches a paragraph, not a heading: the rewrite has no place for its line, so
    # the table is left as written and the missing heading is only reported.
    assert result.text == HTML_ANCHORS


GROUPED = """\
# Kitchen

## Contents

- [Knives](#knives)
- [Pans](#pans) (cast iron too)
  - [Woks](#woks)

### Appliances

- [Ovens](#ovens)

## Knives

## Pans

### Woks

## Ovens

## Mixers
"""


def test_a_table_split_by_a_subheading_and_notes_is_read_whole() -> None:
    (table,) = Document(GROUPED).anchors.tables
    assert [t.link.url.text for t in table.links] == ["#knives", "#pans", "#woks", "#ovens"]
    assert found(GROUPED, "toc") == [(5, 1, "table of contents misses 1 heading: 'Mixers'")]
    # Split in two groups: where 'Mixers' goes is the author's call, nothing is added.
    assert fix_text(GROUPED, only("toc")).text == GROUPED


def test_a_list_of_links_mostly_dead_is_reported_not_rewritten() -> None:
    text = (
        "# Guide\n\n## Start here\n\n- [Install](#setup)\n- [How to](#how-to-use)\n"
        "- [Questions](#questions)\n\n## Setup\n\n## Usage\n\n## FAQ\n"
    )
    assert found(text, "toc") == [
        (5, 1, "table of contents misses 2 headings: 'Usage', 'FAQ'"),
        (6, 12, "link '#how-to-use' matches no heading"),
        (7, 15, "link '#questions' matches no heading"),
    ]
    # One link of three reaches a heading: not sure enough that this is the table of these
    # headings to delete two lines and write two.
    assert fix_text(text, only("toc")).text == text


DEEP = (
    "# Book\n\n## Contents\n\n- [Part](#part)\n  - [Chapter](#chapter)\n"
    "    - [Section](#section)\n\n## Part\n\n### Chapter\n\n#### Section\n"
)


def test_a_deep_table_is_a_table() -> None:
    assert found(DEEP, "toc") == []


def test_max_depth_reports_each_line_nested_deeper() -> None:
    config = Config(select=("toc",), rule_options={"toc": {"max-depth": 2}})
    assert [(d.line, d.column, d.message) for d in check_text(DEEP, config)] == [
        (7, 5, "'Section' is nested deeper than 2 levels")
    ]


def test_fragments_that_route_a_web_app_or_name_a_chapter_are_different_links() -> None:
    # Titles, not short names: short names sharing a page the URL does not spell are its
    # users (duplicate-link's shared-page rule), which would hide what this test is about.
    text = (
        "# Scenes\n\n"
        "- [Orbit camera around the teapot](https://sandbox.example.io/#K2X9Q1#4) - Orbit.\n"
        "- [Soft shadows under an area light](https://sandbox.example.io/#7HHQ2B#0) - Shadows.\n"
        "- [Zoomed camera on the teapot](https://sandbox.example.io/#K2X9Q1#4) - Zoomed.\n"
        "- [Guide](https://docs.example.io/guide#install) - Install guide.\n"
        "- [Guide usage](https://docs.example.io/guide#usage) - Usage guide.\n"
    )
    assert [(line, message) for line, _, message in found(text, "duplicate-link")] == [
        (5, "sandbox.example.io#K2X9Q1#4 is also the link of line 3"),
    ]


_RENDER_PIECES = st.sampled_from(
    [
        *(" ", "  ", "a", "Word", "1.2", "#", "+", "-", ":", "=", "@", "$", "%", "^", "{", "}"),
        *("~", "~~", "\u00a0", "\u3000", "é", "😀", "&amp;", "&", "[", "]", "(", ")", "!", "<"),
        *(">", "*", "_", "`", "\\", "\t", "\n", "\x85", "\u200b", "http://x.y", "www.x.com", "'"),
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_RENDER_PIECES, max_size=14).map("".join))
def test_rendered_text_of_plain_text_is_what_the_inline_parse_gives(text: str) -> None:
    # ``rendered_text`` returns text without an inline mark as it is, without parsing it.
    md = parser()
    tokens: list[Token] = []
    md.inline.parse(text, md, {}, tokens)
    assert rendered_text(text) == "".join(_token_text(token) for token in tokens)
