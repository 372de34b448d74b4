"""The cheap word test before the case-blind cross-listing pattern (issue 10.5) must pass every
text the pattern matches: it may only spare the pattern where the pattern finds nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_tidy import similarity

VERBS = ["belong", "belongs", "appear", "appears", "listed", "fall", "falls", "fit", "fits"]
LINKS = ["in", "into", "to", "under"]
HOW_MANY = ["more than one", "multiple", "several", "many", "two or more"]
NOUNS = ["category", "categories", "section", "sections", "topic", "topics", "classes", "groups"]


def _any_case(draw: st.DrawFn, words: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
    return "".join(char.upper() if flip else char for char, flip in zip(words, flips, strict=True))


@st.composite
def declarations(draw: st.DrawFn) -> str:
    space = st.sampled_from([" ", "  ", "\n", "\t"])
    words = [
        draw(st.sampled_from(VERBS)),
        draw(st.sampled_from(LINKS)),
        draw(st.sampled_from(HOW_MANY)).replace(" ", draw(space)),
        draw(st.sampled_from(NOUNS)),
    ]
    return draw(space).join(_any_case(draw, word) for word in words)


@settings(max_examples=300, deadline=None)
@given(declarations(), st.text(max_size=30), st.text(max_size=30))
def test_every_declaration_passes_the_word_test(declaration: str, before: str, after: str) -> None:
    text = f"{before} Papers may {declaration} of the list. {after}"
    assert similarity._CROSS_LISTED.search(text) is not None
    assert similarity._may_declare_cross_listing(text)


def test_long_s_and_kelvin_sign_go_to_the_pattern() -> None:
    # The pattern ignores case the Unicode way: ``ſ`` is an ``s``, so non-ASCII text skips the
    # word test.
    text = "Some papers appear in ſeveral ſections."
    assert similarity._CROSS_LISTED.search(text) is not None
    assert similarity._may_declare_cross_listing(text)


def test_a_list_that_names_no_cross_listing_is_spared_the_pattern() -> None:
    text = "# Papers\n\n- (he2016deep)Deep residual learning[2016]\n" * 50
    assert not similarity._may_declare_cross_listing(text)
    assert similarity._CROSS_LISTED.search(text) is None
