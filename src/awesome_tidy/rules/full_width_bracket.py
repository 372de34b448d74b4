from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.document import Document
from awesome_tidy.entries import Entry
from awesome_tidy.rule import Edit, Fix, Problem, Rule
from awesome_tidy.text import is_cjk, is_full_width_form, to_ascii_form

_PAIRS = {"（": "）", "【": "】", "［": "］", "｛": "｝", "〔": "〕", "(": ")", "[": "]", "{": "}"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}
_BRACKETS = {**_PAIRS, **_CLOSERS}
_SPACED_AFTER = ",:;!?"
# Where a sentence ends: a CJK full stop or mark (kept in the sentence: it makes it CJK), an
# ASCII one before a space, a line break or a table cell border.
_CJK_STOPS = "。！？"
_STOPS = ".!?"
_BORDERS = "\n|"
# Latin prose has lower-case words; a run of names and figures (``I-AUC:72.0%，P-AUC``) may be
# typed in a CJK sentence's punctuation and is left alone.
_PROSE_WORD = re.compile(r"\b[a-z]{2,}\b")


class FullWidthBracket(Rule):
    name = "full-width-bracket"
    severity = "error"
    summary = (
        "Full-width brackets or punctuation from a CJK input method in Latin text or as delimiters."
    )
    fix_safety = "safe"

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        for entry in doc.entries:
            if entry.body.text.isascii():
                continue
            for offset, role in _misplaced(text, entry):
                char = text[offset]
                replacement = to_ascii_form(char)
                after = text[offset + 1 : offset + 2]
                if replacement in _SPACED_AFTER and after and not after.isspace():
                    replacement += " "
                yield self.problem(
                    offset,
                    offset + 1,
                    message=f"full-width {char!r} {role}",
                    fix=Fix.safe(Edit(offset, offset + 1, replacement)),
                )


def _misplaced(text: str, entry: Entry) -> Iterator[tuple[int, str]]:
    delimiters = {
        part.start: f"as {name} delimiter"
        for name, part in (
            ("key", entry.key_open),
            ("key", entry.key_close),
            ("year", entry.year_open),
            ("year", entry.year_close),
        )
        if part is not None and is_full_width_form(part.text)
    }
    urls = [(link.url.start, link.url.end) for link in entry.links]
    start, end = entry.body.start, entry.body.end
    for offset in range(start, end):
        char = text[offset]
        if not is_full_width_form(char) or entry.in_code(offset):
            continue
        if any(url_start <= offset < url_end for url_start, url_end in urls):
            continue
        if offset in delimiters:
            yield offset, delimiters[offset]
        elif _mismatched(text, offset, start, end):
            yield offset, "paired with an ASCII bracket"
        elif _in_latin_text(text, offset, start, end):
            yield offset, "in Latin text"


def _partner(text: str, offset: int, start: int, end: int) -> int | None:
    """The bracket that closes (or opens) the one at ``offset``, of either width."""
    char = text[offset]
    family = {char, _PAIRS.get(char, char), _CLOSERS.get(char, char)}
    family |= {to_ascii_form(member) for member in family}
    forward = char in _PAIRS
    step, stop = (1, end) if forward else (-1, start - 1)
    depth = 0
    for index in range(offset, stop, step):
        other = text[index]
        if other not in family:
            continue
        opens = other in _PAIRS
        depth += 1 if opens == forward else -1
        if depth == 0:
            return index
    return None


def _mismatched(text: str, offset: int, start: int, end: int) -> bool:
    if text[offset] not in _BRACKETS:
        return False
    partner = _partner(text, offset, start, end)
    return partner is not None and text[partner].isascii()


def _in_latin_text(text: str, offset: int, start: int, end: int) -> bool:
    """The sentence holding the character (or its pair) is Latin prose without CJK, and a
    punctuation mark stands between two Latin words: ``LangGraph，with``, not the label colon of
    ``ChatGLM：``."""
    first = last = offset
    if text[offset] in _BRACKETS:
        partner = _partner(text, offset, start, end)
        if partner is not None:
            first, last = min(offset, partner), max(offset, partner)
    elif not (
        _latin(_neighbour(text, offset - 1, start - 1, -1))
        and _latin(_neighbour(text, offset + 1, end, 1))
    ):
        return False
    sentence_start, sentence_end = _sentence(text, first, last, start, end)
    sentence = text[sentence_start:sentence_end]
    return not any(is_cjk(char) for char in sentence) and bool(_PROSE_WORD.search(sentence))


def _sentence(text: str, first: int, last: int, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence around ``text[first:last + 1]``, inside ``[start, end)``."""
    left = first
    while left > start and not _ends_sentence(text, left - 1) and text[left - 1] not in _BORDERS:
        left -= 1
    right = last + 1
    while right < end and text[right] not in _BORDERS:
        right += 1
        if _ends_sentence(text, right - 1):
            break
    return left, right


def _ends_sentence(text: str, at: int) -> bool:
    char = text[at]
    return char in _CJK_STOPS or (
        char in _STOPS and (at + 1 >= len(text) or text[at + 1].isspace())
    )


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _neighbour(text: str, at: int, stop: int, step: int) -> str:
    for index in range(at, stop, step):
        if not text[index].isspace():
            return text[index]
    return ""
