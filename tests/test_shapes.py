"""Entry shapes: what the model reads from each way real lists write an entry, and what it leaves.

Each case is a few lines in the shape of a real list of the corpus (tests/fixtures/corpus/) and
asserts the parts read from it; the rules that depend on them are asserted at the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tidy import Config, check_text
from awesome_tidy.document import Document
from awesome_tidy.entries import Entry

FIXTURES = Path(__file__).parent / "fixtures"


def only_entry(text: str) -> Entry:
    entries = Document(text).entries
    assert len(entries) == 1, [entry.title.text if entry.title else None for entry in entries]
    return entries[0]


def parts(entry: Entry) -> dict[str, object]:
    return {
        "shape": entry.shape,
        "form": entry.form,
        "key": entry.key.text if entry.key else None,
        "title": entry.title.text if entry.title else None,
        "year": entry.year_value,
        "venue": entry.venue.text if entry.venue else None,
        "authors": entry.authors.text if entry.authors else None,
    }


def rules_found(text: str, *names: str) -> list[tuple[int, str]]:
    return [(d.line, d.rule) for d in check_text(text, Config(select=names))]


SHAPES = [
    pytest.param(
        "+ (bergmann2020uninformed)Uninformed students: Student-teacher anomaly detection"
        " [[CVPR 2020]](http://arxiv.org/pdf/1911.02357)\n",
        {"form": "plain", "key": "bergmann2020uninformed", "year": 2020, "venue": "CVPR"},
        id="keyed-item-with-venue-link",
    ),
    pytest.param(
        "1. **Relational Inductive Biases, Deep Learning, and Graph Networks.** arxiv 2018."
        " [paper](https://arxiv.org/pdf/1806.01261.pdf)\n\n    *Battaglia, Peter W and Hamrick,"
        " Jessica B.*\n",
        {
            "form": "bold",
            "title": "Relational Inductive Biases, Deep Learning, and Graph Networks.",
            "year": 2018,
            "venue": "arxiv",
            "authors": "Battaglia, Peter W and Hamrick, Jessica B.",
        },
        id="numbered-bold-title-with-authors-paragraph",
    ),
    pytest.param(
        "**Multi-scale Feature Learning** \\\n*Jane Doe, John Roe* \\\narXiv 2022."
        " [[Paper](https://arxiv.org/abs/2201.00001)]\n",
        {
            "shape": "paragraph",
            "form": "bold",
            "title": "Multi-scale Feature Learning",
            "year": 2022,
            "venue": "arXiv",
            "authors": "Jane Doe, John Roe",
        },
        id="paragraph-with-hard-breaks",
    ),
    pytest.param(
        "**1. BiBench: Benchmarking and Analyzing Network Binarization**"
        " [[Paper](https://proceedings.mlr.press/v202/qin23a.html)]\n\n**Venue:** ICML 2023\n\n"
        "**Authors:** Haotong Qin, Mingyuan Zhang.\n",
        {
            "shape": "paragraph",
            "title": "BiBench: Benchmarking and Analyzing Network Binarization",
            "year": 2023,
            "venue": "ICML",
            "authors": "Haotong Qin, Mingyuan Zhang.",
        },
        id="paragraph-with-venue-and-authors-fields",
    ),
    pytest.param(
        "|  Title  |   Venue  |   Date   |   Code   |\n|:---|:---:|:---:|:---:|\n"
        "| ![Star](https://img.shields.io/github/stars/a/b.svg) <br> [**Visual Instruction"
        " Tuning**](https://arxiv.org/pdf/2304.08485.pdf) <br> | NeurIPS | 2023-04-17 |"
        " [GitHub](https://github.com/a/b) |\n",
        {
            "shape": "table-row",
            "form": "link",
            "title": "Visual Instruction Tuning",
            "year": 2023,
            "venue": "NeurIPS",
        },
        id="table-row-bold-linked-title-date-column",
    ),
    pytest.param(
        "| Dataset | Class | Time |\n|---|---|---|\n"
        "| [MVTec AD](https://www.mvtec.com/datasets/mvtec-ad) | 15 | CVPR,2019 |\n",
        {"shape": "table-row", "title": "MVTec AD", "year": 2019, "venue": "CVPR"},
        id="table-row-year-column-by-header",
    ),
    pytest.param(
        "- [Zhou _et. al._] [Encoding Structure-Texture Relation with P-Net] [ECCV'20]"
        " [[pdf]](http://zhoukang.pro/paper/pnet.pdf)\n",
        {
            "form": "fields",
            "title": "Encoding Structure-Texture Relation with P-Net",
            "year": 2020,
            "venue": "ECCV",
            "authors": "Zhou _et. al._",
        },
        id="bracketed-fields",
    ),
    pytest.param(
        "- Deep Learning for Anomaly Detection: A Survey  | **[arXiv' 19]** |"
        "[`[pdf]`](https://arxiv.org/pdf/1901.03407.pdf)\n",
        {"form": "plain", "title": "Deep Learning for Anomaly Detection: A Survey", "year": 2019},
        id="pipes-and-venue-apostrophe-year",
    ),
    pytest.param(
        "1. [HAWK] **HAWK: Learning to Understand Open-World Video Anomalies**"
        " <a id='HAWK'></a> \\\n"
        "![LLM](https://img.shields.io/badge/LLM-FFA500) \\\n"
        "NeurIPS '24 [[paper](https://arxiv.org/abs/2405.16886)][[code](https://github.com/a/b)]\n",
        {
            "form": "bold",
            "key": "HAWK",
            "title": "HAWK: Learning to Understand Open-World Video Anomalies",
            "year": 2024,
            "venue": "NeurIPS",
        },
        id="multi-line-item-with-badges-and-bracket-key",
    ),
    pytest.param(
        "1. [EBB] **Exploring Background-bias for Anomaly Detection** \\\n"
        "ACM MM 19' [[paper](https://dl.acm.org/doi/abs/10.1145/3343031.3350998)]\n",
        {"year": 2019, "venue": "ACM MM"},
        id="year-apostrophe-after",
    ),
    pytest.param(
        "- [[ICLR](https://openreview.net/forum?id=HyQJ-mclg)] [293:fire:] Incremental Network"
        " Quantization. [**`qnn`**] [[code](https://github.com/Mxbonn/INQ-pytorch)]\n",
        {"form": "plain", "title": "Incremental Network Quantization.", "venue": "ICLR"},
        id="venue-link-before-a-plain-title",
    ),
    pytest.param(
        "- [Isolation Forest](https://cs.nju.edu.cn/icdm08b.pdf) - ICDM 2008.\n",
        {"form": "link", "title": "Isolation Forest", "year": 2008, "venue": "ICDM"},
        id="link-list-paper-with-venue-description",
    ),
    pytest.param(
        "* Ana Ruiz, Bo Chen, and Carl de Vries. 2020. [Sparse Routing for Speech Models]"
        "(https://example.org/a.pdf). In *Proceedings of ACL 2020*.\n",
        {
            "form": "link",
            "title": "Sparse Routing for Speech Models",
            "authors": "Ana Ruiz, Bo Chen, and Carl de Vries",
            "year": 2020,
            "venue": "Proceedings of ACL",
        },
        id="citation-opening-with-its-authors-and-year",
    ),
    pytest.param(
        "* Ruiz, A., Chen, B. et al. (2018). [Dense Tables](https://example.org/b.pdf). *Journal"
        " of Tables*.\n",
        {
            "form": "link",
            "title": "Dense Tables",
            "authors": "Ruiz, A., Chen, B. et al.",
            "year": 2018,
        },
        id="citation-with-initials-et-al-and-a-year-only-before-the-link",
    ),
    pytest.param(
        "1. Okafor, *The Patient Field,* 2004. A gentle start on soil life.\n",
        {"form": "plain", "title": "The Patient Field", "authors": "Okafor", "year": 2004},
        id="book-citation-surname-then-title-in-emphasis-then-year",
    ),
    pytest.param(
        "* Ruiz, A. & Chen, B. _Dense Tables_. Fieldhouse Press, 2018.\n",
        {"form": "plain", "title": "Dense Tables", "authors": "Ruiz, A. & Chen, B.", "year": 2018},
        id="book-citation-authors-then-title-then-publisher-and-year",
    ),
    pytest.param(
        '- Brandt and Ueda, "Roots and Rain," 1999. On water in the soil, at length.\n',
        {"title": "Roots and Rain", "authors": "Brandt and Ueda", "year": 1999},
        id="book-citation-with-a-quoted-title",
    ),
    pytest.param(
        "- **Roots and Rain** Brandt and Ueda, 2020\n",
        {"form": "bold", "title": "Roots and Rain", "year": 2020},
        id="a-bold-title-before-its-authors-stays-the-title",
    ),
    pytest.param(
        "* Deep Models in Practice 2019 [paper](https://example.org/c.pdf)\n",
        {"form": "plain", "title": "Deep Models in Practice 2019"},
        id="a-title-before-a-paper-link-is-no-author-list",
    ),
    pytest.param(
        "* Deep Learning Frameworks 2020 [Comparison of Frameworks](https://example.org/d)\n",
        {"form": "plain", "title": "Deep Learning Frameworks 2020"},
        id="a-year-not-set-off-from-the-words-before-it-closes-no-author-list",
    ),
    pytest.param(
        "* ChatGLM：\n  * 地址：https://github.com/THUDM/ChatGLM-6B\n"
        "  * 简介：中文开源底座模型。\n",
        {"form": "plain", "title": "ChatGLM", "year": None},
        id="named-item-with-address-sub-item",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_each_shape_gives_its_parts(text: str, expected: dict[str, object]) -> None:
    found = parts(only_entry(text))
    assert {name: found[name] for name in expected} == expected


def test_a_named_item_takes_the_links_of_its_address_sub_item() -> None:
    entry = only_entry(SHAPES[-1].values[0])  # type: ignore[index]
    assert [link.url.text for link in entry.links] == ["https://github.com/THUDM/ChatGLM-6B"]


PAPER_WITH_LINK_SUB_ITEMS = (
    "- **Deep Residual Learning for Image Recognition** (CVPR 2016)\n"
    "  - [paper](https://arxiv.org/abs/1512.03385)\n"
    "  - [Code](https://github.com/KaimingHe/deep-residual-networks) | [project](https://kaiming.me)\n"
)


def test_sub_items_of_named_links_are_the_links_of_their_entry() -> None:
    entry = only_entry(PAPER_WITH_LINK_SUB_ITEMS)
    assert parts(entry)["title"] == "Deep Residual Learning for Image Recognition"
    assert [link.kind for link in entry.links] == ["paper", "code", "project"]


def test_two_papers_with_paper_and_code_sub_items_are_not_duplicates() -> None:
    other = PAPER_WITH_LINK_SUB_ITEMS.replace("Deep Residual", "Identity Mappings in Deep Residual")
    text = "# Papers\n\n" + PAPER_WITH_LINK_SUB_ITEMS + other.replace("1512.03385", "1603.05027")
    assert rules_found(text, "duplicate-entry", "near-duplicate-title") == []
    # A sub-item that says more than what its links are is an entry of its own.
    nested = "- **Surveys**\n  - [Deep learning](https://doi.org/10.1038/nature14539) a review\n"
    assert [parts(entry)["title"] for entry in Document(nested).entries] == ["Deep learning"]


def test_a_link_item_has_its_separator_and_description() -> None:
    entry = only_entry(
        "- [Node.js](https://github.com/sindresorhus/awesome-nodejs#readme) - Async runtime."
        " [![OSS](https://img.shields.io/badge/oss-x)](https://github.com/a/b)\n"
    )
    assert entry.separator is not None and entry.separator.text == " - "
    assert entry.description is not None and entry.description.text == "Async runtime."


IMAGE_LINK_ITEMS = (
    "## Papers\n\n"
    '- [<img src=https://img.shields.io/badge/ICLR-2023-blue alt="img" />]'
    "(https://arxiv.org/abs/2301.00001) [**Deep soil moisture retrieval from radar**]"
    "(https://arxiv.org/abs/2301.00001), by *Jane Doe*\n"
    '- [<img src=https://img.shields.io/badge/CoRR-2022-blue alt="img" />]'
    "(https://arxiv.org/abs/2301.00001) [**River stage forecasting with LSTMs**]"
    "(https://arxiv.org/abs/2204.00002), by *John Roe*\n"
    '- [<img src="https://img.shields.io/badge/KDD-2021-blue" width="60">]'
    "(https://example.org/kdd) [**Graph cuts for orchard segmentation**]"
    "(https://example.org/orchard), by *Ito Ken*\n"
)


def test_a_link_of_only_an_image_names_nothing() -> None:
    """``[<img src=... alt="img">](url) [**Title**](url)``: an image with no word is a badge,
    like ``[![alt](src)](url)``, and the title is what follows it. A badge link copied from the
    entry above (its URL another paper's) makes no copy of that paper."""
    entries = Document(IMAGE_LINK_ITEMS).entries
    assert [parts(entry)["title"] for entry in entries] == [
        "Deep soil moisture retrieval from radar",
        "River stage forecasting with LSTMs",
        "Graph cuts for orchard segmentation",
    ]
    assert [link.kind for link in entries[2].links] == ["badge", "other"]
    assert entries[1].primary_link is not None
    assert entries[1].primary_link.url.text == "https://arxiv.org/abs/2204.00002"
    assert rules_found(IMAGE_LINK_ITEMS, "duplicate-entry", "duplicate-link") == []
    # the same paper listed twice is still one, by its title
    twice = IMAGE_LINK_ITEMS + IMAGE_LINK_ITEMS.splitlines(keepends=True)[2]
    assert rules_found(twice, "duplicate-entry") == [(6, "duplicate-entry")]


@pytest.mark.parametrize(
    ("notation", "year"),
    [
        ("arXiv 2021.", 2021),
        ("CVPR '21", 2021),
        ("arXiv' 19", 2019),
        ("MICCAI'18", 2018),
        ("ECCV 20'", 2020),
        ("[IJCAI 19]", 2019),
        ("[IEEE Transactions on Multimedia 21]", 2021),
        ("NeurIPS2022v1", 2022),
        ("TII\u00a0'25", 2025),
        ("EMNLP 18.", 2018),
        ("[Robotics and Computer-Integrated Manufacturing 2020]", 2020),
        ("TPAMI '98", 1998),
        ("arXiv 2023.05", 2023),
        ("ICML19.", 2019),
        ("NeurIPS20", 2020),
        ("_ICLR'23_", 2023),
        ("_ArXiv’24_", 2024),
        ("__KDD'22__", 2022),
        ("**ICML’21**", 2021),
        ("[AAAI'20]", 2020),
        ("_CVPR22_", 2022),
    ],
)
def test_year_notations(notation: str, year: int) -> None:
    text = (
        f"- Deep anomaly detection with deviation networks | {notation} | [pdf](https://a.org/p)\n"
    )
    assert only_entry(text).year_value == year


@pytest.mark.parametrize("closing", ["[2021]", "(2021)", "【2021】"])
def test_a_bracketed_year_closing_the_entry(closing: str) -> None:
    assert (
        only_entry(f"+ (pang2021deep)Deep anomaly detection: a review{closing}\n").year_value
        == 2021
    )


@pytest.mark.parametrize(
    "tail",
    [
        "arXiv:2106.08265",
        "arXiv:2012.08265",
        "Top 10",
        "v2.1",
        "release 2021.3",
        "v2023.05.1",
        "VGG16",
        "GPT4",
        "ResNet50",
        "10,821 images",
        "2000+ images",
        "`2021`",
        "rock'n'roll",
        "build v'24_beta",
        "ICLR'23abc",
    ],
)
def test_numbers_that_are_not_years(tail: str) -> None:
    text = f"+ Deep anomaly detection with deviation networks {tail} [[paper]](https://a.org/p)\n"
    assert only_entry(text).year is None


NOT_ENTRIES = [
    pytest.param("- [Papers](#papers)\n- [Datasets](#datasets)\n", id="table-of-contents"),
    pytest.param(
        "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"
        " ![stars](https://img.shields.io/github/stars/a/b)\n",
        id="badges",
    ),
    pytest.param(
        "## Why it matters\n- **Academic Value**: It advances unsupervised learning.\n"
        "- **Practical Value**: It reduces labelling.\n- Read the [guide](guide.md) first.\n",
        id="prose-items",
    ),
    pytest.param(
        "<!--\n1. [] **Aligning Effective Tokens with Video Anomaly** \\\n"
        "ICCV '25 [[paper]()]\n-->\n",
        id="html-comment-block",
    ),
    pytest.param(
        "- Contrastive pretraining for anomaly detection [[2024]](https://arxiv.org/abs/2401.1)"
        " <!-- + Hidden entry [[2023]](https://arxiv.org/abs/2301.1) -->\n",
        id="inline-comment-hides-what-it-holds",
    ),
    pytest.param(
        "## Contributing\n- [Open an issue](https://github.com/a/b/issues)\n"
        "- [Send a pull request](https://github.com/a/b/pulls)\n",
        id="section-about-the-list",
    ),
    pytest.param(
        "| 底座 | 包含模型 | 模型参数大小 |\n|---|---|---|\n| ChatGLM | ChatGLM/2/3 | 6B |\n"
        "| LLaMA | LLaMA/2 | 7B/13B |\n",
        id="table-of-facts",
    ),
    pytest.param("```\n+ (key2021x)Not an entry [2021]\n```\n", id="fenced-code"),
    pytest.param("- ICCV '25\n- CVPR '25\n", id="venue-names-alone"),
]


@pytest.mark.parametrize("text", NOT_ENTRIES)
def test_non_entry_content_is_not_an_entry(text: str) -> None:
    entries = Document(text).entries
    titles = [entry.title.text for entry in entries if entry.title]
    assert titles in ([], ["Contrastive pretraining for anomaly detection"])


def test_keys_count_only_where_most_entries_have_one() -> None:
    keyed = Document(
        "+ (a2020x)First paper [2020]\n+ (b2021y)Second paper [2021]\n+ Third paper [2022]\n"
    )
    assert keyed.has_keys
    plain = Document(
        "+ (PCBA-defect) A PCB Dataset [2019]\n+ Another dataset [2020]\n+ A third one [2021]\n"
    )
    assert not plain.has_keys
    assert plain.entries[0].key is None
    assert plain.entries[0].title is not None
    assert plain.entries[0].title.text.startswith("(PCBA-defect)")


def test_missing_year_only_where_the_shape_carries_one() -> None:
    text = (
        "## Papers\n"
        "+ Deep one-class classification [[ICML 2018]](http://proceedings.mlr.press/v80/ruff18a)\n"
        "+ Deep SVDD revisited [[2020]](https://arxiv.org/abs/2001.00001)\n"
        "+ Patch SVDD: Patch-level SVDD [[paper]](https://arxiv.org/abs/2006.16067)\n"
        "+ Deep anomaly detection with outlier exposure [[ICLR 2019]](https://arxiv.org/abs/1812.04606)\n"
        "## Tools\n"
        "- [anomalib](https://github.com/open-edge-platform/anomalib) - Anomaly detection.\n"
        "- [pyod](https://github.com/yzhao062/pyod) - Outlier detection toolkit.\n"
        "- [alibi](https://github.com/SeldonIO/alibi-detect) - Drift detection.\n"
        "## Datasets\n| Name | Paper |\n|---|---|\n"
        "| **MVTec AD** | [MVTec AD](https://example.com/mvtec) |\n"
        "| **VisA** | [SPot-the-Difference](https://arxiv.org/abs/2207.14315) |\n"
        "| **BTAD** | [VT-ADL](https://arxiv.org/abs/2104.10036) |\n"
    )
    assert rules_found(text, "missing-year") == [(4, "missing-year")]


def test_year_headings_are_not_section_numbers_and_offsets_are_consistent() -> None:
    text = (
        "## Papers\n### 2024\n- [[ICLR](https://openreview.net/forum?id=a)] Paper one\n"
        "### 2023\n- [[CVPR](https://arxiv.org/abs/2301.00001)] Paper two\n"
        "###  1. <a name='模型'></a>模型\n#### 1.1 文本LLM模型\n#### 1.2 多模态LLM模型\n"
        "###  2. <a name='应用'></a>应用\n#### 2.1 垂直领域微调\n"
    )
    doc = Document(text)
    assert [h.number for h in doc.headings] == [None, None, None, "1", "1.1", "1.2", "2", "2.1"]
    assert rules_found(text, "heading-numbering") == []
    assert doc.entries[0].section.year == 2024


def test_braces_in_code_are_not_stray() -> None:
    text = (
        "+ (pike2012go)Go at Google: `map[string]interface{}` in practice[2012]\n"
        "+ (knuth1984tex)The TeXbook, with `{}` groups[1984]\n\n"
        "<details><summary>Bibtex</summary><pre><code>@article{qin2023bibench,\n"
        "  title={BiBench},\n}</code></pre></details>\n\n"
        "```bibtex\n@misc{awesome-vad, title = {Awesome}}\n```\n"
    )
    assert rules_found(text, "stray-brace") == []


FULL_WIDTH = [
    pytest.param(
        "+ Inpainting transformer for anomaly detection (PCB）[2022]\n", [1], id="mismatched"
    ),
    pytest.param(
        "- [LangGraph](https://github.com/langchain-ai/langgraph) - Agents built on"
        " LangGraph，with memory and tools.\n",
        [1],
        id="comma-in-latin-text",
    ),
    pytest.param(
        "* 简介：一个多语言大模型(LLM)，开源了包括模型：TigerBot-7B, TigerBot-7B-base，"
        "TigerBot-180B，基本训练和推理代码。\n  * 地址：https://github.com/TigerResearch/TigerBot\n",
        [],
        id="chinese-sentence-with-latin-names",
    ),
    pytest.param(
        "* 通义千问：\n  * 地址：https://github.com/QwenLM/Qwen\n"
        "  * 简介：是阿里云研发的大语言模型（LLM），包括18亿（1.8B）参数的模型。\n",
        [],
        id="full-width-brackets-around-latin-inside-chinese",
    ),
    pytest.param(
        "* ChatGLM：\n  * 地址：https://github.com/THUDM/ChatGLM-6B\n"
        "* BELLE：\n  * 地址：https://github.com/LianjiaTech/BELLE\n",
        [],
        id="label-colon-after-a-latin-name",
    ),
]


@pytest.mark.parametrize(("text", "lines"), FULL_WIDTH)
def test_full_width_forms_in_latin_text_but_not_in_cjk_text(text: str, lines: list[int]) -> None:
    found = rules_found(text, "full-width-bracket")
    assert [line for line, _ in found] == lines


def test_an_odd_shape_degrades_to_no_entries_and_no_errors() -> None:
    text = (
        "Term\n: definition\n\n- [[[[ [[ ((\n- ]]]] ))\n- 🔥🔥🔥\n- 1999\n- 2001\n"
        "| a |\n|---|\n| [b](c) |\n\n> - quoted [x](#y)\n"
    )
    diagnostics = check_text(text)
    assert not [d for d in diagnostics if d.severity == "error"]


def test_yaml_front_matter_is_neither_a_heading_nor_fixed() -> None:
    text = "---\ntitle: Papers  \ntags: [a, b]\n---\n\n# Papers\n\n+ Deep SVDD [2018]\n"
    doc = Document(text)
    assert [heading.text for heading in doc.headings] == ["Papers"]
    assert not check_text(text, Config(select=("empty-section", "trailing-whitespace")))


def test_a_long_description_gives_only_a_year_a_venue_names() -> None:
    named = only_entry(
        "- [Anomaly detection with GANs](https://openreview.net/pdf?id=S1EfylZ0Z) - Reject by"
        " ICLR 2018, but was used as baseline method in recent published NIPS paper.\n"
    )
    assert named.year_value == 2018
    unnamed = only_entry(
        "- [Django](https://github.com/django/django) - The web framework for perfectionists"
        " with deadlines, first released in 2005 and still growing.\n"
    )
    assert unnamed.year is None


def test_entries_under_a_year_heading_have_their_year() -> None:
    text = (
        "## 2022\n| Title | Venue |\n|---|---|\n"
        "| [**Anomaly Detection via Reverse Distillation**](https://arxiv.org/abs/2201.10703)"
        " | CVPR |\n"
        "## Datasets\n| Dataset | Time |\n|---|---|\n| [MVTec AD](https://a.org/m) | CVPR,2019 |\n"
        "| [VisA](https://a.org/v) | ECCV,2022 |\n| [BTAD](https://a.org/b) | 2021 |\n"
    )
    assert rules_found(text, "missing-year") == []


def test_names_are_never_near_duplicates_but_long_titles_are() -> None:
    names = (
        "- [React](https://github.com/enaqx/awesome-react#readme) - JavaScript library.\n"
        "- [Preact](https://github.com/preactjs/awesome-preact#readme) - Fast 3kB alternative.\n"
        "- [scrapy](https://github.com/scrapy/scrapy) - Crawling framework.\n"
        "- [scapy](https://github.com/secdev/scapy) - Packet manipulation.\n"
    )
    assert rules_found(names, "near-duplicate-title") == []
    titles = (
        "+ Deep one-class classification for anomaly detection [2018]\n"
        "+ Deep one-class clasification for anomaly detection [2018]\n"
    )
    assert rules_found(titles, "near-duplicate-title") == [(2, "near-duplicate-title")]


def test_a_table_of_contents_keeps_its_own_bullet() -> None:
    text = (
        "## Contents\n- [Papers](#papers)\n\n## Papers\n"
        "+ Uninformed students [[CVPR 2020]](http://arxiv.org/pdf/1911.02357)\n"
        "+ Deep one-class classification [[ICML 2018]](http://proceedings.mlr.press/v80/a)\n"
        "+ Sub-image anomaly detection with deep pyramid correspondences [[arXiv 2020]](https://arxiv.org/b)\n"
        "* PaDiM: a patch distribution modeling framework [[ICPR 2020]](https://arxiv.org/a)\n"
    )
    # Three `+` of four bullets in the section: the contents' `-` would make it three of five.
    assert rules_found(text, "list-marker") == [(8, "list-marker")]


def test_short_names_with_different_links_are_different_resources() -> None:
    text = (
        "## Programming Languages\n"
        "- [Common Lisp](https://github.com/CodyReichert/awesome-cl#readme)\n"
        "\t- [Learning](https://github.com/GustavBertram/awesome-common-lisp-learning#readme)\n"
        "- [Perl](https://github.com/hachiojipm/awesome-perl#readme)\n"
        "\t- [Learning](https://github.com/perl-learning/awesome#readme)\n"
        "- [Go](https://github.com/avelino/awesome-go#readme)\n"
        "- [Go](https://github.com/avelino/awesome-go)\n"
    )
    assert rules_found(text, "duplicate-entry") == [(7, "duplicate-entry")]


def test_two_tables_of_one_section_are_two_lists() -> None:
    text = (
        "## Dataset\n| Important Dataset | 中文简介 |\n|---|---|\n"
        "| [MVTec AD](https://www.mvtec.com/ad) | 工业异常检测数据集。 |\n\n"
        "| Dataset | Time |\n|---|---|\n| [MVTec AD](https://www.mvtec.com/ad) | CVPR,2019 |\n"
        "| [MVTec AD](https://www.mvtec.com/ad) | CVPR,2019 |\n"
    )
    assert rules_found(text, "duplicate-entry", "cross-section-duplicate") == [
        (9, "duplicate-entry")
    ]


def test_venue_notes_and_acronyms_do_not_conflict() -> None:
    text = (
        "## Memory bank\n+ Towards total recall in industrial anomaly detection [[CVPR 2022]]"
        "(http://arxiv.org/pdf/2106.08265)\n"
        "## Recent\n+ Towards total recall in industrial anomaly detection [[(Memory bank)CVPR"
        " 2022]](http://arxiv.org/pdf/2106.08265)\n"
        "## Surveys\n+ Binary neural networks: a survey [[Pattern Recognition 2020]]"
        "(https://arxiv.org/abs/2004.03333)\n"
        "## 2020\n+ Binary neural networks: a survey [[PR 2020]](https://arxiv.org/abs/2004.03333)\n"
        "## Preprints\n+ Binary neural networks: a survey [[arXiv 2020]](https://arxiv.org/abs/2004.03333)\n"
    )
    assert rules_found(text, "metadata-conflict") == [(10, "metadata-conflict")]


def test_papers_of_one_author_list_are_not_one_paper() -> None:
    authors = "* Ana Ruiz, Bo Chen, and Carl de Vries. 2020. "
    acl, emnlp = " In *Proceedings of ACL 2020*.\n", " In *Proceedings of EMNLP 2020*.\n"
    text = (
        "## Speech\n"
        + authors
        + "[Sparse Routing for Speech Models](https://example.org/a)."
        + acl
        + authors
        + "[Dense Tables for Speech](https://example.org/b)."
        + emnlp
        + authors
        + "[Sparse Routing for Speech Models](https://example.org/c)."
        + acl
    )
    assert rules_found(text, "duplicate-entry", "metadata-conflict") == [(4, "duplicate-entry")]


def test_a_dataset_row_citing_a_paper_does_not_duplicate_its_link() -> None:
    text = (
        "## Models\n| Title | Venue | Date |\n|---|---|---|\n"
        "| [**Visual Instruction Tuning**](https://arxiv.org/pdf/2304.08485.pdf) | NeurIPS"
        " | 2023-04-17 |\n\n"
        "## Datasets\n| Name | Paper | Link |\n|---|---|---|\n"
        "| **LLaVA-Instruct-150K** | [Visual Instruction Tuning](https://arxiv.org/pdf/2304.08485.pdf)"
        " | [Link](https://huggingface.co/datasets/liuhaotian/LLaVA-Instruct-150K) |\n"
    )
    assert rules_found(text, "duplicate-link") == []


def test_a_research_topic_named_like_a_meta_section_keeps_its_entries() -> None:
    text = (
        "### FeedBack\n- [Incorporating Feedback into Tree-based Anomaly Detection]"
        "(https://arxiv.org/abs/1708.09441) - KDD 2017 Workshop.\n"
        "## Contact & Feedback\n- [e-mail](mailto:a@b.c)\n- [blog](https://a.b)\n"
    )
    assert [entry.line for entry in Document(text).entries] == [2]


HOSTILE_LINES = [
    pytest.param("- " + "[" * 50_000 + "\n", id="open-brackets"),
    pytest.param("- [a](b) - " + "(" * 20_000 + "]" * 20_000 + "\n", id="closers-of-another-kind"),
    pytest.param("+ " + "（a）" * 20_000 + " [2021]\n", id="full-width-pairs"),
    pytest.param("- [a](b) - " + "word，" * 20_000 + "\n", id="full-width-commas"),
    pytest.param("- " + "![b](https://img.shields.io/x) " * 20_000 + "Title [2021]\n", id="badges"),
    pytest.param("- [a](b) - Desc. " + "![F][Freeware Icon] " * 20_000 + "\n", id="trailing-icons"),
    pytest.param("- [a](b) - " + "<!-- " * 20_000 + "\n", id="unclosed-comments"),
    pytest.param("- [a](b) - " + "[x](u),, " * 20_000 + "\n", id="links-and-repeats"),
]


@pytest.mark.slow  # million-character lines
@pytest.mark.parametrize("text", HOSTILE_LINES)
def test_a_hostile_line_is_read_in_one_pass(text: str) -> None:
    """Each of these took minutes while a scan restarted at every bracket or mark; read in one
    pass they take a fraction of a second (the suite's time shows a regression)."""
    diagnostics = check_text(text)
    assert all(d.line == 1 for d in diagnostics)


TOOL_RECORDS = """## Structure prediction

<details>
<summary>FoldNet</summary>

- **Paper:** [Folding proteins with a graph network](https://nature.com/s1) (Nature, 2021)
- **Code:** https://github.com/example/foldnet
- **Docs:** [Read more](docs/FoldNet/)
- **Approach:** DL
</details>

<details>
<summary>FoldNet-2</summary>

- **Paper:** [Faster folding with fewer sequences](https://biorxiv.org/2) (bioRxiv, 2023)
- **Code:** https://github.com/example/foldnet2
- **Docs:** [Read more](docs/FoldNet-2/)
- **Approach:** DL
</details>
"""


def test_a_bold_field_label_is_never_a_title() -> None:
    # ``**Paper:**`` introduces the paper; ``**Code:**`` and ``**Docs:**`` are fields of the
    # record, not papers: read as titles, every record's fields were duplicates of the first's.
    entries = Document(TOOL_RECORDS).entries
    assert [(parts(entry)["title"], parts(entry)["year"]) for entry in entries] == [
        ("Folding proteins with a graph network", 2021),
        ("Faster folding with fewer sequences", 2023),
    ]
    assert rules_found(TOOL_RECORDS, "duplicate-entry", "metadata-conflict") == []


TAGGED_CITATIONS = """### Count-based methods

* **[MBIE]** <[Interval estimation for exploration](https://a.org/1)> by Jane Doe and Jo Roe, 2004.
* **[MBIE]** <[Model-based interval estimation revisited](https://a.org/2)> by Jane Doe, 2008.
* <[Exploration with density models](https://a.org/3)> by Ann Lee, Bo Chen, and Cy Park, 2018.
"""


def test_a_bold_tag_and_an_angle_wrapped_link_title_with_a_byline() -> None:
    # ``**[MBIE]**`` names the method, as a tag does; the title is the link inside ``<...>``,
    # and ``by Authors, Year`` gives the authors and the year even when the byline is long.
    entries = Document(TAGGED_CITATIONS).entries
    assert [parts(entry) for entry in entries][2] == {
        "shape": "list-item",
        "form": "link",
        "key": None,
        "title": "Exploration with density models",
        "year": 2018,
        "venue": None,
        "authors": "Ann Lee, Bo Chen, and Cy Park",
    }
    assert [parts(entry)["year"] for entry in entries] == [2004, 2008, 2018]
    # Two papers of one method are not duplicates, and ``> by`` is the list's own separator.
    assert rules_found(TAGGED_CITATIONS, "duplicate-entry", "link-item-format") == []


def test_a_plain_title_ends_where_the_emphasised_citation_begins() -> None:
    # The italic run after a plain title is its venue or its authors: read into the title, it
    # hid every year of the list (and ``missing-year`` could not see the one without a venue).
    text = (
        "# 1. Dynamics of SGD\n\n"
        "- Noise shapes the path of descent. In *ICML 2019*. [[pdf](https://a.org/1.pdf)]\n"
        "- Large steps find flat valleys. In *NeurIPS 2021*. [[pdf](https://a.org/2.pdf)]\n"
        "- Momentum without tears. [[pdf](https://a.org/3.pdf)]\n"
        "- Sharp minima generalise too. In *ICLR 2022*. [[pdf](https://a.org/5.pdf)]\n"
        "- Toolformer for agents. *Jane Doe et al. arXiv 2023.* [[paper](https://a.org/4)]\n"
    )
    found = [parts(entry) for entry in Document(text).entries]
    assert [(entry["title"], entry["year"]) for entry in found] == [
        ("Noise shapes the path of descent.", 2019),
        ("Large steps find flat valleys.", 2021),
        ("Momentum without tears.", None),
        ("Sharp minima generalise too.", 2022),
        ("Toolformer for agents.", 2023),
    ]
    assert [entry["venue"] for entry in found[:2]] == ["ICML", "NeurIPS"]
    # four in five dated: more than three in four, a clear year convention
    assert rules_found(text, "missing-year") == [(5, "missing-year")]


def test_a_leading_date_dates_the_entry_and_news_is_about_the_list() -> None:
    # ``[2023/04] **Title.**`` as survey lists write it: the date is the entry's year. The dated
    # lines of a news section announce the list's own releases: they are not papers.
    text = (
        "## 🔔 News\n"
        "- [2023/09/14] We release the survey and its paper list.\n"
        "- [2023/10/02] More papers will be added soon!\n\n"
        "## Tool Use\n"
        "- [2023/02] **Agents teach themselves tools.** *Jane Doe et al. arXiv.*"
        " [[paper](https://a.org/1)]\n"
        "- [2022/10] Reasoning and acting together. *Jo Roe et al. ICLR.* [[paper](https://a.org/2)]\n"
    )
    found = [parts(entry) for entry in Document(text).entries]
    assert [(entry["title"], entry["year"]) for entry in found] == [
        ("Agents teach themselves tools.", 2023),
        ("Reasoning and acting together.", 2022),
    ]


def test_an_outside_link_in_a_table_of_contents_is_a_menu_item() -> None:
    # A menu of in-page links with one link to the project's site: that link is a menu item,
    # not an entry without a year.
    text = (
        "## Menu\n\n"
        "- [Models](#models)\n  - [Structure-based](#structure-based)\n"
        "- [Timeline](https://example.github.io/timeline/)\n- [Datasets](#datasets)\n\n"
        "## Models\n\n"
        "- [Folding with graphs](https://a.org/1) - Nature 2021.\n"
        "- [Folding with fewer sequences](https://a.org/2) - bioRxiv 2023.\n"
    )
    assert [parts(entry)["title"] for entry in Document(text).entries] == [
        "Folding with graphs",
        "Folding with fewer sequences",
    ]
    assert rules_found(text, "missing-year") == []


def test_a_quoted_title_between_a_method_name_and_a_venue() -> None:
    # ``ECO: "Title" CVPR.`` cites the title in quotes; a title that only opens with a quoted
    # phrase (``"Stones ...": the rest``) keeps all its words.
    text = (
        "## 2017\n"
        '* ECO: "Efficient Convolution Operators for Tracking" CVPR. [[Paper]](https://a.org/1)\n'
        '* "Fast Kernels for Visual Tracking" TPAMI (Oral). [[Paper]](https://a.org/2)\n'
        '* "Stones Polish Jade": Zero-shot Synthesis of Defects. [[Paper]](https://a.org/3)\n'
    )
    assert [parts(entry)["title"] for entry in Document(text).entries] == [
        "Efficient Convolution Operators for Tracking",
        "Fast Kernels for Visual Tracking",
        '"Stones Polish Jade": Zero-shot Synthesis of Defects.',
    ]


# -- shapes of unseen lists (/work/unseen, see tests/fixtures/unseen/model-SOURCES.md) -------------

UNSEEN_SHAPES = [
    pytest.param(
        "* [2505] [URSA] [URSA: Understanding and Verifying Chain-of-thought Reasoning]"
        "(https://arxiv.org/abs/2501.04686)\n",
        {"form": "link", "title": "URSA: Understanding and Verifying Chain-of-thought Reasoning"},
        id="short-tags-before-a-title-link-leave-it-the-title",
    ),
    pytest.param(
        "- [arXiv 2023.05] GPT4Graph: Can Large Language Models Understand Graph Data"
        " [[paper]](https://arxiv.org/abs/2305.15066)\n",
        {
            "title": "GPT4Graph: Can Large Language Models Understand Graph Data",
            "year": 2023,
            "venue": "arXiv",
        },
        id="year-month-tag-dates-the-entry",
    ),
    pytest.param(
        "- [ICML 2022] Learning Invariant Graph Representations [[paper]](https://x.org/a)\n",
        {"title": "Learning Invariant Graph Representations", "year": 2022, "venue": "ICML"},
        id="leading-venue-tag-gives-its-venue",
    ),
    pytest.param(
        "- (*NeurIPS'23*) Can Language Models Solve Graph Problems in Natural Language?"
        " [[paper]](https://arxiv.org/abs/2305.10037)\n",
        {
            "title": "Can Language Models Solve Graph Problems in Natural Language?",
            "year": 2023,
            "venue": "NeurIPS",
        },
        id="leading-parenthesised-venue-tag",
    ),
    pytest.param(
        "- (*TKDE‘23*) AutoAlign: Fully Automatic Knowledge Graph Alignment"
        " [[paper]](https://arxiv.org/abs/2307.11772)\n",
        {"title": "AutoAlign: Fully Automatic Knowledge Graph Alignment", "year": 2023},
        id="two-digit-year-after-a-left-quote",
    ),
    pytest.param(
        "- **A Simple Baseline Algorithm for Graph Classification (Relational Representation"
        " Learning, NIPS 2018)**\n  - [[Paper]](https://arxiv.org/abs/1810.09155)\n",
        {"title": "A Simple Baseline Algorithm for Graph Classification", "year": 2018},
        id="workshop-and-venue-tag-closing-a-bold-title",
    ),
    pytest.param(
        "**A Comprehensive Review of Generative AI in Healthcare** \\\n"
        "*Yasin Shokrollahi, Sahar Yarmohammadtoosky* \\\n[24th Jul., 2023] [arXiv, 2023] \\\n"
        "[[Paper](https://arxiv.org/abs/2310.00795)]\n",
        {"form": "bold", "year": 2023, "venue": "arXiv"},
        id="date-bracket-before-the-venue-bracket",
    ),
    pytest.param(
        "- **Anonymous Walk Embeddings (ICML 2018)**\n  - Sergey Ivanov and Evgeny Burnaev\n"
        "  - [[Paper]](https://arxiv.org/pdf/1805.11921.pdf)\n",
        {"form": "bold", "title": "Anonymous Walk Embeddings", "year": 2018, "venue": "ICML"},
        id="venue-tag-closing-a-bold-title",
    ),
    pytest.param(
        "- [Neural 3D Video Synthesis](https://neural-3d-video.github.io/), Li et al., Arxiv 2021"
        " | [bibtex](./citations/3d-video.txt)\n",
        {"title": "Neural 3D Video Synthesis", "year": 2021, "venue": "Arxiv"},
        id="venue-line-after-authors-its-links-not-counted",
    ),
    pytest.param(
        "- [NeRF](https://github.com/bmild/nerf), Mildenhall et al., 2020"
        " | [bibtex](./NeRF-and-Beyond.bib#L168-L173)\n",
        {"title": "NeRF", "year": 2020, "venue": None},
        id="authors-and-year-give-no-venue",
    ),
    pytest.param(
        "- [Safe Offline RL with Feasibility-Guided Diffusion](https://arxiv.org/abs/2401.10700)\n"
        "  - Yinan Zheng, Jianxiong Li\n  - Publisher: ICLR 2024\n"
        "  - Code: [official](https://github.com/ZhengYinan-AIR/FISOR)\n",
        {"year": 2024, "venue": "ICLR"},
        id="publisher-sub-item-lends-year-and-venue",
    ),
]


@pytest.mark.parametrize(("text", "expected"), UNSEEN_SHAPES)
def test_each_unseen_shape_gives_its_parts(text: str, expected: dict[str, object]) -> None:
    found = parts(only_entry("## Papers\n\n" + text))
    assert {name: found[name] for name in expected} == expected


def test_a_results_table_linking_to_entries_on_the_page_holds_no_entries() -> None:
    text = (
        "## Results\n\n| Time | Method | AUROC (%) |\n| --- | --- | --- |\n"
        "| 2022 | [BTF](#02) | 86.5 |\n| 2023 | [M3DM](#07) | 94.5 |\n"
    )
    assert Document(text).entries == []


def test_two_tagged_papers_are_not_duplicates() -> None:
    text = (
        "## Papers\n\n* [2505] [URSA] [URSA: Understanding and Verifying Chain-of-thought"
        " Reasoning](https://arxiv.org/abs/2501.04686)\n\n* [2505] [TON] [Think or Not? Selective"
        " Reasoning via Reinforcement Learning](https://arxiv.org/pdf/2505.16854)\n"
    )
    assert rules_found(text, "duplicate-entry") == []


def test_a_list_that_separates_with_commas_keeps_its_convention() -> None:
    text = (
        "# Talks\n\n- [Neural Radiance Fields for View Synthesis](https://www.youtube.com/watch?v=1)"
        ", Matthew Tancik\n- [Towards Photorealism](https://youtu.be/2), Vladlen Koltun\n"
    )
    entry = Document(text).entries[0]
    assert entry.separator is not None and entry.separator.text == ", "
    assert entry.description is not None and entry.description.text == "Matthew Tancik"
    assert rules_found(text, "link-item-format") == []


def test_the_papers_other_links_are_no_description() -> None:
    text = (
        "## Papers\n\n* [Title One of a Paper](https://arxiv.org/abs/2505.1)"
        " [[Code](https://github.com/a/b)]\n"
        "* [Title Two of a Paper](https://arxiv.org/abs/2505.2)  [[Code](https://github.com/a/c)]\n"
    )
    assert [entry.description for entry in Document(text).entries] == [None, None]
    assert rules_found(text, "link-item-format") == []


def test_a_venue_glued_to_its_two_digit_year_dates_a_bold_paragraph() -> None:
    doc = Document(
        "## Models\n\n**Graph Element Networks: adaptive computation**. ICML19.\n\n"
        "**Deep Graph Infomax**. ICLR19.\n"
    )
    found = [
        (e.title.text if e.title else None, e.year_value, e.venue.text if e.venue else None)
        for e in doc.entries
    ]
    assert found == [
        ("Graph Element Networks: adaptive computation", 2019, "ICML"),
        ("Deep Graph Infomax", 2019, "ICLR"),
    ]


def test_a_bold_bracketed_key_and_a_bold_list_of_names_before_the_title() -> None:
    doc = Document(
        "## Papers\n\n"
        '- <span id = "2">**[BTF]** Back to the Feature: Classical 3D Features</span>'
        " | **arXiv' 22** | [[pdf]](https://arxiv.org/pdf/2203.05550.pdf)\n"
        '- <span id = "3">**[3D-ST]** Anomaly Detection in 3D Point Clouds</span>'
        " | **WACV' 23** | [[pdf]](https://arxiv.org/pdf/2202.11660.pdf)\n"
        '- <span id = "4">**[RGB+PaDim,RGB+PatchCore]** Benchmarking Unsupervised Anomaly'
        " Detection</span> | **arXiv' 22** | [[pdf]](https://arxiv.org/pdf/2204.1.pdf)\n"
    )
    found = [(e.key_text, e.title.text if e.title else None) for e in doc.entries]
    assert found == [
        ("BTF", "Back to the Feature: Classical 3D Features"),
        ("3D-ST", "Anomaly Detection in 3D Point Clouds"),
        (None, "Benchmarking Unsupervised Anomaly Detection"),
    ]


def test_numbered_cjk_paragraphs_are_link_entries() -> None:
    doc = Document(
        "# 一\n\n299、题目：[个人如何更高效地学习3D视觉？](https://mp.weixin.qq.com/s/cDvLQHQkHFuHB4A8YmH4Zw)"
        "，作者：小凡\n\n298、题目：[多视图立体匹配论文分享：BlendedMVS]"
        "(https://mp.weixin.qq.com/s/w-LEVpoIFxQXP5mUOmt4VA)，作者：Todd-Qi\n\n"
        "2021、年度总结在此。\n"
    )
    found = [(e.line, e.form, e.title.text if e.title else None) for e in doc.entries]
    assert found == [
        (3, "link", "个人如何更高效地学习3D视觉？"),
        (5, "link", "多视图立体匹配论文分享：BlendedMVS"),
    ]


# -- reader assumptions that failed on whole lists (issue 10): made-up lists of each class ---------

LEADING_YEAR_TAGS = (
    "# Reading list\n\n## Vision\n\n"
    "1. **[2023]** Efficient Token Merging For Vision Transformers"
    " [[CVPR](https://arxiv.org/abs/2301.00001)]\n"
    "2. **[2022]** Masked Autoencoders Are Scalable Learners [[ICCV](https://arxiv.org/abs/2201.00002)]\n"
    "3. **[2021]** Learning Transferable Visual Models [[ICML](https://arxiv.org/abs/2101.00003)]\n"
    "4. **2020** An Image Is Worth Sixteen Words [[ICLR](https://arxiv.org/abs/2001.00004)]\n"
)


def test_a_leading_bold_year_tag_dates_every_entry() -> None:
    entries = Document(LEADING_YEAR_TAGS).entries
    assert [(entry.title_text.split()[0], entry.year_value) for entry in entries] == [
        ("efficient", 2023),
        ("masked", 2022),
        ("learning", 2021),
        ("an", 2020),
    ]
    assert {entry.year_how for entry in entries} == {"title-tag"}
    assert rules_found(LEADING_YEAR_TAGS, "missing-year") == []


REFERENCE_NUMBERS = (
    "# Papers\n\n## Detection\n\n"
    '**[34]** Jane Doe, John Roe and Ann Lee. "Deep Anomaly Detection With Outlier Exposure"'
    " ICLR (2019)\n\n"
    '**[35]** Ann Lee. "Learning Sparse Detectors For Small Objects" CVPR (2018)\n\n'
    "## Segmentation\n\n"
    '**[34]** Tim Fox, Kim Wu, Joe Yu. "Masked Segmentation With Point Prompts" ECCV (2022)\n\n'
    '**[35]** Kim Wu. "Panoptic Segmentation Without Labels" NeurIPS (2021)\n\n'
    "## Items\n\n"
    '- (7) Sam Po. "Graph Nets For Molecules At Scale" KDD (2020)\n'
    '- (8) Sam Po. "Sparse Graph Nets For Proteins" KDD (2021)\n'
    "\n## More items\n\n"
    '- (7) Ed Ma. "Diffusion Models For Audio Synthesis" ICASSP (2023)\n'
    '- (8) Ed Ma. "Speech Enhancement With Score Matching" ICASSP (2022)\n'
)


def test_a_bracketed_reference_number_is_neither_key_nor_title() -> None:
    doc = Document(REFERENCE_NUMBERS)
    assert not doc.has_keys
    assert [(entry.key, entry.title_text, entry.year_value) for entry in doc.entries] == [
        (None, "deep anomaly detection with outlier exposure", 2019),
        (None, "learning sparse detectors for small objects", 2018),
        (None, "masked segmentation with point prompts", 2022),
        (None, "panoptic segmentation without labels", 2021),
        (None, "graph nets for molecules at scale", 2020),
        (None, "sparse graph nets for proteins", 2021),
        (None, "diffusion models for audio synthesis", 2023),
        (None, "speech enhancement with score matching", 2022),
    ]
    found = rules_found(
        REFERENCE_NUMBERS, "duplicate-entry", "metadata-conflict", "cross-section-duplicate"
    )
    assert found == []


def test_a_bold_bracketed_label_alone_is_no_entry() -> None:
    """``**[Network Stack]**`` heading a run of papers: a tag with no title after it, which the
    paragraph reader once asserted had one (a crash on a real list)."""
    text = (
        "# Papers\n\n**[Network Stack]**\n\n"
        "- [Fast sockets for data centres](https://example.org/a), NSDI 2021\n"
        "- [Kernel bypass at scale](https://example.org/b), SIGCOMM 2022\n\n"
        "**[Memory to Memory]**\n\n"
        "- [Remote memory for racks](https://example.org/c), OSDI 2020\n"
    )
    doc = Document(text)
    assert [entry.title_text for entry in doc.entries] == [
        "fast sockets for data centres",
        "kernel bypass at scale",
        "remote memory for racks",
    ]
    assert rules_found(text, "missing-year", "empty-link") == []


def test_a_real_key_is_still_a_key_and_a_real_copy_still_found() -> None:
    text = (
        "+ (doe2019deep)Deep Anomaly Detection With Outlier Exposure[2019]\n"
        "+ (lee2018sparse)Learning Sparse Detectors For Small Objects[2018]\n"
        "+ (doe2019deep)Deep Anomaly Detection With Outlier Exposure[2019]\n"
    )
    assert Document(text).has_keys
    assert rules_found(text, "duplicate-entry") == [(3, "duplicate-entry")]


TWO_LINE_ENTRIES = (
    "# Papers\n\n## Graphs\n\n"
    "- [Graph Attention Networks For Sparse Inputs](https://arxiv.org/abs/2101.00001)\n"
    "  Jane Doe, John Roe, Ann Lee, Bob Ray, Tim Fox, Kim Wu, Joe Yu, Sam Po. 2021.10\n"
    "- [Inductive Representation Learning On Large Graphs](https://arxiv.org/abs/2101.00002)\n"
    "  Ann Lee, Bob Ray, Tim Fox, Kim Wu, Joe Yu, Sam Po, Jane Doe, John Roe. 2020.03\n"
    "- [Simplifying Graph Convolutional Networks Further](https://arxiv.org/abs/2101.00003)\n"
    "  Tim Fox, Kim Wu, Joe Yu, Sam Po, Jane Doe, John Roe, Ann Lee, Bob Ray. 2019\n"
    "- [How Powerful Are Graph Neural Networks Really](https://arxiv.org/abs/2101.00004)\n"
    "  Kim Wu, Joe Yu, Sam Po, Jane Doe, John Roe, Ann Lee, Bob Ray, Tim Fox.\n"
)


def test_a_year_ending_the_author_line_dates_the_entry_and_is_no_venue() -> None:
    entries = Document(TWO_LINE_ENTRIES).entries
    assert [(entry.year_value, entry.venue) for entry in entries] == [
        (2021, None),
        (2020, None),
        (2019, None),
        (None, None),
    ]
    assert rules_found(TWO_LINE_ENTRIES, "missing-year") == [(11, "missing-year")]


def test_a_year_closing_the_author_line_before_its_tags_and_links_dates_the_entry() -> None:
    text = (
        "1. [Graph Attention Networks For Sparse Inputs.](https://doi.org/10.1000/g.1)\n"
        "    Jane Doe, John Roe, & Ann Lee, Graph Journal **5**(6), 970-981 (2018) [Attention]\n"
        "2. [Inductive Representation Learning On Large Graphs.](https://doi.org/10.1000/g.2)\n"
        "    Ann Lee, Bob Ray, & Tim Fox, Graph Letters **12**, 140022 (2021). [Code](https://x.org/c)\n"
        "3. [Simplifying Graph Convolutional Networks.](https://doi.org/10.1000/g.3)\n"
        "    Tim Fox, Kim Wu, & Joe Yu, Graph Letters **3**, 9 (2020) [Survey] [Data](https://x.org/d)\n"
        "4. [Graph Toolkit Notes.](https://doi.org/10.1000/g.4)\n"
        "    Tim Fox and Kim Wu wrote these notes in 2015 for the first version of the course.\n"
    )
    assert [entry.year_value for entry in Document(text).entries] == [2018, 2021, 2020, None]


def test_the_pages_of_a_volume_issue_citation_are_no_year() -> None:
    text = (
        "- Doe, J., Roe, K.,\n"
        "*[Event cameras for soil moisture](https://doi.org/10.1000/soil.1)*,\n"
        "IEEE Trans. Geoscience (TGRS), 37(10):2028-2040, 2015. [PDF](https://example.org/a.pdf)\n"
        "- Lee, A.,\n"
        "*[River stage from event streams](https://doi.org/10.1000/river.2)*,\n"
        "Water Letters (WL), 3:2032–2039, Feb. 2018.\n"
    )
    assert [entry.year_value for entry in Document(text).entries] == [2015, 2018]


def test_a_year_in_running_text_on_the_title_line_is_still_not_read() -> None:
    entry = only_entry(
        "- [Graph Toolkit](https://github.com/a/b) - A library of graph models first released"
        " in 2015 and maintained by a small team of volunteers.\n"
    )
    assert entry.year is None


def test_a_year_after_a_sentence_of_authors_has_no_venue() -> None:
    entry = only_entry(
        "1. Graph Attention Networks For Sparse Inputs. [[paper](https://arxiv.org/abs/2101.1)]\n"
        "   Jane Doe, John Roe. 2021.10\n"
    )
    assert (entry.year_value, entry.venue) == (2021, None)


def _read_both_ways(text: str) -> list[tuple[dict[str, object], dict[str, object]]]:
    """Each list item the one-match reader takes, read by it and by the general readers."""
    from awesome_tidy.readers import item as item_reader

    doc = Document(text)
    pairs = []
    for list_item in doc.items:
        body = (list_item.content_start, list_item.content_end)
        fast, general = (
            Entry(
                "list-item", list_item.line, list_item.start, list_item.end,
                doc.text and _part(doc.text, *body), list_item.section, item=list_item,
            )
            for _ in range(2)
        )  # fmt: skip
        if not item_reader.read_keyed_line(doc.text, fast):
            continue
        item_reader._read_lead_and_rest(doc.text, general, keyed=True)
        pairs.append((_all_parts(fast), _all_parts(general)))
    return pairs


def _part(text: str, start: int, end: int) -> object:
    from awesome_tidy.inline import part

    return part(text, start, end)


def _all_parts(entry: Entry) -> dict[str, object]:
    names = ("key_open", "key", "key_close", "title", "year_open", "year", "year_close", "venue")
    found: dict[str, object] = {name: getattr(entry, name) for name in names}
    found.update(form=entry.form, year_how=entry.year_how, description=entry.description)
    return found


KEYED_LINES = (
    "+ (he2016deep)Deep residual learning for image recognition[2016]\n"
    "+ (roth2022towards)Towards total recall in industrial anomaly detection  [2022]\n"
    "+ (DBLP:conf/cvpr/HeZRS16)Deep residual learning: a second look[2016]\n"
    "+ (li2021cutpaste)CutPaste: self-supervised learning for anomaly detection and"
    " localization[2021]\n"
    "+ (x2020a)Learning (and unlearning) with noise[2020]\n"
    "+ (x2020h) Spaced after the key [2020]\n"
    "+ (x2020b)Detection in[2020]\n"
    "+ (x2020c)Segmentation:[2020]\n"
    "+ (42)Numbered, not keyed[2020]\n"
    "+ (x2020d)Uses [brackets] inside[2020]\n"
    '+ (x2020e)Names "a quote" inside[2020]\n'
    "+ (x2020f)Has a_snake name[2020]\n"
    "+ (x2020g)Links https://a.org/x here[2020]\n"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(KEYED_LINES, id="made-up-keyed-lines"),
        pytest.param(
            (FIXTURES / "reference" / "awesome-industrial-anomaly-detection.md").read_text(
                encoding="utf-8"
            ),
            id="reference-list",
        ),
    ],
)
def test_the_one_match_reader_reads_what_the_general_readers_read(text: str) -> None:
    pairs = _read_both_ways(text)
    assert pairs
    for fast, general in pairs:
        assert fast == general


