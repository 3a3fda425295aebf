"""JSON Lines export: one record of records.md per line (the interchange format)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

_FIRST = ("type", "id")


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    """`type` and `id` first, then the other fields by name: the same record always reads the same."""
    head = {k: record[k] for k in _FIRST if k in record}
    return head | {k: record[k] for k in sorted(record) if k not in head}


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(_ordered(record), ensure_ascii=False)


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write one JSON object per line (UTF-8 text, not escaped); returns the number written."""
    count = 0
    for record in records:
        out.write(dumps(record))
        out.write("\n")
        count += 1
    return count
