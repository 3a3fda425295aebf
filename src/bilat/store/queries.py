"""The one read API of the store (export, CLI, API, web): plain dicts in the shape of records.md.

Facts are read from the listing (store/listing.py: merged when the merge changes them), except
by the export, which merges the stored facts itself."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.orm import Session

from bilat.model.names import fold
from bilat.model.vocab import FACT_TYPES
from bilat.store.rows import (
    actor_record,
    chunks,
    document_record,
    load_actors,
    load_fact_records,
)
from bilat.store.tables import (
    ActorRole,
    ActorRow,
    DocumentRow,
    FactParticipant,
    FactRow,
    FactSource,
    Judgement,
    ListedFact,
    ListedTerm,
    MentionRow,
    Run,
    StatusHistoryRow,
)


def all_fact_rows(session: Session, type: str | None = None) -> list[dict[str, Any]]:
    """Unmerged fact records (export shape plus `canonical_id`), sorted by fact id, for the merger."""
    return load_fact_records(session, *([FactRow.type == type] if type else []))


def _merged_facts(session: Session) -> list[dict[str, Any]]:
    """Merged facts as exported: without those editors rejected, with their edits (store.curation).
    All stored facts are merged, never a filtered part (an inherited date needs its source fact)."""
    from bilat.store.listing import listed_records  # the listing applies curation's decisions

    return listed_records(session)


def _mentioned_actor_ids(session: Session, kind: str | None = None) -> list[str]:
    query = select(MentionRow.actor_id).where(MentionRow.actor_id.is_not(None)).distinct()
    if kind is not None:
        query = query.join(ActorRow, ActorRow.id == MentionRow.actor_id).where(ActorRow.kind == kind)
    return sorted(a for a in session.scalars(query) if a)


def _actors_of_facts(session: Session, facts: list[dict[str, Any]]) -> set[str]:
    """The actors an analyst wants listed: those taking part in the facts (parties, signatories,
    participants, venues), the bodies those people represent, the countries and cities the facts
    name, and the names recognised in the articles that state the facts. A page that states no
    cooperation fact (a match report, a domestic story) gives no actor: its names stay mentions
    of their document."""
    ids: set[str] = set()
    codes: set[str] = set()
    places: set[str] = set()
    for fact in facts:
        for field in ("parties", "signatories", "participants"):
            ids.update(fact.get(field) or ())
        if fact.get("venue"):
            ids.add(fact["venue"])
        codes.update(fact.get("countries") or ())
        if fact.get("place"):
            places.add(fold(fact["place"]))
    for part in chunks(sorted(ids)):  # the bodies they represent
        bodies = select(ActorRole.organization_id).where(
            ActorRole.actor_id.in_(part), ActorRole.organization_id.is_not(None)
        )
        ids.update(a for a in session.scalars(bodies) if a)
    sources = sorted({source["doc"] for fact in facts for source in fact.get("sources") or ()})
    for part in chunks(sources):  # the names of the articles that state facts
        mentioned = select(MentionRow.actor_id).where(MentionRow.doc_id.in_(part)).distinct()
        ids.update(a for a in session.scalars(mentioned) if a)
    named = select(ActorRow.id, ActorRow.kind, ActorRow.country, ActorRow.name).where(
        ActorRow.kind.in_(("country", "city"))
    )
    for actor_id, kind, country, name in session.execute(named):
        if (kind == "country" and country in codes) or (kind == "city" and fold(name) in places):
            ids.add(actor_id)
    return ids


def export_records(session: Session, with_text: bool = True) -> Iterator[dict[str, Any]]:
    """Documents, then the actors of the facts (`_actors_of_facts`), then merged agreements,
    initiatives, events.

    Each group is sorted by id; a merged fact's id is its cluster (canonical) id.
    """
    for row in session.scalars(select(DocumentRow).order_by(DocumentRow.id)):
        yield document_record(row, with_text)
    facts = _merged_facts(session)
    for actor in load_actors(session, _actors_of_facts(session, facts)):
        yield actor_record(actor)
    yield from facts


def _fact_filters(
    type: str | None, kind: str | None, status: str | None, q: str | None
) -> list[ColumnElement[bool]] | None:
    """The WHERE clauses of a fact listing query; None when nothing can match (`q` folds to nothing)."""
    where: list[ColumnElement[bool]] = []
    if type is not None:
        where.append(ListedFact.type == type)
    if kind is not None:
        where.append(ListedFact.kind == kind)
    if status is not None:
        where.append(ListedFact.status == status)
    if q is not None:
        needle = fold(q)
        if not needle:
            return None
        where.append(func.instr(ListedFact.search, needle) > 0)
    return where


def _listed(
    session: Session,
    columns: Sequence[Any],
    type: str | None,
    kind: str | None,
    status: str | None,
    q: str | None,
    limit: int,
    offset: int,
) -> tuple[list[Row[Any]], int]:
    where = _fact_filters(type, kind, status, q)
    if where is None:
        return [], 0
    total = session.scalar(select(func.count()).select_from(ListedFact).where(*where)) or 0
    if offset >= total:
        return [], total
    page = select(*columns).where(*where).order_by(ListedFact.position).limit(limit).offset(offset)
    return list(session.execute(page)), total


def list_facts_json(
    session: Session,
    type: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    q: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[str], int]:
    """`list_facts` with each record as the JSON text it is stored as (for the API, unparsed)."""
    rows, total = _listed(session, [ListedFact.record], type, kind, status, q, limit, offset)
    return [row[0] for row in rows], total


def list_facts(
    session: Session,
    type: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    q: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Merged facts (as the last merge listed them) filtered by type, kind, status and words `q`
    found in the title or a quote (accents, case and punctuation folded); one page and the total.

    A `q` with nothing to look for once folded (only punctuation or spaces) matches nothing.
    """
    records, total = list_facts_json(session, type, kind, status, q, limit, offset)
    return [json.loads(record) for record in records], total