def test_the_one_match_reader_leaves_every_doubtful_line_to_the_general_readers() -> None:
    titles = [fast["title"].text for fast, _ in _read_both_ways(KEYED_LINES)]  # type: ignore[attr-defined]
    assert titles == [
        "Deep residual learning for image recognition",
        "Towards total recall in industrial anomaly detection",
        "Deep residual learning: a second look",
        "CutPaste: self-supervised learning for anomaly detection and localization",
        "Learning (and unlearning) with noise",
        "Spaced after the key",
    ]


def test_a_date_in_a_code_span_before_the_title_dates_the_entry() -> None:
    text = (
        "# Papers\n\n## Detection\n\n"
        "- `2023` Efficient Token Merging For Vision Transformers."
        " [[pdf](https://arxiv.org/abs/2301.00001)]\n"
        "- `CVPR 2022` Masked Autoencoders Are Scalable Learners."
        " [[pdf](https://arxiv.org/abs/2201.00002)]\n"
        "- `2021` Learning Transferable Visual Models. [[pdf](https://arxiv.org/abs/2101.00003)]\n"
    )
    assert [
        (entry.title.text if entry.title else None, entry.year_value, entry.year_how)
        for entry in Document(text).entries
    ] == [
        ("Efficient Token Merging For Vision Transformers.", 2023, "lead-tag"),
        ("Masked Autoencoders Are Scalable Learners.", 2022, "lead-tag"),
        ("Learning Transferable Visual Models.", 2021, "lead-tag"),
    ]


