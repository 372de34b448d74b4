from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.model import Document, Entry, missing_years
from awesome_tidy.rule import Problem, Rule

# What a link's label says the item is when it is teaching material, not a paper: ``[slide]``,
# ``[video]``, ``[lecture notes]``, ``[course]``, ``[tutorial]``, ``[book]``, ``[talk]``.
_MATERIAL_WORDS = frozenset(
    {
        *("slide", "slides", "video", "videos", "lecture", "lectures", "notes", "course"),
        *("courses", "tutorial", "tutorials", "book", "ebook", "talk", "recording", "pdf"),
    }
)
_WORD = re.compile(r"[^\W\d_]+")


class MissingYear(Rule):
    name = "missing-year"
    judges_entries = True
    severity = "warning"
    summary = "An entry without a year in a list whose entries carry one."

    def check(self, doc: Document) -> Iterator[Problem]:
        for entry in missing_years(doc):
            if _teaching_material(entry):
                continue
            yield self.problem(entry.body.start, entry.body.end, message="entry has no year")


def _teaching_material(entry: Entry) -> bool:
    """Whether the entry names itself teaching material by its links' labels, each of them
    (``**Speech Technology: A Practical Introduction** (CMU, [slide](url), [video](url))``):
    lecture slides, a recorded talk, a course or a book carry no year as a paper does (study
    26). One link labelled otherwise (``[paper]``, ``[code]``, a title) or to a paper's page (an
    arXiv abstract) leaves it a paper."""
    if not entry.links or entry.title_link is not None:
        return False
    for link in entry.links:
        if link.kind == "paper":
            return False  # ``[[book]](https://arxiv.org/abs/...)``: a paper's page
        words = _WORD.findall(link.label.text.casefold())
        if not words or not set(words) <= _MATERIAL_WORDS or words == ["pdf"]:
            return False
    return True
