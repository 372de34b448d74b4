"""What ``missing-year`` takes for a year it may not have read (``metadata.holds_year_like``).

Wider than what the readers read as the year, on purpose: an entry that holds any of these has a
year the reader may not have understood, so ``missing-year`` says nothing of it.
"""

from __future__ import annotations

import pytest

from awesome_tidy.metadata import holds_year_like


@pytest.mark.parametrize(
    "text",
    [
        "`icml2021 submit`",  # a year glued into a tag
        "nips2020",
        "CoRL19",  # a two-digit year glued to a venue-like word
        "iclr22",
        "NeurIPS'19",
        "ECCV 20'",
        "AAAI '21",
        "arxiv2206",  # an arXiv year and month glued to a word
        "arXiv:2301.01234",
        "preprint 2110.08484",  # an arXiv id in words
        "Jane Doe. 2021.9",  # a date on the author line
        "2021/09",
        "Nov. 9 2021",
    ],
)
def test_year_like(text: str) -> None:
    assert holds_year_like(text)


@pytest.mark.parametrize(
    "text",
    [
        "Top 10",
        "v2.1",
        "2048 tokens",  # past next year: a count
        "1024 x 768",
        "SEN12MS",  # digits inside a name
        "GPT4",
        "AI21 Labs",  # two letters glued to two digits: a name
        "[paper](https://arxiv.org/abs/2110.08484)",  # a URL's digits are the site's
        "[pdf](https://example.org/2021/paper.pdf)",
        "Sentinel-1/2 imagery",
        "",
    ],
)
def test_not_year_like(text: str) -> None:
    assert not holds_year_like(text)


def test_in_a_title_a_word_glued_to_two_digits_is_a_name() -> None:
    assert not holds_year_like("Jane Doe.", title="Pruning ResNet50 and VGG16 for soil maps")
    assert holds_year_like("CoRL19", title="Soil maps")  # outside the title it counts
    assert holds_year_like("Jane Doe.", title="SemEval-2020 Task 4: soil maps")
    assert holds_year_like("", title="Soil maps from radar, NeurIPS'19")
