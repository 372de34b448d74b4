"""Hover: a finding's rule explained where it is found, with the summary and the first example
of its page (what ``awesome-tidy explain`` prints in full)."""

from __future__ import annotations

from functools import cache

from awesome_tidy.document import parser
from awesome_tidy.lsp.analysis import PAGES, Finding, builtin_names
from awesome_tidy.pages import page_text
from awesome_tidy.registry import all_rules

_FIX = {"safe": "safe fix", "unsafe": "unsafe fix", "none": "no fix"}


def hover_text(findings: list[Finding]) -> str:
    """The explanation of each rule found under the cursor, once per rule."""
    shown: dict[str, str] = {}
    for finding in findings:
        rule = finding.diagnostic.rule
        shown.setdefault(rule, _explain(rule, finding.diagnostic.severity))
    return "\n\n---\n\n".join(shown.values())


@cache
def _explain(rule: str, severity: str) -> str:
    known = all_rules().get(rule)
    summary = known.summary if known is not None else ""
    fix = _FIX[known.fix_safety] if known is not None else ""
    parts = [f"**{rule}** ({severity}, {fix})" if fix else f"**{rule}** ({severity})", summary]
    parts.extend(_first_example(page_text(rule) or ""))
    if rule in builtin_names():
        parts.append(f"[The rule's page]({PAGES.format(rule)}) · `awesome-tidy explain {rule}`")
    return "\n\n".join(part for part in parts if part)


def _first_example(page: str) -> list[str]:
    """The page's first example, and the fixed text that follows a ``bad`` one, as Markdown."""
    fences = [
        (token.info.split()[1:2], token.content)
        for token in parser().parse(page)
        if token.type == "fence" and token.info.startswith("markdown")
    ]
    if not fences:
        return []
    (kind, content), *rest = fences
    shown = [f"{_LABELS.get(''.join(kind), 'Example')}:", _fenced(content)]
    if kind == ["bad"] and rest and rest[0][0] == ["fixed"]:
        shown += ["Fixed:", _fenced(rest[0][1])]
    return shown


_LABELS = {"bad": "Reported", "good": "Not reported"}


def _fenced(content: str) -> str:
    fence = "````" if "```" in content else "```"
    return f"{fence}markdown\n{content.rstrip()}\n{fence}"
