"""CSV export of facts: one row per fact, the field names of records.md, lists joined by "; "."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

# records.md's fact fields, in the order a reader expects them; `sources` as doc[start:end]
COLUMNS = (
    "type",
    "id",
    "kind",
    "title",
    "status",
    "date",
    "start",
    "end",
    "end_date",
    "place",
    "venue",
    "countries",
    "domains",
    "parties",
    "signatories",
    "participants",
    "within",
    "part_of",
    "framework",
    "sources",
    "quotes",
)
_UNSAFE_START = ("=", "+", "-", "@", "\t", "\r")  # read as formulas by spreadsheets


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    text = str(value)
    # article text is untrusted: a cell a spreadsheet would run as a formula is quoted
    return "'" + text if text.startswith(_UNSAFE_START) else text


def row(record: dict[str, Any]) -> list[str]:
    """The CSV cells of one fact record."""
    sources = record.get("sources") or []
    values = dict(record)
    values["sources"] = [f"{s['doc']}[{s['start']}:{s['end']}]" for s in sources]
    values["quotes"] = " | ".join(s.get("quote") or "" for s in sources)
    return [_cell(values.get(name)) for name in COLUMNS]


def lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The header, then one CSV line per fact record (agreements, initiatives, events; other
    record types are left out)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    yield buffer.getvalue()
    for record in records:
        if record.get("type") in ("agreement", "initiative", "event"):
            buffer.seek(0)
            buffer.truncate()
            writer.writerow(row(record))
            yield buffer.getvalue()


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write the fact records as CSV with a header (see `lines`); returns how many rows were written."""
    count = -1
    for line in lines(records):
        out.write(line)
        count += 1
    return count
