"""The language server: findings while typing, fixes as code actions, rule pages on hover.

Checks run in checking processes, so that the event loop keeps answering hovers, code actions and
the next change while a long list is checked: a thread would share the interpreter's lock with
the loop, and stall it for as long as each garbage collection of a large list's model takes.
A change is checked after a pause as long as the last check of that document took (30 ms to
500 ms): a small list gets fresh findings at once, a large one is not checked at every
keystroke. At most one check of a document runs at a time; a result for an older version is
dropped and the latest text checked.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from awesome_tidy import __version__
from awesome_tidy.lsp import actions
from awesome_tidy.lsp.analysis import (
    Analysis,
    Job,
    analyse,
    fix,
    start_checking_process,
    warm_up,
)
from awesome_tidy.lsp.hover import hover_text
from awesome_tidy.lsp.positions import UTF16

T = TypeVar("T")

SHORTEST_PAUSE = 0.03
LONGEST_PAUSE = 0.5


@dataclass(frozen=True)
class Settings:
    """What the client may set, in ``initializationOptions`` or ``workspace/didChangeConfiguration``
    (at the top level or under ``awesome-tidy``); a setting not given keeps its value."""

    unsafe_fixes: bool = False

    def updated(self, options: Any) -> Settings:
        if isinstance(options, dict) and isinstance(options.get("awesome-tidy"), dict):
            options = options["awesome-tidy"]
        if not isinstance(options, dict) or not isinstance(options.get("unsafeFixes"), bool):
            return self
        return Settings(unsafe_fixes=options["unsafeFixes"])


class TidyServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("awesome-tidy", __version__)
        self.settings = Settings()
        self.checks = _pool()
        self.results: dict[str, Analysis] = {}
        self.running: dict[str, asyncio.Future[Analysis]] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.shown: dict[str, str] = {}
        self.retried: set[str] = set()

    # -- scheduling ------------------------------------------------------------------------

    def pause(self, uri: str) -> float:
        """How long to wait after a change before checking: as long as the last check took."""
        last = self.results.get(uri)
        seconds = last.seconds if last is not None else 0.0
        return min(max(seconds, SHORTEST_PAUSE), LONGEST_PAUSE)

    def schedule(self, uri: str, delay: float) -> None:
        self._cancel_timer(uri)
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(delay, self.start_check, uri)

    def _cancel_timer(self, uri: str) -> None:
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()

    def start_check(self, uri: str) -> asyncio.Future[Analysis] | None:
        """Check the document's current text, unless a check of it is running: that one's end
        starts the next check when the text changed meanwhile."""
        self.timers.pop(uri, None)
        if uri in self.running:
            return self.running[uri]
        job = self._job(uri)
        if job is None:
            return None
        future: asyncio.Future[Analysis] = self.submit(analyse, job)
        self.running[uri] = future
        future.add_done_callback(partial(self._checked, job))
        return future

    def submit(self, function: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        """Run ``function`` in a checking process; a new pool when a process died (killed, or
        out of memory), which the future of the task it ran reports."""
        loop = asyncio.get_running_loop()
        try:
            return loop.run_in_executor(self.checks, function, *args)
        except BrokenProcessPool:
            self.checks.shutdown(wait=False)
            self.checks = _pool()
            return loop.run_in_executor(self.checks, function, *args)

    def _job(self, uri: str) -> Job | None:
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        path = to_fs_path(uri) if uri.startswith("file:") else None
        encoding = self.workspace.position_encoding or UTF16
        folder = self.workspace.root_path
        return Job(uri, path, document.source, document.version, str(encoding), folder)

    def _checked(self, job: Job, future: asyncio.Future[Analysis]) -> None:
        uri = job.uri
        del self.running[uri]
        document = self.workspace.text_documents.get(uri)
        if future.cancelled() or document is None:
            return
        error = future.exception()
        if isinstance(error, BrokenProcessPool) and uri not in self.retried:
            self.retried.add(uri)  # a process was killed (out of memory?): once more, anew
            self.start_check(uri)
            return
        self.retried.discard(uri)
        analysis = future.result() if error is None else Analysis(job, error=_died(job, error))
        if analysis.version != document.version:
            if uri not in self.timers:
                self.start_check(uri)
            return
        self.results[uri] = analysis
        self.publish(uri, analysis)

    async def fresh(self, uri: str) -> Analysis | None:
        """The analysis of the document's current version, checking it now if need be."""
        while (document := self.workspace.text_documents.get(uri)) is not None:
            result = self.results.get(uri)
            if result is not None and result.version == document.version:
                return result
            self._cancel_timer(uri)
            future = self.start_check(uri)
            if future is None:
                return None
            await asyncio.shield(future)
        return None

    def forget(self, uri: str) -> None:
        self._cancel_timer(uri)
        self.results.pop(uri, None)
        self.shown.pop(uri, None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    # -- output -------------------------------------------------------------------------------

    def publish(self, uri: str, analysis: Analysis) -> None:
        if analysis.error is not None:
            self.tell(uri, analysis.error)
        else:
            self.shown.pop(uri, None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=analysis.version,
                diagnostics=[finding.lsp for finding in analysis.findings],
            )
        )

    def tell(self, uri: str, message: str) -> None:
        """Show an error once: not again at each keystroke while it stays the same."""
        if self.shown.get(uri) == message:
            return
        self.shown[uri] = message
        self.window_log_message(
            types.LogMessageParams(type=types.MessageType.Error, message=message)
        )
        self.window_show_message(
            types.ShowMessageParams(
                type=types.MessageType.Error, message=f"awesome-tidy: {message}"
            )
        )

    def workspace_edit(
        self, uri: str, version: int | None, edits: list[types.TextEdit]
    ) -> types.WorkspaceEdit:
        """A versioned edit where the client takes them: it refuses it if the text moved on."""
        capabilities = self.client_capabilities.workspace
        versioned = capabilities and capabilities.workspace_edit
        if versioned and versioned.document_changes:
            document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
            change = types.TextDocumentEdit(text_document=document, edits=list(edits))
            return types.WorkspaceEdit(document_changes=[change])
        return types.WorkspaceEdit(changes={uri: list(edits)})

    def resolves_edits(self) -> bool:
        document = self.client_capabilities.text_document
        action = document.code_action if document else None
        support = action.resolve_support if action else None
        return support is not None and "edit" in support.properties

    # -- fix all --------------------------------------------------------------------------------

    def fix_all_title(self) -> str:
        if self.settings.unsafe_fixes:
            return "Fix all problems (unsafe fixes too)"
        return "Fix all safe problems"

    async def fix_all(self, uri: str) -> types.WorkspaceEdit | None:
        """Every fix ``awesome-tidy fix`` would apply, as edits of the lines that change."""
        analysis = await self.fresh(uri)
        if analysis is None or analysis.lines is None or analysis.config is None:
            return None
        job = analysis.job
        try:
            fixed = await self.submit(fix, job, analysis.config, self.settings.unsafe_fixes)
        except BrokenProcessPool as error:
            self.tell(uri, _died(job, error))
            return None
        except Exception as error:  # FixError (the fixes do not converge), or a rule that failed
            self.tell(uri, f"{job.path or uri}: {error}")
            return None
        edits = actions.diff_edits(analysis.lines, fixed, analysis.newline)
        return self.workspace_edit(uri, job.version, edits)


