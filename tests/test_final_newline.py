"""final-newline (issue 14, item 6): the file's own line ending, and open blocks left alone.

Each case writes the bytes, runs ``fix_file`` as the CLI does, and asserts the finding's position
and the bytes written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tidy.api import check_text, fix_file
from awesome_tidy.config import Config

ONLY = Config(select=("final-newline",))


def fixed_bytes(tmp_path: Path, raw: bytes) -> tuple[list[tuple[int, int, str]], bytes]:
    path = tmp_path / "README.md"
    path.write_bytes(raw)
    report = fix_file(str(path), ONLY)
    assert report.error is None
    return [(d.line, d.column, d.message) for d in report.fixed], path.read_bytes()


@pytest.mark.parametrize(
    ("raw", "position", "expected"),
    [
        pytest.param(
            b"# Tools\r- [A](https://a.org) - A.\r- [B](https://b.org) - B.",
            (3, 26),
            b"# Tools\r- [A](https://a.org) - A.\r- [B](https://b.org) - B.\r",
            id="cr-only-file-gets-a-cr",
        ),
        pytest.param(
            b"# Tools\r- [A](https://a.org) - A.\r\n- [B](https://b.org) - B.\r- C",
            (4, 4),
            b"# Tools\r- [A](https://a.org) - A.\r\n- [B](https://b.org) - B.\r- C\r",
            id="mostly-cr-file-gets-a-cr",
        ),
        pytest.param(
            b"# Tools\r\n- [A](https://a.org) - A.\r\n- B",
            (3, 4),
            b"# Tools\r\n- [A](https://a.org) - A.\r\n- B\r\n",
            id="crlf-file-gets-a-crlf",
        ),
        pytest.param(b"# Tools\r- A\r\r\r", (3, 1), b"# Tools\r- A\r", id="cr-only-blank-lines"),
    ],
)
def test_the_line_ending_added_is_the_file_s_own(
    tmp_path: Path, raw: bytes, position: tuple[int, int], expected: bytes
) -> None:
    findings, written = fixed_bytes(tmp_path, raw)
    assert [finding[:2] for finding in findings] == [position]
    assert written == expected


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"# Usage\n\n```console\n$ make\n\n\n", id="unclosed-fence"),
        pytest.param(b"# Usage\n\n~~~\n$ make\r\n\r\n\r\n", id="unclosed-tilde-fence-crlf"),
        pytest.param(b"# Usage\n\n<pre>\nmake\n\n\n", id="unclosed-pre"),
        pytest.param(b"# Usage\n\n<!--\n- [Old](https://o.org)\n\n\n", id="unclosed-comment"),
        pytest.param(b"# Usage\r\r```\rmake\r\r\r", id="unclosed-fence-cr-only"),
    ],
)
def test_blank_lines_inside_a_block_left_open_are_kept(tmp_path: Path, raw: bytes) -> None:
    assert check_text(raw.decode(), ONLY) == []
    findings, written = fixed_bytes(tmp_path, raw)
    assert findings == [] and written == raw


@pytest.mark.parametrize(
    ("raw", "position", "expected"),
    [
        pytest.param(
            b"# Usage\n\n```\nmake\n```\n\n\n",
            (6, 1),
            b"# Usage\n\n```\nmake\n```\n",
            id="after-a-closed-fence",
        ),
        pytest.param(
            b"# Usage\n\n<div>\nmake\n\n\n", (5, 1), b"# Usage\n\n<div>\nmake\n", id="after-a-div"
        ),
        pytest.param(
            b"# Usage\n\n    make\n\n\n", (4, 1), b"# Usage\n\n    make\n", id="after-indented-code"
        ),
        pytest.param(
            b"# Usage\n\n<!-- note -->\n\n",
            (4, 1),
            b"# Usage\n\n<!-- note -->\n",
            id="after-a-comment",
        ),
    ],
)
def test_blank_lines_after_a_closed_block_are_removed(
    tmp_path: Path, raw: bytes, position: tuple[int, int], expected: bytes
) -> None:
    findings, written = fixed_bytes(tmp_path, raw)
    assert findings == [(*position, "blank lines at end of file")]
    assert written == expected
