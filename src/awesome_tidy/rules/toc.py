from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

from awesome_tidy.anchors import TableOfContents, TocLink, not_listed, rendered_text
from awesome_tidy.document import Document, Heading
from awesome_tidy.entries import meta_section
from awesome_tidy.rule import Edit, Fix, Option, Problem, Rule

_SHOWN = 3
_UNAMBIGUOUS = 2


class Toc(Rule):
    name = "toc"
    severity = "error"
    summary = "A table of contents whose links do not match the headings."
    fix_safety = "safe"
    options = {
        "max-depth": Option(
            int, 0, "the deepest nesting a table may have (2 is awesome-lint's); 0: any", minimum=0
        ),
    }

    def check(self, doc: Document) -> Iterator[Problem]:
        for table in doc.anchors.tables:
            yield from self._check_table(doc, table)

    def _check_table(self, doc: Document, table: TableOfContents) -> Iterator[Problem]:
        scope = _scope(doc, table)
        regenerate = _regeneration(doc, table, scope)
        problems = [
            *self._broken(doc, table),
            *self._repeated_and_misordered(doc, table),
            *self._missing(doc, table, scope),
        ]
        for start, end, message, fix in sorted(problems, key=lambda found: found[0]):
            if fix is None and regenerate is not None:
                fix, regenerate = regenerate, None
            yield self.problem(start, end, message=message, fix=fix)
        for start, end, message in self._too_deep(table):
            yield self.problem(start, end, message=message)

    def _broken(self, doc: Document, table: TableOfContents) -> Iterator[_Found]:
        anchors = doc.anchors
        by_name: dict[str, int] | None = None
        for toc_link in table.links:
            if toc_link.resolved:
                continue
            url = toc_link.link.url
            message = f"link {url.text!r} matches no heading"
            by_name = by_name if by_name is not None else _headings_by_name(doc)
            named = by_name.get(_name(toc_link.link.label.text))
            fix = None
            if named is not None:
                message += (
                    f"; the heading {doc.headings[named].text!r} is '#{anchors.slugs[named]}'"
                )
                fix = Fix.safe(Edit(url.start, url.end, f"#{anchors.slugs[named]}"))
            yield url.start, url.end, message, fix

    def _repeated_and_misordered(self, doc: Document, table: TableOfContents) -> Iterator[_Found]:
        seen: set[int | str] = set()
        last: TocLink | None = None
        for toc_link in table.links:
            target = toc_link.target
            url = toc_link.link.url
            reached = target if target is not None else _anchor(url.text)
            if reached in seen:
                yield url.start, url.end, f"link {url.text!r} is listed twice", None
                continue
            seen.add(reached)
            if target is None:
                continue
            if last is not None and last.target is not None and target < last.target:
                yield (
                    url.start,
                    url.end,
                    f"{toc_link.link.label.text!r} is listed after "
                    f"{last.link.label.text!r} but comes before it in the document",
                    None,
                )
            last = toc_link

    def _too_deep(self, table: TableOfContents) -> Iterator[tuple[int, int, str]]:
        limit = self.option("max-depth")
        top = min(toc_link.item.depth for toc_link in table.links)
        for toc_link in table.links:
            item = toc_link.item
            if limit and item.depth - top + 1 > limit:
                message = f"{toc_link.link.label.text!r} is nested deeper than {limit} levels"
                yield item.marker_start, toc_link.link.end, message

    def _missing(self, doc: Document, table: TableOfContents, scope: list[int]) -> Iterator[_Found]:
        listed = {toc_link.target for toc_link in table.links}
        missing = [doc.headings[index].text for index in scope if index not in listed]
        if not missing:
            return
        names = ", ".join(repr(name) for name in missing[:_SHOWN])
        more = f" and {len(missing) - _SHOWN} more" if len(missing) > _SHOWN else ""
        first = table.links[0].item
        noun = "heading" if len(missing) == 1 else "headings"
        yield (
            first.start,
            first.content_end,
            f"table of contents misses {len(missing)} {noun}: {names}{more}",
            None,
        )


_Found = tuple[int, int, str, Fix | None]


def _scope(doc: Document, table: TableOfContents) -> list[int]:
    """The headings the table should list: after it, at the levels its links reach."""
    headings = doc.headings
    levels = {headings[t.target].level for t in table.links if t.target is not None}
    if len(levels) == 0:
        return []
    end = table.links[-1].item.start
    holding = {id(toc_link.item.section) for toc_link in table.links}  # its own and group titles
    return [
        index
        for index, (heading, section) in enumerate(zip(headings, doc.sections[1:], strict=True))
        if heading.start > end
        and heading.level in levels
        and not heading.in_list_item
        and id(section) not in holding
        and not not_listed(section)
    ]


