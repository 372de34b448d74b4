"""Is it the same paper? Fuzzy title comparison, and candidate pairs without comparing all pairs.

rapidfuzz is imported inside the functions: a check with no near-duplicate candidates, the usual
pre-commit run on a small list, does not pay for loading it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from itertools import chain, pairwise, repeat
from typing import TYPE_CHECKING

from awesome_tidy.metadata import (
    ET_AL,
    holds_year_like,
    is_date,
    names_known_venue,
    preprint_marker,
    venue_word,
)
from awesome_tidy.readers.row import ORGANISATION_HEADERS
from awesome_tidy.text import normalize_title
from awesome_tidy.urls import link_kind, normalize_url

if TYPE_CHECKING:
    from awesome_tidy.entries import Entry
    from awesome_tidy.inline import Link, Part
    from awesome_tidy.nodes import ListItem

# Small words whose presence or absence does not make another paper ("A survey" / "Survey").
_FILLER_WORDS = frozenset(("a", "an", "the"))
_TYPO_SCORE = 75.0
# A title's rarest words, filed by threes: one mistyped word still leaves three in common.
# (The four leave-one-out triples are spelled out in _signature_groups.)
_SIGNATURE = 4
# Groups up to _SMALL_GROUP titles give all their pairs; up to _MAX_GROUP they are scored in
# rapidfuzz (at most _MAX_GROUP comparisons per title and group, in C), and each title keeps its
# _PARTNERS closest earlier titles for the word-by-word check in Python; larger groups are
# compared with their _WINDOW nearest neighbours in sorted order only.
_SMALL_GROUP = 8
_MAX_GROUP = 2000
_PARTNERS = 8
_WINDOW = 4
_ID_SCHEMES = frozenset(("arxiv", "doi", "openreview"))
_NAME_SPACES = 3  # a title of up to three words is a name, which several things may bear
# A table of courses or talks names who gives each row, or where (``| University/Instructor(s)
# |``); with it, the row's year or term tells one offering from another.
_WHO_COLUMNS = (
    "instructor",
    "instructors",
    "lecturer",
    "lecturers",
    "teacher",
    "teachers",
    "professor",
    "professors",
    "university",
    "speaker",
    "speakers",
)
_WHEN_COLUMNS = ("year", "semester", "term")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
# ``2.7B``, ``350M``, ``13b``: a model's or a dataset's size; ``v3``, ``v1.5``: a version.
_SIZE = re.compile(r"(?<![\w.])(?:\d+(?:\.\d+)?[kmbt]|v\d+(?:\.\d+)*)(?!\w|\.\w)", re.IGNORECASE)
# Entries a listing needs to be found derived: fewer are a note, judged as written.
_DERIVED_ENTRIES = 3
_DERIVED_SHORTER = 0.75  # of its fullest copy's length: a derived listing's form of an entry
# A link (or title) on more entries than this is a page they share (a catalogue, a home page)
# or a placeholder, not one paper's copies; counting it would pair every entry on it with every
# other, quadratic in a list of thousands on one link.
_DERIVED_MAX_COPIES = 8
# Sections a listing written in the body's own form must gather from to be derived: a list of
# recent additions or picks repeats entries of many sections as they are written there, while
# a block pasted twice repeats one section's.
_GATHERED_SECTIONS = 3
_TITLE_THINGS = 4  # things of one title that a copy is compared with: its first ones
_CATEGORY = 3  # entries, each with its own link, that make a short title shared a category
# What follows a title to say which part of a work the entry is: ``（上）``, ``(2)``, ``Part 1``.
_PART_MARKER = re.compile(
    r"[*_]{0,3}\s*(?:[(（\[]\s*|[-–—:,]\s*)?"
    r"(?P<part>[上中下]|(?P<word>part|vol\.?|volume|lecture|episode|ep\.?)\s*(?P<number>\d+|[ivx]+)"
    r"|(?<=[(（\[])(?P<alone>\d{1,2}|[ivx]+)(?=\s*[)）\]]))(?!\w)",
    re.IGNORECASE,
)
# ``vol. 2``, ``Vol. II``, ``Band 1``, ``Bd. 2``, ``Teil 1``, ``Part 3``, ``tome 2``, ``2nd ed.``,
# ``第1卷``: which volume, part or edition of a work an entry is, wherever its text says it. A
# word of letters around it (``evolume``, ``partial``) or a longer number is no such marker.
_ROMAN = r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})"
_VOLUME = re.compile(
    r"(?<![^\W_])(?P<word>vols?\.?|volume|band|bd\.?|teil|part|tome|tomo|book|ed\.|edition"
    r"|auflage|aufl\.)[ \t]*(?:no\.[ \t]*)?(?P<number>\d{1,3}|" + _ROMAN + r"|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])"
    r"(?![^\W_]|[.,]\d)"
    r"|(?<![^\W_])(?P<ordinal>\d{1,2})(?:st|nd|rd|th|\.)[ \t]+"
    r"(?P<edition>ed\.|edition|auflage|aufl\.)"
    r"|第[ \t]*(?P<cjk>\d{1,3}|[一二三四五六七八九十]{1,3})[ \t]*(?P<unit>[卷册冊部辑輯版篇])",
    re.IGNORECASE,
)
_VOLUME_KINDS = {
    "vol": "volume", "vols": "volume", "volume": "volume", "band": "volume", "bd": "volume",
    "tome": "volume", "tomo": "volume", "卷": "volume", "册": "volume", "冊": "volume",
    "teil": "part", "part": "part", "部": "part", "篇": "part", "book": "book", "辑": "book",
    "輯": "book", "ed": "edition", "edition": "edition", "auflage": "edition",
    "aufl": "edition", "版": "edition",
}  # fmt: skip
_NUMERALS = {char: value for value, char in enumerate("一二三四五六七八九十", 1)} | {
    char: value for value, char in enumerate("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ", 1)
}
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}
# ``Program Title - **Shape Analysis**``: a name in bold after a plain title and a dash.
_SUBTITLE = re.compile(r"[ \t]*[-–—:][ \t]+(\*\*|__)(?P<name>[^*_|\n]{1,100}?)\1")
_PAGE_NUMBER = re.compile(r"\d{3,}")
# ``netdevconf.org/2.1/...``, ``conf.org/2019/...``: a path part that names an event's edition.
_EDITION = re.compile(r"\d+(?:\.\d+)+|(?:19|20)\d\d")
# The last part of a URL that names the page above it again, or a document rather than a page.
_SAME_PAGE = re.compile(r"(?:index|default|readme|home|main)(?:\.\w+)?$|.*\.(?:pdf|ps|ppt|pptx)$")
# ``Some papers belong to more than one category``, ``papers may appear in several sections``:
# the list says it files a paper under each category it fits.
_CROSS_LISTED = re.compile(
    r"(?:belongs?|appears?|listed|falls?|fits?)\s+(?:in|into|to|under)\s+"
    r"(?:more\s+than\s+one|multiple|several|many|two\s+or\s+more)\s+"
    r"(?:categor|sections?|topics?|classes|groups)",
    re.IGNORECASE,
)
_CROSS_LISTING_VERBS = ("belong", "appear", "listed", "fall", "fit")
_CROSS_LISTING_NOUNS = ("categor", "section", "topic", "classes", "group")
# A file's name and its document format (``.../Trees.pdf``), and the formats of slides.
_DOCUMENT_FORMAT = re.compile(r"(?P<stem>.+)\.(?P<format>pdf|ps|pptx?|key|odp|docx?)", re.I)
_SLIDE_FORMATS = frozenset(("ppt", "pptx", "key", "odp"))
_MAX_VENUE_WORDS = 6  # words between a title and its year that can be an abbreviated venue
# The words of an author list, and those that name no one.
_NAME_WORD = re.compile(r"[^\W\d_]{3,}")
_NOT_NAMES = frozenset(("and", "et", "al", "others", "der", "van", "von", "del", "della"))
# Where a venue says what it is: a paper's conference version and its later journal version.
_CONFERENCE = re.compile(
    r"conference|symposium|workshop|congress|학술대회|학술발표|会议|大会", re.I
)
_JOURNAL = re.compile(
    r"journal|transactions|trans\.|letters|magazine|found(?:ations|\.)\s+(?:and\s+)?trends"
    r"|논문지|학회지|学报|期刊",
    re.I,
)
# Journals known by their acronym alone (``IJCV``, ``TPAMI``): where a conference's paper
# appears again, extended, a year or more later.
_JOURNAL_ACRONYM = re.compile(
    r"(?<![A-Za-z])(?:IJCV|T-?PAMI|PAMI|TIP|TOG|JMLR|TNNLS|TKDE|TMI|TMM|TCSVT|T-?ITS|T-?RO|IJRR"
    r"|TVCG|TACL|TMLR|JAIR)(?![A-Za-z])"
)
# ``Doe, J.``, ``Calvanese, D., & Lanti, D.``: a reference's authors, surname then initials.
_AUTHOR_LABEL = re.compile(r"[^\W\d_][\w'’-]*,\s*(?:[A-Z]\.\s*)+(?:[,&(]|$)")
# ``Jiang W, Luo J.``, ``Trirat P, Yoon S, Lee J G, et al.``: a GB/T author list (surnames
# and their initials), where a citation's title was not read apart from it.
_NAME_INITIALS = r"[^\W\d_][\w'’-]*(?:\s[A-Z]){1,3}"
_GBT_AUTHORS = re.compile(rf"{_NAME_INITIALS}(?:,\s*{_NAME_INITIALS})+(?:,\s*et\s+al)?\.?")
# ``PairwiseDistance: Title``, ``**EdgeMask** - Title``, ``Motif Prediction — "Title"``: a
# name that leads an entry, then a separator (or, in bold, a space), then the rest. No commas
# (an author list), no brackets (a tag the list shares: ``[CVPR 2020]``, ``[Acme]``). At most
# 100 characters (a name has six words at most), and the spaces after it taken whole (a
# lookahead and its backreference: an atomic group): a lazy name before ``\s*`` and a
# separator's own ``\s*`` would try every split of a long run of spaces.
_LEAD_NAME = re.compile(
    r"\s*(?P<bold>\*\*|__)?(?P<name>[^\W_][^\n:：|*_,，\[\]()（）【】]{0,100}?)"
    r"(?=(?P<gap>\s*))(?P=gap)(?(bold)(?:\*\*|__))"
    r"(?:(?P<sep>(?<=\s)[-–—]+\s+|\s*[:：|]\s*|\s+[-–—]+\s+|(?(bold)\s+|(?!)))|\s*$)"
)
_MAX_LEAD_NAME_WORDS = 6
_TITLE_LINES = 3  # parent lines over one entry each that make the list's habit


def same_paper(first: str, second: str, threshold: float = 90.0) -> bool:
    """True when two normalised titles name one paper despite typos, case or punctuation.

    A high overall score is not enough: "Off-diagonal Ramsey numbers" and "Off-diagonal book
    Ramsey numbers" score 91 but differ by a whole word, which makes another paper. Every word
    that only one title has must be a typo of a word only the other has.
    """
    if first == second or first.replace(" ", "") == second.replace(" ", ""):
        return True
    from rapidfuzz.fuzz import ratio

    if not ratio(first, second, score_cutoff=threshold):
        return False
    return _words_align(first.split(), second.split())


def _words_align(first: list[str], second: list[str]) -> bool:
    from rapidfuzz.fuzz import ratio

    only_first, only_second = _missing(first, second), _missing(second, first)
    for word in only_first:
        partner = max(only_second, key=lambda other: ratio(word, other), default=None)
        if partner is not None and ratio(word, partner) >= _TYPO_SCORE and _typo(word, partner):
            only_second.remove(partner)
        elif word not in _FILLER_WORDS:
            return False
    return all(word in _FILLER_WORDS for word in only_second)


def _typo(word: str, other: str) -> bool:
    """Whether two close words may be one word mistyped, not two names: ``beta1`` and
    ``beta2``, ``7b`` and ``70b`` differ in a number (a version, a size); ``gpl`` and ``agpl``,
    ``lm`` and ``llm`` in letters put before a word, and ``qm7`` and ``qm7b``, ``yolov5`` and
    ``yolov5u`` in letters put after a number (a variant), which make another name; two known
    venues (``ECCV`` and ``ICCV``, ``CVPR2022`` and ``ECCV2022``) are two events. Letters
    after a word's letters (``network``, ``networks``) may be a slip."""
    if _digits(word) != _digits(other) or _volumes_apart(word, other):
        return False
    venues = venue_word(word), venue_word(other)
    if venues[0] is not None and venues[1] is not None:
        return False  # ``eccv2022`` and ``iccv2022``: two venues, whatever letter differs
    shorter, longer = sorted((word, other), key=len)
    if shorter[-1:].isdigit() and longer.startswith(shorter):
        return False
    return not (word.endswith(other) or other.endswith(word))


