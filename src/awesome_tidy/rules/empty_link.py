from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator

from awesome_tidy.model import (
    EMOJI_SHORTCODE,
    Document,
    Entry,
    Link,
    awaits_release,
    placeholder_slot,
    placeholder_title,
)
from awesome_tidy.rule import DEFECT_STORMS, Problem, Rule

# A label that only says "and so on" (``[..etc]()``, ``[...]()``, ``[等等]()``) closes a run of
# entries: it names nothing, so no URL is awaited.
_CONTINUATION = frozenset(("", "etc", "等", "等等", "and more"))
_CODE = frozenset(("fence", "code_block"))
# ``[Vendor RCE, not public so no link]()``, ``[深信服前台RCE由于没公开不附链接]()``: text that says
# the link is withheld on purpose; the empty link is the list's way of naming what has none.
_WITHHELD = re.compile(
    r"\bno (?:public )?(?:link|url)\b|\bnot (?:public|published|released)\b|\bprivate\b"
    r"|\bunpublished\b|(?:没|未|不)公开|(?:不附|无|没有)链接",
    re.IGNORECASE,
)
_INK = re.compile(r"\S")
# ``[code:none]()``, ``[github: N/A]()``, ``[-]()``, ``[无]()``: a label saying there is nothing
# to link states an absence; no URL is missing.
_NOTHING = frozenset(
    (
        *("none", "n/a", "na", "nil", "null", "no", "not available", "unavailable", "tbd", "tba"),
        *("无", "無", "暂无", "没有", "없음", "なし", "-", "--", "–", "—", "×", "✗", "✘"),
    )
)
_LABEL_PART = re.compile(r"[:：(（]")
# A slot's label is an icon: an emoji shortcode (``:computer:``) or emoji (``📄``).
_ICON_CATEGORIES = frozenset(("So", "Sk", "Cf", "Mn", "Me"))
# How many entries must carry a slot's label, filled or empty, for it to be the list's template.
_SLOT_ENTRIES = 3
# A label left empty in this many entries, and in this share of the entries carrying it, is the
# list's own marker (``[BibTex](): key`` before every key): bracketed text, no link it forgot.
_MARKER_ENTRIES = 5
_MARKER_SHARE = 0.9


class EmptyLink(Rule):
    name = "empty-link"
    severity = "warning"
    judges_entries = DEFECT_STORMS
    summary = "A link in an entry that points nowhere, like `[paper]()`."

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        code_starts = {block.start for block in doc.blocks if block.kind in _CODE}
        slots = _template_slots(doc)
        markers = _marker_labels(doc)
        for entry in doc.entries:
            # Most entries have no empty link: only those that do have their text read.
            empty = [link for link in entry.links if not link.url.text.strip()]
            if not empty or awaits_release(_beside_empty_links(text, entry)):
                continue  # ``[paper]()`` beside ``coming soon``: a placeholder the list means
            if _WITHHELD.search(text, entry.start, entry.end) or _announced_slot(text, entry):
                continue
            title_link = entry.title_link
            for link in empty:
                if (
                    _continuation(link.label.text)
                    or _says_nothing(link.label.text)
                    or _heads_code(doc, entry, link, code_starts)
                    or (
                        link is not title_link
                        and (
                            _slot_label(link.label.text) in slots
                            or _word_label(link.label.text) in markers
                        )
                    )
                ):
                    continue
                yield self.problem(
                    link.start,
                    link.end,
                    message=f"link {text[link.start : link.end]!r} has no URL",
                )


def _announced_slot(text: str, entry: Entry) -> bool:
    """A slot the list keeps for a paper to come, saying so in its title (``**Updating...**
    *et al, .* [[PDF]]() [[Author]]()``): its empty links await that paper. A blank template
    row says nothing, and its ``[link]()`` is a link drawn to nowhere."""
    title = entry.title.text.strip() if entry.title is not None else ""
    return bool(title) and placeholder_title(entry) and placeholder_slot(text, entry)


