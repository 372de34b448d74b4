"""The model on excerpts of paper lists it had never seen (tests/fixtures/unseen/model-*.md, sources
in tests/fixtures/unseen/model-SOURCES.md): every entry, with its title, year and venue.

Each excerpt shows one way of writing an entry the model once misread: tags before a title link,
a venue tag before or inside the title, a venue line after the authors, nested publisher
attributes, a date bracket before the venue, venues glued to their year, a results table that
links to the entries.
"""

from __future__ import annotations

import pytest

from awesome_tidy import Config, Document, check_text
from conftest import FIXTURES

UNSEEN = FIXTURES / "unseen"

# (line, title's first 60 characters, year, venue) of every entry, read by eye against the excerpt.
EXPECTED = {
    "model-3d-anomaly-detection.md": [
        (18, "The MVTec 3D-AD Dataset for Unsupervised 3D Anomaly Detectio", 2022, "VISAPP"),
        (19, "Back to the Feature: Classical 3D Features are (Almost) All ", 2022, "arXiv"),
        (20, "Anomaly Detection in 3D Point Clouds Using Deep Geometric De", 2023, "WACV"),
        (21, "Benchmarking Unsupervised Anomaly Detection and Localization", 2022, "arXiv"),
        (22, "Asymmetric Student-Teacher Networks for Industrial Anomaly D", 2023, "WACV"),
        (23, "Position Encoding Enhanced Feature Mapping for Image Anomaly", None, None),
        (24, "Collaborative Discrepancy Optimization for Reliable Image An", None, None),
        (25, "Multimodal Industrial Anomaly Detection via Hybrid Fusion", 2023, "CVPR"),
        (
            26,
            "Complementary Pseudo Multimodal Feature for Point Cloud Anom",
            2023,
            "Pattern Recognition",
        ),
        (30, "Anomaly detection in 3D space for autonomous driving", None, None),
        (31, "Toward Unsupervised 3d Point Cloud Anomaly Detection Using V", 2021, "ICIP"),
    ],
    "model-SOURCES.md": [],
    "model-diffusion-in-rl.md": [
        (3, "Training Diffusion Models with Reinforcement Learning", 2024, "ICLR"),
        (10, "Reasoning with Latent Diffusion in Offline Reinforcement Lea", 2024, "ICLR"),
        (17, "DMBP: Diffusion model based predictor for robust offline rei", 2024, "ICLR"),
    ],
    "model-graph-classification.md": [
        (2, "Learning Graph Representation via Frequent Subgraphs", 2018, "SDM"),
        (7, "Anonymous Walk Embeddings", 2018, "ICML"),
        (12, "Graph2vec", 2017, "MLGWorkshop"),
        (18, "Subgraph2vec", 2016, "MLGWorkshop"),
        (24, "Rdf2Vec: RDF Graph Embeddings for Data Mining", 2016, "ISWC"),
        (29, "Deep Graph Kernels", 2015, "KDD"),
        (36, "NetLSD", 2018, "KDD"),
        (
            41,
            "A Simple Baseline Algorithm for Graph Classification",
            2018,
            "Relational Representation Learning, NIPS",
        ),
        (46, "Multi-Graph Multi-Label Learning Based on Entropy", 2018, "Entropy NIPS"),
    ],
    "model-graph-llm.md": [
        (2, "Knowledge Graph Based Synthetic Corpus Generation for Knowle", 2021, "NAACL"),
        (3, "Can Language Models Solve Graph Problems in Natural Language", 2023, "NeurIPS"),
        (
            4,
            "Integrating Graphs with Large Language Models: Methods and P",
            2023,
            "IEEE Intelligent Systems",
        ),
        (5, "GPT4Graph: Can Large Language Models Understand Graph Struct", 2023, "arXiv"),
        (6, "Graph Meets LLMs: Towards Large Graph Models", 2023, "arXiv"),
        (7, "Towards Graph Foundation Models: A Survey and Beyond", 2023, "arXiv"),
        (8, "LLM4DyG: Can Large Language Models Solve Problems on Dynamic", 2023, "arXiv"),
        (9, "Can Knowledge Graphs Reduce Hallucinations in LLMs? : A Surv", 2023, "arXiv"),
        (10, "A Survey of Graph Meets Large Language Model: Progress and F", 2023, "arXiv"),
        (11, "Large Language Models on Graphs: A Comprehensive Survey", 2023, "arXiv"),
        (14, "StructGPT: A General Framework for Large Language Model to R", 2023, "EMNLP"),
        (15, "Graph of Thoughts: Solving Elaborate Problems with Large Lan", 2024, "AAAI"),
        (16, "PiVe: Prompting with Iterative Verification Improving Graph-", 2023, "arXiv"),
        (17, "Boosting Logical Reasoning in Large Language Models through ", 2023, "arXiv"),
        (18, "Thought Propagation: An Analogical Approach to Complex Reaso", 2023, "arxiv"),
        (19, "Topologies of Reasoning: Demystifying Chains, Trees, and Gra", 2024, "arxiv"),
    ],
    "model-graph-ood.md": [
        (7, "G-Mixup: Graph Data Augmentation for Graph Classification", 2022, "ICML"),
        (8, "Graph Rationalization with Environment-based Augmentations", 2022, "KDD"),
        (9, "Metropolis-Hastings Data Augmentation for Graph Neural Netwo", 2021, "NeurIPS"),
        (10, "Data Augmentation for Graph Neural Networks", 2021, "AAAI"),
        (11, "Robust Optimization as Data Augmentation for Large-scale Gra", 2022, "CVPR"),
        (12, "Graph Random Neural Network for Semi-Supervised Learning on ", 2020, "NeurIPS"),
        (13, "DropEdge: Towards Deep Graph Convolutional Networks on Node ", 2020, "ICLR"),
    ],
    "model-graph-pde.md": [
        (5, "Graph Element Networks: adaptive, structured computation and", 2019, "ICML"),
        (14, "Deep Graph Infomax", 2019, "ICLR"),
        (24, "Multipole Graph Neural Operator for Parametric Partial Diffe", 2020, "NeurIPS"),
    ],
    "model-medical-diffusion.md": [
        (3, "A Comprehensive Review of Generative AI in Healthcare", 2023, "arXiv"),
        (8, "Generative AI for Medical Imaging: extending the MONAI Frame", 2023, "arXiv"),
        (
            13,
            "Deep Learning Approaches for Data Augmentation in Medical Im",
            2023,
            "Journal of Imaging",
        ),
        (18, "A Comprehensive Survey on Generative Diffusion Models for St", 2023, "arXiv"),
    ],
    "model-nerf.md": [
        (2, "Neural Scene Flow Fields for Space-Time View Synthesis of Dy", 2021, "CVPR"),
        (3, "Space-time Neural Irradiance Fields for Free-Viewpoint Video", 2021, "CVPR"),
        (4, "Neural Radiance Flow for 4D View Synthesis and Video Process", 2020, "Arxiv"),
        (5, "Neural Body: Implicit Neural Representations with Structured", 2021, "CVPR"),
        (6, "Neural 3D Video Synthesis", 2021, "Arxiv"),
        (7, "Dynamic View Synthesis from Dynamic Monocular Video", 2021, "ICCV"),
    ],
    "model-rl-reasoning-mllms.md": [
        (5, "URSA: Understanding and Verifying Chain-of-thought Reasoning", None, None),
        (7, "One RL to See Them All: Visual Triple Unified Reinforcement ", None, None),
        (9, "GoT-R1: Unleashing Reasoning Capability of MLLM for Visual G", None, None),
        (11, "SophiaVL-R1: Reinforcing MLLMs Reasoning with Thinking Rewar", None, None),
        (13, "R1-ShareVL: Incentivizing Reasoning Capability of Multimodal", None, None),
        (15, "VLM-R^3: Region Recognition, Reasoning, and Refinement for E", None, None),
        (17, "Think or Not? Selective Reasoning via Reinforcement Learning", None, None),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_entry_of_an_unseen_excerpt(name: str) -> None:
    doc = Document((UNSEEN / name).read_text(encoding="utf-8"))
    found = [
        (
            e.line,
            e.title.text[:60] if e.title else None,
            e.year_value,
            e.venue.text if e.venue else None,
        )
        for e in doc.entries
    ]
    assert found == EXPECTED[name]


def test_the_bold_keys_of_the_3d_anomaly_list() -> None:
    doc = Document((UNSEEN / "model-3d-anomaly-detection.md").read_text(encoding="utf-8"))
    keys = [entry.key_text for entry in doc.entries]
    assert keys == [None, "BTF", "3D-ST", None, "AST", "PEFM", "CDO", "M3DM", "CPMF", None, None]


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("model-rl-reasoning-mllms.md", "duplicate-entry"),
        ("model-nerf.md", "link-item-format"),
        ("model-nerf.md", "missing-year"),
        ("model-graph-llm.md", "missing-year"),
        ("model-graph-classification.md", "missing-year"),
        ("model-diffusion-in-rl.md", "missing-year"),
    ],
)
def test_no_false_finding_from_a_misread(name: str, rule: str) -> None:
    text = (UNSEEN / name).read_text(encoding="utf-8")
    assert check_text(text, Config(select=(rule,))) == []
