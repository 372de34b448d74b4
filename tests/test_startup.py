"""A pre-commit run is a fresh process on a small list: it loads only what that run needs.

What a module costs to import is measured by the benchmark (docs/benchmarks.md, start-up); these
tests hold the choices that keep it low: which modules a plain ``check`` never imports, and the
quick scan that spares ``importlib.metadata`` when no plugin can be installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from awesome_tidy import registry
from conftest import REFERENCE

# Modules the interpreter loaded before the run (a site-packages ``.pth`` file may import some,
# such as ``certifi``, and through it ``tempfile``) are the machine's, not the run's.
_MODULES_AFTER = """
import json, sys
before = set(sys.modules)
sys.argv = ["awesome-tidy", *sys.argv[1:]]
from awesome_tidy.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted(set(sys.modules) - before)))
"""
SMALL_LIST = "# Papers\n\n+ (he2016deep)Deep Residual Learning for Image Recognition[2016]\n"
NEVER_ON_CHECK = (
    "importlib.metadata",  # plugins: see test_the_plugin_scan_*
    "multiprocessing",  # --jobs: one file runs in this process
    "concurrent.futures",
    "awesome_tidy.reporters.json",  # only the chosen reporter is imported
    "awesome_tidy.reporters.sarif",
    "awesome_tidy.pages",  # explain
    "awesome_tidy.config_view",  # config
    "tomllib",  # no configuration file
    "awesome_tidy.lsp",  # the language server (the lsp extra): only `server` imports it
    "pygls",
    "lsprotocol",
    "pathspec",  # no .gitignore or .ignore in a folder walked
    "tempfile",  # only a write of a fixed file
    "typer",  # `check PATH...` without options runs without the command-line parser (cli.py)
    "awesome_tidy.commands",
)


def _modules_after(*args: str, cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _MODULES_AFTER, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=60,
    )
    listing = done.stderr.rpartition("\nMODULES ")[2]
    return set(json.loads(listing))


def test_a_check_of_the_reference_list_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    (tmp_path / "list.md").write_bytes(REFERENCE.read_bytes())
    modules = _modules_after("check", "list.md", cwd=tmp_path)
    assert "awesome_tidy.rules.near_duplicate_title" in modules  # it did run every rule
    assert not modules & set(NEVER_ON_CHECK)


def test_a_list_without_near_duplicate_candidates_does_not_load_rapidfuzz(tmp_path: Path) -> None:
    (tmp_path / "list.md").write_text(SMALL_LIST, encoding="utf-8")
    modules = _modules_after("check", "list.md", cwd=tmp_path)
    assert "awesome_tidy.similarity" in modules
    assert not {name for name in modules if name.startswith("rapidfuzz")}


def _distribution(folder: Path, name: str, entry_points: str | None) -> None:
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points)


def test_the_plugin_scan_finds_a_distribution_that_declares_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _distribution(tmp_path / "a", "tool", "[console_scripts]\ntool = tool:main\n")
    _distribution(tmp_path / "b", "other", None)
    monkeypatch.setattr(sys, "path", [str(tmp_path / name) for name in ("a", "b", "missing")])
    assert not registry._may_declare_plugins()
    _distribution(tmp_path / "b", "capitals", "[awesome_tidy.rules]\ncapitals = capitals:Rule\n")
    assert registry._may_declare_plugins()


def test_the_plugin_scan_leaves_a_zip_on_the_path_to_importlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("capitals-1.0.dist-info/entry_points.txt", "[awesome_tidy.rules]\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path), str(archive)])
    assert registry._may_declare_plugins()


def test_the_plugin_scan_never_misses_what_importlib_finds_here() -> None:
    from importlib.metadata import entry_points

    declared = bool(entry_points(group=registry.ENTRY_POINT_GROUP))
    assert registry._may_declare_plugins() or not declared


def test_a_check_without_findings_measures_no_display_width(tmp_path: Path) -> None:
    """wcwidth places a caret: a clean list, the usual pre-commit run, never needs it."""
    (tmp_path / "list.md").write_text(SMALL_LIST, encoding="utf-8")
    modules = _modules_after("check", "list.md", cwd=tmp_path)
    assert "awesome_tidy.rules.near_duplicate_title" in modules
    assert "wcwidth" not in modules and "pathspec" not in modules


def test_carets_under_ascii_lines_measure_no_display_width(tmp_path: Path) -> None:
    """A printable ASCII line is one column a character: wcwidth waits for other text."""
    (tmp_path / "list.md").write_text(SMALL_LIST + "+ (he2016deep)Another Title[2017]\n", "utf-8")
    modules = _modules_after("check", "list.md", cwd=tmp_path)
    assert "awesome_tidy.rules.key_conflict" in modules
    assert "wcwidth" not in modules
    (tmp_path / "list.md").write_text(SMALL_LIST + "+ (he2016deep)Another 标题[2017]\n", "utf-8")
    assert "wcwidth" in _modules_after("check", "list.md", cwd=tmp_path)
