"""The built wheel ships every rule page, so ``awesome-tidy explain`` works from a real install."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from awesome_tidy.registry import builtin_rules

pytestmark = pytest.mark.slow  # pip builds the wheel

ROOT = Path(__file__).resolve().parents[1]
NAMES = sorted(rule.name for rule in builtin_rules())


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel pip builds from this checkout (hatchling from PyPI unless it is installed)."""
    out = tmp_path_factory.mktemp("wheel")
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--quiet",
        "--wheel-dir",
        str(out),
    ]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")
    subprocess.run([*command, str(ROOT)], check=True, timeout=300)
    (built,) = out.glob("awesome_tidy-*.whl")
    return built


def test_wheel_holds_a_page_for_every_rule(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        for name in NAMES:
            shipped = archive.read(f"awesome_tidy/pages/{name}.md").decode("utf-8")
            assert shipped == (ROOT / "rules" / f"{name}.md").read_text(encoding="utf-8")
        assert "awesome_tidy/py.typed" in archive.namelist()


def test_explain_reads_the_page_from_the_installed_package(wheel: Path, tmp_path: Path) -> None:
    """Unpacked alone, the package has no source checkout next to it to fall back on."""
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(tmp_path / "site")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site"), "NO_COLOR": "1"}
    code = (
        "import awesome_tidy, sys; print(awesome_tidy.__file__, file=sys.stderr); "
        "from awesome_tidy.cli import main; sys.argv = ['awesome-tidy', 'explain', 'key-style']; "
        "main()"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.startswith(str(tmp_path / "site")), "the unpacked wheel must be imported"
    page = (ROOT / "rules" / "key-style.md").read_text(encoding="utf-8")
    assert run.stdout == page.rstrip("\n") + "\n"
