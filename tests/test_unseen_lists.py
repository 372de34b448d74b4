"""Rule false positives and fix problems found on paper lists the tool had never seen.

Each case is a minimal excerpt of a real list (the file it comes from is named above it, see
/work/unseen/SOURCES.md for the repositories and commits), cut to what shows the cause.
"""

from __future__ import annotations

from awesome_tidy import Config, Document, check_text, fix_text
from conftest import FIXTURES


def only(*names: str) -> Config:
    return Config(select=names)


# awesome-NeRF/awesome-NeRF README.md, line 37: the emoji shortcode `:laughing:` glued to the
# title's colon.
HA_NERF = (
    "## Unconstrained Images\n"
    "- [Ha-NeRF:laughing:: Hallucinated Neural Radiance Fields in the Wild]"
    "(https://rover-xingyu.github.io/Ha-NeRF/), Chen et al., Arxiv 2021 | "
    "[github](https://github.com/rover-xingyu/Ha-NeRF) | [bibtex](./citations/Ha-NeRF.txt) "
    "<!---chen2021hallucinated-->\n"
)


def test_a_colon_after_an_emoji_shortcode_is_no_repeated_punctuation() -> None:
    assert not check_text(HA_NERF, only("repeated-punctuation"))
    assert fix_text(HA_NERF).text.count("Ha-NeRF:laughing:: Hallucinated") == 1


def test_a_doubled_colon_without_a_shortcode_is_reported_and_left_for_a_human() -> None:
    text = HA_NERF.replace("Ha-NeRF:laughing::", "Ha-NeRF::")
    assert [d.message for d in check_text(text, only("repeated-punctuation"))] == ["'::' in title"]
    assert fix_text(text, only("repeated-punctuation")).text == text  # '::' may be meant


# awesome-NeRF/awesome-NeRF README.md, lines 129-133: descriptions without a final stop, one
# ending in `et al.`
TALKS = """\
## Talks
- [NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis](https://www.youtube.com/watch?v=LCTYRqW-ne8&t=10190s), Ben Mildenhall
- [Understanding and Extending Neural Radiance Fields](https://www.youtube.com/watch?v=nRyOzHpcr4Q&feature=emb_logo&ab_channel=cvprtum), Barron et al.
- [Towards Photorealism (2nd half)](https://youtu.be/Rd0nBO6--bM?t=1992), Vladlen Koltun
- [Neural Radiance Fields for View Synthesis](https://www.youtube.com/watch?v=dPWLybp4LL0), Matthew Tancik
"""  # noqa: E501


def test_an_abbreviation_ending_a_description_keeps_its_period() -> None:
    assert not check_text(TALKS, only("description-ending"))
    assert "Barron et al.\n" in fix_text(TALKS).text


def test_abbreviations_count_for_neither_habit_but_a_sentence_stop_still_does() -> None:
    # Descriptions, where a comma opens credit lines; a name alone after the dash would be a
    # source credit, no description, so each says what the talk is.
    described = TALKS.replace("), ", ") - Talk by ")
    endings = ("etc.", "e.g.", "Inc.", "J.")
    for ending in endings:
        text = described.replace("et al.", ending)
        assert not check_text(text, only("description-ending")), ending
    sentence = described.replace("Barron et al.", "Jonathan Barron.")
    found = check_text(sentence, only("description-ending"))
    assert [d.message for d in found] == ["description ends with '.' where the list's do not"]
    # Reported, never removed: the stop is the author's (an unsafe fix would delete it).
    assert fix_text(sentence, only("description-ending"), unsafe=True).text == sentence


def test_a_credit_line_after_a_comma_is_no_description_and_keeps_its_stop() -> None:
    sentence = TALKS.replace("Barron et al.", "Jonathan Barron.")
    assert not check_text(sentence, only("description-ending"))


