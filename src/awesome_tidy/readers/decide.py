"""Where two readers find a year (or a venue) for one entry, which one the entry keeps.

Field readers return what they found as a ``Found``: the year's span, the venue around it, and
how it was found. ``decide`` is the one place that chooses, by the order declared below, so that
no reader's result depends on which reader happened to run first. The entry keeps how its year
and venue were found (``Entry.year_how``, ``Entry.venue_how``): the evidence a group's
convention is learnt from.
"""

from __future__ import annotations

from dataclasses import dataclass

from awesome_tidy.inline import Part
from awesome_tidy.metadata import is_date
from awesome_tidy.nodes import Entry

# Most trusted first. A year in the slot the list keeps for it (``Title[2021]``) beats a tag
# before the title, which beats one in the title, a table column, the words after the title,
# then a ``Venue:`` field or an attribute sub-item, which may name a later version, and last the
# year after a citation's leading author list (the tail's venue year is read with its venue).
YEAR_PRECEDENCE = (
    "closing-bracket",
    "lead-tag",
    "title-tag",
    "year-column",
    "venue-column",
    "tail",
    "field",
    "attribute",
    "authors",
)
# A venue named by a ``Venue:`` field or a venue column is the list saying so; a leading venue
# link comes next, then the words around whichever year was read.
VENUE_PRECEDENCE = (
    "field",
    "venue-column",
    "year-column",
    "lead-link",
    "lead-tag",
    "title-tag",
    "tail",
    "attribute",
)
_YEAR_RANK = {how: rank for rank, how in enumerate(YEAR_PRECEDENCE)}
_VENUE_RANK = {how: rank for rank, how in enumerate(VENUE_PRECEDENCE)}
_NONE = len(YEAR_PRECEDENCE) + len(VENUE_PRECEDENCE)


@dataclass(slots=True, frozen=True, init=False)
class Found:
    """What one reader found: a year (with the brackets of its slot) and the venue near it."""

    how: str
    year: Part | None = None
    venue: Part | None = None
    year_open: Part | None = None
    year_close: Part | None = None

    # Performance (issue 10.5): one per entry; the slots' own setters, as ``inline.Part`` uses
    # them, take half the time of the frozen dataclass's generated __init__.
    def __init__(
        self,
        how: str,
        year: Part | None = None,
        venue: Part | None = None,
        year_open: Part | None = None,
        year_close: Part | None = None,
    ) -> None:
        _set_how(self, how)
        _set_year(self, year)
        _set_venue(self, venue)
        _set_year_open(self, year_open)
        _set_year_close(self, year_close)


_set_how, _set_year, _set_venue, _set_year_open, _set_year_close = (
    Found.__dict__[name].__set__ for name in ("how", "year", "venue", "year_open", "year_close")
)


def wants_year(entry: Entry, how: str) -> bool:
    """Whether a year found ``how`` would replace the entry's: a reader may skip its work."""
    current = entry.year_how
    return _YEAR_RANK[how] < (_YEAR_RANK[current] if current is not None else _NONE)


def wants_venue(entry: Entry, how: str) -> bool:
    current = entry.venue_how
    return _VENUE_RANK[how] < (_VENUE_RANK[current] if current is not None else _NONE)


def decide(entry: Entry, found: Found | None) -> None:
    """Keep what ``found`` holds where it outranks what the entry has."""
    if found is None:
        return
    if found.year is not None and wants_year(entry, found.how):
        entry.year, entry.year_how = found.year, found.how
        entry.year_open, entry.year_close = found.year_open, found.year_close
    # ``| Jan, 2024 |``: a month or a day beside the year dates the entry; it names no venue.
    venue = found.venue
    if venue is not None and wants_venue(entry, found.how) and not is_date(venue.text):
        entry.venue, entry.venue_how = venue, found.how
