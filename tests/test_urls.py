"""URL normal forms: links to one paper or repository compare equal, links to two do not."""

from __future__ import annotations

import pytest

from awesome_tidy.urls import link_kind, normalize_url

SAME_TARGET = [
    pytest.param(
        [
            "https://arxiv.org/abs/2106.08265",
            "http://arxiv.org/abs/2106.08265v2",
            "https://arxiv.org/pdf/2106.08265.pdf",
            "https://arxiv.org/pdf/2106.08265v1",
            "https://www.arxiv.org/abs/2106.08265#",
            "https://export.arxiv.org/abs/2106.08265",
            "arxiv.org/html/2106.08265v3",
        ],
        id="arxiv-abs-pdf-version-and-host",
    ),
    pytest.param(
        ["https://arxiv.org/abs/cs/0112017", "https://arxiv.org/pdf/cs/0112017v1.pdf"],
        id="arxiv-old-style-identifier",
    ),
    pytest.param(
        [
            "https://arxiv.org/ftp/arxiv/papers/1708/1708.03665.pdf",
            "https://arxiv.org/abs/1708.03665",
        ],
        id="arxiv-ftp-path",
    ),
    pytest.param(
        ["https://doi.org/10.1145/3343031.3350998", "http://dx.doi.org/10.1145/3343031.3350998"],
        id="doi-hosts",
    ),
    pytest.param(
        [
            "https://github.com/hq-deng/RD4AD",
            "https://github.com/hq-deng/RD4AD/",
            "http://www.github.com/hq-deng/RD4AD.git",
            "https://github.com/hq-deng/rd4ad/tree/main",
            "https://github.com/hq-deng/RD4AD#readme",
            "https://github.com/hq-deng/RD4AD?tab=readme-ov-file",
            "https://github.com/hq-deng/RD4AD/blob/master/README.md",
            "https://github.com/hq-deng/RD4AD#readme-ov-file",
        ],
        id="github-repository-forms",
    ),
    pytest.param(
        [
            "https://github.com/a/b/blob/main/docs/setup.md",
            "https://github.com/a/b/tree/master/docs/setup.md",
        ],
        id="github-file-on-another-branch",
    ),
    pytest.param(
        ["https://github.com/a/b#Framework", "https://github.com/a/b#framework"],
        id="github-anchors-are-lower-case",
    ),
    pytest.param(
        [
            "https://openreview.net/forum?id=TAVtkpjS9P",
            "https://openreview.net/pdf?id=TAVtkpjS9P",
            "https://openreview.net/forum?id=TAVtkpjS9P&noteId=TAVtkpjS9P",
        ],
        id="openreview-forum-and-pdf",
    ),
    pytest.param(
        [
            "https://example.com/tool?utm_source=github&utm_medium=list",
            "http://example.com/tool/",
            "https://example.com/tool#readme",
            "https://example.com/tool#top",
            "https://example.com/tool?ref=awesome",
        ],
        id="tracking-parameters-fragment-trailing-slash",
    ),
    pytest.param(
        ["https://example.com/docs/index.html", "https://example.com/docs"],
        id="directory-index",
    ),
    pytest.param(
        [
            "https://example.org/paper.pdf#page=3",
            "https://example.org/paper.pdf",
            "https://example.org/paper.pdf#:~:text=results",
        ],
        id="a-page-of-a-pdf-or-a-text-fragment-is-the-same-document",
    ),
    pytest.param(
        ["https://sandbox.example.io/#K2X9Q1#4", "http://www.sandbox.example.io/#K2X9Q1#4"],
        id="one-playground-save-twice",
    ),
]


@pytest.mark.parametrize("urls", SAME_TARGET)
def test_links_to_one_target_share_a_normal_form(urls: list[str]) -> None:
    assert len({normalize_url(url) for url in urls}) == 1


DIFFERENT_TARGETS = [
    pytest.param(
        ["https://arxiv.org/abs/2106.08265", "https://arxiv.org/abs/2106.08266"], id="arxiv"
    ),
    pytest.param(["https://github.com/a/b", "https://github.com/a/c"], id="github-repos"),
    pytest.param(
        ["https://github.com/a/b", "https://github.com/a/b/blob/main/docs/setup.md"],
        id="github-repo-and-a-file-in-it",
    ),
    pytest.param(["https://github.com/a/b/wiki/Meth", "https://github.com/a/b"], id="github-wiki"),
    pytest.param(
        ["https://example.com/search?q=anomaly", "https://example.com/search?q=outlier"],
        id="meaningful-query",
    ),
    pytest.param(["https://github.com/sponsors/a", "https://github.com/sponsors/b"], id="sponsors"),
    pytest.param(
        ["https://sandbox.example.io/#K2X9Q1#4", "https://sandbox.example.io/#7HHQ2B#0"],
        id="hash-routed-playground-saves",
    ),
    pytest.param(
        ["https://app.example.io/editor#/scenes/1", "https://app.example.io/editor#/scenes/2"],
        id="hash-routes-of-a-web-app",
    ),
    pytest.param(
        ["https://forum.example.io/#!/topic/12", "https://forum.example.io/#!/topic/13"],
        id="hashbang-routes",
    ),
    pytest.param(
        ["https://tool.example.io/#pricing", "https://tool.example.io/#features"],
        id="fragments-of-a-front-page",
    ),
    pytest.param(
        ["https://docs.example.io/guide#install", "https://docs.example.io/guide#usage"],
        id="two-chapters-of-one-guide",
    ),
    pytest.param(
        [
            "https://github.com/a/notes/blob/master/ml/nn.md#ResNet",
            "https://github.com/a/notes/blob/master/ml/nn.md#GCN",
        ],
        id="two-sections-of-one-notes-file-on-github",
    ),
    pytest.param(
        ["https://github.com/a/papers#framework", "https://github.com/a/papers#review-papers"],
        id="a-table-of-contents-written-as-repository-urls",
    ),
]