# zzw922cn/awesome-speech-recognition-speech-synthesis-papers README.md, lines 1-18: a table of
# contents of eight links, only the first section's heading kept by the cut.
SPEECH = (FIXTURES / "unseen" / "speech-toc-of-cut-list.md").read_text(encoding="utf-8")


def test_a_table_of_contents_cut_to_one_link_is_still_one_and_its_dead_links_stay() -> None:
    (table,) = Document(SPEECH).anchors.tables
    assert len(table.links) == 8
    found = [(d.line, d.message) for d in check_text(SPEECH, only("toc"))]
    assert found[0] == (6, "link '#Speaker-Verification' matches no heading")
    assert [line for line, _ in found] == list(range(6, 13))
    # Seven of eight links reach nothing: too few reach a heading for the rewrite to be sure
    # this is the table of this text (here the file is cut), so nothing is deleted.
    result = fix_text(SPEECH)
    assert (result.text, [d.rule for d in result.applied]) == (SPEECH, [])


# azminewasi/Awesome-Graph-Research-ICML2024 README.md, lines 5-27 cut to three topics: one
# mistyped anchor, `($KG)`, in a table of in-page links.
ICML_TOPICS = """\
# **All Topics:**
- [GNN Theories](#theories)
- [Graph Generation](#ggen)
- [Knowledge Graph and Knowledge Graph Embeddings]($KG)

<a name="theories" />

## GNN Theories
- [GNNs Also Deserve Editing, and They Need It More Than Once](https://openreview.net/forum?id=rIc9adYbH2)

## Graph Generation
- [Graph Geometry-Preserving Autoencoders](https://openreview.net/forum?id=acTLXagzqd)

## Knowledge Graph and Knowledge Graph Embeddings
- [PAC-Bayesian Generalization Bounds for Knowledge Graph Representation Learning](https://openreview.net/forum?id=sOyJSNUrzQ)
"""


def test_a_mistyped_anchor_leaves_the_rest_of_the_table_checked_and_is_kept_by_the_fix() -> None:
    # The line ``[Knowledge Graph ...]($KG)`` names its heading: the heading is listed, not
    # missing, and no second line is added for it; its link is reported, without a fix.
    found = [(d.line, d.message) for d in check_text(ICML_TOPICS, only("toc"))]
    knowledge = (
        "link '$KG' is no in-page link; the heading 'Knowledge Graph and Knowledge Graph "
        "Embeddings' is '#knowledge-graph-and-knowledge-graph-embeddings'"
    )
    assert found == [
        (
            3,
            "link '#ggen' matches no heading; the heading 'Graph Generation' is "
            "'#graph-generation'",
        ),
        (4, knowledge),
    ]
    result = fix_text(ICML_TOPICS)
    assert result.text == ICML_TOPICS.replace("(#ggen)", "(#graph-generation)")
    assert [d.message for d in result.remaining if d.rule == "toc"] == [knowledge]


def test_a_table_whose_links_are_mostly_files_is_no_table_of_contents() -> None:
    text = ICML_TOPICS.replace("(#ggen)", "(generation.md)").replace("($KG)", "(kg.md)")
    assert not Document(text).anchors.tables


# awesome-NeRF/awesome-NeRF README.md, lines 1-7: a heading that is a link, right before the
# table of contents, under the page's title (without it the first heading, right above a
# shallower one, would be a tagline over the title, linked or not).
PULL_REQUEST = """\
# Awesome Neural Radiance Fields
A curated list of awesome neural radiance fields papers.

#### [How to submit a pull request?](https://github.com/yenchenlin/awesome-NeRF/blob/main/how-to-PR.md)

## Table of Contents
"""


def test_a_heading_that_is_a_link_is_no_empty_section_but_a_titled_one_is() -> None:
    assert [d.line for d in check_text(PULL_REQUEST, only("empty-section"))] == [6]
    titled = PULL_REQUEST.replace("[How to submit a pull request?](", "How to submit (")
    assert [d.line for d in check_text(titled, only("empty-section"))] == [4, 6]
