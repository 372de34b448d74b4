from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from awesome_tidy.document import Document, ListItem
from awesome_tidy.regions import html_regions
from awesome_tidy.rule import Edit, Fix, Problem, Rule


class ListIndent(Rule):
    name = "list-indent"
    severity = "warning"
    summary = "A top-level list item indented from the left margin."
    fix_safety = "safe"

    def check(self, doc: Document) -> Iterator[Problem]:
        regions = html_regions(doc)
        lists: defaultdict[int, list[tuple[ListItem, int]]] = defaultdict(list)
        for item in doc.items:
            indent = doc.text[item.start : item.marker_start]
            if item.parent is not None or item.depth != 1 or indent.strip(" "):
                continue  # nested, in a block quote, or tabs: not ours to move
            if regions.innermost(item.start) is None:
                if indent:
                    yield self._report(doc, item, len(indent), 0)
            else:
                lists[item.top_list].append((item, len(indent)))
        for items in lists.values():
            yield from self._inside_html(doc, items)

    def _inside_html(self, doc: Document, items: list[tuple[ListItem, int]]) -> Iterator[Problem]:
        """A list an HTML block (``<details>``) holds keeps the indentation most of its items
        have: GitHub renders it the same; only the items that break it are moved."""
        indent, count = Counter(width for _, width in items).most_common(1)[0]
        if count * 2 <= len(items):
            return  # no convention to keep
        for item, width in items:
            if width != indent:
                yield self._report(doc, item, width, indent)

    def _report(self, doc: Document, item: ListItem, width: int, expected: int) -> Problem:
        spaces = f"{width} space{'s' * (width != 1)}"
        message = f"list item indented by {spaces}"
        if expected:
            message += f" where its list uses {expected}"
        return self.problem(
            item.start,
            item.marker_start,
            message=message,
            fix=Fix.safe(*_shift(doc, item, width, expected)),
        )


def _shift(doc: Document, item: ListItem, width: int, expected: int) -> Iterator[Edit]:
    """Move the item and everything nested in it together, so the structure stays."""
    text = doc.text
    for line in range(item.line, doc.line_index(max(item.end - 1, item.start)) + 2):
        start = doc.line_start(line)
        if width > expected and text.startswith(" " * (width - expected), start):
            yield Edit.delete(start, start + width - expected)
        elif width < expected and doc.line_text(line).strip():
            yield Edit.insert(start, " " * (expected - width))
