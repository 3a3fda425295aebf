"""The fact listing: merged facts materialised in `fact_listing` when the merge changes them, so
that pages and /api read them with indexed queries instead of merging facts per request.

Written by `rebuild_listing`, which `bilat.pipeline.merge_facts` calls in the transaction that sets
the canonical ids; a store that has no listing yet (written before revision 0003) gets one when it
is opened (`ensure_listing`). Between two merges (while an ingest writes), pages list the facts as
the last merge left them.

A rebuild reads the stored facts as plain rows (`stored_fact_records`, what `rows.load_fact_records`
gives for every fact, without ORM objects) and writes the rows in one executemany per table. A merged
fact whose record is the one already listed keeps its folded search text (folding every quote again
is most of a listing's own work); every other column is computed again, positions included.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise
from typing import Any, NamedTuple

from sqlalchemy import Connection, delete, func, select
from sqlalchemy.orm import Session

from bilat.model.names import fold
from bilat.store.curation import apply_fact_decisions
from bilat.store.rows import _fact_record, merge_records
from bilat.store.search_index import index_records
from bilat.store.tables import ActorRow, FactRow, ListingState, utcnow

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


def listing_row(
    position: int, record: dict[str, Any], search: str | None = None, text: str | None = None
) -> dict[str, Any]:
    """The `fact_listing` row of a merged record; `search` and `text` (its JSON): when known already."""
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
        "search": search_text(record) if search is None else search,
        "status_changed": status_changed(record),
        "record": _json(record) if text is None else text,
    }


def _json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


# --- reading the stored facts as plain rows ------------------------------------------------------


class _Fact(NamedTuple):
    """The columns of a `facts` row that `rows._fact_record` reads (JSON lists decoded)."""

    id: str
    type: str
    kind: str
    title: str
    status: str | None
    date: str | None
    end_date: str | None
    place: str | None
    venue_actor_id: str | None
    venue_name: str | None
    rule: str
    evidence: list[str] | None
    domains: list[str] | None
    countries: list[str] | None
    within_id: str | None
    part_of_id: str | None
    framework_id: str | None
    canonical_id: str


def _rows(conn: Connection, sql: str) -> list[tuple[Any, ...]]:
    """Every row of a query, as the driver's tuples (no SQLAlchemy row per row)."""
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return cursor.execute(sql).fetchall()  # type: ignore[no-any-return]
    finally:
        cursor.close()


class _Decoded(dict[str | None, Any]):
    """JSON lists decoded once per distinct text (facts share their countries, domains and
    evidence lists); `rows._fact_record` copies the lists it takes, so sharing them is safe."""

    def __missing__(self, value: str | None) -> Any:
        decoded = self[value] = json.loads(value) if value is not None else None
        return decoded


def stored_fact_records(session: Session) -> list[dict[str, Any]]:
    """Every stored fact as `rows.load_fact_records(session)` gives it (unmerged, export-shaped,
    with `canonical_id`, sorted by id), read with one query per table and no ORM objects."""
    conn = session.connection()
    columns = ", ".join(_Fact._fields)
    decoded = _Decoded()
    facts = [
        _Fact(*row[:11], decoded[row[11]], decoded[row[12]], decoded[row[13]], *row[14:])
        for row in _rows(conn, f"SELECT {columns} FROM facts ORDER BY id")
    ]
    if not facts:
        return []
    participants: dict[str, list[str]] = defaultdict(list)
    persons: set[str] = set()
    query = (
        "SELECT p.fact_id, p.actor_id, a.kind FROM fact_participants p "
        "JOIN actors a ON a.id = p.actor_id ORDER BY p.position"
    )
    for fact_id, actor_id, kind in _rows(conn, query):
        participants[fact_id].append(actor_id)
        if kind == "person":
            persons.add(actor_id)
    sources: dict[str, list[dict[str, Any]]] = defaultdict(list)
    query = 'SELECT fact_id, doc_id, start, "end", quote FROM fact_sources ORDER BY position'
    for fact_id, doc, start, end, quote in _rows(conn, query):
        sources[fact_id].append({"doc": doc, "start": start, "end": end, "quote": quote})
    history: dict[str, list[dict[str, Any]]] = defaultdict(list)
    query = 'SELECT fact_id, status, date, doc_id, start, "end", quote FROM status_history ORDER BY position'
    for fact_id, status, date, doc, start, end, quote in _rows(conn, query):
        source = None
        if doc is not None and start is not None and end is not None and quote is not None:
            source = {"doc": doc, "start": start, "end": end, "quote": quote}
        history[fact_id].append({"status": status, "date": date, "source": source})
    canonical = {f.id: f.canonical_id for f in facts}
    return [
        _fact_record(f, participants[f.id], sources[f.id], history[f.id], canonical, persons)  # type: ignore[arg-type]
        for f in facts
    ]


