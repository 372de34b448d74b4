"""Is a user's regular expression usable: does it compile, and will it run in reasonable time?

Python's ``re`` backtracks: a quantifier inside a quantified group, as in ``(a+)+b``, makes it
try every way of splitting a run of characters between the two, which doubles with each character
(28 characters: 20 seconds). Such a pattern is refused when the configuration is read, rather
than bounded while it runs, because ``re`` cannot be interrupted. Atomic groups and possessive
quantifiers (Python 3.11) do not backtrack and are accepted.
"""

from __future__ import annotations

import re
import sys
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as constants
    from re import _parser as parser
else:  # pragma: no cover - Python 3.10
    import sre_constants as constants
    import sre_parse as parser

_REPEATS = {constants.MAX_REPEAT, constants.MIN_REPEAT}
_NO_BACKTRACKING = {
    getattr(constants, name, None) for name in ("ATOMIC_GROUP", "POSSESSIVE_REPEAT")
}


def regex_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be used, or None."""
    try:
        re.compile(pattern)
    except re.error as error:
        return f"not a valid regular expression: {error}"
    except (RecursionError, OverflowError):
        return "regular expression nested too deeply"
    if _nested_repeat(parser.parse(pattern), outer=None):
        return (
            f"{pattern!r} repeats a part that repeats itself, which can take exponential time; "
            "write it without the nesting (e.g. 'a+b' for '(a+)+b')"
        )
    return None


def _nested_repeat(items: Any, outer: int | None) -> bool:
    """Whether a repeat (more than once) sits inside another, one of them without a bound;
    ``outer`` is the upper bound of the repeat around ``items``."""
    for op, value in items:
        if op in _NO_BACKTRACKING:
            continue
        if op in _REPEATS:
            high = value[1]
            if outer is not None and high > 1 and constants.MAXREPEAT in (outer, high):
                return True
            found = _nested_repeat(value[2], high if high > 1 else outer)
        else:
            found = _nested_in(value, outer)
        if found:
            return True
    return False


def _nested_in(value: Any, outer: int | None) -> bool:
    """Look into a group, a branch or a conditional: any sub-pattern the value holds."""
    if isinstance(value, parser.SubPattern):
        return _nested_repeat(value, outer)
    if isinstance(value, (tuple, list)):
        return any(_nested_in(part, outer) for part in value)
    return False
