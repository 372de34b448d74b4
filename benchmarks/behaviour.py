"""Behaviour check for speed work: every finding with its fix, and what ``fix`` and ``fix`` with
unsafe fixes make of each list, dumped so that two commits can be compared.

    git archive main | tar -x -C /tmp/before
    PYTHONPATH=/tmp/before/src python benchmarks/behaviour.py dump /tmp/before.jsonl
    PYTHONPATH=src python benchmarks/behaviour.py dump /tmp/after.jsonl
    python benchmarks/behaviour.py compare /tmp/before.jsonl /tmp/after.jsonl

The lists: every study list under ``benchmarks/precision/lists/``, the corpus (``--corpus``), the
reference fixture and the two 10k lists of the speed target. Exit code 1 when they differ.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lists(corpus: Path) -> list[Path]:
    return [
        *sorted(ROOT.glob("benchmarks/precision/lists/*/*.md")),
        *sorted(corpus.glob("*.md")),
        *sorted(ROOT.glob("tests/fixtures/reference/*.md")),
        ROOT / "benchmarks" / "data" / "list-10k.md",
        ROOT / "benchmarks" / "data" / "list-10k-reference.md",
    ]


def record(path: Path) -> dict[str, object]:
    """What the API says of one list; an exception is recorded, not raised."""
    from awesome_tidy import api

    found: dict[str, object] = {
        "path": str(path.relative_to(ROOT) if ROOT in path.parents else path)
    }
    try:
        config = api.load_config(str(path))
        report = api.check_file(str(path), config)
        found["check"] = [repr(diagnostic) for diagnostic in report.diagnostics]
        found["error"] = report.error
        for unsafe in (False, True):
            fixed = api.fix_file(str(path), config, unsafe=unsafe, write=False)
            found[f"fix unsafe={unsafe}"] = [
                fixed.error,
                fixed.fixed_text,
                [repr(diagnostic) for diagnostic in fixed.fixed],
                [repr(diagnostic) for diagnostic in fixed.diagnostics],
            ]
    except Exception as error:  # a crash is behaviour to compare too
        found["exception"] = f"{type(error).__name__}: {error}"
    return found


def dump(out: Path, corpus: Path) -> int:
    import awesome_tidy

    print(f"awesome_tidy from {awesome_tidy.__file__}", file=sys.stderr)
    findings = 0
    with out.open("w", encoding="utf-8") as stream:
        for path in lists(corpus):
            found = record(path)
            findings += len(found.get("check", []))  # type: ignore[arg-type]
            stream.write(json.dumps(found) + "\n")
            gc.collect()  # one list's model at a time
    print(f"{len(lists(corpus))} lists, {findings} findings", file=sys.stderr)
    return 0


def compare(before: Path, after: Path) -> int:
    old = [json.loads(line) for line in before.read_text(encoding="utf-8").splitlines()]
    new = [json.loads(line) for line in after.read_text(encoding="utf-8").splitlines()]
    differ = [a["path"] for a, b in zip(old, new, strict=False) if a != b]
    if len(old) != len(new):
        differ.append(f"{len(old)} lists against {len(new)}")
    findings = sum(len(found.get("check", [])) for found in old)
    print(f"{len(old)} lists, {findings} findings; differing: {len(differ)}")
    for path in differ:
        print(f"  {path}")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    comparing = commands.add_parser("compare")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.out, args.corpus)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
