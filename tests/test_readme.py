"""The README's sample sessions are real: each ``$ awesome-tidy ...`` in a ``console`` block is run
from the repository root and must print what the README shows.

A line that is only ``…`` stands for lines left out; the shown lines must then appear in the
output in the same order. A sample without ``…`` must be the whole output.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
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


# -- set-up from nothing -------------------------------------------------------------------------

SETUP_HEADING = "## Set up\n"


def setup_blocks(readme: str) -> list[list[str]]:
    """The command lines of each ``console`` block in the README's set-up section."""
    section = readme.split(SETUP_HEADING, 1)[1].split("\n## ", 1)[0]
    return [block.strip("\n").splitlines() for block in _CONSOLE_BLOCK.findall(section)]


SETUP = setup_blocks((ROOT / "README.md").read_text(encoding="utf-8"))
CLONE = "git clone https://github.com/awesome-tidy/awesome-tidy.git && cd awesome-tidy"


def test_setup_is_clone_venv_then_one_command_to_check_and_one_to_test() -> None:
    (get, check, full, fast) = SETUP
    assert get == [CLONE, "python3 -m venv .venv && . .venv/bin/activate"]
    assert check == [
        "python -m pip install . && awesome-tidy check "
        "tests/fixtures/reference/awesome-industrial-anomaly-detection.md"
    ]
    assert full == ['python -m pip install -e ".[test]" && python -m pytest -n auto']
    assert fast == ['python -m pytest -m "not slow" -n auto']


def test_ci_runs_exactly_the_readme_s_full_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.rstrip("\n").splitlines()[-1] == SETUP[2][0]


@pytest.mark.slow
def test_setup_from_nothing_checks_the_shipped_list_and_passes_the_fast_tier(
    tmp_path: Path,
) -> None:
    """The README's set-up, run by bash in an empty folder: a clone (of this checkout, with its
    uncommitted changes, instead of the network), a virtual environment, an install from PyPI's
    packages and a check of the shipped list; then, in that environment, the test extras and
    the fast tier's collection (every test module imports there; the outer run runs them all)
    and one real list's tests."""
    import shutil

    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("needs a git checkout to clone")
    (get, check, full, fast) = SETUP
    script = "\n".join(["set -e", *get, *check]).replace(
        CLONE, f"git clone --quiet {ROOT} awesome-tidy && cd awesome-tidy && {_overlay()}"
    )
    done = _bash(script, tmp_path)
    assert done.returncode == 1, done.stderr  # the list has findings
    assert done.stdout.splitlines()[-1] == (
        "Found 198 problems (22 errors, 161 warnings, 15 info) in 1 file. "
        "[*] 172 fixable with `awesome-tidy fix`."
    )
    install_extras = full[0].split(" && ")[0]
    activate = get[1].split(" && ")[1]
    collect = f"{fast[0]} --collect-only -q -p no:xdist".replace(" -n auto", "")
    run_one = "python -m pytest -q tests/test_reference.py"
    done = _bash(
        "\n".join(["set -e", activate, install_extras, collect, run_one]), tmp_path / "awesome-tidy"
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    collected = re.search(r"^(\d+)/\d+ tests collected", done.stdout, re.MULTILINE)
    assert collected is not None and int(collected.group(1)) > 3000, done.stdout[-3000:]
    summary = done.stdout.splitlines()[-1]
    assert " passed" in summary and " failed" not in summary and " error" not in summary


def _bash(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``script`` as a newcomer's shell runs it: no virtual environment, no pytest around it."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_", "VIRTUAL_ENV"))
    }
    env.update(NO_COLOR="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=1200
    )


def _overlay() -> str:
    """A shell command that copies this checkout's tracked files over the clone, so that the
    test sees the working tree as it is."""
    copy = f'(cd {ROOT} && xargs -0 cp --parents -t "$here")'
    return f'here="$PWD" && git -C {ROOT} ls-files -z | {copy}'


# -- pinned revisions -----------------------------------------------------------------------------

_PINNED = re.compile(r"(?:rev: |awesome-tidy@|\.git@)([0-9a-f]{40})\b")


def _git_show(revision: str, path: str) -> str | None:
    done = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{revision}:{path}"], capture_output=True, text=True
    )
    return done.stdout if done.returncode == 0 else None


def test_every_pinned_revision_exists_and_has_what_the_example_uses() -> None:
    """The pre-commit, Action and pip examples pin one commit: it is in this repository's
    history, its hooks have the ids and its action the inputs that the examples use."""
    import yaml

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pins = set(_PINNED.findall(readme))
    assert len(pins) == 1, pins
    (pin,) = pins
    if _git_show("HEAD", "README.md") is None:
        pytest.skip("not a git checkout")
    hooks = _git_show(pin, ".pre-commit-hooks.yaml")
    action = _git_show(pin, "action.yml")
    assert hooks is not None and action is not None, f"{pin} is not in this repository"
    assert {hook["id"] for hook in yaml.safe_load(hooks)} >= {"awesome-tidy", "awesome-tidy-fix"}
    example = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL) if "uses:" in b)
    (step,) = [s for s in yaml.safe_load(example)["jobs"]["lint"]["steps"] if pin in s["uses"]]
    assert set(step["with"]) <= set(yaml.safe_load(action)["inputs"])
