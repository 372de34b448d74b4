"""Code actions: a finding's own fix, a comment that disables its rule on its line, and every
fix at once (``source.fixAll.awesome-tidy``, which editors can run on save).

The edits are the fixes' own (``Fix``/``Edit`` from the rules, ``fix_text`` for all of them):
this module only names them and turns them into editor edits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher

from lsprotocol import types

from awesome_tidy.document import normalize_newlines
from awesome_tidy.lsp.analysis import Analysis, Finding, fix_edits
from awesome_tidy.lsp.positions import Lines
from awesome_tidy.rule import Edit
from awesome_tidy.suppressions import PREFIX, UNUSED

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.awesome-tidy"
KINDS = [types.CodeActionKind.QuickFix, FIX_ALL]
DISABLE = f"{PREFIX}disable-next-line"

MakeEdit = Callable[[Sequence[types.TextEdit]], types.WorkspaceEdit]

_LONGEST = 24
_LINE = re.compile(r"[^\n]*\n|[^\n]+")
# Lines before which a comment line changes nothing a reader sees: a list item or a heading. Before
# the second line of a paragraph or a table row it would end the paragraph or the table.
_BLOCK_START = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|[ \t]{0,3}#{1,6}(?:[ \t]|$)")
_DISABLE_COMMENT = re.compile(rf"[ \t]*<!--\s*{DISABLE}\b(?P<names>[^>]*?)\s*-->\s*")


def wanted(kind: str, only: Sequence[str] | None) -> bool:
    """Whether the client asked for actions of ``kind`` (``source`` covers ``source.fixAll``)."""
    return only is None or any(kind == asked or kind.startswith(f"{asked}.") for asked in only)


def overlapping(findings: Iterable[Finding], where: types.Range) -> list[Finding]:
    start, end = _key(where.start), _key(where.end)
    return [
        finding
        for finding in findings
        if _key(finding.lsp.range.start) <= end and start <= _key(finding.lsp.range.end)
    ]


def _key(position: types.Position) -> tuple[int, int]:
    return position.line, position.character


def quick_fixes(
    analysis: Analysis, findings: list[Finding], unsafe: bool, make_edit: MakeEdit
) -> list[types.CodeAction]:
    """Each finding's fix; an unsafe one only when the settings ask for unsafe fixes."""
    text = analysis.lines.text if analysis.lines is not None else ""
    return [
        types.CodeAction(
            title=fix_title(finding, text),
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[finding.lsp],
            is_preferred=finding.diagnostic.fix.is_safe,
            edit=make_edit(fix_edits(analysis, finding.diagnostic)),
        )
        for finding in findings
        if finding.diagnostic.fix is not None and (unsafe or finding.diagnostic.fix.is_safe)
    ]


def fix_title(finding: Finding, text: str) -> str:
    """What the fix does, for the editor's menu: ``Remove '{' (stray-brace)``."""
    fix = finding.diagnostic.fix
    if fix is None:
        return finding.diagnostic.rule
    safety = "" if fix.is_safe else ", unsafe"
    return f"{_describe(fix.edits, text)} ({finding.diagnostic.rule}{safety})"


def _describe(edits: tuple[Edit, ...], text: str) -> str:
    if len(edits) > 1:
        removed = {text[edit.start : edit.end] for edit in edits}
        if len(removed) == 1 and not any(edit.text for edit in edits):
            return f"Remove {len(edits)} × {_quote(removed.pop())}"
        return f"Apply {len(edits)} edits"
    edit = edits[0]
    old = text[edit.start : edit.end]
    if not edit.text:
        return _removal(old, at_line_start=edit.start == 0 or text[edit.start - 1] == "\n")
    if not old:
        return f"Insert {_quote(edit.text)}"
    return f"Replace {_quote(old)} with {_quote(edit.text)}"


def _removal(old: str, *, at_line_start: bool) -> str:
    if at_line_start and old.endswith("\n"):
        count = old.count("\n")
        return "Remove the line" if count == 1 else f"Remove {count} lines"
    if old == " ":
        return "Remove the space"
    if not old.strip():
        return "Remove the whitespace"
    return f"Remove {_quote(old)}"


def _quote(fragment: str) -> str:
    """A fragment for a menu: short, one line, invisible characters by their code point."""
    if len(fragment) > _LONGEST:
        fragment = fragment[: _LONGEST - 1] + "…"
    shown = "".join(
        "⏎" if char == "\n" else char if char.isprintable() else f"U+{ord(char):04X}"
        for char in fragment
    )
    return f"'{shown}'"


def disable_actions(
    analysis: Analysis, findings: list[Finding], make_edit: MakeEdit
) -> list[types.CodeAction]:
    """A suppression comment for each rule found on a line, written above that line."""
    if analysis.lines is None:
        return []
    actions = []
    done: set[tuple[str, int]] = set()
    for finding in findings:
        rule, line = finding.diagnostic.rule, finding.diagnostic.line - 1
        if rule == UNUSED or (rule, line) in done:
            continue
        done.add((rule, line))
        edit = disable_edit(rule, line, analysis.lines, analysis.newline)
        if edit is not None:
            actions.append(
                types.CodeAction(
                    title=f"Disable {rule} for this line",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[finding.lsp],
                    edit=make_edit([edit]),
                )
            )
    return actions


def disable_edit(rule: str, line: int, lines: Lines, newline: str) -> types.TextEdit | None:
    """The edit that suppresses ``rule`` on 0-based ``line``: a name added to the
    ``disable-next-line`` comment above it, or a new comment line with the line's indent.

    None where a comment line would change how the list renders (inside a paragraph or a table).
    """
    text = lines.line_text(line)
    previous = lines.line_text(line - 1) if line > 0 else ""
    comment = _DISABLE_COMMENT.fullmatch(previous)
    if comment is not None:
        names = comment["names"]
        if rule in names.replace(",", " ").split() or not names.strip():
            return None
        at = lines.position(line - 1, comment.end("names"))
        return types.TextEdit(range=types.Range(start=at, end=at), new_text=f", {rule}")
    if previous.strip() and not _BLOCK_START.match(text):
        return None
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    at = types.Position(line=line, character=0)
    new_text = f"{indent}<!-- {DISABLE} {rule} -->{newline}"
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=new_text)


def fix_all_action(title: str, data: object) -> types.CodeAction:
    return types.CodeAction(title=title, kind=FIX_ALL, data=data)


def diff_edits(lines: Lines, fixed: str, newline: str) -> list[types.TextEdit]:
    """The fixed text as edits of the lines that changed, not one edit of the whole text: the
    editor then keeps the cursor, the folds and the undo history everywhere else."""
    old = _LINE.findall(lines.text)
    new = _LINE.findall(normalize_newlines(fixed))
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    edits = []
    for tag, first, last, new_first, new_last in matcher.get_opcodes():
        if tag == "equal":
            continue
        start, end = _line_offset(lines, first), _line_offset(lines, last)
        replacement = "".join(new[new_first:new_last])
        if newline != "\n":
            replacement = replacement.replace("\n", newline)
        edits.append(types.TextEdit(range=lines.range(start, end), new_text=replacement))
    return edits


def _line_offset(lines: Lines, line: int) -> int:
    return lines.starts[line] if line < len(lines.starts) else len(lines.text)
