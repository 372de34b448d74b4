from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.model import Document, Heading, links
from awesome_tidy.rule import Problem, Rule

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
# A day or a month, never a year alone: ``## 2024`` is a section for that year's papers.
_DATE = re.compile(
    r"\d{1,2}\s*[月日]"
    r"|(?<![a-z])" + _MONTH + r"\s+\d{1,2}(?!\d)"
    r"|(?<!\d)\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"(?![a-z])"
    r"|(?<!\d)(?:19|20)\d\d[-./](?:0?[1-9]|1[0-2])[-./]\d{1,2}(?!\d)",
    re.IGNORECASE,
)
# ``## News``, ``## 🔥 Updates (2024-05)``, ``## 最新动态``: what is new, announced in the heading.
_NEWS = re.compile(
    r"[^\w]*(?:news|updates?|updated|what'?s new|announcements?|changelog"
    r"|最新|更新|新闻|动态|公告|お知らせ)(?![a-z])",
    re.IGNORECASE,
)
# ``Coming soon!``, ``Datasets (TBD)``, ``待更新``: a heading that says it is empty on purpose.
_PLACEHOLDER = re.compile(
    r"coming soon|stay tuned|(?<![a-z])(?:tbd|tba|todo|wip)(?![a-z])|under construction"
    r"|to be (?:added|updated|continued|completed)|work in progress"
    r"|敬请期待|待更新|待补充|未完待续",
    re.IGNORECASE,
)
# A sentence set large: it ends as sentences do (``Other tasks will follow!``), or runs long.
_SENTENCE_END = re.compile(r"[\w)][ \t]*[.!?。！？][ \t]*\Z")
_SENTENCE_WORDS = 3
_PROSE_WORDS = 12
# A link whose opening bracket was lost: ``Loss Odyssey (code)](https://...)``.
_BROKEN_LINK = re.compile(r"\]\((?:https?:|www\.)", re.IGNORECASE)
_SHOWN = 60
"""How much of a heading the message quotes: messages stay bounded."""


class EmptySection(Rule):
    name = "empty-section"
    severity = "warning"
    summary = "A heading with nothing under it before the next heading of its level or above."

    def check(self, doc: Document) -> Iterator[Problem]:
        # A heading in a list item or a block quote is content of the section around it.
        headings = [h for h in doc.headings if not h.in_list_item and not _in_quote(doc, h)]
        for index, heading in enumerate(headings):
            following = headings[index + 1] if index + 1 < len(headings) else None
            if following is not None and following.level > heading.level:
                continue  # its subsections are its content
            if _is_banner(heading.text.strip()):
                continue
            start = doc.line_start(heading.last_line + 1)
            end = following.start if following is not None else len(doc.text)
            if _COMMENT.sub("", doc.text[start:end]).strip():
                continue
            yield self.problem(
                heading.marker_start,
                doc.line_end(heading.line),
                message=f"section {_shown(heading.text.strip())!r} is empty",
            )


def _in_quote(doc: Document, heading: Heading) -> bool:
    """Whether the heading's line starts with a block quote's ``>`` (before its ``#`` run)."""
    return ">" in doc.text[heading.start : heading.marker_start]


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _is_banner(text: str) -> bool:
    """A heading that is its own content, a line shown large rather than a section to fill:
    a link written as one (``#### [How to submit a pull request?](url)``, ``## Older years:
    [2023](url)``; a bare address in a title is not), a date (``### Main conference: June
    19-21``, ``### 主会：6 月 19-21 日``), news (``## 🔥 News: v2 released``), a sentence or a
    paragraph (``## More tasks are coming!``), or a placeholder (``## Datasets (coming soon)``)."""
    written = any(text[link.start] in "[!<" for link in links(text, 0, len(text)))
    return (
        written
        or _is_prose(text)
        or bool(_BROKEN_LINK.search(text) or _PLACEHOLDER.search(text))
        or bool(_DATE.search(text) or _NEWS.match(text))
    )


def _is_prose(text: str) -> bool:
    """A paragraph or a sentence written as a heading: a section's name is a few words, without
    the full stop, question or exclamation mark that ends a sentence."""
    words = len(text.split())
    return words > _PROSE_WORDS or (words >= _SENTENCE_WORDS and bool(_SENTENCE_END.search(text)))
