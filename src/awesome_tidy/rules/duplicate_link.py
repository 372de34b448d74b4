from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator

from awesome_tidy.model import (
    Document,
    Entry,
    Link,
    Section,
    heading_items,
    label_items,
    label_kind,
    link_kind,
    normalize_title,
    normalize_url,
    same_paper,
    top_item,
    under_picks,
    without_link_targets,
    written_in_cjk,
)
from awesome_tidy.rule import Problem, Rule

# A name's words, digits left out: ``Sarashina2`` is of the family ``sarashina``.
_FAMILY_WORD = re.compile(r"[^\W\d_]+")
_MAX_NAME_WORDS = 4
_URL_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"\d+")
# ``Paper(V3)``, ``arXiv v2``: a link's label naming the version it points at.
_VERSION = re.compile(r"(?<![^\W\d_])[vV](\d+)(?![\w.])")
_YEAR_WORD = re.compile(r"(?<!\w)(?:19|20)\d\d(?!\w)")
# ``## Cited by``, ``## Used by``, ``## Related``: what cites, uses or neighbours the list's
# subject, listed by another axis than the topics; a page there may be a topic's resource too.
# The whole heading: ``# Related Survey, Benchmark, and Framework`` is a topic of the list.
_OTHER_AXIS = re.compile(
    r"[#\s]*(?:cited\s+by|used\s+by|see\s+also|related(?:\s+(?:lists|projects|links))?"
    r"|(?:additional|further|external|useful|more)\s+(?:links|reading))[\s:#]*",
    re.IGNORECASE,
)
# ``### Recent Highlights``, ``## News``, ``## Featured Papers``: a showcase at the top that
# repeats entries of the body on purpose. A showcase of many entries is found from its content
# (``Document.in_derived_listing``); one of a pick or two is too small to tell, and its heading
# says it. The whole heading, a note in brackets or emphasis
# aside (``Recent Highlights *(Note: ...)*``): ``# News Recommendation`` is a topic.
_SHOWCASE = re.compile(
    r"[\W\d_]*(?:(?:recent|latest)\s+)?(?:highlights?|news|updates|featured(?:\s+papers)?"
    r"|spotlights?|what'?s\s+new)[\W\d_]*",
    re.IGNORECASE,
)
# A venue and a year after a title, set off by a comma or a bracket: ``, ICRA, 2004.``,
# `` (NeurIPS 2021)``, ``. IROS 2017``; a venue of two words at most. A word's dots only
# between letters or at its end, a space between words, and short words: one way to split a
# run, and a bounded try from each start, so a search stays linear.
_VENUE_WORD = r"[^\W\d][\w'&-]{0,24}(?:\.[\w'&-]{1,24}){0,3}\.?"
_VENUE_YEAR_TAIL = re.compile(
    rf"[,.(（][ \t]*{_VENUE_WORD}(?:[ \t]+{_VENUE_WORD})?[ \t]*[,'’]?[ \t]*"
    r"(?:19|20)\d\d[ \t]*[).）]?[ \t]*\Z"
)
_NOTE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# A section (or label item) of things that are not papers but come from one: a dataset, a
# benchmark, a competition cites the paper that made it. The kind is the heading's last word
# (``## Optical Datasets``), not one of a list (``# Related Survey, Benchmark, and Framework``).
_KIND_WORDS = (
    r"(?<![^\W\d_])(?:(data\s*sets?|数据集)|(benchmarks?)"
    r"|(competitions?|challenges?|contests?|leaderboards?|比赛|竞赛)"
    r"|(tools?|toolkits?|toolbox(?:es)?|librar(?:y|ies)|software|packages?|工具))(?![^\W\d_])"
)
# ``Benchmarks, and Tools``, ``Surveys & Tools``: the last of a list of kinds, which names none.
_LISTED_KIND = re.compile(r"(?:,|&|/|、|和|\band)\s*\Z", re.IGNORECASE)
_TOOLS = 4  # the group of ``_KIND_WORDS`` that names tools
_OTHER_KIND = re.compile(_KIND_WORDS + r"\W*$", re.IGNORECASE)
# A table column or link label that says its link fetches data (``| Dataset Name |``,
# ``[Download]``), not a paper.
_DATA_WORDS = re.compile(
    r"(?<![^\W\d_])(?:data(?:\s*sets?)?|downloads?|数据集?|下载)(?![^\W\d_])", re.IGNORECASE
)
_KIND_WORD = re.compile(_KIND_WORDS, re.IGNORECASE)
# `` - ``, ``: ``: where a name ends and the words describing it begin (``NSDF - Neuroscience
# Simulation Data Format``).
# A label marked apart from a title's words: a code span (`` `SAGEConv` ``) or strong emphasis.
# Neither holds its own delimiter, so a search from each of a long run of them stops at once.
_MARKED = re.compile(r"(`{1,2})[^`\n]+?\1|\*\*(?=\S)[^*\n]+?(?<=\S)\*\*|__(?=\S)[^_\n]+?(?<=\S)__")
# ``Title (**MIRQI**)``: a title closed by a short name in brackets, maybe in emphasis.
_CLOSING_NAME = re.compile(
    r"(?P<title>.*\S)\s*(?P<tag>\(\s*[*_]{0,3}[^\s()*_]+(?:\s[^\s()*_]+)?[*_]{0,3}\s*\))\s*"
)
# A run of spaces is tried from its first space only (the lookbehind): from each of them the
# search would be quadratic.
_NAME_END = re.compile(r"(?<!\s)\s+[-–—]\s+|:\s+")
_DASH = re.compile(r"(?<!\s)\s+[-–—]\s+")
# ``became CoP``, ``renamed to CoP``: words that say an entry lives on as another, just before
# that one's name.
_SUCCESSION = re.compile(
    r"(?<!\w)(?:became|becomes|renamed\s+(?:to|as)|merged\s+into|superseded\s+by"
    r"|succeeded\s+by|replaced\s+by|evolved\s+into|moved\s+to)\s+\Z",
    re.IGNORECASE,
)
# ``IEEE'23``, ``ICLR'24-spotlight``, ``[CVPR 2023]``: a venue and its year ahead of a title.
_VENUE_HEAD = re.compile(
    r"[\[(]?[^\W\d_][\w&.-]{0,15}\s?['’]?(?:19|20)?\d\d"
    r"(?:[-\s](?:spotlight|oral|poster|workshop|findings))?[\])]?\s+(?=\S)",
    re.IGNORECASE,
)
# A link label that says the link is a paper: ``[paper]``, ``[ICRA 2019 paper]``, ``[PDF]``.
_PAPER_LABEL = re.compile(r"(?<![^\W\d_])(?:paper|pdf|论文)(?![^\W\d_])", re.IGNORECASE)
_MAX_LABEL_WORDS = 4
_MIN_SHORT_FORM = 4  # words a shortened title keeps: fewer may be any title's start
_MIN_ACRONYM = 2
_MIN_CITED_WORDS = 2  # words of a cited title beside its entries' names (``Graph Networks``)
_MIN_NAMING = 3  # letters a name needs to be found spelled in a URL (``elm``)
_MAX_NAMED_WORDS = 6
_SOURCE_ENTRIES = 3  # papers of one section citing one page: a source, not a copied link
_CITED_WIDELY = 20
_CATALOGUE = 5  # entries of one section on one catalogue page (a portal of datasets): its items
_HABIT = 5  # things listed in two sections or more: the list cross-lists by habit
_SPELLED = 1000  # the whole name spelled: more than any count of its words
# Words of a URL that name its host's kind, never an item: ``github.com/org/x`` names ``x``.
# An HTML block that is a heading (``<h4 id="x">PhysicsAI</h4>``).
_HTML_HEADING = re.compile(r"<h[1-6]\b", re.IGNORECASE)
_HOST_WORDS = frozenset(
    ("www", "com", "org", "net", "dev", "github", "gitlab", "html", "htm", "php", "index")
)


