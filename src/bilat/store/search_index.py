"""Keeping the full-text index current (tables of migrations 0004 and 0008): a document is indexed in the
transaction that stores it (`index_document`, called by store.write); facts and actors are
re-indexed with the fact listing (`index_records`, called by store.listing.rebuild_listing), so
what search finds is what the pages list: a fact an editor rejected is not listed, nor found.

Each indexed record is one `search_entries` row (type, id, kind, status, date; its languages,
pairs, domains and actors, each a column of values separated by spaces: codes and ids, which hold
none) and one FTS5 row (title, body, names; tags: a token per facet value, `tag`, so that facets
are part of the FTS5 match):

| facet | documents | facts | actors |
|---|---|---|---|
| type | document | agreement, initiative, event | actor |
| kind, status | - | the fact's | the actor's kind |
| year (the entry's id) | published | of the date it is listed under | - |
| language | the document's | its sources' documents' | - |
| pair, domain | of the facts told in it | the fact's countries (sorted pairs), domains | - |
| actor | actors mentioned (not countries) | parties, signatories, participants, venue | - |

An entry's id is its date's key times 2**24 plus its rank among the entries of that date
(`entry_block`): ids run in date order (undated entries first), so FTS5, which walks its matches
in id order, gives the newest (or oldest) results first and stops at a page, and years are ranges
of ids. Ties on a date keep the order they were indexed in.
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import combinations
from typing import Any

from sqlalchemy import Connection, Engine, TextClause, text
from sqlalchemy.orm import Session

from bilat.store.rows import chunks

FACT_ACTOR_FIELDS = ("parties", "signatories", "participants")
LISTED = {"language": "languages", "pair": "pairs", "domain": "domains", "actor": "actors"}  # facet: column
SEQ_BITS = 24  # an entry's id: its date's key << SEQ_BITS | its rank among that date's entries
_SENTINELS = re.compile("[\x02\x03]")  # snippet()'s markers (store.search): never in indexed text
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@lru_cache(maxsize=256)
def _sql(statement: str) -> TextClause:
    """A statement parsed once (SQLAlchemy's text() costs more than SQLite running it here)."""
    return text(statement)


def kind_label(kind: str | None) -> str | None:
    """`memorandum_of_understanding` -> `memorandum of understanding`: a kind as words to search."""
    return kind.replace("_", " ") if kind else None


def clean(value: str | None) -> str:
    """Text as indexed: without the characters the snippets mark matches with."""
    return _SENTINELS.sub(" ", value or "")


def pairs(countries: Iterable[str]) -> list[str]:
    """`["KZ", "FR"]` -> `["FR-KZ"]`: every sorted pair of distinct country codes."""
    return [f"{a}-{b}" for a, b in combinations(sorted(set(countries)), 2)]


def year(date: str | None) -> str | None:
    return date[:4] if date and len(date) >= 4 and date[:4].isdigit() else None


def date_key(date: str | None) -> int:
    """`2024-11-05` -> 20241105, `2024-11` -> 20241100, `2024` -> 20240000; undated (or text that
    does not begin with a year) -> 0. Keys sort as the ISO dates do as text."""
    found = _DATE.match(date or "")
    if found is None:
        return 0
    year_, month, day = found.groups()
    return int(year_) * 10_000 + int(month or 0) * 100 + int(day or 0)


def entry_block(date: str | None) -> int:
    """The first id of the entries of this date (ids of one date: block + 1 ... block + 2**24 - 1)."""
    return date_key(date) << SEQ_BITS


def year_ids(first: int | None, last: int | None) -> tuple[int, int]:
    """The ids of the entries dated from year `first` to year `last` included: [low, high)."""
    low = entry_block(f"{first:04d}") if first is not None else 1 << SEQ_BITS  # dated entries only
    high = entry_block(f"{last + 1:04d}") if last is not None else 1 << 62
    return low, high


def tag(facet: str, value: str) -> str:
    """The FTS5 token of a facet value: `tag("language", "fr")` -> `languagex6672` (the facet, x,
    the value's UTF-8 in hex: letters and digits only, one token; no facet name holds an x)."""
    return f"{facet}x{value.encode().hex()}"


def _tags(facets: Mapping[str, Iterable[str | None]]) -> str:
    return " ".join(tag(facet, v) for facet, values in facets.items() for v in dict.fromkeys(values) if v)


def listed(values: Iterable[str | None]) -> str | None:
    """A column of several values: `["fr", "en", "fr"]` -> `"en fr"` (sorted, distinct); None without any."""
    return " ".join(sorted({v for v in values if v})) or None


def _conn(session: Session) -> Connection:
    return session.connection()


# A query run somewhere: (SQL with :name parameters, parameters) -> rows as tuples. SQLAlchemy's
# connection (`_query`), or the driver's cursor in the transaction that stores a document
# (`index_document`: its ~10 small statements cost SQLAlchemy more than SQLite's work).
Query = Callable[[str, Mapping[str, Any]], list[Any]]


def _query(conn: Connection) -> Query:
    return lambda sql, params: conn.execute(_sql(sql), params).all()


def _touch(query: Query) -> None:
    query("UPDATE search_state SET version = version + 1", {})


def touch(conn: Connection) -> None:
    """Bump the index's version (search_state): what searches a process keeps is for an older one."""
    conn.execute(_sql("UPDATE search_state SET version = version + 1"))


class _Ids:
    """Next free ids of each date's block, read once from the store, then counted here."""

    def __init__(self, conn: Connection | Query) -> None:
        self._query = conn if callable(conn) else _query(conn)
        self._next: dict[int, int] = {}

    def take(self, date: str | None) -> int:
        block = entry_block(date)
        if block not in self._next:
            last = self._query(
                "SELECT max(id) FROM search_entries WHERE id >= :low AND id < :high",
                {"low": block, "high": block + (1 << SEQ_BITS)},
            )[0][0]
            self._next[block] = int(last) + 1 if last is not None else block + 1
        entry = self._next[block]
        if entry >= block + (1 << SEQ_BITS):
            raise ValueError(f"more than {(1 << SEQ_BITS) - 1:,} search entries dated {date}")
        self._next[block] = entry + 1
        return entry


_INSERT_ENTRY = (
    "INSERT INTO search_entries (id, type, ref, kind, status, date, languages, pairs, domains, actors) "
    "VALUES (:id, :type, :ref, :kind, :status, :date, :languages, :pairs, :domains, :actors)"
)


def _entry(
    ids: _Ids,
    type_: str,
    ref: str,
    kind: str | None,
    status: str | None,
    date: str | None,
    facets: Mapping[str, Iterable[str | None]],
) -> tuple[dict[str, Any], str]:
    """The row of search_entries of a record (its id taken) and its FTS5 tags."""
    every = {"type": [type_], "kind": [kind], "status": [status], **facets}
    row = {
        "id": ids.take(date),
        "type": type_,
        "ref": ref,
        "kind": kind,
        "status": status,
        "date": date,
        **{column: listed(facets.get(facet) or []) for facet, column in LISTED.items()},
    }
    return row, _tags(every)


def _executemany(conn: Connection, sql: str, rows: Sequence[dict[str, Any]]) -> None:
    """Rows in one executemany of the driver, on the connection's own transaction: for the
    listing's hundred thousand rows, SQLAlchemy's per-row parameter handling costs more than
    SQLite's inserts."""
    if rows:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(sql, rows)
        finally:
            cursor.close()


def _actor_names(conn: Connection | Query, ids: Iterable[str]) -> dict[str, tuple[str, str, list[str]]]:
    """(kind, name, every alias) of these actors, by id."""
    query = conn if callable(conn) else _query(conn)
    found: dict[str, tuple[str, str, list[str]]] = {}
    for part in chunks(sorted(set(ids))):
        marks = ", ".join(f":a{i}" for i in range(len(part)))
        binds = {f"a{i}": v for i, v in enumerate(part)}
        for id_, kind, name in query(f"SELECT id, kind, name FROM actors WHERE id IN ({marks})", binds):
            found[id_] = (kind, name, [])
        aliases = query(
            f"SELECT actor_id, alias FROM actor_aliases WHERE actor_id IN ({marks}) ORDER BY id", binds
        )
        for actor_id, alias in aliases:
            if actor_id in found and alias != found[actor_id][1]:
                found[actor_id][2].append(alias)
    return found


def _names(actors: Mapping[str, tuple[str, str, list[str]]], ids: Iterable[str]) -> str:
    """The names and aliases of these actors, one per line (both languages, where the store has them)."""
    out: list[str] = []
    for id_ in ids:
        if id_ in actors:
            _kind, name, aliases = actors[id_]
            out += [name, *aliases]
    return "\n".join(clean(n) for n in dict.fromkeys(out))


# --- documents: one at a time, as they are stored ------------------------------------------------


def forget_document(session: Session, doc_id: str) -> None:
    """Take a document out of the index (nothing happens if it is not in it)."""
    _forget_document(_query(_conn(session)), doc_id)


def _forget_document(query: Query, doc_id: str) -> None:
    found = query("SELECT id FROM search_entries WHERE type = 'document' AND ref = :ref", {"ref": doc_id})
    if not found:
        return
    entry = found[0][0]
    query("DELETE FROM search_documents WHERE rowid = :id", {"id": entry})
    query("DELETE FROM search_entries WHERE id = :id", {"id": entry})
    _touch(query)


_INDEXED_ENGINES: weakref.WeakSet[Engine] = weakref.WeakSet()  # stores known to have the index


def has_index(conn: Connection) -> bool:
    """Whether the store has the search tables (revision 0004 on). A store at an older revision
    (written by today's code before being migrated, as tests do) is indexed when it migrates."""
    if conn.engine in _INDEXED_ENGINES:
        return True
    found = conn.execute(
        _sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_entries'")
    ).first()
    if found is not None:
        _INDEXED_ENGINES.add(conn.engine)
    return found is not None


def index_document(session: Session, doc_id: str) -> None:
    """(Re-)index one stored document with what was extracted from it; call it in the
    transaction that writes the document (store.write.save_extraction does)."""
    conn = _conn(session)
    if not has_index(conn):
        return
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        _index_document(lambda sql, params: cursor.execute(sql, params).fetchall(), doc_id)
    finally:
        cursor.close()


def _index_document(query: Query, doc_id: str) -> None:
    _forget_document(query, doc_id)
    found = query("SELECT title, text, published, language FROM documents WHERE id = :id", {"id": doc_id})
    if not found:
        return
    title, body, published, language = found[0]
    distinct = "SELECT DISTINCT actor_id FROM mentions WHERE doc_id = :id AND actor_id IS NOT NULL"
    mentioned = [actor_id for (actor_id,) in query(distinct, {"id": doc_id})]
    actors = _actor_names(query, mentioned)
    facts = query("SELECT countries, domains FROM facts WHERE doc_id = :id", {"id": doc_id})
    countries: list[str] = []
    domains: list[str] = []
    for fact_countries, fact_domains in facts:
        countries += pairs(_json_list(fact_countries))
        domains += _json_list(fact_domains)
    facets = {
        "language": [language],
        "pair": countries,
        "domain": domains,
        "actor": [a for a in mentioned if a in actors and actors[a][0] != "country"],
    }
    row, tags = _entry(_Ids(query), "document", doc_id, None, None, published, facets)
    query(_INSERT_ENTRY, row)
    _touch(query)
    query(
        "INSERT INTO search_documents (rowid, title, body, names, tags) "
        "VALUES (:id, :title, :body, :names, :tags)",
        {
            "id": row["id"],
            "title": clean(title),
            "body": clean(body),
            "names": _names(actors, mentioned),
            "tags": tags,
        },
    )


def _json_list(value: Any) -> list[str]:
    if isinstance(value, str):
        value = json.loads(value)
    return [str(v) for v in value or []]


def index_missing_documents(session: Session) -> int:
    """Index the stored documents the index lacks (stored before it existed); returns how many."""
    missing = session.connection().execute(
        _sql(
            "SELECT d.id FROM documents d LEFT JOIN search_entries e ON e.type = 'document' AND e.ref = d.id "
            "WHERE e.id IS NULL ORDER BY d.id"
        )
    )
    ids = list(missing.scalars())
    for doc_id in ids:
        index_document(session, doc_id)
    return len(ids)


# --- facts and actors: rebuilt with the listing --------------------------------------------------


def _clear_records(conn: Connection) -> None:
    conn.execute(_sql("DELETE FROM search_entries WHERE type != 'document'"))
    conn.execute(_sql("INSERT INTO search_records (search_records) VALUES ('delete-all')"))
    conn.execute(_sql("DELETE FROM search_record_text"))


def _fact_actors(record: Mapping[str, Any]) -> list[str]:
    ids = [a for f in FACT_ACTOR_FIELDS for a in record.get(f) or [] if isinstance(a, str)]
    if isinstance(record.get("venue"), str):
        ids.append(record["venue"])
    return list(dict.fromkeys(ids))


def _fact_texts(
    record: Mapping[str, Any], actors: Mapping[str, tuple[str, str, list[str]]]
) -> dict[str, str]:
    quotes = [s.get("quote") for s in record.get("sources") or []]
    quotes += [(h.get("source") or {}).get("quote") for h in record.get("status_history") or []]
    names = _names(actors, _fact_actors(record))
    extra = [kind_label(record.get("kind")), record.get("place"), record.get("venue_name")]
    extra += (
        [record["venue"]] if isinstance(record.get("venue"), str) and record["venue"] not in actors else []
    )
    return {
        "title": clean(record.get("title")),
        "body": "\n".join(clean(q) for q in dict.fromkeys(q for q in quotes if q)),
        "names": "\n".join([names, *(clean(e) for e in extra if e)]).strip(),
    }


def index_records(session: Session, facts: Sequence[Mapping[str, Any]]) -> int:
    """Replace the indexed facts and actors: `facts` are the merged records as listed (what the
    pages show, rejected facts left out); actors are those mentioned in a document. Documents the
    index lacks are indexed too. Call it in the transaction that rebuilds the listing."""
    conn = _conn(session)
    touch(conn)
    _clear_records(conn)
    languages_of = {id_: lang for id_, lang in conn.execute(_sql("SELECT id, language FROM documents"))}
    mentioned = list(
        conn.execute(_sql("SELECT DISTINCT actor_id FROM mentions WHERE actor_id IS NOT NULL")).scalars()
    )
    wanted = set(mentioned) | {a for f in facts for a in _fact_actors(f)}
    actors = _actor_names(conn, wanted)
    ids = _Ids(conn)  # ids given here: one executemany, not one INSERT each
    entries: list[dict[str, Any]] = []
    texts: list[dict[str, Any]] = []
    for record in facts:
        date = record.get("date") or record.get("start")
        date = str(date) if date else None
        facets = {
            "language": [languages_of.get(s.get("doc")) for s in record.get("sources") or []],
            "pair": pairs(record.get("countries") or []),
            "domain": list(record.get("domains") or []),
            "actor": [a for a in _fact_actors(record) if a not in actors or actors[a][0] != "country"],
        }
        kind, status = record.get("kind"), record.get("status")
        row, tags = _entry(ids, record["type"], record["id"], kind, status, date, facets)
        entries.append(row)
        texts.append({"id": row["id"], **_fact_texts(record, actors), "tags": tags})
    for actor_id in sorted(set(mentioned) & set(actors)):
        kind, name, aliases = actors[actor_id]
        row, tags = _entry(ids, "actor", actor_id, kind, None, None, {})
        entries.append(row)
        names = "\n".join(clean(a) for a in aliases)
        texts.append({"id": row["id"], "title": clean(name), "body": "", "names": names, "tags": tags})
    _executemany(conn, _INSERT_ENTRY, entries)
    _executemany(
        conn,
        "INSERT INTO search_record_text (id, title, body, names, tags) "
        "VALUES (:id, :title, :body, :names, :tags)",
        texts,
    )
    conn.execute(_sql("INSERT INTO search_records (search_records) VALUES ('rebuild')"))
    index_missing_documents(session)
    return len(texts)


def forget_fact(session: Session, fact_id: str) -> None:
    """Take one fact out of the index at once (an editor's rejection, before the next listing)."""
    conn = _conn(session)
    entry = conn.execute(
        _sql(
            "SELECT id FROM search_entries WHERE type IN ('agreement', 'initiative', 'event') AND ref = :ref"
        ),
        {"ref": fact_id},
    ).scalar()
    if entry is None:
        return
    old = conn.execute(
        _sql("SELECT title, body, names, tags FROM search_record_text WHERE id = :id"), {"id": entry}
    ).one()
    conn.execute(
        _sql(
            "INSERT INTO search_records (search_records, rowid, title, body, names, tags) "
            "VALUES ('delete', :id, :title, :body, :names, :tags)"
        ),
        {"id": entry, "title": old[0], "body": old[1], "names": old[2], "tags": old[3]},
    )
    conn.execute(_sql("DELETE FROM search_record_text WHERE id = :id"), {"id": entry})
    touch(conn)
    conn.execute(_sql("DELETE FROM search_entries WHERE id = :id"), {"id": entry})
