"""Realistic synthetic paper lists of any size, with injected duplicates and their ground truth.

The lists look like the reference list and the corpus: numbered chapters and sections, entries in
the reference shape ``+ (key)Title[2021]``, the keyed shape with links
``+ (key)Title [[CVPR 2021]](url)[[code]](url)`` and the keyless shape with links. Titles come from
a research vocabulary and made-up method names, so that almost every title is distinct and words
have realistic frequencies (a few very common, most rare).

Injected on purpose, and recorded in the ground truth with their 1-based lines:

- exact copies of an entry, in its own section (``duplicate-entry``) or in another one;
- near duplicates: the same paper with a typo in one word, a dropped or doubled letter, or a
  filler word added or removed, under another key of the same author and year;
- *probes*: near duplicates drawn from a fixed seed and placed at the same relative positions in
  every size, so that a test can ask whether the very same pairs are found at 1,000 and 100,000
  entries.

Everything is deterministic for a given size and seed. Run ``python benchmarks/generate.py`` to
write ``benchmarks/data/list-<size>.md`` and ``.truth.json`` for the benchmark sizes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data"
SIZES = {"1k": 1_000, "10k": 10_000, "25k": 25_000, "50k": 50_000, "100k": 100_000}
PROBES = 24
_PROBE_SEED = 424_242
_EXACT_SHARE = 0.004
_NEAR_SHARE = 0.004
_ZIPF = 0.75
SHAPES = ("reference", "keyed-links", "links")
"""``+ (key)Title[2021]``, ``+ (key)Title [[CVPR 2021]](url)[[code]](url)``, the same without a
key."""

_SYLLABLES = (
    "pa", "tch", "co", "re", "sim", "ple", "net", "fa", "st", "flow", "draem", "cut", "pas", "te",
    "mem", "seg", "rev", "dis", "til", "pro", "to", "ad", "uni", "vis", "gen", "ano", "ma", "ly",
    "diff", "ra", "cle", "glo", "cal", "spa", "de", "fe", "at", "tra", "ns", "form", "er", "mix",
    "sty", "le", "mo", "ca", "la", "vi", "ta", "gra", "ph", "kan", "ze", "ro", "shot", "win", "cl",
    "ip", "dino", "sam", "bev", "rad", "ar", "lu", "ma", "qua", "nt", "ize", "bit", "spar", "se",
)  # fmt: skip
_ADJECTIVES = (
    "unsupervised", "self-supervised", "semi-supervised", "weakly-supervised", "few-shot",
    "zero-shot", "robust", "efficient", "scalable", "lightweight", "hierarchical", "multi-scale",
    "cross-modal", "multimodal", "contrastive", "generative", "discriminative", "adversarial",
    "probabilistic", "bayesian", "explainable", "interpretable", "continual", "incremental",
    "federated", "adaptive", "dynamic", "sparse", "dense", "deep", "shallow", "unified",
    "universal", "general-purpose", "training-free", "real-time", "high-resolution",
    "fine-grained", "coarse-to-fine", "pixel-level", "patch-level", "object-centric",
    "label-efficient", "noise-robust", "domain-generalized", "open-set", "open-vocabulary",
    "class-agnostic", "prompt-guided", "memory-augmented", "attention-based", "graph-based",
    "diffusion-based", "flow-based", "transformer-based", "frequency-aware", "structure-aware",
    "context-aware", "uncertainty-aware", "geometry-aware", "physics-informed",
)  # fmt: skip
_NOUNS = (
    "representation learning", "feature embedding", "memory bank", "normalizing flow",
    "autoencoder", "diffusion model", "knowledge distillation", "teacher-student network",
    "prototype matching", "reconstruction network", "vision transformer", "graph neural network",
    "contrastive pretraining", "masked image modeling", "prompt learning", "language model",
    "foundation model", "mixture of experts", "optimal transport", "energy-based model",
    "variational inference", "score matching", "feature pyramid", "point cloud encoder",
    "implicit neural representation", "state space model", "capsule network",
    "attention mechanism", "residual network", "generative adversarial network",
    "denoising autoencoder", "spectral clustering", "kernel density estimation",
    "gaussian process", "hypernetwork", "codebook", "test-time adaptation", "data augmentation",
    "synthetic anomaly generation", "pseudo labeling", "feature reconstruction",
    "patch distribution modeling", "student-teacher feature pyramid matching",
)  # fmt: skip
_TASKS = (
    "anomaly detection", "anomaly localization", "anomaly segmentation", "defect detection",
    "defect classification", "out-of-distribution detection", "novelty detection",
    "image classification", "object detection", "semantic segmentation", "instance segmentation",
    "video anomaly detection", "time series forecasting", "surface inspection", "change detection",
    "image retrieval", "depth estimation", "visual question answering", "image captioning",
    "action recognition", "pose estimation", "scene understanding", "model quantization",
    "network pruning", "neural architecture search", "domain adaptation", "image synthesis",
    "logical anomaly detection", "3d shape completion", "medical image analysis",
    "lesion detection", "fault diagnosis", "industrial inspection", "road crack detection",
    "fabric inspection",
)  # fmt: skip
_SETTINGS = (
    "industrial images", "manufacturing", "medical imaging", "autonomous driving",
    "remote sensing", "surveillance videos", "multivariate time series", "3d point clouds",
    "rgb-d data", "logistics", "edge devices", "mobile devices", "open-world settings",
    "noisy labels", "long-tailed data", "limited annotations", "multi-class settings",
    "continual streams", "unseen categories", "printed circuit boards", "steel surfaces",
    "textured surfaces", "x-ray images", "thermal images",
)  # fmt: skip
_SURNAMES = (
    "zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
    "zhu", "hu", "guo", "he", "lin", "luo", "gao", "zheng", "liang", "xie", "tang", "song", "han",
    "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang",
    "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "lv", "cui",
    "zhong", "tan", "jin", "fan", "kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon",
    "jang", "lim", "smith", "johnson", "brown", "jones", "miller", "davis", "garcia", "rodriguez",
    "wilson", "martinez", "anderson", "taylor", "thomas", "moore", "jackson", "martin", "thompson",
    "white", "harris", "clark", "lewis", "robinson", "walker", "young", "allen", "king", "wright",
    "scott", "green", "baker", "adams", "nelson", "hill", "campbell", "mitchell", "roberts",
    "carter", "phillips", "evans", "turner", "torres", "parker", "collins", "edwards", "stewart",
    "morris", "murphy", "cook", "rogers", "morgan", "cooper", "peterson", "reed", "bailey", "bell",
    "kelly", "howard", "ward", "cox", "richardson", "wood", "watson", "brooks", "bennett", "gray",
    "james", "reyes", "hughes", "price", "myers", "long", "foster", "sanders", "ross", "bergmann",
    "roth", "rudolph", "defard", "gudovskiy", "reiss", "salehi", "schluter", "tailanian", "rippel",
    "yamada", "suzuki", "tanaka", "watanabe", "ito", "nakamura", "kobayashi", "saito", "kato",
    "yoshida", "yamamoto", "sasaki", "muller", "schmidt", "schneider", "fischer", "weber", "meyer",
    "wagner", "becker", "schulz", "hoffmann", "rossi", "russo", "ferrari", "esposito", "bianchi",
    "romano", "colombo", "ricci", "marino", "dubois", "bernard", "moreau", "laurent", "simon",
    "michel", "lefebvre", "leroy", "petit", "garnier", "nguyen", "tran", "pham", "hoang", "phan",
    "vu", "vo", "dang", "bui",
)  # fmt: skip
_VENUES = (
    "CVPR", "ICCV", "ECCV", "NeurIPS", "ICLR", "ICML", "AAAI", "IJCAI", "TPAMI", "TIP", "TII",
    "TNNLS", "WACV", "BMVC", "ACMMM", "arXiv", "TCSVT", "PR", "KDD", "MICCAI",
)  # fmt: skip
_FILLERS = ("a", "an", "the")


@dataclass(slots=True)
class Paper:
    """One entry as written: its key (may be None), title, year, venue and links."""

    key: str | None
    title: str
    year: int
    venue: str
    paper_url: str
    code_url: str | None


@dataclass(slots=True)
class Injected:
    """A planted duplicate: its line and the line of the entry it copies (both 1-based)."""

    kind: str  # "exact" or "near"
    line: int
    original_line: int
    title: str
    original_title: str
    same_section: bool
    probe: bool = False


@dataclass
class GeneratedList:
    size: int
    seed: int
    text: str
    injected: list[Injected] = field(default_factory=list)

    @property
    def near(self) -> list[Injected]:
        return [item for item in self.injected if item.kind == "near"]

    def truth(self) -> dict[str, object]:
        return {
            "size": self.size,
            "seed": self.seed,
            "injected": [asdict(item) for item in self.injected],
        }


class _Vocabulary:
    """Draws titles, keys and links; every normalised title it hands out is new."""

    def __init__(self, rng: random.Random, size: int) -> None:
        self.rng = rng
        self.taken: set[str] = set()
        # Technical terms (objects, datasets, techniques) as real titles name them: a lexicon that
        # grows with the list, drawn with Zipf weights, so that a few recur often and most are
        # rare. Calibrated on the corpus: about 70 % of real titles hold a word no other has.
        self.lexicon = [self._pseudo_word() for _ in range(max(500, size))]
        ranks = range(1, len(self.lexicon) + 1)
        self.weights = list(itertools.accumulate(rank**-_ZIPF for rank in ranks))

    def _pseudo_word(self) -> str:
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(2, 4)))

    def term(self) -> str:
        return self.rng.choices(self.lexicon, cum_weights=self.weights)[0]

    def method_name(self) -> str:
        rng = self.rng
        name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        if rng.random() < 0.35:
            name = name.upper() if len(name) <= 6 else name[:4].upper() + name[4:]
        return name + rng.choice(("", "", "", "-AD", "++", "Net", "Former", "v2"))

    def title(self) -> str:
        while True:
            title = self._draw_title()
            folded = "".join(char for char in title.casefold() if char.isalnum())
            if folded not in self.taken:
                self.taken.add(folded)
                return title

    def _draw_title(self) -> str:
        rng = self.rng
        adjective, other = rng.sample(_ADJECTIVES, 2)
        noun, task, setting = rng.choice(_NOUNS), rng.choice(_TASKS), rng.choice(_SETTINGS)
        templates = (
            f"{self.method_name()}: {adjective.capitalize()} {noun} for {task}",
            f"{self.method_name()}: {adjective.capitalize()} {task} with {other} {noun}",
            f"{adjective.capitalize()} {task} in {setting} via {self.term()} {noun}",
            f"Towards {adjective} and {other} {task} for {self.term()} {setting}",
            f"{self.method_name()}: Learning {other} {noun} for {adjective} {task} in {setting}",
            f"On the {noun} of {adjective} {task} with {self.term()}",
            f"A {adjective} {noun} approach to {self.term()} {task} in {setting}",
            f"{task.capitalize()} with {adjective} {noun}: a survey",
            f"Rethinking {noun} for {adjective} {task} on {self.term()}",
            f"{self.method_name()}: {adjective.capitalize()} {other} {noun} for {task} on "
            f"{self.term()} {setting}",
        )
        return rng.choice(templates)

    def paper(self) -> Paper:
        rng = self.rng
        title = self.title()
        year = rng.choice(range(2012, 2026))
        author = rng.choice(_SURNAMES)
        first = next(word for word in _words(title) if word not in _FILLERS)
        key = f"{author}{year}{first}"
        arxiv = f"{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(10, 29999):05d}"
        paper_url = f"https://arxiv.org/abs/{arxiv}"
        code_url = None
        if rng.random() < 0.6:
            code_url = f"https://github.com/{author}{rng.randint(1, 99)}/{first}"
        return Paper(key, title, year, rng.choice(_VENUES), paper_url, code_url)


def _words(title: str) -> list[str]:
    return "".join(char if char.isalnum() else " " for char in title.casefold()).split()


def near_copy(paper: Paper, rng: random.Random) -> Paper:
    """The same paper as someone else typed it: one word mistyped, another key of the author."""
    words = paper.title.split(" ")
    candidates = [index for index, word in enumerate(words) if _long_runs(word)]
    index = rng.choice(candidates)
    words[index] = _typo(words[index], rng)
    if rng.random() < 0.3:
        words = _toggle_filler(words)
    title = " ".join(words)
    if rng.random() < 0.3:
        title = title.lower() if rng.random() < 0.5 else title.replace(":", " -")
    key = None
    if paper.key is not None:
        author = paper.key[: len(paper.key) - len(paper.key.lstrip("abcdefghijklmnopqrstuvwxyz"))]
        key = f"{author.capitalize()}{paper.year}{_words(title)[-1].capitalize()}"
    return Paper(key, title, paper.year, paper.venue, paper.paper_url, paper.code_url)


def _long_runs(word: str) -> list[tuple[int, int]]:
    """Letter runs of six or more, where one typo leaves the word recognisable."""
    return [match.span() for match in re.finditer(r"[A-Za-z]{6,}", word)]


def _typo(word: str, rng: random.Random) -> str:
    """A swapped, dropped or doubled letter inside one long run of letters."""
    start, end = rng.choice(_long_runs(word))
    at = rng.randrange(start + 1, end - 2)
    kind = rng.choice(("swap", "drop", "double"))
    if kind == "swap" and word[at] != word[at + 1]:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if kind == "drop":
        return word[:at] + word[at + 1 :]
    return word[:at] + word[at] + word[at:]


def _toggle_filler(words: list[str]) -> list[str]:
    """Drop an article, as people do when they retype a title ("A survey" / "Survey")."""
    if words[0].casefold() in _FILLERS and len(words) > 2:
        return [words[1].capitalize(), *words[2:]]
    articles = [index for index, word in enumerate(words) if word.casefold() in _FILLERS]
    return [word for index, word in enumerate(words) if index not in articles[:1]]


def render(paper: Paper, shape: str) -> str:
    """One entry line in one of the corpus shapes."""
    key = f"({paper.key})" if paper.key is not None and shape != "links" else ""
    if shape == "reference":
        return f"+ {key}{paper.title}[{paper.year}]"
    links = f"[[{paper.venue} {paper.year}]]({paper.paper_url})"
    if paper.code_url is not None:
        links += f"[[code]]({paper.code_url})"
    return f"+ {key}{paper.title} {links}"


@dataclass(slots=True)
class _Section:
    heading: str
    shape: str
    papers: list[Paper] = field(default_factory=list)
    # What each paper is: None for an original, else (kind, section index, paper index, probe).
    origins: list[tuple[str, int, int, bool] | None] = field(default_factory=list)


def _outline(size: int, rng: random.Random, shape: str | None = None) -> list[_Section]:
    """Numbered chapters, sections and subsections holding about ``size`` entries in all, each
    section in a shape drawn at random, or all in ``shape``."""
    sections: list[_Section] = []
    shapes = ("reference", "reference", "keyed-links", "keyed-links", "links")
    if shape is not None:
        shapes = (shape,)
    planned = 0
    chapter = 0
    while planned < size:
        chapter += 1
        task = rng.choice(_TASKS)
        sections.append(_Section(f"# {chapter} {task.capitalize()}", "reference"))
        for number in range(1, rng.randint(3, 7)):
            heading = f"## {chapter}.{number} {rng.choice(_ADJECTIVES).capitalize()} {task}"
            sections.append(_Section(heading, rng.choice(shapes)))
            for sub in range(1, rng.randint(1, 5)):
                noun = rng.choice(_NOUNS)
                heading = f"### {chapter}.{number}.{sub} {noun.capitalize()}"
                sections.append(_Section(heading, rng.choice(shapes)))
                planned += rng.randint(10, 60)
    return sections


def _fill(sections: list[_Section], size: int, rng: random.Random, vocab: _Vocabulary) -> None:
    leaves = [index for index, section in enumerate(sections) if section.heading.startswith("###")]
    for _ in range(size):
        section = sections[rng.choice(leaves)]
        section.papers.append(vocab.paper())
        section.origins.append(None)


def _inject(sections: list[_Section], size: int, rng: random.Random, probes: list[Paper]) -> None:
    """Replace some originals' slots by copies so that the total stays ``size``."""
    originals = [(s, p) for s, section in enumerate(sections) for p in range(len(section.papers))]
    leaves = sorted({s for s, _ in originals})
    exact_count = max(2, round(size * _EXACT_SHARE))
    near_count = max(2, round(size * _NEAR_SHARE))
    chosen = rng.sample(originals, exact_count + near_count)
    for number, (s, p) in enumerate(chosen):
        kind = "exact" if number < exact_count else "near"
        same = kind == "exact" and rng.random() < 0.6
        target = s if same else rng.choice(leaves)
        paper = sections[s].papers[p]
        copy = paper if kind == "exact" else near_copy(paper, rng)
        _place(sections[target], copy, (kind, s, p, False))
    _place_probes(sections, probes, rng)


