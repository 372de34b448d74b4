"""No catastrophic regular expressions, and no quadratic scanning, on adversarial input.

Every regular expression in ``src/`` is found, not listed by hand: the pattern literals of every
``re`` call (read from the source with ``ast``) and every compiled pattern a module holds. Each
is timed the ways the project calls it (see ``calls_made_with``): a pattern only ever applied
with ``match`` or ``fullmatch`` is tried at one position, where only nested repeats can blow up;
one used to scan (``search``, ``finditer``, ``sub`` ...) is tried from every position, where a
repeat that fails at the end of a run costs the run's length from each start. Each is fed runs
built from its own characters (each alone, each pair alternating, each as a prefix before a run
of another, with a character that spoils the match at the end), all patterns in one forked child
that is replaced if a pattern does not finish.

Linear means: four times the input takes about four times as long. A pattern fails when its
slowest inputs take more than ``RATIO`` times as long at ``4 * RUN`` characters as at ``RUN``
(a quadratic takes 16 times as long, a linear one 4) and more than ``FLOOR`` seconds, which no
linear pattern nears at these sizes (about 1 ms) and every quadratic one passes (0.1 s and more).
A ratio is robust to a loaded machine where an absolute bound on one call is not; the times are
CPU time of the (forked) process that runs the call, so another test running on the other core
(``pytest -n auto``) slows the wall clock but not them.

The documents at the end do the same for the scanners that are not regular expressions: a line
of a million ``[``, ``(`` or backticks, and lines of every other character a scanner looks for
at two sizes, through ``check`` and ``fix``.
"""

from __future__ import annotations

import ast
import functools
import gc
import importlib
import multiprocessing
import os
import pkgutil
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import awesome_tidy
from awesome_tidy import check_text, fix_text

pytestmark = pytest.mark.slow  # child processes fed long inputs, timed

try:
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_parse  # type: ignore[no-redef]

SOURCE = Path(awesome_tidy.__file__).parent
RUN = 2_500
RATIO = 8.0
FLOOR = 0.02  # seconds at 4 * RUN characters
_PER_PATTERN = 60.0  # seconds a pattern may take before it counts as hanging

# What each method of a pattern does to the input: tried at one position, or from every one.
_TIMED_AS = {
    "match": "match",
    "fullmatch": "fullmatch",
    "search": "search",
    "finditer": "finditer",
    "findall": "finditer",
    "sub": "finditer",
    "subn": "finditer",
    "split": "finditer",
}
EVERY_CALL = frozenset(("match", "fullmatch", "search", "finditer"))


# -- finding every regular expression, and how the source calls it ----------------------------


