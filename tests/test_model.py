"""The model of a list: headings and their numbers, sections, list items, entries and their parts.

Inputs are small, but every line is shaped like a line of a real paper list.
"""

from __future__ import annotations

import pytest

from awesome_tidy import Document
from awesome_tidy.entries import Entry, Part


def entry_on(doc: Document, line: int) -> Entry:
    (entry,) = [entry for entry in doc.entries if entry.line == line]
    return entry


def span(doc: Document, part: Part | None) -> tuple[int, int, str] | None:
    """Where a part is, as (line, column, text), checking its offsets agree with its text."""
    if part is None:
        return None
    assert doc.text[part.start : part.end] == part.text
    return (*doc.position(part.start), part.text)


# -- headings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "level", "number", "depth"),
    [
        ("### 2.1.3 Distribution-map-based", 3, "2.1.3", 3),
        ("## 1. Survey", 2, "1", 1),
        ("# 2 Unsupervised anomaly detection", 1, "2", 1),
        ("## 10. Appendix", 2, "10", 1),
        ("#### 1.2.3.4 Deep SVDD variants", 4, "1.2.3.4", 4),
        ("## 2.3", 2, "2.3", 2),
        ("## 2025", 2, None, 0),  # a year, in a list sorted by year
        ("### 1999", 3, None, 0),
        ("## 3D anomaly detection", 2, None, 0),
        ("## 2.1Feature-embedding", 2, None, 0),
        ("## Awesome Industrial Anomaly Detection", 2, None, 0),
    ],
    ids=lambda value: str(value),
)
def test_heading_number(heading: str, level: int, number: str | None, depth: int) -> None:
    (parsed,) = Document(heading + "\n").headings
    assert (parsed.level, parsed.number, parsed.depth) == (level, number, depth)
    assert parsed.text == heading.lstrip("#").strip()


@pytest.mark.parametrize(
    ("heading", "number", "scheme_number"),
    [
        ("## 5.1. Datasets", "5.1", "5.1"),
        ("## 📊 5.1. Datasets", None, "5.1"),  # decoration: an emoji
        ("## **5.1 Datasets**", None, "5.1"),  # emphasis
        ("## :bar_chart: 5.1 Datasets", None, "5.1"),  # an emoji code
        ('## <a name="data"></a>5.1 Datasets', None, "5.1"),  # an empty anchor
        ("### 【3】Downloads", None, "3"),
        ("## 3、Papers", None, "3"),
        ("### A.1 Tables", None, "A.1"),
        ("## B. Tables", None, "B"),
        ("## IV.2 Results", None, "IV.2"),
        ("## A Survey of Soil", None, None),  # a lone letter needs a mark after it
        ("## I am here", None, None),
        ("## 2.5D Vision", None, None),  # a size, no number
        ("## 2024", None, None),  # the scheme needs a mark; the section number is no year
    ],
    ids=lambda value: str(value),
)
def test_heading_number_of_any_scheme_is_read_past_decoration(
    heading: str, number: str | None, scheme_number: str | None
) -> None:
    (parsed,) = Document(heading + "\n").headings
    assert (parsed.number, parsed.scheme_number) == (number, scheme_number)


def test_indented_heading_keeps_its_indent_outside_the_marker() -> None:
    doc = Document("# 2 Methods\n # 2.3 Supervised anomaly detection\n")
    heading = doc.headings[1]
    assert (heading.line, heading.level, heading.number) == (2, 1, "2.3")
    assert doc.text[heading.start : heading.marker_start] == " "
    assert doc.text[heading.marker_start : heading.marker_end] == "#"


def test_setext_heading_has_a_number_but_no_marker() -> None:
    doc = Document("2.1 Feature-embedding methods\n---\n")
    (heading,) = doc.headings
    assert (heading.level, heading.number, heading.setext, heading.line) == (2, "2.1", True, 1)
    assert heading.marker_start == heading.marker_end


def test_heading_in_a_list_item_has_its_marker_after_the_bullet() -> None:
    doc = Document("- ### 1.3 Extra\n")
    (heading,) = doc.headings
    assert doc.text[heading.marker_start : heading.marker_end] == "###"
    assert heading.in_list_item


# -- sections ----------------------------------------------------------------------------------