# The last part of a page's path that makes it a site's list of resources.
_RESOURCES = frozenset(("resources", "resource"))
_OWNER_HOSTS = frozenset(
    ("github.com", "gitlab.com", "gitee.com", "bitbucket.org", "huggingface.co", "codeberg.org")
)
# A package's page on a registry: one package may ship several tools, each listed by its name.
_PACKAGE_PAGES = (
    "bioconductor.org/packages/",
    "pypi.org/project/",
    "npmjs.com/package/",
    "crates.io/crates/",
    "cran.r-project.org/package=",
)


class DuplicateLink(Rule):
    name = "duplicate-link"
    judges_entries = True
    severity = "warning"
    summary = "Two entries whose links point at the same paper or repository."

    def check(self, doc: Document) -> Iterator[Problem]:
        sharing: dict[str, list[Entry]] = {}
        for entry in doc.entries:
            link = _own_link(doc, entry)
            if link is None:
                continue
            url = normalize_url(link.url.text)
            # relative or malformed: nothing to compare
            if ("." in url or ":" in url) and not _organisation_page(url):
                sharing.setdefault(url, []).append(entry)
        # Performance (issue 10.5): a link held by one entry is nobody's copy (``_slips`` yields
        # only entries other than the owner); most links are, and the page scans are skipped.
        if all(len(entries) == 1 for entries in sharing.values()):
            return
        labels = label_items(doc.text, doc.entries)
        headings = heading_items(doc)
        citing = _citing(sharing)
        habit = _cross_lists(doc)
        homes = Counter(
            url.partition("/")[2].partition("/")[0] for url in sharing if _repository_home(url)
        )
        html_headings = [
            block.start
            for block in doc.blocks
            if block.kind == "html_block" and _HTML_HEADING.match(doc.text, block.start)
        ]
        leads = frozenset(id(section.entries[0]) for section in doc.sections if section.entries)
        for url, entries in sharing.items():
            if (
                len(entries) == 1
                or _source_page(url, entries, citing)
                or _catalogue(url, entries)
                or _resources_page(url, entries)
                or _dataset_source(url, entries, doc.text, homes)
            ):
                continue
            slips = _slips(
                url,
                entries,
                labels,
                habit,
                doc.text,
                html_headings,
                doc.in_derived_listing,
                headings,
                leads,
            )
            for entry, first in slips:
                link = entry.primary_link
                assert link is not None
                yield self.problem(
                    link.url.start,
                    link.url.end,
                    message=f"{url} is also the link of line {first.line}",
                    related=first.start,
                )


def _own_link(doc: Document, entry: Entry) -> Link | None:
    """The entry's primary link, unless it is a cross-reference in a note below the title
    (``- EiCi: ...<br>`` then ``like AMBERT: [AMBERT](arxiv...)<br>``): a link on a later line
    than a linkless title, labelled by a name and not by what it is (``[paper]``, ``[PDF]``,
    ``[ACL 2023]``), points at another work the note compares the entry with."""
    link = entry.primary_link
    title = entry.title
    if link is None or title is None or link is entry.title_link:
        return link
    below = "\n" in doc.text[title.end : link.start]
    return None if below and label_kind(link.label.text) is None else link


def _organisation_page(url: str) -> bool:
    """``github.com/huggingface``, ``huggingface.co/stabilityai``: an owner's page on a code or
    model host, which every project of the owner may link."""
    host, _, path = url.partition("/")
    return host in _OWNER_HOSTS and bool(path) and "/" not in path


def _cross_lists(doc: Document) -> bool:
    """Whether the list files things under several sections by habit: ``_HABIT`` of them or
    more are copies in two sections (what cross-section-duplicate tells of)."""
    spread = (len({id(entry.section) for entry in group}) > 1 for group in doc.copies)
    return sum(spread) >= _HABIT


def _slips(
    url: str,
    entries: list[Entry],
    labels: frozenset[int],
    habit: bool = False,
    text: str = "",
    html_headings: list[int] | None = None,
    derived: Callable[[Entry], bool] | None = None,
    headings: frozenset[int] = frozenset(),
    leads: frozenset[int] = frozenset(),
) -> Iterator[tuple[Entry, Entry]]:
    """Each entry whose link is another entry's, with that entry.

    The entry whose name the URL spells best owns the link (``jotai.pmnd.rs`` and Jotai;
    ``...-gamma-7b`` and *Stable LM Gamma 7B* over *Stable LM 3B*): each entry it spells less
    holds a copy by mistake. When it spells none of them, it is a page they share: a portal of
    several corpora, a release note of several models, a paper of several datasets; shared by
    names (four words at most) that is their source, shared by titles it is one paper listed
    twice or a link pasted into the wrong entry.

    ``labels``: the label items under which the list cross-lists papers on purpose; ``habit``:
    the list files things under several sections (two names of one project on one link, in two
    sections, are one more of its cross-listings); ``derived``: whether an entry is in a listing
    that repeats others' entries on purpose (``Document.in_derived_listing``); ``headings``:
    the top-level items the list writes for headings (``model.heading_items``); ``leads``: the
    first entry of each section (by id).
    """
    spelled = _URL_WORD.findall(url.casefold())
    scores = [_naming(spelled, entry) for entry in entries]
    # The owner is of the body where the body holds the link: a derived listing's repeat of a
    # body entry is left alone, and the body's own entries on the link are judged against it.
    body = [index for index, entry in enumerate(entries) if derived is None or not derived(entry)]
    best = max(scores[index] for index in body or range(len(entries)))
    owner = entries[next(i for i in body or range(len(entries)) if scores[i] == best)]
    housed = _housed(url, owner, entries, scores) if best == _SPELLED else set()
    # Entries that repeat an earlier one of their own section on the link: a copy inside one
    # section is no cross-listing, whatever the other sections hold.
    repeated = {
        id(entry)
        for index, entry in enumerate(entries)
        if any(other.section is entry.section for other in entries[:index])
    }
    for entry, score in zip(entries, scores, strict=True):
        if (
            entry is owner
            or id(entry) in housed
            or (best and score == best)
            or _same_entry(owner, entry)
            or _named_items(owner, entry, text)
            or _two_works_one_repository(url, spelled, owner, entry)
            or _leads_named_section(url, owner, entry, leads)
            or _leads_named_section(url, entry, owner, leads)
            or _editions(owner.title_text, entry.title_text, url)
            or _editions(_without_dated_note(owner), _without_dated_note(entry), url)
            or _other_versions(url, owner, entry)
            or _cross_listed(owner, entry, labels, text, headings)
            or _one_name_in_two_sections(spelled, owner, entry)
            or _repeated_by_derived_listing(owner, entry, derived)
            or _filed_twice(owner, entry, entries)
            or _of_other_kinds(url, owner, entry, text)
            or _titled_under_html_headings(owner, entry, html_headings or [])
            or _listed_in_two_sections(url, owner, entry)
            or _given_in_full_below(owner, entry)
            or _given_in_full_below(entry, owner)
            or _works_of_one_project(url, owner, entry)
            or _lives_on_as(owner, entry)
            or _lives_on_as(entry, owner)
            or (
                id(entry) not in repeated
                and (
                    _venue_tag_ahead(owner, entry)
                    or _venue_tag_ahead(entry, owner)
                    or _cites_its_paper(url, owner, entry)
                    or _cites_its_paper(url, entry, owner)
                    or _described_in_two_sections(url, owner, entry)
                    or _names_the_other(owner, entry)
                    or _names_the_other(entry, owner)
                )
            )
            or (
                habit
                and owner.section is not entry.section
                and _is_a_name(owner)
                and _is_a_name(entry)
            )
        ):
            continue
        if best == _SPELLED or not (_is_a_name(owner) and _is_a_name(entry)):
            yield entry, owner