def _anchor(url: str) -> str:
    """An anchor as GitHub matches it: decoded, and case does not matter."""
    return unquote(url[1:]).casefold()


def _headings_by_name(doc: Document) -> dict[str, int]:
    """Each heading by its text as shown, the first of a repeated one."""
    named: dict[str, int] = {}
    for index, heading in enumerate(doc.headings):
        named.setdefault(_name(heading.text), index)
    return named


def _name(markdown: str) -> str:
    return " ".join(rendered_text(markdown).casefold().split())


def _regeneration(doc: Document, table: TableOfContents, scope: list[int]) -> Fix | None:
    """The table rewritten from the headings: one line each in document order. A line that
    already links a heading is kept as it is; a missing heading gets a line indented as the
    table indents its level; a line whose anchor reaches nothing goes. Only a table that is
    unambiguously one is rewritten."""
    if table.lists != 1:
        return None  # group titles between lists: where each heading goes is the author's call
    if _holds_other_links(doc, table):
        return None  # a file or a mistyped anchor among the lines: rewriting would drop it
    if any(t.resolved and t.target is None for t in table.links):
        return None  # an HTML anchor away from any heading: its line has no place to go
    if not _unambiguous(doc, table):
        return None
    headings = doc.headings
    targets = sorted({t.target for t in table.links if t.target is not None} | set(scope))
    first = table.links[0].item
    depths = _depths(doc, table)
    prefix = doc.text[first.start : first.marker_start]
    unit = _indent_unit(doc, table)
    by_target: dict[int, TocLink] = {}
    for toc_link in table.links:
        if toc_link.target is not None:
            by_target.setdefault(toc_link.target, toc_link)
    lines = []
    for index in targets:
        depth = depths.get(headings[index].level, 0)
        existing = by_target.get(index)
        if existing is not None:
            lines.append(doc.line_text(existing.item.line))
            continue
        label = _escaped(headings[index])
        lines.append(f"{prefix}{unit * depth}{first.marker} [{label}](#{doc.anchors.slugs[index]})")
    start = first.start
    end = doc.line_end(max(t.item.line for t in table.links))
    replacement = "\n".join(lines)
    if doc.text[start:end] == replacement:
        return None
    return Fix.safe(Edit(start, end, replacement))


def _unambiguous(doc: Document, table: TableOfContents) -> bool:
    """A table under a contents heading (``## Contents``, ``目录``), or of two links or more
    that nearly all reach headings: a short list of in-page links elsewhere may be a note."""
    if table.section.heading is not None and meta_section(table.section):
        return True
    reached = sum(t.target is not None for t in table.links)
    return reached >= _UNAMBIGUOUS and 4 * reached >= 3 * len(table.links)


def _holds_other_links(doc: Document, table: TableOfContents) -> bool:
    """Whether the table's list has items that are not in-page links (left out of the table)."""
    top_list = table.links[0].item.top_list
    return sum(1 for item in doc.items if item.top_list == top_list) != len(table.links)


def _depths(doc: Document, table: TableOfContents) -> dict[int, int]:
    """How deep the table nests each heading level: as its own links do, one deeper per level
    where it has no link of that level yet."""
    first = table.links[0].item
    seen: dict[int, list[int]] = {}
    for toc_link in table.links:
        if toc_link.target is not None:
            level = doc.headings[toc_link.target].level
            seen.setdefault(level, []).append(toc_link.item.depth - first.depth)
    depths = {level: max(set(found), key=found.count) for level, found in seen.items()}
    for level in range(1, 7):
        if level not in depths:
            shallower = [depth for known, depth in depths.items() if known < level]
            depths[level] = max(shallower) + 1 if shallower else 0
    return depths


def _indent_unit(doc: Document, table: TableOfContents) -> str:
    first = table.links[0].item
    for toc_link in table.links:
        item = toc_link.item
        if item.depth == first.depth + 1:
            return doc.text[item.start : item.marker_start][first.marker_start - first.start :]
    return "  "


def _escaped(heading: Heading) -> str:
    return rendered_text(heading.text).strip().replace("[", "\\[").replace("]", "\\]")
