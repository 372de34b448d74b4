"""Mutation fuzzer for ``fix``: real lists, mutated the ways people break them, four invariants.

Each case is a window of lines from a real list (the corpus of ``tests/fixtures/corpus`` and the
reference list), changed by one to three mutations (a duplicated entry whose copy is then edited,
given a description, a continuation line, a badge or another URL; braces; full-width and
invisible characters; HTML and fences around entries) and written with LF, CRLF, CR-only or
mixed line endings. ``check_text`` and ``fix_text`` (the public API) then run on it, and:

- **traceback**: neither may raise (``FixError``, a declared refusal, is counted apart as
  ``no-convergence``);
- **url-lost**: every ``http(s)`` URL of the input is still in the fixed text;
- **text-lost**: every line ``fix`` removed or changed is explained: a changed line keeps its
  letters and digits (case, punctuation, spacing, braces, full-width forms and invisible
  characters are what fixes may change; digits of headings under ``heading-numbering`` and the
  links of a table of contents under ``toc``), and a removed list item has an identical copy,
  sub-items included, that remains;
- **not-idempotent**: ``fix(fix(x)) == fix(x)``;
- **long-message**: no finding's message is longer than 1,000 characters (issue 14, item 2).

Every failure is shrunk (lines removed while the same class still fails) to a minimal
reproducer. The slow test tier runs a few hundred cases (``tests/test_fuzz_mutations.py``); the
long run is::

    python benchmarks/fuzz.py --cases 20000 --seed 14 --report benchmarks/data/fuzz-report.json

which prints counts by class and by mutation and the smallest reproducer of each class.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import traceback
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from awesome_tidy.api import check_text, fix_text
from awesome_tidy.fixer import FixError, FixResult
from awesome_tidy.linter import Diagnostic

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MAX_MESSAGE = 1_000

_ITEM = re.compile(r"^( *)(?:[-*+]|\d{1,9}[.)])(?: |$)")
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")
_URL_TAIL = ".,;:!?*_"
_IMAGE = re.compile(r"!\[[^\]]*\]\((https?://[^)\s]+)\)")
_WORD = re.compile(r"[A-Za-z]{3,}")


# -- sources and cases ---------------------------------------------------------------------------


def load_sources() -> dict[str, list[str]]:
    """The lines (LF, no endings) of every corpus list and of the reference list."""
    paths = sorted((FIXTURES / "corpus").glob("*.md"))
    paths.append(FIXTURES / "reference" / "awesome-industrial-anomaly-detection.md")
    return {
        path.name: path.read_text(encoding="utf-8").splitlines()
        for path in paths
        if path.name != "SOURCES.md"
    }


@dataclass(frozen=True)
class Case:
    source: str
    mutations: tuple[str, ...]
    text: str


def make_case(rng: random.Random, sources: dict[str, list[str]]) -> Case:
    """A window of a real list around an entry, mutated, with some line endings."""
    name = rng.choice(sorted(sources))
    lines = _window(rng, sources[name])
    names = rng.sample(sorted(MUTATIONS), rng.randint(1, 3))
    for mutation in names:
        lines = MUTATIONS[mutation](rng, lines)
    ending = rng.choices(list(ENDINGS), weights=[55, 15, 12, 10, 8])[0]
    return Case(name, (*names, ending), ENDINGS[ending](rng, lines))


def _window(rng: random.Random, lines: list[str]) -> list[str]:
    """8 to 60 lines from the heading before a random list item, or the whole of a short list."""
    items = [index for index, line in enumerate(lines) if _ITEM.match(line)]
    if not items or len(lines) <= 60:
        return list(lines)
    at = rng.choice(items)
    start = at
    while start > 0 and at - start < 30 and not lines[start].startswith("#"):
        start -= 1
    return lines[start : at + rng.randint(8, 60)]


# -- mutations: each takes and returns the lines of a case ---------------------------------------


def _entry_block(rng: random.Random, lines: list[str]) -> tuple[int, int]:
    """A random list item with its sub-items and continuation lines: [start, end)."""
    items = [index for index, line in enumerate(lines) if _ITEM.match(line)]
    if not items:
        lines.append(f"- [Fuzz tool {rng.randint(1, 999)}](https://github.com/fuzz/tool) - A tool.")
        items = [len(lines) - 1]
    start = rng.choice(items)
    indent = _indent(lines[start])
    end = start + 1
    while end < len(lines) and lines[end].strip() and not _starts_sibling(lines[end], indent):
        end += 1
    return start, end


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _starts_sibling(line: str, indent: int) -> bool:
    return (bool(_ITEM.match(line)) and _indent(line) <= indent) or line.startswith("#")


def _outside_urls(line: str) -> list[int]:
    """Offsets of the line's characters that are not part of a URL or of a link's target."""
    taken = {i for match in _URL.finditer(line) for i in range(match.start(), match.end())}
    return [i for i in range(len(line)) if i not in taken]


def _duplicated(
    edit: Callable[[random.Random, list[str]], list[str]],
) -> Callable[[random.Random, list[str]], list[str]]:
    """A mutation that copies an entry, edits the copy, and puts it next to or after the entry."""

    def mutate(rng: random.Random, lines: list[str]) -> list[str]:
        start, end = _entry_block(rng, lines)
        copy = edit(rng, lines[start:end])
        at = end if rng.random() < 0.6 else rng.randint(end, len(lines))
        return lines[:at] + copy + lines[at:]

    return mutate


def _exact(rng: random.Random, block: list[str]) -> list[str]:
    return list(block)


def _edit_char(rng: random.Random, block: list[str]) -> list[str]:
    line = block[0]
    places = [i for i in _outside_urls(line) if line[i].isalnum()]
    if not places:
        return [line + " x", *block[1:]]
    at = rng.choice(places)
    letter = rng.choice([c for c in "aeiouxyz0123" if c != line[at].lower()])
    return [line[:at] + letter + line[at + 1 :], *block[1:]]


def _edit_word(rng: random.Random, block: list[str]) -> list[str]:
    line = block[0]
    outside = set(_outside_urls(line))
    words = [m for m in _WORD.finditer(line) if m.start() in outside]
    if not words:
        return [line + " revised", *block[1:]]
    word = rng.choice(words)
    new = rng.choice(["", "Revised", "Deprecated", word.group() + "s", "Robust"])
    return [line[: word.start()] + new + line[word.end() :], *block[1:]]


def _add_description(rng: random.Random, block: list[str]) -> list[str]:
    note = rng.choice(["Deprecated, use X instead.", "Extended journal version.", "Faster fork"])
    separator = " - " if " - " not in block[0] else " "
    return [block[0].rstrip() + separator + note, *block[1:]]


def _continuation(rng: random.Random, block: list[str]) -> list[str]:
    indent = " " * (_indent(block[0]) + 2)
    extra = rng.choice(
        [
            "<br>Note: the code moved.",
            "Journal version in TPAMI 2023.",
            "[[code]](https://github.com/fuzz/cont)",
        ]
    )
    return [*block, indent + extra]


def _badge(rng: random.Random, block: list[str]) -> list[str]:
    """The copy's badge image differs; the badge links where the entry does (issue 14)."""
    line = block[0]
    number = rng.randint(1, 10**6)
    image = _IMAGE.search(line)
    if image is not None:
        return [line[: image.end(1)] + f"?v={number}" + line[image.end(1) :], *block[1:]]
    target = _URL.search(line)
    link = target.group() if target else f"https://github.com/fuzz/repo{number}"
    badge = f"[![Stars](https://img.shields.io/github/stars/fuzz/repo{number})]({link})"
    return [line.rstrip() + " " + badge, *block[1:]]


