"""A third-party rule, installed with pip from ``tests/fixtures/plugin``, is found through the
``awesome_tidy.rules`` entry point and then runs, is configured, suppressed, listed and explained
exactly like a built-in rule. Each check runs ``python -m awesome_tidy`` in a fresh process, whose
registry sees the installed package (the registry is cached per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import FIXTURES

pytestmark = pytest.mark.slow  # pip installs the plugin

PLUGIN = FIXTURES / "plugin"
LIST = """\
# Papers

+ (he2016deep)DEEP RESIDUAL LEARNING FOR IMAGE RECOGNITION[2016]
+ (vaswani2017attention)Attention Is All You Need[2017]
+ (lecun1998gradient)LENET[1998]
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
         str(PLUGIN)],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    assert (target / "awesome_tidy_capitals" / "__init__.py").is_file()
    return target


@dataclass
class Installed:
    """``python -m awesome_tidy`` in ``folder``, with the plugin on the import path."""

    site: Path
    folder: Path

    def __call__(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(self.site), "NO_COLOR": "1"}
        return subprocess.run(
            [sys.executable, "-m", "awesome_tidy", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=self.folder,
            env=env,
            input=stdin,
            timeout=60,
        )

    def findings(self, *args: str) -> list[tuple[int, str, str]]:
        done = self("check", "--format", "json", *args)
        assert done.returncode in (0, 1), done.stderr
        return [(f["line"], f["rule"], f["severity"]) for f in json.loads(done.stdout)]

    def write(self, name: str, text: str) -> None:
        (self.folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def awesome_tidy(site: Path, tmp_path: Path) -> Installed:
    installed = Installed(site, tmp_path)
    installed.write("papers.md", LIST)
    return installed


def test_the_plugin_rule_runs_and_is_listed(awesome_tidy: Installed) -> None:
    assert (3, "title-in-capitals", "warning") in awesome_tidy.findings("papers.md")
    rules = awesome_tidy("rules").stdout
    assert "title-in-capitals" in rules and "A paper title written in capitals" in rules


def test_the_plugin_rule_is_configured_like_a_built_in(awesome_tidy: Installed) -> None:
    assert (5, "title-in-capitals", "warning") not in awesome_tidy.findings("papers.md")
    awesome_tidy.write(
        ".awesome-tidy.toml",
        '[severity]\ntitle-in-capitals = "error"\n[rules.title-in-capitals]\nmin-letters = 4\n',
    )
    found = awesome_tidy.findings("papers.md")
    assert {(3, "title-in-capitals", "error"), (5, "title-in-capitals", "error")} <= set(found)
    awesome_tidy.write(".awesome-tidy.toml", "[rules.title-in-capitals]\nmin-letters = 0\n")
    done = awesome_tidy("check", "papers.md")
    assert (done.returncode, done.stderr) == (
        2,
        "error: .awesome-tidy.toml:2: bad value for title-in-capitals.min-letters: "
        "must be at least 1, got 0\n",
    )
    awesome_tidy.write(".awesome-tidy.toml", "[rules.title-in-capitals]\nmin-leters = 4\n")
    assert "did you mean 'min-letters'?" in awesome_tidy("check", "papers.md").stderr
    assert awesome_tidy.findings("--select", "title-in-capitals", "--isolated", "papers.md") == [
        (3, "title-in-capitals", "warning")
    ]


def test_the_plugin_rule_is_suppressed_like_a_built_in(awesome_tidy: Installed) -> None:
    comment = "<!-- awesome-tidy-disable-next-line title-in-capitals -->\n"
    text = LIST.replace("+ (he2016", comment + "+ (he2016")
    awesome_tidy.write("papers.md", text)
    watched = ("title-in-capitals", "unused-suppression")
    assert [f for f in awesome_tidy.findings("papers.md") if f[1] in watched] == []
    awesome_tidy.write(
        "papers.md", text.replace("DEEP RESIDUAL LEARNING", "Deep Residual Learning")
    )
    assert (3, "unused-suppression", "warning") in awesome_tidy.findings("papers.md")


def test_the_plugin_fix_is_unsafe_and_applied_only_on_request(awesome_tidy: Installed) -> None:
    safe = awesome_tidy("fix", "-", stdin=LIST)
    assert "DEEP RESIDUAL" in safe.stdout
    unsafe = awesome_tidy("fix", "-", "--unsafe-fixes", stdin=LIST)
    assert "+ (he2016deep)Deep Residual Learning For Image Recognition[2016]" in unsafe.stdout


def test_explain_and_sarif_describe_the_plugin_rule(awesome_tidy: Installed) -> None:
    page = awesome_tidy("explain", "title-in-capitals").stdout
    assert page.startswith("# title-in-capitals\n\nA paper title written in capitals throughout.")
    assert "Titles in capitals shout" in page
    log = json.loads(awesome_tidy("check", "--format", "sarif", "papers.md").stdout)
    (descriptor,) = [
        rule
        for rule in log["runs"][0]["tool"]["driver"]["rules"]
        if rule["id"] == "title-in-capitals"
    ]
    assert "helpUri" not in descriptor, "no page of ours documents a plugin"
    assert descriptor["properties"]["options"] == ["min-letters"]
