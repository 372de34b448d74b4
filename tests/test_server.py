"""The language server, end to end: the real ``awesome-tidy server`` over stdio, driven by
pytest-lsp's client as an editor drives it (issue 13)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

pytest.importorskip("pytest_lsp")

import pytest_lsp
from lsprotocol import types

from awesome_tidy import check_text, fix_text
from cli_invoke import invoke
from conftest import REFERENCE
from lsp_editor import SERVER, Editor, RecordingClient, capabilities, rendered
from test_reference import FINDINGS, FIXED, _render

pytestmark = pytest.mark.asyncio

BRACES = "# Papers\n\n+ (he2016deep)Deep Residual {Learning for Image Recognition[2016]\n"


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: RecordingClient) -> AsyncIterator[None]:
    yield
    await lsp_client.shutdown_session()


def _on(diagnostics: list[types.Diagnostic], rule: str) -> list[types.Diagnostic]:
    return [d for d in diagnostics if d.code == rule]


def _line(line: int) -> types.Range:
    return types.Range(
        start=types.Position(line=line, character=0), end=types.Position(line=line, character=0)
    )


async def test_opening_the_reference_list_publishes_the_golden_findings_at_their_ranges(
    client: RecordingClient, reference_copy: Path
) -> None:
    editor = await Editor.start(client, reference_copy.parent)
    diagnostics = await editor.open(reference_copy)
    assert rendered(diagnostics) == FINDINGS.read_text(encoding="utf-8")
    brace = diagnostics[0]
    assert brace.range == types.Range(
        start=types.Position(line=8, character=15), end=types.Position(line=8, character=16)
    )
    assert brace.severity == types.DiagnosticSeverity.Error
    assert brace.source == "awesome-tidy"
    assert brace.code_description is not None
    assert brace.code_description.href.endswith("/rules/stray-brace.md")
    duplicate = _on(diagnostics, "duplicate-entry")[0]
    assert duplicate.range.start == types.Position(line=27, character=2)
    assert duplicate.related_information is not None
    first = duplicate.related_information[0].location
    assert (first.uri, first.range.start) == (
        reference_copy.as_uri(),
        types.Position(line=24, character=0),
    )


async def test_a_quick_fix_applied_through_its_edit_updates_the_diagnostics(
    client: RecordingClient, reference_copy: Path
) -> None:
    editor = await Editor.start(client, reference_copy.parent)
    uri = reference_copy.as_uri()
    before = await editor.open(reference_copy)
    found = await editor.actions(uri, before[0].range)
    titles = [action.title for action in found]
    assert titles == [
        "Remove '{' (stray-brace)",
        "Disable stray-brace for this line",
        "Fix all safe problems",
    ]
    assert found[0].kind == types.CodeActionKind.QuickFix and found[0].is_preferred
    after = await editor.apply(uri, found[0].edit)
    assert "Deep Learning for Unsupervised" in editor.texts[uri].splitlines()[8]
    assert after == before[1:]
    assert rendered(after) == _render(check_text(editor.texts[uri]))


@pytest.mark.slow  # a server process per test: the fast tier keeps two
async def test_fix_all_is_a_source_action_whose_edits_give_the_golden_fixed_file(
    client: RecordingClient, reference_copy: Path
) -> None:
    editor = await Editor.start(client, reference_copy.parent)
    uri = reference_copy.as_uri()
    await editor.open(reference_copy)
    whole = types.Range(
        start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)
    )
    (action,) = await editor.actions(uri, whole, only=[types.CodeActionKind.SourceFixAll])
    assert (action.title, action.kind) == ("Fix all safe problems", "source.fixAll.awesome-tidy")
    assert action.edit is None  # VS Code resolves the edit when the action is chosen
    resolved = await client.code_action_resolve_async(action)
    after = await editor.apply(uri, resolved.edit)
    assert editor.texts[uri] == FIXED.read_text(encoding="utf-8")
    assert rendered(after) == _render(fix_text(REFERENCE.read_text(encoding="utf-8")).remaining)


@pytest.mark.slow  # a server process per test: the fast tier keeps two
async def test_a_client_without_resolve_gets_the_fix_all_edit_at_once(
    client: RecordingClient, reference_copy: Path
) -> None:
    caps = capabilities()
    assert caps.text_document is not None and caps.text_document.code_action is not None
    caps.text_document.code_action.resolve_support = None
    caps.workspace = None  # no versioned document changes either: a plain ``changes`` map
    editor = await Editor.start(client, reference_copy.parent, caps)
    uri = reference_copy.as_uri()
    await editor.open(reference_copy)
    (action,) = await editor.actions(uri, _line(0), only=["source"])
    assert action.edit is not None and action.edit.changes is not None
    await editor.apply(uri, action.edit)
    assert editor.texts[uri] == FIXED.read_text(encoding="utf-8")


async def _open_beside(
    client: RecordingClient, document: Path, name: str, config: str
) -> tuple[Editor, list[types.Diagnostic]]:
    """Open ``document`` with the configuration file ``name`` next to it."""
    (document.parent / name).write_text(config, encoding="utf-8")
    editor = await Editor.start(client, document.parent)
    return editor, await editor.open(document)


@pytest.mark.slow  # a server process per test: the fast tier keeps two
async def test_a_configuration_file_next_to_the_document_changes_the_findings(
    client: RecordingClient, reference_copy: Path
) -> None:
    config = 'ignore = ["list-indent"]\n\n[severity]\nkey-style = "info"\n'
    _, diagnostics = await _open_beside(client, reference_copy, ".awesome-tidy.toml", config)
    assert not _on(diagnostics, "list-indent")
    key_style = _on(diagnostics, "key-style")
    assert key_style and {d.severity for d in key_style} == {types.DiagnosticSeverity.Information}
    assert len(diagnostics) == 198 - 133


@pytest.mark.slow  # a server process per test: the fast tier keeps two
async def test_a_file_the_configuration_excludes_gets_no_findings(
    client: RecordingClient, reference_copy: Path
) -> None:
    config = '[tool.awesome-tidy]\nexclude = ["README.md"]\n'
    _, diagnostics = await _open_beside(client, reference_copy, "pyproject.toml", config)
    assert diagnostics == []
    assert client.messages == []


@pytest.mark.slow  # a server process per test: the fast tier keeps two
async def test_a_malformed_configuration_is_shown_and_the_server_keeps_serving(
    client: RecordingClient, reference_copy: Path
) -> None:
    name = ".awesome-tidy.toml"
    _, diagnostics = await _open_beside(client, reference_copy, name, 'select = ["stray-brace"\n')
    assert diagnostics == []
    (message,) = client.messages
    assert message.type == types.MessageType.Error
    assert ".awesome-tidy.toml" in message.message
    (reference_copy.parent / name).write_text('select = ["stray-brace"]\n', encoding="utf-8")
    uri = reference_copy.as_uri()
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await _until(lambda: len(client.published) >= 2)
    assert {d.code for d in client.published[-1].diagnostics} == {"stray-brace"}
    assert len(client.messages) == 1


async def _until(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.01)


@pytest.mark.slow  # a server process per test: the fast tier keeps two
async def test_a_binary_document_is_shown_once_not_a_crash(
    client: RecordingClient, tmp_path: Path
) -> None:
    editor = await Editor.start(client, tmp_path)
    path = tmp_path / "list.md"
    uri = path.as_uri()
    assert await editor.open(path, "# Papers\n\0\n") == []
    editor.change(uri, "# Papers\n\0\n\n")
    assert await editor.diagnostics(uri) == []
    (message,) = client.messages
    assert "binary file (contains a NUL byte)" in message.message
    editor.change(uri, BRACES)
    assert [d.code for d in await editor.diagnostics(uri)] == ["stray-brace"]


@pytest.mark.slow  # a server process per test: the fast tier keeps two
@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
async def test_columns_after_an_emoji_are_in_the_negotiated_code_units(
    client: RecordingClient, tmp_path: Path, encoding: str
) -> None:
    offered = None if encoding == "utf-16" else encoding  # UTF-16 is what LSP assumes
    editor = await Editor.start(client, tmp_path, capabilities(encoding=offered))
    assert editor.encoding == encoding
    path = tmp_path / "list.md"
    text = BRACES.replace("Deep Residual", "Deep 🚀 Résidual")
    (brace,) = await editor.open(path, text)
    line = text.splitlines()[2]
    codec, width = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2), "utf-32": ("utf-32-le", 4)}[
        encoding
    ]
    units = len(line[: line.index("{")].encode(codec)) // width
    assert brace.range.start == types.Position(line=2, character=units)
    fix, *_ = await editor.actions(path.as_uri(), brace.range)
    await editor.apply(path.as_uri(), fix.edit)
    assert editor.texts[path.as_uri()] == text.replace("{", "")


@pytest.mark.slow  # a server process per test: the fast tier keeps two
async def test_hover_on_a_finding_explains_its_rule_with_the_first_example(
    client: RecordingClient, tmp_path: Path
) -> None:
    editor = await Editor.start(client, tmp_path)
    path = tmp_path / "list.md"
    (brace,) = await editor.open(path, BRACES)
    params = types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=brace.range.start
    )
    hover = await client.text_document_hover_async(params)
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    text = hover.contents.value
    assert text.startswith("**stray-brace** (error, safe fix)")
    assert "BibTeX braces left in a title or key." in text
    assert "+ (tao2022deep){Deep Learning for Unsupervised Anomaly Localization" in text
    assert "rules/stray-brace.md" in text
    elsewhere = types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        position=types.Position(line=0, character=0),
    )
    assert await client.text_document_hover_async(elsewhere) is None


@pytest.mark.slow  # a server process per test: the fast tier keeps two
async def test_suppression_comments_apply_and_an_unused_one_is_shown(
    client: RecordingClient, tmp_path: Path
) -> None:
    editor = await Editor.start(client, tmp_path)
    text = BRACES.replace(
        "+ (he2016deep)",
        "<!-- awesome-tidy-disable-next-line key-style -->\n"
        "<!-- awesome-tidy-disable-next-line stray-brace -->\n+ (he2016deep)",
    )
    (unused,) = await editor.open(tmp_path / "list.md", text)
    assert unused.code == "unused-suppression"
    assert unused.range.start.line == 2
    assert list(unused.tags or ()) == [types.DiagnosticTag.Unnecessary]


@pytest.mark.slow  # a server process per test: the fast tier keeps two
async def test_disable_for_this_line_writes_the_suppression_comment(
    client: RecordingClient, tmp_path: Path
) -> None:
    editor = await Editor.start(client, tmp_path)
    path = tmp_path / "list.md"
    uri = path.as_uri()
    (brace,) = await editor.open(path, BRACES)
    disable = [a for a in await editor.actions(uri, brace.range) if a.title.startswith("Disable")]
    assert await editor.apply(uri, disable[0].edit) == []
    assert editor.texts[uri] == BRACES.replace(
        "+ (he2016deep)", "<!-- awesome-tidy-disable-next-line stray-brace -->\n+ (he2016deep)"
    )


@pytest.mark.slow  # a server process per test: the fast tier keeps two
async def test_unsafe_fixes_are_offered_only_when_the_settings_ask(
    client: RecordingClient, tmp_path: Path
) -> None:
    text = (
        "# Tools\n\n"
        "- [scikit-learn](https://github.com/scikit-learn/scikit-learn) - The library.\n"
        "- [pgmpy](https://github.com/pgmpy/pgmpy) - A library for graphical models.\n"
        "- [xgboost](https://github.com/dmlc/xgboost) - A gradient boosting library.\n"
        "- [polyfactory](https://github.com/litestar-org/polyfactory) - mock data generation.\n"
    )
    editor = await Editor.start(client, tmp_path, options={"unsafeFixes": True})
    path = tmp_path / "list.md"
    uri = path.as_uri()
    (case,) = _on(await editor.open(path, text), "description-case")
    titles = [a.title for a in await editor.actions(uri, case.range)]
    assert "Replace 'm' with 'M' (description-case, unsafe)" in titles
    # Settings of other tools (Neovim sends its own at start) leave this one as it was.
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"marksman": {"enabled": True}})
    )
    assert titles == [a.title for a in await editor.actions(uri, case.range)]
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"awesome-tidy": {"unsafeFixes": False}})
    )
    titles = [a.title for a in await editor.actions(uri, case.range)]
    assert not [title for title in titles if "unsafe" in title]


@pytest.mark.slow  # a server process per test: the fast tier keeps two
async def test_a_burst_of_changes_is_checked_once_for_the_last_text(
    client: RecordingClient, reference_copy: Path
) -> None:
    editor = await Editor.start(client, reference_copy.parent)
    uri = reference_copy.as_uri()
    text = await editor.open(reference_copy) and editor.texts[uri]
    for count in range(1, 21):
        editor.change(uri, text.replace("(he2015deep)", "(he2015deep)" + "x" * count, 1))
    await editor.diagnostics(uri)
    versions = [p.version for p in client.published if p.uri == uri]
    assert versions[0] == 1 and versions[-1] == 21
    assert len(versions) < 6  # one check per pause, not one per keystroke


@pytest.mark.slow  # a server process per test: the fast tier keeps two
async def test_closing_a_document_clears_its_diagnostics(
    client: RecordingClient, tmp_path: Path
) -> None:
    editor = await Editor.start(client, tmp_path)
    path = tmp_path / "list.md"
    await editor.open(path, BRACES)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri())
        )
    )
    await _until(lambda: len(client.published) >= 2)
    assert list(client.published[-1].diagnostics) == []


@pytest.mark.filterwarnings("ignore::pytest.PytestWarning")
def test_without_the_lsp_extra_the_server_command_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in [name for name in sys.modules if name.startswith(("pygls", "awesome_tidy.lsp"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pygls", None)  # what an install without the extra gives
    outcome = invoke("server")
    assert outcome.exit_code == 2
    assert (
        outcome.stderr
        == 'error: the language server needs pygls: pip install "awesome-tidy[lsp]"\n'
    )


@pytest.mark.slow  # a server process per test: the fast tier keeps two
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes in /proc")
async def test_a_killed_checking_process_is_replaced(
    client: RecordingClient, tmp_path: Path
) -> None:
    editor = await Editor.start(client, tmp_path)
    path = tmp_path / "list.md"
    await editor.open(path, BRACES)
    server = client._server
    assert server is not None
    workers = _children(server.pid)
    assert workers
    for pid in workers:
        os.kill(pid, signal.SIGKILL)
    editor.change(path.as_uri(), BRACES.replace("{", "}"))
    (brace,) = await editor.diagnostics(path.as_uri())
    assert brace.message == "stray '}' in title"
    assert not set(workers) & set(_children(server.pid))


def _children(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task").glob("*/children")
    return [int(child) for task in tasks for child in task.read_text().split()]
