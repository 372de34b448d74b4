"""Run the real command line in process (typer's CliRunner), for the tests of issue 4's features."""

from __future__ import annotations

from dataclasses import dataclass

from typer.testing import CliRunner

from awesome_tidy.cli import app


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


def invoke(*args: str, stdin: bytes | None = None) -> Outcome:
    """``awesome-tidy ARGS`` without colour; an exception other than an exit is re-raised."""
    result = CliRunner().invoke(app, list(args), input=stdin, env={"NO_COLOR": "1"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Outcome(result.exit_code, result.stdout, result.stderr)
