"""A block that may be an entry, and the evidence that it is one."""

from __future__ import annotations

from dataclasses import dataclass

from awesome_tidy.inline import WORD
from awesome_tidy.nodes import KEY_LIKE, Entry


@dataclass(slots=True)
class Candidate:
    """A block that may be an entry, and what the majority decision needs to know of it."""

    entry: Entry
    evidence: bool
    group: tuple[object, ...]
    strong: bool = False
    """Evidence enough without a majority: a citation key, or a ``[Name](url)`` lead link."""
    fields: bool = False
    """Whether ``label: value`` sub-items (an address, a summary) describe it."""


def judge(text: str, candidate: Candidate) -> None:
    """Set the candidate's evidence once its reader and its sub-items are done with it."""
    entry = candidate.entry
    keyed = entry.key is not None and KEY_LIKE.fullmatch(entry.key.text) is not None
    candidate.evidence = _evidence(text, entry, keyed) or (
        candidate.fields and entry.title is not None and bool(entry.real_links)
    )
    candidate.strong = candidate.evidence and (keyed or entry.form == "link")


def _evidence(text: str, entry: Entry, keyed: bool) -> bool:
    """A year, a key, or a real link placed as an entry places it: the marks of an entry."""
    if entry.title is None or not entry.title.text.strip() or cross_reference(entry):
        return False
    if keyed:
        return True
    if entry.year is not None:
        return True
    if entry.form == "link":
        link = entry.title_link
        return link is not None and link.kind not in ("anchor", "badge")
    title = entry.title
    real = [link for link in entry.real_links if not title.start <= link.start < title.end]
    if entry.form in ("bold", "fields"):
        return bool(real)
    words = len(WORD.findall(entry.title.text))
    return bool(real) and (words >= 3 or (words >= 2 and real[0].kind in ("paper", "code")))


def cross_reference(entry: Entry) -> bool:
    """``| 2022 | [BTF](#02) | 86.5 |``: a title linking to an entry elsewhere on the page."""
    link = entry.title_link
    return link is not None and link.kind == "anchor"
