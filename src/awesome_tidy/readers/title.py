"""The title of an entry: a link label, a bold run, a bracketed field, or plain text."""

from __future__ import annotations

import re

from awesome_tidy.inline import WORD, Link, Part, emphasis_at, matching, part, strip_span, unwrap
from awesome_tidy.metadata import ET_AL, author_year_label, find_year
from awesome_tidy.nodes import Entry
from awesome_tidy.readers.decide import Found, decide
from awesome_tidy.readers.lead import read_date_tag, skip_spaces
from awesome_tidy.urls import is_kind_label, label_kind

_NUMBERING = re.compile(r"\d{1,4}[.)]\s+")
FIELD_LABEL = re.compile(r"[^\n:：]{1,30}[:：]\s*$")
# Where a plain title ends: a link or bracket, a pipe, HTML, a hard break, or an emphasis run
# after a space (``Title. *Jane Doe et al. arXiv.*``, ``Title. In *ICML 2019*.``). Every
# alternative opens with a literal, so that the engine skips to the next such character.
_TITLE_STOPS = re.compile(
    r"\[|!\[|\||<|\\\n|  \n|\*\*\[|\*(?<=\s\*)[*_]?(?=[^\s*_])|_(?<=\s_)[*_]?(?=[^\s*_])"
)
# What may open a title link (``[``, ``![``, ``<[``), a bold run, a bracketed field or a tag: a
# title that opens with anything else is plain text.
_TITLE_MARKS = "[!<*_"
_NUMBER_TAG = re.compile(r"\[?\s*\d[\d.\-/]*\s*\]?")
# ``ICLR (2019)``, ``In Proc. of CVPR, pp. 1-9 (2019)``: what may follow a quoted title.
_MAX_VENUE_WORDS = 6
# ``Chinese-LlaMA2：``, ``Title —``: what ends a name whose fields follow, never title text.
TRIMMED_AFTER_TITLE = ":：-–—|"
_QUOTED_TITLE = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")
_MAX_TAG_WORDS = 3
# ``**【Agentic⚙️】Title**``, ``**[ICML 2022] Title**``: a tag inside a bold title, before it.
_INNER_TAG = re.compile(r"【[^【】\n]{1,40}】|\[[^\[\]\n]{1,40}\](?![(\[])")
# A plain title after short fields has a few words (``Scaling Robots to Mastery``), not one.
_PLAIN_TITLE_WORDS = 3
_MIN_QUOTED_WORDS = 3
# ``Jane Doe, John Roe, and Ann Lee. 2019. [Title](url)``: a citation that opens with its
# authors and year; the year closes the lead, set off from the names (``. 2019.``, ``, 2019,``,
# `` (2019).``): ``Deep Learning Frameworks 2020 [link](url)`` is a title.
# A blank run is matched from its first blank only (``(?<!\s)``): linear on long runs.
_CITED_YEAR = re.compile(r"(?:[.,]\s*\(?|(?<!\s)\s*\()((?:19|20)\d\d)[a-z]?\)?[.,:]?\s*$")
# What separates the names of an author list: ``, ``, ``, and ``, `` and ``, `` & ``.
_NAME_JOINER = re.compile(r"(?<!\s)\s*,\s*(?:(?:and|&)\s+)?|(?<!\s)\s+(?:and|&)\s+")
# Lower-case words a person's name may hold: ``Ludwig van Beethoven``, ``Luis de la Torre``.
_NAME_PARTICLES = frozenset(
    ("van", "von", "der", "den", "de", "da", "di", "del", "della", "la", "le", "du", "dos", "bin")
)
_MAX_NAME_WORDS = 5
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]|\bal)$")
_NAME_MARKS = ".-'’"
# ``Jiang W, Luo J. <b>Title[J]</b>. Journal, 2022``: a title emphasised in HTML after its authors
# ``Harford, *Title,* 2005``: how far after a cited title its year may be (a publisher's name).
_CITED_YEAR_REACH = 80
_BOOK_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_HTML_EMPHASIS = re.compile(r"<(b|strong|i|em)>(?=\S)", re.IGNORECASE)