def _named_items(first: Entry, second: Entry, text: str) -> bool:
    """``Inductive Representation Learning ... `SAGEConv` `NIPS 2017` [pdf](arxiv...)`` and the
    same title with `` `CuGraphSAGEConv` ``: each entry is a thing of its own, named by a label
    marked apart from the title (a code span, strong emphasis) that no other place of the list
    writes, and the words they share are the title of the paper each cites. Two names on one
    title may also hide a paper cited for the wrong thing; that is not told apart. A marked
    label the list writes twice (a tag), or one with a year (a venue), names no thing, and two
    titles that differ outside the labels stay compared as titles."""
    if first.title is None or second.title is None:
        return False
    titles = [first.title.text, second.title.text]
    marks = [{found.group() for found in _MARKED.finditer(title)} for title in titles]
    own = [marks[0] - marks[1], marks[1] - marks[0]]
    if not (own[0] and own[1]):
        return False
    rest = []
    for title, group in zip(titles, own, strict=True):
        for mark in group:
            title = title.replace(mark, " ")
        rest.append(normalize_title(title))
    if rest[0] != rest[1] or len(rest[0].split()) < _MIN_CITED_WORDS:
        return False
    # Last: the count reads the whole list.
    return not any(
        len(mark.split()) > _MAX_NAME_WORDS or _YEAR_WORD.search(mark) or text.count(mark) != 1
        for group in own
        for mark in group
    )


def _two_works_one_repository(url: str, spelled: list[str], first: Entry, second: Entry) -> bool:
    """``[UniFold](github.com/org/Uni-Fold) - [paper](doi...0804)`` and ``[Uni-Fold Symmetry]
    (github.com/org/Uni-Fold) - [paper](doi...0830)``: two names, each spelled in part by the
    repository's name, each citing a paper of its own that the other does not: one repository
    hosts two works. A name the repository does not spell (another tool's entry on the link),
    a paper link the two share or a missing one stay reported."""
    if not _repository_home(url) or not (_is_a_name(first) and _is_a_name(second)):
        return False
    if not (_naming(spelled, first) and _naming(spelled, second)):
        return False
    papers = [
        {
            normalize_url(link.url.text)
            for link in entry.real_links
            if normalize_url(link.url.text) != url
            and link_kind(link.label.text, link.url.text) == "paper"
        }
        for entry in (first, second)
    ]
    return bool(papers[0] and papers[1]) and not papers[0] & papers[1]


def _leads_named_section(url: str, entry: Entry, other: Entry, leads: frozenset[int]) -> bool:
    """``### Robocon`` opened by ``[Official Robot Framework Conference](robocon.io)``, and
    ``[Robocon](robocon.io)`` among official links in another section: a section whose heading
    is the name of the page (its site's, or its path's last part) leads with the named thing's
    page, whatever it calls it. A later entry of the section, a heading the URL does not spell
    (``### Conferences``) or a host's name (``### GitHub`` over a repository) stays compared."""
    heading = entry.section.heading
    if heading is None or entry.section is other.section or id(entry) not in leads:
        return False
    name = _NOTE.sub(" ", heading.text)
    compact = "".join(_URL_WORD.findall(name.casefold()))
    return (
        len(name.split()) <= _MAX_NAME_WORDS
        and len(compact) >= _MIN_NAMING
        and compact == _page_name(url)
    )


def _page_name(url: str) -> str:
    """What a URL is the page of: its site's name for a site's home (``robocon.io``), else its
    path's last part (``.../Flipper/tree/main/GPIO``), in lower case and without separators. A
    host's name under a path (``github.com/owner/x``) is no page's name."""
    host, _, path = url.partition("?")[0].partition("/")
    path = path.rstrip("/")
    if path:
        part = path.rpartition("/")[2]
    else:
        labels = [label for label in host.split(".") if label not in _HOST_WORDS]
        part = labels[0] if len(labels) > 1 else ""
    return "".join(_URL_WORD.findall(part.casefold()))


def _listed_in_two_sections(url: str, first: Entry, second: Entry) -> bool:
    """A page that is no paper's (a code repository, a website, a data portal) cited in two
    sections under two wordings (``[fastText](github.com/facebookresearch/fastText)`` among
    tools and ``[subword-based word vector](...)`` among word embeddings): the list cross-lists
    the resource for two topics on purpose. One wording must be a name of four words at most,
    or the page a repository's home. A paper's identifier (an arXiv id, a DOI, a venue's page,
    a PDF) shared by two sections is judged as before; so is a copy that opens with the same
    word or holds the other's whole title (``cpufetch`` and ``cpufetch - pretty cpu info
    fetcher``: one entry written twice), a name the URL does not spell (``[Quditor](github.com/
    example/qsim)``: another tool's name on the link), and two long titles on a page that is
    no repository's home (two papers on one file share: a link pasted twice)."""
    if (
        first.section is second.section
        or first.title is None
        or second.title is None
        or _paper_identifier(url, first)
    ):
        return False
    titles = [first.title.text, second.title.text]
    plain = [entry.title_text for entry in (first, second)]
    if plain[0].split()[:1] == plain[1].split()[:1] or _one_title(*plain):
        return False
    spelled = _URL_WORD.findall(url.casefold())
    if any(_another_name(spelled, entry) for entry in (first, second)):
        return False
    return _repository_home(url) or min(len(title.split()) for title in titles) <= _MAX_NAME_WORDS


def _given_in_full_below(named: Entry, titled: Entry) -> bool:
    """``- [AIMv2](arxiv.../2411.14402)`` with ``- [Multimodal Autoregressive Pre-training of
    Large Vision Encoders](arxiv.../2411.14402)`` among its own sub-items: an entry by a name
    (four words at most) whose notes give the paper behind it by its title, on the same link.
    A short label there (``[GitHub link]``, ``[code]``) says the link was meant for another
    page and stays reported, and so does a sub-item of another entry on the link."""
    item = titled.item
    parent = item.parent if item is not None else None
    while parent is not None and parent is not named.item:
        parent = parent.parent
    return (
        parent is not None
        and _is_a_name(named)
        and titled.title is not None
        and not _is_a_name(titled)
    )


def _works_of_one_project(url: str, first: Entry, second: Entry) -> bool:
    """``[Infinite Photorealistic Worlds using Procedural Generation](https://infinigen.org/)``
    and ``[Infinigen Indoors: Photorealistic Indoor Scenes ...](https://infinigen.org/)``: two
    paper titles on a site's root page, one of them naming the site: the project's home, which
    its works share. A deep link (a PDF, an arXiv id, a page under the site) is one work's, and
    two names on a site's root (``[Quokka]`` and ``[Marlin]`` on ``quokka.dev``), or a title
    that opens with another name (``LOAMF - Loam Format ...`` on ``soildb.example.org``), may
    be a link pasted twice: all stay reported."""
    host, _, path = url.partition("/")
    if path or ":" in host or _is_a_name(first) or _is_a_name(second):
        return False
    site = next((label for label in host.split(".") if label not in _HOST_WORDS), "")
    name = "".join(_URL_WORD.findall(site))
    if len(name) < _MIN_NAMING:
        return False
    heads = [_opening_name(entry) for entry in (first, second)]
    return all(name in head for head in heads if head) and any(
        name in _URL_WORD.findall(entry.title_text) for entry in (first, second)
    )


def _opening_name(entry: Entry) -> list[str]:
    """The words of the name a title opens with, before a colon or a dash (``Infinigen Indoors:
    ...``, ``LOAMF - Loam Format``), in lower case; none where no short name opens it."""
    title = entry.title.text if entry.title is not None else ""
    found = _NAME_END.search(title)
    head = title[: found.start()] if found is not None else ""
    return _URL_WORD.findall(head.casefold()) if len(head.split()) <= _MAX_NAME_WORDS else []


