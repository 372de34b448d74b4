"""The modules of ``src/`` import each other without a cycle (issue 10.1).

A cycle is what made the model's types hard to find and the parser's order of imports fragile:
``document -> entries -> shapes -> entries`` and ``document -> anchors -> document``. Imports
made only for type checking (under ``if TYPE_CHECKING:``) are not run, and do not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parent.parent / "src"
PACKAGE = "awesome_tidy"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _runtime_imports(tree: ast.AST, modules: set[str]) -> set[str]:
    """Modules of the package imported when the code runs (at the top or inside a function)."""
    found: set[str] = set()
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name in modules}


def import_graph() -> dict[str, set[str]]:
    paths = sorted((SRC / PACKAGE).rglob("*.py"))
    modules = {_module_name(path) for path in paths}
    graph = {}
    for path in paths:
        name = _module_name(path)
        imported = _runtime_imports(ast.parse(path.read_text(encoding="utf-8")), modules)
        # a package's own __init__ runs before any of its modules: not an edge of a cycle
        graph[name] = {other for other in imported if other != name and other != PACKAGE}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for other in sorted(graph.get(node, ())):
            if state.get(other) == 1:
                return [*stack[stack.index(other) :], other]
            if other not in state and (cycle := visit(other)) is not None:
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)) is not None:
            return cycle
    return None


def test_src_has_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, " -> ".join(cycle or ())


def test_the_check_finds_a_cycle_when_there_is_one() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_type_checking_imports_do_not_count() -> None:
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "import awesome_tidy.x\n"
        "if TYPE_CHECKING:\n"
        "    from awesome_tidy.y import Y\n"
        "def f():\n"
        "    from awesome_tidy.z import g\n"
    )
    modules = {"awesome_tidy.x", "awesome_tidy.y", "awesome_tidy.z"}
    assert _runtime_imports(tree, modules) == {"awesome_tidy.x", "awesome_tidy.z"}


RULE_APIS = {"awesome_tidy.model", "awesome_tidy.rule"}


def test_built_in_rules_use_only_the_model_and_the_rule_api() -> None:
    """What a third-party rule can import is all a built-in rule needs (issue 15.1)."""
    rules = sorted((SRC / PACKAGE / "rules").glob("*.py"))
    used: dict[str, list[str]] = {}
    for path in rules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PACKAGE)
        }
        modules |= {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
            if alias.name.startswith(PACKAGE)
        }
        if modules - RULE_APIS:
            used[path.name] = sorted(modules - RULE_APIS)
    assert len(rules) > 30
    assert used == {}