def listed_records(session: Session) -> list[dict[str, Any]]:
    """The merged facts as listed and exported: every stored fact merged by its canonical id, the
    editors' decisions applied (rejected facts left out, edits kept)."""
    return apply_fact_decisions(session, merge_records(stored_fact_records(session)))


# --- writing the listing -------------------------------------------------------------------------

_FACT_COLUMNS = (
    "id",
    "position",
    "type",
    "kind",
    "status",
    "title",
    "date",
    "countries",
    "sources",
    "search",
    "status_changed",
    "record",
)
_TERM_COLUMNS = ("key", "position", "fact_id", "type", "status", "date")
_REUSE_CHECKS = 64  # reused search texts checked against a fresh fold (fold() may have changed)


def _insert(conn: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Rows in one executemany of the driver, on the session's own transaction."""
    if not rows:
        return
    quoted = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", rows)
    finally:
        cursor.close()


_LISTED = "SELECT id, record, search FROM fact_listing"


def _searches(records: list[dict[str, Any]], texts: list[str], conn: Connection) -> list[str]:
    """The search text of each record: the listed one when the listed record is this very record
    (same JSON), else folded now. If a sample of the kept texts no longer is what folding gives
    (fold() changed since), every text is folded again."""
    kept = {id_: (record, search) for id_, record, search in _rows(conn, _LISTED)}
    reused = {
        i for i, (r, t) in enumerate(zip(records, texts, strict=True)) if kept.get(r["id"], ("",))[0] == t
    }
    sample = sorted(reused)[:: max(1, len(reused) // _REUSE_CHECKS)]
    if any(kept[records[i]["id"]][1] != search_text(records[i]) for i in sample):
        reused = set()
    return [kept[r["id"]][1] if i in reused else search_text(r) for i, r in enumerate(records)]


def rebuild_listing(session: Session) -> int:
    """Replace the listing by the stored facts merged now (by their canonical ids); returns how many
    merged facts it lists. Call it in the transaction that changes the facts or their merge."""
    session.flush()  # the facts are read below the ORM: what it holds unwritten must be written
    conn = session.connection()
    records = listed_records(session)
    texts = [_json(record) for record in records]
    searches = _searches(records, texts, conn)
    conn.exec_driver_sql("DELETE FROM fact_listing_terms")
    conn.exec_driver_sql("DELETE FROM fact_listing")
    countries = frozenset(session.scalars(select(ActorRow.id).where(ActorRow.kind == "country")))
    facts: list[tuple[Any, ...]] = []
    keyed: list[tuple[Any, ...]] = []
    for position, (record, text_, search) in enumerate(zip(records, texts, searches, strict=True)):
        row = listing_row(position, record, search, text_)
        row["countries"] = json.dumps(row["countries"])  # as SQLAlchemy's JSON type writes it
        facts.append(tuple(row[c] for c in _FACT_COLUMNS))
        about = (record["id"], row["type"], row["status"], row["date"])
        keyed += [(key, position, *about) for key in terms(record, countries)]
    _insert(conn, "fact_listing", _FACT_COLUMNS, facts)
    _insert(conn, "fact_listing_terms", _TERM_COLUMNS, keyed)
    index_records(session, records)  # search finds what is listed, nothing rejected
    stored = session.scalar(select(func.count()).select_from(FactRow)) or 0
    session.execute(delete(ListingState))
    session.add(ListingState(id=_STATE_ID, built_at=utcnow(), facts=stored, listed=len(facts)))
    session.flush()
    return len(facts)


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
