"""The command line: maps arguments onto the runner, the API and the reporters, and nothing more."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Iterator
from typing import Annotated, Optional, TextIO

import typer

from awesome_tidy import api, runner
from awesome_tidy.config import ConfigError, ConfigFinder, Overrides
from awesome_tidy.registry import RuleLoadError, all_rules
from awesome_tidy.reporters import FORMATS, ReportOptions, reporter

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

# typer needs Optional[...] at run time on Python 3.10: hence the noqa on these aliases.
Paths = Annotated[
    list[str],
    typer.Argument(help="Markdown files or folders; - reads standard input.", show_default=False),
]
Select = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--select", help="Run only these rules (repeat, or separate with commas)."),
]
ExtendSelect = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--extend-select", help="Run these rules too (rules off by default)."),
]
Ignore = Annotated[Optional[list[str]], typer.Option("--ignore", help="Skip these rules.")]  # noqa: UP045
ConfigPath = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--config", metavar="PATH", help="Use this configuration file and no other."),
]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore every configuration file.")]
Jobs = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option("--jobs", "-j", min=1, help="Processes to use (default: one per CPU)."),
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
ShowFixes = Annotated[
    bool, typer.Option("--show-fixes", help="Show what each fix changes (or changed).")
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
    if config is not None and isolated:
        _fail("--config and --isolated cannot be used together")
    overrides = Overrides(
        select=_names(select) if select else None,
        extend_select=_names(extend_select),
        ignore=_names(ignore),
    )
    return ConfigFinder(config, isolated=isolated, overrides=overrides)


def _names(values: list[str] | None) -> tuple[str, ...]:
    """Rule names, repeated or comma-separated: ``--select a,b`` is ``--select a --select b``."""
    return tuple(
        name.strip() for value in values or () for name in value.split(",") if name.strip()
    )


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


def _color(stream: TextIO) -> bool:
    return "NO_COLOR" not in os.environ and bool(getattr(stream, "isatty", lambda: False)())


def _finish(reports: list[api.FileReport], exit_zero: bool) -> None:
    errors = [report.error for report in reports if report.error]
    for error in errors:
        typer.echo(f"error: {error}", err=True)
    if errors:
        raise typer.Exit(2)
    if not exit_zero and any(d.severity != "info" for r in reports for d in r.diagnostics):
        raise typer.Exit(1)


@app.command()
def check(
    paths: Paths,
    output_format: Annotated[
        str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")
    ] = "text",
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    config: ConfigPath = None,
    isolated: Isolated = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Count findings per rule instead of listing them.")
    ] = False,
    exit_zero: ExitZero = False,
    quiet: Quiet = False,
    show_fixes: ShowFixes = False,
    output_file: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--output-file", "-o", metavar="PATH", help="Write the report here."),
    ] = None,
    jobs: Jobs = None,
    stdin_filename: StdinFilename = None,
) -> None:
    """Report what is wrong with each list; exit 1 when there are errors or warnings."""
    if output_format not in FORMATS:
        raise typer.BadParameter(f"unknown format {output_format!r}", param_hint="--format")
    if statistics and output_format != "text":
        _fail("--statistics counts findings in the text format only")
    with _usage_errors():
        finder = _finder(config, isolated, select, extend_select, ignore)
        results = runner.run_paths(
            paths, finder, jobs=jobs, stdin=sys.stdin.buffer, stdin_filename=stdin_filename
        )
    reports = [report for _, report in results]
    readable = [report for report in reports if not report.error]
    write = reporter("statistics" if statistics else output_format)
    if output_file is None:
        options = ReportOptions(_color(sys.stdout), show_fixes, quiet)
        write(readable, sys.stdout, options)
    else:
        try:
            with open(output_file, "w", encoding="utf-8", newline="\n") as stream:
                write(readable, stream, ReportOptions(False, show_fixes, quiet))
        except OSError as error:
            _fail(f"{output_file}: cannot be written: {error.strerror or error}")
    _finish(reports, exit_zero)


@app.command()
def fix(
    paths: Paths,
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
    quiet: Quiet = False,
    show_fixes: ShowFixes = False,
    jobs: Jobs = None,
    stdin_filename: StdinFilename = None,
) -> None:
    """Apply the safe fixes in place (- : read standard input, print the fixed text); exit 1
    when findings remain that need a human."""
    with _usage_errors():
        finder = _finder(config, isolated, select, extend_select, ignore)
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
    # With standard input among the files, stdout carries its text: everything else goes to stderr.
    piped = "-" in paths and not diff
    notes = sys.stderr if piped else sys.stdout
    for path, report in results:
        if diff:
            _write_diff(report)
        elif path == "-":
            _write_stdin_result(report)
        if report.fixed and not quiet:
            _describe_fixed(report, notes, show_fixes)
    reports = [report for _, report in results]
    readable = [report for report in reports if not report.error]
    if readable and not diff:
        reporter("text")(readable, notes, ReportOptions(_color(notes), quiet=quiet))
    _finish(reports, exit_zero)


def _write_diff(report: api.FileReport) -> None:
    if report.error or report.source is None or report.fixed_text is None:
        return
    import difflib

    sys.stdout.writelines(
        difflib.unified_diff(
            report.source.text.splitlines(keepends=True),
            report.fixed_text.splitlines(keepends=True),
            fromfile=report.path,
            tofile=report.path,
        )
    )


def _write_stdin_result(report: api.FileReport) -> None:
    """The fixed text, or the text as read when it could not be fixed: never an empty pipe.
    Written as bytes in the input's own encoding, byte-order mark and line endings."""
    if report.source is None:
        return
    text = report.fixed_text if report.fixed_text is not None else report.source.text
    sys.stdout.flush()
    sys.stdout.buffer.write(report.source.encode(text))
    sys.stdout.buffer.flush()


def _describe_fixed(report: api.FileReport, stream: TextIO, show_fixes: bool) -> None:
    count = len(report.fixed)
    stream.write(f"{report.path}: fixed {count} problem{'s' * (count != 1)}\n")
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
def explain(name: Annotated[str, typer.Argument(help="A rule name.")]) -> None:
    """Print a rule's page: what it checks, why, examples, fix and options."""
    from awesome_tidy.config_file import did_you_mean
    from awesome_tidy.pages import page_text

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


def main() -> None:
    # One run is one short process whose model lives to its end and makes next to no reference
    # cycles: the collector's passes over it cost 15 % of a check and a quarter of a fix on a
    # large list (and more at exit) and free nothing. Reference counting still frees the rest.
    gc.disable()
    app()