def _lives_on_as(entry: Entry, other: Entry) -> bool:
    """``[meancop](github.com/01mf02/cop-rs) - became CoP.`` beside ``[CoP](github.com/01mf02/
    cop-rs)``: the entry's own words say it lives on as the other (became, renamed to, merged
    into, superseded by), by the other's name: the author sends its readers there on purpose.
    Naming the other otherwise (``a companion of Loam``, ``a variant of sedflux``) says nothing
    of the link, and stays reported."""
    if entry.title is None or other.title is None or not _is_a_name(other):
        return False
    name = other.title.text.strip(" *_`")
    if len(name) < _MIN_NAMING:
        return False
    after = without_link_targets(entry.body.text[entry.title.end - entry.body.start :])
    return any(
        _SUCCESSION.search(after, 0, found.start()) is not None
        for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", after)
    )


def _signed_apart(first: Entry, second: Entry, text: str) -> bool:
    """One title in two sections, a byline left after a dash in one copy or both (``Attention
    Is All You Need - arXiv 2017)`` and ``Attention Is All You Need``): one paper, as for a
    copy with its year written in."""
    titles = [_unsigned_title(entry, text) for entry in (first, second)]
    return bool(titles[0]) and titles[0] == titles[1]


def _unsigned_title(entry: Entry, text: str) -> str:
    """The title without a byline the reader left after a dash (``Attention Is All You Need -
    arXiv 2017)``, ``... - Alec Radford(2019)``, ``... - Alec Radford)``): four words at most
    that hold a year, or that the list writes after a dash elsewhere (an author's name).
    Another title's words after a dash (a subtitle, written once) are kept. The title as read
    where it has no byline."""
    if entry.title is None:
        return ""
    title = entry.title.text
    dashes = list(_DASH.finditer(title))
    if not dashes:
        return entry.title_text
    last = dashes[-1]
    byline = title[last.end() :]
    name = _NOTE.sub(" ", byline).strip(" ()[]")
    if len(byline.split()) > _MAX_NAME_WORDS or not (
        _YEAR_WORD.search(byline) or (name and text.count(f"- {name}") > 1)
    ):
        return entry.title_text
    return normalize_title(title[: last.start()])


def _venue_tag_ahead(tagged: Entry, plain: Entry) -> bool:
    """``IEEE'23 FedCLIP: Fast Generalization ...`` in one section and ``FedCLIP: Fast
    Generalization ...`` in another: one title, a venue and year written ahead of one copy (as
    ``_cross_listed`` has it for a year written into one): a paper filed under two topics."""
    if tagged.section is plain.section or tagged.title is None or not plain.title_text:
        return False
    found = _VENUE_HEAD.match(tagged.title.text)
    return found is not None and normalize_title(tagged.title.text[found.end() :]) == (
        plain.title_text
    )


def _names_the_other(entry: Entry, other: Entry) -> bool:
    """``[Is multiagent deep RL the answer or the question? A brief survey](arxiv.../1810.05587v1)
    Note that [A Survey and Critique of Multiagent Deep RL](.../1810.05587v3) is an updated
    version of this paper``: the entry's own words, after its title, hold the other entry's
    whole title (four words or more): the list knows the two share the page (an earlier
    version, a companion), where a copied link names nothing of the entry it came from."""
    if entry.title is None or len(other.title_text.split()) < _MIN_SHORT_FORM:
        return False
    after = without_link_targets(entry.body.text[entry.title.end - entry.body.start :])
    return f" {other.title_text} " in f" {normalize_title(after)} "


def _cites_its_paper(url: str, thing: Entry, paper: Entry) -> bool:
    """``[[BLVD](github.com/VCCIV/BLVD)] (a) 3D detection, ... [[ICRA 2019 paper](arxiv...)]``
    or ``CAD-Chest: ... [[data](physionet...)][[paper](ieee...)]`` in one section, the paper
    itself in another (``[[ICRA](arxiv...)] BLVD: Building ...``): a dataset, a tool or a
    project, named by a link of its own before the shared one, cites the paper it comes from
    by a label that says so (``paper``, ``PDF``). The paper's entry holds the link first. A
    code link ahead (``[code]``) names no thing, and two entries that each cite the link as
    their paper stay reported."""
    if thing.section is paper.section or not _paper_identifier(url, thing):
        return False
    shared = [link for link in thing.real_links if normalize_url(link.url.text) == url]
    if not shared or not _PAPER_LABEL.search(shared[0].label.text):
        return False
    before = [
        link
        for link in thing.real_links
        if link.start < shared[0].start and normalize_url(link.url.text) != url
    ]
    own = paper.real_links
    return (
        bool(before)
        and label_kind(before[0].label.text) in (None, "project")
        and bool(own)
        and normalize_url(own[0].url.text) == url
    )


def _described_in_two_sections(url: str, first: Entry, second: Entry) -> bool:
    """``[Cilium's BPF and XDP Reference Guide](docs.cilium.io/...) - 关于 eBPF ...`` among
    basics and ``[BPF和XDP参考指南](...) - Cilium项目的指南。`` under XDP: a page that is no
    paper's (not an arXiv id, a DOI, a venue's page or a PDF) cited in two sections, each
    entry with a description of its own (two words or more, the two different): each section
    tells of the resource in its own words, on purpose. Two long titles (two papers on one
    page) and one description written twice (``, Stanford University, USA``) stay reported,
    and so does a copy without words of its own."""
    if first.section is second.section or _paper_identifier(url, first):
        return False
    if first.title is None or second.title is None or _named_twice(url, first, second):
        return False
    if min(len(first.title.text.split()), len(second.title.text.split())) > _MAX_NAMED_WORDS:
        return False
    said = [
        normalize_title(entry.description.text) if entry.description is not None else ""
        for entry in (first, second)
    ]
    written = [
        entry.description.text if entry.description is not None else "" for entry in (first, second)
    ]
    return all(
        len(words.split()) >= 2 or written_in_cjk(raw)
        for words, raw in zip(said, written, strict=True)
    ) and (said[0] != said[1])


def _named_twice(url: str, first: Entry, second: Entry) -> bool:
    """One entry the thing the URL spells whole (``[qsim](github.com/example/qsim)``), the other
    another name on it (``[Quditor](...)``): another tool's entry holding the link."""
    spelled = _URL_WORD.findall(url.casefold())
    whole = [_spelled_whole(spelled, entry) for entry in (first, second)]
    return whole[0] != whole[1] and all(_is_a_name(entry) for entry in (first, second))


def _another_name(spelled: list[str], entry: Entry) -> bool:
    """A name (four words at most, a capital first) that the URL does not spell: another
    thing's (``[Quditor](github.com/example/qsim)``), not a description of the page's."""
    title = entry.title.text.strip(" *_") if entry.title is not None else ""
    return _is_a_name(entry) and title[:1].isupper() and not _spelled_whole(spelled, entry)


def _other_versions(url: str, first: Entry, second: Entry) -> bool:
    """Two entries that label their links to the page as versions of it, none the same
    (``[[Paper(V3)](arxiv.org/pdf/2102.07074v3)]`` under the renamed title and ``[[Paper(V1)](...
    v1)] [[Paper(V2)](...v2)]`` under the first): one paper listed once per version on purpose,
    an arXiv id being shared by its versions. A link copied into another paper's entry says no
    version, or the same one."""
    versions = [
        {
            found.group(1)
            for link in entry.real_links
            if normalize_url(link.url.text) == url
            for found in _VERSION.finditer(link.label.text)
        }
        for entry in (first, second)
    ]
    return bool(versions[0] and versions[1]) and not versions[0] & versions[1]


