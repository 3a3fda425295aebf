"""Read queries of the dossiers (home, country pair, country, actor): indexed reads of the listing's
terms (store/listing.py), never a pass over every fact."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from bilat.model.vocab import FACT_TYPES, vocab
from bilat.store.queries import _SUMMARY, _summary, actor_names, fact_summaries
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


def _summaries(session: Session, ids: list[str]) -> list[dict[str, Any]]:
    """Summaries of these listed facts, in the order of `ids`."""
    found = fact_summaries(session, ids)
    return [found[i] for i in ids if i in found]


def _timeline(session: Session, key: str) -> list[dict[str, Any]]:
    """The pair's dated events and agreements, oldest first (the newest TIMELINE_ITEMS): chosen
    from the narrow term rows, then the listing's rows opened for those alone."""
    ids = session.scalars(
        select(ListedTerm.fact_id)
        .where(
            ListedTerm.key == key, ListedTerm.type.in_(("event", "agreement")), ListedTerm.date.is_not(None)
        )
        .order_by(ListedTerm.date.desc(), ListedTerm.position)
        .limit(TIMELINE_ITEMS)
    )
    return _by_date(_summaries(session, list(ids)))


def _board(session: Session, key: str) -> dict[str, Any]:
    """The pair's initiatives by status (newest first, BOARD_ITEMS each) and by domain and status,
    counted and ranked on the term rows (a window per status)."""
    statuses = list(vocab().statuses["initiative"])
    ranked = (
        select(
            ListedTerm.fact_id,
            ListedTerm.status,
            func.row_number()
            .over(partition_by=ListedTerm.status, order_by=(ListedTerm.date.desc(), ListedTerm.position))
            .label("rank"),
            func.count().over(partition_by=ListedTerm.status).label("total"),
        )
        .where(ListedTerm.key == key, ListedTerm.type == "initiative")
        .subquery()
    )
    chosen = session.execute(
        select(ranked.c.fact_id, ranked.c.status, ranked.c.total)
        .where(ranked.c.rank <= BOARD_ITEMS)
        .order_by(ranked.c.status, ranked.c.rank)
    ).all()
    found = fact_summaries(session, [fact_id for fact_id, _, _ in chosen])
    columns: dict[str, dict[str, Any]] = {s: {"status": s, "total": 0, "items": []} for s in statuses}
    for fact_id, status, total in chosen:
        name = status or "unknown"
        column = columns.setdefault(name, {"status": name, "total": 0, "items": []})
        column["total"] = total
        if fact_id in found:
            column["items"].append(found[fact_id])
    domain, anchor = aliased(ListedTerm), aliased(ListedTerm)
    cells = session.execute(
        select(domain.key, anchor.status, func.count())
        .select_from(anchor)
        .join(domain, domain.fact_id == anchor.fact_id)
        .where(anchor.key == key, anchor.type == "initiative", _prefix(domain.key, "domain:"))
        .group_by(domain.key, anchor.status)
    )
    by_domain: dict[str, dict[str, int]] = {}
    for term, status, n in cells:
        by_domain.setdefault(term.removeprefix("domain:"), {})[status or "unknown"] = n
    table = [
        {"domain": d, "total": sum(c.values()), "statuses": c}
        for d, c in sorted(by_domain.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    ]
    return {"statuses": statuses, "columns": list(columns.values()), "by_domain": table}


def network(session: Session, key: str, nodes: int = GRAPH_NODES) -> dict[str, Any]:
    """Actors taking part in the facts with this term (countries are not actor terms) and how
    often each two take part in the same fact: the `nodes` most active actors and the edges
    between them, counted by SQLite on the term rows."""
    actor, anchor = aliased(ListedTerm), aliased(ListedTerm)
    count = func.count().label("n")
    top = session.execute(
        select(actor.key, count)
        .select_from(anchor)
        .join(actor, actor.fact_id == anchor.fact_id)
        .where(anchor.key == key, _prefix(actor.key, "actor:"))
        .group_by(actor.key)
        .order_by(count.desc(), actor.key)
        .limit(nodes)
    ).all()
    weight = {term.removeprefix("actor:"): n for term, n in top}
    keys = [term for term, _ in top]
    left, right = aliased(ListedTerm), aliased(ListedTerm)
    pairs = session.execute(
        select(left.key, right.key, func.count())
        .select_from(anchor)
        .join(left, left.fact_id == anchor.fact_id)
        .join(right, right.fact_id == anchor.fact_id)
        .where(
            anchor.key == key,
            # a range of each fact's actor terms, then the top keys among them (`|| ''` keeps SQLite
            # from seeking every top key in every fact: 60 seeks a fact instead of one range)
            _prefix(left.key, "actor:"),
            _prefix(right.key, "actor:"),
            (left.key + "").in_(keys),
            (right.key + "").in_(keys),
            left.key < right.key,
        )
        .group_by(left.key, right.key)
    )
    edges = {(a.removeprefix("actor:"), b.removeprefix("actor:")): n for a, b, n in pairs}
    details = _actor_details(session, set(weight))
    return {
        "nodes": [
            details[a] | {"facts": weight[a]}
            for a in sorted(weight, key=lambda a: (-weight[a], details[a]["name"], a))
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


def _type_counts(session: Session, key: str) -> dict[str, int]:
    counts = dict(
        session.execute(
            select(ListedTerm.type, func.count()).where(ListedTerm.key == key).group_by(ListedTerm.type)
        ).all()
    )
    return {t: counts.get(t, 0) for t in FACT_TYPES}


def pair_dossier(session: Session, a: str, b: str) -> dict[str, Any] | None:
    """The dossier of a country pair (codes in sorted order): counts, timeline, status board of
    the initiatives and the network of the actors; None when no fact involves both."""
    pair = f"{a}-{b}"
    key = f"pair:{pair}"
    by_type = _type_counts(session, key)
    if not any(by_type.values()):
        return None
    return {
        "pair": pair,
        "countries": _countries(session, [a, b]),
        "facts": sum(by_type.values()),
        "by_type": by_type,
        "timeline": _timeline(session, key),
        "board": _board(session, key),
        "network": network(session, key),
    }


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
