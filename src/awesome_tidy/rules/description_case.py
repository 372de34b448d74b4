from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from awesome_tidy.model import (
    PARTICLES,
    Document,
    Entry,
    describe,
    dominant,
    is_byline,
    is_cjk,
    is_paper_url,
    link_items,
    opens_with_particle,
    title_cased,
    written_in_cjk,
)
from awesome_tidy.rule import TEXT, Edit, Fix, Problem, Rule

_FIRST_WORD = re.compile(r"[^\s]+")
_WORD = re.compile(r"[A-Za-z]+")
_CAPITALISED = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?![A-Za-z])")
_CODE_WORD = re.compile(r"`([A-Za-z]+)`")
_URL_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class _Written:
    """How the list writes words anywhere in its text."""

    words: frozenset[str]
    """Words it writes capitalised (``Django``, ``An``)."""
    code: frozenset[str]
    """Words it writes as code on their own (``lex``): names of commands."""
    titles: frozenset[str]
    """The names of its items, case-folded."""


def _written(text: str, items: list[Entry]) -> _Written:
    titles = {entry.title.text.strip().casefold() for entry in items if entry.title is not None}
    return _Written(
        frozenset(_CAPITALISED.findall(text)),
        frozenset(_CODE_WORD.findall(text)),
        frozenset(titles),
    )


def _lower_name(text: str, word: str, written: _Written) -> bool:
    """Whether ``word`` is a name its owners write in lower case: a command written as code
    (``lex``), or an item's name the list writes in lower case inside its sentences more often
    than capitalised (``plugin for rasterio``, beside ``[Rasterio](url)``). An item named
    ``japanese`` does not make the word a name where the list writes ``for Japanese``."""
    if word in written.code:
        return True
    if word.casefold() not in written.titles:
        return False
    inside = re.compile(rf"(?<=[a-z,] )({re.escape(word)})(?![\w/.-]\w)", re.IGNORECASE)
    cases = Counter(match.group(1)[0].islower() for match in inside.finditer(text))
    return cases[True] > cases[False]


_OPENING = "(\"'“‘[`"
_DASHES = "-–—"
_COLONS = ":："
# A habit is what three in four cased descriptions do (as description-ending's): fewer, and
# the lower-case ones are the list's other way of writing, not slips.
_HABIT = 0.75
_VOWELS = frozenset("aeiouy")
_DIGRAPHS = re.compile(r"ch|sh|th|gh|ph|wh|ck|ng|qu")
_CLUSTER = re.compile(r"[bcdfgjklmnpqrstvwxzC]{5}")
# A library's own lower-case name (``libgccjit``, ``libuv``, ``libpng``): ``lib`` and a name,
# never ``library``, ``libre``, ``liberal`` (an ``r`` after ``lib``) nor ``libel``, ``libido``.
_LIBRARY = re.compile(r"lib(?!r|el|ido|ation)[a-z]{2,}")


def _name_spelt(word: str) -> bool:
    """Whether ``word`` is spelt as no English word is, as a name of software may be: a library's
    ``lib`` prefix, or five consonants run together (``libgccjit``), its digraphs (``ch`` of
    ``benchmark``, ``ng`` and ``th`` of ``strengths``) counted as one sound."""
    return _LIBRARY.fullmatch(word) is not None or bool(_CLUSTER.search(_DIGRAPHS.sub("C", word)))


# Programs whose own spelling is lower case and that a description opens with as a command
# (``go generate based server``, ``git hooks manager``, ``pip plugin``): the name, not a
# sentence's first word, so capitalising it changes the command (study 12). English verbs
# that are also programs (``make``, ``touch``) are left out: there a capital is likelier right.
_COMMANDS = frozenset(
    [
        "go",
        "git",
        "pip",
        "pipx",
        "npm",
        "npx",
        "pnpm",
        "yarn",
        "cargo",
        "rustup",
        "conda",
        "kubectl",
        "helm",
        "curl",
        "wget",
        "grep",
        "sed",
        "awk",
        "bash",
        "zsh",
        "vim",
        "emacs",
        "tmux",
        "gcc",
        "clang",
        "ffmpeg",
        "deno",
        "jq",
    ]
)


