"""The command line's commands and options (typer): maps arguments onto the runner, the API and
the reporters, and nothing more. The console script starts in ``cli``, which runs a plain
``check`` without loading typer (the same code: ``check_command.check_paths``)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from enum import Enum
from typing import Annotated, Optional, TextIO

import typer

from awesome_tidy import api, runner
from awesome_tidy.check_command import (
    UsageFailure,
    check_paths,
    finder_for,
    finish_code,
    wants_color_on,
)
from awesome_tidy.config import ConfigError, ConfigFinder
from awesome_tidy.registry import RuleLoadError, all_rules
from awesome_tidy.reporters import COLOR_CHOICES, FORMATS, ReportOptions, reporter
from awesome_tidy.rule import SEVERITIES

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain help and errors: no boxes, and an error is the tool's own one line (see ``main``).
    rich_markup_mode=None,
)

# typer needs Optional[...] at run time on Python 3.10: hence the noqa on these aliases.
Paths = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Argument(
        metavar="PATH...",
        help="Markdown files, folders or globs ('docs/**/*.md'); - reads standard input. "
        "Default: the current folder.",
        show_default=False,
    ),
]
Select = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--select", metavar="RULE", help="Run only these rules (repeat, or separate with commas)."
    ),
]
ExtendSelect = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--extend-select",
        metavar="RULE",
        help="Run these rules too, on top of the configuration's or --select's choice.",
    ),
]
Ignore = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--ignore", metavar="RULE", help="Skip these rules."),
]
ConfigPath = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--config", metavar="PATH", help="Use this configuration file and no other."),
]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore every configuration file.")]
Jobs = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--jobs", "-j", metavar="N", min=1, help="Processes to use (default: one per CPU)."
    ),
]
StdinFilename = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--stdin-filename",
        metavar="PATH",
        help="The file standard input stands for: in messages, for configuration and ignores.",
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only, no summary.")]
ExitZero = Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")]
FailLevel = Enum("FailLevel", {name: name for name in SEVERITIES}, type=str)  # type: ignore[misc]
FailLevelChoice = Annotated[
    FailLevel,
    typer.Option(
        "--fail-level",
        help="The lowest severity whose findings make the exit code 1.",
    ),
]
ShowFixes = Annotated[
    bool, typer.Option("--show-fixes", help="Show what each fix changes (or changed).")
]
Color = Enum("Color", {name: name for name in COLOR_CHOICES}, type=str)  # type: ignore[misc]
Format = Enum("Format", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]
ColorChoice = Annotated[
    Color,
    typer.Option(
        "--color",
        help="Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.",
    ),
]


def _print_version(value: bool) -> None:
    if value:
        from awesome_tidy import __version__

        typer.echo(f"awesome-tidy {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Lint and normalise Markdown awesome lists, above all lists of research papers."""


def _finder(
    config: str | None,
    isolated: bool,
    select: list[str] | None,
    extend_select: list[str] | None,
    ignore: list[str] | None,
) -> ConfigFinder:
    try:
        return finder_for(config, isolated, select, extend_select, ignore)
    except UsageFailure as failure:
        _fail(str(failure))
        raise  # not reached: _fail exits


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@contextlib.contextmanager
def _usage_errors() -> Iterator[None]:
    """Bad configuration or a broken plugin: one line, exit 2, nothing checked or written."""
    try:
        yield
    except (ConfigError, RuleLoadError) as error:
        _fail(str(error))


def _color(stream: TextIO, when: Color | str = "auto") -> bool:
    return wants_color_on(stream, str(getattr(when, "value", when)))


def _finish(
    reports: list[api.FileReport],
    exit_zero: bool,
    fail_level: FailLevel,
    would_change: bool = False,
) -> None:
    code = finish_code(reports, exit_zero, str(fail_level.value), would_change)
    if code:
        raise typer.Exit(code)


@app.command()
def check(
    paths: Paths = None,
    output_format: Annotated[
        Format, typer.Option("--format", help="The report's format (see the README).")
    ] = Format.text,  # type: ignore[attr-defined]
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    config: ConfigPath = None,
    isolated: Isolated = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Count findings per rule instead of listing them.")
    ] = False,
    exit_zero: ExitZero = False,
    fail_level: FailLevelChoice = FailLevel.warning,  # type: ignore[attr-defined]
    quiet: Quiet = False,
    show_fixes: ShowFixes = False,
    output_file: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--output-file", "-o", metavar="PATH", help="Write the report here."),
    ] = None,
    jobs: Jobs = None,
    stdin_filename: StdinFilename = None,
    color: ColorChoice = Color.auto,  # type: ignore[attr-defined]
) -> None:
    """Report what is wrong with each list; exit 1 when there are errors or warnings."""
    try:
        code = check_paths(
            paths,
            output_format=str(output_format.value),
            select=select,
            extend_select=extend_select,
            ignore=ignore,
            config=config,
            isolated=isolated,
            statistics=statistics,
            exit_zero=exit_zero,
            fail_level=str(fail_level.value),
            quiet=quiet,
            show_fixes=show_fixes,
            output_file=output_file,
            jobs=jobs,
            stdin_filename=stdin_filename,
            color=str(color.value),
        )
    except UsageFailure as failure:
        _fail(str(failure))
    else:
        if code:
            raise typer.Exit(code)


