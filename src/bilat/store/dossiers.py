"""Read queries of the dossiers (home, country pair, country, actor): indexed reads of the listing's
terms (store/listing.py), never a pass over every fact."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from bilat.model.vocab import FACT_TYPES, vocab
from bilat.store.queries import _SUMMARY, _summary, actor_names, fact_summaries
from bilat.store.rows import chunks
from bilat.store.search_cache import Recent
from bilat.store.tables import ActorRole, ActorRow, DocumentRow, ListedFact, ListedTerm, MentionRow

PAIR = re.compile(r"^([A-Za-z]{2})-([A-Za-z]{2})$")
GRAPH_NODES = 60  # actors drawn in a pair's network at most (the most active ones)
TIMELINE_ITEMS = 500  # events and agreements on a pair's timeline at most (the newest)
BOARD_ITEMS = 25  # initiatives listed per status on the board at most (the newest)
_SPAN_END = "\uffff"


def parse_pair(value: str) -> tuple[str, str] | None:
    """`fr-kz` -> ("FR", "KZ") in sorted order; None when it is not two ISO codes."""
    match = PAIR.match(value.strip())
    if match is None:
        return None
    a, b = sorted((match.group(1).upper(), match.group(2).upper()))
    return (a, b) if a != b else None


def _prefix(column: Any, prefix: str) -> Any:
    """`column` starts with `prefix`, as a range the key's index can answer."""
    return column.between(prefix, prefix + _SPAN_END)


def _facts_of(key: str) -> Select[Any]:
    """Summaries of the listed facts with this term, in listing order."""
    return (
        select(*_SUMMARY)
        .join(ListedTerm, ListedTerm.fact_id == ListedFact.id)
        .where(ListedTerm.key == key)
        .order_by(ListedTerm.position)
    )


