"""No surprises: configuration is data, rules come only from installed entry points, no network,
nothing written but the files given.

Each behaviour runs the real command (``python -m awesome_tidy``) in a fresh process. A bait
module on the import path records its own import in a file: a configuration or a command line
that names it must never load it. A ``sitecustomize`` records and refuses every attempt to open
a network connection. A snapshot of a whole folder tree (with ``HOME``, the XDG folders and
``TMPDIR`` inside it, and the working directory elsewhere in it) shows every byte written.
"""

from __future__ import annotations

import ast
import hashlib
import os
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from awesome_tidy.registry import ENTRY_POINT_GROUP, all_rules, builtin_rules
from conftest import FIXTURES, REFERENCE

SRC = Path(__file__).parents[1] / "src" / "awesome_tidy"
FIXED = FIXTURES / "reference" / "awesome-industrial-anomaly-detection.fixed.md"

BAIT = textwrap.dedent(
    """
    from pathlib import Path

    from awesome_tidy import Rule

    Path(__file__).with_name("bait-was-imported").touch()


    class BaitRule(Rule):
        name = "bait-rule"
        summary = "A rule nobody installed."
    """
)


def awesome_tidy(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "awesome_tidy", *args],
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the reference list and ``bait_module.py``, importable from there."""
    folder = tmp_path_factory.mktemp("project")
    (folder / "papers.md").write_bytes(REFERENCE.read_bytes())
    (folder / "bait_module.py").write_text(BAIT, encoding="utf-8")
    return folder


def bait_env(project: Path) -> dict[str, str]:
    return {"PYTHONPATH": str(project)}


def test_the_bait_records_its_import(project: Path) -> None:
    """Without this, a bait that was never importable would prove nothing."""
    marker = project / "bait-was-imported"
    subprocess.run([sys.executable, "-c", "import bait_module"], env={**os.environ,
                   **bait_env(project)}, check=True, timeout=60)  # fmt: skip
    assert marker.exists()
    marker.unlink()


# -- configuration is data -----------------------------------------------------------------

CODE_AS_DATA = [
    (
        "exclude-globs",
        'exclude = ["__import__(\'bait_module\')", "$(touch pwned)", "`touch pwned`"]\n',
    ),
    (
        "skip-sections-globs",
        "[rules.missing-year]\n"
        'skip-sections = ["{{ bait_module }}", "${HOME}", "__import__(\'bait_module\')"]\n',
    ),
    ("per-file-ignores-glob", '[per-file-ignores]\n"$(touch pwned)" = ["list-indent"]\n'),
]


@pytest.mark.parametrize(("name", "text"), CODE_AS_DATA, ids=[c[0] for c in CODE_AS_DATA])
def test_configuration_values_that_look_like_code_are_only_data(
    project: Path, name: str, text: str
) -> None:
    (project / ".awesome-tidy.toml").write_text(text, encoding="utf-8")
    done = awesome_tidy("check", "papers.md", cwd=project, env=bait_env(project))
    assert done.returncode == 1, done.stderr  # the reference list's findings, nothing else
    assert not (project / "bait-was-imported").exists()
    assert not (project / "pwned").exists()


NAMES_A_MODULE = [
    ("plugins-key", 'plugins = ["bait_module"]\n', "unknown key 'plugins'"),
    ("module-in-select", 'select = ["bait_module:BaitRule"]\n', "unknown rule 'bait_module:"),
    ("module-as-rule-table", '[rules."bait_module:BaitRule"]\n', "unknown rule 'bait_module:"),
    ("rule-of-an-uninstalled-module", 'extend-select = ["bait-rule"]\n', "unknown rule 'bait-"),
    (
        "code-as-option-value",
        "[rules.near-duplicate-title]\nthreshold = \"__import__('bait_module')\"\n",
        "bad value for near-duplicate-title.threshold: expected float",
    ),
    ("module-as-choice", '[rules.key-style]\nstyle = "bait_module"\n', "bad value for key-style"),
]


@pytest.mark.parametrize(
    ("name", "text", "message"), NAMES_A_MODULE, ids=[c[0] for c in NAMES_A_MODULE]
)
def test_configuration_naming_a_module_is_refused_and_the_module_never_imported(
    project: Path, name: str, text: str, message: str
) -> None:
    (project / ".awesome-tidy.toml").write_text(text, encoding="utf-8")
    done = awesome_tidy("check", "papers.md", cwd=project, env=bait_env(project))
    assert done.returncode == 2
    assert done.stderr.startswith("error: .awesome-tidy.toml:") and message in done.stderr
    assert done.stderr.count("\n") == 1
    assert not (project / "bait-was-imported").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("--select", "bait_module:BaitRule"),
        ("--extend-select", "bait-rule"),
        ("--format", "bait_module"),
        ("--config", "bait_module.py"),
    ],
    ids=["select", "extend-select", "format", "config"],
)
def test_command_line_naming_a_module_is_refused_and_the_module_never_imported(
    project: Path, args: tuple[str, ...]
) -> None:
    (project / ".awesome-tidy.toml").unlink(missing_ok=True)
    done = awesome_tidy("check", *args, "papers.md", cwd=project, env=bait_env(project))
    assert done.returncode == 2, done.stderr
    assert not (project / "bait-was-imported").exists()


def test_rules_are_the_built_ins_and_the_installed_entry_points_only() -> None:
    installed = {point.name for point in entry_points(group=ENTRY_POINT_GROUP)}
    assert set(all_rules()) == {rule.name for rule in builtin_rules()} | installed


# Every way the source could run code or import a module named at run time, with what it is
# called on: the modules of awesome-tidy's own packages, and installed entry points.
ALLOWED_DYNAMIC_CALLS = {
    ("registry.py", "importlib.import_module", "f'{package.__name__}.{module_info.name}'"),
    ("registry.py", "point.load", ""),
    ("reporters/__init__.py", "importlib.import_module", "f'{__name__}.{name}'"),
}
DYNAMIC = {"eval", "exec", "compile", "__import__", "import_module", "load", "run_path"}
NETWORK_AND_PROCESSES = {
    "socket", "ssl", "http", "urllib.request", "ftplib", "smtplib", "subprocess", "requests",
    "httpx", "urllib3", "pickle", "marshal",
}  # fmt: skip


def _calls(tree: ast.AST) -> list[tuple[str, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func)
        if name.rpartition(".")[2] in DYNAMIC and name != "re.compile":
            found.append((name, ast.unparse(node.args[0]) if node.args else ""))
    return found


def _imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_source_runs_no_code_and_imports_no_module_named_by_data() -> None:
    calls = set()
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = path.relative_to(SRC).as_posix()
        calls.update((relative, name, argument) for name, argument in _calls(tree))
        forbidden = {
            name
            for name in _imports(tree)
            if any(name == bad or name.startswith(bad + ".") for bad in NETWORK_AND_PROCESSES)
        }
        assert not forbidden, f"{relative} imports {forbidden}"
    assert calls == ALLOWED_DYNAMIC_CALLS


# -- no network ------------------------------------------------------------------------------

SITECUSTOMIZE = textwrap.dedent(
    """
    import socket
    from pathlib import Path

    ATTEMPTS = Path(__file__).with_name("network-attempts")


    def refuse(*args, **kwargs):
        with ATTEMPTS.open("a") as log:
            log.write(repr(args[1:]) + "\\n")
        raise OSError("network access refused by the test")


    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        setattr(socket.socket, name, refuse)
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    """
)


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the ``sitecustomize`` that refuses the network; proven to work."""
    folder = tmp_path_factory.mktemp("offline")
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    probe = "import socket; socket.create_connection(('example.org', 80), timeout=1)"
    done = subprocess.run([sys.executable, "-c", probe], env={**os.environ, "PYTHONPATH":
                          str(folder)}, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert "network access refused by the test" in done.stderr
    (folder / "network-attempts").unlink()
    return folder


def test_check_and_fix_of_the_reference_list_touch_no_network(
    offline: Path, tmp_path: Path
) -> None:
    target = tmp_path / "README.md"
    target.write_bytes(REFERENCE.read_bytes())
    env = {"PYTHONPATH": str(offline)}
    for args in (("check",), ("check", "--format", "sarif"), ("fix",), ("check",)):
        done = awesome_tidy(*args, str(target), cwd=tmp_path, env=env)
        assert done.returncode == 1, done.stderr  # findings that need a human remain
        assert done.stderr == ""
    assert target.read_bytes() == FIXED.read_bytes()
    assert not (offline / "network-attempts").exists()


# -- nothing written but the files given -----------------------------------------------------

Snapshot = dict[str, tuple[str, int, str]]


def snapshot(root: Path) -> tuple[Snapshot, dict[str, int]]:
    """Every path under ``root``: kind, mode and content digest; and every path's mtime."""
    entries: Snapshot = {}
    times: dict[str, int] = {}
    for folder, folders, files in os.walk(root):
        for name in [*folders, *files]:
            path = Path(folder) / name
            status = path.lstat()
            relative = path.relative_to(root).as_posix()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
            kind = "file" if path.is_file() else "folder" if path.is_dir() else "other"
            entries[relative] = (kind, status.st_mode, digest)
            times[relative] = status.st_mtime_ns
    return entries, times


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Home, cache, config, temp and working folders, and a project with three lists."""
    for folder in ("home", "cache", "config", "data", "tmp", "elsewhere", "project/docs"):
        (tmp_path / folder).mkdir(parents=True)
    for place in ("project/papers.md", "project/other.md", "project/docs/more.md"):
        (tmp_path / place).write_bytes(REFERENCE.read_bytes())
        (tmp_path / place).chmod(0o644)
    (tmp_path / "project" / "pyproject.toml").write_text(
        '[tool.awesome-tidy]\nignore = ["key-style"]\n', encoding="utf-8"
    )
    return tmp_path


def isolated_env(tree: Path) -> dict[str, str]:
    return {
        "HOME": str(tree / "home"),
        "XDG_CACHE_HOME": str(tree / "cache"),
        "XDG_CONFIG_HOME": str(tree / "config"),
        "XDG_DATA_HOME": str(tree / "data"),
        "TMPDIR": str(tree / "tmp"),
    }


def test_check_writes_nothing_at_all(tree: Path) -> None:
    before = snapshot(tree)
    for args in (("project/papers.md",), ("project",), ("--format", "json", "project")):
        done = awesome_tidy("check", *args, cwd=tree, env=isolated_env(tree))
        assert done.returncode == 1, done.stderr
    assert snapshot(tree) == before


def test_fix_writes_the_given_file_and_nothing_else(tree: Path) -> None:
    (entries, times) = snapshot(tree)
    target = tree / "project" / "papers.md"
    done = awesome_tidy("fix", str(target), cwd=tree / "elsewhere", env=isolated_env(tree))
    assert done.returncode == 1, done.stderr
    (new_entries, new_times) = snapshot(tree)
    changed = {path for path in entries.keys() | new_entries.keys()
               if entries.get(path) != new_entries.get(path)}  # fmt: skip
    assert changed == {"project/papers.md"}
    assert target.read_bytes() == FIXED.read_bytes()
    assert oct(target.stat().st_mode) == oct(0o100644)
    # The rename changes the project folder's time; no other time changes.
    touched = {path for path in times if times[path] != new_times[path]}
    assert touched == {"project", "project/papers.md"}