@app.command()
def fix(
    paths: Paths = None,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Apply unsafe fixes too.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print a unified diff; write nothing.")
    ] = False,
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    config: ConfigPath = None,
    isolated: Isolated = False,
    exit_zero: ExitZero = False,
    fail_level: FailLevelChoice = FailLevel.warning,  # type: ignore[attr-defined]
    quiet: Quiet = False,
    show_fixes: ShowFixes = False,
    jobs: Jobs = None,
    stdin_filename: StdinFilename = None,
    color: ColorChoice = Color.auto,  # type: ignore[attr-defined]
) -> None:
    """Apply the safe fixes in place (- : read standard input, print the fixed text); exit 1
    when findings remain that need a human."""
    with _usage_errors():
        finder = _finder(config, isolated, select, extend_select, ignore)
        paths = paths or ["."]
        results = runner.run_paths(
            paths,
            finder,
            fix=True,
            unsafe=unsafe_fixes,
            write=not diff,
            jobs=jobs,
            stdin=sys.stdin.buffer,
            stdin_filename=stdin_filename,
        )
    # Standard output carries the fixed text of standard input, or the diff: notes go to stderr.
    piped = "-" in paths or diff
    notes = sys.stderr if piped else sys.stdout
    for path, report in results:
        if diff:
            _write_diff(report)
        elif path == "-":
            _write_stdin_result(report)
        if report.fixed and not quiet:
            _describe_fixed(report, notes, show_fixes, would=diff)
    reports = [report for _, report in results]
    readable = [report for report in reports if not report.error]
    if readable and not diff:
        reporter("text")(readable, notes, ReportOptions(_color(notes, color), quiet=quiet))
    _finish(reports, exit_zero, fail_level, would_change=diff and any(r.changed for r in reports))


def _write_diff(report: api.FileReport) -> None:
    sys.stdout.write(report.diff())


def _write_stdin_result(report: api.FileReport) -> None:
    """The fixed text, or the bytes as read when they could not be fixed or decoded: never an
    empty pipe. Written as bytes in the input's own encoding, byte-order mark and line endings."""
    if report.source is not None:
        text = report.fixed_text if report.fixed_text is not None else report.source.text
        data = report.source.encode(text)
    elif report.raw is not None:
        data = report.raw
    else:
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _describe_fixed(
    report: api.FileReport, stream: TextIO, show_fixes: bool, *, would: bool = False
) -> None:
    count = len(report.fixed)
    verb = "would fix" if would else "fixed"
    stream.write(f"{report.path}: {verb} {count} problem{'s' * (count != 1)}\n")
    if show_fixes:
        for d in report.fixed:
            stream.write(f"  {d.line}:{d.column} {d.rule} {d.message}\n")


@app.command("config")
def show_config(
    path: Annotated[
        str, typer.Argument(help="The file (or folder) whose configuration to show.")
    ] = ".",
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    config: ConfigPath = None,
    isolated: Isolated = False,
) -> None:
    """Print the configuration that applies to PATH and where each value comes from."""
    from pathlib import Path

    from awesome_tidy.config_view import describe

    with _usage_errors():
        finder = _finder(config, isolated, select, extend_select, ignore)
        target = Path(path)
        if target.is_dir():
            effective = finder.for_directory(target.resolve())
        else:
            effective = finder.for_path(path)
        typer.echo(describe(effective, path), nl=False)


@app.command("rules")
def list_rules() -> None:
    """List every rule: name, severity, whether it fixes, summary."""
    with _usage_errors():
        rules = all_rules()
    for rule in rules.values():
        fix_note = {"safe": "fix", "unsafe": "unsafe fix", "none": ""}[rule.fix_safety]
        typer.echo(f"{rule.name:<26} {rule.severity:<8} {fix_note:<11} {rule.summary}")


@app.command()
def explain(
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            metavar="RULE", help="A rule name (none: list the rules).", show_default=False
        ),
    ] = None,
) -> None:
    """Print a rule's page: what it checks, why, examples, fix and options."""
    from awesome_tidy.config_file import did_you_mean
    from awesome_tidy.pages import page_text

    if name is None:
        list_rules()
        return
    text = page_text(name)
    if text is None:
        _fail(f"unknown rule {name!r}{did_you_mean(name, all_rules())}")
    typer.echo((text or "").rstrip("\n"))


@app.command()
def server() -> None:
    """Run the language server on standard input and output (needs the lsp extra)."""
    try:
        from awesome_tidy.lsp.server import serve
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] not in ("pygls", "lsprotocol"):
            raise
        _fail('the language server needs pygls: pip install "awesome-tidy[lsp]"')
    serve()


def main(arguments: list[str]) -> None:
    """The command line through typer: every command and option (``cli.main`` starts here)."""
    try:
        code = app(arguments or ["--help"], prog_name="awesome-tidy", standalone_mode=False)
    except typer.Abort:
        sys.exit(130)
    except Exception as error:
        # Bad usage (click's UsageError and kin carry an exit code and a message): the tool's
        # own one-line form, like every other error it prints, then where to look.
        if not hasattr(error, "format_message") or not hasattr(error, "exit_code"):
            raise
        typer.echo(f"error: {_lowered(error.format_message())}", err=True)
        context = getattr(error, "ctx", None)
        if context is not None:
            typer.echo(f"(see '{context.command_path} --help')", err=True)
        sys.exit(error.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


def _lowered(message: str) -> str:
    """Click's messages start in capitals and end with a period; the tool's do neither."""
    message = message.strip().removesuffix(".")
    return message[:1].lower() + message[1:]