def test_a_code_span_name_without_a_date_is_not_a_tag() -> None:
    entry = only_entry("- `graph-kit` is a library for graphs. [[code](https://github.com/a/b)]\n")
    assert entry.year is None and entry.title is not None
    assert entry.title.text.startswith("`graph-kit`")  # the code span whole, not its closer


def test_code_span_tags_before_a_linked_or_bold_title_are_not_the_title() -> None:
    text = (
        "# Resources\n\n## Data\n\n"
        "- `Pre-training`- `Text` [SoilCorpus](https://example.org/soil)\n"
        "- `Pre-training`- `Text, Image` [FieldScans](https://example.org/scans)\n"
        "- `Soil + Water` *`ICLR 2024`* **[Rooting Depth From Radar](https://example.org/r)** |\n"
        "- `Soil` __Tillage Maps At Scale__ [code](https://github.com/a/b)\n"
        "- `Soil` `Text` [paper](https://example.org/p)\n"
    )
    *tagged, kind_link = Document(text).entries
    assert [(entry.title.text if entry.title else None, entry.year_value) for entry in tagged] == [
        ("SoilCorpus", None),
        ("FieldScans", None),
        ("Rooting Depth From Radar", 2024),
        ("Tillage Maps At Scale", None),
    ]
    # a link that says what it is (``[paper]``) is no title: the code spans are read as before
    assert kind_link.title is not None and kind_link.title.text == "`Soil` `Text`"


