"""Read requirements.lock (what `make lock` writes with uv) and say what moved between two locks.

    python scripts/lockfile.py diff OLD NEW   # one line per added, removed or changed package
    python scripts/lockfile.py pins [LOCK]    # name==version per line, as locked

The lock pins every package with `name==version`, sometimes twice with environment markers
(numpy for Python 3.11 and for 3.12): a package maps to the set of its locked versions.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def canonical(name: str) -> str:
    """PEP 503 name: lower case, runs of -, _ and . as one -."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path = LOCK) -> dict[str, set[str]]:
    """Locked versions by canonical package name."""
    found: dict[str, set[str]] = {}
    for line in path.read_text("utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            found.setdefault(canonical(match[1]), set()).add(match[2])
    return found


def diff(old: dict[str, set[str]], new: dict[str, set[str]]) -> list[str]:
    """Lines saying what moved from `old` to `new`, sorted by package name."""
    lines = []
    for name in sorted(old.keys() | new.keys()):
        before, after = old.get(name, set()), new.get(name, set())
        if before == after:
            continue
        if not before:
            lines.append(f"+ {name} {', '.join(sorted(after))}")
        elif not after:
            lines.append(f"- {name} {', '.join(sorted(before))}")
        else:
            lines.append(f"~ {name} {', '.join(sorted(before))} -> {', '.join(sorted(after))}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    moved = sub.add_parser("diff", help="what moved from the OLD lock to the NEW one")
    moved.add_argument("old", type=Path)
    moved.add_argument("new", type=Path)
    listed = sub.add_parser("pins", help="the locked name==version lines")
    listed.add_argument("lock", type=Path, nargs="?", default=LOCK)
    args = parser.parse_args(argv)
    if args.command == "pins":
        for name, versions in sorted(pins(args.lock).items()):
            print("\n".join(f"{name}=={v}" for v in sorted(versions)))
        return 0
    old = pins(args.old) if args.old.exists() else {}
    lines = diff(old, pins(args.new))
    print("\n".join(lines) if lines else "nothing moved: the lock is unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