OUTLINE = """\
# Awesome Industrial Anomaly Detection

Paper list for industrial image anomaly detection

# 1 unsupervised survey
+ (tao2022deep)Deep Learning for Unsupervised Anomaly Localization in Industrial Images: A Survey[2022]
# 2 Unsupervised anomaly detection
## 2.1 Feature-embedding methods
### 2.1.1 Teacher-Student architecture
+ (bergmann2020uninformed)Uninformed students: Student-teacher anomaly detection with discriminative latent embeddings[2020]
+ (deng2022anomaly)Anomaly Detection via Reverse Distillation from One-Class Embedding[2022]
## 2.2 Reconstruction-based methods
+ (yang2020dfr)Dfr: Deep feature reconstruction for unsupervised anomaly segmentation[2020]
# 4 Dataset
+ (SDD2019)Kaggle[2019]
"""  # noqa: E501


def test_sections_follow_the_headings_and_know_their_parents() -> None:
    doc = Document(OUTLINE)
    outline = [
        (section.title, section.parent.title if section.parent else None, section.level)
        for section in doc.sections
    ]
    assert outline == [
        ("(before the first heading)", None, 0),
        ("Awesome Industrial Anomaly Detection", "(before the first heading)", 1),
        ("1 unsupervised survey", "(before the first heading)", 1),
        ("2 Unsupervised anomaly detection", "(before the first heading)", 1),
        ("2.1 Feature-embedding methods", "2 Unsupervised anomaly detection", 2),
        ("2.1.1 Teacher-Student architecture", "2.1 Feature-embedding methods", 3),
        ("2.2 Reconstruction-based methods", "2 Unsupervised anomaly detection", 2),
        ("4 Dataset", "(before the first heading)", 1),
    ]


def test_every_entry_belongs_to_the_section_it_is_written_under() -> None:
    doc = Document(OUTLINE)
    lines = {section.title: [entry.line for entry in section.entries] for section in doc.sections}
    assert lines["1 unsupervised survey"] == [6]
    assert lines["2.1 Feature-embedding methods"] == []
    assert lines["2.1.1 Teacher-Student architecture"] == [10, 11]
    assert lines["2.2 Reconstruction-based methods"] == [13]
    assert lines["4 Dataset"] == [15]
    assert all(entry.section.entries.count(entry) == 1 for entry in doc.entries)


# -- list items --------------------------------------------------------------------------------

ITEMS = """\
### 2.1.4 Memory bank
 + (cohen2020sub)Sub-image anomaly detection with deep pyramid correspondences[2020]
 + (roth2022towards)Towards total recall in industrial anomaly detection[2022]
   * [code](https://github.com/amazon-science/patchcore-inspection)
     - PatchCore, with a coreset of the memory bank
 - (kim2022fapm)FAPM: Fast Adaptive Patch Memory for Real-time Industrial Anomaly Detection[2022]

1. (jang2022n)N-pad: Neighboring Pixel-based Industrial Anomaly Detection[2022]
2) (bae2022image)Image Anomaly Detection and Localization with Position and Neighborhood Information[2022]
> + (roth2022towards)Towards total recall in industrial anomaly detection[2022]
"""  # noqa: E501


def test_list_items_know_marker_depth_indent_and_parent() -> None:
    doc = Document(ITEMS)
    found = [
        (item.line, item.marker, item.depth, item.indent, item.parent.line if item.parent else 0)
        for item in doc.items
    ]
    assert found == [
        (2, "+", 1, 1, 0),
        (3, "+", 1, 1, 0),
        (4, "*", 2, 3, 3),
        (5, "-", 3, 5, 4),
        (6, "-", 1, 1, 0),
        (8, "1.", 1, 0, 0),
        (9, "2)", 1, 0, 0),
        (10, "+", 1, 2, 0),
    ]
    assert [item.ordered for item in doc.items] == [False] * 5 + [True, True, False]


def test_a_list_item_owns_its_nested_items_but_not_the_blank_line_after_it() -> None:
    doc = Document(ITEMS)
    parent = doc.items[1]
    assert doc.text[parent.start : parent.end] == "".join(ITEMS.splitlines(keepends=True)[2:5])
    last_bullet = doc.items[4]
    assert doc.text[last_bullet.start : last_bullet.end].endswith("[2022]\n")
    assert doc.text[parent.content_start : parent.content_end].startswith("(roth2022towards)")


# -- entries and their parts -------------------------------------------------------------------

PARTS = """\
### 2.2.3 Transformer
+ (you2022adtr)ADTR: Anomaly Detection Transformer with Feature Reconstruction[2022]
+ （mathian2022haloae）HaloAE: An HaloNet based Local Transformer Auto-Encoder for Anomaly Detection and Localization【2022】
+ ({bergmann2022beyond)Beyond Dents and Scratches: Logical Constraints in Unsupervised Anomaly Detection[2022]
+ (tao2022deep){Deep Learning for Unsupervised Anomaly Localization in Industrial Images: A Survey[2022]
+ (xisoftpatch)SoftPatch: Unsupervised Anomaly Detection with Noisy Data
+ (oord2018representation) Representation learning with contrastive predictive coding [2018]
"""  # noqa: E501


