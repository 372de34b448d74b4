from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document, ListItem, dominant
from awesome_tidy.rule import LIST_MARKER, Edit, Fix, Option, Problem, Rule


class ListMarker(Rule):
    name = "list-marker"
    severity = "warning"
    summary = "A bullet that differs from the one the list uses at that depth."
    fix_safety = "safe"
    changes = (LIST_MARKER,)
    options = {
        "marker": Option(
            str,
            "auto",
            "the entries' bullet: 'auto' (the list's own at each depth), '-', '*' or '+'",
            choices=("auto", "-", "*", "+"),
        )
    }

    def check(self, doc: Document) -> Iterator[Problem]:
        # The entries' bullets are the list's format. A table of contents or a note written with
        # another bullet is a list of its own kind, and not judged against the entries.
        entry_items = {id(entry.item) for entry in doc.entries if entry.item is not None}
        bullets = [item for item in doc.items if not item.ordered and id(item) in entry_items]
        by_depth = self._expected_by_depth(bullets)
        for item in bullets:
            expected = by_depth[item.depth]
            if expected is None or item.marker == expected:
                continue
            start = item.marker_start
            yield self.problem(
                start,
                start + 1,
                message=f"bullet {item.marker!r} where the list uses {expected!r}",
                fix=Fix.safe(Edit(start, start + 1, expected)),
            )

    def _expected_by_depth(self, bullets: list[ListItem]) -> dict[int, str | None]:
        """The configured bullet, or at each depth the one most bullets use (None: no majority)."""
        chosen = self.option("marker")
        depths = {item.depth for item in bullets}
        if chosen != "auto":
            return dict.fromkeys(depths, chosen)
        return {
            depth: dominant((item.marker for item in bullets if item.depth == depth), share=0.5)
            for depth in depths
        }