def _other_url(rng: random.Random, block: list[str]) -> list[str]:
    line = block[0]
    match = _URL.search(line)
    if match is None:
        return [line + f" [[code]](https://github.com/fuzz/u{rng.randint(1, 999)})", *block[1:]]
    return [line[: match.end()] + "v2" + line[match.end() :], *block[1:]]


def _as_sub_item(rng: random.Random, lines: list[str]) -> list[str]:
    """The same entry listed under two parent items (issue 14: one parent lost its child)."""
    start, _ = _entry_block(rng, lines)
    child = "  " + lines[start].lstrip()
    parent = rng.randint(0, len(lines))
    return [*lines[:parent], "- Parent item", child, *lines[parent:], "- Other parent", child]


def _char_mutation(
    change: Callable[[random.Random, str, int], str],
) -> Callable[[random.Random, list[str]], list[str]]:
    """Change one to three characters of an entry's first line, never inside a URL."""

    def mutate(rng: random.Random, lines: list[str]) -> list[str]:
        start, _ = _entry_block(rng, lines)
        line = lines[start]
        for _ in range(rng.randint(1, 3)):
            places = _outside_urls(line)
            at = rng.choice(places) if places else len(line)
            line = change(rng, line, at)
        return [*lines[:start], line, *lines[start + 1 :]]

    return mutate


def _brace(rng: random.Random, line: str, at: int) -> str:
    return line[:at] + rng.choice(["{", "}", "{{", "}}", "{x}"]) + line[at:]