_SUMMARY = (
    ListedFact.id,
    ListedFact.type,
    ListedFact.kind,
    ListedFact.title,
    ListedFact.status,
    ListedFact.date,
    ListedFact.countries,
    ListedFact.sources,
)


def _summary(row: Row[Any]) -> dict[str, Any]:
    id_, type_, kind, title, status, date, countries, sources = row
    return {
        "id": id_,
        "type": type_,
        "kind": kind,
        "title": title,
        "status": status,
        "date": date,
        "countries": list(countries or []),
        "source_count": sources,
    }


def list_fact_summaries(
    session: Session,
    type: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    q: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """The facts `list_facts` gives, in the same order, as summaries for lists: id, type, kind,
    title, status, date (an initiative's start), countries and `source_count`."""
    rows, total = _listed(session, _SUMMARY, type, kind, status, q, limit, offset)
    return [_summary(row) for row in rows], total


def fact_summaries(session: Session, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Summaries (as `list_fact_summaries`) of the listed facts with these canonical ids, by id."""
    found: dict[str, dict[str, Any]] = {}
    for part in chunks(sorted(set(ids))):
        for row in session.execute(select(*_SUMMARY).where(ListedFact.id.in_(part))):
            found[row[0]] = _summary(row)
    return found


def get_fact_json(session: Session, id: str) -> str | None:
    """`get_fact` as the JSON text it is stored as."""
    record = session.scalar(select(ListedFact.record).where(ListedFact.id == id))
    if record is None:
        canonical = session.scalar(select(FactRow.canonical_id).where(FactRow.id == id))
        if canonical is None or canonical == id:
            return None
        record = session.scalar(select(ListedFact.record).where(ListedFact.id == canonical))
    return record


def get_fact(session: Session, id: str) -> dict[str, Any] | None:
    """The merged fact with this (canonical) id, or the merged fact that this fact id is part of."""
    record = get_fact_json(session, id)
    return json.loads(record) if record is not None else None


def list_documents(session: Session, limit: int = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Documents without their text, sorted by id."""
    total = session.scalar(select(func.count()).select_from(DocumentRow)) or 0
    rows = session.scalars(select(DocumentRow).order_by(DocumentRow.id).limit(limit).offset(offset))
    return [document_record(row, with_text=False) for row in rows], total


def get_document(session: Session, id: str) -> dict[str, Any] | None:
    """The document with its text and `spans`: every actor mention and fact quote in it."""
    row = session.get(DocumentRow, id)
    if row is None:
        return None
    record = document_record(row, with_text=True)
    record["spans"] = _spans(session, id)
    return record


def _spans(session: Session, doc_id: str) -> list[dict[str, Any]]:
    spans: list[dict[str, Any]] = []
    mentions = session.execute(
        select(MentionRow.start, MentionRow.end, MentionRow.text, MentionRow.actor_id, ActorRow.name)
        .outerjoin(ActorRow, ActorRow.id == MentionRow.actor_id)
        .where(MentionRow.doc_id == doc_id)
    )
    for start, end, text, actor_id, name in mentions:
        spans.append(
            {
                "start": start,
                "end": end,
                "kind": "actor",
                "label": name or text,
                "ref_id": actor_id,
                "role": "mention",
            }
        )
    sources = session.execute(
        select(FactSource.start, FactSource.end, FactRow.type, FactRow.title, FactRow.canonical_id)
        .join(FactRow, FactRow.id == FactSource.fact_id)
        .where(FactSource.doc_id == doc_id)
    )
    for start, end, type_, title, canonical_id in sources:
        spans.append(
            {
                "start": start,
                "end": end,
                "kind": type_,
                "label": title,
                "ref_id": canonical_id,
                "role": "source",
            }
        )
    history = session.execute(
        select(
            StatusHistoryRow.start,
            StatusHistoryRow.end,
            StatusHistoryRow.status,
            FactRow.type,
            FactRow.title,
            FactRow.canonical_id,
        )
        .join(FactRow, FactRow.id == StatusHistoryRow.fact_id)
        .where(StatusHistoryRow.doc_id == doc_id, StatusHistoryRow.start.is_not(None))
    )
    seen = {(s["start"], s["end"], s["ref_id"]) for s in spans}
    for start, end, status, type_, title, canonical_id in history:
        if (start, end, canonical_id) not in seen:
            seen.add((start, end, canonical_id))
            spans.append(
                {
                    "start": start,
                    "end": end,
                    "kind": type_,
                    "label": f"{title} ({status})",
                    "ref_id": canonical_id,
                    "role": "status",
                }
            )
    spans.sort(key=lambda s: (s["start"], -s["end"], s["kind"], s["ref_id"] or ""))
    return spans


def list_actors(
    session: Session, kind: str | None = None, limit: int = 100, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Actors mentioned in at least one document (those the export holds), sorted by id."""
    mentioned = select(MentionRow.actor_id).where(MentionRow.actor_id.is_not(None), MentionRow.actor_id != "")
    if kind is not None:
        mentioned = mentioned.join(ActorRow, ActorRow.id == MentionRow.actor_id).where(ActorRow.kind == kind)
    ids = mentioned.distinct().subquery()
    total = session.scalar(select(func.count()).select_from(ids)) or 0
    page = session.scalars(select(ids.c.actor_id).order_by(ids.c.actor_id).limit(limit).offset(offset))
    return [actor_record(a) for a in load_actors(session, list(page))], total


def actor_names(session: Session, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Id, kind and name of these actors, by id (unknown ids are left out): for links."""
    found: dict[str, dict[str, Any]] = {}
    for part in chunks(sorted(set(ids))):
        for id_, kind, name in session.execute(
            select(ActorRow.id, ActorRow.kind, ActorRow.name).where(ActorRow.id.in_(part))
        ):
            found[id_] = {"id": id_, "kind": kind, "name": name}
    return found


def get_actor(session: Session, id: str) -> dict[str, Any] | None:
    """The actor, plus `mentions` (how many) and `facts` (canonical ids of facts it takes part in)."""
    found = load_actors(session, [id])
    if not found:
        return None
    record = actor_record(found[0])
    record["mentions"] = session.scalar(select(func.count()).where(MentionRow.actor_id == id)) or 0
    takes_part = select(FactParticipant.fact_id).where(FactParticipant.actor_id == id)
    participant = select(FactRow.canonical_id).where(FactRow.id.in_(takes_part))
    venue = select(FactRow.canonical_id).where(FactRow.venue_actor_id == id)
    record["facts"] = sorted(set(session.scalars(participant)) | set(session.scalars(venue)))
    return record


def stats(session: Session) -> dict[str, Any]:
    """Counts: totals, merged facts by type, kind and status (per type), documents by language,
    facts by country pair (each sorted pair of a fact's countries, joined "FR-KZ")."""
    by_kind: dict[str, Counter[str]] = {t: Counter() for t in FACT_TYPES}
    by_status: dict[str, Counter[str]] = {t: Counter() for t in FACT_TYPES}
    counts = session.execute(
        select(ListedFact.type, ListedFact.kind, ListedFact.status, func.count()).group_by(
            ListedFact.type, ListedFact.kind, ListedFact.status
        )
    )
    for type_, kind, status, n in counts:
        by_kind.setdefault(type_, Counter())[kind] += n
        by_status.setdefault(type_, Counter())[status or "unknown"] += n
    # each listed fact's sorted pairs of countries are listing terms (pair:FR-KZ): counted by index
    pair_terms = session.execute(
        select(ListedTerm.key, func.count())
        .where(ListedTerm.key.between("pair:", "pair:\uffff"))
        .group_by(ListedTerm.key)
    )
    pairs = {key.removeprefix("pair:"): n for key, n in pair_terms}
    facts = sum(sum(c.values()) for c in by_kind.values())
    languages = session.execute(select(DocumentRow.language, func.count()).group_by(DocumentRow.language))
    actors = session.scalar(select(func.count(MentionRow.actor_id.distinct()))) or 0
    documents = session.scalar(select(func.count()).select_from(DocumentRow)) or 0
    by_type: dict[str, int] = {"document": documents, "actor": actors}
    by_type |= {t: sum(by_kind[t].values()) for t in by_kind}
    return {
        "documents": documents,
        "actors": actors,
        "facts": facts,
        "by_type": by_type,
        "by_kind": {t: dict(sorted(c.items())) for t, c in by_kind.items()},
        "by_status": {t: dict(sorted(c.items())) for t, c in by_status.items()},
        "by_language": dict(sorted((lang or "unknown", n) for lang, n in languages)),
        "by_country_pair": dict(sorted(pairs.items())),
    }


def list_runs(session: Session, limit: int = 20) -> list[dict[str, Any]]:
    """The latest extraction runs, newest first."""
    runs = session.scalars(select(Run).order_by(Run.started_at.desc(), Run.id.desc()).limit(limit))
    return [
        {
            "id": r.id,
            "started_at": r.started_at.isoformat(),
            "version": r.version,
            "finished_at": r.finished_at.isoformat() if r.finished_at else None,
            "state": r.state,  # running | finished | interrupted | failed | killed
            "noticed_at": r.noticed_at.isoformat() if r.noticed_at else None,
            "settings": r.settings,
            "rules": r.rules,
            "counts": r.counts,
        }
        for r in runs
    ]


def list_judgements(session: Session, include_deleted: bool = False) -> list[dict[str, Any]]:
    """Judgements on pairs of ids, oldest first (retracted ones only with `include_deleted`)."""
    query = select(Judgement).order_by(Judgement.id)
    if not include_deleted:
        query = query.where(Judgement.deleted_at.is_(None))
    return [
        {
            "id": j.id,
            "left_id": j.left_id,
            "right_id": j.right_id,
            "judgement": j.judgement,
            "author": j.author,
            "created_at": j.created_at.isoformat(),
            "deleted_at": j.deleted_at.isoformat() if j.deleted_at else None,
        }
        for j in session.scalars(query)
    ]


def facts_to_cluster(session: Session) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Every stored fact with what `resolve.facts.cluster` compares of it (type, kind, title,
    date, countries, actors taking part, venue, the document of its first source; parties and
    signatories as `participants`, which it reads alike), sorted by id as store.queries.all_fact_rows
    gives them, and the canonical id each has now. Quotes and status histories are not read."""
    records: dict[str, dict[str, Any]] = {}
    stored: dict[str, str] = {}
    facts = select(
        FactRow.id,
        FactRow.type,
        FactRow.kind,
        FactRow.title,
        FactRow.date,
        FactRow.countries,
        FactRow.venue_actor_id,
        FactRow.venue_name,
        FactRow.canonical_id,
    ).order_by(FactRow.id)
    for id_, type_, kind, title, date, countries, venue_id, venue_name, canonical in session.execute(facts):
        records[id_] = {
            "type": type_,
            "id": id_,
            "kind": kind,
            "title": title,
            "start" if type_ == "initiative" else "date": date,
            "countries": list(countries or []),
            "participants": [],
            "sources": [],
            "venue": (venue_id or venue_name) if type_ == "event" else None,
        }
        stored[id_] = canonical
    query = select(FactParticipant.fact_id, FactParticipant.actor_id).join(
        ActorRow, ActorRow.id == FactParticipant.actor_id
    )
    for fact_id, actor_id in session.execute(query.order_by(FactParticipant.position)):
        records[fact_id]["participants"].append(actor_id)
    first = select(FactSource.fact_id, FactSource.doc_id).order_by(FactSource.fact_id, FactSource.position)
    for fact_id, doc_id in session.execute(first):
        sources = records[fact_id]["sources"]
        if not sources:
            sources.append({"doc": doc_id})
    return list(records.values()), stored


def actor_kinds(session: Session) -> dict[str, str]:
    """The kind of every actor mentioned in a document (the actors store.queries.list_actors lists)."""
    mentioned = (
        select(ActorRow.id, ActorRow.kind)
        .join(MentionRow, MentionRow.actor_id == ActorRow.id)
        .where(MentionRow.actor_id != "")
        .distinct()
    )
    return {id_: kind for id_, kind in session.execute(mentioned)}
