"""Years and venues as lists write them: ``2021``, ``[2021]``, ``'21``, ``arXiv' 19``, ``ECCV 20'``.

A two-digit year is only read next to a venue-like word (``CVPR '24``, ``[IJCAI 19]``), never on
its own, so that counts and versions (``Top 10``, ``v2.1``) are not years.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Sequence

from awesome_tidy.inline import Cover, Part, inside, runs_outside

# ``ICML19``: venues whose name takes a two-digit year without a space. Only these: ``VGG16``,
# ``GPT4`` and ``ResNet50`` are names glued to a number too.
_GLUED_VENUES = (
    "AAAI|ACL|AISTATS|BMVC|CIKM|COLT|CVPR|ECCV|EMNLP|ICASSP|ICCV|ICDM|ICLR|ICML|ICRA|IJCAI|IROS"
    "|KDD|MICCAI|NAACL|NIPS|NeurIPS|SDM|SIGGRAPH|SIGIR|UAI|WACV|WSDM|WWW"
)
# ``CVPR20``, and ``CIKM 18 .``: a known venue, a space, two digits is the venue's year
# wherever it stands (``ResNet 50``, ``GPT 4`` name no conference: their numbers are names).
_KNOWN_VENUE_YEAR = r"(?:(?P<y2e>\d\d)|[ \u00a0](?P<y2f>\d\d)(?![.,:]\d))"
_KNOWN_VENUE = re.compile(r"(?<![A-Za-z])(?:" + _GLUED_VENUES + r")(?![A-Za-z])")
# ``eccv2022``, ``iccv``: a word of a normalised title that is a known venue, with its year.
_KNOWN_VENUE_WORD = re.compile(r"(?:" + _GLUED_VENUES + r")(?=\d*$)", re.IGNORECASE)
# ``[Top 10]``, ``[Part 12]``, ``[Week 11]``: a word that counts what follows it, never a venue.
_COUNT_WORDS = r"(?:Top|Part|Vol|No|Chapter|Lecture|Week|Day|Level|Lesson|Module|Step|Page) \d"
# What ends a two-digit year: no letter or digit, nor underscores before one. Not ``(?!\w)``: it
# took the underscore that closes italics (``_ICLR'23_``, ``_CVPR22_``) for part of a word, and
# the year went unread where ``*ICLR'23*`` was read; ``v'24_beta`` is still a name.
_YEAR_END = r"(?![^\W_]|_+[^\W_])"
# ``CVPR25Highlight``, ``ICLR23oral``, ``CVPR25BestPaper``: a track or award word, in any case,
# glued after a venue's two-digit year ends it as a space would (``CVPR25 Highlight``);
# ``CVPR25x`` stays a name.
_TRACK_WORD = (
    r"(?i:highlights?|orals?|spotlights?|best|posters?|awards?|demos?|workshops?|findings)"
)
_GLUED_YEAR_END = r"(?:" + _YEAR_END + r"|(?=" + _TRACK_WORD + r"(?:" + _YEAR_END + r"|[A-Z])))"
# ``Signal Process. '20``, ``Sci. Adv.’25``: a word shortened with a dot (a journal's
# abbreviation) before an apostrophe year, as a venue-like word is. Not a volume or a number
# (``Vol. '20``, ``No. '12``), and not a quote that goes on in lower case (``Physiol. '12 crops``).
_ABBREVIATION = r"(?<![\w.])(?!(?:Vol|No|Nr|Nos|Fig|Figs|Eq|Eqs|Sec|Ch|Pt|Pp)\.)[A-Z][A-Za-z]*\."
_NO_PROSE_AFTER = r"(?![ \u00a0]+[a-z])"
# What a year is, in one place. In running text, a heading or a key a year is 19xx or 20xx (so
# that counts, versions and arXiv months such as ``1706`` are not); in the slot a list keeps for
# it (``Title[2021]``, a Year column) any four digits from 1000 to 2999 are, so that
# ``year-out-of-range`` can report ``[2201]``.
YEAR_DIGITS = r"(?:19|20)\d\d"
SLOT_YEAR = re.compile(r"[12]\d{3}")
_KEY_YEAR = re.compile(r"(?<!\d)(" + YEAR_DIGITS + r")(?!\d)")
_YEAR_HEADING = re.compile(YEAR_DIGITS + r"(?:\s*(?::\w+:|[^\w\s]|_))*\s*")
# What a heading may write around its year and still be one (``## - 2014``, ``## • 2015``,
# ``## [2016]``, ``## **2017**``, ``## 📅 2019``, ``## :fire: 2023``, ``## Year 2018``): marks,
# emoji and shortcodes before it, and the word ``Year``. Not ``<``, ``>``, ``≤``, ``≥``:
# ``## <2015`` is the years before it. Any other word makes a heading a topic
# (``## 2019 Challenge Winners``).
_HEADING_LEAD = re.compile(r"(?:\s|:\w+:|(?![<>≤≥])[^\w\s]|_|years?(?![^\W\d_]))*", re.IGNORECASE)
# ``## 2019 (12 papers)``: a count of what is under the heading, an aside in brackets.
_HEADING_COUNT = re.compile(r"[(\[（【]\s*\d+\s*[^\W\d_]*\s*[)\]）】][^\w]*\Z")
# ``### 2024.05``, ``## 2023-2024``, ``### Jan 2024``, ``## 2024年5月``: a heading that dates what
# is under it, though it is no single year.
_DATE_HEADING = re.compile(
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?,?\s+)?"
    + YEAR_DIGITS
    + r"(?:\s*[-–~～/.]\s*(?:"
    + YEAR_DIGITS
    + r"|\d{1,2}(?!\d)))*"
    r"(?:\s*年(?:\s*\d{1,2}\s*月)?)?(?:\s*(?::\w+:|[^\w\s]|_))*\s*",
    re.IGNORECASE,
)
# ``[Arxiv 20]``, ``[NeurIPS Workshop 20]``: a bracketed tag of venue words and a two-digit
# year, read alike in a whole line and in the tag's inside alone (a reader passes the bounds
# inside the brackets: the bracket before is seen behind them, the end of the bounds stands for
# the closing one). Not a count (``[Top 10]``, ``_COUNT_WORDS``) (study 26).
# ``2023.05`` (year.month) is a year; ``2021.3``, ``2012.08265`` and ``2023.05.1`` (versions,
# arXiv ids) are not, nor the pages of a ``volume(issue):pages`` citation (``37(10):2028-2040``),
# nor a number between numbers (``1 2029 2 1080 1920``, a line of data: an object id).
_YEAR = re.compile(
    r"(?<![\d.$/])(?<!\d,)(?<![\d)]:)(?<![\d)]:\d{4}[-–])(?:(?<!\d )|(?!\d{4} \d))"
    r"(?P<y4>" + YEAR_DIGITS + r")(?![\d+%]|\.(?!(?:0[1-9]|1[0-2])(?![\d.]))\d)"
    r"|[A-Za-z)\]][ \u00a0]?['’‘][ \u00a0]?(?P<y2a>\d\d)"
    + _YEAR_END
    + r"|"
    + _ABBREVIATION
    + r"[ \u00a0]?['’‘][ \u00a0]?(?P<y2g>\d\d)"
    + _YEAR_END
    + _NO_PROSE_AFTER
    + r"|[A-Za-z][ \u00a0](?P<y2b>\d\d)['’‘]"
    + _YEAR_END
    + r"|(?:\[|(?<=\[))(?!"
    + _COUNT_WORDS
    + r")[A-Z][^\[\]\d]*[A-Za-z] (?P<y2c>\d\d)\s*(?:\]|\Z)"
    r"|\b[A-Z]{3,}[ \u00a0](?P<y2d>\d\d)(?=[.,;)]|$)"
    r"|(?<![A-Za-z])(?:" + _GLUED_VENUES + r")" + _KNOWN_VENUE_YEAR + _GLUED_YEAR_END
)
# ``arXiv:2301.01234``, ``arXiv 2301.01234``, ``arXiv:hep-th/9901001`` in words, or a link to
# ``arxiv.org/abs/2301.01234``: a preprint's id begins with the year and month it was posted.
_ARXIV_NUMBER = r"(?:\d\d(?:0[1-9]|1[0-2])\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?/\d{7})(?!\d)"
_ARXIV_ID = re.compile(
    r"arxiv(?:(?P<link>\.org/(?:abs|pdf)/)|[ \t]*:[ \t]*|[ \t]+)" + _ARXIV_NUMBER, re.IGNORECASE
)
# What a year cell holds where the list does not know the year: a dash, a slash, "unknown".
UNKNOWN_YEAR = frozenset(
    {"\\", "-", "--", "–", "—", "/", "?", "n/a", "na", "n.d.", "none", "unknown", "tbd", "tba"}
    | {"暂无", "无", "未知", "不详", "不明"}
)
# What a reader of the list could take for a year, whether the field readers read it or not:
# ``missing-year`` says nothing of an entry that holds one. A plausible 19xx or 20xx digit run,
# even glued to a word or a month (``nips2022``, ``2021.9``, ``2021/09``); a two-digit year after
# an apostrophe or glued to a venue-like word (``NeurIPS'19``, ``CoRL19``, ``iclr22``); an arXiv
# id or its year and month in words (``arxiv2206``, ``2110.08484``); a compact date, year then
# a real month and day (``arxiv20241003``, ``Springer,202309``). Wider than ``_YEAR`` on
# purpose: it decides where to stay silent, not what the year is.
_YEAR_LIKE = re.compile(
    r"(?<!\d)(?P<y4>19[5-9]\d|20\d\d)(?:(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?)?(?!\d)"
    r"|[A-Za-z)\]][ \u00a0]?['’‘][ \u00a0]?\d\d"
    + _YEAR_END
    + r"|"
    + _ABBREVIATION
    + r"[ \u00a0]?['’‘][ \u00a0]?\d\d"
    + _YEAR_END
    + _NO_PROSE_AFTER
    + r"|[A-Za-z][ \u00a0]?\d\d['’‘]"
    + _YEAR_END
    + r"|(?P<glued>(?<![A-Za-z\d])(?:[A-Z][a-z]*[A-Z][A-Za-z]+|(?i:arxiv|"
    + _GLUED_VENUES
    + r"))\d\d)"
    + _GLUED_YEAR_END
    + r"|(?i:arxiv)[ \u00a0:_-]*\d\d(?:0[1-9]|1[0-2])(?!\d)"
    r"|(?<![\d.])\d\d(?:0[1-9]|1[0-2])\.\d{4,5}(?!\d)"
    # ``25年的一篇综述``: a two-digit year in CJK prose, "(20)25"
    r"|(?<!\d)\d\d年"
    # ``Diss. ETH-Zürich, '15.``: an apostrophe year as a citation's last field, after a comma
    r"|(?<=[,;] )['’‘]\d\d(?=[.)]?[ \u00a0]*(?:\n|\Z))"
)
# ``19/06``: a short date, year then month; ``2019/06``: the full dates that make it one.
_SHORT_DATE = re.compile(r"(?<![\w/.])\d\d([/.])(?:0[1-9]|1[0-2])(?![\w/.]|\.\w)")
_FULL_DATE = re.compile(r"(?<![\w/.])(?:19|20)\d\d([/.])(?:0?[1-9]|1[0-2])(?![\w/]|\.\d)")
# Where a preprint appeared, written in place of a venue.
_PREPRINT_MARKER = re.compile(
    r"(?<![\w/.-])(?:pre-?print|arxiv|corr|(?:bio|med|chem)rxiv|ssrn|tech(?:nical|\.)? ?report)"
    r"(?![\w/-])",
    re.IGNORECASE,
)
# ``[CVPR2019]``, ``[NeurIps2018]``, ``[arxiv2019]``, ``[ICLR19]``, ``[CVPR25Highlight]``: a venue
# (or preprint server), in any case, its year and maybe a track or award, written as one token:
# a tag that every paper of that venue and year shares, though it looks like an author-year
# citation key (``Smith2019``).
_VENUE_YEAR_TAG = re.compile(
    r"(?:" + _GLUED_VENUES + r"|arxiv|corr|(?:bio|med|chem)rxiv|ssrn|openreview)"
    r"[_'’-]?(?:19|20)?\d\d(?:[_ -]?" + _TRACK_WORD + ")?",
    re.IGNORECASE,
)
# A URL's digits are the site's, not what the list tells its readers.
# ``ae2028daf5adcb74``: a run of hexadecimal digits this long is a hash (a commit, a file's).
_HEX = re.compile(r"[0-9a-fA-F]+")
_HASH_LENGTH = 12
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]>\"'|]*", re.IGNORECASE)
# ``Jane Doe et al.``: the mark of an author list.
ET_AL = re.compile(r"(?<![a-z])et\.?\s*al(?![a-z])", re.IGNORECASE)
# ``Wang et al. - 2017``, ``Doe and Roe (2019)``, ``Doe et al., 2019:``: an author-year label
# that cites a paper by one surname and ``et al.``, or by two surnames, then its year, with the
# marks that set it off from what follows (the title, or nothing: then no title is written).
_SURNAME = r"[^\W\d_][\w'’-]*"
_AUTHOR_YEAR_LABEL = re.compile(
    rf"(?P<names>{_SURNAME}(?:\s+et\.?\s*al\.?|\s+(?:and|&)\s+{_SURNAME}))"
    r"(?:\s*(?:[-–—,:]\s*\(?|\()|\s+)(?P<year>(?:19|20)\d\d)[a-z]?\)?\s*[-–—:.,]?\s*"
)
_TWO_DIGITS = re.compile(r"\d\d")
# A year in running text counts when a venue names it: "Reject by ICLR 2018, but ...".
# Lower case between the last two capitals: ``[A-Z][A-Za-z]*[A-Z][A-Za-z]*`` said the same (a
# word with two capitals) but tried every split of a run of capitals, n² from each start.
_VENUE_BEFORE = re.compile(r"[A-Z][a-z]*[A-Z][a-z]*['’]?[ \u00a0]?['’]?$")
_VENUE_NOISE = re.compile(r"[\s*\[\]()'’‘,.:;|\\`\"!?<>#~=+-]+")
_MAX_VENUE_WORDS = 6
_HEADING_WORD = re.compile(r"[^\W_]+")
_MAX_VENUE_HEADING_WORDS = 4
_LETTER = re.compile(r"[^\W\d_]")
_VENUE_WORD = re.compile(r"[^\s*\[\]()'’‘,:;|\\`\"<>]+")
# ``[(Memory bank)CVPR 2022]``: a note in parentheses is the list's category, not the venue.
_DATE_NOISE = re.compile(r"[\s.,/-]+")
_DATE_WORD = re.compile(
    r"\d{1,2}(?:st|nd|rd|th)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}"
)
_NOTE = re.compile(r"\([^()]*\)")
# Words that say where a paper appeared, not which venue: they do not make two venues differ.
_VENUE_FILLER = frozenset(
    (
        "ieee",
        "acm",
        "proc",
        "proceedings",
        "the",
        "of",
        "on",
        "in",
        "international",
        "conference",
        "journal",
        "transactions",
        "oral",
        "spotlight",
        "poster",
        "highlight",
        "demo",
        "findings",
        "main",
        "track",
        # ``NeurIPS'23 Benchmark``, ``NeurIPS Datasets and Benchmarks``: a track of the venue
        "benchmark",
        "benchmarks",
        "dataset",
        "datasets",
        "and",
        "tutorial",
    )
)


def heading_year(heading: str) -> int | None:
    """The year a heading is (``### 2024``, ``## 2023 :fire:``, ``## - 2014``), if it is one."""
    text = _heading_date(heading)
    return int(text[:4]) if _YEAR_HEADING.fullmatch(text) else None


def _heading_date(heading: str) -> str:
    """What a heading says, less the decoration a list writes around a year or date in it
    (``_HEADING_LEAD``, ``_HEADING_COUNT``): one rule for every dated heading, so that
    ``## 📅 2019 (12 papers)`` is the year 2019 and ``## 2019 Challenge Winners`` a topic."""
    text = heading.strip()
    lead = _HEADING_LEAD.match(text)
    text = text[lead.end() :] if lead is not None else text
    count = _HEADING_COUNT.search(text)
    return text[: count.start()].rstrip() if count is not None else text


def arxiv_id(text: str) -> str | None:
    """How ``text`` names an arXiv preprint by its id, which dates it: ``words``
    (``arXiv:2301.01234``) before ``link`` (``arxiv.org/abs/2301.01234``); None if it does not."""
    if "rxiv" not in text.lower():
        return None
    found = None
    for match in _ARXIV_ID.finditer(text):
        if match.group("link") is None:
            return "words"
        found = "link"
    return found


def heading_dates(heading: str) -> bool:
    """Whether a heading dates what is under it: a year or a date (``### 2024``, ``### 2024.05``,
    ``## 2023-2024``, ``### Jan 2024``) or a venue with its year (``### CVPR 2024 (Oral)``)."""
    text = heading.strip()
    return bool(_DATE_HEADING.fullmatch(_heading_date(text))) or _venue_year(text)


def heading_venue(heading: str) -> bool:
    """Whether a heading is a venue with its year and little else (``### IJCAI 2021``,
    ``## CVPR 2024 (Oral)``), not a bare date nor a topic that names one (``## Lung Cancer
    Challenge (EndoCV2020)``): the papers under it are filed by where they appeared."""
    text = heading.strip()
    return (
        len(_HEADING_WORD.findall(text)) <= _MAX_VENUE_HEADING_WORDS
        and not _DATE_HEADING.fullmatch(_heading_date(text))
        and _venue_year(text)
    )


def _venue_year(text: str) -> bool:
    year = find_year(text, 0, len(text))
    return year is not None and named_by_venue(text, year)


def holds_year_like(text: str, title: str = "") -> bool:
    """Whether ``text``, its URLs aside, holds something a reader could take for a year
    (``_YEAR_LIKE``): where it does, a year the readers did not find may well be there.

    In ``title`` a word glued to two digits names a model (``ResNet50``, ``VGG16``), not a
    venue with its year: there it does not count."""
    if next(_year_like(text), None) is not None:
        return True
    return any(match.group("glued") is None for match in _year_like(title))


def venue_word(word: str) -> str | None:
    """The known venue a word names, with or without its year (``eccv2022``, ``ICCV``), in
    lower case; None for any other word (``cvprw``, ``iccv-like``)."""
    found = _KNOWN_VENUE_WORD.match(word)
    return found.group().casefold() if found else None


def names_known_venue(text: str) -> bool:
    """Whether ``text`` names one of the conferences whose year lists glue to their name
    (``CVPR``, ``NeurIPS``): a venue, not an answer to the question of the year."""
    return _KNOWN_VENUE.search(text) is not None


def venue_year_tag(text: str) -> bool:
    """Whether ``text`` is a venue's (or a preprint server's) name glued to a year
    (``CVPR2019``, ``NeurIps2018``, ``arxiv2019``): a tag many papers share, not a key."""
    return _VENUE_YEAR_TAG.fullmatch(text) is not None


def author_year_label(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """``text[start:end]`` as a whole, read as an author-year label (``Wang et al. - 2017 -``,
    ``Doe and Roe (2019)``) whose surnames are capitalised; None otherwise (``Deep learning
    2020``, ``Doe et al.`` without a year)."""
    found = _AUTHOR_YEAR_LABEL.fullmatch(text, start, len(text) if end is None else end)
    if found is None:
        return None
    words = ET_AL.sub(" ", found.group("names")).replace("&", " ").split()
    surnames = [word for word in words if word != "and" and any(map(str.isalpha, word))]
    return found if all(word[:1].isupper() for word in surnames) else None


def preprint_marker(text: str) -> bool:
    """Whether ``text``, its URLs aside, names a preprint server or report as a venue
    (``Preprint.``, ``arXiv``, ``Technical report``, ``CoRR``, ``bioRxiv``)."""
    return may_name_preprint(text) and _PREPRINT_MARKER.search(_URL.sub(" ", text)) is not None


def may_name_preprint(text: str) -> bool:
    """Whether ``text`` may name a preprint (``arxiv_id``, ``preprint_marker``): every way of
    naming one writes ``rxiv``, ``print``, ``corr``, ``ssrn`` or ``report`` in some case.

    Tested on lower-cased ASCII text: the patterns, which ignore case, take ten microseconds a
    line, most of a check's time in them (and match ``ſ`` for ``s``, hence the ASCII test)."""
    if not text.isascii():
        return True
    lower = text.lower()
    return (
        "rxiv" in lower
        or "print" in lower
        or "corr" in lower
        or "ssrn" in lower
        or "report" in lower
    )


def holds_short_date(text: str, document: str) -> bool:
    """Whether ``text`` holds a short date (``19/06``, ``21.03``: year, then month) written
    with the separator the list's full dates use (``2019/06``): a year in the list's own
    shorthand, which the year readers do not take for one."""
    separators = {match.group(1) for match in _SHORT_DATE.finditer(_URL.sub(" ", text))}
    return bool(separators) and any(
        match.group(1) in separators and plausible_year(int(match.group(0)[:4]))
        for match in _FULL_DATE.finditer(_URL.sub(" ", document))
    )


def _year_like(text: str) -> Iterator[re.Match[str]]:
    """The year-like matches of ``text`` outside its URLs; a four-digit one only if plausible."""
    if not _TWO_DIGITS.search(text):
        return
    for match in _YEAR_LIKE.finditer(_URL.sub(" ", text)):
        year = match.group("y4")
        if year is None or plausible_year(int(year)):
            yield match


def plausible_year(year: int) -> bool:
    """A year a paper can have been published in: from 1900 to next year."""
    # Performance (issue 10.5): asked of every dated entry; reading the clock cost most of it.
    if year < 1900:
        return False
    return year <= _NEXT_YEAR_AT_IMPORT or year <= datetime.date.today().year + 1


# Next year as of the import: it only grows, so a year up to it is plausible at any later time.
_NEXT_YEAR_AT_IMPORT = datetime.date.today().year + 1


def key_year(key: str) -> int | None:
    """The year written in a citation key (``he2016deep``), if any."""
    match = _KEY_YEAR.search(key)
    return int(match.group(1)) if match else None


def expand_year(digits: str) -> int:
    """``'21`` is 2021 and ``'98`` is 1998: a two-digit year past next year is last century."""
    value = int(digits)
    if len(digits) != 2:
        return value
    next_year = datetime.date.today().year + 1
    return 2000 + value if 2000 + value <= next_year else 1900 + value


def find_year(
    text: str, start: int, end: int, holes: Sequence[tuple[int, int]] = ()
) -> Part | None:
    """The first year in ``text[start:end]`` outside ``holes`` (links, code, HTML) and outside
    any URL written in it (``<https://...>``, a bare ``www.``), and not glued inside a longer
    run of letters and digits (``be4ae2028daf5``: a hash, ``_in_longer_run``)."""
    if "://" in text[start:end] or "www." in text[start:end]:
        holes = [*holes, *(match.span() for match in _URL.finditer(text, start, end))]
    for run_start, run_end in runs_outside(start, end, holes):
        if not _TWO_DIGITS.search(text, run_start, run_end):
            continue  # every year has two digits in a row; a quick look spares the slow pattern
        at = run_start
        while (match := _YEAR.search(text, at, run_end)) is not None:
            group = match.lastindex or 0  # each alternative holds one group: the year's digits
            if not _in_longer_run(text, match.start(group), match.end(group)):
                return Part(match.start(group), match.end(group), match.group(group))
            at = match.end()
    return None


def _in_longer_run(text: str, start: int, end: int) -> bool:
    """Whether the year ``text[start:end]`` has a letter or digit glued on each side, and the
    run around it holds more digits on both sides (``be4ae2028daf5``, ``5e2031ab7c``) or is a
    long run of hexadecimal digits (``ae2028daf5adcb74``): a hash or an id, no year. A year
    glued to words (``CVPR2020a``, ``zhang2021survey``, ``NeurIPS2022v1``) is still read."""
    if start == 0 or end >= len(text) or not text[start - 1].isalnum() or not text[end].isalnum():
        return False
    left = start
    while left > 0 and text[left - 1].isalnum():
        left -= 1
    right = end
    while right < len(text) and text[right].isalnum():
        right += 1
    if any(char.isdigit() for char in text[left:start]) and any(
        char.isdigit() for char in text[end:right]
    ):
        return True
    return right - left >= _HASH_LENGTH and _HEX.fullmatch(text, left, right) is not None


def named_by_venue(text: str, year: Part) -> bool:
    """Whether the word right before ``year`` is a venue's (``ICLR 2018``, ``CVPR '24``)."""
    return bool(_VENUE_BEFORE.search(text, max(0, year.start - 20), year.start))


def venue_around(
    text: str,
    start: int,
    end: int,
    year: Part | None,
    holes: Sequence[tuple[int, int]] = (),
) -> Part | None:
    """The venue words of ``text[start:end]`` (a label, a cell, a line) around its year.

    ``[CVPR 2020]`` gives ``CVPR``, ``NeurIPS 2025 DB Highlight,`` gives ``NeurIPS 2025 DB
    Highlight`` minus the year; a stretch of more than a few words is not a venue.
    """
    spans = []
    for match in _VENUE_WORD.finditer(text, start, end):
        spans.append(match.span())
        if len(spans) > 4 * _MAX_VENUE_WORDS:
            return None  # a stretch of prose: no venue, and no need to read it all
    notes = [match.span() for match in _NOTE.finditer(text, start, end)]
    outside = Cover(holes)
    if year is not None:  # ``ICML19``: the venue is the word less its glued year
        spans = [(s, year.start if s < year.start < e else e) for s, e in spans]
    words = [
        (word_start, word_end)
        for word_start, word_end in spans
        if (year is None or not word_start <= year.start < word_end)
        and not inside(word_start, notes)
        and word_start not in outside
        and _LETTER.search(text, word_start, word_end)
    ]
    if not words or len(words) > _MAX_VENUE_WORDS:
        return None
    first, last = words[0][0], words[-1][1]
    # ``_ICLR'23_``: an underscore at the edge is the list's italics, not the venue's name
    while last > first and text[last - 1] in ".-_":
        last -= 1
    while first < last and text[first] in "-_":
        first += 1
    return Part(first, last, text[first:last])


def is_date(venue: str) -> bool:
    """``24th Jul.``, ``March 3``: the words around a year name a day, not a venue."""
    words = _DATE_NOISE.split(venue.casefold())
    return any(words) and all(_DATE_WORD.fullmatch(word) for word in words if word)


def same_venue(first: str, second: str) -> bool:
    """``PR`` and ``Pattern Recognition``, ``NIPS`` and ``NeurIPS``: one venue."""
    one, other = venue_family(first), venue_family(second)
    if one == other:
        return True
    for short, long in ((one, other), (other, one)):
        words = long.split()
        if " " not in short and len(words) > 1 and short == "".join(word[0] for word in words):
            return True
    if _ALIASES.get(one, one) == _ALIASES.get(other, other) or _one_letter_more(one, other):
        return True
    if _proceedings_of(one, other, second) or _proceedings_of(other, one, first):
        return True
    if _initials_of(first, second) or _initials_of(second, first):
        return True
    return _abbreviates(first, second) or _abbreviates(second, first)


def _abbreviates(short: str, long: str) -> bool:
    """``AI Review`` and "Artificial Intelligence Review", ``IEEE SP Letters`` and "IEEE Signal
    Processing Letters": a name of several words, some written as the initials of words of the
    other (``AI``: Artificial Intelligence), the rest the other's own words, in order. Another
    word in either (``AI Review`` and "AI Magazine") makes another venue."""
    written = [word for word in _venue_words(short) if word not in _VENUE_FILLER]
    words = [word for word in _venue_words(long) if word not in _VENUE_FILLER]
    if len(written) < 2 or len(written) >= len(words) or len(words) > _MAX_VENUE_WORDS * 2:
        return False
    return _spelled_out(written, words, shortened=False)


def _spelled_out(written: list[str], words: list[str], *, shortened: bool) -> bool:
    """Whether ``written`` names ``words`` word by word, each written word either the same word
    or the initials (or starts) of two words or more, at least one of them so shortened."""
    if not written:
        return not words and shortened
    word, rest = written[0], written[1:]
    if words and word == words[0] and _spelled_out(rest, words[1:], shortened=shortened):
        return True
    return any(
        _spells(word, words[:taken]) and _spelled_out(rest, words[taken:], shortened=True)
        for taken in range(2, min(len(word), len(words)) + 1)
    )


def _proceedings_of(family: str, other: str, other_venue: str) -> bool:
    """``PVLDB`` and ``VLDB``: the proceedings and the conference whose papers they publish.
    The conference's journal (``VLDB Journal``, whose family drops the word) is another venue."""
    return _PROCEEDINGS.get(family) == other and "journal" not in _VENUE_NOISE.split(
        other_venue.casefold()
    )


def _one_letter_more(one: str, other: str) -> bool:
    """``arXive`` and ``arXiv``: one spelling holds a letter the other lacks, a slip of the
    keyboard over a name of five letters or more. A shorter name is too often another venue's
    (``ICML`` and ``ICMLA``), and a trailing ``w`` marks the workshop of a venue (``NeurIPSW``)."""
    short, long = sorted((one, other), key=len)
    if len(long) != len(short) + 1 or len(short) < _MIN_SLIP_NAME:
        return False
    if long.startswith(short):
        return long[-1] != "w"
    cut = next(i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b)
    return long[cut + 1 :] == short[cut:]


_ALIASES = {"nips": "neurips", "tpami": "pami", "t pami": "pami"}
# Proceedings that publish one conference's papers under a name of their own: PVLDB is VLDB's.
# Proceedings of several conferences (PACMPL: POPL, ICFP, OOPSLA; PACMMOD: SIGMOD and PODS)
# are none of them, and are not here.
_PROCEEDINGS = {"pvldb": "vldb"}
_MIN_SLIP_NAME = 5
# Words an acronym may leave out: ``ICML`` has no letter of "on", ``CoRL`` has one.
_SKIPPABLE = _VENUE_FILLER | {"and", "for", "advances", "annual", "workshop", "symposium", "&"}


def _initials_of(short: str, long: str) -> bool:
    """Whether ``short`` is an acronym of ``long``, year aside: the start of every word that
    names the venue, in order, and of any word an acronym may leave out (``CoRL`` and
    "Conference on Robot Learning", ``NeurIPS`` and "Neural Information Processing Systems").
    Words that say where a paper appeared may stand beside an acronym too: ``MedIA Journal``
    is "Medical Image Analysis"; but ``Proceedings of ACL`` is no acronym of "Proceedings for
    ACL", which writes the name out (their families differ: a slip worth reporting)."""
    written = _venue_words(short)
    named = [word for word in written if word not in _VENUE_FILLER] or written
    acronym = "".join(named)
    words = _venue_words(long)
    if not 1 < len(words) <= _MAX_VENUE_WORDS * 2 or len(named) != 1:
        return False
    if len(written) > 1 and acronym in words:
        return False
    if not acronym.isalnum() or acronym.isdigit():  # ``3DV``: a digit may start a word
        return False
    return _spells(acronym, words)


def _spells(acronym: str, words: list[str]) -> bool:
    if not words:
        return not acronym
    word, rest = words[0], words[1:]
    if word in _SKIPPABLE and _spells(acronym, rest):
        return True
    taken = 1
    while taken <= min(len(word), len(acronym)) and acronym[:taken] == word[:taken]:
        if _spells(acronym[taken:], rest):
            return True
        taken += 1
    return False


def _venue_words(venue: str) -> list[str]:
    """A venue's words, case folded, years and punctuation left out."""
    words = [word.rstrip("0123456789") for word in _VENUE_NOISE.split(venue.casefold())]
    return [word for word in words if word and not word.isdigit()]


def venue_family(venue: str) -> str:
    """What two spellings of one venue share: ``IEEE TNN`` and ``TNN``, ``CVPR'22`` and ``cvpr``."""
    words = [word for word in _VENUE_NOISE.split(venue.casefold()) if word]
    words = [word.rstrip("0123456789") for word in words if not word.isdigit()]
    kept = [word for word in words if word and word not in _VENUE_FILLER]
    return " ".join(kept or words)