_FULL_WIDTH = {"(": "（", ")": "）", "[": "［", "]": "］", ":": "：", ",": "，", " ": "\u3000"}


def _full_width(rng: random.Random, line: str, at: int) -> str:
    char = line[at] if at < len(line) else " "
    if char in _FULL_WIDTH:
        wide = _FULL_WIDTH[char]
    elif "!" <= char <= "~":
        wide = chr(ord(char) + 0xFEE0)
    else:
        wide = rng.choice(list(_FULL_WIDTH.values()))
    return line[:at] + wide + line[at + 1 :]


def _invisible(rng: random.Random, line: str, at: int) -> str:
    char = rng.choice(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u00a0"])
    return line[:at] + char * rng.choice([1, 1, 2, 5]) + line[at:]


_HTML = [
    ("<details>\n<summary>More</summary>\n", "</details>"),
    ('<div align="center">', "</div>"),
    ("<!--", "-->"),
    ("<pre>", "</pre>"),
    ("<table><tr><td>\n", "</td></tr></table>"),
]
_FENCES = [("```", "```"), ("~~~markdown", "~~~"), ("````", "````")]


def _wrapped(
    pairs: list[tuple[str, str]],
) -> Callable[[random.Random, list[str]], list[str]]:
    """Put a run of entries inside a block; sometimes the block is left open to the end."""

    def mutate(rng: random.Random, lines: list[str]) -> list[str]:
        start, end = _entry_block(rng, lines)
        end = min(len(lines), end + rng.randint(0, 3))
        opening, closing = rng.choice(pairs)
        blank = [""] if rng.random() < 0.5 else []
        if rng.random() < 0.2:
            return [*lines[:start], *opening.split("\n"), *blank, *lines[start:], "", ""]
        inner = [*blank, *lines[start:end], *blank]
        return [*lines[:start], *opening.split("\n"), *inner, closing, *lines[end:]]

    return mutate


def _indented_code(rng: random.Random, lines: list[str]) -> list[str]:
    start, end = _entry_block(rng, lines)
    return [*lines[:start], "", *("    " + line for line in lines[start:end]), "", *lines[end:]]


def _trailing_blanks(rng: random.Random, lines: list[str]) -> list[str]:
    return [*lines, *[rng.choice(["", " ", "\t"]) for _ in range(rng.randint(1, 4))]]


MUTATIONS: dict[str, Callable[[random.Random, list[str]], list[str]]] = {
    "dup-exact": _duplicated(_exact),
    "dup-edit-char": _duplicated(_edit_char),
    "dup-edit-word": _duplicated(_edit_word),
    "dup-add-description": _duplicated(_add_description),
    "dup-continuation": _duplicated(_continuation),
    "dup-badge": _duplicated(_badge),
    "dup-other-url": _duplicated(_other_url),
    "dup-under-two-parents": _as_sub_item,
    "braces": _char_mutation(_brace),
    "full-width": _char_mutation(_full_width),
    "invisible": _char_mutation(_invisible),
    "html-around": _wrapped(_HTML),
    "fence-around": _wrapped(_FENCES),
    "indented-code": _indented_code,
    "trailing-blanks": _trailing_blanks,
}


def _mixed(rng: random.Random, lines: list[str]) -> str:
    return "".join(line + rng.choice(["\n", "\r\n", "\r"]) for line in lines)


ENDINGS: dict[str, Callable[[random.Random, list[str]], str]] = {
    "lf": lambda rng, lines: "\n".join(lines) + "\n",
    "crlf": lambda rng, lines: "\r\n".join(lines) + "\r\n",
    "cr": lambda rng, lines: "\r".join(lines) + "\r",
    "mixed": _mixed,
    "no-final-newline": lambda rng, lines: "\n".join(lines),
}


# -- invariants ------------------------------------------------------------------------------------


def judge(text: str) -> list[tuple[str, str]]:
    """The invariants ``text`` breaks, as (class, detail); empty when it keeps them all."""
    try:
        diagnostics = check_text(text)
        first = fix_text(text)
        second = fix_text(first.text)
    except FixError as error:
        return [("no-convergence", str(error)[:300])]
    except Exception as error:  # any exception is what this invariant looks for
        return [("traceback", _where(error))]
    found = []
    if lost := lost_urls(text, first.text):
        found.append(("url-lost", f"{lost[0]} (fixes applied: {_rules(first)})"))
    if loss := lost_text(text, first.text, {d.rule for d in first.applied}):
        found.append(("text-lost", f"{loss} (fixes applied: {_rules(first)})"))
    if second.text != first.text:
        found.append(("not-idempotent", f"second fix applies {_rules(second)}"))
    found.extend(_long_messages([*diagnostics, *first.remaining, *first.applied]))
    return found


def _rules(result: FixResult) -> str:
    return ", ".join(sorted({d.rule for d in result.applied})) or "none"


def _where(error: Exception) -> str:
    frame = traceback.extract_tb(error.__traceback__)[-1]
    place = f"{Path(frame.filename).name}:{frame.lineno}"
    return f"{type(error).__name__} at {place}: {str(error)[:200]}"


def _long_messages(diagnostics: list[Diagnostic]) -> list[tuple[str, str]]:
    longest = max((d.message for d in diagnostics), key=len, default="")
    if len(longest) <= MAX_MESSAGE:
        return []
    return [("long-message", f"{len(longest)} characters: {longest[:120]!r}...")]


def _present(text: str) -> set[str]:
    return {_fold_url(m.group()) for m in _URL.finditer(text)}


def _fold_url(url: str) -> str:
    return "".join(c for c in url if unicodedata.category(c) != "Cf").rstrip(_URL_TAIL)


def lost_urls(before: str, after: str) -> list[str]:
    """The URLs of ``before`` that ``after`` no longer holds (invisible characters aside)."""
    kept = "".join(c for c in after if unicodedata.category(c) != "Cf")
    return sorted({_fold_url(m.group()) for m in _URL.finditer(before)} - {""} - _present(kept))


def line_key(line: str) -> str:
    """What no fix may change in a line: its letters and digits, NFKC, case folded."""
    folded = unicodedata.normalize("NFKC", line).casefold()
    return "".join(c for c in folded if c.isalnum())


def _keys(text: str, rules: set[str]) -> tuple[list[str], list[str]]:
    """Each line and its key, less what a declared change may rewrite."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = [line for line in lines if not ("toc" in rules and "](#" in line)]
    keys = [line_key(line) for line in kept]
    if "heading-numbering" in rules:
        keys = [
            "".join(c for c in key if not c.isdigit()) if line.lstrip().startswith("#") else key
            for line, key in zip(kept, keys, strict=True)
        ]
    return kept, keys


def lost_text(before: str, after: str, rules: set[str]) -> str | None:
    """The first line of ``before`` whose removal or change ``after`` does not explain."""
    old_lines, old = _keys(before, rules)
    _, new = _keys(after, rules)
    exact = [_exact_form(line) for line in old_lines]
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "insert"):
            continue
        unexplained = [
            index
            for start, end in _segments(old_lines, i1, i2)
            if not (
                _ITEM.match(old_lines[start])
                and _is_copy(exact, start, end)
                and _remains(old[start:end], new)
            )
            for index in range(start, end)
        ]
        rest = "".join(old[index] for index in unexplained)
        if rest and not _is_subsequence(rest, "".join(new[j1:j2])):
            first = next(index for index in unexplained if old[index])
            return f"line {first + 1} lost or changed: {old_lines[first][:160]!r}"
    return None


def _exact_form(line: str) -> str:
    """A line as a copy must repeat it: every character but spacing, braces, a final full stop,
    invisible characters and full-width forms (what safe fixes normalise)."""
    folded = unicodedata.normalize("NFKC", line)
    kept = (
        c for c in folded if not c.isspace() and c not in "{}" and unicodedata.category(c) != "Cf"
    )
    return "".join(kept).rstrip(".")


def _segments(lines: list[str], start: int, end: int) -> Iterator[tuple[int, int]]:
    """The removed stretch cut into list items (each with its deeper lines) and other lines."""
    at = start
    while at < end:
        stop = at + 1
        if _ITEM.match(lines[at]):
            indent = _indent(lines[at])
            while stop < end and lines[stop].strip() and not _starts_sibling(lines[stop], indent):
                stop += 1
        yield at, stop
        at = stop


def _is_copy(exact: list[str], start: int, end: int) -> bool:
    """True when the input holds lines [start, end) elsewhere, identical."""
    wanted = exact[start:end]
    width = len(wanted)
    return any(
        exact[at : at + width] == wanted for at in range(len(exact) - width + 1) if at != start
    )


def _remains(segment: list[str], new: list[str]) -> bool:
    """True when the segment's non-blank lines remain, contiguous, in the fixed text."""
    wanted = [key for key in segment if key]
    width = len(wanted)
    return any(new[at : at + width] == wanted for at in range(len(new) - width + 1))


def _is_subsequence(small: str, big: str) -> bool:
    letters = iter(big)
    return all(char in letters for char in small)


# -- shrinking and the run ----------------------------------------------------------------------


def shrink(text: str, fails: Callable[[str], bool], budget: int = 400) -> str:
    """Remove lines while the text still ``fails`` (delta debugging on lines, bounded)."""
    lines = text.splitlines(keepends=True)
    chunk = max(1, len(lines) // 2)
    while chunk >= 1 and budget > 0:
        at, removed = 0, False
        while at < len(lines) and budget > 0:
            trial = lines[:at] + lines[at + chunk :]
            budget -= 1
            if trial and fails("".join(trial)):
                lines, removed = trial, True
            else:
                at += chunk
        if not removed:
            chunk //= 2
    return "".join(lines)


@dataclass
class Report:
    seed: int
    cases: int = 0
    seconds: float = 0.0
    by_class: Counter[str] = field(default_factory=Counter)
    by_mutation: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    details: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    reproducers: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    @property
    def failing(self) -> int:
        return sum(self.by_class.values())


def run(
    cases: int, seed: int, *, shrink_each: int = 3, progress: Callable[[int], None] | None = None
) -> Report:
    """``cases`` mutated lists from ``seed``; failures counted by class, the first ones shrunk."""
    rng = random.Random(seed)
    sources = load_sources()
    report = Report(seed)
    began = time.perf_counter()
    for number in range(cases):
        case = make_case(rng, sources)
        for kind, detail in judge(case.text):
            _record(report, case, kind, detail, shrink_each)
        report.cases = number + 1
        if progress is not None:
            progress(number + 1)
    report.seconds = time.perf_counter() - began
    return report


def _record(report: Report, case: Case, kind: str, detail: str, shrink_each: int) -> None:
    report.by_class[kind] += 1
    report.details[kind][_detail_class(detail)] += 1
    for mutation in case.mutations:
        report.by_mutation[kind][mutation] += 1
    found = report.reproducers.setdefault(kind, [])
    if len(found) < shrink_each:
        small = shrink(case.text, lambda text: any(k == kind for k, _ in judge(text)))
        found.append(
            {
                "source": case.source,
                "mutations": list(case.mutations),
                "detail": detail,
                "input": case.text,
                "minimal": small,
            }
        )
        found.sort(key=lambda r: len(str(r["minimal"])))


def _detail_class(detail: str) -> str:
    """A detail without the case-specific text, so that like failures are counted together."""
    applied = re.search(r"\(fixes applied: ([^)]*)\)$", detail)
    if applied is None:
        return re.sub(r"\d+ characters: .*|: .*", "", detail)
    rules = applied.group(1).split(", ")
    return "with duplicate-entry" if "duplicate-entry" in rules else f"fixes: {applied.group(1)}"


def summary(report: Report) -> str:
    lines = [
        f"{report.cases} cases, seed {report.seed}, {report.seconds:.0f} s, "
        f"{report.failing} failures in {sum(1 for _ in report.by_class)} classes"
    ]
    for kind, count in report.by_class.most_common():
        lines.append(f"\n{kind}: {count}")
        mutations = ", ".join(f"{m} {n}" for m, n in report.by_mutation[kind].most_common(6))
        lines.append(f"  with mutations: {mutations}")
        for detail, n in report.details[kind].most_common(8):
            lines.append(f"  {n:>6}  {detail}")
        for sample in report.reproducers.get(kind, [])[:1]:
            lines.append(f"  e.g. {sample['detail']}")
            lines.append(f"  minimal reproducer: {sample['minimal']!r}")
    return "\n".join(lines)


def as_json(report: Report) -> dict[str, object]:
    return {
        "seed": report.seed,
        "cases": report.cases,
        "seconds": round(report.seconds, 1),
        "by_class": dict(report.by_class.most_common()),
        "by_mutation": {k: dict(v.most_common()) for k, v in report.by_mutation.items()},
        "details": {k: dict(v.most_common()) for k, v in report.details.items()},
        "reproducers": report.reproducers,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--shrink-each", type=int, default=3, help="reproducers kept per class")
    parser.add_argument("--report", type=Path, help="write the full report as JSON")
    args = parser.parse_args(argv)

    def progress(done: int) -> None:
        if done % 1000 == 0:
            print(f"{done} cases", file=sys.stderr, flush=True)

    report = run(args.cases, args.seed, shrink_each=args.shrink_each, progress=progress)
    print(summary(report))
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(as_json(report), indent=1, ensure_ascii=False) + "\n")
    return 1 if report.failing else 0


if __name__ == "__main__":
    sys.exit(main())
