from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from awesome_tidy.model import (
    Document,
    Entry,
    author_year_label,
    expand_year,
    is_cjk,
    is_paper_url,
    link_kind,
    near_pairs,
    normalize_url,
    other_ids,
    other_repositories,
    preprint_and_venue,
    preprint_marker,
    without_link_targets,
)
from awesome_tidy.rule import Option, Problem, Rule

_KEY_AUTHOR = re.compile(r"[A-Za-z]+")
_MIN_TITLE_WORDS = 3
_SERIES = 3  # titles that share all words but the last: a pattern, not a copy
_PIECE = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s\b")
# ``[BSc in Data Science](url), Lakeside University, IRE``, ``[...](url) at the Hill Institute``:
# the words right after the link that say whose the thing is, or where.
_OWNER_LEAD = re.compile(r"(?:at|by|from)\s", re.IGNORECASE)
_MAX_OWNER_WORDS = 8
# ``**IEEE Transactions on ...**, 2021.``: a year on the title's own line, after it.
_YEAR = re.compile(r"(?<![\w.])(?:19|20)\d\d(?!\w|\.\d)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_NAME_WORDS = 3  # a title of up to three words is a name
_MIN_NAME_EXTENSION = 3  # letters glued to a name's word (``Kakao``, ``KakaoPay``): a word


class NearDuplicateTitle(Rule):
    name = "near-duplicate-title"
    judges_entries = True
    severity = "warning"
    summary = (
        "Two entries that are the same paper despite a typo, case, punctuation or another key."
    )
    options = {
        "threshold": Option(
            float,
            90.0,
            "similarity (0-100) from which two titles may be one paper",
            minimum=50,
            maximum=100,
        ),
    }

    def check(self, doc: Document) -> Iterator[Problem]:
        titled = [(entry, entry.title_text) for entry in doc.entries if entry.title is not None]
        entries = [entry for entry, title in titled if title]
        titles = [title for _, title in titled if title]
        reported: set[int] = set()
        # A copy of a title already reported against the same first title is a copy of that
        # copy (duplicate-entry or cross-section-duplicate tell of it): reported once.
        told: set[tuple[int, str]] = set()
        stems = Counter(_stem(title) for title in titles)
        words = Counter(word for title in titles for word in set(title.split()))
        by_item = {id(entry.item): entry for entry in doc.entries if entry.item is not None}
        for first_index, second_index in near_pairs(titles, self.option("threshold")):
            first, second = entries[first_index], entries[second_index]
            if (
                second_index in reported
                or (first_index, titles[second_index]) in told
                or _same_key(first, second)
                or _cited_by_label(first, second)
                or _other_paper(first, second)
                or _years_apart(doc, first, second)
                or _extended_name(first, second)
                or _one_series(first, second, stems)
                or _paper_and_its_code(first, second)
                or _other_owners(first, second)
                or _details_of_two(first, second, by_item)
                or _retitled_version(doc, first, second)
                or other_repositories(first, second)
            ):
                continue
            told.add((first_index, titles[second_index]))
            if _mistyped_first(titles[first_index], titles[second_index], words):
                first, second = second, first
                reported.add(first_index)
            else:
                reported.add(second_index)
            assert first.title is not None and second.title is not None
            first_title = first.title.text
            yield self.problem(
                second.title.start,
                second.title.end,
                message=f"title is nearly the same as line {first.line}: {first_title!r}",
                related=first.start,
            )


def _mistyped_first(first: str, second: str, words: Counter[str]) -> bool:
    """Whether the earlier of two near titles holds the typo: each word only it has is in no
    other title of the list (``Efficeint``), while each word only the later one has is in
    another (``Efficient``). The copy with the typo is the one to fix, so it is reported, the
    other related; where the list does not tell, the later copy is reported."""
    one, two = set(first.split()), set(second.split())
    mine, theirs = one - two, two - one
    return (
        bool(mine and theirs)
        and all(words[word] == 1 for word in mine)
        and all(words[word] > 1 for word in theirs)
    )


def _stem(title: str) -> str:
    """A title without its last word: ``open government, `` of *Open Government, Austria*."""
    return title.casefold().rpartition(" ")[0]


def _one_series(first: Entry, second: Entry, stems: Counter[str]) -> bool:
    """Two members of a series the list names by one pattern (*Open Government, Australia*,
    *Open Government, Austria* and forty more): titles that differ only in their last word, a
    capitalised name, whose other words begin at least three titles of the list. A paper's typo
    copy shares its words with one title, not with a series; a title without spaces (Chinese)
    ends in a phrase, not a name."""
    stem = _stem(first.title_text)
    if not stem or stem != _stem(second.title_text) or stems[stem] < _SERIES:
        return False
    assert first.title is not None and second.title is not None
    last = (first.title.text.rpartition(" ")[2], second.title.text.rpartition(" ")[2])
    return all(word[:1].isupper() for word in last)


def _paper_and_its_code(first: Entry, second: Entry) -> bool:
    """A paper under a topic and its code repository under ``## Software``, each by the paper's
    title (one retyped): two things, each in its section, not a copy of one; so too the paper's
    entry and its software's, whose title links the software's own site and links the paper
    beside it (``_role``). In one section the two stay compared."""
    if first.section is second.section:
        return False
    kinds = [
        link_kind("", entry.primary_link.url.text) == "code" if entry.primary_link else None
        for entry in (first, second)
    ]
    if None not in kinds and kinds[0] != kinds[1]:
        return True
    roles = {_role(first), _role(second)}
    return roles == {"paper", "resource"}


def _role(entry: Entry) -> str | None:
    """``paper`` for an entry whose title links the paper itself (an arXiv page, a DOI, a PDF),
    ``resource`` for one whose title links another page (the software's site) and that links
    the paper beside it (``[[paper](https://arxiv.org/abs/...)]``): the paper's entry and its
    software's, each in its own section. None when the entry says neither."""
    link = entry.primary_link
    if link is None:
        return None
    if is_paper_url(link.url.text):
        return "paper"
    others = (one for one in entry.real_links if one is not link)
    return "resource" if any(one.kind == "paper" for one in others) else None


def _other_owners(first: Entry, second: Entry) -> bool:
    """Two ``[Name](url)`` entries on two links, each followed by whose or where it is, and
    those differ: a generic name (``BSc in Data Science``, ``Data Science Lab``) that two
    universities give their programmes or labs, two things. The table form of this is two
    course rows told apart by their who column; a typo copy of one paper has no owner there,
    or the same one."""
    links = [entry.primary_link for entry in (first, second)]
    if links[0] is None or links[1] is None:
        return False
    if normalize_url(links[0].url.text) == normalize_url(links[1].url.text):
        return False
    owners = {_owner(first), _owner(second)}
    return len(owners) == 2 and None not in owners


def _details_of_two(first: Entry, second: Entry, by_item: dict[int, Entry]) -> bool:
    """Sub-items of two different entries, on two links (``+ [YouTube Video Playlist](a)``
    under one course, ``+ [YouTube Videos Playlist](b)`` under another): each a detail of its
    own entry, named for what it is (a playlist, the slides, the code), not a title. The same
    detail under two entries is duplicate-entry's to judge, by its link."""
    links = [entry.primary_link for entry in (first, second)]
    if links[0] is None or links[1] is None:
        return False
    if normalize_url(links[0].url.text) == normalize_url(links[1].url.text):
        return False
    owners = [_owning_entry(entry, by_item) for entry in (first, second)]
    return owners[0] is not None and owners[1] is not None and owners[0] is not owners[1]


def _retitled_version(doc: Document, first: Entry, second: Entry) -> bool:
    """A preprint and its publication, each filed under its dated label (``**arXiv'24**``,
    ``**MICCAI'25**``), whose titles differ in a word (``Model`` and ``Models``): the title
    the authors changed for the venue, both right. Titles that differ only in case, spaces or
    punctuation (``SELECTIVESTATE`` for ``Selective State``) are a copy mistyped, reported."""
    if preprint_and_venue(doc, first, second) is None:
        return False
    return _letters(first.title_text) != _letters(second.title_text)


def _letters(title: str) -> str:
    return "".join(piece.casefold() for piece in _PIECE.findall(title))


def _owning_entry(entry: Entry, by_item: dict[int, Entry]) -> Entry | None:
    """The entry whose sub-item this one is, at any depth, or None."""
    parent = entry.item.parent if entry.item is not None else None
    while parent is not None and id(parent) not in by_item:
        parent = parent.parent
    return by_item[id(parent)] if parent is not None else None


def _owner(entry: Entry) -> str | None:
    """The words after an entry's link that name its owner or place (``, Lakeside University,
    IRE``, `` at the Hill Institute``), folded, or None: a description (`` - A list of ...``),
    a year or a venue (a paper's citation) names no owner."""
    separator, description = entry.separator, entry.description
    if entry.form != "link" or separator is None or description is None:
        return None
    if entry.year is not None or entry.venue is not None:
        return None
    text = description.text
    if separator.text.strip() != "," and not _OWNER_LEAD.match(text):
        return None
    if len(text.split()) > _MAX_OWNER_WORDS:
        return None
    return " ".join(text.casefold().split())


def _cited_by_label(first: Entry, second: Entry) -> bool:
    """A "title" that is an author-year label (``Wang et al. - 2017``, ``Doe and Roe (2019)``):
    the reader found no title beside it, and two papers of one year by authors whose names
    differ in a letter (``Wang`` and ``Yang``) are two papers. Nothing tells them apart or
    together here: silent."""
    return any(
        entry.title is not None and author_year_label(entry.title.text) is not None
        for entry in (first, second)
    )


def _same_key(first: Entry, second: Entry) -> bool:
    """Duplicate-entry or key-conflict judge those, not this rule (nor equal titles)."""
    return bool(first.key_text and first.key_text == second.key_text)


def _other_paper(first: Entry, second: Entry) -> bool:
    """A second signal that the two are different papers: another year, another key author, or
    another id on one scheme (two arXiv ids: *Fast R-CNN* and *Faster R-CNN*; a typo copy of
    one paper links the same paper).

    A title of one or two words is a name (React and Preact, Aquila and Aquila2, scrapy and
    scapy), where one letter more makes another thing: names are never near duplicates. Numbers
    are not words here (``AGPL-3.0`` is a name of one word), and a title written without spaces
    (Chinese, Japanese) is one word: one character more or less there is a word, not a typo.
    """
    words = min(_words(first), _words(second))
    if words < _MIN_TITLE_WORDS or other_ids(first, second):
        return True
    if first.year_value and second.year_value and first.year_value != second.year_value:
        return True
    first_author, second_author = _key_author(first), _key_author(second)
    return bool(first_author and second_author and first_author != second_author)


def _years_apart(doc: Document, first: Entry, second: Entry) -> bool:
    """Two different years, one of them the only year on the title's own line where the reader
    found none for the entry (a journal paper whose item goes on to cite its conference
    version, ``An extension of [...](...). **CIKM**, 2020.``), on no link in common and
    neither a preprint: a journal extension and its conference paper, two publications. A
    typo copy of one paper links the same paper, is dated the same, or is its preprint (an
    arXiv link, ``Published in arXiv (2025)``), dated a year before its publication."""
    years = [_line_year(doc.text, entry) for entry in (first, second)]
    if years[0] is None or years[1] is None or years[0] == years[1]:
        return False
    if _preprint(doc.text, first) or _preprint(doc.text, second):
        return False  # a preprint and its publication: one paper
    mine = {normalize_url(link.url.text) for link in first.real_links}
    return not any(normalize_url(link.url.text) in mine for link in second.real_links)


def _line_year(text: str, entry: Entry) -> int | None:
    """The entry's year, or else the one year written after its title on the title's line."""
    if entry.year_value is not None or entry.title is None:
        return entry.year_value
    end = text.find("\n", entry.title.end)
    line = without_link_targets(text[entry.title.end : end if end >= 0 else len(text)])
    found = {match.group() for match in _YEAR.finditer(line)}
    return expand_year(found.pop()) if len(found) == 1 else None


def _preprint(text: str, entry: Entry) -> bool:
    """Whether the entry links an arXiv id or its line names a preprint server."""
    if any(normalize_url(link.url.text).startswith("arxiv:") for link in entry.real_links):
        return True
    end = text.find("\n", entry.start)
    return preprint_marker(text[entry.start : end if end >= 0 else len(text)])


def _extended_name(first: Entry, second: Entry) -> bool:
    """A word of one title that the other extends by a word glued to it: in Korean, Chinese or
    Japanese one syllable or character more is another word (``카카오`` and ``카카오페이``:
    Kakao and Kakao Pay); in a name of up to three words on two hosts, three letters or more
    glued on (``Kakao Tech Blog`` and ``KakaoPay Tech Blog``) make another name. A plural's
    ``s``, a word mistyped, the same words spaced otherwise (``언제써야`` and ``언제 써야``) stay
    a typo, and so does a paper's long title but for its CJK words."""
    one, two = first.title_text.split(), second.title_text.split()
    only_one = [word for word in one if word not in two]
    only_two = [word for word in two if word not in one]
    name = max(_words(first), _words(second)) <= _NAME_WORDS
    hosts = _host(first) != _host(second)
    for word in only_one:
        for other in only_two:
            shorter, longer = sorted((word, other), key=len)
            if not longer.startswith(shorter) or shorter == longer:
                continue
            glued = longer[len(shorter) :]
            words = one if shorter is word else two
            after = "".join(words[words.index(shorter) + 1 :])
            if after.startswith(glued):
                continue  # ``언제써야`` and ``언제 써야``: the same words, spaced otherwise
            if any(map(is_cjk, glued)):
                return True
            if name and hosts and sum(map(str.isalpha, glued)) >= _MIN_NAME_EXTENSION:
                return True
    return False


def _host(entry: Entry) -> str | None:
    link = entry.primary_link
    return normalize_url(link.url.text).partition("/")[0] if link is not None else None


def _key_author(entry: Entry) -> str | None:
    match = _KEY_AUTHOR.match(entry.key_text or "")
    return match.group(0).lower() if match else None


def _words(entry: Entry) -> int:
    """Words with a letter in them, as written: ``AGPL-3.0`` is one, a version number is none,
    a path (``nf-core/scrnaseq``, ``owner/repo``) is one name, however its parts read, a
    possessive's ``'s`` is no word (*Creator's Twitter*, a link's label, is a name of two), and
    an HTML tag is none (``<sub>KR</sub>`` is one word)."""
    assert entry.title is not None
    title = _HTML_TAG.sub(" ", entry.title.text)
    return sum(
        1
        if "/" in token
        else sum(1 for piece in _PIECE.findall(_POSSESSIVE.sub("", token)) if not piece.isdigit())
        for token in title.split()
    )