def test_plain_entry_parts_and_their_spans() -> None:
    doc = Document(PARTS)
    entry = entry_on(doc, 2)
    assert span(doc, entry.key) == (2, 4, "you2022adtr")
    assert span(doc, entry.key_open) == (2, 3, "(")
    assert span(doc, entry.title) == (
        2,
        16,
        "ADTR: Anomaly Detection Transformer with Feature Reconstruction",
    )
    assert span(doc, entry.year) == (2, 80, "2022")
    assert (entry.year_value, entry.key_text) == (2022, "you2022adtr")
    assert doc.has_keys


def test_full_width_delimiters_still_give_key_and_year() -> None:
    doc = Document(PARTS)
    entry = entry_on(doc, 3)
    assert (span(doc, entry.key_open), span(doc, entry.key_close)) == ((3, 3, "（"), (3, 21, "）"))
    assert span(doc, entry.key) == (3, 4, "mathian2022haloae")
    assert (span(doc, entry.year_open), span(doc, entry.year_close)) == (
        (3, 116, "【"),
        (3, 121, "】"),
    )
    assert entry.year_value == 2022
    assert entry.title is not None and entry.title.text.startswith("HaloAE: An HaloNet")


def test_stray_braces_stay_in_the_part_and_out_of_its_normal_form() -> None:
    doc = Document(PARTS)
    in_key, in_title = entry_on(doc, 4), entry_on(doc, 5)
    assert span(doc, in_key.key) == (4, 4, "{bergmann2022beyond")
    assert in_key.key_text == "bergmann2022beyond"
    assert in_title.title is not None and in_title.title.text.startswith("{Deep Learning")
    assert in_title.title_text.startswith("deep learning for unsupervised")


def test_missing_year_leaves_the_whole_rest_as_title() -> None:
    doc = Document(PARTS)
    entry = entry_on(doc, 6)
    assert (entry.year, entry.year_open, entry.year_value) == (None, None, None)
    assert span(doc, entry.title) == (
        6,
        16,
        "SoftPatch: Unsupervised Anomaly Detection with Noisy Data",
    )


def test_spacing_around_the_title_is_not_part_of_it() -> None:
    doc = Document(PARTS)
    entry = entry_on(doc, 7)
    assert entry.key_close is not None and entry.title is not None and entry.year_open is not None
    assert doc.text[entry.key_close.end : entry.title.start] == " "
    assert doc.text[entry.title.end : entry.year_open.start] == " "


def test_title_from_a_link_or_bold_and_links_with_their_urls() -> None:
    doc = Document(
        "## Papers\n"
        "- [Deep One-Class Classification](http://proceedings.mlr.press/v80/ruff18a.html) [2018]\n"
        "- **Towards Total Recall in Industrial Anomaly Detection** "
        "[[paper](https://arxiv.org/abs/2106.08265)] [2022]\n"
    )
    linked, bold = doc.entries
    assert linked.title is not None and linked.title.text == "Deep One-Class Classification"
    assert [link.url.text for link in linked.links] == [
        "http://proceedings.mlr.press/v80/ruff18a.html"
    ]
    assert bold.title is not None
    assert bold.title.text == "Towards Total Recall in Industrial Anomaly Detection"
    assert [link.url.text for link in bold.links] == ["https://arxiv.org/abs/2106.08265"]
    assert [entry.year_value for entry in doc.entries] == [2018, 2022]
    assert not doc.has_keys


def test_an_author_list_before_a_title_link_is_the_authors_not_the_title() -> None:
    doc = Document(
        "## Papers\n"
        "1. Ana Ruiz, Bo Chen and Karl Weber. [Sparse Optimisation](https://example.org/a). "
        "IJCAI, 2015.\n"
        "2. Ana Ruiz and Karl Ježek. [Text Summarisation and SVD](https://example.org/b). 2004.\n"
        "3. Deep Learning. [Sparse Optimisation](https://example.org/c). 2016.\n"
    )
    team, pair, topic = doc.entries
    assert [entry.title.text for entry in (team, pair) if entry.title is not None] == [
        "Sparse Optimisation",
        "Text Summarisation and SVD",
    ]
    assert team.authors is not None and team.authors.text == "Ana Ruiz, Bo Chen and Karl Weber"
    assert pair.authors is not None and pair.authors.text == "Ana Ruiz and Karl Ježek"
    assert (team.year_value, pair.year_value) == (2015, 2004)
    # one name may be a topic: it stays the title, as no list of names says otherwise
    assert topic.title is not None and topic.title.text == "Deep Learning."