def read_title(text: str, entry: Entry, at: int, end: int) -> None:
    # A loop, not recursion: a line of a thousand tags or bold labels is not a thousand frames.
    in_failed_fields = False  # ``at`` is inside a run of fields already read without a title
    while text[at : at + 1] in _TITLE_MARKS:  # (past the text, "" is "in" and reads on)
        link = entry_link_at(text, entry, at)
        if link is not None and not link.image and link.label.text.strip():
            entry.form = "link"
            entry.title = titled(text, link.label.start, link.label.end)
            return
        bold = emphasis_at(text, at, end)
        if bold is not None:
            if _is_bold_label(text, *bold):
                if not _names_the_paper(text[bold[0] : bold[1]]):
                    return  # ``**Code:** url``: a field of something else, with no title of its own
            elif not is_bold_tag(text, *bold):
                if not _read_bold_dated_citation(text, entry, bold, end):
                    read_bold_title(text, entry, *bold)
                return
            else:  # ``3. **[2023]** Title``: a leading tag dates the entry
                read_date_tag(text, entry, *bold, "title-tag")
            at, in_failed_fields = skip_spaces(text, bold[1] + 2, end), False
            continue
        # A run of fields with no title in it has none in its tail either: reading the run again
        # after each tag made a line of n tags cost n².
        if not in_failed_fields and _read_fields(text, entry, at, end):
            return
        in_failed_fields = _field_close(text, at, end) >= 0
        tagged = _skip_tag(text, at, end)
        if tagged == at:
            break
        # ``[2023/04] **Title**``, ``[ICML 2022] Title``: a leading tag dates the entry
        read_date_tag(text, entry, at + 1, tagged, "title-tag")
        at = tagged
    _read_plain_title(text, entry, at, end)


def _read_plain_title(text: str, entry: Entry, at: int, end: int) -> None:
    """Text up to the first delimiter, less a trailing label colon or citation ``In``."""
    stop = _TITLE_STOPS.search(text, at, end)
    if stop is not None and (
        _read_cited_title(text, entry, at, stop.start())
        or _read_bold_after_names(text, entry, at, stop.start(), end)
        or _read_cited_book(text, entry, at, stop.start(), end)
    ):
        return
    title_start, title_end = strip_span(text, at, stop.start() if stop else end)
    title_start, title_end = _trim_label_colon(text, title_start, title_end)
    title_end = _before_citation_in(text, title_start, title_end)
    title_end = _before_trailing_date(text, entry, title_start, title_end)  # ``Title (2023)``
    quoted = _quoted(text, title_start, title_end)
    if quoted and _read_cited_span(text, entry, title_start, *quoted.span(1), quoted.end(), end):
        return  # ``Harford, "The Undercover Economist," 2005.``
    if quoted and _only_a_name_and_venue_around(text, title_start, quoted, title_end):
        title_start, title_end = quoted.span(1)  # ``DiMP: "Title" ICCV.``: the quoted title
    if title_end > title_start:
        entry.title = part(text, title_start, title_end)


