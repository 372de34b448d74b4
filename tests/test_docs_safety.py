"""docs/safety.md cannot drift: every test file and test it names exists."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).parent
DOC = TESTS.parent / "docs" / "safety.md"


def test_every_test_file_and_test_named_in_docs_safety_exists() -> None:
    text = DOC.read_text(encoding="utf-8")
    files = set(re.findall(r"`(tests/[\w/]+\.py)`", text))
    names = set(re.findall(r"`(test_\w+)`", text))
    assert len(files) >= 10 and len(names) >= 40
    assert not {name for name in files if not (TESTS.parent / name).is_file()}
    defined = {
        match
        for path in TESTS.glob("test_*.py")
        for match in re.findall(r"^def (test_\w+)\(", path.read_text(encoding="utf-8"), re.M)
    }
    assert names - defined == set()
