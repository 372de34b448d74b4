"""Two years on two copies of one paper, each right for the version its copy names.

``metadata-conflict`` compares the copies of a paper; where only their years differ, these
predicates tell a stale year from two right ones: a preprint posted in one year and published
the next (``arxiv.org/pdf/2210.04182v1`` in 2022, ``v2`` in 2023), a posting date beside a venue
year (``(Dec., 2023)`` and ``(CVPR, 2024)``), a date column beside a venue cell that names the
other copy's year (``| 2022.10 | ... | EMNLP 2023 |``). Each reads only the copies' own text and
links; what the document files them under (headings, dated labels) the rule judges itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from awesome_tidy.metadata import expand_year, find_year, is_date, preprint_marker
from awesome_tidy.nodes import Entry
from awesome_tidy.urls import normalize_url

# Years from a preprint to its publication at a venue: review and revision take one or two.
PUBLICATION_DELAY = 2

# ``(Dec., 2023 | CVPR 2024)``: the brackets around a year, and the years they hold.
_MAX_DATE_GROUP = 40
_GROUP_CLOSER = re.compile(r"[)\]\n]")
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# ``2210.04182v2``: the version of an arXiv paper, which normal URLs leave out.
_ARXIV_VERSION = re.compile(r"\d{4}\.\d{4,5}(v\d+)")
# ``proceedings.neurips.cc/paper/2023/file/...``: the year a link's path names.
_PATH_YEAR = re.compile(r"(?<=/)((?:19|20)\d\d)(?=/)")


def dated_apart(
    text: str,
    entry: Entry,
    other: Entry,
    years: Mapping[int, int | None],
    venues: Mapping[int, str | None],
) -> bool:
    """Whether the two copies' years (``years``, by ``id``) are each right for the version its
    own text or links name, though they differ: another version on each link, a preprint and
    its publication, a group that says both years, a posting date, each year its link's, or a
    date column beside a venue year that the other copy shares."""
    return (
        _other_version(entry, other, venues)
        or _preprint_year(entry, other, years)
        or _both_years_said(text, entry, other, years)
        or _posting_date(text, entry, other, years)
        or _each_by_its_link(entry, other, years)
        or _venue_years_agree(text, entry, other)
        or _each_by_its_label(entry, other, years)
    )


def _each_by_its_label(entry: Entry, other: Entry, years: Mapping[int, int | None]) -> bool:
    """Each copy's year written in the label of a paper link of its own, a citation of the
    version it links (``[Journal 16.6 (2025)](doi)`` on the 2025 copy, ``[arXiv:2404.00050
    (2024)](arxiv)`` on the 2024 one; ``[arXiv:2506.14665 (2025)]`` and ``[arXiv:2506.14665v6
    (2026)]``, one page's first and sixth versions): each copy is dated right for the version
    it cites. One citation under two years (``[J. Chem. Theory Comput. (2024)](doi-a)`` and
    ``(2025)`` on ``doi-a``; one venue's name on two links), or a year no label of the copy's
    own says, is a slip and stays reported."""
    mine, theirs = years[id(entry)], years[id(other)]
    if mine is None or theirs is None or mine == theirs:
        return False
    one, two = _cited(entry, mine), _cited(other, theirs)
    if not one or not two:
        return False
    early, late = (one, two) if mine < theirs else (two, one)
    return all(_later_citation(a, b) for a in early for b in late)


def _cited(entry: Entry, year: int) -> list[tuple[str, str, int]]:
    """The entry's paper links whose label names ``year`` and no other: each its target in
    normal form, its label without the year (in lower case, letters and digits only) and the
    arXiv version it names (1 when none)."""
    found = []
    for link in entry.real_links:
        label = link.label.text
        said = _YEARS.findall(label)
        if link.kind != "paper" or len(said) != 1 or int(said[0]) != year:
            continue
        version = _ARXIV_VERSION.search(label) or _ARXIV_VERSION.search(link.url.text)
        name = re.sub(r"[\W_]+", "", label.replace(said[0], " ").casefold())
        target = normalize_url(link.url.text).partition("?")[0]
        found.append((target, name, int(version.group(1)[1:]) if version else 1))
    return found


def _later_citation(early: tuple[str, str, int], late: tuple[str, str, int]) -> bool:
    """Two citations of two versions: another page under another name, or one page's later
    arXiv version under the later year."""
    if early[0] == late[0]:
        return late[2] > early[2]
    return early[1] != late[1]


def _venue_years_agree(text: str, entry: Entry, other: Entry) -> bool:
    """One copy dated by a date column (``| 2022.10 | Title | EMNLP 2023 |``: when the preprint
    was posted) and both copies' venue cells naming one year (``EMNLP 2023`` twice): the date
    is the preprint's, the venue's year the publication's, and the copies agree on the venue's.
    Venue years that differ, or a date column beside a venue without its year (``| 2025.2 |
    ... | arXiv |`` and ``arXiv 2024``: one posting, two dates), stay compared."""
    if "year-column" not in (entry.year_how, other.year_how):
        return False
    mine, theirs = _venue_cell_year(text, entry), _venue_cell_year(text, other)
    return mine is not None and mine == theirs


def _venue_cell_year(text: str, entry: Entry) -> int | None:
    """The year written in the table cell that holds the entry's venue (``| EMNLP 2023 |``)."""
    if entry.table is None or entry.venue is None:
        return None
    line_start = text.rfind("\n", 0, entry.venue.start) + 1
    line_end = text.find("\n", entry.venue.end)
    line_end = len(text) if line_end < 0 else line_end
    start = max(line_start, text.rfind("|", line_start, entry.venue.start) + 1)
    end = text.find("|", entry.venue.end, line_end)
    year = find_year(text, start, line_end if end < 0 else end)
    return expand_year(year.text) if year is not None else None


def _each_by_its_link(entry: Entry, other: Entry, years: Mapping[int, int | None]) -> bool:
    """Two copies on two documents, each year the one its own link names: two arXiv ids
    (``2010.06537`` under ``### 2020``, ``2102.07627`` under ``### 2021``: two postings of the
    paper), or the proceedings (``.../paper/2020/...``) and an arXiv id posted later
    (``2102.12660`` in 2021). Each is dated right for what it links. A preprint dated before
    its venue (``[2023]`` on arXiv, ``[2024]`` at NeurIPS) is a stale tag, and copies sharing a
    link, or a year their own link does not name, stay reported."""
    mine, theirs = years[id(entry)], years[id(other)]
    if mine is None or theirs is None or mine == theirs:
        return False
    found = [_link_years(entry), _link_years(other)]
    if set(found[0]) & set(found[1]):
        return False
    dated = [
        {kind for kind, year in links.values() if year == own}
        for links, own in zip(found, (mine, theirs), strict=True)
    ]
    if not dated[0] or not dated[1]:
        return False
    later = dated[0] if mine > theirs else dated[1]
    return dated == [{"arxiv"}, {"arxiv"}] or later == {"arxiv"}


def _link_years(entry: Entry) -> dict[str, tuple[str, int]]:
    """The entry's paper links in normal form, each with the year it names: an arXiv id's
    (``2102.07627``: 2021) or a path's (``.../paper/2020/...``); links naming none left out."""
    found: dict[str, tuple[str, int]] = {}
    for link in entry.real_links:
        target = normalize_url(link.url.text).partition("?")[0]
        if target.startswith("arxiv:") and target[6:10].isdigit():
            found[target] = ("arxiv", 2000 + int(target[6:8]))
        elif link.kind == "paper" and len(said := set(_PATH_YEAR.findall(link.url.text))) == 1:
            found[target] = ("path", int(said.pop()))
    return found


def _preprint_year(entry: Entry, other: Entry, years: Mapping[int, int | None]) -> bool:
    """One copy says it is the preprint (``(2020), arxiv 2020``), the other does not, and the
    preprint's year is the one before the other's (``(2021), ICSE'21``, or a copy filed under
    ``### 2021`` whose own year the reader missed): each year is right for what its copy names.
    A stale preprint tag is a conflict of venues, reported as such where the list's venues are
    read; two years on two copies that both say preprint, or that say nothing, stay reported."""
    marks = [preprint_marker(copy.body.text) for copy in (entry, other)]
    if marks[0] == marks[1]:
        return False
    preprint, published = (entry, other) if marks[0] else (other, entry)
    year = years[id(published)]
    return preprint.year_value is not None and year is not None and year - preprint.year_value == 1


def _both_years_said(
    text: str, entry: Entry, other: Entry, years: Mapping[int, int | None]
) -> bool:
    """One copy's date group holds two years (``(Dec., 2023 | CVPR 2024)``: the preprint's
    and the venue's), and the other copy's year is one of them: the copies agree, whichever
    year the reader took from the group. Two single years stay compared."""
    mine, theirs = years[id(entry)], years[id(other)]
    return theirs in _years_said(text, entry) or mine in _years_said(text, other)


def _posting_date(text: str, entry: Entry, other: Entry, years: Mapping[int, int | None]) -> bool:
    """One copy dated by a month and a year and nothing else (``(Dec., 2023)``: when the paper
    was posted), the other by a venue one or two years later (``(CVPR, 2024)``): a posting date
    and a venue year, both right. A bare year (``[2023]``) beside a later venue claims to be the
    paper's year, and stays reported."""
    for posted, published in ((entry, other), (other, entry)):
        when, then = years[id(posted)], years[id(published)]
        group = _date_group(text, posted)
        if (
            group is not None
            and when is not None
            and then is not None
            and posted.venue is None
            and published.venue is not None
            and 0 < then - when <= PUBLICATION_DELAY
            and _month_then_year(text, posted, group)
        ):
            return True
    return False


def _month_then_year(text: str, entry: Entry, group: tuple[int, int]) -> bool:
    """The date group is a month, then the entry's year, then nothing: ``(Dec., 2023)``."""
    assert entry.year is not None
    month = text[group[0] : entry.year.start]
    return is_date(month) and not text[entry.year.end : group[1]].strip()


def _years_said(text: str, entry: Entry) -> set[int]:
    """The years of the entry's date group, when it holds more than one."""
    group = _date_group(text, entry)
    if group is None:
        return set()
    said = {int(year) for year in _YEARS.findall(text, *group)}
    return said if len(said) > 1 else set()


def _date_group(text: str, entry: Entry) -> tuple[int, int] | None:
    """Where the inside of the brackets around the entry's year starts and ends, on its line:
    ``(Dec., 2023 | CVPR 2024)``; None for a year in no brackets, or in long ones."""
    year = entry.year
    if year is None:
        return None
    line_start = text.rfind("\n", 0, year.start) + 1
    opener = max(text.rfind("(", line_start, year.start), text.rfind("[", line_start, year.start))
    if opener < 0 or year.start - opener > _MAX_DATE_GROUP:
        return None
    if any(char in ")]\n" for char in text[opener + 1 : year.start]):
        return None
    closer = _GROUP_CLOSER.search(text, year.end, year.end + _MAX_DATE_GROUP)
    if closer is None or text[closer.start()] == "\n":
        return None
    return opener + 1, closer.start()


def _other_version(entry: Entry, other: Entry, venues: Mapping[int, str | None]) -> bool:
    """Two copies a year apart, each with its own year beside a link to another version:
    ``arxiv.org/pdf/2210.04182v1`` in 2022 and ``...v2`` (or the journal's DOI) in 2023. One
    link under two years (``[arxiv'23]`` and ``[arxiv'24]`` on one arXiv id, or an id without a
    version beside ``v3``: its latest), one venue named by both (``[JMLR'21]`` and
    ``[JMLR'22]``), a year from the section a copy is filed under (``## 2024``), or a year the
    copy's own link contradicts (``[2024]`` on ``.../paper/2023/...``) is a slip."""
    one, two = entry.year_value, other.year_value
    if one is None or two is None or abs(one - two) != 1:
        return False
    if venues[id(entry)] is not None and venues[id(other)] is not None:
        return False
    mine, theirs = _versions(entry, one), _versions(other, two)
    if not mine or not theirs:  # None (a contradicted year) or no paper link
        return False
    return not any(_one_version(a, b) for a in mine for b in theirs)


def _versions(entry: Entry, year: int) -> list[tuple[str, str]] | None:
    """The entry's paper links in normal form, query left out (``?utm_source=...``), each with
    the arXiv version it names or ""; None when a link's path holds another year than the
    entry's."""
    found = []
    for link in entry.real_links:
        if link.kind != "paper":
            continue
        if any(int(said) != year for said in _PATH_YEAR.findall(link.url.text)):
            return None
        version = _ARXIV_VERSION.search(link.url.text)
        target = normalize_url(link.url.text).partition("?")[0]
        found.append((target, version.group(1) if version else ""))
    return found


def _one_version(first: tuple[str, str], second: tuple[str, str]) -> bool:
    """One page, and no two versions named: an arXiv id without one is its latest."""
    return first[0] == second[0] and (not first[1] or not second[1] or first[1] == second[1])