def _citing(sharing: dict[str, list[Entry]]) -> Callable[[str], int]:
    """How many entries cite each page, whichever way its URL is written: one page under more
    query parameters (``post?id=7&from=search`` and ``post?id=7``) is the same page."""
    queries: defaultdict[str, list[tuple[frozenset[str], int]]] = defaultdict(list)
    for url, entries in sharing.items():
        path, _, query = url.partition("?")
        queries[path].append((frozenset(query.split("&")), len(entries)))

    def count(url: str) -> int:
        path, _, query = url.partition("?")
        mine = frozenset(query.split("&"))
        return sum(n for other, n in queries[path] if other <= mine or mine <= other)

    return count


def _source_page(url: str, entries: list[Entry], citing: Callable[[str], int]) -> bool:
    """A page that is no paper's own (a blog post on several talks, an aggregator repository),
    that names none of its entries, cited by three papers or more whose titles have little in
    common: the source they were taken from. A paper's page (an arXiv id, a DOI, a venue's
    page, a PDF) is one paper's; two papers on one other page may be a link copied from the
    neighbour: both stay reported."""
    link = entries[0].primary_link
    assert link is not None
    if ":" in url.split("/", 1)[0] or url.partition("?")[0].endswith(".pdf"):
        return False  # ``arxiv:2101.01234``, ``doi:10.1000/x``: a paper's id
    if link_kind("", link.url.text) == "paper":
        return False
    spelled = _URL_WORD.findall(url.casefold())
    if any(_naming(spelled, entry) for entry in entries):
        return False
    if citing(url) < _SOURCE_ENTRIES:  # last: it compares the URL with its path's others
        return False
    if len(entries) > _CITED_WIDELY:
        return True  # titles not compared pairwise: a page so many papers cite is their source
    words = [set(entry.title_text.split()) for entry in entries]
    return all(
        len(one & other) * 2 < min(len(one), len(other))
        for index, one in enumerate(words)
        for other in words[index + 1 :]
    )


def _catalogue(url: str, entries: list[Entry]) -> bool:
    """A page that is no paper's nor repository's own, shared by five entries or more of one
    section that the URL does not name (one more may be the page's own entry: ``[CrowdFlower
    Data for Everyone](crowdflower.com/data-for-everyone)`` beside ten of its datasets on it): a
    catalogue of datasets or models, the source of each. A link pasted by mistake is one or two
    copies, not a section's worth."""
    link = entries[0].primary_link
    assert link is not None
    if (
        ":" in url.split("/", 1)[0]
        or url.partition("?")[0].endswith(".pdf")
        or link_kind("", link.url.text) == "paper"
        or _repository_home(url)
    ):
        return False
    spelled = _URL_WORD.findall(url.casefold())
    scores = [_naming(spelled, entry) for entry in entries]
    if sum(score == _SPELLED for score in scores) > 1:
        return False
    sections = Counter(
        id(entry.section) for entry, score in zip(entries, scores, strict=True) if score != _SPELLED
    )
    return len(sections) == 1 and next(iter(sections.values())) >= _CATALOGUE


def _resources_page(url: str, entries: list[Entry]) -> bool:
    """``healthdataviz.com/resources`` for two books of its authors: a page that lists a site's
    resources, no paper's, PDF's or repository's own, is where each of them is found, whichever
    names the URL spells (one may be the site's own entry). A file under it (``.../resources/
    handbook.pdf``) is one thing's, and a site's home page may be a link pasted twice: both
    stay reported."""
    path = url.partition("?")[0].partition("/")[2].rstrip("/")
    if path.rpartition("/")[2].casefold() not in _RESOURCES or _repository_home(url):
        return False
    link = entries[0].primary_link
    assert link is not None
    if link_kind("", link.url.text) == "paper":
        return False
    spelled = _URL_WORD.findall(url.casefold())
    return sum(_naming(spelled, entry) == _SPELLED for entry in entries) <= 1


def _housed(url: str, owner: Entry, entries: list[Entry], scores: list[int]) -> set[int]:
    """The entries (by id) that live in the owner's repository or package: ``[scANVI](github.com/
    YosefLab/scVI) - a variant of scVI``, ``[DecontX](bioconductor.org/packages/celda) - included
    in celda``. A repository holding several tools is their home once one of them says so (the
    others of the suite, gimVI beside scANVI, need not); an entry with a link of its own naming
    it (nanoflann's own repository beside FLANN's page) or named in part by the URL (*Bespoke
    Curator* and ``.../curator``: the same project twice) keeps being reported. On a page that
    is no repository's home only an entry citing the owner on that very page is housed there."""
    owner_name = owner.title_text.casefold()
    members = [
        entry
        for entry, score in zip(entries, scores, strict=True)
        if entry is not owner and score == 0 and not _has_own_link(entry)
    ]
    if _repository_home(url):
        if not any(_names_owner(entry, owner_name) for entry in members):
            return set()
        return {id(entry) for entry in members}
    # Another page (a specification: ``SAMv1.pdf``) houses an entry that cites the owner on it
    # (``[BAM](SAMv1.pdf) - Binary [SAM](SAMv1.pdf) format``): the author says the page is the
    # owner's and gives it to the entry too. Naming the owner in words (``a companion of Loam``
    # on Loam's site) does not.
    return {id(entry) for entry in members if _cites_owner_on(entry, url, owner_name)}


def _dataset_source(url: str, entries: list[Entry], text: str, homes: Counter[str]) -> bool:
    """``github.com/x/RSICD_optimal`` for *UCM-Captions*, *Sydney-Captions* and *RSICD* in a
    datasets table, ``waymo.com/open/download`` for *Waymo Open Dataset* and *WOMD-Reasoning*
    under ``## Datasets``: the repository or download page that distributes several datasets
    is where each is found, whichever of them the URL spells. Every entry on it is a dataset
    (filed under a datasets heading or label, or linked from a table column or by a label
    naming data or its download), each a name or saying its kind.

    A paper's identifier (an arXiv id, a DOI, a venue's page, a PDF) is one paper's, a file
    inside the repository or under the page (``.../download/v1/x.zip``) one dataset's, a
    repository whose owner keeps another one in the list (``.../4D-OR`` beside ``.../MM-OR``)
    one of the owner's datasets each, and a download page of software (two editors on one
    vendor's page) may be a slip: all stay compared. ``homes``: how many repository homes of
    each owner the list links."""
    path = url.partition("?")[0].partition("/")[2].rstrip("/")
    downloads = path.rpartition("/")[2].casefold() in ("download", "downloads")
    if not downloads and (not _repository_home(url) or homes[path.partition("/")[0]] > 1):
        return False
    if _paper_identifier(url, entries[0]):
        return False
    return all(
        _as_dataset(entry, text)
        and (_is_a_name(entry) or _KIND_WORD.search(entry.title_text) is not None)
        for entry in entries
    )


def _paper_identifier(url: str, entry: Entry) -> bool:
    """An arXiv id, a DOI, a venue's page or a PDF: one paper's page."""
    link = entry.primary_link
    return (
        ":" in url.split("/", 1)[0]
        or url.partition("?")[0].endswith(".pdf")
        or (link is not None and link_kind("", link.url.text) == "paper")
    )


def _as_dataset(entry: Entry, text: str) -> bool:
    """The entry is listed as a dataset: a datasets heading or label item over it, or its link
    in a table column headed ``Dataset``, ``Data`` or ``Download``, or labelled so."""
    if _other_kind(entry, text) == 1:
        return True
    link = entry.primary_link
    if link is None:
        return False
    if link is not entry.title_link and _DATA_WORDS.fullmatch(link.label.text.strip(" []*_")):
        return True
    table = entry.table
    if table is None:
        return False
    before = text[text.rfind("\n", 0, link.start) + 1 : link.start]
    column = before.count("|") - before.lstrip().startswith("|")
    return 0 <= column < len(table.header) and bool(_DATA_WORDS.search(table.header[column]))