# Characters that tell the volumes or parts of one work apart, each group a set of its own:
# ``宏观`` and ``微观`` (macro, micro), ``上册`` and ``下册``, ``第一卷`` and ``第二卷``,
# ``Ⅰ`` and ``Ⅱ``. Two words that differ only in such characters of one group name two
# books of a set, not one book mistyped.
_VOLUME_GROUPS = ("上中下", "宏微", "前后", "正续", "甲乙丙丁", "一二三四五六七八九十", "ⅠⅡⅢⅣⅤⅥ")
_VOLUME_GROUP = {char: index for index, group in enumerate(_VOLUME_GROUPS) for char in group}


def _volumes_apart(word: str, other: str) -> bool:
    """Whether two words of one length differ only where each holds a volume marker of one
    group (``_VOLUME_GROUPS``)."""
    if len(word) != len(other) or word.isascii():
        return False
    pairs = [(a, b) for a, b in zip(word, other, strict=True) if a != b]
    return bool(pairs) and all(
        _VOLUME_GROUP.get(a, -1) == _VOLUME_GROUP.get(b, -2) for a, b in pairs
    )


def _digits(word: str) -> str:
    return "".join(char for char in word if char.isdigit())


def _missing(words: list[str], others: list[str]) -> list[str]:
    """``words`` less ``others`` as multisets, in the order the words first appear."""
    present = set(others)
    if len(present) == len(others) and len(set(words)) == len(words):
        return [word for word in words if word not in present]  # no repeats: Counters cost 4x
    return list((Counter(words) - Counter(others)).elements())