class DescriptionCase(Rule):
    name = "description-case"
    judges_entries = True
    severity = "warning"
    summary = "A description that starts in lower case where the list's descriptions do not."
    fix_safety = "unsafe"
    changes = (TEXT,)

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        items = link_items(doc.entries)
        joined = {
            found[0]: (entry, found[1])
            for entry in items
            if (found := _start(text, entry)) is not None
        }
        starts = {start: entry for start, (entry, _) in joined.items()}
        read = [(start, _case(text, entry, start)) for start, entry in starts.items()]
        cjk = {start for start, entry in starts.items() if _in_cjk(entry)}
        # Lower case after a colon is plain English (``: a series of ...``): only the list's
        # other colon descriptions show a habit of capitals there, while capitals after a
        # colon show one after a dash too (study 17).
        cased = [(case, start in cjk, joined[start][1]) for start, case in read if case]
        habits = {
            "dash": _habit([(case, in_cjk) for case, in_cjk, _ in cased]),
            "colon": _habit([(case, in_cjk) for case, in_cjk, mark in cased if mark == "colon"]),
        }
        lower = [
            start for start, case in read if case == "lower" and habits[joined[start][1]] == "upper"
        ]
        if not lower:
            return
        written = _written(text, items)
        formats = _own_openings(text, [start for start, _ in read])
        for start in lower:
            word = _FIRST_WORD.match(text, start)
            shown = word.group() if word else text[start]
            bare = _WORD.match(text, start)
            assert bare is not None  # _case read a plain word there
            if bare.group() in formats or _lower_name(text, bare.group(), written):
                continue
            if start in cjk and not _spelt_capitalised(text, bare.group()):
                continue  # ``python 命令行下载器``: a name or term in the list's own spelling
            names = _names_after(starts[start])
            if not names and _authors_title(text, starts[start], bare.end(), joined[start][1]):
                continue
            yield self.problem(
                start,
                start + 1,
                message=f"description starts with lower-case {shown!r}",
                # A word opening a line of names (``ingteng Qiu, Xuanye Zhang``) is a name
                # cut or written short: capitalising it guesses its spelling (study 13).
                fix=None if names else _fix(text, bare, written),
            )


# A list's Latin descriptions show a habit of their own from this many on; fewer, and the
# whole list's openings tell it.
_OWN_HABIT = 3


def _in_cjk(entry: Entry) -> bool:
    assert entry.description is not None
    return written_in_cjk(entry.description.text)


def _habit(cases: list[tuple[str, bool]]) -> str | None:
    """The case the list opens descriptions with, from ``(case, written in CJK)`` pairs: its
    Latin descriptions' habit, where they are enough to show one. Capitals belong to cased
    scripts: a Latin word opening CJK text (``Markdown 编辑器``, ``python 下载器``) is a name or
    a term in its own spelling, no sentence's first word, and tells the habit only where the
    list has too few Latin descriptions to tell it themselves."""
    latin = [case for case, cjk in cases if not cjk]
    if len(latin) >= _OWN_HABIT:
        return dominant(latin, share=_HABIT)
    return dominant((case for case, _ in cases), share=_HABIT)


def _spelt_capitalised(text: str, word: str) -> bool:
    """Whether the list writes ``word`` as a word of its own capitalised more often than in
    lower case (``Django`` beside one ``django 应用缓存框架``): a name spelt two ways, where the
    lower case is the slip. Not inside a longer name or an address (``django-oscar``)."""
    alone = re.compile(
        rf"(?<![A-Za-z0-9_/.-])({re.escape(word)})(?![A-Za-z0-9_]|[/.-][A-Za-z0-9])", re.IGNORECASE
    )
    cases = Counter(match.group(1)[0].isupper() for match in alone.finditer(text))
    return cases[True] > cases[False]


# A word that opens this many descriptions, always in lower case, is the list's own format
# (three is a habit of the writer's, ``very good site ...``, still a slip each time).
_OWN_OPENING = 5


def _own_openings(text: str, starts: list[int]) -> frozenset[str]:
    """The words several descriptions open with, never capitalised (``on Ion traps, QEC code:
    ...`` on every item of a table-like section, a field whose value before ``on`` is blank):
    the list's own format, written alike each time, not a slip. A word the list also opens a
    description with in capitals (``a`` beside ``A``) is no such format."""
    opening = Counter(match.group() for at in starts if (match := _WORD.match(text, at)))
    capitalised = {word.casefold() for word in opening if word[0].isupper()}
    return frozenset(
        word
        for word, count in opening.items()
        if count >= _OWN_OPENING and word.islower() and word not in capitalised
    )


def _fix(text: str, word: re.Match[str], written: _Written) -> Fix | None:
    """The capital, unless the word may be a name written lower case on purpose: a Latin word
    opening CJK text (``lex 和 yacc 解析工具``) is a name or a term, capitalised only where the
    list itself writes it so somewhere (``django 应用缓存框架``, ``Django`` elsewhere)."""
    start, end = word.span()
    after = text[end : end + 2].lstrip()
    capital = word.group()[0].upper() + word.group()[1:]
    if after and is_cjk(after[0]) and capital not in written.words:
        return None
    return Fix.unsafe(Edit(start, start + 1, capital[0]))


def _start(text: str, entry: Entry) -> tuple[int, str] | None:
    """Where a description after a dash or colon starts, and which of the two parts it from
    the name (``colon`` or ``dash``, arrows and commas after marks counted as dashes); None for
    any other text after the name: a sentence the name opens, a credit (``by Jane Doe``), a
    paper's credit line."""
    described = describe(text, entry)
    if described is None or described.kind != "separated":
        return None
    if text[described.start - 1] in _DASHES:
        return None  # ``-yuange``: a word glued to its dash signs the item, a handle's own case
    separator = text[slice(*described.separator)]
    return described.start, "colon" if any(char in _COLONS for char in separator) else "dash"


