"""The files a precision study passes from run_study.py to the judges and on to tally.py.

Every table is tab-separated text with a header row and no quoting: fields never hold a tab or a
line break (``clean`` replaces them), so a judge can edit a sheet in any editor or spreadsheet and
``read_tsv`` reads it back with a plain split.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

# The judging sheet: run_study.py fills the first seven columns, a judge the last three.
SHEET_COLUMNS = ("id", "kind", "list", "line", "rule", "severity", "message")
VERDICT_COLUMNS = ("verdict", "class", "reason")
VERDICTS = {"finding": ("TRUE", "FALSE"), "fix": ("harmless", "harmful")}
VERDICTS["unsafe-fix"] = VERDICTS["fix"]

MANIFEST_COLUMNS = ("repo", "path", "commit", "file")
JUDGED_SEVERITIES = ("error", "warning")


class SheetError(Exception):
    """A study file that is missing, malformed or filled in wrongly: the message says where."""


def clean(value: object) -> str:
    return " ".join(str(value).split("\t")).replace("\r", " ").replace("\n", " ")


def write_tsv(path: Path, columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> None:
    lines = ["\t".join(columns)]
    lines += ["\t".join(clean(row.get(column, "")) for column in columns) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_tsv(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    """Rows as dicts; a short row is padded (a judge's editor may drop trailing empty fields)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise SheetError(f"{path}: cannot read: {error}") from None
    if not lines:
        raise SheetError(f"{path}: empty file")
    header = [name.strip() for name in lines[0].split("\t")]
    missing = [name for name in required if name not in header]
    if missing:
        raise SheetError(f"{path}: missing column(s) {', '.join(missing)}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) > len(header):
            raise SheetError(f"{path}:{number}: {len(fields)} fields, the header has {len(header)}")
        fields += [""] * (len(header) - len(fields))
        rows.append(
            {name: field.strip() for name, field in zip(header, fields, strict=True)}
            | {"_at": f"{path}:{number}"}
        )
    return rows


def read_manifest(path: Path) -> list[dict[str, str]]:
    rows = read_tsv(path, MANIFEST_COLUMNS)
    files = [row["file"] for row in rows]
    repeated = sorted({name for name in files if files.count(name) > 1})
    if repeated:
        raise SheetError(f"{path}: file named twice: {', '.join(repeated)}")
    return rows