def _beside_empty_links(text: str, entry: Entry) -> str:
    """The entry's text without its empty links: ``[code coming soon]()`` is itself the
    mistake (its note belongs in plain text), while ``[paper]() *paper coming soon*`` says
    the link waits for what is to come."""
    pieces, at = [], entry.start
    for link in entry.links:
        if not link.url.text.strip() and at <= link.start:
            pieces.append(text[at : link.start])
            at = link.end
    pieces.append(text[at : entry.end])
    return " ".join(pieces)


def _label_uses(doc: Document, fold: Callable[[str], str]) -> tuple[Counter[str], Counter[str]]:
    """How many entries carry each label (as ``fold`` names it) filled, and how many empty, in
    the links beside their titles."""
    filled: Counter[str] = Counter()
    empty: Counter[str] = Counter()
    for entry in doc.entries:
        title_link = entry.title_link  # once per entry: a property that scans the links
        for label, has_url in {
            (fold(link.label.text), bool(link.url.text.strip()))
            for link in entry.links
            if link is not title_link
        }:
            if label:
                (filled if has_url else empty)[label] += 1
    return filled, empty


def _marker_labels(doc: Document) -> frozenset[str]:
    """The labels the list writes as ``[label]()`` on purpose: bracketed text, not links.

    A label left empty in many entries and in nearly all that carry it (``[BibTex](): key``
    before every BibTeX key) is the list's habit; a list with such a habit writes its other
    never-filled labels (``[To do]()``, ``[Cons]()``, a misspelt ``[BitTex]()``) the same way. A
    label the list fills elsewhere (``[code]()`` beside ``[code](url)``) names a URL it forgot.
    """
    filled, empty = _label_uses(doc, _word_label)
    habit = any(
        count >= _MARKER_ENTRIES and count >= _MARKER_SHARE * (count + filled[label])
        for label, count in empty.items()
    )
    if not habit:
        return frozenset()
    return frozenset(
        label
        for label, count in empty.items()
        if not filled[label] or count >= _MARKER_SHARE * (count + filled[label])
    )


def _word_label(label: str) -> str:
    return label.strip(" *_`[]\\").casefold()


def _template_slots(doc: Document) -> frozenset[str]:
    """The labels of the links the list's entries carry as slots of their template: an icon
    (``[:computer:]()``, ``[💻]()``) that several entries carry, filled in some and left empty in
    others, where the list fills the slot once the thing exists. A word (``[code]()``) names
    what is missing, and its empty link is reported: the lists that leave one empty beside
    filled ones mean a URL they forgot."""
    filled, empty = _label_uses(doc, _slot_label)
    return frozenset(
        label
        for label, count in empty.items()
        if filled[label] and count + filled[label] >= _SLOT_ENTRIES
    )


def _slot_label(label: str) -> str:
    """The label as a slot of the list's template names it, or ``""`` where it is no icon (a
    word, a title, a note)."""
    folded = label.strip(" *_`[]").casefold()
    if EMOJI_SHORTCODE.fullmatch(folded):
        return folded
    icon = folded.replace(" ", "")
    if icon and all(unicodedata.category(char) in _ICON_CATEGORIES for char in icon):
        return icon
    return ""


def _continuation(label: str) -> bool:
    return bool(label.strip()) and label.strip(" .…").casefold() in _CONTINUATION


def _says_nothing(label: str) -> bool:
    """Whether the label, or what follows its last colon (``code:none``), says there is nothing
    to link: a statement of the list's, not a URL left out."""
    folded = label.strip(" *_`[]").casefold()
    tail = _LABEL_PART.split(folded)[-1].strip(" *_`)）")
    return folded in _NOTHING or tail in _NOTHING


def _heads_code(doc: Document, entry: Entry, link: Link, code_starts: set[int]) -> bool:
    """An entry that is only an empty link, right above a code block: a label for the lines the
    block holds (``* [Phishing]()`` over a fenced list of topics), not a name awaiting its URL."""
    text = doc.text
    if text[entry.body.start : entry.body.end].strip() != text[link.start : link.end]:
        return False
    after = _INK.search(text, entry.end)
    return after is not None and text.rfind("\n", 0, after.start()) + 1 in code_starts