# A paper's own name is a word or two (``MPCFormer``, ``Segment Anything``); a longer link
# text is the whole title, and what follows it the list's own words.
_PAPER_NAME_WORDS = 2


def _authors_title(text: str, entry: Entry, end: int, mark: str) -> bool:
    """Whether the description is the rest of a title in its authors' case, where a capital
    would change the title: its words after the first in title case (``an Inference Engine for
    Diffusion Transformers``), or, after a colon, the subtitle of a paper the link names
    (``[MPCFormer](arxiv): fast, performant, and private ...``: the title ``Name: subtitle``).
    It still counts for the habit: the list copies such titles as they are written."""
    assert entry.description is not None and entry.title is not None
    if title_cased(text[end : entry.description.end]):
        return True
    link = entry.title_link
    if mark != "colon" or link is None or len(entry.title.text.split()) > _PAPER_NAME_WORDS:
        return False
    url = link.url.text.strip()
    return is_paper_url(url)


def _single_word(text: str, entry: Entry, end: int) -> bool:
    """Whether the description's first word is all it says."""
    assert entry.description is not None
    return not text[end : entry.description.end].strip()


def _own_name(entry: Entry, word: str) -> bool:
    """Whether ``word`` names the item: it is in the title, or a whole word of the title link's
    host (``paperswithcode has ranked ...`` after a link to paperswithcode.com): the name as
    its owner writes it, the subject of the description's sentence. Not a word of the path
    (``/user/talks/videos``): that names a page, not the item."""
    assert entry.title is not None
    folded = word.casefold()
    if folded in entry.title.text.casefold():
        return True
    link = entry.title_link
    if link is None:
        return False
    try:
        host = urlsplit(link.url.text.strip()).hostname or ""
    except ValueError:  # a malformed address names nothing
        return False
    return folded in _URL_WORD.findall(host)


# Words a name keeps in lower case between its capitalised ones (``University of Tokyo``,
# ``Ludwig van Beethoven``).
_NAME_LINKS = PARTICLES | {"of", "and", "the"}


def _name_shaped(text: str, entry: Entry) -> bool:
    """Whether the description is written like a name: two Latin words or more, each
    capitalised (``Naoki Kishida (2023-02)``, ``Media Center, The Asahi Shimbun``). A credit
    for a talk's speaker or a title in title case is capitalised because names are, not by a
    habit of opening descriptions with a capital: it shows no such habit."""
    assert entry.description is not None
    words = [word for word in _WORD.findall(entry.description.text) if word not in _NAME_LINKS]
    return len(words) >= 2 and all(word[0].isupper() for word in words)


def _names_after(entry: Entry) -> bool:
    """Whether the description's words after its first are written like names, each
    capitalised (``ingteng Qiu, Xuanye Zhang``): a credit line, its first word part of a name."""
    assert entry.description is not None
    words = [word for word in _WORD.findall(entry.description.text) if word not in _NAME_LINKS]
    return len(words) >= 3 and all(word[0].isupper() for word in words[1:])


def _case(text: str, entry: Entry, start: int) -> str | None:
    """``upper`` or ``lower`` for a description opening with a plain word; None for one that
    opens with a name written in its own case (``iOS``, a word without a vowel like ``npm``,
    a program written lower case by its own spelling like ``go`` or ``git``, a surname's
    particle like ``van der Laan``, the item's own name), a word alone (a note like ``good``),
    a byline (``Athey, Wager (2020)``, ``by Jane Doe``), a number, code, a quote, a symbol
    (``#tag``, ``@user``) or text in a script without case (CJK, Devanagari, Arabic). A byline
    is names, no sentence: its first capital shows no habit, and a name's case is the name's
    (study 34: ``de Chaisemartin`` capitalised changed the author)."""
    assert entry.title is not None and entry.description is not None
    words = text[start : entry.description.end].strip()
    if is_byline(words) or opens_with_particle(words):
        return None
    word = _FIRST_WORD.match(text, start)
    if word is None:
        return None
    if word.group()[0] in _OPENING:
        return None  # "(part of Django) ...": a parenthesis or quote may open in lower case
    first = word.group().rstrip(".,;:!?)")
    if not first.isascii() or not first.isalpha():
        return None
    if _single_word(text, entry, word.end()):
        return None  # ``- good``: a one-word note or tag, no sentence to open in capitals
    if first[0].isupper():
        return None if _name_shaped(text, entry) else "upper"
    if first != first.lower() or _own_name(entry, first):
        return None  # camelCase or the item's own name: the name's case is right
    if not _VOWELS.intersection(first) or _name_spelt(first):
        return None  # "npm is ...", "libgccjit AOT ...": no English word is spelt so, a name is
    if first in _COMMANDS:
        return None  # "go generate ...": a program's own lower-case name, no slip
    return "lower"