def near_pairs(titles: Sequence[str], threshold: float = 90.0) -> list[tuple[int, int]]:
    """Sorted index pairs ``(i, j)``, ``i < j``, of different titles that are ``same_paper``.

    Equal titles are left out: they are exact copies, which ``copies`` finds by hashing. Only the
    candidates are scored, first with one call into rapidfuzz each, then word by word.
    """
    compact = [title.replace(" ", "") for title in titles]
    candidates = candidate_pairs(titles, threshold, compact)
    if not candidates:
        return []  # the usual small list: rapidfuzz is not even imported
    from rapidfuzz.fuzz import ratio

    return sorted(
        (first, second)
        for first, second in candidates
        if titles[first] != titles[second]
        and (
            compact[first] == compact[second]
            or (
                ratio(titles[first], titles[second], score_cutoff=threshold)
                and _words_align(titles[first].split(), titles[second].split())
            )
        )
    )


def candidate_pairs(
    titles: Sequence[str], threshold: float = 90.0, compact: Sequence[str] | None = None
) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, worth the word-by-word check; near-linear in the titles.

    Two titles of one paper share every word but the mistyped ones, so they share most of their
    rarest words. Each title is filed under every three of its four rarest words (fillers aside);
    titles filed together are candidates. With one word mistyped, the two signatures still share
    three words, so the pair is found however many titles the list holds: recall does not drop
    with size. Three words together are rare even when each word is common, so most groups are
    small and all their pairs are candidates. A larger group (a common phrase such as "printed
    circuit boards") is scored inside rapidfuzz, each title against the ones after it, and only
    pairs reaching ``threshold`` are kept. Only a group of more than ``_MAX_GROUP`` titles falls
    back to sorted neighbourhood, which bounds the cost on any input.

    Neighbours in the sorted order of the spellings without spaces, forwards and backwards, that
    agree on at least half their length, add what words cannot: the same spelling split
    otherwise ("few-shot" / "fewshot"), short titles, and typos in two words of the same half.
    """
    if compact is None:
        compact = [title.replace(" ", "") for title in titles]
    pairs: set[tuple[int, int]] = set()
    for members in _signature_groups(titles):
        if len(members) <= _SMALL_GROUP:
            for position, first in enumerate(members):
                pairs.update((first, second) for second in members[position + 1 :])
        elif len(members) <= _MAX_GROUP:
            pairs.update(_scored_pairs(titles, members, threshold))
        else:
            members.sort(key=compact.__getitem__)
            pairs.update(_neighbours(members, _WINDOW))
    pairs.update(_sharing_half(compact))
    pairs.update(_sharing_half([spelling[::-1] for spelling in compact]))
    return pairs


def _scored_pairs(
    titles: Sequence[str], members: list[int], threshold: float
) -> Iterator[tuple[int, int]]:
    """Pairs of a group (in index order) whose titles score ``threshold``, compared in C; each
    title with at most ``_PARTNERS`` earlier ones, its closest.

    The bound keeps the work in Python linear: in a group of a thousand near-identical titles
    every pair scores, and checking each word by word took 20 s. One paper listed more than
    ``_PARTNERS`` times is still found, each copy with the titles closest to it.
    """
    from rapidfuzz.fuzz import ratio
    from rapidfuzz.process import extract

    choices = [titles[member] for member in members]
    for position in range(1, len(members)):
        for _, _, offset in extract(
            choices[position],
            choices[:position],
            scorer=ratio,
            score_cutoff=threshold,
            limit=_PARTNERS,
        ):
            yield members[offset], members[position]


def _signature_groups(titles: Sequence[str]) -> list[list[int]]:
    """Groups of two or more titles, in index order, sharing three of their rarest words."""
    words = list(map(str.split, titles))
    # No list of word sets: at 100,000 titles it would weigh over 100 MB. Words are counted once
    # per occurrence, which ranks them just as well.
    frequency = Counter(chain.from_iterable(words))
    # Words numbered from the rarest, fillers last, so that a title's signature is its smallest
    # numbers and a triple of numbers packs into one int key (cheaper than a tuple of words).
    # Two stable sorts in C (by count, ties by spelling) instead of a key function in Python.
    ranked = sorted(sorted(frequency), key=frequency.__getitem__)
    ranked = [word for word in ranked if word not in _FILLER_WORDS] + [
        word for word in ranked if word in _FILLER_WORDS
    ]
    number = {word: rank for rank, word in enumerate(ranked)}.__getitem__
    fillers = len(ranked) - len(_FILLER_WORDS.intersection(frequency))
    # Words no other title has come first (numbers below ``unique``). A key holding one is one
    # title's alone and never makes a group: such keys are not filed at all.
    unique = sum(1 for word in ranked[:fillers] if frequency[word] == 1)
    base = len(ranked) + 1
    keys: list[int] = []
    owners: list[int] = []
    # Performance (issue 10.5): every title's word numbers, deduplicated and sorted, in C.
    signatures = map(sorted, map(set, map(map, repeat(number), words)))
    for index, signature in enumerate(signatures):
        if len(signature) < _SIGNATURE or signature[_SIGNATURE - 1] >= fillers:
            # A short title: filed under all its words, a key apart from the triples.
            if signature and signature[0] < unique:
                continue
            key = 0
            for word_number in signature[:_SIGNATURE]:
                key = key * base + word_number + 1 if word_number < fillers else key
            keys.append(-key)
            owners.append(index)
            continue
        first, second, third, fourth = signature[:_SIGNATURE]
        if second < unique:
            continue
        keys.append(((second * base) + third) * base + fourth)
        owners.append(index)
        if first < unique:
            continue
        keys += (
            ((first * base) + third) * base + fourth,
            ((first * base) + second) * base + fourth,
            ((first * base) + second) * base + third,
        )
        owners += (index, index, index)
    # Most keys are held by one title: count them in C first, then group only the shared ones.
    shared = {key for key, count in Counter(keys).items() if count > 1}
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for key, owner in zip(keys, owners, strict=True):
        if key in shared:
            groups[key].append(owner)
    return list(groups.values())


def _neighbours(ordered: list[int], window: int) -> Iterator[tuple[int, int]]:
    for position, first in enumerate(ordered):
        for second in ordered[position + 1 : position + 1 + window]:
            yield (first, second) if first < second else (second, first)


def _sharing_half(spellings: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Neighbours in sorted order whose spellings agree on the first half of the shorter one."""
    order = sorted(range(len(spellings)), key=spellings.__getitem__)
    for first, second in pairwise(order):
        one, other = spellings[first], spellings[second]
        half = min(len(one), len(other)) // 2
        if one[:half] == other[:half]:
            yield (first, second) if first < second else (second, first)


def copies(entries: Sequence[Entry]) -> list[list[Entry]]:
    """Groups of entries that are the same paper by exact evidence, in document order.

    Two entries are copies when their normalised titles are equal (``Entry.copy_title``: for a
    short ``[Name](url)`` also their links, ``[Learning](a)`` and ``[Learning](b)`` are two
    resources), when their whole text is the same, or when they share a key and their titles are
    the same paper (a shared key over two different papers is a key conflict). A title shared
    by two sub-items of different entries (``- Jane Doe, John Roe. *ACL*, 2021.`` under two
    papers) is a detail of each, not one paper. Three rules ask about one document:
    ``Document.copies`` keeps the answer.
    """
    parent = list(range(len(entries)))
    # Performance (issue 3): only entries joined to another are grouped at the end, not all.
    joined: set[int] = set()

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def join(index: int, first: int) -> None:
        parent[root(index)] = root(first)
        joined.update((index, first))

    by_title: dict[tuple[str, str], list[int]] = {}
    by_body: dict[str, int] = {}
    by_key: dict[str, int] = {}
    owners = _owners(entries)
    # Performance (issue 10.5): each copy title read once, not again for the categories.
    titles = [entry.copy_title for entry in entries]
    categories = _category_skeletons(entries, titles)
    for index, entry in enumerate(entries):
        title = titles[index]
        # Performance (issue 10.5): most lists have no category skeleton, and most entries of
        # a list in the reference shape no link (whose body would be compared): no call for them.
        if (
            title
            and not (categories and _a_category(entry, title, categories))
            and (copied := _copied(entries, by_title.setdefault((owners[index], title), []), index))
            is not None
        ):
            join(index, copied)
        body = _body(entry) if entry.links else ""
        if body and (first := by_body.setdefault(body, index)) != index:
            join(index, first)
        key = entry.key_text
        if (
            key
            and (first := by_key.setdefault(key, index)) != index
            and same_paper(entries[first].title_text, entry.title_text)
        ):
            join(index, first)
    groups: defaultdict[int, list[Entry]] = defaultdict(list)
    for index in sorted(joined):
        groups[root(index)].append(entries[index])
    return list(groups.values())


def _copied(entries: Sequence[Entry], things: list[int], index: int) -> int | None:
    """The earlier entry of the title that the entry copies, or None (the entry is then one
    more thing of the title, remembered among the first few). Each thing is compared, not the
    first only: a third row of one name may copy the second (``Python`` on two sites, then
    the second again)."""
    entry = entries[index]
    found = next((one for one in things if not _other_papers(entries[one], entry)), None)
    if found is None and len(things) < _TITLE_THINGS:
        things.append(index)
    return found


def _category_skeletons(entries: Sequence[Entry], titles: list[str]) -> set[tuple[str, str]]:
    """The ways of writing an entry (``(shape, form)``) whose short "title" is a category: one
    name held by ``_CATEGORY`` entries or more with as many different links (``- [2019]
    [Encoder-decoder networks] **Title** [paper]``, read up to the tag). A paper listed three
    times under three links is rare; a tag shared by the papers of one kind is the habit. Where
    one short title of a skeleton is a category, its other short titles are read as tags too:
    equal, they say two papers are of one kind, not one paper."""
    links: defaultdict[tuple[str, str, str], set[str]] = defaultdict(set)
    for entry, title in zip(entries, titles, strict=True):
        link = entry.primary_link
        if title and link is not None and title.count(" ") < _NAME_SPACES:
            links[(entry.shape, entry.form, title)].add(normalize_url(link.url.text))
    return {(shape, form) for (shape, form, _), urls in links.items() if len(urls) >= _CATEGORY}


def _a_category(entry: Entry, title: str, categories: set[tuple[str, str]]) -> bool:
    return title.count(" ") < _NAME_SPACES and (entry.shape, entry.form) in categories


def label_items(text: str, entries: Sequence[Entry]) -> frozenset[int]:
    """The list items (by id) that label the papers below them (``- Reward design``), in a
    list that says a paper may belong to several categories: there a paper under two labels is
    cross-listed on purpose. None elsewhere: there a rule that pairs copies judges labels by
    its own evidence (duplicate-entry takes any two label items for two groups; duplicate-link
    needs more than the labels to call a shared link deliberate)."""
    if not _may_declare_cross_listing(text) or not _CROSS_LISTED.search(text):
        return frozenset()
    papers = {id(entry.item) for entry in entries if entry.item is not None}
    return frozenset(
        id(entry.item.parent)
        for entry in entries
        if entry.item is not None
        and entry.item.parent is not None
        and id(entry.item.parent) not in papers
    )


def _may_declare_cross_listing(text: str) -> bool:
    """Whether ``text`` may say it cross-lists papers (``_CROSS_LISTED``): each way writes one
    of its verbs and one of its nouns. Tested on lower-cased ASCII text: the case-blind
    pattern takes 45 ms on a list of 1 MB (and matches ``ſ`` for ``s``, hence the ASCII test)."""
    if not text.isascii():
        return True
    lower = text.lower()
    return any(verb in lower for verb in _CROSS_LISTING_VERBS) and any(
        noun in lower for noun in _CROSS_LISTING_NOUNS
    )


def _other_papers(first: Entry, second: Entry) -> bool:
    """Two entries of one name whose links differ on every site they share (two arXiv ids, two
    GitHub repositories, two model cards): a name (``TransRec``, ``CodeParrot``) is given to
    several things (models, their sizes, a model and its dataset), each with its own page. A
    name linked on two sites (a repository, a home page) may be one thing. A whole paper title
    is not a name: one paper may have two arXiv ids, or two notes on one site, and is still
    listed twice, except as sub-items of two different items with two DOIs or two arXiv ids
    (``[Wavefunction version](doi-a)`` under *QM9* and ``[Wavefunction version](doi-b)`` under
    *QM7*; one author line ``J. Doe, A. Roe. *KDD 2020*. [[pdf]](arxiv-a)`` under two papers,
    the other on ``arxiv-b``): an id names one object, and the parents say what each belongs to.

    Whatever the title, two parts of one work (``[Survey](url)（上）`` and ``（下）``, ``Part 1``
    and ``Part 2`` after the link) are two entries, and so are two pages of one catalogue that
    differ only in a number (``nptel.ac.in/courses/106106127`` and ``.../106106133``: two
    courses of one title, two offerings of one course) and the pages of two sites that are
    neither paper nor code hosts (one course title from two providers). So are two sizes or
    versions of one name (``| GPT-Neo | 2.7B |`` and ``| GPT-Neo | 1.3B |``, ``LAION`` with
    ``400M`` and ``5B``, ``v3`` and ``v5``), two yearly editions of one event
    (``_other_editions``), a page with a named page below it (``_page_and_subpage``), and two
    rows of records that are no papers: on two dates (``_two_records``) or by two makers
    (``_other_makers``)."""
    if (
        _part_marker(first) != _part_marker(second)
        or _volumes_named_apart(first, second)
        or _subtitles_apart(first, second)
        or _other_sizes(first, second)
        or _other_pages(first, second)
        or _two_by_one_author(first, second)
        or _two_publications(first, second)
        or _other_offerings(first, second)
        or _other_editions(first, second)
        or _page_and_subpage(first, second)
        or _two_records(first, second)
        or _other_makers(first, second)
        or _two_dated_values(first, second)
        or _by_other_authors(first, second)
        or _paper_and_slides(first, second)
    ):
        return True
    one, other = _paper_ids(first), _paper_ids(second)
    shared = one.keys() & other.keys()
    if first.title_text.count(" ") >= _NAME_SPACES and not _repositories(first, second):
        if not _two_parents(first, second):
            return False
        shared &= {"doi", "arxiv"}
    return bool(shared) and all(not one[site] & other[site] for site in shared)


def _repositories(first: Entry, second: Entry) -> bool:
    """Whether every link of both entries is a repository's home on a code host
    (``[[Github](github.com/a/x)] Blender renderer for python`` and ``github.com/b/y`` with the
    same words): a repository is one thing, so two repositories are two, whatever their
    descriptions say. A paper's copies share its paper link, and two folders of one
    repository under one title are one title copied (the folder's own may be missing)."""
    links = [link.url.text for entry in (first, second) for link in entry.real_links]
    return (
        bool(first.real_links and second.real_links)
        and all(link_kind("", url) == "code" for url in links)
        and all(normalize_url(url).count("/") == 2 for url in links)
    )


def other_repositories(first: Entry, second: Entry) -> bool:
    """Whether both entries link only repositories' homes on code hosts (``_repositories``) and
    share none of them: two repositories (two owners' lists of one name, a fork and its
    source) are two things, however alike their titles read."""
    if not _repositories(first, second):
        return False
    mine = {normalize_url(link.url.text) for link in first.real_links}
    return not any(normalize_url(link.url.text) in mine for link in second.real_links)


def _two_publications(first: Entry, second: Entry) -> bool:
    """``| 2015. 12. | Winter Conference | Title |`` and ``| 2016. 8. | Journal | Title |``: one
    title at a conference and, later, in a journal, with no link in common, is a conference
    paper and its journal version: two publications, so too ``CVPR 2017`` and ``IJCV 2019``
    on one arXiv id (arXiv keeps both versions). A preprint and its venue (``arXiv 2022``,
    ``ICLR 2023``), two journals (one of them wrong), a journal before the conference, two
    spellings of one venue or one other link shared (a DOI) are one paper whose copies
    disagree: metadata-conflict's case."""
    one, other = _venue_words(first), _venue_words(second)
    if one is None or other is None or first.year_value == second.year_value:
        return False
    if first.year_value is None or second.year_value is None:
        return False
    if first.year_value > second.year_value:
        one, other = other, one  # the earlier publication first
    if not (_at_conference(one) and _in_journal(other)):
        return False
    if _in_journal(one) or _at_conference(other):
        return False
    links = {normalize_url(link.url.text) for link in first.real_links}
    return not any(
        (url := normalize_url(link.url.text)) in links and not url.startswith("arxiv:")
        for link in second.real_links
    )


def _by_other_authors(first: Entry, second: Entry) -> bool:
    """``Word sense disambiguation: a survey`` by ``Alok Pal, Diganta Saha`` in 2015 on one link
    and by ``Roberto Navigli`` in 2009 on another: a generic title given to two papers, told
    apart by authors with no name in common, years and links with no page in common. A shared
    name (``Luise, Giulia et al.`` and ``Luise, G., Huang, C.W.``) or a shared link is one paper
    written two ways, and one year under two author lists a title pasted over the wrong paper."""
    if first.authors is None or second.authors is None:
        return False
    if first.year_value is None or second.year_value in (None, first.year_value):
        return False
    if not first.real_links or not second.real_links:
        return False
    names = [_author_names(copy.authors.text) for copy in (first, second) if copy.authors]
    if not names[0] or not names[1] or names[0] & names[1]:
        return False
    links = {normalize_url(link.url.text) for link in first.real_links}
    return not any(normalize_url(link.url.text) in links for link in second.real_links)


def _author_names(authors: str) -> set[str]:
    """The words of an author list that can be names (three letters or more), in lower case."""
    return {
        word.casefold() for word in _NAME_WORD.findall(authors) if word.casefold() not in _NOT_NAMES
    }


def _paper_and_slides(first: Entry, second: Entry) -> bool:
    """``[Trees](.../Trees.pdf)`` and ``[Trees](.../Trees.ppt)``: one file name in two document
    formats, one of them slides: the paper and its slides side by side, two entries. One file
    twice, or two files of one format, stay one entry twice."""
    one, other = _link_of(first), _link_of(second)
    if one is None or other is None:
        return False
    parts = [_DOCUMENT_FORMAT.fullmatch(normalize_url(link.url.text)) for link in (one, other)]
    if parts[0] is None or parts[1] is None or parts[0]["stem"] != parts[1]["stem"]:
        return False
    formats = {parts[0]["format"].casefold(), parts[1]["format"].casefold()}
    return len(formats) == 2 and bool(formats & _SLIDE_FORMATS)


def _venue_words(entry: Entry) -> str | None:
    """The entry's venue, or, where the reader found none, the few words between its title and
    its year on one line (``**Title.** Found. Trends Inf. Retr. 2020``): a venue's abbreviated
    name, which ``_two_publications`` only asks whether a journal's."""
    if entry.venue is not None:
        return entry.venue.text
    title, year = entry.title, entry.year
    if title is None or year is None or year.start < title.end:
        return None
    between = entry.body.text[title.end - entry.body.start : year.start - entry.body.start]
    words = between.strip(" *_.,:;-–").split()
    if not words or len(words) > _MAX_VENUE_WORDS or "\n" in between.strip():
        return None
    return None if any(char in between for char in "[]()|<>") else " ".join(words)


def _at_conference(venue: str) -> bool:
    """``Winter Conference``, ``CVPR``: a conference's (or a workshop's) name."""
    return _CONFERENCE.search(venue) is not None or names_known_venue(venue)


def _in_journal(venue: str) -> bool:
    """``Journal of ...``, ``IEEE Transactions on ...``, ``IJCV``: a journal's name."""
    return _JOURNAL.search(venue) is not None or _JOURNAL_ACRONYM.search(venue) is not None


def _page_and_subpage(first: Entry, second: Entry) -> bool:
    """``[15-799 Database Systems](cmu.edu/~pavlo/fall2013/)`` and the same name on
    ``.../fall2013/reading-list.html``: two pages of one site, neither a paper's nor a code
    host's, the second a named page right below the first (a course and its reading list, a
    project and its slides): a companion under a copied name, not the entry again. The page's
    own index (``index.html``, ``home``), a document (``.pdf``) or a numbered part deeper down
    (``week/2``) is the page itself, the paper or a piece of the course again."""
    one_link, other_link = _link_of(first), _link_of(second)
    if one_link is None or other_link is None:
        return False
    if {one_link.kind, other_link.kind} - {"other", "project"}:
        return False
    short, long = sorted(
        (normalize_url(link.url.text).partition("?")[0] for link in (one_link, other_link)),
        key=len,
    )
    if "/" not in short or not long.startswith(short + "/"):
        return False
    page = long[len(short) + 1 :].casefold()
    if "/" in page or any(char.isdigit() for char in page):
        return False
    return not _SAME_PAGE.match(page)


def _other_editions(first: Entry, second: Entry) -> bool:
    """``**Legal AI Challenge (CAIL2018)**`` and ``**... (CAIL2019)**``: a name whose own
    words date it, two years apart, and no paper link on either: two editions of a recurring
    event (a competition, a workshop, a course), one entry each. A paper's copies link the
    paper, and one name twice in one year is one entry twice."""
    if first.year_value is None or second.year_value is None:
        return False
    if first.year_value == second.year_value or first.year_how != "title-tag":
        return False
    if second.year_how != "title-tag":
        return False
    return not _paper_linked(first, second)


def _two_dated_values(first: Entry, second: Entry) -> bool:
    """``- Deadline for submissions: **1 December 2023**.`` and ``...: **1 April 2024**.``: a
    label, its colon and a date, no link: two values of one field (the deadlines of two calls),
    not one thing listed with two years. The same line twice is still one line copied."""
    one, other = _dated_value(first), _dated_value(second)
    return one is not None and other is not None and one != other


def _dated_value(entry: Entry) -> str | None:
    """The date an entry without a link gives after its title and a label colon, as its
    whole value (``Deadline: 1 April 2024.``), or None."""
    title, year, body = entry.title, entry.year, entry.body
    if entry.real_links or title is None or year is None or year.start < title.end:
        return None
    rest = body.text[title.end - body.start :].lstrip()
    if not rest.startswith((":", "：")):
        return None
    value = rest[1:].replace("*", " ").replace("_", " ").strip(" .。;；")
    day = value.replace(year.text, " ", 1)
    return value if day != value and is_date(day) else None


def _two_records(first: Entry, second: Entry) -> bool:
    """``| Acme | Orca Server | certified | 2019.12 |`` and ``... | 2020.12 |``: two rows of
    tables of makers' things (a ``Company``, ``Organization``, ``Vendor`` or ``公司`` column)
    that are no papers (no paper link, no venue), each dated by its date column, on two dates:
    one thing certified, released or awarded twice, one row per event, each date right for its
    own. A paper's rows link the paper or name its venue; the same row on one date is a copy,
    and so is a row of a table without makers (a model's checkpoint, a course) on two dates."""
    if first.table is None or second.table is None:
        return False
    if any(table.column(*ORGANISATION_HEADERS) is None for table in (first.table, second.table)):
        return False
    if first.year_how != "year-column" or second.year_how != "year-column":
        return False
    if first.venue is not None or second.venue is not None or _paper_linked(first, second):
        return False
    return _cell_at(first, first.year) != _cell_at(second, second.year)


def _other_makers(first: Entry, second: Entry) -> bool:
    """``| Acme Ltd | Secure Compute Platform |`` and ``| Harbor Inc | Secure Compute Platform
    |`` under ``| Company | Product |``: two rows that are no papers, whose maker's cells (a
    company, an organisation, a vendor) differ, are two makers' things of one generic name.
    A paper is one paper whoever a cell says made it, and rows on one link are one thing
    whoever a cell says wrote it (an article under ``腾讯`` and again under ``腾讯广告``)."""
    if first.table is None or second.table is None or _paper_linked(first, second):
        return False
    mine = {normalize_url(link.url.text) for link in first.real_links}
    if any(normalize_url(link.url.text) in mine for link in second.real_links):
        return False
    makers = []
    for entry in (first, second):
        table = entry.table
        column = table.column(*ORGANISATION_HEADERS) if table is not None else None
        cells = _CELL_SPLIT.split(entry.body.text)
        if table is None or column is None or len(cells) != len(table.header):
            return False
        if entry.title is not None and entry.title.text in cells[column]:
            return False  # the title's own column: its copies are one name
        makers.append(normalize_title(cells[column]))
    return makers[0] != makers[1] and all(makers)


def _paper_linked(first: Entry, second: Entry) -> bool:
    return any(link.kind == "paper" for entry in (first, second) for link in entry.real_links)


def _cell_at(entry: Entry, at: Part | None) -> str:
    """The text of the cell of the entry's row that holds ``at``, spaces folded."""
    if at is None:
        return ""
    text, offset = entry.body.text, at.start - entry.body.start
    start = text.rfind("|", 0, offset) + 1
    end = text.find("|", offset)
    return " ".join(text[start : end if end >= 0 else len(text)].split())


def _two_by_one_author(first: Entry, second: Entry) -> bool:
    """``| Doe et al. | ... | 2019 |`` and ``| Doe et al. | ... | 2022 |``, ``Doe, J. (2024).
    <a href=...>``, ``Doe J, Roe J.``: an author label in the name's place names whoever wrote
    the paper; of two years, or with no link in common, it labels two papers of one author."""
    if first.title is None or not (
        ET_AL.search(first.title_text)
        or _AUTHOR_LABEL.match(first.title.text)
        or _GBT_AUTHORS.fullmatch(first.title.text)
    ):
        return False
    one, other = first.year, second.year
    if one is not None and other is not None and one.text != other.text:
        return True
    links = {normalize_url(link.url.text) for link in first.real_links}
    return not any(normalize_url(link.url.text) in links for link in second.real_links)


def _other_offerings(first: Entry, second: Entry) -> bool:
    """Two rows of tables of courses or talks (a column names each row's instructor, speaker or
    university) whose who, year or term cells differ, each with its own links: a generic title
    (``Deep Learning``) given by two teachers, or one course's two yearly offerings. Rows on the
    same links are one row twice, whatever their cells say."""
    links = [{normalize_url(link.url.text) for link in entry.links} for entry in (first, second)]
    if not links[0] or not links[1] or links[0] == links[1]:
        return False
    one, other = _offering(first), _offering(second)
    if one is None or other is None:
        return False
    return any(
        len(values := {mine, theirs}) == 2 and "" not in values
        for mine, theirs in zip(one, other, strict=True)
    )


def _offering(entry: Entry) -> tuple[str, str] | None:
    """A course row's who and when cells (``Ann Lee, Lakeside``, ``2019``), in lower case
    ("" for a table without a when column), or None outside a table of courses or talks."""
    table = entry.table
    if table is None or (who := table.column(*_WHO_COLUMNS)) is None:
        return None
    cells = [" ".join(cell.split()).casefold() for cell in _CELL_SPLIT.split(entry.body.text)]
    if len(cells) != len(table.header):
        return None
    when = table.column(*_WHEN_COLUMNS)
    return cells[who], cells[when] if when is not None else ""


def _other_sizes(first: Entry, second: Entry) -> bool:
    """Two entries of one name, each giving a size or a version the other does not give
    (``2.7B`` and ``1.3B``, ``v3`` and ``v5``): two releases, listed once each on purpose.
    Sizes in a link's URL (``gpt-j-6B``) are the page's, and a whole paper title is one paper
    whatever its copies say of the models in it."""
    if first.title_text.count(" ") >= _NAME_SPACES:
        return False
    one, other = _sizes(first), _sizes(second)
    return bool(one and other) and not one & other


def _sizes(entry: Entry) -> set[str]:
    """The sizes and versions written in the entry, outside its links' URLs, in lower case."""
    return {match.group(0).casefold() for match in _SIZE.finditer(_text_outside_urls(entry))}


def _text_outside_urls(entry: Entry) -> str:
    """The entry's text with its links' URLs left out (each a space)."""
    body = entry.body
    text, at = [], body.start
    for link in entry.links:
        if at <= link.url.start and link.url.end <= body.end:
            text.append(body.text[at - body.start : link.url.start - body.start])
            at = link.url.end
    text.append(body.text[at - body.start :])
    return " ".join(text)


def _part_marker(entry: Entry) -> str:
    """The part of a work written right after the entry's title (``（上）``, ``(2)``, ``Part
    II``), in lower case, or ""."""
    title = entry.title
    if title is None:
        return ""
    link = entry.title_link
    end = max(title.end, link.end if link is not None else 0)
    text = entry.body.text[end - entry.body.start :]
    marker = _PART_MARKER.match(text)
    if marker is None:
        return ""
    number = marker.group("number") or marker.group("alone")
    if number is None:
        return marker.group("part")
    word = (marker.group("word") or "")[:2].casefold()
    return f"{word}{_numeral(number.casefold())}"  # ``vol. II`` is ``vol. 2``


def _volumes_named_apart(first: Entry, second: Entry) -> bool:
    """Both entries name a volume, part or edition of one kind (``vol. 1`` and ``vol. 2``,
    ``Teil I`` and ``Teil II``, ``2nd ed.`` and ``3rd ed.``), in the title or after it, and
    they name different ones: two books of a set or two editions, listed once each on
    purpose. The same volume twice, or a volume on one copy only, stays one entry."""
    one, other = _volumes(first), _volumes(second)
    return any(one[kind] != other[kind] for kind in one.keys() & other.keys())


def _volumes(entry: Entry) -> dict[str, set[int]]:
    """The volumes, parts and editions the entry's text names outside its links' URLs, by kind."""
    found: dict[str, set[int]] = {}
    for match in _VOLUME.finditer(_text_outside_urls(entry)):
        word = match.group("word") or match.group("edition") or match.group("unit")
        kind = _VOLUME_KINDS[word.casefold().rstrip(".")]
        number = match.group("number") or match.group("ordinal") or match.group("cjk")
        found.setdefault(kind, set()).add(_numeral(number.casefold()))
    return found


def _numeral(number: str) -> int:
    """The value of a volume's number: ``2``, ``ii``, ``Ⅱ``, ``二`` (``十二`` is 12)."""
    if number.isdigit() and number.isascii():
        return int(number)
    if number[0] in _NUMERALS:
        values = [_NUMERALS[char] for char in number]
        return sum(values) if len(values) < 3 else values[0] * 10 + values[2]
    values = [_ROMAN_VALUES[char] for char in number]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def _subtitles_apart(first: Entry, second: Entry) -> bool:
    """``Geometry and Learning from Data - **Shape Analysis**`` and ``... - **Geometric
    Processing**``: plain titles, each followed by a name of its own in bold after a dash (a
    workshop of a programme, a part of a series), and the names differ: the title is their
    shared prefix, the bold name tells which thing each is. A venue, a year or a preprint
    server in bold (``- **CVPR 2020**``) says where the paper is, and a name on one copy only
    (``- **Code**``) is no second thing: those stay one title."""
    names = [_subtitle(entry) for entry in (first, second)]
    return names[0] is not None and names[1] is not None and names[0] != names[1]


def _subtitle(entry: Entry) -> str | None:
    """The bold name after the entry's plain title and a dash, in normal form, or None."""
    title = entry.title
    if entry.form != "plain" or title is None:
        return None
    found = _SUBTITLE.match(entry.body.text, title.end - entry.body.start)
    if found is None:
        return None
    name = found.group("name")
    if holds_year_like(name) or names_known_venue(name) or preprint_marker(name):
        return None
    return normalize_title(name) or None


def _other_pages(first: Entry, second: Entry) -> bool:
    """Whether the two entries' links, neither on a paper's nor on a code host, are pages of
    two sites (one course title taught by two providers) or two pages of one site that differ
    in one path part only, both there a number of three digits or more (a course id, an
    offering, a video), or whose paths first part ways at an edition (``/2.1/`` and ``/2.2/``,
    ``/2019/`` and ``/2020/``: one talk or workshop at two editions of an event). One paper on
    two hosts, one repository twice, stay one entry."""
    one_link, other_link = _link_of(first), _link_of(second)
    if one_link is None or other_link is None:
        return False
    if {one_link.kind, other_link.kind} - {"other", "project"}:
        return False
    one, other = (normalize_url(link.url.text).split("/") for link in (one_link, other_link))
    if one[0] != other[0]:
        return True
    parted = next(((a, b) for a, b in zip(one, other, strict=False) if a != b), None)
    if parted is not None and all(_EDITION.fullmatch(part) for part in parted):
        return True
    if len(one) != len(other) or len(one) < 2:
        return False
    differing = [(a, b) for a, b in zip(one, other, strict=True) if a != b]
    return len(differing) == 1 and all(_PAGE_NUMBER.search(part) for part in differing[0])


def _link_of(entry: Entry) -> Link | None:
    """The entry's primary link, or the link labelled by its title (``| JavaScript | Kirupa |
    [JavaScript](url) |``: a row whose name cell is plain is its ``[Name](url)``)."""
    link = entry.primary_link
    if link is not None or not entry.title_text:
        return link
    title = entry.title_text
    return next((one for one in entry.real_links if normalize_title(one.label.text) == title), None)


def other_ids(first: Entry, second: Entry) -> bool:
    """Whether both entries name their paper by an id of one scheme (arXiv, DOI, OpenReview)
    and the ids differ: two papers (*Fast R-CNN* and *Faster R-CNN*), however alike the titles
    read."""
    one, other = _paper_ids(first), _paper_ids(second)
    shared = one.keys() & other.keys() & _ID_SCHEMES
    return bool(shared) and all(not one[scheme] & other[scheme] for scheme in shared)


def _two_parents(first: Entry, second: Entry) -> bool:
    """Whether both entries are sub-items, of two different list items."""
    one = first.item.parent if first.item is not None else None
    other = second.item.parent if second.item is not None else None
    return one is not None and other is not None and one is not other


def _paper_ids(entry: Entry) -> dict[str, set[str]]:
    """The entry's links in normal form (``arxiv:2306.01475``, ``github.com/owner/name``), by
    id scheme or site."""
    found: dict[str, set[str]] = {}
    for link in entry.real_links:
        target = normalize_url(link.url.text)
        scheme, colon, _ = target.partition(":")
        if colon and scheme in _ID_SCHEMES:
            found.setdefault(scheme, set()).add(target)
        elif "/" in target:
            found.setdefault(target.split("/", 1)[0], set()).add(target)
    return found


def _owners(entries: Sequence[Entry]) -> list[str]:
    """For each entry, the title of the entry whose sub-item it is ("" at the top, and for a
    ``[Name](url)``, which its link identifies wherever it is)."""
    by_item = {id(entry.item): entry for entry in entries if entry.item is not None}
    owners = []
    for entry in entries:
        parent = entry.item.parent if entry.item is not None and entry.form != "link" else None
        while parent is not None and id(parent) not in by_item:
            parent = parent.parent
        owners.append(by_item[id(parent)].copy_title if parent is not None else "")
    return owners


def _body(entry: Entry) -> str:
    """The entry's whole text, spaces folded, when it holds a link: two such are one entry
    whatever their title was read as (``| 9 | [AmazonQA](url) | ... |`` twice)."""
    return " ".join(entry.body.text.split()) if entry.real_links else ""


def derived_listings(
    entries: Sequence[Entry], groups: Sequence[Sequence[Entry]]
) -> dict[int, bool]:
    """The containers (by id: a section's own list, a table) that repeat the list's entries in
    another form: an index by theme, a summary table, a showcase of picks.

    Three entries or more, most of them the same paper (a copy in ``groups``, or the same link)
    as an entry of another container, most of those written in another form there (shorter, or
    in another shape: a row beside an item), their fullest copies in two other containers or
    more. A block pasted twice is the same lines again, from one section; a derived listing
    gathers several sections' entries in its own shorter form, so the repeats between it and the
    body are deliberate. So does a list of recent additions, in the body's own form, gathered
    from three containers or more: there a copy is deliberate, but a link in it is as written
    in the body, and a wrong one is still wrong. A body section whose papers an index repeats is
    no derived listing: its entries are the longer form. Each container maps to whether it is
    written in another form.
    """
    members: defaultdict[int, list[Entry]] = defaultdict(list)
    for entry in entries:
        members[id(entry.container)].append(entry)
    elsewhere = _elsewhere(entries, groups)
    derived: dict[int, bool] = {}
    for container, held in members.items():
        if len(held) < _DERIVED_ENTRIES:
            continue
        repeats = [(entry, elsewhere[id(entry)]) for entry in held if elsewhere[id(entry)]]
        reshaped = sum(_another_form(entry, others) for entry, others in repeats)
        # Each repeat's source is its fullest copy: a placeholder in every section has one.
        sources = {
            id(max(others, key=lambda other: len(other.body.text)).container)
            for _, others in repeats
        }
        reshaped_index = len(sources) >= 2 and reshaped * 2 > len(held)
        additions = len(sources) >= _GATHERED_SECTIONS and len(repeats) * 10 >= len(held) * 9
        if len(repeats) * 2 > len(held) and (reshaped_index or additions):
            derived[container] = reshaped_index
    return derived


def _elsewhere(
    entries: Sequence[Entry], groups: Sequence[Sequence[Entry]]
) -> dict[int, list[Entry]]:
    """Each entry's copies (by ``groups``, or by its link) held in another container."""
    group_of = {id(entry): index for index, group in enumerate(groups) for entry in group}
    sharing: defaultdict[tuple[str, object], list[Entry]] = defaultdict(list)
    keys: dict[int, list[tuple[str, object]]] = {}
    for entry in entries:
        own: list[tuple[str, object]] = []
        if id(entry) in group_of:
            own.append(("copy", group_of[id(entry)]))
        link = entry.primary_link
        if link is not None and ("." in (url := normalize_url(link.url.text)) or ":" in url):
            own.append(("link", url))
        keys[id(entry)] = own
        for key in own:
            sharing[key].append(entry)
    return {
        id(entry): list(
            {
                id(other): other
                for key in keys[id(entry)]
                if len(sharing[key]) <= _DERIVED_MAX_COPIES
                for other in sharing[key]
                if other.container is not entry.container
            }.values()
        )
        for entry in entries
    }


def _another_form(entry: Entry, others: list[Entry]) -> bool:
    """A quarter shorter than the longest of its copies (its description left out, a tail of
    its own), or in a shape none of them has. A copy with a link or a word changed is the
    same form."""
    longest = max(len(other.body.text) for other in others)
    return len(entry.body.text) < longest * _DERIVED_SHORTER or all(
        other.shape != entry.shape for other in others
    )


def title_lines(items: Sequence[ListItem], entries: Sequence[Entry]) -> frozenset[int]:
    """The list items (by id) that are the title line of the one entry nested under them
    (``- PairwiseDistance: Self-Supervised Learning on Graphs.`` over ``  - W. Jin, T. Derr.
    *Arxiv 2020*. [[pdf]](url)``): in a list whose habit it is, a line of its own over each
    entry, holding that entry alone, is the entry's name and title; the entry is the two
    together. A label item over several papers (``- Graph attention``) groups them."""
    held = {id(entry.item) for entry in entries if entry.item is not None}
    children: Counter[int] = Counter(id(item.parent) for item in items if item.parent is not None)
    parents = {
        id(entry.item.parent)
        for entry in entries
        if entry.item is not None
        and entry.item.parent is not None
        and id(entry.item.parent) not in held
    }
    lone = frozenset(parent for parent in parents if children[parent] == 1)
    if len(lone) < _TITLE_LINES or 4 * len(lone) < 3 * len(parents):
        return frozenset()
    return lone


def named_on_top(text: str, first: Entry, second: Entry, lines: frozenset[int]) -> bool:
    """Whether two copies of one paper are each named on top of it by a name of its own
    (``PairwiseDistance: Title`` and ``EdgeMask: Title``, in a title line over the entry,
    ``title_lines``, or before the title read): one source paper, two methods, tasks or
    datasets taken from it, one entry each. Under title lines that name two papers (one author
    line under two titles): two papers."""
    leads = [_lead(text, entry, lines) for entry in (first, second)]
    if leads[0] is None or leads[1] is None:
        return False
    if leads[0][1] and leads[1][1]:
        return title_lines_apart(leads[0][0], leads[1][0])
    return named_apart(leads[0][0], leads[1][0])


def _lead(text: str, entry: Entry, lines: frozenset[int]) -> tuple[str, bool] | None:
    """What precedes the entry's title: its title line's own text (``True``), or its own text
    before the title read; None in a table, whose cells are its columns', not a name and a
    title."""
    item = entry.item
    if item is not None and item.parent is not None and id(item.parent) in lines:
        parent = item.parent
        return text[parent.content_start : parent.content_end], True
    if entry.table is not None or entry.title is None or entry.title.start <= entry.body.start:
        return None
    return text[entry.body.start : entry.title.start], False


def named_apart(lead: str, other: str, *, bare: bool = False) -> bool:
    """Whether two entries of one paper are two things named on top of it: each text leads
    with a name of a few words (``PairwiseDistance: Title``, ``**EdgeMask** - Title``), the
    names differ (case, spacing and punctuation aside), and what follows is one title, or
    nothing: a method, a task or a dataset per entry, each taken from one source paper.

    The same name twice, or a name on one copy only, is the paper twice. A name that is a
    year, a venue or a preprint server (``CVPR 2020: Title``, ``arXiv: Title``) says where
    the paper is, not what the entry is. ``bare``: a lead that is the name alone (a title
    line ``- **EdgeMask**`` over the paper) counts; in an entry's own text a name needs its
    separator."""
    one, two = _lead_name(lead, bare), _lead_name(other, bare)
    if one is None or two is None or one[0] == two[0]:
        return False
    first, second = one[1], two[1]
    return first == second or bool(first and second and same_paper(first, second))


def title_lines_apart(line: str, other: str) -> bool:
    """Whether two title lines (``title_lines``) over copies of one entry name two things: two
    names on one paper (``named_apart``), or two papers (``GRACE: Deep Graph Contrastive
    Representation Learning.`` and ``GCA: Graph Contrastive Learning with Adaptive
    Augmentation.`` over one author line). The same line twice, or one paper named on one
    line only, is one entry twice."""
    if named_apart(line, other, bare=True):
        return True
    forms = [_title_forms(text) for text in (line, other)]
    return not any(same_paper(one, two) for one in forms[0] for two in forms[1])


def _title_forms(text: str) -> set[str]:
    """A title line in normal form, whole and without the name that leads it."""
    forms = {normalize_title(text)}
    lead = _lead_name(text, bare=False)
    if lead is not None:
        forms.add(lead[1])
    return {form for form in forms if form}


def _lead_name(text: str, bare: bool) -> tuple[str, str] | None:
    """The normalised name that leads ``text`` and the normalised rest, or None."""
    found = _LEAD_NAME.match(text)
    if found is None or not (bare or found.group("sep")):
        return None
    name = found.group("name")
    if (
        len(name.split()) > _MAX_LEAD_NAME_WORDS
        or ET_AL.search(name)
        or holds_year_like(name)
        or names_known_venue(name)
        or preprint_marker(name)
    ):
        return None
    normal = normalize_title(name)
    return (normal, normalize_title(text[found.end() :])) if normal else None