def facts_with_term(
    session: Session, key: str, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """One page of the facts listed under a term (pair:FR-KZ, country:KZ, actor:<id>), and the total."""
    total = session.scalar(select(func.count()).where(ListedTerm.key == key)) or 0
    if offset >= total:
        return [], total
    rows = session.execute(_facts_of(key).limit(limit).offset(offset))
    return [_summary(row) for row in rows], total


def _by_date(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Dated first, oldest to newest; the undated after, in listing order."""
    return sorted(facts, key=lambda f: (f["date"] is None, f["date"] or ""))


# --- the dossier of a country pair -----------------------------------------------------------------
# Read as the driver's tuples: the pair's term rows, their facts' actor and domain terms (one join),
# the summaries of the facts shown; counted and ranked here, as SQLite orders (NULL first, ties in
# listing order). Kept by the server process for the state of the store it was read from.

Row = tuple[Any, ...]
_ANCHORS = (
    "SELECT fact_id, type, status, date, position FROM fact_listing_terms WHERE key = ? ORDER BY position"
)
_TERMS = (  # the actor and domain terms of the pair's facts: (position, key)
    "SELECT a.position, t.key FROM fact_listing_terms a JOIN fact_listing_terms t ON t.fact_id = a.fact_id "
    f"WHERE a.key = ? AND (t.key BETWEEN 'actor:' AND 'actor:{_SPAN_END}' "
    f"OR t.key BETWEEN 'domain:' AND 'domain:{_SPAN_END}')"
)
_SUMMARIES = "SELECT id, type, kind, title, status, date, countries, sources FROM fact_listing WHERE id IN "
_STATE = "SELECT epoch, version FROM search_state"
KEPT_DOSSIERS = 64  # pair dossiers a server process keeps (the least recently asked go first)
_KEPT: Recent[dict[str, Any]] = Recent(KEPT_DOSSIERS)


def _rows(session: Session, sql: str, binds: Sequence[Any]) -> list[Row]:
    """Every row of a query as the driver's tuples (no SQLAlchemy row per row), in the session's
    transaction."""
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return cursor.execute(sql, tuple(binds)).fetchall()  # type: ignore[no-any-return]
    finally:
        cursor.close()


def _summaries_by_id(session: Session, ids: set[str]) -> dict[str, dict[str, Any]]:
    """`queries.fact_summaries`, read as tuples."""
    found: dict[str, dict[str, Any]] = {}
    for part in chunks(sorted(ids)):
        sql = _SUMMARIES + "(" + ", ".join("?" * len(part)) + ")"
        for row in _rows(session, sql, part):
            countries = json.loads(row[6]) if row[6] is not None else None  # a JSON column
            found[row[0]] = _summary((*row[:6], countries, row[7]))  # type: ignore[arg-type]
    return found


def _newest_first(rows: list[Row]) -> list[Row]:
    """Term rows (in listing order) by date, newest first, the undated last, as SQLite orders
    `date DESC, position`: the sort is stable."""
    return sorted(rows, key=lambda r: _null_first(r[3]), reverse=True)


def _null_first(value: str | None) -> tuple[bool, str]:
    """A sort key ordering None first, as SQLite orders NULL."""
    return value is not None, value or ""


def _timeline(anchors: list[Row]) -> list[str]:
    """The ids of the pair's newest TIMELINE_ITEMS dated events and agreements, newest first."""
    dated = [r for r in anchors if r[1] in ("event", "agreement") and r[3] is not None]
    return [r[0] for r in _newest_first(dated)[:TIMELINE_ITEMS]]


def _by_status(anchors: list[Row]) -> list[tuple[str | None, int, list[str]]]:
    """The pair's initiatives by status (SQLite's order: none first): how many, and the ids of the
    newest BOARD_ITEMS."""
    groups: dict[str | None, list[Row]] = {}
    for row in anchors:
        if row[1] == "initiative":
            groups.setdefault(row[2], []).append(row)
    ordered = sorted(groups.items(), key=lambda kv: _null_first(kv[0]))
    return [(s, len(rows), [r[0] for r in _newest_first(rows)[:BOARD_ITEMS]]) for s, rows in ordered]


def _board(
    chosen: list[tuple[str | None, int, list[str]]],
    cells: dict[tuple[str, str | None], int],
    found: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """The status board: a column per status (the vocabulary's, then others) and the counts of
    initiatives by domain and status."""
    statuses = list(vocab().statuses["initiative"])
    columns: dict[str, dict[str, Any]] = {s: {"status": s, "total": 0, "items": []} for s in statuses}
    for status, total, ids in chosen:
        name = status or "unknown"
        column = columns.setdefault(name, {"status": name, "total": 0, "items": []})
        column["total"] = total
        column["items"] += [found[i] for i in ids if i in found]
    by_domain: dict[str, dict[str, int]] = {}
    for (term, status), n in sorted(
        cells.items(), key=lambda kv: (kv[0][0], kv[0][1] is not None, kv[0][1] or "")
    ):
        by_domain.setdefault(term.removeprefix("domain:"), {})[status or "unknown"] = n
    table = [
        {"domain": d, "total": sum(c.values()), "statuses": c}
        for d, c in sorted(by_domain.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    ]
    return {"statuses": statuses, "columns": list(columns.values()), "by_domain": table}


def _edges(actors: dict[int, list[str]], kept: set[str]) -> dict[tuple[str, str], int]:
    """How many facts each two of the `kept` actor terms take part in together (in key order)."""
    edges: dict[tuple[str, str], int] = {}
    for terms in actors.values():
        chosen = sorted(t for t in terms if t in kept)
        for i, left in enumerate(chosen):
            for right in chosen[i + 1 :]:
                edges[left, right] = edges.get((left, right), 0) + 1
    return edges


def _network(session: Session, actors: dict[int, list[str]], nodes: int = GRAPH_NODES) -> dict[str, Any]:
    """Actors taking part in the pair's facts (`actors`: each fact's actor terms; countries are not
    actor terms) and how often each two take part in the same fact: the `nodes` most active actors
    and the edges between them."""
    weight: Counter[str] = Counter()
    for terms in actors.values():
        weight.update(terms)
    top = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:nodes]
    pairs = _edges(actors, {term for term, _ in top})
    edges = {(a.removeprefix("actor:"), b.removeprefix("actor:")): n for (a, b), n in pairs.items()}
    counts = {term.removeprefix("actor:"): n for term, n in top}
    details = _actor_details(session, set(counts))
    return {
        "nodes": [
            details[a] | {"facts": counts[a]}
            for a in sorted(counts, key=lambda a: (-counts[a], details[a]["name"], a))
            if a in details
        ],
        "edges": [
            {"source": s, "target": t, "facts": n}
            for (s, t), n in sorted(edges.items(), key=lambda kv: (-kv[1], kv[0]))
            if s in details and t in details
        ],
    }


def _actor_details(session: Session, ids: set[str]) -> dict[str, dict[str, Any]]:
    rows = session.execute(
        select(ActorRow.id, ActorRow.kind, ActorRow.name, ActorRow.category, ActorRow.country).where(
            ActorRow.id.in_(sorted(ids))
        )
    )
    return {r[0]: {"id": r[0], "kind": r[1], "name": r[2], "category": r[3], "country": r[4]} for r in rows}


def _countries(session: Session, codes: list[str]) -> list[dict[str, Any]]:
    """The country actor of each code (id and name), or the code alone."""
    found = {
        country: {"code": country, "id": id_, "name": name}
        for id_, name, country in session.execute(
            select(ActorRow.id, ActorRow.name, ActorRow.country)
            .where(ActorRow.kind == "country", ActorRow.country.in_(codes))
            .order_by(ActorRow.id)
        )
    }
    return [found.get(c, {"code": c, "id": None, "name": c}) for c in codes]


def _read_pair(session: Session, a: str, b: str) -> dict[str, Any] | None:
    """The dossier of `pair_dossier`, read from the store."""
    pair = f"{a}-{b}"
    key = f"pair:{pair}"
    anchors = _rows(session, _ANCHORS, [key])
    counted = Counter(r[1] for r in anchors)
    by_type = {t: counted.get(t, 0) for t in FACT_TYPES}
    if not any(by_type.values()):
        return None
    timeline = _timeline(anchors)
    chosen = _by_status(anchors)
    found = _summaries_by_id(session, {*timeline, *(i for _, _, ids in chosen for i in ids)})
    initiative = {r[4]: r[2] for r in anchors if r[1] == "initiative"}  # position -> status
    actors: dict[int, list[str]] = {}
    cells: Counter[tuple[str, str | None]] = Counter()
    for position, term in _rows(session, _TERMS, [key]):
        if term.startswith("actor:"):
            actors.setdefault(position, []).append(term)
        elif position in initiative:
            cells[(term, initiative[position])] += 1
    return {
        "pair": pair,
        "countries": _countries(session, [a, b]),
        "facts": sum(by_type.values()),
        "by_type": by_type,
        "timeline": _by_date([found[i] for i in timeline if i in found]),
        "board": _board(chosen, cells, found),
        "network": _network(session, actors),
    }


def store_state(session: Session) -> tuple[Any, ...]:
    """The state of the store this session reads: its URL, and the search index's epoch and
    version (migration 0008), which every write that changes the facts, their listing or the
    actors bumps in its transaction (a document stored, a merge, a curation action)."""
    return (str(session.get_bind().url), *_rows(session, _STATE, [])[0])


def pair_dossier(session: Session, a: str, b: str) -> dict[str, Any] | None:
    """The dossier of a country pair (codes in sorted order): counts, timeline, status board of
    the initiatives and the network of the actors; None when no fact involves both.

    The process keeps the last KEPT_DOSSIERS it read, by the state of the store they were read
    from (`store_state`), so a dossier is never answered from another state. The requests asking
    for one share the dict: read it, never change it."""
    key = (*store_state(session), a, b, TIMELINE_ITEMS, BOARD_ITEMS, GRAPH_NODES)
    found = _KEPT.get(key)
    if found is None:
        found = _read_pair(session, a, b)
        if found is not None:
            _KEPT.put(key, found)
    return found


def list_pairs(
    session: Session, country: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Country pairs by how many facts involve both (most first), optionally those of one country:
    one range of the terms' index, counted by key."""
    counted = session.execute(
        select(ListedTerm.key, func.count()).where(_prefix(ListedTerm.key, "pair:")).group_by(ListedTerm.key)
    )
    pairs = []
    for term, n in counted:
        code = term.removeprefix("pair:")
        if country is None or country in code.split("-"):
            pairs.append({"pair": code, "countries": code.split("-"), "facts": n})
    pairs.sort(key=lambda p: (-p["facts"], p["pair"]))
    return pairs[offset : offset + limit], len(pairs)


def partners(
    session: Session, actor_id: str, key: str | None = None, limit: int = 10
) -> list[dict[str, Any]]:
    """The actors taking part in the most facts with this one (countries are not actor terms), most
    first; `key` is where its facts are listed (actor_key: a country's are the facts involving it)."""
    other, anchor = aliased(ListedTerm), aliased(ListedTerm)
    count = func.count().label("n")
    rows = session.execute(
        select(other.key, count)
        .select_from(anchor)
        .join(other, other.fact_id == anchor.fact_id)
        .where(
            anchor.key == (key or f"actor:{actor_id}"),
            _prefix(other.key, "actor:"),
            other.key != f"actor:{actor_id}",
        )
        .group_by(other.key)
        .order_by(count.desc(), other.key)
        .limit(limit)
    )
    counted = [(term.removeprefix("actor:"), n) for term, n in rows]
    names = actor_names(session, [a for a, _ in counted])
    return [{**names[a], "facts": n} for a, n in counted if a in names]


def actor_key(actor: dict[str, Any]) -> str:
    """The listing term of an actor's facts: a country's are the facts involving it."""
    if actor.get("kind") == "country" and actor.get("country"):
        return f"country:{actor['country']}"
    return f"actor:{actor['id']}"


def roles_over_time(session: Session, actor_id: str) -> list[dict[str, Any]]:
    """A person's roles with the date of the document each was read in (oldest first)."""
    rows = session.execute(
        select(
            ActorRole.title,
            ActorRole.organization_id,
            ActorRole.country,
            ActorRole.doc_id,
            DocumentRow.published,
        )
        .outerjoin(DocumentRow, DocumentRow.id == ActorRole.doc_id)
        .where(ActorRole.actor_id == actor_id)
        .order_by(ActorRole.id)
    )
    roles = [{"title": t, "organization": o, "country": c, "doc": d, "date": p} for t, o, c, d, p in rows]
    return sorted(roles, key=lambda r: (r["date"] is None, r["date"] or ""))


def home(session: Session, items: int = 10) -> dict[str, Any]:
    """The home page: counts, the newest dated facts, the most active pairs, the latest changes of status."""
    by_type = dict(session.execute(select(ListedFact.type, func.count()).group_by(ListedFact.type)).all())
    newest = session.execute(
        select(*_SUMMARY).where(ListedFact.date.is_not(None)).order_by(ListedFact.date.desc()).limit(items)
    )
    changed = session.execute(
        select(*_SUMMARY, ListedFact.status_changed)
        .where(ListedFact.status_changed.is_not(None))
        .order_by(ListedFact.status_changed.desc())
        .limit(items)
    )
    pairs, _ = list_pairs(session, limit=items)
    return {
        "counts": {
            "documents": session.scalar(select(func.count()).select_from(DocumentRow)) or 0,
            "actors": session.scalar(select(func.count(MentionRow.actor_id.distinct()))) or 0,
            "facts": sum(by_type.values()),
            **{t: by_type.get(t, 0) for t in FACT_TYPES},
        },
        "newest": [_summary(row) for row in newest],
        "pairs": pairs,
        "status_changed": [_summary(row[:-1]) | {"status_changed": row[-1]} for row in changed],
    }


def records_with_term(session: Session, key: str) -> Iterator[dict[str, Any]]:
    """The merged records (records.md) of the facts listed under a term, in listing order: exports."""
    query = (
        select(ListedFact.record)
        .join(ListedTerm, ListedTerm.fact_id == ListedFact.id)
        .where(ListedTerm.key == key)
        .order_by(ListedTerm.position)
        .execution_options(yield_per=500)
    )
    for record in session.scalars(query):
        yield json.loads(record)


def actor_dossier(session: Session, id: str) -> dict[str, Any] | None:
    """An actor's record with its page's dossier: `mentions`, `facts_total` (its facts are paged
    by `facts_with_term(actor_key(...))`), `partners`, `roles_over_time` and, for a country, `pairs`."""
    from bilat.store.queries import get_actor

    actor = get_actor(session, id)
    if actor is None:
        return None
    actor.pop("facts", None)
    key = actor_key(actor)
    actor["facts_total"] = session.scalar(select(func.count()).where(ListedTerm.key == key)) or 0
    actor["partners"] = partners(session, id, key)
    actor["roles_over_time"] = roles_over_time(session, id) if actor.get("kind") == "person" else []
    actor["pairs"] = list_pairs(session, actor["country"], limit=100)[0] if key.startswith("country:") else []
    return actor


LINK_NAMES = ("within", "part_of", "framework")


def related(session: Session, fact: dict[str, Any], limit: int = 50) -> dict[str, Any]:
    """The facts a merged fact links to (`links`: within, part_of, framework, as summaries) and
    those linking to it (`linked`: by link name, at most `limit` each, with their totals)."""
    targets = {name: fact[name] for name in LINK_NAMES if isinstance(fact.get(name), str)}
    found = fact_summaries(session, targets.values())
    linked = {}
    for name in LINK_NAMES:
        items, total = facts_with_term(session, f"{name}:{fact['id']}", limit=limit)
        if total:
            linked[name] = {"items": _by_date(items), "total": total}
    return {
        "links": {name: found[id_] for name, id_ in targets.items() if id_ in found},
        "linked": linked,
    }
