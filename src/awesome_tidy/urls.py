"""Links in the form that tells whether two of them point at the same paper or repository.

``normalize_url`` folds what does not change the target: the scheme, ``www.``, a trailing slash,
a fragment that only scrolls the same page (``#readme``, ``#page=3``; a chapter ``#install`` or
a web app's route ``#/settings`` is a target of its own), tracking parameters, arXiv's
``abs``/``pdf``/``.pdf``/version forms, the two DOI hosts and the branch part of a GitHub URL.
``link_kind`` says what a link is for, from its label first (the maintainer's word) and from
its host otherwise.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit

_ARXIV_NEW = re.compile(r"(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?$")
_ARXIV_OLD = re.compile(r"([a-z][a-z.\-]*/\d{7})(?:v\d+)?(?:\.pdf)?$", re.IGNORECASE)
_TRACKING = re.compile(r"utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref_src|ref|si|via", re.IGNORECASE)
# Performance (issue 3): most links of a paper list are plain arXiv papers or GitHub
# repositories, whose normal form a pattern reads ten times faster than the full parse.
_PLAIN_URL = re.compile(
    r"https?://(?:www\.)?(?:arxiv\.org/(?:abs|pdf)/(?P<arxiv>\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?"
    r"|github\.com/(?P<owner>[\w.-]+)/(?!(?i:index\.(?:html?|php))/?$)(?P<repo>[\w.-]+)/?)"
)
_SAME_PAGE_FRAGMENT = re.compile(
    r"readme(?:-ov-file)?|top|page=\d+.*|:~:text=.*|(?:zoom|view|nameddest)=.*", re.IGNORECASE
)
# An HTML tag, to see what a label says outside its tags (a tag holds no ``<`` or ``>``).
_HTML_TAG = re.compile(r"<[^<>]*>")
_DIRECTORY_INDEX = re.compile(r"/index\.(?:html?|php)$", re.IGNORECASE)
# First path segments of github.com that are pages of GitHub itself, not repositories.
_GITHUB_PAGES = frozenset(
    [
        "about",
        "collections",
        "enterprise",
        "explore",
        "features",
        "marketplace",
        "orgs",
        "pricing",
        "settings",
        "sponsors",
        "topics",
        "trending",
        "users",
    ]
)
_DEFAULT_BRANCHES = frozenset(("main", "master"))
_ARXIV_HOSTS = frozenset(("arxiv.org", "export.arxiv.org"))
_DOI_HOSTS = frozenset(("doi.org", "dx.doi.org"))

BADGE_HOSTS = (
    "img.shields.io",
    "badgen.net",
    "badge.fury.io",
    "awesome.re",
    "api.star-history.com",
)
# A publisher's page of a DOI: ``science.org/doi/10.1126/...``, ``wiley.com/doi/full/10.1002/...``.
_DOI_PATH = re.compile(r"/doi/(?:(?:abs|full|pdf|epdf|book)/)?10\.\d{4,}/")
_PAPER_HOSTS = (
    "arxiv.org",
    "openreview.net",
    "doi.org",
    "thecvf.com",
    "aclanthology.org",
    "aclweb.org",
    "ieeexplore.ieee.org",
    "dl.acm.org",
    "link.springer.com",
    "sciencedirect.com",
    "papers.nips.cc",
    "proceedings.neurips.cc",
    "proceedings.mlr.press",
    "ojs.aaai.org",
    "ijcai.org",
    "ecva.net",
    "semanticscholar.org",
)
_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "gitee.com")
_PAPER_WORDS = frozenset(
    ["paper", "pdf", "arxiv", "abs", "doi", "openreview", "preprint", "article", "publication"]
)
_CODE_WORDS = frozenset(
    [
        "code",
        "github",
        "gitlab",
        "repo",
        "repository",
        "implementation",
        "pytorch",
        "tensorflow",
        "torch",
        "jax",
        "keras",
        "source",
        "official",
        "unofficial",
    ]
)
_PROJECT_WORDS = frozenset(
    [
        "project",
        "page",
        "homepage",
        "website",
        "site",
        "demo",
        "dataset",
        "data",
        "blog",
        "video",
        "slides",
        "supp",
        "supplementary",
        "annotation",
        "annotations",
        "poster",
        "talk",
        "model",
        "models",
        "leaderboard",
    ]
)
_KIND_WORDS = _PAPER_WORDS | _CODE_WORDS | _PROJECT_WORDS
_YEAR = re.compile(r"(?:19|20)\d\d")
# What follows the '//' of a URL: any user information up to its last '@', then the host, up
# to a port, the path, the query or the fragment.
_AUTHORITY = re.compile(r"(?:[^/?#]*@)?([^/?#:]*)")
_MAX_LABEL_WORDS = 4
_WORD = re.compile(r"[a-z]+")


def normalize_url(url: str) -> str:
    """The form two links to one target share; anchors and relative paths come back as given."""
    url = url.strip().strip("<>")
    if not url or url.startswith("#"):
        return url
    plain = _PLAIN_URL.fullmatch(url)
    if plain is not None and (form := _plain_form(plain)) is not None:
        return form
    try:
        parts = urlsplit(url if "//" in url or ":" in url.split("/")[0] else "//" + url)
    except ValueError:  # a bracket or a full-width colon in the host: no URL to fold, as given
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("", "http", "https"):
        return url.lower() if scheme in ("mailto", "doi") else url
    host = (parts.hostname or "").rstrip(".")
    host = host[4:] if host.startswith("www.") else host
    if not host or "." not in host:
        return url
    path = _DIRECTORY_INDEX.sub("", re.sub(r"/{2,}", "/", parts.path)).rstrip("/")
    query = _clean_query(parts.query)
    fragment = f"#{parts.fragment}" if _names_a_target(parts.fragment) else ""
    special = _special_form(host, path, query)
    if special is not None:
        # A section of a repository's README or of a notes file (``#framework``, ``#resnet``)
        # is a target of its own: a table of contents or a notebook links each of its sections.
        # GitHub's anchors are lower case, whatever case the link was typed in.
        return special + fragment.lower() if host == "github.com" else special
    return host + path + (f"?{query}" if query else "") + fragment


def _names_a_target(fragment: str) -> bool:
    """Whether a fragment tells two links apart: a chapter of a guide (``#install``), a route
    of a web app (``#/settings``), a playground's saved scene (``#58I88I#186``) are each their
    own target. What only scrolls or marks the same page is not: ``#readme``, ``#top``, a
    PDF's ``#page=3``, a text fragment ``#:~:text=...``, an empty ``#``."""
    return bool(fragment) and _SAME_PAGE_FRAGMENT.fullmatch(fragment) is None


def _plain_form(plain: re.Match[str]) -> str | None:
    """What the full reading gives a plain arXiv or GitHub URL, read without ``urlsplit``."""
    arxiv, owner, repo = plain.group("arxiv", "owner", "repo")
    if arxiv is not None:
        return f"arxiv:{arxiv}"
    if owner.lower() in _GITHUB_PAGES:
        return None
    return f"github.com/{owner.lower()}/{repo.lower().removesuffix('.git')}"


def _clean_query(query: str) -> str:
    pairs = [(key, value) for key, value in parse_qsl(query, keep_blank_values=True)]
    kept = sorted(pair for pair in pairs if not _TRACKING.fullmatch(pair[0]))
    return urlencode(kept)


def _special_form(host: str, path: str, query: str) -> str | None:
    """One name per paper or repository for the hosts that have several URLs for it."""
    if host in _ARXIV_HOSTS:
        last = path.rsplit("/", 2)
        for candidate in ("/".join(last[-2:]), last[-1]):
            match = _ARXIV_NEW.search(candidate) or _ARXIV_OLD.fullmatch(candidate)
            if match:
                return f"arxiv:{match.group(1).lower()}"
        return None
    if host in _DOI_HOSTS and path:
        return f"doi:{path.lstrip('/').lower()}"
    if host == "openreview.net" and path in ("/forum", "/pdf"):
        paper = dict(parse_qsl(query)).get("id")
        return f"openreview:{paper}" if paper else None
    if host == "github.com":
        return _github(path)
    return None


def _github(path: str) -> str | None:
    """``owner/repo`` plus any path inside the branch; the query (``?tab=...``) never matters."""
    segments = [segment for segment in path.split("/") if segment]
    if len(segments) < 2 or segments[0].lower() in _GITHUB_PAGES:
        return None
    owner, repo = segments[0].lower(), segments[1].lower().removesuffix(".git")
    rest = segments[2:]
    if len(rest) >= 2 and rest[0] in ("tree", "blob"):
        # The default branch (main, master) is the repository; another branch alone
        # (``/tree/RuMono``) is another resource, a tool or version developed there.
        rest = rest[2:] if rest[1].lower() in _DEFAULT_BRANCHES or rest[2:] else ["tree", rest[1]]
    if rest and rest[-1].lower() in ("readme.md", "readme", "readme.rst"):
        rest = rest[:-1]
    tail = "/" + "/".join(rest) if rest else ""
    return f"github.com/{owner}/{repo}{tail}"


def host_of(url: str) -> str:
    """The host of an absolute URL without ``www.``, or ``""`` (read by hand: it runs for every
    link of a list, and ``urlsplit`` costs ten times more)."""
    at = url.find("//")
    if at < 0 or (at > 0 and url[at - 1] != ":"):
        return ""
    authority = _AUTHORITY.match(url, at + 2)
    host = authority.group(1).lower() if authority else ""
    return host[4:] if host.startswith("www.") else host


# Performance (issue 3): a list repeats its link labels ([code], [CVPR 2020]) and hosts (arxiv.org,
# github.com) from entry to entry; what each says is remembered (bounded, small strings).
@lru_cache(maxsize=1 << 12)
def label_kind(label: str) -> str | None:
    """What a short label says a link is (``[paper]``, ``[code]``, ``[CVPR 2020]``), if it says."""
    words = set(_WORD.findall(label.lower()))
    if len(words) > _MAX_LABEL_WORDS:  # a title, not a label: its words say nothing of the link
        return None
    if words & _CODE_WORDS:
        return "code"
    if words & _PAPER_WORDS or (_YEAR.search(label) and len(label) < 40):
        return "paper"
    if words & _PROJECT_WORDS:
        return "project"
    return None


def is_kind_label(label: str) -> bool:
    """Whether a label is nothing but what its link is: ``paper``, ``Code``, ``[project page]``."""
    # Performance (issue 10.5): asked of every entry's title, which is rarely a label; its first
    # word settles most, so the rest is split only when that one is a kind word.
    lowered = label.lower()
    first = _WORD.search(lowered)
    if first is None or first.group() not in _KIND_WORDS:
        return False
    return all(word in _KIND_WORDS for word in _WORD.findall(lowered, first.end()))


def _image_only(label: str) -> bool:
    """``[<img src=... alt="img">](url)``: an HTML image and no word, which names nothing (a
    venue badge copied from entry to entry, a logo): a badge, like ``[![alt](src)](url)``."""
    if not label.lstrip().startswith("<"):  # (asked of every label: a tag first is rare)
        return False
    return "<img" in label.lower() and not any(char.isalnum() for char in _HTML_TAG.sub("", label))


def is_pdf(url: str) -> bool:
    """Whether ``url`` addresses a PDF document (before any query)."""
    return url.lower().split("?")[0].endswith(".pdf")


def is_paper_url(url: str) -> bool:
    """Whether ``url`` is a paper's own address, whatever its label says: a paper host or a
    DOI (``link_kind``), or a PDF."""
    return link_kind("", url) == "paper" or is_pdf(url)


def link_kind(label: str, url: str, *, image: bool = False) -> str:
    """``anchor``, ``badge``, ``paper``, ``code``, ``project`` or ``other``."""
    stripped = url.strip()
    if stripped.startswith("#"):
        return "anchor"
    if image or ("![" in label and label.lstrip("[ ").startswith("![")) or _image_only(label):
        return "badge"
    by_host = _host_kind(host_of(stripped))
    if by_host == "badge":
        return by_host
    if by_host is None and _DOI_PATH.search(stripped):
        by_host = "paper"
    return label_kind(label) or by_host or "other"  # the label first: the maintainer's word


@lru_cache(maxsize=1 << 12)
def _host_kind(host: str) -> str | None:
    if host.endswith(BADGE_HOSTS):
        return "badge"
    if host.endswith(_PAPER_HOSTS):
        return "paper"
    if host.endswith(_CODE_HOSTS):
        return "code"
    return None
