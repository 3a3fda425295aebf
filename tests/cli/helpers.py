"""Running `bilat` for the CLI tests: in this process (one model load for the whole session)
or as the installed script, and reading what a run printed and stored."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any

from click.testing import Result
from typer.testing import CliRunner

from bilat.cli import app
from bilat.config import settings

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
BILAT = Path(sys.executable).with_name("bilat")  # the console script of this venv
SUMMARY = re.compile(r"ingested (\d+) · unchanged (\d+) · skipped (\d+) · failed (\d+)")
# 80 columns, as rich assumes for a pipe: the tests do not depend on the terminal running them
NARROW = {"COLUMNS": "80"}


def run(db: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    """`bilat --db DB ARGS...` in this process. BILAT_* variables in `env` are read afresh
    (settings() is cached per process); exceptions propagate instead of being swallowed."""
    settings.cache_clear()
    try:
        return CliRunner().invoke(
            app, ["--db", str(db), *args], env={**NARROW, **(env or {})}, catch_exceptions=False
        )
    finally:
        settings.cache_clear()


def summary(result: Result) -> dict[str, int]:
    """The counts of the summary, which must end the output (a remark of its own may follow
    the counts; lines the console wrapped are joined first)."""
    text = " ".join(line.strip() for line in result.output.splitlines() if line.strip())
    found = list(SUMMARY.finditer(text))
    assert found, f"no summary in {result.output!r}"
    tail = text[found[-1].end() :].strip()
    assert not tail or tail.startswith("—"), f"printed after the summary: {tail!r}"
    counts = map(int, found[-1].groups())
    return dict(zip(("ingested", "unchanged", "skipped", "failed"), counts, strict=True))


def squash(text: str) -> str:
    """Text without any whitespace: compares output whatever the console wrapped."""
    return "".join(text.split())


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def table_counts(db: Path) -> dict[str, int]:
    """Rows per table of a SQLite store, read on a connection of its own."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html", ".htm"})