def _read_cited_title(text: str, entry: Entry, start: int, stop: int) -> bool:
    """``Jane Doe and John Roe. 2019. [Title](url). In *ICML*.``: where the text before the
    first link is an author list and a year, the link names the paper, not the authors (two
    papers of one team are not one paper). The year dates the entry unless its tail has one."""
    at = stop
    while text[at : at + 1] in ("*", "_"):
        at += 1
    link = entry_link_at(text, entry, at)
    if link is None or link.image or not link.label.text.strip():
        return False
    if is_kind_label(link.label.text):
        return False  # ``Doe et al. 2019. [paper](url)``: a link to the paper, not its title
    label = author_year_label(text, start, stop)
    if label is not None:  # ``Wang et al. - 2017 - [Title](url)``: the label cites the link
        entry.form = "link"
        entry.title = titled(text, link.label.start, link.label.end)
        _read_label(text, entry, label)
        return True
    # The pattern tries every period, comma and parenthesis of the text; a year it can match
    # ends the text but for up to three marks (``2019a).``), which one look settles first.
    if not any(map(str.isdecimal, text[start:stop].rstrip()[-4:])):
        return _read_named_title(text, entry, link, start, stop)
    year = _CITED_YEAR.search(text, start, stop)
    if year is None:
        return False
    names_end = strip_span(text, start, year.start())[1]
    if text.startswith(".", names_end) and _ABBREVIATION_END.search(text, start, names_end):
        names_end += 1  # the period of ``et al.`` or of an initial (``Doe, J. (2019)``)
    if not _is_author_list(text[start:names_end]):
        return False
    entry.form = "link"
    entry.title = titled(text, link.label.start, link.label.end)
    entry.authors = part(text, start, names_end)
    # ranked below every year the tail may read (``In *Proceedings of ACL 2019*``), which comes
    # with the venue around it
    decide(entry, Found("authors", part(text, *year.span(1))))
    return True


def _read_named_title(text: str, entry: Entry, link: Link, start: int, stop: int) -> bool:
    """``Jane Doe and John Roe. [Title](url). ICML, 2019.``: an author list of two names or more
    closed by a period before the first link; the link names the paper."""
    names_end = _names_end(text, start, stop)
    if names_end is None:
        return False
    entry.form = "link"
    entry.title = titled(text, link.label.start, link.label.end)
    entry.authors = part(text, start, names_end)
    return True


def _read_bold_after_names(text: str, entry: Entry, start: int, stop: int, end: int) -> bool:
    """``Jane Doe,John Roe. **"Title"** | [[PDF]](url)``: an author list closed by a period
    before a bold run; the bold run (less the quotes around it) names the paper, so that two
    papers of one team stay two papers."""
    bold = emphasis_at(text, stop, end)
    html = bold is None and (bold := _html_emphasis_at(text, stop, end)) is not None
    if bold is None or is_bold_tag(text, *bold) or _is_bold_label(text, *bold):
        return False
    label = author_year_label(text, start, stop)
    names_end = _names_end(text, start, stop) if label is None else label.end("names")
    if names_end is None:
        return False
    if html:  # read as the same run is at the start of an item: plain text up to a delimiter
        _read_plain_title(text, entry, *bold)
        if entry.title is None:
            return False
    else:
        read_bold_title(text, entry, *bold)
    if entry.title is not None and _QUOTED_TITLE.fullmatch(entry.title.text):
        entry.title = titled(text, entry.title.start + 1, entry.title.end - 1)
    if label is not None:
        _read_label(text, entry, label)
    else:
        entry.authors = part(text, start, names_end)
    return True


def _read_cited_book(text: str, entry: Entry, start: int, stop: int, end: int) -> bool:
    """``Harford, *The Undercover Economist,* 2005.``, ``Jane Doe. _Title_. Penguin, 2019.``: a
    citation that opens with its authors (one surname is enough), set off by a comma or a
    period, then the title in emphasis and the year close after it. The emphasised span names
    the work: read as the title, the authors' name made two books of one author one."""
    run = _emphasis_run_at(text, stop, end)
    if run is None:
        return False
    return _read_dated_book(text, entry, start, run) or _read_cited_span(
        text, entry, start, run[0], run[1], run[2], end
    )


