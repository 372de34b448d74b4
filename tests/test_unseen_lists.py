"""Rule false positives and fix problems found on paper lists the tool had never seen.

Each case is a minimal excerpt of a real list (the file it comes from is named above it, see
/work/unseen/SOURCES.md for the repositories and commits), cut to what shows the cause.
"""

from __future__ import annotations

from awesome_tidy import Config, check_text, fix_text


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


def test_a_doubled_colon_without_a_shortcode_is_still_reported_and_fixed() -> None:
    text = HA_NERF.replace("Ha-NeRF:laughing::", "Ha-NeRF::")
    assert [d.message for d in check_text(text, only("repeated-punctuation"))] == ["'::' in title"]
    assert "[Ha-NeRF: Hallucinated" in fix_text(text, only("repeated-punctuation")).text


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
    endings = ("etc.", "e.g.", "Inc.", "J.")
    for ending in endings:
        text = TALKS.replace("et al.", ending)
        assert not check_text(text, only("description-ending")), ending
    sentence = TALKS.replace("Barron et al.", "Jonathan Barron.")
    found = check_text(sentence, only("description-ending"))
    assert [d.message for d in found] == ["description ends with '.' where the list's do not"]
    assert "Jonathan Barron\n" in fix_text(sentence, only("description-ending")).text
