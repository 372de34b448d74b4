from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REFERENCE = FIXTURES / "reference" / "awesome-industrial-anomaly-detection.md"


@pytest.fixture
def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


@pytest.fixture
def reference_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "README.md"
    copy.write_bytes(REFERENCE.read_bytes())
    return copy