def _repository_home(url: str) -> bool:
    """``github.com/owner/repo`` (not a file or page inside it) or a package's registry page."""
    host, _, path = url.partition("/")
    if host in _OWNER_HOSTS:
        return path.count("/") == 1
    return any(url.startswith(page) and "/" not in url[len(page) :] for page in _PACKAGE_PAGES)


def _names_owner(entry: Entry, owner_name: str) -> bool:
    """The entry's words after its title name the owner: it says where it lives. Its URLs are
    left out: the shared link spells the owner in every entry."""
    if entry.title is None or not owner_name:
        return False
    text, start, words = entry.body.text, entry.body.start, []
    cut = entry.title.end
    for link in entry.links:
        if link.url.start >= cut:
            words.append(text[cut - start : link.url.start - start])
            cut = link.url.end
    words.append(text[cut - start :])
    said = " ".join(words).casefold()
    return re.search(rf"(?<!\w){re.escape(owner_name)}(?!\w)", said) is not None


def _cites_owner_on(entry: Entry, url: str, owner_name: str) -> bool:
    """A link of the entry after its first, labelled by the owner's name, to ``url``."""
    return any(
        link.label.text.casefold() == owner_name and normalize_url(link.url.text) == url
        for link in entry.links[1:]
    )


def _has_own_link(entry: Entry) -> bool:
    """Another link of the entry spells its whole name: its own home beside the shared one."""
    primary = entry.primary_link
    return any(
        _naming(_URL_WORD.findall(normalize_url(link.url.text).casefold()), entry) == _SPELLED
        for link in entry.links
        if link is not primary and not link.image
    )


def _under_two_labels(
    first: Entry, second: Entry, labels: frozenset[int], headings: frozenset[int] = frozenset()
) -> bool:
    """Both entries sit under label items (``- Reward design``) of a list that files a paper
    under each category it fits (``similarity.label_items``), two different ones; or under two
    top-level items that the list writes for headings (``model.heading_items``)."""
    tops = [top_item(entry) for entry in (first, second)] if headings else []
    if tops and tops[0] is not tops[1] and all(id(top) in headings for top in tops):
        return True
    one, other = (
        entry.item.parent if entry.item is not None else None for entry in (first, second)
    )
    return (
        one is not None
        and other is not None
        and one is not other
        and id(one) in labels
        and id(other) in labels
    )


def _cross_listed(
    first: Entry,
    second: Entry,
    labels: frozenset[int],
    text: str = "",
    headings: frozenset[int] = frozenset(),
) -> bool:
    """One paper filed in two sections on purpose: written in two shapes (a topic's bullet list
    and a benchmark table, a bold title and a plain model name) or filed by two axes (a venue
    section, ``## IJCAI 2021``, and a topic) under one title or a name; or cited by the name of
    what it made (a model or tool whose entry links the paper another section lists by its
    title). One title in two topic sections (a copy with its year written in) is a paper the
    list files twice on purpose, a copy and not a wrong link: cross-section-duplicate tells of
    it. Two titles that disagree stay reported: a paper renamed since, a subtitle dropped from
    one copy (a book filed under Reading and Books), or a slip. In one section, a label item of
    the list's picks (``model.under_picks``) repeats its topical groups as another section
    would."""
    if first.section is second.section:
        if under_picks(text, first) != under_picks(text, second):
            return True  # ``- Recommended`` over picks its topical label items list again
        return _under_two_labels(first, second, labels, headings) and (
            _name_of(first, second)
            or _name_of(second, first)
            or _one_title(first.title_text, second.title_text)
        )
    if _by_other_axis(first) or _by_other_axis(second):
        return True
    if (
        (
            _YEAR_WORD.sub("", first.title_text).split()
            == _YEAR_WORD.sub("", second.title_text).split()
        )
        or same_paper(first.copy_title, second.copy_title)
        or _venue_written_in(first, second)
        or _venue_written_in(second, first)
        or _one_name_described_twice(first, second)
        or _signed_apart(first, second, text)
        or _cited_by_name(first, second)
        or _short_form(first.title_text, second.title_text)
        or _name_dropped(first, second)
        or _named_after(first, second, text)
        or _named_after(second, first, text)
    ):
        return True
    named = _is_a_name(first), _is_a_name(second)
    link = first.primary_link
    if named[0] != named[1] and link is not None and link_kind("", link.url.text) == "paper":
        return True  # by its site: arXiv, a DOI, a venue's proceedings
    filed_apart = (first.shape, first.form) != (second.shape, second.form) or (
        first.section.by_venue != second.section.by_venue
    )
    return filed_apart and (any(named) or _one_title(first.title_text, second.title_text))


def _venue_written_in(plain: Entry, dated: Entry) -> bool:
    """One title the other's with its venue and year written in after it, set off by a comma
    or a bracket (``Policy Gradient ... Locomotion, ICRA, 2004.``, ``..., (IROS 2017)``): the
    reader took the section's ``Title, Venue, Year.`` shape for a title, and the paper is
    filed in two sections as ``_cross_listed`` has it for a copy with its year written in.
    More words than a venue's (``for Robots, 2020``) make another title."""
    if dated.title is None or not plain.title_text:
        return False
    found = _VENUE_YEAR_TAIL.search(dated.title.text)
    return found is not None and normalize_title(dated.title.text[: found.start()]) == (
        plain.title_text
    )


def _name_dropped(first: Entry, second: Entry) -> bool:
    """One title the other without the name it opens with (``Customize-A-Video: One-Shot
    Motion Customization of ...`` and ``One-Shot Motion Customization of ...``; ``Megatron-LM:
    Training ...`` and ``Training ...``): the paper filed in two sections, once with its
    method's name and once without; the name may end at a dash (``Let There Be Color! -
    Large-Scale Texturing of 3D Reconstructions`` among papers, ``Large-Scale Texturing of 3D
    Reconstructions`` among software). The shorter keeps the whole description
    (``_MIN_SHORT_FORM`` words or more): a copy that keeps only the name, or another
    description after one name, is another title and stays reported."""
    titles = [entry.title.text if entry.title is not None else "" for entry in (first, second)]
    shorter, longer = sorted(titles, key=len)
    kept = normalize_title(shorter)
    if len(kept.split()) < _MIN_SHORT_FORM:
        return False
    name, colon, rest = longer.replace("：", ":").partition(":")  # or a full-width colon
    dash = _NAME_END.search(longer)  # or a dash: ``Let There Be Color! - Large-Scale ...``
    return any(
        0 < len(name.split()) <= _MAX_NAME_WORDS and kept == normalize_title(rest)
        for name, rest in (
            (name, rest if colon else ""),
            (longer[: dash.start()], longer[dash.end() :]) if dash else ("", ""),
        )
    )


def _repeated_by_derived_listing(
    first: Entry, second: Entry, derived: Callable[[Entry], bool] | None
) -> bool:
    """One entry in an index, a summary table or a showcase, the other elsewhere: the listing
    repeats the list's entries on purpose. Two entries of one listing are judged as written."""
    return (
        derived is not None
        and first.container is not second.container
        and (derived(first) or derived(second))
    )


def _titled_under_html_headings(first: Entry, second: Entry, html_headings: list[int]) -> bool:
    """One paper under two headings written in HTML (``<h4>PhysicsAI</h4>``, which make no
    section of the model), one copy by the model's name with the title after it (``**(NowNet)**
    _Skilful nowcasting with NowNet_``), the other by the title alone: the words of one hold
    the other's whole title (spaces aside: a PDF's ``nowcast-ing``), so the link is right and
    the copy a cross-listing. A copy under another title stays reported."""
    if first.section is not second.section:
        return False
    low, high = sorted((first.start, second.start))
    index = bisect.bisect_right(html_headings, low)
    if index >= len(html_headings) or html_headings[index] > high:
        return False
    return any(
        len(one.title_text.split()) > _MAX_NAME_WORDS
        and one.title_text.replace(" ", "") in normalize_title(other.body.text).replace(" ", "")
        for one, other in ((first, second), (second, first))
    )