def test_a_leading_venue_tag_is_no_key_where_the_list_has_no_keys() -> None:
    doc = Document(
        "## Papers\n"
        "- (CVPR 2022) Towards Total Recall in Industrial Anomaly Detection (2022)\n"
        "- Uninformed Students: Student-Teacher Anomaly Detection with Discriminative Latent "
        "Embeddings (2020)\n"
        "- Deep One-Class Classification (2018)\n"
    )
    assert not doc.has_keys
    first = doc.entries[0]
    assert first.key is None
    # (the tag is the venue and year, not title text: XiaoxinHe/Awesome-Graph-LLM's shape)
    assert first.title is not None
    assert first.title.text == "Towards Total Recall in Industrial Anomaly Detection"
    assert first.venue is not None and first.venue.text == "CVPR"
    assert [entry.year_value for entry in doc.entries] == [2022, 2020, 2018]


def test_braces_in_code_spans_are_recorded_as_code() -> None:
    doc = Document("- (pike2012go)Go at Google: `map[string]interface{}` in practice[2012]\n")
    (entry,) = doc.entries
    brace = doc.text.index("{")
    assert entry.in_code(brace)
    assert not entry.in_code(doc.text.index("Go at"))


# -- what is never an entry --------------------------------------------------------------------

NOT_ENTRIES = """\
# Awesome Industrial Anomaly Detection

## Contents
- [1 unsupervised survey](#1-unsupervised-survey)
- [2 Unsupervised anomaly detection](#2-unsupervised-anomaly-detection)
  - [2.1 Feature-embedding methods](#21-feature-embedding-methods)

## 1 unsupervised survey
+ (tao2022deep)Deep Learning for Unsupervised Anomaly Localization in Industrial Images: A Survey[2022]

```markdown
+ (yi2020patch)Patch svdd: Patch-level svdd for anomaly detection and segmentation[2020]
```

    + (tax2004support)Support vector data description[2004]

<ul>
<li>(zhang2021anomaly)Anomaly detection using improved deep SVDD model[2021]</li>
+ (hu2021semantic)A Semantic-Enhanced Method Based On Deep SVDD for Pixel-Wise Anomaly Detection[2021]
</ul>

<!--
+ (massoli2021mocca)MOCCA: Multilayer One-Class Classification for Anomaly Detection[2021]
-->
+ (reiss2021panda)Panda: Adapting pretrained features for anomaly detection and segmentation[2021] <!-- + (reiss2021mean)Mean-shifted contrastive loss for anomaly detection[2021] -->
"""  # noqa: E501


def test_only_real_list_items_outside_code_and_html_are_entries() -> None:
    doc = Document(NOT_ENTRIES)
    assert [entry.line for entry in doc.entries] == [9, 25]
    assert [entry.key_text for entry in doc.entries] == ["tao2022deep", "reiss2021panda"]


def test_table_of_contents_items_are_list_items_but_not_entries() -> None:
    doc = Document(NOT_ENTRIES)
    assert [item.line for item in doc.items[:3]] == [4, 5, 6]
    assert not [entry for entry in doc.entries if entry.section.title == "Contents"]


def test_code_html_and_comments_are_protected_lines() -> None:
    doc = Document(NOT_ENTRIES)
    assert [(block.kind, block.line) for block in doc.blocks] == [
        ("fence", 11),
        ("code_block", 15),
        ("html_block", 17),
        ("html_block", 22),
        ("comment", 25),
    ]
    assert {11, 12, 13, 15, 17, 18, 19, 20, 22, 23, 24} <= doc.protected_lines
    assert 9 not in doc.protected_lines
    comment = doc.blocks[-1]
    assert doc.text[comment.start : comment.end].startswith("<!-- + (reiss2021mean)")


def test_markdown_after_a_blank_line_inside_html_tags_is_markdown_again() -> None:
    doc = Document(
        "<details>\n<summary>2021</summary>\n\n"
        "+ (yoa2021self)Self-supervised learning for anomaly detection with dynamic local "
        "augmentation[2021]\n\n</details>\n"
    )
    assert [entry.key_text for entry in doc.entries] == ["yoa2021self"]


# -- positions ---------------------------------------------------------------------------------