@pytest.mark.parametrize("urls", DIFFERENT_TARGETS)
def test_links_to_different_targets_stay_apart(urls: list[str]) -> None:
    assert len({normalize_url(url) for url in urls}) == len(urls)


@pytest.mark.parametrize(
    "url",
    [
        "#contents",
        "./images/logo.png",
        "mailto:someone@example.com",
        "",
        "not a url",
        "https://github.com：/No-Box-Dev/Noxkey",  # a full-width colon typed in the host
        "https://kape[li",  # a bracket in the host: [Dash](https://kape[li).com/dash)
    ],
)
def test_anchors_relative_and_odd_urls_never_raise(url: str) -> None:
    assert isinstance(normalize_url(url), str)


@pytest.mark.parametrize(
    ("label", "url", "kind"),
    [
        ("paper", "https://example.com/p.pdf", "paper"),
        ("[CVPR 2020]", "http://arxiv.org/pdf/1911.02357", "paper"),
        ("code", "https://github.com/a/b", "code"),
        ("Github", "https://github.com/a/b", "code"),
        ("project", "https://a.github.io/b", "project"),
        ("![Star](https://img.shields.io/github/stars/a/b.svg)", "https://github.com/a/b", "badge"),
        ("Benchmarks", "#benchmarks", "anchor"),
        ("Visual Instruction Tuning", "https://arxiv.org/pdf/2304.08485.pdf", "paper"),
        ("LLaVA", "https://github.com/haotian-liu/LLaVA", "code"),
        ("Django", "https://www.djangoproject.com/", "other"),
        ("Force fields", "https://www.science.org/doi/10.1126/sciadv.1603015", "paper"),
        ("Reactions", "https://onlinelibrary.wiley.com/doi/full/10.1002/anie.2019", "paper"),
        ("Docs", "https://example.org/doi/about", "other"),
    ],
)
def test_link_kind_reads_the_label_first_then_the_host(label: str, url: str, kind: str) -> None:
    assert link_kind(label, url) == kind


def test_an_image_is_a_badge_whatever_its_label() -> None:
    assert link_kind("paper", "https://example.com/figure.png", image=True) == "badge"


@pytest.mark.parametrize(
    "label",
    [
        '<img src=https://img.shields.io/badge/ICLR-2023-blue alt="img" />',
        ' <img src="logo.png" width="20"> <img src="x.svg">',
        '<p><img src="logo.png" alt="Loam logo"></p>',  # alt text is no word shown as text
    ],
)
def test_a_link_of_only_an_html_image_is_a_badge(label: str) -> None:
    assert link_kind(label, "https://arxiv.org/abs/2301.00001") == "badge"


@pytest.mark.parametrize(
    "label", ['<img src="logo.png"> Loam', "<b>Loam</b>", '<a id="x"></a>Loam', "<img>2023"]
)
def test_an_html_label_with_a_word_is_no_badge(label: str) -> None:
    assert link_kind(label, "https://arxiv.org/abs/2301.00001") == "paper"


@pytest.mark.parametrize(
    ("url", "form"),
    [
        ("https://arxiv.org/abs/2106.08265v2", "arxiv:2106.08265"),
        ("http://www.arxiv.org/pdf/2106.08265.pdf", "arxiv:2106.08265"),
        ("https://arxiv.org/abs/2106.08265/", "arxiv:2106.08265"),
        ("https://github.com/Owner/Repo.git", "github.com/owner/repo"),
        ("https://www.github.com/a/b/", "github.com/a/b"),
        ("https://github.com/a/b?tab=readme", "github.com/a/b"),
        ("https://github.com/topics/anomaly", "github.com/topics/anomaly"),
        ("https://github.com/owner/Index.HTML", "github.com/owner"),
    ],
)
def test_plain_arxiv_and_github_urls_read_fast_as_the_full_reading_reads_them(
    url: str, form: str
) -> None:
    assert normalize_url(url) == form
