"""The fact listing: merged facts materialised in `fact_listing` when the merge changes them, so
that pages and /api read them with indexed queries instead of merging facts per request.

Written by `rebuild_listing`, which `bilat.pipeline.merge_facts` calls in the transaction that sets
the canonical ids; a store that has no listing yet (written before revision 0003) gets one when it
is opened (`ensure_listing`). Between two merges (while an ingest writes), pages list the facts as
the last merge left them.
"""

from __future__ import annotations

import json
from itertools import pairwise
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from bilat.model.names import fold
from bilat.store.curation import apply_fact_decisions
from bilat.store.rows import load_fact_records, merge_records
from bilat.store.search_index import index_records
from bilat.store.tables import ActorRow, FactRow, ListedFact, ListedTerm, ListingState, utcnow

_STATE_ID = 1


def search_text(record: dict[str, Any]) -> str:
    """What `q` is looked for in: the folded title and the distinct folded quotes, one per line
    (fold() turns line breaks into spaces, so a folded needle never matches across two of them)."""
    texts = [record.get("title") or "", *(s.get("quote") or "" for s in record.get("sources") or [])]
    return "\n".join(dict.fromkeys(fold(t) for t in texts))


def listed_date(record: dict[str, Any]) -> str | None:
    """The date a fact is listed under: signature, start of an initiative, or the event day."""
    value = record.get("date") or record.get("start")
    return str(value) if value else None


_ACTOR_FIELDS = ("parties", "signatories", "participants")
_LINKS = ("within", "part_of", "framework")  # within:<id> lists the facts within that one


def status_changed(record: dict[str, Any]) -> str | None:
    """The date of the last change of status in the fact's dated history (None if it never changed)."""
    dated = sorted((h["date"], h.get("status")) for h in record.get("status_history") or [] if h.get("date"))
    changed = None
    for (_, before), (date, after) in pairwise(dated):
        if after != before:
            changed = date
    return changed


def terms(record: dict[str, Any], countries_ids: frozenset[str] = frozenset()) -> list[str]:
    """What the fact is about, as listing terms: country:KZ, pair:FR-KZ, domain:culture, actor:<id>
    (but the country actors in `countries_ids`: a country's facts are its country: term), and the
    fact it belongs to: within:<id>, part_of:<id>, framework:<id>."""
    countries = sorted(set(record.get("countries") or []))
    keys = [f"country:{c}" for c in countries]
    keys += [f"pair:{a}-{b}" for i, a in enumerate(countries) for b in countries[i + 1 :]]
    keys += [f"domain:{d}" for d in record.get("domains") or []]
    actors = [a for f in _ACTOR_FIELDS for a in record.get(f) or [] if isinstance(a, str)]
    if isinstance(record.get("venue"), str):
        actors.append(record["venue"])
    keys += [f"actor:{a}" for a in actors if a not in countries_ids]
    keys += [f"{link}:{record[link]}" for link in _LINKS if isinstance(record.get(link), str)]
    return list(dict.fromkeys(keys))


def listing_row(position: int, record: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": record["id"],
        "position": position,
        "type": record["type"],
        "kind": record["kind"],
        "status": record.get("status"),
        "title": record.get("title") or "",
        "date": listed_date(record),
        "countries": list(record.get("countries") or []),
        "sources": record.get("source_documents", len({s["doc"] for s in record.get("sources") or []})),
        "search": search_text(record),
        "status_changed": status_changed(record),
        "record": json.dumps(record, ensure_ascii=False, separators=(",", ":")),
    }


def rebuild_listing(session: Session) -> int:
    """Replace the listing by the stored facts merged now (by their canonical ids); returns how many
    merged facts it lists. Call it in the transaction that changes the facts or their merge."""
    records = apply_fact_decisions(session, merge_records(load_fact_records(session)))  # editors' decisions
    session.execute(delete(ListedTerm))
    session.execute(delete(ListedFact))
    rows = [listing_row(position, record) for position, record in enumerate(records)]
    if rows:
        session.execute(insert(ListedFact), rows)
        countries = frozenset(session.scalars(select(ActorRow.id).where(ActorRow.kind == "country")))
        keyed = [
            {"key": key, "position": row["position"], "fact_id": row["id"]}
            | {"type": row["type"], "status": row["status"], "date": row["date"]}
            for row, record in zip(rows, records, strict=True)
            for key in terms(record, countries)
        ]
        if keyed:
            session.execute(insert(ListedTerm), keyed)
    index_records(session, records)  # search finds what is listed, nothing rejected
    facts = session.scalar(select(func.count()).select_from(FactRow)) or 0
    session.execute(delete(ListingState))
    session.add(ListingState(id=_STATE_ID, built_at=utcnow(), facts=facts, listed=len(rows)))
    session.flush()
    return len(rows)


def has_listing(session: Session) -> bool:
    """Whether the listing was ever built for this store."""
    return session.get(ListingState, _STATE_ID) is not None


def ensure_listing(store: Any) -> bool:
    """Build the listing of a store that has none (written before revision 0003); True if built.

    The check reads without the write lock; only a store that needs a build waits for it.
    """
    with store.reader() as session:
        if has_listing(session):
            return False
    with store.session() as session:
        if has_listing(session):  # another process built it meanwhile
            return False
        rebuild_listing(session)
    return True
