"""Heading anchors as GitHub makes them, and the tables of contents that link to them.

GitHub's anchor for a heading is its rendered text, lower-cased, with punctuation, symbols and
emoji removed (letters, marks, numbers, ``_`` and ``-`` stay) and each space turned into ``-``;
a repeated anchor gets ``-1``, ``-2``, ... in document order. This follows the published
behaviour of the ``github-slugger`` package, written here from its description and test cases,
with one difference GitHub has since made: the variation selectors and keycap mark that dress an
emoji (``⬆️`` is U+2B06 U+FE0F) go with it (``⬆️⬇️ Routers`` is ``#-routers``). Links written
for the older anchor, which kept them, still resolve.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from typing import TYPE_CHECKING
from urllib.parse import unquote

from awesome_tidy.inline import Cover, Link, code_spans, link_at, links, unwrap

if TYPE_CHECKING:
    from markdown_it.token import Token

    from awesome_tidy.document import Document, Heading, ListItem, Section

# Symbols that are letters all the same (Unicode's Other_Alphabetic): circled and squared Latin.
_ALPHABETIC_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))
# Marks that only choose how an emoji is drawn: variation selectors (text or emoji style) and
# the combining keycap. Unicode calls them marks, which slugs keep; GitHub drops them.
# Performance (issue 10.5): what an ASCII heading loses in its anchor, dropped in C (a Unicode
# category lookup per character was 12,000 calls on a list of 500 headings).
_ASCII_DROPPED = re.compile(r"[^a-z0-9 _-]")
_EMOJI_MARKS = frozenset((*range(0xFE00, 0xFE10), 0x20E3, *range(0xE0100, 0xE01F0)))
# Any element's ``id`` or ``name`` (``<a name="x">``, ``<span id="x">``): GitHub keeps both,
# prefixed with ``user-content-``, and its page script scrolls ``#x`` to them.
_QUOTED_VALUE = re.compile(r"=[ \t]*[\"']([^\"'<>\n]{1,400})[\"']")
_ATTRIBUTE = re.compile(r"(?<![\w-])(?:id|name)[ \t]*\Z", re.IGNORECASE)
_TAG_OPEN = re.compile(r"<[a-z][a-z0-9-]{0,20}\s", re.IGNORECASE)
_MAX_TAG = 400
_TAG = re.compile(r"<[^<>\n]*>")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# A heading written in HTML (``<summary><h2>Games</h2></summary>``): GitHub gives it an anchor
# from its text as it does a ``##`` heading. Its text is short; a longer span is not read.
_HTML_HEADING = re.compile(
    r"<h([1-6])(?:\s[^<>]*)?>(.{0,400}?)</h\1\s*>", re.IGNORECASE | re.DOTALL
)
# A ``##`` line inside an HTML block: whether GitHub makes it a heading depends on blank lines
# and tags around it, so its anchor may exist.
# Its closing ``#`` run is stripped after the match: a lazy title before ``[ \t#]*$`` would
# rescan the rest of the line from every character of it.
_HASH_LINE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(\S.*)$", re.MULTILINE)
_WORDS = re.compile(r"[^\W_]+")
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
    r"|敬请期待|待更新|待补|未完待续|更新中|补充中|整理中|施工中|准备中|筹备中|建设中"
    r"|準備中|作成中|執筆中|工事中|近日公開",
    re.IGNORECASE,
)
# ``## No papers``, ``## None yet``, ``## 暂无``: the whole heading says its section is empty.
_NOTHING = re.compile(
    r"\W*(?:no (?:papers?|entries|items|works|results|resources|links|projects)"
    r"|none|nothing|empty)(?: (?:yet|so far|for now))?\W*|暂无|暂时没有|なし|없음",
    re.IGNORECASE,
)
# A request to the reader set as a heading (``### 后台回复 CVPR 获得链接``, ``## Click here to
# join``): a line of prose that asks for an action, not a section's name.
_REQUEST = re.compile(
    r"后台回复|回复关键[词字]|扫码关注|扫描二维码|click here|follow us on", re.IGNORECASE
)
# Ideographs and kana: Chinese and Japanese write no spaces, a word is two of them or so
# (Korean spaces its words).
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A sentence set large: it ends as sentences do (``Other tasks will follow!``), or runs long.
_SENTENCE_END = re.compile(r"[\w)][ \t]*[.!?。！？][ \t]*\Z")
_SENTENCE_WORDS = 3
_PROSE_WORDS = 12
# A link written in HTML: ``## <a href="https://...">NeuroPAC</a>`` (an ``<a name>`` is no link).
_HTML_LINK = re.compile(r"<a\s[^>]*\bhref\s*=", re.IGNORECASE)
# A link whose opening bracket was lost: ``Loss Odyssey (code)](https://...)``.
_BROKEN_LINK = re.compile(r"\]\((?:https?:|www\.)", re.IGNORECASE)
# Sections a table of contents leaves out by convention, with everything under them.
_DOCUMENT_TOP = frozenset(("", "top"))
"""Fragments a browser takes to the top of the page when no element has them as its id (the
HTML standard's rule for ``#top`` and ``#``): a table's ``[Top](#top)`` line is not dead."""
_NOT_LISTED = frozenset(
    (
        *("contributing", "footnotes", "related lists", "related awesome lists", "see also"),
        # A bare ``Related`` closing the page holds links to sibling lists, as ``See also`` does.
        *("related", "related awesome", "other awesome lists"),
        # A plea for money closes a list as its license does; tables leave it out.
        *("donate", "donation", "donations", "sponsor", "sponsorship", "support us"),
        *("buy me a coffee", "赞助", "捐赠", "打赏"),
        # The license and thanks closing a Japanese or Korean list, as ``License`` does.
        *("ライセンス", "謝辞", "라이선스", "라이센스", "감사의 글"),
        # Links to the author's other lists, as ``Related lists`` holds.
        *("sister repositories", "sister repos", "sister projects", "sister lists"),
        *("姊妹仓库", "姊妹倉庫", "姊妹项目", "姊妹項目"),
        # ``License`` is a meta section's word; its plural closes a list the same way.
        *("licenses", "licences"),
        # Who wrote or keeps the list, a footer beside its license (``## Author``: a name and
        # a homepage), not a topic of it.
        *("author", "authors", "about the author", "maintainer", "maintainers", "maintained by"),
        # The back matter in the languages paper lists are written in, as ``License``,
        # ``Contributing`` and ``Acknowledgements`` are in English: the references or credits
        # closing the page (``## 参考``: one link to where the list came from), who to thank,
        # how to contribute, the license, about the list, a contact (study 33).
        *("references", "credits", "about", "about this list"),
        *("参考", "参考资料", "参考文献", "参考链接", "參考", "參考資料", "參考文獻"),
        *("致谢", "致謝"),
        *("鸣谢", "鳴謝", "贡献", "貢獻", "如何贡献", "贡献指南", "许可证", "許可證", "开源协议"),
        *("授权", "授權", "关于", "關於", "联系", "联系方式", "聯繫", "聯絡方式"),
        *("参考資料", "貢献", "貢献方法", "コントリビューション", "コントリビュート", "連絡先"),
        *("참고", "참고 자료", "참고자료", "참고 문헌", "참고문헌"),
        *("기여", "기여하기", "기여 방법"),
        *("감사", "감사의 말", "문의", "연락처", "라이선스 정보"),
        *("referencias", "créditos", "contribuir", "cómo contribuir", "contribuciones"),
        *("licencia", "agradecimientos", "acerca de", "contacto"),
        *("referências", "contribuindo", "como contribuir", "contribuições", "licença"),
        *("agradecimentos", "sobre", "contato"),
        *("referenzen", "danksagung", "danksagungen", "mitwirken", "beitragen", "lizenz"),
        *("über", "kontakt", "impressum"),
        *("références", "crédits", "remerciements", "contribuer", "à propos", "licence"),
        *("ссылки", "благодарности", "лицензия", "участие", "вклад", "контакты", "о проекте"),
    )
)


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading whose rendered text is ``text`` (before de-duplication)."""
    if text.isascii():  # ``_kept`` keeps an ASCII character just when it is a letter or digit
        return _ASCII_DROPPED.sub("", text.lower()).replace(" ", "-")
    return "".join(
        "-" if char == " " else char for char in text.lower() if char == " " or _kept(char)
    )


def legacy_slug(text: str) -> str:
    """The anchor GitHub gave before it dropped emoji variation selectors (still linked to)."""
    if text.isascii():  # no emoji mark is ASCII: GitHub's anchor then and now
        return github_slug(text)
    return "".join(
        "-" if char == " " else char
        for char in text.lower()
        if char == " " or _kept(char) or ord(char) in _EMOJI_MARKS
    )


def _kept(char: str) -> bool:
    if char in "-_":
        return True
    if ord(char) in _EMOJI_MARKS:
        return False
    category = unicodedata.category(char)
    if category[0] in "LM" or category in ("Nd", "Nl"):
        return True
    code = ord(char)
    return category == "So" and any(low <= code <= high for low, high in _ALPHABETIC_SYMBOLS)


# The characters at which one of markdown-it's inline rules of CommonMark can start (a line
# break, an escape, code, emphasis, a link or an image, an autolink or HTML, an entity): text
# without any of them is one text token, itself.
_INLINE_MARKS = re.compile(r"[\n\\`*_\[\]!<&]")


def rendered_text(markdown: str) -> str:
    """What a heading shows as text: link and emphasis text and code; no HTML, no images."""
    if _INLINE_MARKS.search(markdown) is None:
        # Performance (issue 10.5): the inline parse of plain text, and markdown-it's import
        # where the plain reader read the blocks (tests/test_anchors.py).
        return markdown
    from awesome_tidy.parsing import parser

    md = parser()
    tokens: list[Token] = []
    md.inline.parse(markdown, md, {}, tokens)
    return "".join(_token_text(token) for token in tokens)


def _token_text(token: Token) -> str:
    if token.type in ("text", "text_special", "code_inline"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return " "
    return ""


@dataclass(slots=True)
class TocLink:
    """One line of a table of contents: its item, its link, and the heading it reaches."""

    item: ListItem
    link: Link
    target: int | None
    """Index into ``Document.headings``; None when no heading has the anchor."""
    resolved: bool
    """False when the anchor matches no heading and no HTML anchor."""


@dataclass(slots=True, eq=False)
class TableOfContents:
    """Consecutive lists of in-page links (one list, or several split by group titles)."""

    links: list[TocLink] = field(default_factory=list)
    lists: int = 1
    others: list[Link] = field(default_factory=list)
    """The links of its lines that leave the page (a file, a mistyped ``(*Survey)``): no
    in-page link, but each line still names what it stands for by its text."""

    @property
    def start(self) -> int:
        return self.links[0].item.start

    @property
    def section(self) -> Section:
        return self.links[0].item.section

    def local(self, sections: list[Section]) -> bool:
        """Whether the table lists parts of its own section only (``## Water``, then
        ``- [Rivers](#rivers)``, ``- [Lakes](#lakes)`` and its sub-headings): a section's table,
        not the document's. ``sections[i + 1]`` is the section of heading ``i``."""
        targets = [t.target for t in self.links if t.target is not None]
        return (
            self.section.heading is not None
            and bool(targets)
            and all(self.holds(sections[target + 1]) for target in targets)
        )

    def holds(self, section: Section) -> bool:
        """Whether ``section`` is a sub-section of the one the table stands in."""
        return section is not self.section and _within(section, self.section)

    def end(self, text: str) -> int:
        """Where the table's text ends: the end of its last line that is not blank (an item's
        ``end`` takes in the blank line after it)."""
        start = min(toc_link.item.start for toc_link in self.links)
        end = max(toc_link.item.end for toc_link in self.links)
        newline = text.find("\n", start + len(text[start:end].rstrip()))
        return len(text) if newline < 0 else newline


@dataclass(slots=True)
class Anchors:
    """Every heading's anchor, the HTML anchors, and the tables of contents of a document."""

    slugs: list[str]
    by_slug: dict[str, int]
    html: dict[str, int | None]
    tables: list[TableOfContents]
    marked: frozenset[int]
    """The headings that carry an HTML anchor of their own (``## <span id="jump1">``)."""

    def resolve(self, url: str) -> tuple[bool, int | None]:
        """Whether ``#anchor`` exists, and the heading it belongs to (if a heading's)."""
        anchor = unquote(url[1:]) if url.startswith("#") else ""
        # GitHub's page script looks the fragment up as written first, among headings' ids and
        # HTML ``id``/``name`` alike, and lower-cased only when nothing has it: ``#RNA`` reaches
        # an ``<a name="RNA">`` before the heading ``### RNA`` (``#rna``) does.
        for key in (anchor, anchor.lower()):
            if key in self.by_slug:
                return True, self.by_slug[key]
            if key in self.html:
                return True, self.html[key]
        if url.startswith("#") and anchor.lower() in _DOCUMENT_TOP:
            return True, None
        return False, None


def read_anchors(doc: Document) -> Anchors:
    texts = [rendered_text(heading.text) for heading in doc.headings]
    slugs = _deduplicated([github_slug(text) for text in texts])
    by_slug: dict[str, int] = {}
    _index(by_slug, slugs)
    if any(ord(char) in _EMOJI_MARKS for text in texts for char in text):
        _index(by_slug, _deduplicated([legacy_slug(text) for text in texts]))
    html, marked = _html_anchors(doc)
    for slug in _maybe_headings(doc, slugs):
        html.setdefault(slug, None)
    anchors = Anchors(slugs, by_slug, html, [], frozenset(marked))
    anchors.tables = _tables_of_contents(doc, anchors)
    return anchors


def _index(by_slug: dict[str, int], slugs: list[str]) -> None:
    for index, slug in enumerate(slugs):
        by_slug.setdefault(slug, index)
        by_slug.setdefault(slug.lower(), index)


def _deduplicated(bases: list[str]) -> list[str]:
    """GitHub's suffixes: a repeated anchor gets ``-1``, ``-2``, ..., skipping taken ones."""
    seen: dict[str, int] = {}
    slugs = []
    for base in bases:
        slug = base
        while slug in seen:
            seen[base] += 1
            slug = f"{base}-{seen[base]}"
        seen[slug] = 0
        slugs.append(slug)
    return slugs


def _html_anchors(doc: Document) -> tuple[dict[str, int | None], set[int]]:
    """``id`` and ``name`` attributes (``<a name="x">``, ``<span id="x">``), each with the
    heading it marks: the heading on its line or the next one when only blank or HTML lines
    come between, else none; and every heading one marks (a repeated ``id`` too)."""
    text = doc.text
    starts = [heading.start for heading in doc.headings]
    code: Cover | None = None
    found: dict[str, int | None] = {}
    marked: set[int] = set()
    # Performance: quoted values are rare, tags are not; find the value, then its tag.
    for value in _QUOTED_VALUE.finditer(text):
        attribute = _ATTRIBUTE.search(text, max(0, value.start() - 12), value.start())
        if attribute is None:
            continue
        tag = text.rfind("<", max(0, attribute.start() - _MAX_TAG), attribute.start())
        if tag < 0 or not _TAG_OPEN.match(text, tag):
            continue
        if ">" in text[tag : attribute.start()]:
            continue  # the attribute is outside the tag: text, not HTML
        if code is None:
            code = Cover(_unrendered(doc))
        if tag not in code:
            heading = _heading_at(doc, starts, tag)
            found.setdefault(value.group(1), heading)
            if heading is not None:
                marked.add(heading)
    return found, marked


def _maybe_headings(doc: Document, slugs: list[str]) -> Iterator[str]:
    """The anchors of headings the model does not hold but GitHub may draw: headings written
    in HTML, and ``##`` lines inside HTML blocks (not in code or comments). Each gives its slug
    and the numbered ones a repeat of it may get (GitHub counts repeats in page order): a link
    to any of them may work."""
    text = doc.text
    found = [(m.start(), _TAG.sub("", m.group(2))) for m in _HTML_HEADING.finditer(text)]
    for block in doc.blocks:
        if block.kind == "html_block":
            lines = _HASH_LINE.finditer(text, block.start, block.end)
            found.extend((m.start(), m.group(1).rstrip(" \t#") or m.group(1)) for m in lines)
    if not found:
        return
    code = Cover(_unrendered(doc))
    taken = Counter(slugs)
    for start, written in found:
        if start in code:
            continue
        base = github_slug(" ".join(rendered_text(unescape(written)).split()))
        yield base
        taken[base] += 1
        yield from (f"{base}-{n}" for n in range(1, taken[base]))


def without_comments(text: str) -> str:
    """``text`` with its HTML comments taken out (one left open runs to the end)."""
    return _COMMENT.sub("", text)


def _unrendered(doc: Document) -> Iterator[tuple[int, int]]:
    """Where an ``id`` makes no element: code, and HTML comments (``<!-- <a id="x"> -->``, an
    anchor taken out, often right above the one that replaced it)."""
    text = doc.text
    yield from ((b.start, b.end) for b in doc.blocks if b.kind in ("fence", "code_block"))
    for comment in _COMMENT.finditer(text):
        yield comment.start(), comment.end()


def _heading_at(doc: Document, starts: list[int], offset: int) -> int | None:
    from bisect import bisect_right

    index = bisect_right(starts, offset) - 1
    if index >= 0 and doc.line_index(starts[index]) == doc.line_index(offset):
        return index
    following = index + 1
    line_index = doc.line_index(offset)
    line = doc.line_text(line_index + 1)
    if _TAG.sub("", line).strip():
        return None  # an element with text of its own (<p id="x">Results</p>) is its own place
    if (
        index >= 0
        and doc.headings[index].last_line == line_index  # the line right under the heading
        and (following >= len(starts) or doc.line_index(starts[following]) > line_index + 1)
    ):
        return index  # ``## Tips`` over ``<div id="s2"></div>``: unless right above another
    if following < len(starts):
        between = doc.text[doc.next_line_start(offset) : starts[following]]
        if all(not line.strip() or line.lstrip().startswith("<") for line in between.split("\n")):
            return following
    return None


def _tables_of_contents(doc: Document, anchors: Anchors) -> list[TableOfContents]:
    by_list: dict[int, list[ListItem]] = {}
    for item in doc.items:
        by_list.setdefault(item.top_list, []).append(item)
    tables: list[TableOfContents] = []
    last_list: list[ListItem] | None = None
    for items in by_list.values():
        read = _toc_links(doc, anchors, items)
        previous = tables[-1] if tables else None
        if read is not None:
            toc_links, others = read
            if previous is not None and _continues(doc, previous, last_list, toc_links):
                previous.links.extend(toc_links)
                previous.others.extend(others)
                previous.lists += 1
            else:
                tables.append(TableOfContents(toc_links, others=others))
        last_list = items
    return tables


def _toc_links(
    doc: Document, anchors: Anchors, items: list[ListItem]
) -> tuple[list[TocLink], list[Link]] | None:
    """The in-page links of a list whose items each open with a link, and its other links; or
    None. Most must be in-page: the others (a file, a mistyped ``($KG)``) are set apart, and
    the rest still make the table. A note may follow an item's link (``[Data](#data) (new)``);
    an item with two in-page links is a layout this does not read."""
    text = doc.text
    result = []
    others: list[Link] = []
    for item in items:
        start, end = unwrap(text, item.content_start, item.content_end)
        link = link_at(text, start, end) if text.startswith("[", start) else None
        if link is None:
            return None
        if not link.url.text.startswith("#"):
            others.append(link)
            if 2 * len(others) >= len(items):
                return None  # most links leave the page: a list of links, not a table
            continue
        if "](#" in text[link.end : end] and _in_page_links(text, start, end) > 1:
            return None
        resolved, target = anchors.resolve(link.url.text)
        result.append(TocLink(item, link, target, resolved))
    return (result, others) if 2 * len(result) > len(items) else None


def _in_page_links(text: str, start: int, end: int) -> int:
    found = links(text, start, end, code_spans(text, start, end))
    return sum(link.url.text.startswith("#") for link in found)


def _continues(
    doc: Document, table: TableOfContents, last_list: list[ListItem] | None, found: list[TocLink]
) -> bool:
    """A list right after a table of contents: more of it when it is in the same section, or
    under a heading inside that section that no link of either reaches (a group title,
    ``### More``) with no other list between."""
    last = table.links[-1].item
    first = found[0].item
    if last_list is None or last_list[0].top_list != last.top_list:
        return False  # another list comes between
    if first.section is last.section:
        return True
    if table.section.heading is None or not _within(first.section, table.section):
        return False
    targets = {t.target for t in (*table.links, *found)}
    return all(
        index not in targets
        for index, heading in enumerate(doc.headings)
        if last.start < heading.start < first.start
    )


def _within(section: Section, outer: Section) -> bool:
    current: Section | None = section
    while current is not None and current is not outer:
        current = current.parent
    return current is outer


def not_listed(section: Section) -> bool:
    """Sections a table of contents may leave out (contributing, license, thanks, citation,
    footnotes, related lists, a plea for donations), and everything under them."""
    from awesome_tidy.nodes import meta_section

    current: Section | None = section
    while current is not None and current.heading is not None:
        if meta_section(current) or _left_out(current.heading):
            return True
        current = current.parent
    return False


def _left_out(heading: Heading) -> bool:
    """``Footnotes``, ``🔗 Related Lists``: the heading's words, without emoji or punctuation."""
    text = heading.text.casefold()
    if not any(name.split()[0] in text for name in _NOT_LISTED):
        return False  # most headings: no need to render them
    return " ".join(_WORDS.findall(rendered_text(text))) in _NOT_LISTED


def banner_heading(text: str) -> bool:
    """A heading that is its own content, a line shown large rather than a section to fill:
    a link written as one (``#### [How to submit a pull request?](url)``, ``## Older years:
    [2023](url)``, ``## <a href="url">NeuroPAC</a>``; a bare address in a title is not, nor a
    link that lost its opening bracket),
    a date (``### Main conference: June 19-21``, ``### 主会：6 月 19-21 日``), news (``## 🔥
    News: v2 released``), prose (``prose_heading``), or nothing: a bare ``##`` is drawn as a
    divider (GitHub underlines an h2), not a section."""
    written = bool(_HTML_LINK.search(text)) or any(
        text[link.start] in "[!<" for link in links(text, 0, len(text))
    )
    return (
        not text.strip()
        or written
        or prose_heading(text)
        or bool(_BROKEN_LINK.search(text) or _DATE.search(text) or _NEWS.match(text))
    )


def placeholder_text(text: str) -> bool:
    """Whether the text says its section's content is still to come (``TBD``, ``coming
    soon``, ``待补``)."""
    return bool(_PLACEHOLDER.search(text))


def prose_heading(text: str) -> bool:
    """A sentence or a paragraph written as a heading (``## More tasks are coming!``), or a
    placeholder that says its section is empty on purpose (``## Datasets (coming soon)``,
    ``## No papers``), or a request to the reader (``### 后台回复 CVPR 获得链接``: reply to
    the account to get the link): a section's name is a few words (two CJK characters count
    as one), without the full stop, question or exclamation mark that ends a sentence."""
    words = len(text.split()) + len(_CJK.findall(text)) // 2
    return (
        words > _PROSE_WORDS
        or (words >= _SENTENCE_WORDS and bool(_SENTENCE_END.search(text)))
        or bool(_PLACEHOLDER.search(text) or _NOTHING.fullmatch(text.strip()))
        or bool(_REQUEST.search(text))
    )