def _read_bold_dated_citation(text: str, entry: Entry, bold: tuple[int, int], end: int) -> bool:
    """``**Jane Doe Consortium** (2019). "Title." *Venue* **12**``: an author-date citation whose
    authors are in bold (``_read_dated_book``); the quoted or emphasised title after the year
    names the work, so that two papers of one team are two papers. The title has a title's
    length (``_MIN_QUOTED_WORDS``): in ``**Attention Is All You Need** (2017). *NeurIPS*.`` the
    bold is the title and the emphasis its venue. Without such a title after the year the bold
    run is the title, as before."""
    after = skip_spaces(text, bold[1] + 2, end)
    if not text.startswith("(", after):
        return False
    close = text.find(")", after, min(end, after + 8))
    at = skip_spaces(text, close + 1, end)
    if close < 0 or not text.startswith((".", ":", ","), at):
        return False
    at = skip_spaces(text, at + 1, end)
    quoted = _QUOTED_TITLE.match(text, at, end)
    run = (*quoted.span(1), quoted.end()) if quoted else _emphasis_run_at(text, at, end)
    if run is None or len(WORD.findall(text, run[0], run[1])) < _MIN_QUOTED_WORDS:
        return False
    return _read_dated_book(text, entry, bold[0] - 2, run)


def _read_dated_book(text: str, entry: Entry, start: int, run: tuple[int, int, int]) -> bool:
    """``Martin Heidegger (1967): _Title_, vol. 3``, ``Doe, J. (2019). *Title*. Publisher.``:
    authors (in bold or not) and a bracketed year, then the title in emphasis or quotes (an
    author-date citation of a book or a paper). The year dates the entry unless its tail has
    one."""
    lead_end = run[0] - 1
    while lead_end > start and text[lead_end - 1] in "*_":
        lead_end -= 1  # (the opening mark of a bold run)
    lead_end = strip_span(text, start, lead_end, " \t\n:.,")[1]
    opening = text.rfind("(", start, lead_end)
    year = text[opening + 1 : lead_end - 1].rstrip("abcdefgh") if opening >= 0 else ""
    if text[lead_end - 1 : lead_end] != ")" or not _BOOK_YEAR.fullmatch(year):
        return False
    names_start, names_end = strip_span(text, start, opening, " \t\n*_")
    if not _is_author_list(text[names_start:names_end], least=1):
        return False
    title_start, title_end = strip_span(text, run[0], run[1], " \t\n,;.")
    if not any(char.isalpha() for char in text[title_start:title_end]):
        return False
    entry.title = part(text, title_start, title_end)
    entry.authors = part(text, names_start, names_end)
    decide(entry, Found("authors", part(text, opening + 1, opening + 5)))
    return True


def _read_cited_span(
    text: str, entry: Entry, start: int, inner: int, inner_end: int, after: int, end: int
) -> bool:
    """The span ``text[inner:inner_end]`` (emphasised or quoted, closed at ``after``) as the
    title, where the text from ``start`` to its opening mark is an author list closed by a
    comma or a period, and a year follows within a venue's length of words."""
    names_start, names_end = strip_span(text, start, inner - 1)
    while names_end > names_start and text[names_end - 1] in "*_":
        names_end -= 1  # (the opening mark of a bold run)
    if names_end <= names_start or text[names_end - 1] not in ",.":
        return False
    names_end -= 1
    if text[names_end] == "." and _ABBREVIATION_END.search(text, names_start, names_end):
        names_end += 1  # the period of ``et al.`` or of an initial (``Doe, J.``)
    if not _is_author_list(text[names_start:names_end], least=1):
        return False
    holes = [(link.start, link.end) for link in entry.links]
    year = find_year(text, after, min(end, after + _CITED_YEAR_REACH), holes)
    if year is None or len(WORD.findall(text, after, year.start)) > _MAX_VENUE_WORDS:
        return False
    title_start, title_end = strip_span(text, inner, inner_end, " \t\n,;")
    if not any(char.isalpha() for char in text[title_start:title_end]):
        return False
    entry.title = part(text, title_start, title_end)
    entry.authors = part(text, names_start, names_end)
    return True