def _cited_by_name(first: Entry, second: Entry) -> bool:
    """A table or note of another section that cites a listed paper by its short name, on the
    paper's own link (``| Latent rollout | [MILE](arxiv...), [LAW](arxiv...) |`` and ``[MILE:
    Model-Based Imitation Learning ...](arxiv...)`` above), or two such tables citing it by one
    name: the link is right, the entry a cross-reference. A name that is no part of the other
    title stays reported: a link pasted into another paper's entry."""
    called = [_called(entry) for entry in (first, second)]
    if not all(called):
        return False
    if called[0] == called[1] and _link_named(first) and _link_named(second):
        return True
    for name, entry in ((called[0], second), (called[1], first)):
        if len(name.split()) > _MAX_NAME_WORDS or entry.title is None:
            continue
        head, colon, _ = entry.title.text.partition(":")
        if colon and normalize_title(head) == name:
            return True
    return False


def _named_after(named: Entry, titled: Entry, text: str) -> bool:
    """``When Report Generation Meets Knowledge Graph (**MIRQI**)`` under ``## Metrics`` and the
    paper's title alone under ``### 2020``: the paper filed again by the name of what it made (a
    metric, a dataset, a model), written in brackets after its title, once in the list. A tag
    the list writes on several entries (``(**ICME**)``: a venue, a category) is no name, and
    another title before the name stays reported."""
    if named.title is None:
        return False
    found = _CLOSING_NAME.fullmatch(named.title.text)
    return (
        found is not None
        and normalize_title(found.group("title")) == titled.title_text
        and text.count(found.group("tag")) == 1
    )


def _short_form(first: str, second: str) -> bool:
    """One title the other shortened, as a starter table recommends a paper listed in full
    below: every word of the shorter is the longer's, in order, or an acronym of a run of its
    words (``A Survey on LLM-based Agents`` and ``A Survey on Large Language Model based
    ...``, ``Not what you sowed (Seed Injection)`` and ``Not what you sowed: Compromising ...
    with Seed Injection``). A word of its own (``CS292F``, ``Info``, another model's name) makes
    another title; a copy that is one run of the other's words (a subtitle dropped) stays
    reported, as the page says."""
    shorter, longer = sorted((first.split(), second.split()), key=len)
    if (
        len(shorter) < _MIN_SHORT_FORM
        or len(shorter) == len(longer)
        or _one_title(" ".join(shorter), " ".join(longer))
    ):
        return False
    at = 0
    for word in shorter:
        while at < len(longer) and longer[at] != word and not _initials(word, longer[at:]):
            at += 1
        if at == len(longer):
            return False
        at += len(word) if longer[at] != word else 1
    return True


def _initials(word: str, words: list[str]) -> bool:
    """``llm`` of ``large language model ...``: an acronym of the run of words it starts."""
    return (
        _MIN_ACRONYM <= len(word) <= len(words)
        and word.isalpha()
        and "".join(other[0] for other in words[: len(word)]) == word
    )


def _link_named(entry: Entry) -> bool:
    """The entry's link carries a name of its own (``[MILE](arxiv...)`` in a row titled by a
    category), not the entry's title nor a kind (``[paper]``)."""
    link = entry.primary_link
    return (
        link is not None
        and link is not entry.title_link
        and label_kind(link.label.text) is None
        and bool(normalize_title(link.label.text))
    )


def _called(entry: Entry) -> str:
    """What the entry calls the shared link: its label where it names one, else the title."""
    link = entry.primary_link
    if link is not None and _link_named(entry):
        return normalize_title(link.label.text)
    return entry.title_text


def _one_name_described_twice(first: Entry, second: Entry) -> bool:
    """``[NSDF - Neuroscience Simulation Data Format, built on HDF5](url)`` in one section and
    ``[NSDF - ... built on top of HDF5](url)`` in another (or ``NWB - Neurodata Without Borders
    - A format ...`` and ``Neurodata Without Borders: a data standard ...``): one named thing,
    each copy with the description its section gives it, cross-listed on purpose. Both titles
    must describe it: a copy that is the name alone (a subtitle dropped) stays reported."""
    parts = [
        [" ".join(piece.casefold().split()) for piece in _NAME_END.split(entry.title.text)]
        for entry in (first, second)
        if entry.title is not None
    ]
    if len(parts) < 2 or min(len(found) for found in parts) < 2 or parts[0] == parts[1]:
        return False
    # A piece with a year is a byline the reader left (``- arXiv 2020)``), no thing's name.
    names = {
        piece
        for piece in parts[0]
        if 0 < len(piece.split()) <= _MAX_NAME_WORDS and not _YEAR_WORD.search(piece)
    }
    return any(piece in names for piece in parts[1])


def _filed_twice(owner: Entry, entry: Entry, entries: list[Entry]) -> bool:
    """The same paper as the owner's (a title spelled a little differently), with an earlier
    twin of its very title on the link in another section: the entry is that copy cross-listed
    (cross-section-duplicate tells of it), and the pair is reported once, on the first copy.
    Under another paper's title the link is a slip in every copy that carries it: each stays
    reported."""
    return same_paper(owner.copy_title, entry.copy_title) and any(
        other.start < entry.start
        and other.section is not entry.section
        and bool(other.copy_title)
        and other.copy_title == entry.copy_title
        for other in entries
    )


def _of_other_kinds(url: str, first: Entry, second: Entry, text: str) -> bool:
    """Two entries filed among things of two kinds (by a heading or a label item over them):
    datasets, benchmarks, competitions, tools (libraries, software, packages), or papers (none
    of these), each entry filed as a thing of its kind being a name (a note in brackets aside:
    ``3D Semantic Scene Graphs (3DSSG)``) or saying its kind (``TinyPerson Dataset for ...``,
    ``tslens: A PyTorch Toolkit for ...``). A dataset or a
    tool cites the paper or page it comes from (``## Datasets`` then ``**TinyPerson Dataset
    ...** [[Paper](arxiv...)]``), a competition the release page of its dataset: each is its
    own entry. Both filed as things of two kinds (a competition under ``## Competitions`` and
    its data under ``## Datasets``), one of them by a name, neither is a paper: the page is
    each one's source. Two paper titles on one page stay reported, whatever their sections."""
    kinds = [_other_kind(entry, text) for entry in (first, second)]
    if _TOOLS in kinds and (
        first.title_text.split()[:1] == second.title_text.split()[:1]
        or _one_title(first.title_text, second.title_text)
        or _named_twice(url, first, second)
    ):
        return False  # ``cpufetch`` among tools and ``cpufetch - pretty ...``: written twice
    if (
        kinds[0]
        and kinds[1]
        and kinds[0] != kinds[1]
        and any(_is_a_name(entry) or _short_name(entry) for entry in (first, second))
    ):
        return True
    return kinds[0] != kinds[1] and all(
        _is_a_name(entry) or _short_name(entry) or _KIND_WORD.search(entry.title_text) is not None
        for entry, kind in zip((first, second), kinds, strict=True)
        if kind
    )


def _other_kind(entry: Entry, text: str) -> int:
    """Which kind of thing that is not a paper (``_OTHER_KIND``'s group: 1 datasets, 2
    benchmarks, 3 competitions, 4 tools) a heading over the entry, or a short label item it
    sits under, names; 0 for none."""
    labels = []  # the nearest first: label items, then headings
    item = entry.item.parent if entry.item is not None else None
    while item is not None:
        label = text[item.content_start : item.content_end]
        if len(label.split()) <= _MAX_LABEL_WORDS:
            labels.append(label)
        item = item.parent
    section: Section | None = entry.section
    while section is not None and section.heading is not None:
        labels.append(section.heading.text)
        section = section.parent
    found = (_OTHER_KIND.search(label) for label in labels)
    return next(
        (
            match.lastindex or 0
            for match in found
            if match is not None and not _LISTED_KIND.search(match.string[: match.start()])
        ),
        0,
    )