def test_a_braced_label_that_opens_several_items_is_a_tag_not_the_title() -> None:
    """``* {Point Sets} [Kpnet, 2017] Authors. "Title."``: the label many items share is the
    list's category tag; read as the title, two papers of one category were duplicates. The list
    has the habit, so a label only one item opens with is a tag too."""
    text = (
        "# Papers\n\n## Matching\n\n"
        '- {Point Sets} [Kpnet, 2017] Rossi, Anna, et al. "Kpnet: Sparse keypoints." ICCV. 2017.\n'
        '- {Point Sets} [Gridnet, 2019] Brown, Carl, et al. "Gridnet: Dense grids." arXiv (2019).\n'
        '- {Soil Maps} [Soil, 2021] Lee, Ann, et al. "Soil maps from drones." ICLR. 2021.\n'
    )
    entries = Document(text).entries
    assert [(entry.title.text if entry.title else None, entry.year_value) for entry in entries] == [
        ("Kpnet: Sparse keypoints.", 2017),
        ("Gridnet: Dense grids.", 2019),
        ("Soil maps from drones.", 2021),
    ]
    found = {(item.line, item.rule) for item in check_text(text)}
    assert not any(
        rule in {"duplicate-entry", "metadata-conflict", "stray-brace"} for _, rule in found
    )
    # without a shared label there is no habit: a braced start is BibTeX braces of the title
    alone = text.replace("{Point Sets} [Gridnet", "[Gridnet")
    assert (7, "stray-brace") in {(item.line, item.rule) for item in check_text(alone)}