def test_crlf_text_is_normalised_and_offsets_map_back_to_the_raw_text() -> None:
    raw = (
        "# 1 Survey\r\n"
        "+ (tao2022deep)Deep Learning[2022]\r\n"
        "+ （mathian2022haloae）HaloAE【2022】\r\n"
    )
    doc = Document(raw)
    assert doc.text == raw.replace("\r\n", "\n")
    assert doc.newline == "\r\n"
    year = entry_on(doc, 3).year
    assert year is not None
    assert doc.position(year.start) == (3, 29)  # columns count characters, full-width or not
    assert raw[doc.raw_offset(year.start) :].startswith("2022】\r\n")


# -- group conventions (issue 10.2) --------------------------------------------------------------

CONVENTIONS = (
    "# Papers\n\n## Keyed\n\n"
    "+ (doe2019deep)Deep anomaly detection with outlier exposure[2019]\n"
    "+ (lee2018sparse)Learning sparse detectors for small objects[2018]\n"
    "+ (fox2022masked)Masked segmentation with point prompts[2020]\n"
    "+ (wu2021panoptic)Panoptic segmentation without labels[2021]\n"
    "+ (yu2017semantic)Semantic segmentation at scale[2017]\n"
    "+ (po2023diffusion)Diffusion models for audio synthesis[2023]\n"
    "\n## Tools\n\n"
    "- [Graph Toolkit](https://github.com/a/graph) - Graph models for everyone.\n"
    "- [Point Library](https://github.com/a/point) - Point clouds, read and written.\n"
    "- [Noise Box](https://github.com/a/noise) - Made in 2150 by a time traveller, they say.\n"
    "- [Mesh Kit](https://github.com/a/mesh) - Meshes.\n"
    "\n## Mixed\n\n"
    "+ (po2020graph)Graph nets for molecules at scale[2020]\n"
    "+ Sparse graph nets for proteins[2021]\n"
    "+ Graph diffusion for retrieval[2022]\n"
)


def test_each_group_learns_its_convention_from_its_majority() -> None:
    doc = Document(CONVENTIONS)
    keyed, tool, mixed = (entry_on(doc, line) for line in (5, 14, 21))
    assert doc.convention(keyed) == doc.convention(entry_on(doc, 8))
    assert doc.convention(keyed).year_understood
    assert doc.convention(keyed).year_where == "closing-bracket"
    assert doc.convention(keyed).keys_understood
    assert doc.convention(keyed).numbered is False
    assert doc.has_keys  # 7 of 13 entries: the list's reader reads keys
    tools = doc.convention(tool)
    assert not tools.year_understood and not tools.keys_understood
    assert (tools.separator, tools.size) == (" - ", 4)
    assert not doc.convention(mixed).keys_understood  # one key in three entries
    assert doc.conventions is doc.conventions  # learnt once, kept on the document


def test_rules_needing_a_field_stay_silent_where_the_group_does_not_understand_it() -> None:
    from awesome_tidy import Config, check_text

    text = CONVENTIONS.replace("(po2020graph)", "(po2019graph)")
    found = [(d.line, d.rule) for d in check_text(text, Config(select=("key-year-mismatch",)))]
    # fox2022masked[2020] breaks a keyed group's convention; po2019graph[2020] is in a group
    # where keys are not understood (one in three), and says nothing.
    assert found == [(7, "key-year-mismatch")]


def test_a_small_group_is_judged_with_the_entries_written_like_it() -> None:
    sections = "".join(
        f"## Topic {number}\n\n+ (a{number}x2020y)Title {number} on graphs[2020]\n"
        f"+ (b{number}x2020y)Other title {number} on graphs\n\n"
        for number in range(4)
    )
    doc = Document("# Papers\n\n" + sections)
    assert all(doc.convention(entry).size == 8 for entry in doc.entries)
    assert all(doc.convention(entry).year_understood is False for entry in doc.entries)


def test_key_style_judges_a_key_only_where_its_group_follows_the_lists_style() -> None:
    from awesome_tidy import Config, check_text

    scholar = "".join(
        f"+ (doe20{10 + number}deep)Deep title number {number} on graphs[20{10 + number}]\n"
        for number in range(10)
    )
    tagged = "".join(
        f"+ (CVPR)Tagged title number {number} on graphs[2021]\n" for number in range(4)
    )
    text = (
        f"# Papers\n\n## Scholar\n\n{scholar}+ (Doe-2016)Deep title off style[2016]\n"
        f"\n## Tagged\n\n{tagged}"
    )
    doc = Document(text)
    assert doc.has_keys
    assert doc.convention(doc.entries[0]).key_style == "google-scholar"
    assert doc.convention(doc.entries[-1]).key_style is None
    found = [(d.line, d.rule) for d in check_text(text, Config(select=("key-style",)))]
    assert found == [(15, "key-style")]  # the slip in the scholar group; not the venue tags