def _emphasis_run_at(text: str, at: int, end: int) -> tuple[int, int, int] | None:
    """The inside of an emphasis run opening at ``at`` (``*x*``, ``_x_``, ``**x**``, ``__x__``)
    and where the run ends, or None. An underscore closes a run only before a non-letter."""
    bold = emphasis_at(text, at, end)
    if bold is not None:
        return bold[0], bold[1], bold[1] + 2
    marker = text[at : at + 1]
    if marker not in ("*", "_") or at + 1 >= end or text[at + 1] in " \t\n*_":
        return None
    close = text.find(marker, at + 2, end)
    while close >= 0 and (
        text[close - 1].isspace() or (marker == "_" and text[close + 1 : close + 2].isalnum())
    ):
        close = text.find(marker, close + 1, end)
    return None if close < 0 else (at + 1, close, close + 1)


def _read_label(text: str, entry: Entry, label: re.Match[str]) -> None:
    """The authors and the year of an author-year label before the title (``Wang et al. - 2017
    - **Title**``): the year dates the entry unless its tail has one."""
    entry.authors = part(text, *label.span("names"))
    decide(entry, Found("authors", part(text, *label.span("year"))))


def _html_emphasis_at(text: str, at: int, end: int) -> tuple[int, int] | None:
    """The inside of an HTML emphasis run opening at ``at`` (``<b>Title[J]</b>``, ``<strong>``,
    ``<i>``, ``<em>``), closed before ``end``, or None."""
    opener = _HTML_EMPHASIS.match(text, at, end)
    if opener is None:
        return None
    close = re.compile(rf"</{opener[1]}\s*>", re.IGNORECASE).search(text, opener.end(), end)
    return (opener.end(), close.start()) if close is not None else None


def _names_end(text: str, start: int, stop: int) -> int | None:
    """Where the author list that ``text[start:stop]`` is ends, before its closing period; None
    when it is no list of two names or more. One name (``Deep Learning. [Title](url)``) may be
    a topic, which the title includes."""
    names_end = strip_span(text, start, stop)[1] - 1  # before the closing period
    if not text.startswith(".", names_end) or _NAME_JOINER.search(text, start, names_end) is None:
        return None
    return names_end if _is_author_list(text[start:names_end]) else None


def _is_author_list(names: str, least: int = 2) -> bool:
    """``Jane Doe, J. Roe, and Ann van Lee``, ``Doe, J., Roe, J.``, ``Jane Doe et al.``:
    capitalised names (with initials and particles) joined by commas, ``and`` or ``&``, of
    ``least`` words or more."""
    names = ET_AL.sub("", names).rstrip(" .,")
    words = 0
    for name in _NAME_JOINER.split(names):
        tokens = name.split()
        if not 1 <= len(tokens) <= _MAX_NAME_WORDS or not all(map(_is_name_word, tokens)):
            return False
        words += len(tokens)
    return words >= least


def _is_name_word(word: str) -> bool:
    if word in _NAME_PARTICLES:
        return True
    return word[0].isupper() and all(char.isalpha() or char in _NAME_MARKS for char in word)


def _quoted(text: str, start: int, end: int) -> re.Match[str] | None:
    # Performance (issue 3): two finds of the opening quotes skip the regex on most titles.
    if text.find('"', start, end) < 0 and text.find("“", start, end) < 0:
        return None
    return _QUOTED_TITLE.search(text, start, end)


def entry_link_at(text: str, entry: Entry, at: int) -> Link | None:
    """The link opening at ``at``, or wrapped in angle brackets there: ``<[Title](url)>``."""
    for link in entry.links:
        if link.start == at or (
            link.start == at + 1 and text[at] == "<" and text.startswith(">", link.end)
        ):
            return link
    return None


def _is_bold_label(text: str, start: int, end: int) -> bool:
    """``**Paper:**`` or ``**Code**:``: a field label before its value, never a title."""
    label = text[start:end]
    if text.startswith((":", "："), end + 2):
        label += ":"
    return FIELD_LABEL.fullmatch(label) is not None


