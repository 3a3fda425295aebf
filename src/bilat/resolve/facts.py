"""Fact merging: facts from several documents that tell the same thing become one record.

`cluster` decides which stored facts are the same (by kind, participants, venue, dates and
title similarity, within blocks of one type); `merge_group` folds a cluster of export-shaped
records into one record with all their sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bilat.model.dates import PartialDate

_LIST_FIELDS = ("participants", "parties", "countries", "domains")
_SCALAR_FIELDS = ("place", "venue", "within", "part_of", "framework", "end_date", "end")


def _union(values: Iterable[list[Any]]) -> list[Any]:
    out: list[Any] = []
    for value in values:
        for item in value or []:
            if item not in out:
                out.append(item)
    return out


def _most_precise(dates: Iterable[str | None]) -> str | None:
    parsed = [PartialDate.parse(d) for d in dates if d]
    parsed = [p for p in parsed if p is not None]
    if not parsed:
        return None
    return str(max(parsed, key=lambda p: (p.precision_rank, str(p))))


def merge_group(records: list[dict[str, Any]]) -> dict[str, Any]:
    """One record from several records of the same fact (the first gives id, type, kind, title)."""
    if len(records) == 1:
        return records[0]
    base = dict(records[0])
    for name in _LIST_FIELDS:
        if any(name in r for r in records):
            base[name] = _union(r.get(name, []) for r in records)
    for name in _SCALAR_FIELDS:
        if base.get(name) is None:
            base[name] = next((r[name] for r in records if r.get(name) is not None), None)
    date_field = "start" if base["type"] == "initiative" else "date"
    base[date_field] = _most_precise(r.get(date_field) for r in records)
    base["sources"] = _union(r.get("sources", []) for r in records)
    history = _union(r.get("status_history", []) for r in records)
    history.sort(key=lambda h: (PartialDate.sort_key(h.get("date")), h.get("status", "")))
    base["status_history"] = history
    if history:
        base["status"] = history[-1]["status"]
    base["evidence"] = _union(r.get("evidence", []) for r in records)
    base["merged_from"] = [r["id"] for r in records]
    return base
