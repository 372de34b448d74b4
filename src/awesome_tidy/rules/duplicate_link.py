from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.model import Document, Entry, normalize_url
from awesome_tidy.rule import Problem, Rule

# A name's words, digits left out: ``Sarashina2`` is of the family ``sarashina``.
_FAMILY_WORD = re.compile(r"[^\W\d_]+")
_MAX_NAME_WORDS = 4


class DuplicateLink(Rule):
    name = "duplicate-link"
    judges_entries = True
    severity = "warning"
    summary = "Two entries whose links point at the same paper or repository."

    def check(self, doc: Document) -> Iterator[Problem]:
        first_by_url: dict[str, Entry] = {}
        for entry in doc.entries:
            link = entry.primary_link
            if link is None:
                continue
            url = normalize_url(link.url.text)
            if "." not in url and ":" not in url:
                continue  # relative or malformed: nothing to compare
            first = first_by_url.setdefault(url, entry)
            if first is entry or _same_entry(first, entry):
                continue
            yield self.problem(
                link.url.start,
                link.url.end,
                message=f"{url} is also the link of line {first.line}",
                related=first.start,
            )


def _same_entry(first: Entry, second: Entry) -> bool:
    """The same title (or key): duplicate-entry and cross-section-duplicate report those; or
    two members of one family sharing its page."""
    return (
        first.copy_title == second.copy_title
        or bool(first.key_text and first.key_text == second.key_text)
        or _one_family(first.title_text, second.title_text)
    )


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
