"""The editor's side of a language-server conversation, for tests/test_server.py: the real server
over stdio, driven by pytest-lsp's client, holding texts and applying edits as an editor does.

Positions are turned into offsets here independently of the server's own code (through the
encoded bytes), so that a wrong column in the server cannot be hidden by the same mistake here.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

TIMEOUT = 60.0
_CODECS = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2), "utf-32": ("utf-32-le", 4)}


class RecordingClient(LanguageClient):
    """pytest-lsp's client, keeping every publishDiagnostics (its own keeps the last per URI)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.published: list[types.PublishDiagnosticsParams] = []


def _record(client: RecordingClient, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)


def make_client() -> RecordingClient:
    client = RecordingClient(converter_factory=default_converter)
    features = {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _record}
    register_lsp_features(client, features)
    return client


SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "awesome_tidy", "server"], client_factory=make_client
)


def capabilities(client: str = "visual-studio-code", encoding: str | None = None) -> Any:
    found = client_capabilities(client)
    if encoding is not None:
        found.general = types.GeneralClientCapabilities(position_encodings=[encoding])
    return found


class Editor:
    """Open documents, their versions and texts; edits applied the way the client would."""

    def __init__(self, client: RecordingClient, encoding: str = "utf-16") -> None:
        self.client = client
        self.encoding = encoding
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}

    @classmethod
    async def start(
        cls, client: RecordingClient, root: Path, caps: Any = None, options: Any = None
    ) -> Editor:
        params = types.InitializeParams(
            capabilities=caps if caps is not None else capabilities(),
            root_uri=root.as_uri(),
            initialization_options=options,
        )
        result = await client.initialize_session(params)
        encoding = result.capabilities.position_encoding or "utf-16"
        return cls(client, str(encoding))

    async def open(self, path: Path, text: str | None = None) -> list[types.Diagnostic]:
        uri = path.as_uri()
        self.texts[uri] = path.read_text(encoding="utf-8") if text is None else text
        self.versions[uri] = 1
        item = types.TextDocumentItem(
            uri=uri, language_id="markdown", version=1, text=self.texts[uri]
        )
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        return await self.diagnostics(uri)

    def change(self, uri: str, text: str) -> int:
        """Send the whole new text, as a client with full synchronisation does."""
        self.texts[uri] = text
        self.versions[uri] += 1
        document = types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri])
        whole = types.TextDocumentContentChangeWholeDocument(text=text)
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(text_document=document, content_changes=[whole])
        )
        return self.versions[uri]

    async def diagnostics(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The diagnostics published for ``version`` (default: the current one)."""
        wanted = self.versions[uri] if version is None else version
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            for params in reversed(self.client.published):
                if params.uri == uri and params.version == wanted:
                    return list(params.diagnostics)
            await asyncio.sleep(0.01)
        raise AssertionError(f"no diagnostics for {uri} version {wanted}")

    async def actions(
        self, uri: str, where: types.Range, only: Sequence[str] | None = None
    ) -> list[types.CodeAction]:
        context = types.CodeActionContext(diagnostics=[], only=list(only) if only else None)
        params = types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=where, context=context
        )
        found = await self.client.text_document_code_action_async(params)
        return [action for action in found or [] if isinstance(action, types.CodeAction)]

    async def apply(self, uri: str, edit: types.WorkspaceEdit | None) -> list[types.Diagnostic]:
        """Apply a workspace edit to the text, send it, and wait for the new diagnostics."""
        assert edit is not None
        edits = _edits_for(uri, edit, self.versions[uri])
        self.change(uri, apply_edits(self.texts[uri], edits, self.encoding))
        return await self.diagnostics(uri)

    def offset(self, uri: str, position: types.Position) -> int:
        return offset_of(self.texts[uri], position, self.encoding)


def _edits_for(uri: str, edit: types.WorkspaceEdit, version: int) -> list[types.TextEdit]:
    if edit.document_changes:
        edits: list[types.TextEdit] = []
        for change in edit.document_changes:
            assert isinstance(change, types.TextDocumentEdit)
            assert change.text_document.uri == uri
            assert change.text_document.version == version  # an editor refuses a stale edit
            edits.extend(e for e in change.edits if isinstance(e, types.TextEdit))
        return edits
    return list((edit.changes or {})[uri])


def offset_of(text: str, position: types.Position, encoding: str) -> int:
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position.line])
    if position.line >= len(lines):
        return len(text)
    codec, width = _CODECS[encoding]
    encoded = lines[position.line].encode(codec, "surrogatepass")
    return start + len(encoded[: position.character * width].decode(codec, "surrogatepass"))


def apply_edits(text: str, edits: Sequence[types.TextEdit], encoding: str) -> str:
    """Every range refers to the text before any edit: apply them from the last one back."""
    spans = sorted(
        (
            (offset_of(text, e.range.start, encoding), offset_of(text, e.range.end, encoding), e)
            for e in edits
        ),
        key=lambda span: span[0],
        reverse=True,
    )
    for start, end, edit in spans:
        text = text[:start] + edit.new_text + text[end:]
    return text


def rendered(diagnostics: Sequence[types.Diagnostic]) -> str:
    """Diagnostics in the golden file's form: ``line:col severity rule message [related N]``."""
    names = {1: "error", 2: "warning", 3: "info"}
    lines = []
    for d in diagnostics:
        related = d.related_information or []
        tail = f" [related {related[0].location.range.start.line + 1}]" if related else ""
        where = f"{d.range.start.line + 1}:{d.range.start.character + 1}"
        severity = names[int(d.severity or 1)]
        lines.append(f"{where} {severity} {d.code} {d.message}{tail}\n")
    return "".join(lines)
