"""The README's sample sessions are real: each ``$ awesome-tidy ...`` in a ``console`` block is run
from the repository root and must print what the README shows.

A line that is only ``…`` stands for lines left out; the shown lines must then appear in the
output in the same order. A sample without ``…`` must be the whole output.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from cli_invoke import invoke

ROOT = Path(__file__).parents[1]
ELIDED = "…"
_CONSOLE_BLOCK = re.compile(r"^```console\n(.*?)^```$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Session:
    command: str
    shown: list[str]


def sessions(readme: str) -> list[Session]:
    found = []
    for block in _CONSOLE_BLOCK.findall(readme):
        command, shown = None, []
        for line in block.splitlines():
            if line.startswith("$ awesome-tidy "):
                if command is not None:
                    found.append(Session(command, shown))
                command, shown = line.removeprefix("$ awesome-tidy "), []
            elif command is not None:
                shown.append(line)
        if command is not None:
            found.append(Session(command, shown))
    return found


SESSIONS = sessions((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_has_sample_sessions() -> None:
    assert len(SESSIONS) >= 5


def is_in_order(shown: list[str], printed: list[str]) -> bool:
    remaining = iter(printed)
    return all(line in remaining for line in shown)


@pytest.mark.parametrize("session", SESSIONS, ids=[s.command for s in SESSIONS])
def test_readme_session_is_what_the_command_prints(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    printed = invoke(*shlex.split(session.command)).stdout.splitlines()
    if ELIDED in session.shown:
        assert is_in_order([line for line in session.shown if line != ELIDED], printed), printed
    else:
        assert session.shown == printed


DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def relative_links(markdown: str) -> list[str]:
    """The targets of the links a reader can click that stay in the repository."""
    targets = []
    for block in MarkdownIt("commonmark").parse(markdown):
        for token in block.children or []:
            href = str(token.attrs.get("href", "")) if token.type == "link_open" else ""
            if href and not re.match(r"[a-z]+:|#", href):
                targets.append(href.split("#")[0])
    return targets


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_relative_links_point_at_files_in_the_repository(document: Path) -> None:
    targets = relative_links(document.read_text(encoding="utf-8"))
    missing = [target for target in targets if not (document.parent / target).exists()]
    assert not missing