def _names_the_paper(label: str) -> bool:
    """A label whose value is the paper itself (``Paper:``, ``Title:``), not one of its fields."""
    words = label.rstrip(":：").strip().casefold()
    return words == "title" or label_kind(words) == "paper"


def is_bold_tag(text: str, start: int, end: int) -> bool:
    """``**[RND]** Title``, ``**[RGB+PaDim,RGB+PatchCore]** Title``: a short bracketed name (or a
    list of names) in bold before the title, as a tag is; and ``**[34]**``, ``**2023**``,
    ``**[2023.05]**``: a reference number or a date, which are never a title either."""
    return _NUMBER_TAG.fullmatch(text, start, end) is not None or (
        text[start] == "["
        and matching(text, start, end, "[", "]") == end - 1
        and (len(WORD.findall(text, start, end)) <= _MAX_TAG_WORDS or " " not in text[start:end])
    )


def _before_citation_in(text: str, start: int, end: int) -> int:
    """``Title. In *ICML 2019*``: the "In" of a citation belongs to the venue, not the title."""
    if end - start > 3 and text[end - 2 : end].casefold() == "in" and text[end - 3].isspace():
        cut = strip_span(text, start, end - 2)[1]
        if text[cut - 1] in ".?!":
            return cut
    return end


def _only_a_name_and_venue_around(text: str, start: int, quoted: re.Match[str], end: int) -> bool:
    """``DiMP: "Title" ICCV.``, not ``"A Quoted Phrase": the rest of a title``."""
    before = len(WORD.findall(text, start, quoted.start()))
    after = len(WORD.findall(text, quoted.end(), end))
    inside = len(WORD.findall(text, *quoted.span(1)))
    if inside < _MIN_QUOTED_WORDS:
        return False
    if before > _MAX_TAG_WORDS:  # ``Jane Doe, John Roe and Ann Lee. "Title" ICLR (2019)``
        return _ends_an_author_list(text, start, quoted.start()) and after <= _MAX_VENUE_WORDS
    return after <= _MAX_TAG_WORDS


def _ends_an_author_list(text: str, start: int, end: int) -> bool:
    """Names before a quoted title end as a citation's author list does: ``Doe, J., Roe, J.``"""
    stop = strip_span(text, start, end)[1]
    return stop > start and text[stop - 1] in ".,:"


def read_bold_title(text: str, entry: Entry, start: int, end: int) -> None:
    inner = next((link for link in entry.links if link.start == start), None)
    if inner is not None and inner.end == end and not inner.image:
        entry.form = "link"
        entry.title = titled(text, inner.label.start, inner.label.end)
        return
    entry.form = "bold"
    numbering = _NUMBERING.match(text, start, end)
    start = _after_inner_tag(text, entry, numbering.end() if numbering else start, end)
    end = _before_trailing_date(text, entry, start, end)
    entry.title = titled(text, start, end)


def _after_inner_tag(text: str, entry: Entry, start: int, end: int) -> int:
    """``**【🔧SFT+🚀RL】Thinking with ...**``, ``**[CVPR 2023] Title ...**``: a short bracketed
    tag that opens a bold title is the list's mark (a method, a venue), as it is before the
    run: the title follows it, three words or more. A tag with a year dates the entry."""
    tag = _INNER_TAG.match(text, start, end)
    if tag is None or len(WORD.findall(text, tag.start() + 1, tag.end() - 1)) > _MAX_TAG_WORDS:
        return start
    after = skip_spaces(text, tag.end(), end)
    if len(WORD.findall(text, after, end)) < _PLAIN_TITLE_WORDS:
        return start
    read_date_tag(text, entry, tag.start() + 1, tag.end() - 1, "title-tag")
    return after