@functools.cache
def _trees() -> tuple[tuple[Path, ast.Module], ...]:
    return tuple(
        (path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(SOURCE.rglob("*.py"))
    )


def _name_of(node: ast.AST) -> str | None:
    """``NAME`` for ``NAME`` and ``anything.NAME``: module patterns are used both ways."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _method_call(node: ast.AST) -> tuple[str, str] | None:
    """``(NAME, method)`` for a call ``NAME.method(...)`` or ``anything.NAME.method(...)``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        name = _name_of(node.func.value)
        return (name, node.func.attr) if name else None
    return None


def _in_scope(scope: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a module or function, less those of the functions defined in it."""
    for child in ast.iter_child_nodes(scope):
        if not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            yield child
            yield from _in_scope(child)


def _aliases(scope: ast.AST) -> dict[str, str]:
    """Locals bound to a pattern kept in a dict: ``x = NAME[...]``, ``x = NAME.get(...)``,
    ``for _, x in NAME.items()``, ``for x in NAME.values()``."""
    found: dict[str, str] = {}
    for node in _in_scope(scope):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            call = _method_call(node.value)
            if isinstance(node.value, ast.Subscript) and (name := _name_of(node.value.value)):
                found[node.targets[0].id] = name
            elif call and call[1] == "get":
                found[node.targets[0].id] = call[0]
        elif isinstance(node, ast.For | ast.comprehension) and (call := _method_call(node.iter)):
            target = node.target
            if isinstance(target, ast.Tuple) and call[1] == "items":
                target = target.elts[-1]
            if isinstance(target, ast.Name) and call[1] in ("items", "values"):
                found[target.id] = call[0]
    return found


@functools.cache
def _uses() -> tuple[dict[str, set[str]], set[str]]:
    """The methods called on each name (directly, or through a local alias of a dict's pattern),
    and the names handed to a call, which may then be used in any way."""
    methods: dict[str, set[str]] = defaultdict(set)
    handed_on: set[str] = set()
    for _, tree in _trees():
        functions = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        ]
        for scope in [tree, *functions]:
            aliases = _aliases(scope)
            for node in _in_scope(scope):
                if call := _method_call(node):
                    methods[aliases.get(call[0], call[0])].add(call[1])
                if isinstance(node, ast.Call):
                    for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
                        if name := _name_of(argument):
                            handed_on.add(aliases.get(name, name))
    return methods, handed_on


def calls_made_with(name: str | None) -> frozenset[str]:
    """The calls to time for a pattern bound to ``name``: the ones the source makes with it.
    Every call when the pattern has no name, is handed on to other code, or is never called:
    what cannot be seen is assumed to scan. (Two modules' names that are equal get the union:
    a clash times more calls, never fewer.)"""
    methods, handed_on = _uses()
    timed = {_TIMED_AS[method] for method in methods.get(name or "", ()) if method in _TIMED_AS}
    if name is None or name in handed_on or not timed:
        return EVERY_CALL
    return frozenset(timed)


def _bound_names(tree: ast.Module) -> dict[int, str]:
    """``id`` of each ``re.compile`` call assigned to a name, or to a value of a dict assigned to
    a name, mapped to that name."""
    names: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        values = value.values if isinstance(value, ast.Dict) else [value]
        for item in values:
            if isinstance(target, ast.Name) and isinstance(item, ast.Call):
                names[id(item)] = target.id
    return names


def _literal_patterns() -> Iterator[tuple[str, str, int, frozenset[str]]]:
    """``(where, pattern, flags, calls)`` for every ``re.<call>("literal", ...)`` in the source."""
    for path, tree in _trees():
        names = _bound_names(tree)
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and (node.func.attr in _TIMED_AS or node.func.attr == "compile")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                continue
            if node.func.attr == "compile":
                calls = calls_made_with(names.get(id(node)))
            else:
                calls = frozenset((_TIMED_AS[node.func.attr],))
            where = f"{path.relative_to(SOURCE)}:{node.lineno}"
            yield where, node.args[0].value, _flags(node), calls


def _flags(call: ast.Call) -> int:
    """The flags of a call, when they are ``re.NAME`` constants (positional or keyword)."""
    flags = 0
    candidates = [*call.args[1:], *(keyword.value for keyword in call.keywords)]
    for node in candidates:
        for name in ast.walk(node):
            if isinstance(name, ast.Attribute) and isinstance(getattr(re, name.attr, None), int):
                flags |= getattr(re, name.attr)
    return flags


def _module_patterns() -> Iterator[tuple[str, str, int, frozenset[str]]]:
    """Compiled patterns held by modules (built at import, ``re.compile("[" + ... + "]")``)."""
    names = [info.name for info in pkgutil.walk_packages([str(SOURCE)], "awesome_tidy.")]
    for name in sorted(names):
        if name.endswith(".__main__"):  # importing it runs the command line
            continue
        module = importlib.import_module(name)
        for attribute, value in sorted(vars(module).items()):
            for suffix, pattern in _patterns_in(value):
                calls = calls_made_with(attribute)
                where = f"{name}.{attribute}{suffix}"
                yield where, pattern.pattern, pattern.flags & ~re.UNICODE, calls


def _patterns_in(value: object) -> Iterator[tuple[str, re.Pattern[str]]]:
    """The patterns a module attribute holds, each with what tells it from its siblings: a
    collection of patterns (a dict, a tuple) gives each a name of its own, which the timing
    children report it by."""
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        yield "", value
    elif isinstance(value, dict | tuple | list | frozenset):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                yield f"[{key!r}]", item


@functools.cache
def all_patterns() -> list[tuple[str, str, int, frozenset[str]]]:
    """Each distinct (pattern, flags) once, named by where it is first seen, with the calls made
    with it anywhere."""
    seen: dict[tuple[str, int], tuple[str, frozenset[str]]] = {}
    for where, pattern, flags, calls in (*_literal_patterns(), *_module_patterns()):
        first, known = seen.get((pattern, flags), (where, frozenset()))
        seen[(pattern, flags)] = (first, known | calls)
    found = [(where, pattern, flags, calls) for (pattern, flags), (where, calls) in seen.items()]
    assert len({where for where, _, _, _ in found}) == len(found), "two patterns, one name"
    return found


def _calls_of(where: str) -> frozenset[str]:
    return next(calls for found, _, _, calls in all_patterns() if found == where)


def test_every_regular_expression_is_found() -> None:
    """The inventory is not empty and sees both kinds: literals and patterns built at import."""
    wheres = [where for where, _, _, _ in all_patterns()]
    assert len(wheres) > 40
    assert any(where.startswith("rules/trailing_whitespace.py") for where in wheres)
    assert any(where == "awesome_tidy.rules.unbalanced_bracket._INTERESTING" for where in wheres)


def test_the_calls_made_with_each_pattern_are_read_from_the_source() -> None:
    """A pattern is timed the ways the code uses it: through a dict and a local (the key styles,
    only ever matched whole), by name (trailing whitespace, scanned), and as an ``re`` call."""
    google_scholar = next(w for w, p, _, _ in all_patterns() if p.startswith("[a-z][a-z'-]*(?:"))
    assert _calls_of(google_scholar) == {"fullmatch"}
    trailing = next(w for w, _, _, _ in all_patterns() if "trailing_whitespace" in w)
    assert _calls_of(trailing) == {"finditer"}
    assert calls_made_with("_NO_SUCH_NAME") == EVERY_CALL


# -- adversarial inputs from a pattern's own characters ---------------------------------------

_CATEGORY_SAMPLES = {
    "CATEGORY_DIGIT": "1",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "a",
    "CATEGORY_WORD": "a",
    "CATEGORY_NOT_WORD": " ",
}


def characters_of(pattern: str, flags: int) -> list[str]:
    """The characters a pattern is built from: its literals, the ends of its ranges, a sample of
    each category, and a few that every scanner meets (a letter, a space, a newline)."""
    found: dict[str, None] = dict.fromkeys("a \n")
    for op, argument in _walk(sre_parse.parse(pattern, flags)):
        if op in ("LITERAL", "NOT_LITERAL"):
            found[chr(argument)] = None
        elif op == "RANGE":
            found[chr(argument[0])] = None
            found[chr(argument[1])] = None
        elif op == "CATEGORY":
            found[_CATEGORY_SAMPLES.get(str(argument), "a")] = None
    return list(found)


def _walk(items: Any) -> Iterator[tuple[str, Any]]:
    """Every (opcode name, argument) of a parsed pattern, nested groups and sets included."""
    for op, argument in items:
        name = str(op)
        yield name, argument
        if name == "IN":
            yield from _walk(argument)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            yield from _walk(argument[2])
        elif name == "SUBPATTERN":
            yield from _walk(argument[-1])
        elif name == "BRANCH":
            for branch in argument[1]:
                yield from _walk(branch)
        elif name in ("ASSERT", "ASSERT_NOT"):
            yield from _walk(argument[1])
        elif name == "ATOMIC_GROUP":
            yield from _walk(argument)


def adversarial_units(characters: list[str]) -> Iterator[tuple[str, str]]:
    """``(prefix, unit)``: runs of one character, of two alternating, and of one after a prefix
    of another; each input is ``prefix + unit * k`` ended by a character that spoils a match
    (so that a backtracking engine tries them all)."""
    for first in characters:
        yield "", first
        for second in characters:
            if second != first:
                yield "", first + second
                yield first, second


def _adversarial(prefix: str, unit: str, size: int) -> str:
    return prefix + unit * (size // len(unit)) + "\x01"


def _call(pattern: re.Pattern[str], name: str) -> Callable[[str], object]:
    if name == "finditer":
        return lambda text: sum(1 for _ in pattern.finditer(text))
    method: Callable[[str], object] = getattr(pattern, name)
    return method


def _timed(call: Callable[[str], object], text: str, repeats: int = 1) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        call(text)
        best = min(best, time.process_time() - started)
    return best


def growth(pattern_text: str, flags: int, calls: frozenset[str]) -> tuple[float, float, str]:
    """``(seconds at RUN, seconds at 4 * RUN, what)`` for the input and call that grow the most
    among the slowest few at ``RUN`` characters."""
    pattern = re.compile(pattern_text, flags)
    first_pass = sorted(
        (
            (_timed(_call(pattern, name), _adversarial(prefix, unit, RUN)), name, prefix, unit)
            for prefix, unit in adversarial_units(characters_of(pattern_text, flags))
            for name in sorted(calls)
        ),
        reverse=True,
    )
    worst = (0.0, 0.0, "")
    for _, name, prefix, unit in first_pass[:3]:
        call = _call(pattern, name)
        texts = (_adversarial(prefix, unit, RUN), _adversarial(prefix, unit, 4 * RUN))
        small, large = (_timed(call, text) for text in texts)
        if is_super_linear(small, large):  # or a busy machine: the best of three decides
            small = min(small, _timed(call, texts[0], repeats=2))
            large = min(large, _timed(call, texts[1], repeats=2))
        if large > worst[1] or is_super_linear(small, large):
            worst = (small, large, f"{name} on {prefix!r} + {unit!r} * n")
        if is_super_linear(small, large):
            break
    return worst


def is_super_linear(small: float, large: float) -> bool:
    return large > FLOOR and large > RATIO * small


def _growth_of_each(patterns: list[tuple[str, str, int, frozenset[str]]], results: Any) -> None:
    """In the child: announce each pattern, then report how its time grows. (A pipe, not a
    queue: a queue sends from a thread, which a regex that never ends never lets run.)"""
    for where, pattern, flags, calls in patterns:
        results.send((where, None))
        results.send((where, growth(pattern, flags, calls)))


def _growth_in_children(
    patterns: list[tuple[str, str, int, frozenset[str]]], timeout: float = _PER_PATTERN
) -> dict[str, tuple[float, float, str] | None]:
    """``growth`` of every pattern, in forked children: one for all of them, replaced by a new
    one for the rest when a pattern does not finish in ``timeout`` (reported as ``None``)."""
    context = multiprocessing.get_context("fork")
    found: dict[str, tuple[float, float, str] | None] = {}
    while len(found) < len(patterns):
        receiver, sender = context.Pipe(duplex=False)
        remaining = [pattern for pattern in patterns if pattern[0] not in found]
        child = context.Process(target=_growth_of_each, args=(remaining, sender))
        child.start()
        try:
            _collect(receiver, found, len(patterns), timeout)
        finally:
            child.kill()
            child.join()
    return found


def _collect(receiver: Any, found: dict[str, Any], total: int, timeout: float) -> None:
    started = None
    while len(found) < total:
        if not receiver.poll(timeout):
            assert started is not None, "the child died before its first pattern"
            found[started] = None  # it hangs: catastrophic backtracking
            return
        where, answer = receiver.recv()
        if answer is None:
            started = where
        else:
            found[where], started = answer, None


needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork to bound a hang"
)


@needs_fork
@pytest.mark.parametrize(
    ("where", "pattern", "flags", "calls"),
    [pytest.param(*found, id=found[0]) for found in all_patterns()],
)
def test_regex_is_linear_on_runs_of_its_own_characters(
    where: str, pattern: str, flags: int, calls: frozenset[str]
) -> None:
    # Each pattern in a child of its own test, not all of them in a fixture: a fixture would be
    # computed again by every test worker, and this is the slow tier's longest setup.
    answer = _growth_in_children([(where, pattern, flags, calls)])[where]
    assert answer is not None, f"{where}: {pattern!r} ran over {_PER_PATTERN} s on {RUN} chars"
    small, large, what = answer
    assert not is_super_linear(small, large), (
        f"{where}: {pattern!r}, called with {sorted(calls)}: {what} took {small * 1e3:.1f} ms"
        f" at {RUN} characters and {large * 1e3:.1f} ms at {4 * RUN}"
    )


@needs_fork
def test_the_check_catches_a_quadratic_regex() -> None:
    """The test above is able to fail: the old trailing-whitespace regex is caught, and so is a
    scan that tries a run from every start, unless the code only ever matches it at one place."""
    old_trailing = ("old", r"[ \t]+$", re.MULTILINE, frozenset(("finditer",)))
    scanned = ("scanned", r"[a-z]+1", 0, frozenset(("search",)))
    matched = ("matched", r"[a-z]+1", 0, frozenset(("match", "fullmatch")))
    catastrophic = ("catastrophic", r"(a+)+b", 0, frozenset(("match",)))
    found = _growth_in_children([old_trailing, scanned, matched])
    found |= _growth_in_children([catastrophic], timeout=2)
    assert is_super_linear(*found["old"][:2])  # type: ignore[index]
    assert is_super_linear(*found["scanned"][:2])  # type: ignore[index]
    assert not is_super_linear(*found["matched"][:2])  # type: ignore[index]
    assert found["catastrophic"] is None


# -- adversarial documents through the whole pipeline -----------------------------------------

MILLION = 1_000_000
LONG = int(os.environ.get("AWESOME_TIDY_ADVERSARIAL_SIZE", "25000"))
"""Characters of the shorter of the two lines each unit of ``RUNS`` is timed on (the longer has
four times as many); set ``AWESOME_TIDY_ADVERSARIAL_SIZE=1000000`` for a long profile."""
DOCUMENT_FLOOR = 0.25  # seconds at 4 * LONG characters: linear is a few ms to a second

# The three: a million of each on one line, in a bound no quadratic scan could meet.
MILLION_RUNS = {"brackets": "[", "parentheses": "(", "backticks": "`"}

RUNS = {  # everything a scanner of the model or of a rule looks for
    "closing-brackets": "]",
    "braces": "{",
    "backslashes": "\\",
    "escaped-brackets": "\\[",
    "asterisks": "*",
    "bold-openers": "**a",
    "underscores": "_",
    "angle-brackets": "<",
    "html-tag-openers": "<a ",
    "comment-openers": "<!--",
    "pipes": "|",
    "tildes": "~~",
    "spaces-then-word": " " * 1000 + "x",
    "full-width-parentheses": "（",
    "full-width-mixed": "（a）(",
    "full-width-brackets": "【",
    "cjk-and-brackets": "中（",
    "unclosed-links": "[a](",
    "links": "[a](b)",
    "images": "![",
    "code-spans-and-brackets": "`a`[",
    "uneven-backticks": "``a`",
    "tags": "[x] ",
    "bracketed-years": "[2020]",
    "et-al-fields": "[a et al] ",
    "venue-links": "[[a](b)] ",
    "double-brackets": "[[",
    "star-counters": "[1:fire:]",
    "keys": "(k",
    "urls": "https://a.b/",
    "two-digit-years": "CVPR '",
    "years": "2020 ",
    "colons": "a：",
    "quotes": "“",
    "emoji": "🔥",
    "combining-marks": "e\u0301",
    "right-to-left": "\u05d0 ",
    "invisible": "a\u200b",
    "carriage-returns": "a\r",
}


def _check_and_fix(text: str) -> tuple[float, str | None]:
    """Seconds to check and fix ``text``, and the name of the error, if any, that stopped it.

    The cyclic garbage collector is paused while the clock runs: its full passes start when
    allocation counts cross thresholds, which a text of 100,000 characters crosses and one of
    25,000 does not, so they add a step to the larger time that is not our code's growth (CI
    saw 0.08 s and 0.79 s for `[a](b)` runs that take 0.07 s and 0.27 s without it)."""
    gc.collect()
    gc.disable()
    started = time.process_time()
    try:
        check_text(text)
        fix_text(text)
    except Exception as error:  # a refusal is an answer; any other error is reported
        return time.process_time() - started, type(error).__name__
    finally:
        gc.enable()
    return time.process_time() - started, None


def _check_and_fix_in_child(text: str, results: Any) -> None:
    results.put(_check_and_fix(text))


def _growth_on_a_line(unit: str, results: Any) -> None:
    """In the child: seconds to check and fix a line of ``LONG`` and of ``4 * LONG`` characters
    of ``unit`` (each the best of up to four while the pair grows suspiciously), the growth a
    line of plain words showed beside them, and the errors.

    A busy machine slows some runs and not others: a CI run on a loaded machine once saw 0.05 s
    and 0.40 s for what takes 0.14 s and 0.27 s alone, another 0.07 s and 0.70 s for 0.07 s and
    0.31 s. Plain words, whose check is linear, are timed in turn with the unit, so the growth
    they show says how much of the unit's is the machine's."""
    texts = ["# Papers\n\n- " + unit * (size // len(unit)) + "\n" for size in (LONG, 4 * LONG)]
    plain = ["# Papers\n\n- " + "word " * (size // 5) + "\n" for size in (LONG, 4 * LONG)]
    small, error = _check_and_fix(texts[0])
    plain_small = _check_and_fix(plain[0])[0]
    large = _check_and_fix(texts[1])[0]
    plain_large = _check_and_fix(plain[1])[0]
    for _ in range(3):  # a busy machine, or quadratic? A quadratic scan stays slow every time.
        if not _grows_too_fast(small, large, plain_large / max(plain_small, 1e-9)):
            break
        small = min(small, _check_and_fix(texts[0])[0])
        plain_small = min(plain_small, _check_and_fix(plain[0])[0])
        large = min(large, _check_and_fix(texts[1])[0])
        plain_large = min(plain_large, _check_and_fix(plain[1])[0])
    results.put((small, large, plain_large / max(plain_small, 1e-9), error))


def _grows_too_fast(small: float, large: float, plain_growth: float) -> bool:
    """Four times the text in more than ``RATIO`` times the time, beyond what the machine added
    to plain words' linear growth of four."""
    allowance = RATIO * max(1.0, plain_growth / 4)
    return large > DOCUMENT_FLOOR and large > allowance * small


def _in_child(target: Callable[..., None], *args: object, timeout: float) -> Any:
    """Run ``target(*args, queue)`` in a forked process; fail if it has not answered in time."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=target, args=(*args, results))
    child.start()
    try:
        return results.get(timeout=timeout)
    except Exception:
        pytest.fail(f"no answer within {timeout} s: a quadratic scan, or a crash of the child")
    finally:
        child.kill()
        child.join()


@needs_fork
@pytest.mark.parametrize("name", sorted(MILLION_RUNS))
def test_check_and_fix_stay_linear_on_a_million_character_line_of(name: str) -> None:
    text = "# Papers\n\n- " + MILLION_RUNS[name] * MILLION + "\n"
    seconds, error = _in_child(_check_and_fix_in_child, text, timeout=120)
    assert error in (None, "FixError"), error
    # Linear work on a megabyte is a few seconds; a quadratic scan of it is hours.
    assert seconds < 35, f"{seconds:.1f} s"


@needs_fork
@pytest.mark.parametrize("name", sorted(RUNS))
def test_check_and_fix_stay_linear_on_a_long_line_of(name: str) -> None:
    small, large, plain_growth, error = _in_child(_growth_on_a_line, RUNS[name], timeout=120)
    assert error in (None, "FixError"), error
    assert not _grows_too_fast(small, large, plain_growth), (
        f"{small:.2f} s at {LONG} characters, {large:.2f} s at {4 * LONG}"
        f" (plain words grew {plain_growth:.1f} times)"
    )


MANY_LINES: dict[str, Callable[[int], str]] = {
    "same-key-different-titles": lambda i: f"- (k2020a) Title number {i} on things [2020]\n",
    "same-heading": lambda i: "## Same\n\n",
    "numbered-headings": lambda i: f"## 1.{i} Section\n\n",
    "comments": lambda i: "<!-- x -->\n",
    "suppressions": lambda i: "<!-- awesome-tidy-disable-next-line stray-brace -->\n- {a} [2020]\n",
    "unclosed-disables": lambda i: "<!-- awesome-tidy-disable stray-brace -->\n",
    "deep-indentation": lambda i: "  " * (i % 500) + f"- item {i} [2020]\n",
    "table-rows": lambda i: f"| [T {i}](u{i}) | 2020 |\n",
    "same-url": lambda i: f"- [T{i}](http://same) [2020]\n",
    "toc-links-to-one-heading": lambda i: "- [S](#same)\n",
    "bold-paragraphs": lambda i: f"**Title {i}** [[Paper](u)]\n\n**Venue:** CVPR 2020\n\n",
}


@needs_fork
@pytest.mark.parametrize("name", sorted(MANY_LINES))
def test_check_and_fix_stay_linear_on_many_lines_of(name: str) -> None:
    lines = MANY_LINES[name]
    text = "# Papers\n\n| Title | Year |\n|---|---|\n" * (name == "table-rows")
    text = text or "# Papers\n\n"
    text += "".join(lines(index) for index in range(5_000))
    seconds, error = _in_child(_check_and_fix_in_child, text, timeout=120)
    assert error in (None, "FixError"), error
    assert seconds < 20, f"{seconds:.1f} s"


def _trailing_whitespace(text: str, results: Any) -> None:
    started = time.process_time()
    found = [d.line for d in check_text(text) if d.rule == "trailing-whitespace"]
    results.put((time.process_time() - started, found))


@needs_fork
def test_trailing_whitespace_after_deep_indentation_is_found_in_linear_time() -> None:
    """Regression: ``[ \\t]+$`` tried every space of an indentation against the line's end
    (50 lines indented by 4,000 spaces took 10 s; a list nested 1,000 deep, minutes)."""
    # Continuation lines of a paragraph: indented so deep on their own, they would be code.
    text = "# Papers\n\nText\n" + "".join(" " * 4000 + "x \n" for _ in range(50))
    seconds, lines = _in_child(_trailing_whitespace, text, timeout=120)
    assert lines == list(range(4, 54))
    assert seconds < 2, f"{seconds:.1f} s"
