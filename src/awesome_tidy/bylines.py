"""Text after an item's name that says who made it rather than what it is: a byline.

``- [Paper](url) - Jane Doe, John Roe``, ``- Athey, Wager (2020)``, ``- by Lev Tarasov``,
``- Packt``: names of people or of an organisation, no sentence. Rules about how descriptions
are written (their first word's case, their last mark) judge sentences; a byline keeps the
case and the ending its names have.
"""

from __future__ import annotations

import re

# Words a surname opens with in lower case (``de Chaisemartin``, ``van der Laan``, ``bin
# Talal``): the name's own spelling, which a capital would change (study 34).
PARTICLES = frozenset(
    {
        "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "ten",
        "ter", "bin", "al",
    }
)  # fmt: skip
_PARTICLE = "|".join(sorted(PARTICLES, key=len, reverse=True))

# A name is two to four words, each capitalised or an initial (``Andrew W. Cross``); two names
# or more, or ``et al``. A tag list of capitalised phrases (``Image Classification, Object
# Detection``) reads so too: no sentence either, and silence is the safe reading.
_NAME_WORD = r"[A-Z][\w-]*(?:['’][A-Z][\w-]*)?\.?"  # ``O'Brien``, not ``Manning's``
_PERSON = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_PARTICLE})){{1,3}}"
# A surname with its particles (``van der Laan``, ``Van der Klaauw``, ``D'Haultfœuille``), or
# a name, as a paper's byline cites its authors before the year: ``de Chaisemartin,
# D'Haultfœuille (2020)``.
_SURNAME = rf"(?:(?:{_PARTICLE}|{_NAME_WORD})\s+){{0,2}}{_NAME_WORD}"
_AND = r"\s*(?:,|;|&|\band\b)\s*"
_AUTHORS = re.compile(
    rf"(?:{_PERSON}(?:{_AND}{_PERSON})+"
    rf"|{_PERSON}(?:\s*,\s*{_PERSON})*,?\s+et\.?\s+al\b\.?"
    rf"|[A-Z][\w'’-]*(?:\s+[\w'’-]+){{0,3}}\s+et\.?\s+al\b\.?)"
    r"(?:\s*\(\d{4}\))?\.?"
    rf"|{_SURNAME}(?:{_AND}{_SURNAME})*,?\s*\((?:19|20)\d\d\)\.?"
)

# A source credited after the dash (``- Packt``, ``- Adrienne Watt``, ``- Database by Doug``,
# ``- learnsql.com``): one to three capitalised words, or a domain, names who made or hosts the
# item (study 12).
_SOURCE = re.compile(
    rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|by|of|the|and|&)){{0,1}}|(?:[\w-]+\.)+[A-Za-z]{{2,}}\.?"
)

# A credit in the list's own language (``by Lev Tarasov``, ``par Lev Tarasov``, ``von Jane
# Doe``, ``por JHU-CLSP``): a preposition and a name (study 25).
_BY = re.compile(
    rf"(?:by|par|von|de|por|di|da|door|av|af)\s+{_NAME_WORD}(?:\s+(?:{_NAME_WORD}"
    rf"|{_PARTICLE}|y|et|and|&)){{0,5}}"
)


def is_byline(words: str) -> bool:
    """Whether ``words`` (the text after an item's name, stripped) only name who made or hosts
    the item: authors (``Jane Doe, John Roe``, ``Doe et al. (2024)``, ``van der Laan, Rubin
    (2006)``), a source (``Packt``, ``learnsql.com``) or a credit (``by Lev Tarasov``)."""
    return (
        _AUTHORS.fullmatch(words) is not None
        or _SOURCE.fullmatch(words) is not None
        or _BY.fullmatch(words) is not None
    )


def opens_with_particle(words: str) -> bool:
    """Whether ``words`` open with a surname's particles and the capitalised name they belong
    to (``de Chaisemartin``, ``van der Laan``): a name in its own case, no sentence's start."""
    return _PARTICLE_OPENING.match(words) is not None


_PARTICLE_OPENING = re.compile(rf"(?:(?:{_PARTICLE})\s+){{1,2}}[A-Z]")