def _before_trailing_date(text: str, entry: Entry, start: int, end: int) -> int:
    """``**Anonymous Walk Embeddings (ICML 2018)**``: the title ends before its venue tag."""
    stop = strip_span(text, start, end)[1]
    if not text.startswith(")", stop - 1):
        return end
    opener = text.rfind("(", start, stop)
    if opener <= start or not read_date_tag(text, entry, opener + 1, stop - 1, "title-tag"):
        return end
    return strip_span(text, start, opener)[1]


def _skip_tag(text: str, at: int, end: int) -> int:
    """``[**ALOCC**] Adversarially Learned ...``: a short bracketed name before a plain title.
    A venue's name and its year (``[IEEE Transactions on Consumer Electronics 23]``) is a tag
    up to a venue's length: read as the title, the entry lost its own (study 26)."""
    if at >= end or text[at] != "[":
        return at
    close = matching(text, at, min(end, at + 60), "[", "]")
    if close < 0 or text[close + 1 : close + 2] == "(":
        return at
    words = len(WORD.findall(text, at, close))
    if words > _MAX_TAG_WORDS and (
        words > _MAX_VENUE_WORDS or find_year(text, at + 1, close) is None
    ):
        return at
    return skip_spaces(text, close + 1, end)


def titled(text: str, start: int, end: int) -> Part:
    start, end = unwrap(text, start, end)
    return part(text, start, end)


def _trim_label_colon(text: str, start: int, end: int) -> tuple[int, int]:
    """``Chinese-LlaMA2：`` names an item whose fields follow; the colon is not title text."""
    while end > start and text[end - 1] in TRIMMED_AFTER_TITLE:
        end = strip_span(text, start, end - 1)[1]
    return start, end


def _read_fields(text: str, entry: Entry, at: int, end: int) -> bool:
    """``[Author _et. al._] [Title] [Venue'YY]``: bracketed fields that are not links."""
    groups = []
    while (close := _field_close(text, at, end)) >= 0:
        groups.append((at + 1, close))
        at = skip_spaces(text, close + 1, end)
    if not groups:
        return False
    authors = [group for group in groups if ET_AL.search(text, *group)]
    named = set(authors)  # a set: ``in`` on the list made a line of n author fields n²
    rest = [group for group in groups if group not in named and not find_year(text, *group)]
    if not rest:
        return False
    title = max(rest, key=lambda group: len(WORD.findall(text, *group)))
    words = len(WORD.findall(text, *title))
    if (words < 3 and len(groups) < 2) or (
        words <= _MAX_TAG_WORDS and _longer_title_follows(text, entry, at, end, words)
    ):
        return False
    entry.form = "fields"
    entry.title = titled(text, *title)
    if authors:
        entry.authors = titled(text, *authors[0])
    return True


def _longer_title_follows(text: str, entry: Entry, at: int, end: int, words: int) -> bool:
    """``[2505] [URSA] [URSA: Understanding ...](url)``: short tags before the title link.

    ``[2026] [**Acme Labs**] Scaling Robots: ...``: a short field before a longer plain title
    tags the entry (an organisation, a category that many entries share); the title follows."""
    link = entry_link_at(text, entry, at)
    if link is None:
        if text[at : at + 1] in "*_":
            return False  # (a bold title after a tag is read as before: only plain text here)
        stop = text.find("[", at, end)
        plain = len(WORD.findall(text, at, stop if stop >= 0 else end))
        return plain >= _PLAIN_TITLE_WORDS and plain > words
    if link.image or is_kind_label(link.label.text):
        return False
    return len(WORD.findall(text, link.label.start, link.label.end)) > words


def _field_close(text: str, at: int, end: int) -> int:
    """The closing bracket of a bracketed field at ``at`` (not a link, not ``[[``), or -1."""
    if at >= end or text[at] != "[" or text.startswith("[", at + 1):
        return -1
    close = matching(text, at, end, "[", "]")
    return -1 if close < 0 or text[close + 1 : close + 2] == "(" else close
