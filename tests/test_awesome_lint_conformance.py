"""benchmarks/awesome_lint_conformance.py reads a test folder shaped like awesome-lint's.

The folder here is written for the test (nothing of awesome-lint is copied): one case of each
way the script reads an expectation, and one that sets an option.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "awesome_lint_conformance.py"


def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("awesome_lint_conformance", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


TOC_TESTS = """\
it('toc - clean table', async () => {
    const messages = await lint({config, filename: 'test/fixtures/toc/clean.md'});
    assert.deepEqual(messages, []);
});

it('toc - dead link', async () => {
    const messages = await lint({config, filename: 'test/fixtures/toc/dead.md'});
    assert.deepEqual(messages, [
        {line: 3, ruleId: 'awesome-toc', message: 'ToC item does not match'},
    ]);
});
"""
REPEAT_TESTS = """\
it('flags a repeated name', async () => {
    const markdown = `# T

- [Kite](https://example.org/kite) - Kite: a toy.
`;
    assert.equal(messages.length, 1, 'one');
});
"""
LIST_ITEM_TESTS = """\
it('list-item - printed only', async () => {
    const messages = await lint({config, filename: 'test/fixtures/list-item/bad.md'});
    assert.ok(Array.isArray(messages));
});
"""
SNAPSHOT = """\
## list-item - printed only

> Snapshot 1

    [
      {
        line: 3,
        message: 'Something',
      },
    ]
"""
DOUBLE_LINK_TESTS = """\
it('ignores a site', async () => {
    const config = {plugins: [remarkLint, [doubleLinkRule, {ignore: ['https://example.org']}]]};
    assert.deepEqual(messages, []);
});
"""


def write_folder(root: Path) -> Path:
    test = root / "test"
    (test / "rules" / "snapshots").mkdir(parents=True)
    (test / "fixtures" / "toc").mkdir(parents=True)
    (test / "fixtures" / "list-item").mkdir(parents=True)
    rules = test / "rules"
    (rules / "toc.test.js").write_text(TOC_TESTS, encoding="utf-8")
    (rules / "no-repeat-item-in-description.test.js").write_text(REPEAT_TESTS, encoding="utf-8")
    (rules / "list-item.test.js").write_text(LIST_ITEM_TESTS, encoding="utf-8")
    (rules / "snapshots" / "list-item.js.md").write_text(SNAPSHOT, encoding="utf-8")
    (rules / "double-link.test.js").write_text(DOUBLE_LINK_TESTS, encoding="utf-8")
    (rules / "balanced-punctuation.test.js").write_text("", encoding="utf-8")
    fixtures = test / "fixtures"
    table = "# T\n\n- [Kites](#kites)\n- [Reels](#reels)\n\n## Kites\n\n## Reels\n"
    (fixtures / "toc" / "clean.md").write_text(table, encoding="utf-8")
    dead = table.replace("#reels", "#reel")
    (fixtures / "toc" / "dead.md").write_text(dead, encoding="utf-8")
    (fixtures / "list-item" / "bad.md").write_text("# T\n\n-[Kite](https://x.org) - Toy.\n")
    return test


def test_each_case_is_read_run_and_judged(tmp_path: Path) -> None:
    module = script()
    outcomes = [module.run(case) for case in module.read_cases(write_folder(tmp_path))]
    summary = [
        (o.case.rule, o.case.name, o.case.expected, o.case.their_lines, o.reports) for o in outcomes
    ]
    assert summary == [
        ("toc", "toc - clean table", False, (), False),
        ("toc", "toc - dead link", True, (3,), True),
        ("double-link", "ignores a site", None, (), False),
        ("list-item", "list-item - printed only", True, (3,), True),
        ("no-repeat-item-in-description", "flags a repeated name", True, (), True),
    ]
    assert [o.agrees for o in outcomes] == [True, True, False, True, True]


def test_the_summary_line_counts_only_compared_cases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert script().main([str(write_folder(tmp_path))]) == 0
    assert capsys.readouterr().out.endswith("\n4/4 compared cases agree (1.00); 1 not compared\n")
