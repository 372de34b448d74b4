"""A list pasted together from others keeps each part's own habit (study 14): made-up cases."""

from __future__ import annotations

from awesome_tidy import Config, check_text, fix_text


def only(*names: str) -> Config:
    return Config(select=names)


_COLON_ITEMS = "".join(
    f"* [Tool {n}](https://example.org/t{n}): Parses files of kind {n}.\n" for n in range(12)
)

# Three short headings written with `` - `` in a ``: `` list, as pasted from another list.
DASH_STRETCH = (
    "## Parsers\n" + _COLON_ITEMS + "\n## Open Data\n"
    "* [Alpha](https://example.org/a) - curated by users\n"
    "* [Beta](https://example.org/b) - a large ontology\n"
    "\n## Private Data\n"
    "* [Gamma](https://example.org/c) - linked vocabulary\n"
    "\n## Census\n"
    "* [Delta](https://example.org/d) - population estimates\n"
)


def test_a_stretch_of_small_sections_keeps_its_own_separator() -> None:
    assert not check_text(DASH_STRETCH, only("link-item-format"))
    assert fix_text(DASH_STRETCH, only("link-item-format")).text == DASH_STRETCH


def test_a_lone_dash_item_among_colon_sections_is_still_reported_and_mended() -> None:
    text = "## Parsers\n" + _COLON_ITEMS + "\n## Census\n* [Delta](https://example.org/d) - x.\n"
    found = check_text(text, only("link-item-format"))
    assert [d.line for d in found] == [16]
    assert "[Delta](https://example.org/d): x." in fix_text(text, only("link-item-format")).text


MUSIC = (
    "## Parsers\n" + _COLON_ITEMS + "\n## Music\n"
    "* [Piano](https://example.org/p): classical piano pieces\n"
    "* [Folk](https://example.org/f): over 1000 folk tunes\n"
    "* [Scores](https://example.org/s): electronic library of scores\n"
    "* [Chorales](https://example.org/c): four-part chorales\n"
)


def test_a_section_whose_own_habit_is_bare_holds_no_missing_stop() -> None:
    assert not check_text(MUSIC, only("description-ending"))


def test_a_bare_item_in_a_section_too_small_for_a_habit_is_held_to_the_list() -> None:
    text = MUSIC.replace("* [Chorales](https://example.org/c): four-part chorales\n", "")
    assert len(check_text(text, only("description-ending"))) == 3


def test_a_section_that_splits_keeps_its_findings_but_gets_no_stop() -> None:
    split = MUSIC.replace("pieces\n", "pieces.\n").replace("tunes\n", "tunes.\n")
    found = check_text(split, only("description-ending"))
    assert [d.line for d in found] == [18, 19]
    assert all(d.fix is None for d in found)
