from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from awesome_tidy.model import EMOJI_SHORTCODE, Cover, Document, Entry, Part, is_cjk
from awesome_tidy.rule import Edit, Fix, Problem, Rule, delete_repeats

# Two of one mark (``,,`` ``..`` ``;;`` ``::``, and their full-width forms); three dots or more
# are an ellipsis. ``!!`` and ``??`` are emphasis a human chose (``(Certified!!) Robustness``),
# not a slip, and are not reported.
_MARK = "[,.;:，。；：、]"
_REPEAT = re.compile(rf"(?<![.。])({_MARK})\1(?![.。])")
# Only a doubled comma, semicolon or CJK stop is surely a slip, and loses its copy; ``..`` may be
# a clipped ellipsis and ``::`` a label: reported, left as written.
_SLIPS = ",;，；、。"
# Any mark twice, ellipses too: where _REPEAT may match, found in one pass over the text.
_DOUBLED = re.compile(rf"({_MARK})\1")
# How far back a face's opening half is looked for: a face is a few characters wide, and a
# search to the line's start made a long line of them quadratic.
_FACE = 12
# How far after ``..`` the next word is looked for (spaces only between).
_LOOKAHEAD = 8


class RepeatedPunctuation(Rule):
    name = "repeated-punctuation"
    judges_entries = True
    severity = "warning"
    summary = "A punctuation mark typed twice in an entry's title or description: `,,` or `..`."
    fix_safety = "safe"
    changes = (delete_repeats(_SLIPS),)

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        # Performance (issue 3): one scan of the whole text in C instead of two per entry; only
        # the parts holding a doubled mark (or starting right after one) are read again.
        doubled = [match.start() for match in _DOUBLED.finditer(text)]
        if not doubled:
            return
        for entry in doc.entries:
            urls: Cover | None = None
            for label, part in _parts(entry):
                if not _holds(doubled, part.start - 1, part.end):
                    continue
                shortcodes: Cover | None = None
                for match in _REPEAT.finditer(text, part.start, part.end):
                    urls = urls or Cover((link.url.start, link.url.end) for link in entry.links)
                    if entry.in_code(match.start()) or match.start() in urls:
                        continue
                    if _not_punctuation(text, match.start(), match.end(), label):
                        continue
                    if match.group() == "::":
                        shortcodes = shortcodes or _shortcodes(text, part)
                        if match.start() in shortcodes or match.start() + 1 in shortcodes:
                            continue
                    yield self.problem(
                        match.start(),
                        match.end(),
                        message=f"{match.group()!r} in {label}",
                        fix=_fix(match.group(1), match.start()),
                    )


def _fix(mark: str, start: int) -> Fix | None:
    return Fix.safe(Edit.delete(start + 1, start + 2)) if mark in _SLIPS else None


def _not_punctuation(text: str, start: int, end: int, label: str) -> bool:
    """A face (``(,,Ò‿Ó,,)``), a mark standing alone, a scope, a range, a path or a short
    ellipsis: a slip of the typing hand sits between words (``word,, word``), after what was
    typed."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if not (before.isalnum() or before in ")]}\"'’”）】」*_`~"):
        return True
    if not (after.isspace() or after == "" or after.isalnum() or after in ")]}）】」"):
        return True
    if after in ")）" and "(" + text[start:end] in text[max(0, start - _FACE) : start]:
        return True  # ``(,,Ò‿Ó,,)``: the same marks open the bracket, a face
    if text[start] == "." and (_words_go_on(text, end) or _ellipsis(text, start, label)):
        return True  # ``Yes but.. Can it``: a clipped ellipsis the sentence goes on after
    return text[start] in ":." and _notation(text, start, end)


def _ellipsis(text: str, start: int, label: str) -> bool:
    """Whether ``..`` is a short ellipsis, never a stop typed twice. A title is a name, which
    ends with no stop (``Cache에 대하여..``, ``Yes but.. Can it``), and after a CJK or hangul
    letter two dots are the informal ellipsis of that writing; a doubled stop is the end of a
    sentence in an English description (``storage providers.. ([Source Code](url))``)."""
    return label == "title" or is_cjk(text[start - 1])


def _words_go_on(text: str, end: int) -> bool:
    """Whether a word follows after spaces: ``..`` that ends a sentence (``providers.. [Source
    Code](url)``, the text's end) is a doubled stop; one inside it may be meant."""
    rest = text[end : end + _LOOKAHEAD].lstrip(" ")
    return rest[:1].isalnum() and rest != text[end : end + _LOOKAHEAD]


def _notation(text: str, start: int, end: int) -> bool:
    """``Foo::Bar``, ``C++::std``, ``(SVM)::Course``, ``1..10``, ``../conf``: a name's scope, a
    separator, a range or a path, glued to the word after it. A hand that slips types the mark
    twice before the space (``Note:: text``); ``::`` run on to a word is written so on purpose."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if "/" in (before, after) or "\\" in (before, after):
        return True  # ``../conf``, ``..\\bin``: a parent folder
    glued_after = after.isalnum() or after == "_"
    return glued_after and (text[start] == ":" or before.isalnum() or before == "_")


def _holds(offsets: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted ``offsets`` lies in ``[start, end)``."""
    index = bisect_left(offsets, start)
    return index < len(offsets) and offsets[index] < end


def _shortcodes(text: str, part: Part) -> Cover:
    """The emoji shortcodes of ``part``, read left to right as GitHub reads them."""
    # A colon right after a shortcode (``Ha-NeRF:laughing:: Title``) or right before one is no
    # repeat.
    return Cover(match.span() for match in EMOJI_SHORTCODE.finditer(text, part.start, part.end))


def _parts(entry: Entry) -> Iterator[tuple[str, Part]]:
    for label, part in (("title", entry.title), ("description", entry.description)):
        if part is not None:
            yield label, part
