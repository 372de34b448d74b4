"""The command line: maps arguments onto the API and the reporters, and nothing more."""

from __future__ import annotations

import difflib
import os
import sys
from typing import Annotated, Optional

import typer

from awesome_tidy import api
from awesome_tidy.config import Config
from awesome_tidy.registry import all_rules
from awesome_tidy.reporters import FORMATS, reporter

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Lint and normalise Markdown awesome lists, above all lists of research papers.",
    pretty_exceptions_enable=False,
)

Paths = Annotated[list[str], typer.Argument(help="Markdown files to check.", show_default=False)]
Select = Annotated[Optional[list[str]], typer.Option("--select", help="Run only these rules.")]  # noqa: UP045
Ignore = Annotated[Optional[list[str]], typer.Option("--ignore", help="Skip these rules.")]  # noqa: UP045


def _config(select: list[str] | None, ignore: list[str] | None) -> Config:
    known = all_rules()
    for name in (*(select or ()), *(ignore or ())):
        if name not in known and name != "ALL":
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise typer.BadParameter(f"unknown rule {name!r}{hint}")
    return Config(select=tuple(select) if select else None, ignore=tuple(ignore or ()))


def _color(stream: object) -> bool:
    return "NO_COLOR" not in os.environ and bool(getattr(stream, "isatty", lambda: False)())


def _print_errors(reports: list[api.FileReport]) -> bool:
    errors = [report.error for report in reports if report.error]
    for error in errors:
        typer.echo(f"error: {error}", err=True)
    return bool(errors)


@app.command()
def check(
    paths: Paths,
    output_format: Annotated[
        str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")
    ] = "text",
    select: Select = None,
    ignore: Ignore = None,
) -> None:
    """Report what is wrong with each list; exit 1 when there are errors or warnings."""
    if output_format not in FORMATS:
        raise typer.BadParameter(f"unknown format {output_format!r}", param_hint="--format")
    config = _config(select, ignore)
    reports = [api.check_file(path, config) for path in paths]
    readable = [report for report in reports if not report.error]
    reporter(output_format)(readable, sys.stdout, _color(sys.stdout))
    if _print_errors(reports):
        raise typer.Exit(2)
    if any(d.severity != "info" for report in readable for d in report.diagnostics):
        raise typer.Exit(1)


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
    ignore: Ignore = None,
) -> None:
    """Apply the safe fixes in place; exit 1 when findings remain that need a human."""
    config = _config(select, ignore)
    reports = [api.fix_file(path, config, unsafe=unsafe_fixes, write=not diff) for path in paths]
    for report in reports:
        if report.error or report.source is None or report.fixed_text is None:
            continue
        if diff:
            sys.stdout.writelines(
                difflib.unified_diff(
                    report.source.text.splitlines(keepends=True),
                    report.fixed_text.splitlines(keepends=True),
                    fromfile=report.path,
                    tofile=report.path,
                )
            )
        elif report.fixed:
            typer.echo(
                f"{report.path}: fixed {len(report.fixed)} problem{'s' * (len(report.fixed) != 1)}"
            )
    readable = [report for report in reports if not report.error]
    if not diff:
        reporter("text")(readable, sys.stdout, _color(sys.stdout))
    if _print_errors(reports):
        raise typer.Exit(2)
    if any(d.severity != "info" for report in readable for d in report.diagnostics):
        raise typer.Exit(1)


@app.command("rules")
def list_rules() -> None:
    """List every rule: name, severity, whether it fixes, summary."""
    for rule in all_rules().values():
        fix_note = {"safe": "fix", "unsafe": "unsafe fix", "none": ""}[rule.fix_safety]
        typer.echo(f"{rule.name:<26} {rule.severity:<8} {fix_note:<11} {rule.summary}")


@app.command()
def explain(name: Annotated[str, typer.Argument(help="A rule name.")]) -> None:
    """Print a rule's page: what it checks, why, examples, fix and options."""
    from awesome_tidy.pages import page_text

    text = page_text(name)
    if text is None:
        close = difflib.get_close_matches(name, all_rules(), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        typer.echo(f"error: unknown rule {name!r}{hint}", err=True)
        raise typer.Exit(2)
    typer.echo(text.rstrip("\n"))


def main() -> None:
    app()