def _by_other_axis(entry: Entry) -> bool:
    """Whether the entry's section, or one around it, lists by another axis (``## Cited by``) or
    showcases entries of the body (``### Recent Highlights``)."""
    section: Section | None = entry.section
    while section is not None and section.heading is not None:
        heading = section.heading.text
        if _OTHER_AXIS.fullmatch(heading) or _SHOWCASE.fullmatch(_NOTE.sub("", heading)):
            return True
        section = section.parent
    return False


def _one_title(first: str, second: str) -> bool:
    """The same title, one copy with a word or two more (``PSAD: Few Shot ...`` and ``Few
    Shot ...``, a venue written into one)."""
    shorter, longer = sorted((first, second), key=len)
    return bool(shorter) and f" {shorter} " in f" {longer} "


def _naming(spelled: list[str], entry: Entry) -> int:
    """How much of its name the URL spells: the words of the name it holds, or all of it
    (``josephuspaye.github.io/Keen-UI``, ``photonkit.com`` and photon, ``yuque.com`` and
    AliYuQue). A paper title's words say nothing: any URL may hold some of them, but the name
    it opens with does when the URL spells it whole (``Motionshop: An application of ...`` and
    ``github.com/aigc3d/motionshop``)."""
    if entry.title is None:
        return 0
    if len(entry.title.text.split()) > _MAX_NAMED_WORDS:
        return _SPELLED if _spells_head(spelled, entry.title.text) else 0
    title = entry.title_text
    compact = "".join(_URL_WORD.findall(title))
    site = spelled[0] if spelled and spelled[0] not in _HOST_WORDS else ""
    if (len(compact) >= _MIN_NAMING and compact in "".join(spelled)) or (
        len(site) > _MIN_NAMING and site in compact
    ):
        return _SPELLED
    url_words = set(spelled) - _HOST_WORDS
    words = set(_URL_WORD.findall(title)) | set(_FAMILY_WORD.findall(title))
    return sum(1 for word in words if len(word) > 1 and not word.isdigit() and word in url_words)


def _one_name_in_two_sections(spelled: list[str], first: Entry, second: Entry) -> bool:
    """``[Phi 4 Multimodal (Texto, Imagen, Audio)](.../Phi-4-multimodal-instruct)`` among a
    family's models and ``[Phi4 Multimodal](...)`` among speech models: two sections that each
    name the thing the URL spells whole, a note in brackets aside, cross-list it on purpose.
    In one section, or under a name the URL does not spell, the link stays reported."""
    return first.section is not second.section and all(
        _spelled_whole(spelled, entry) for entry in (first, second)
    )


def _spelled_whole(spelled: list[str], entry: Entry) -> bool:
    if entry.title is None:
        return False
    name = _NOTE.sub(" ", entry.title.text)
    if len(name.split()) > _MAX_NAME_WORDS:
        return False
    compact = "".join(_URL_WORD.findall(name.casefold()))
    return len(compact) >= _MIN_NAMING and compact in "".join(spelled)


def _spells_head(spelled: list[str], title: str) -> bool:
    """Whether the URL's words hold the name before a title's colon, whole and as one word."""
    head, colon, _ = title.partition(":")
    name = "".join(_URL_WORD.findall(head.casefold()))
    if not colon or len(name) <= _MIN_NAMING:
        return False
    # Or the site spelled whole: ``zhishi.me`` is *Zhishi.me: Chinese Linking Open Data*.
    return name in spelled[1:] or any(
        "".join(spelled[:end]) == name for end in range(2, len(spelled) + 1)
    )


def _short_name(entry: Entry) -> bool:
    """A name once its note in brackets is set aside: ``3D Semantic Scene Graphs (3DSSG)``."""
    if entry.title is None or _NOTE.search(entry.title.text) is None:
        return False
    return len(_NOTE.sub(" ", entry.title.text).split()) <= _MAX_NAME_WORDS


def _is_a_name(entry: Entry) -> bool:
    return entry.title is not None and len(entry.title.text.split()) <= _MAX_NAME_WORDS


def _same_entry(first: Entry, second: Entry) -> bool:
    """The same title (or key): duplicate-entry and cross-section-duplicate report those; or
    two members of one family sharing its page."""
    return (
        bool(first.copy_title and first.copy_title == second.copy_title)
        or bool(first.key_text and first.key_text == second.key_text)
        or _one_family(first.title_text, second.title_text)
        or _one_family(_link_name(first), _link_name(second))
    )


def _editions(first: str, second: str, url: str) -> bool:
    """Two titles that differ in their numbers only (``GameSec '23: 14th Conference on ...`` and
    ``GameSec '24: 15th Conference on ...``, ``A Survey of ... - version 11`` and ``- Version
    1``; a venue in a dated note aside, ``(ICML 2021)`` and ``(NeurIPS 2022)``) on a page
    that names no edition: the series' home, shared by its editions or versions. A page that
    holds one of the numbers (``.../camlis2022.html``) is one edition's: the other edition on
    it is a slip."""
    words = [_FAMILY_WORD.findall(title.casefold()) for title in (first, second)]
    if not words[0] or words[0] != words[1]:
        return False
    numbers = [set(_NUMBER.findall(title)) for title in (first, second)]
    in_url = _NUMBER.findall(url)
    # A number of one digit ends too many ids (``2303.18223`` and ``version 3``): it must be
    # the URL's whole number (``llama3``).
    return not any(
        number == own or (len(own) > 1 and (number.endswith(own) or own.endswith(number)))
        for own in numbers[0] ^ numbers[1]
        for number in in_url
    )


def _without_dated_note(entry: Entry) -> str:
    """The title without a note in brackets that holds a year (``Reinforcement Learning for
    Real Life (NeurIPS 2022)``), which names an edition: the venue in it is the edition's, and
    two editions of a series at two venues are still two editions. The year is kept."""
    if entry.title is None:
        return ""
    title = entry.title.text
    notes = [note for note in _NOTE.finditer(title) if _YEAR_WORD.search(note.group())]
    if not notes:
        return ""
    years = " ".join(year for note in notes for year in _YEAR_WORD.findall(note.group()))
    return normalize_title(f"{_NOTE.sub(' ', title)} {years}")


def _name_of(named: Entry, titled: Entry) -> bool:
    """``[DRL-VO](repo)`` and ``[DRL-VO: Learning to Navigate ...](repo)``: a paper by the name
    its title opens with, and by its whole title, is one paper (cross-listed under two labels)."""
    if titled.title is None or not named.title_text:
        return False
    head, colon, _ = titled.title.text.partition(":")
    return bool(colon) and normalize_title(head) == named.title_text


def _link_name(entry: Entry) -> str:
    """The name a paper link gives its entry beside the title (``[FoMo](arxiv...)`` after the
    title ``FoMo: Multi-Modal ...``), or "": ``[paper]`` and ``[Link]`` name no entry."""
    link = entry.primary_link
    if link is None or link is entry.title_link:
        return ""
    name = _FAMILY_WORD.findall(link.label.text.casefold())
    return link.label.text if name and name[0] in entry.title_text.split() else ""


def _one_family(first: str, second: str) -> bool:
    """Two short names that start alike (``Sarashina1`` and ``Sarashina2``, ``Gazebo`` and
    ``Gazebo Sim``, ``Llama 3 Swallow`` and ``Llama 3.1 Swallow``): the releases of one
    family, which often share one announcement page. Names that share nothing on one link are
    the copy-paste slip this rule is for; paper titles (longer) are judged as written."""
    words = [_FAMILY_WORD.findall(title.casefold()) for title in (first, second)]
    if not all(words) or max(len(found) for found in words) > _MAX_NAME_WORDS:
        return False
    first_words: set[str] = {found[0] for found in words}
    return len(first_words) == 1