def test_a_dash_between_title_and_authors_is_not_title_text() -> None:
    entry = only_entry(
        "1. Title One For Segmentation Models — *Jane Doe* — NeurIPS '23 —"
        " [code](https://github.com/a/b)\n"
    )
    assert (entry.title.text if entry.title else None, entry.year_value) == (
        "Title One For Segmentation Models",
        2023,
    )


VENUE_TAGS = (
    "# Papers\n\n## Detection\n\n"
    "- [CVPR] Efficient Token Merging For Vision Transformers (2023)"
    " [[paper](https://arxiv.org/abs/2301.00001)]\n"
    "- [ICCV] Masked Autoencoders Are Scalable Learners (2022)"
    " [[paper](https://arxiv.org/abs/2201.00002)]\n"
    "- [CVPR] Learning Transferable Visual Models (2021) [[paper](https://arxiv.org/abs/2101.3)]\n"
    "- [CVPR] Deformable Attention For Detection (2021) [[paper](https://arxiv.org/abs/2101.5)]\n"
    "\n## Segmentation\n\n"
    "- [Survey] Segment Anything In Medical Images (2023) [[paper](https://arxiv.org/abs/2301.1)]\n"
    "- [Survey] Panoptic Segmentation Reviewed (2022) [[paper](https://arxiv.org/abs/2201.12)]\n"
)


def test_a_tag_shared_by_many_papers_is_not_a_citation_key() -> None:
    doc = Document(VENUE_TAGS)
    assert not doc.has_keys
    assert [(entry.key, entry.title_text, entry.year_value) for entry in doc.entries] == [
        (None, "efficient token merging for vision transformers", 2023),
        (None, "masked autoencoders are scalable learners", 2022),
        (None, "learning transferable visual models", 2021),
        (None, "deformable attention for detection", 2021),
        (None, "segment anything in medical images", 2023),
        (None, "panoptic segmentation reviewed", 2022),
    ]
    assert rules_found(VENUE_TAGS, "key-conflict", "key-style", "missing-year") == []