def _pool() -> ProcessPoolExecutor:
    # Spawned, not forked: the server has threads (pygls reads standard input in one).
    spawn = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=2, mp_context=spawn, initializer=start_checking_process)


def _died(job: Job, error: BaseException) -> str:
    return f"{job.path or job.uri}: the checking process stopped ({error!r}); it is restarted"


def build() -> TidyServer:
    server = TidyServer()
    _register_documents(server)
    _register_features(server)
    return server


def _register_documents(server: TidyServer) -> None:
    @server.feature(types.INITIALIZE)
    def initialize(ls: TidyServer, params: types.InitializeParams) -> None:
        ls.settings = ls.settings.updated(params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(ls: TidyServer, params: types.InitializedParams) -> None:
        ls.checks.submit(int)  # starts a checking process while the editor opens the document

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configure(ls: TidyServer, params: types.DidChangeConfigurationParams) -> None:
        ls.settings = ls.settings.updated(params.settings)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: TidyServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.start_check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: TidyServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.schedule(uri, ls.pause(uri))

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: TidyServer, params: types.DidSaveTextDocumentParams) -> None:
        # The configuration may have changed too: check again even an unchanged text.
        ls.results.pop(params.text_document.uri, None)
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TidyServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)


def _register_features(server: TidyServer) -> None:
    options = types.CodeActionOptions(code_action_kinds=actions.KINDS, resolve_provider=True)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, options)
    async def code_action(
        ls: TidyServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        return await _code_actions(ls, params)

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def resolve(ls: TidyServer, action: types.CodeAction) -> types.CodeAction:
        if action.kind == actions.FIX_ALL and isinstance(action.data, dict):
            action.edit = await ls.fix_all(str(action.data.get("uri")))
        return action

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: TidyServer, params: types.HoverParams) -> types.Hover | None:
        analysis = await ls.fresh(params.text_document.uri)
        if analysis is None:
            return None
        where = types.Range(start=params.position, end=params.position)
        found = actions.overlapping(analysis.findings, where)
        if not found:
            return None
        content = types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_text(found))
        return types.Hover(contents=content, range=found[0].lsp.range)


async def _code_actions(ls: TidyServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    analysis = await ls.fresh(uri)
    if analysis is None or analysis.error is not None:
        return []
    only = params.context.only
    found = actions.overlapping(analysis.findings, params.range)
    make_edit = partial(ls.workspace_edit, uri, analysis.version)
    result: list[types.CodeAction] = []
    if actions.wanted(types.CodeActionKind.QuickFix, only):
        result += actions.quick_fixes(analysis, found, ls.settings.unsafe_fixes, make_edit)
        result += actions.disable_actions(analysis, found, make_edit)
    if actions.wanted(actions.FIX_ALL, only) and _fixable(analysis, ls.settings.unsafe_fixes):
        action = actions.fix_all_action(ls.fix_all_title(), {"uri": uri})
        if not ls.resolves_edits():
            action.edit = await ls.fix_all(uri)
        result.append(action)
    return result


def _fixable(analysis: Analysis, unsafe: bool) -> bool:
    return any(
        f.diagnostic.fix is not None and (unsafe or f.diagnostic.fix.is_safe)
        for f in analysis.findings
    )


def serve() -> None:
    """Serve one client over standard input and output until it says exit."""
    logging.basicConfig(level=logging.WARNING)
    server = build()
    warm_up()  # the collection policy of a long run, after the CLI's short-run one
    server.start_io()