def _place_probes(sections: list[_Section], probes: list[Paper], rng: random.Random) -> None:
    """Each probe original and its near copy, at the same relative places in every size."""
    leaves = [s for s, section in enumerate(sections) if section.papers]
    probe_rng = random.Random(_PROBE_SEED)
    for number, paper in enumerate(probes):
        first = leaves[(number * len(leaves)) // len(probes)]
        second = leaves[min(len(leaves) - 1, ((2 * number + 1) * len(leaves)) // (2 * len(probes)))]
        sections[first].papers.append(paper)
        sections[first].origins.append(None)
        original = (first, len(sections[first].papers) - 1)
        _place(sections[second], near_copy(paper, probe_rng), ("near", *original, True))


def _place(section: _Section, paper: Paper, origin: tuple[str, int, int, bool]) -> None:
    # Appending keeps every (section, index) origin valid; the order is shuffled when written.
    section.papers.append(paper)
    section.origins.append(origin)


def probe_papers() -> list[Paper]:
    """The fixed probe originals: the same titles, keys and years in every generated size."""
    vocabulary = _Vocabulary(random.Random(_PROBE_SEED), 1_000)
    return [vocabulary.paper() for _ in range(PROBES)]


def generate(size: int, seed: int = 1, shape: str | None = None) -> GeneratedList:
    """A list of ``size`` entries (copies and probes included) with its ground truth; every
    section in ``shape`` (one of ``SHAPES``) when it is given, else in a mix of them."""
    rng = random.Random(seed * 1_000_003 + size)
    vocabulary = _Vocabulary(rng, size)
    probes = probe_papers()
    vocabulary.taken.update("".join(c for c in p.title.casefold() if c.isalnum()) for p in probes)
    planted = 2 * (max(2, round(size * _EXACT_SHARE)) + max(2, round(size * _NEAR_SHARE)))
    originals = max(1, size - planted // 2 - 2 * len(probes))
    sections = _outline(originals, rng, shape)
    _fill(sections, originals, rng, vocabulary)
    _inject(sections, size, rng, probes)
    return _write(sections, size, seed, rng)


def _write(sections: list[_Section], size: int, seed: int, rng: random.Random) -> GeneratedList:
    lines = [
        "# Awesome Synthetic Paper List",
        "",
        "A generated list of research papers for benchmarking awesome-tidy.",
        "",
    ]
    line_of: dict[tuple[int, int], int] = {}
    pending: list[tuple[int, int]] = []
    for s, section in enumerate(sections):
        lines.append(section.heading)
        order = list(range(len(section.papers)))
        rng.shuffle(order)
        for p in order:
            lines.append(render(section.papers[p], section.shape))
            line_of[s, p] = len(lines)
            if section.origins[p] is not None:
                pending.append((s, p))
    injected = []
    for s, p in pending:
        origin = sections[s].origins[p]
        assert origin is not None
        kind, origin_s, origin_p, probe = origin
        original = sections[origin_s].papers[origin_p]
        injected.append(
            Injected(
                kind=kind,
                line=line_of[s, p],
                original_line=line_of[origin_s, origin_p],
                title=sections[s].papers[p].title,
                original_title=original.title,
                same_section=s == origin_s,
                probe=probe,
            )
        )
    injected.sort(key=lambda item: item.line)
    return GeneratedList(size, seed, "\n".join(lines) + "\n", injected)


def list_name(name: str, shape: str | None = None) -> str:
    """``list-10k``, or ``list-10k-reference`` for a list in one shape."""
    return f"list-{name}" if shape is None else f"list-{name}-{shape}"


def write(
    name: str, size: int, seed: int = 1, directory: Path = DATA, shape: str | None = None
) -> Path:
    """Write ``list-<name>[-<shape>].md`` and its ``.truth.json``; returns the list's path."""
    directory.mkdir(parents=True, exist_ok=True)
    generated = generate(size, seed, shape)
    path = directory / f"{list_name(name, shape)}.md"
    path.write_text(generated.text, encoding="utf-8")
    truth = directory / f"{list_name(name, shape)}.truth.json"
    truth.write_text(json.dumps(generated.truth(), indent=1) + "\n", encoding="utf-8")
    return path


# -- adversarial lists (issue 14): shapes where a rule that is not linear shows ------------------

_ENTRY_START = re.compile(r"^\+ (?:\([^)\n]*\))?", re.M)
_HEADING = re.compile(r"^#.*\n", re.M)


def one_key(size: int, seed: int = 1) -> str:
    """A generated list whose every entry has the same citation key."""
    return _ENTRY_START.sub("+ (zhang2020deep)", generate(size, seed).text)


def one_title(size: int, seed: int = 1) -> str:
    """``size`` entries with one title, each under its own key and year, 40 to a section."""
    lines = ["# Awesome One Title", ""]
    for number in range(size):
        if number % 40 == 0:
            lines.append(f"## {number // 40 + 1} Part {number // 40 + 1}")
        year = 2012 + number % 14
        lines.append(
            f"+ (author{number}{year}deep)Deep anomaly detection with deviation networks[{year}]"
        )
    return "\n".join(lines) + "\n"


def tiny_sections(size: int, seed: int = 1) -> str:
    """A generated list cut into sections of two entries each."""
    entries = [
        line
        for line in _HEADING.sub("", generate(size, seed).text).splitlines()
        if line.startswith("+")
    ]
    lines = ["# Awesome Tiny Sections", ""]
    for number in range(0, len(entries), 2):
        lines += [f"## {number // 2 + 1} Part {number // 2 + 1}", *entries[number : number + 2]]
    return "\n".join(lines) + "\n"


def brace_line(size: int, seed: int = 1) -> str:
    """One entry line of ``size`` bytes, nearly all ``x{``: a title full of stray braces."""
    return "+ (a2020b)" + "x{" * (size // 2) + "[2020]\n"


def zero_width_title(size: int, seed: int = 1) -> str:
    """One entry of ``size`` bytes whose title is letters split by zero-width spaces."""
    return "+ (a2020b)" + "x\u200b" * (size // 4) + "[2020]\n"


CORPUS = Path(__file__).parents[1] / "tests" / "fixtures" / "corpus"


def corpus_copies(size: int, seed: int = 1) -> str:
    """The corpus's real lists, one after another, ``size`` times over (1.3 MB each time): a
    big list with every kind of fix, several of them next to each other."""
    lists = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*__*.md"))]
    return "".join(lists) * size


# Each kind: how it is made, and the sizes it is measured at (entries, or bytes for one line,
# or copies of the corpus).
ADVERSARIAL = {
    "one-key": (one_key, (1_000, 2_000, 4_000, 8_000)),
    "one-title": (one_title, (1_000, 2_000, 4_000, 8_000)),
    "tiny-sections": (tiny_sections, (1_000, 2_000, 4_000, 8_000)),
    "brace-line": (brace_line, (131_072, 262_144, 524_288, 1_048_576)),
    "zero-width-title": (zero_width_title, (131_072, 262_144, 524_288, 1_048_576)),
    "corpus": (corpus_copies, (1, 2)),
}


def write_adversarial(kind: str, size: int, directory: Path = DATA) -> Path:
    """Write ``adversarial-<kind>-<size>.md``; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"adversarial-{kind}-{size}.md"
    path.write_text(ADVERSARIAL[kind][0](size), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "sizes", nargs="*", default=list(SIZES), help="names from " + ", ".join(SIZES)
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--shape", choices=SHAPES, help="every entry in this shape (default: a mix of them)"
    )
    args = parser.parse_args(argv)
    for name in args.sizes:
        path = write(name, SIZES[name], args.seed, shape=args.shape)
        print(f"{path}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
