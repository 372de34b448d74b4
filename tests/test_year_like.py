"""What ``missing-year`` takes for a year it may not have read (``metadata.holds_year_like``).

Wider than what the readers read as the year, on purpose: an entry that holds any of these has a
year the reader may not have understood, so ``missing-year`` says nothing of it.
"""

from __future__ import annotations

import pytest

from awesome_tidy.metadata import (
    find_year,
    heading_dates,
    heading_year,
    holds_short_date,
    holds_year_like,
    preprint_marker,
)


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
        "arxiv20241003",  # a compact date, year month day, glued to a venue
        "Springer,202309",  # year and month
        "Soil Science 19990131",
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
        "20241399",  # no month 13: not a date
        "20240732",  # no day 32
        "202400",  # no month 0
        "2024010312",  # ten digits: an id, not a date
        "patent 30240101",  # a year past next year
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


def test_a_short_date_is_a_year_where_the_list_writes_full_dates_alike() -> None:
    dates = "| A | 2018/12 |\n| B | 2020/04 |\n| C | 19/06 |\n"
    assert holds_short_date("| C | 19/06 |", dates)
    assert holds_short_date("| C | 19.06 |", "released 2021.03 and 2022.11")
    # Another separator, a version, a day and month, or no full dates at all: no year.
    assert not holds_short_date("| C | 19.06 |", dates)
    assert not holds_short_date("v1.10, then 10.12.3", "released 2021.03")
    assert not holds_short_date("| C | 19/06 |", "| A | 2018 |\n| C | 19/06 |")
    assert not holds_short_date("see https://example.org/19/06", "2018/12")


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("Jane Doe. Preprint. [[pdf](https://example.org/a.pdf)]", True),
        ("| Perfect Match | arxiv | [code](https://example.org) |", True),
        ("Technical report, 2019", True),
        ("CoRR abs/1901.00001", True),
        ("bioRxiv", True),
        ("Jane Doe. ICML 2019. [[pdf](https://arxiv.org/pdf/1901.00001.pdf)]", False),
        ("Corresponding author: Jane Doe", False),
        # every spelling the marker knows, in any case, passes the quick test before it
        ("PRE-PRINT", True),
        ("Tech. Report", True),
        ("tech report", True),
        ("SSRN", True),
        ("medRxiv", True),
        ("ChemRxiv 2020", True),
        # text that is not ASCII is searched whatever it holds (``ſ`` matches ``s`` in case)
        ("Jane Doe. ſſrn", True),
        ("Jane Doe. 预印本", False),
        ("Jane Doe. Blueprint networks", False),
    ],
)
def test_preprint_marker(text: str, marker: bool) -> None:
    assert preprint_marker(text) is marker


@pytest.mark.parametrize(
    ("heading", "year"),
    [
        ("2014", 2014),
        ("- 2014", 2014),  # decoration around the year: marks, emoji, shortcodes, brackets
        ("• 2015", 2015),
        ("[2016]", 2016),
        ("【2016】", 2016),
        ("**2017**", 2017),
        ("_2017_", 2017),
        ("2017:", 2017),
        (":calendar: 2019", 2019),
        ("📅 2019", 2019),
        ("Year 2018", 2018),  # the word for what the heading is
        ("2019 (12 papers)", 2019),  # a count of what is under it
        ("2019（5篇）", 2019),
        ("2019 Challenge Winners", None),  # any other word makes the heading a topic
        ("Top-2020 methods", None),
        ("Yearly 2018", None),
        ("2019 (CVPR)", None),
        ("<2015", None),  # the years before it
        ("Before 2015", None),
        ("2019 Challenge (12)", None),
    ],
)
def test_a_year_heading_is_its_year_and_decoration(heading: str, year: int | None) -> None:
    assert heading_year(heading) == year
    assert heading_dates(heading) == (year is not None)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # a year-like run inside a URL, autolinked or bare, is the URL's: the year is after it
        ("Qubit <https://pdfs.example.org/c9/be4ae2031daf5ad.pdf>. 1999", "1999"),
        ("Qubit https://example.org/2031/qubit.pdf 1999", "1999"),
        ("Qubit www.example.org/2031/qubit.pdf 1999", "1999"),
        # a hash or an id holding year-like digits among other digits is no year
        ("Weights 5e2031ab7c, 2019", "2019"),
        # years glued to words only, in link text, or real future years stay read
        ("CVPR2020a", "2020"),
        ("zhang2021survey", "2021"),
        ("[Qubit, arXiv 2031](https://example.org/q.pdf)", "2031"),
        ("Qubit. arXiv 2031", "2031"),
    ],
)
def test_find_year_skips_urls_and_hashes(text: str, year: str) -> None:
    found = find_year(text, 0, len(text))
    assert found is not None and found.text == year


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Model ae2028daf5adcb74, 2019", "2019"),  # a long hexadecimal run: a hash
        ("NeurIPS2022v1", "2022"),  # a version after a glued year
    ],
)
def test_find_year_tells_hashes_from_glued_years(text: str, year: str) -> None:
    found = find_year(text, 0, len(text))
    assert found is not None and found.text == year
