"""Rows to records: the export shape of records.md, built from the store's tables."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from bilat.model.names import fold
from bilat.model.records import Actor, Role
from bilat.resolve.facts import finalise, merge_group
from bilat.store.tables import (
    ActorAlias,
    ActorRole,
    ActorRow,
    DocumentRow,
    FactParticipant,
    FactRow,
    FactSource,
    StatusHistoryRow,
)

FACT_TYPE_ORDER = {"agreement": 0, "initiative": 1, "event": 2}
_CHUNK = 500  # ids per IN (...) clause


def chunks(values: Sequence[str], size: int = _CHUNK) -> Iterable[Sequence[str]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def document_record(row: DocumentRow, with_text: bool = True) -> dict[str, Any]:
    record: dict[str, Any] = {
        "type": "document",
        "id": row.id,
        "source": row.source,
        "title": row.title,
        "published": row.published,
        "published_basis": row.published_basis,
        "language": row.language,
    }
    if with_text:
        record["text"] = row.text
    return record


def load_actors(session: Session, ids: Iterable[str]) -> list[Actor]:
    """Full `Actor`s (aliases without the name itself, roles) for these ids, sorted by id."""
    wanted = sorted(set(ids))
    actors: dict[str, Actor] = {}
    aliases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    roles: dict[str, list[Role]] = defaultdict(list)
    for part in chunks(wanted):
        for row in session.scalars(select(ActorRow).where(ActorRow.id.in_(part))):
            actors[row.id] = Actor(
                id=row.id,
                kind=row.kind,
                name=row.name,
                country=row.country,
                category=row.category,
                external_ids=dict(row.external_ids or {}),
            )
        alias_rows = session.execute(
            select(ActorAlias.actor_id, ActorAlias.alias, ActorAlias.norm)
            .where(ActorAlias.actor_id.in_(part))
            .order_by(ActorAlias.id)
        )
        for actor_id, alias, norm in alias_rows:
            aliases[actor_id].append((alias, norm))
        role_rows = session.scalars(
            select(ActorRole).where(ActorRole.actor_id.in_(part)).order_by(ActorRole.id)
        )
        for role in role_rows:
            roles[role.actor_id].append(Role(role.title, role.organization_id, role.country))
    for actor in actors.values():
        own = fold(actor.name)
        actor.aliases = [alias for alias, norm in aliases[actor.id] if norm != own]
        actor.roles = roles[actor.id]
    return [actors[i] for i in wanted if i in actors]


def actor_record(actor: Actor) -> dict[str, Any]:
    record: dict[str, Any] = {
        "type": "actor",
        "id": actor.id,
        "kind": actor.kind,
        "name": actor.name,
        "aliases": list(actor.aliases),
        "country": actor.country,
    }
    if actor.kind == "organization":
        record["category"] = actor.category
    if actor.kind == "person":
        record["roles"] = [
            {"title": r.title, "organization": r.organization, "country": r.country} for r in actor.roles
        ]
    record["external_ids"] = dict(actor.external_ids)
    return record


def _span(doc: str | None, start: int | None, end: int | None, quote: str | None) -> dict[str, Any] | None:
    if doc is None or start is None or end is None or quote is None:
        return None
    return {"doc": doc, "start": start, "end": end, "quote": quote}


def load_fact_records(session: Session, *where: ColumnElement[bool]) -> list[dict[str, Any]]:
    """Unmerged export-shaped fact records (plus `canonical_id`) for the facts matching `where`.

    Relation fields (`within`, `part_of`, `framework`) hold the canonical id of their target.
    """
    facts = list(session.scalars(select(FactRow).where(*where).order_by(FactRow.id)))
    if not facts:
        return []
    subset = select(FactRow.id).where(*where)
    participants: dict[str, list[str]] = defaultdict(list)
    persons: set[str] = set()
    query = (
        select(FactParticipant.fact_id, FactParticipant.actor_id, ActorRow.kind)
        .join(ActorRow, ActorRow.id == FactParticipant.actor_id)
        .where(FactParticipant.fact_id.in_(subset))
        .order_by(FactParticipant.position)
    )
    for fact_id, actor_id, kind in session.execute(query):
        participants[fact_id].append(actor_id)
        if kind == "person":
            persons.add(actor_id)
    sources: dict[str, list[dict[str, Any]]] = defaultdict(list)
    query_s = select(FactSource).where(FactSource.fact_id.in_(subset)).order_by(FactSource.position)
    for s in session.scalars(query_s):
        sources[s.fact_id].append({"doc": s.doc_id, "start": s.start, "end": s.end, "quote": s.quote})
    history: dict[str, list[dict[str, Any]]] = defaultdict(list)
    query_h = select(StatusHistoryRow).where(StatusHistoryRow.fact_id.in_(subset))
    for h in session.scalars(query_h.order_by(StatusHistoryRow.position)):
        source = _span(h.doc_id, h.start, h.end, h.quote)
        history[h.fact_id].append({"status": h.status, "date": h.date, "source": source})
    targets = sorted({t for f in facts for t in (f.within_id, f.part_of_id, f.framework_id) if t})
    canonical: dict[str, str] = {}
    for part in chunks(targets):
        query_c = select(FactRow.id, FactRow.canonical_id).where(FactRow.id.in_(part))
        canonical.update((k, v) for k, v in session.execute(query_c))
    return [
        _fact_record(f, participants[f.id], sources[f.id], history[f.id], canonical, persons) for f in facts
    ]


def _fact_record(
    f: FactRow,
    participants: list[str],
    sources: list[dict[str, Any]],
    history: list[dict[str, Any]],
    canonical: dict[str, str],
    persons: set[str] | frozenset[str] = frozenset(),
) -> dict[str, Any]:
    def target(fact_id: str | None) -> str | None:
        return canonical.get(fact_id, fact_id) if fact_id else None

    record: dict[str, Any] = {
        "type": f.type,
        "id": f.id,
        "kind": f.kind,
        "title": f.title,
        "status": f.status,
        "status_history": history,
        "sources": sources,
        "countries": list(f.countries or []),
        "domains": list(f.domains or []),
        "rule": f.rule,
        "evidence": list(f.evidence or []),
    }
    if f.type == "agreement":  # the persons who sign for their side are its signatories (records.md)
        record |= {
            "parties": [a for a in participants if a not in persons],
            "signatories": [a for a in participants if a in persons],
            "date": f.date,
            "place": f.place,
            "within": target(f.within_id),
        }
    elif f.type == "initiative":
        record |= {
            "participants": participants,
            "start": f.date,
            "end": f.end_date,
            "framework": target(f.framework_id),
        }
    else:
        record |= {
            "participants": participants,
            "date": f.date,
            "end_date": f.end_date,
            "place": f.place,
            "venue": f.venue_actor_id or f.venue_name,
            "part_of": target(f.part_of_id),
        }
    record["canonical_id"] = f.canonical_id
    return record


def merge_records(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per canonical id (members in id order, merged by `merge_group`), in export order."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        groups[record["canonical_id"]].append(record)
    merged = []
    for canonical_id, members in groups.items():
        members = [{k: v for k, v in m.items() if k != "canonical_id"} for m in members]
        members.sort(key=lambda m: m["id"])
        record = dict(merge_group(members))
        record["id"] = canonical_id
        merged.append(record)
    merged.sort(key=lambda r: (FACT_TYPE_ORDER.get(r["type"], 9), r["id"]))
    return finalise(merged)
