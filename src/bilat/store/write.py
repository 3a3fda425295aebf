"""The only writer of the store: one document and all extracted from it in one transaction."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bilat.errors import StoreError
from bilat.model.ids import make_id
from bilat.model.names import fold
from bilat.model.records import Actor, Extraction, Fact, Mention, Source
from bilat.store import driver
from bilat.store.index import DbActorIndex
from bilat.store.judgements import add_judgement, retract_judgement
from bilat.store.queries import all_fact_rows
from bilat.store.rows import chunks
from bilat.store.runs import finish_run, start_run
from bilat.store.search_index import index_document
from bilat.store.tables import (
    ActorAlias,
    ActorRole,
    ActorRow,
    DocumentRow,
    FactParticipant,
    FactRow,
    FactSource,
    MentionRow,
    StatusHistoryRow,
    utcnow,
)

__all__ = [  # the writing API in one place; runs, judgements, the actor index and fact rows re-exported
    "DbActorIndex",
    "SaveResult",
    "add_judgement",
    "all_fact_rows",
    "finish_run",
    "retract_judgement",
    "save_extraction",
    "set_canonical_ids",
    "start_run",
    "stored_hashes",
]


# the tables written with plain statements on the driver's cursor (store/driver.py: no ORM
# bookkeeping per row, no SQLAlchemy statement per write)
_DOCUMENTS = DocumentRow.__table__
_ACTORS = ActorRow.__table__
_ALIASES = ActorAlias.__table__
_ROLES = ActorRole.__table__
_MENTIONS = MentionRow.__table__
_FACTS = FactRow.__table__


class Resolution(Protocol):
    """What bilat.resolve.actors hands over: an actor id per mention and the actors themselves."""

    mention_actor: list[str]
    actors: dict[str, Actor]


@dataclass
class SaveResult:
    doc_id: str  # the id stored: the document's own, or `name~hash8` when that was taken
    status: str  # new | renamed (id taken by other content) | replaced (same content re-extracted)
    mentions: int = 0
    facts: int = 0
    actors_created: int = 0
    actors_updated: int = 0


def stored_hashes(session: Session) -> set[str]:
    """Content hashes of every stored document (an ingest run skips these as unchanged)."""
    return set(session.scalars(select(DocumentRow.content_hash)))


def save_extraction(
    session: Session,
    extraction: Extraction,
    resolution: Resolution,
    run_id: str | None = None,
    *,
    commit: bool = True,
) -> SaveResult:
    """Write the document, its mentions, actors and facts; all of it or nothing.

    The writes run in a savepoint: on any error nothing of this document remains and the error
    is raised. With `commit` (the default) each document is its own committed transaction.
    Saving content that is stored already replaces that document's extraction (a re-run with
    newer rules); fact ids are stable, so their cluster ids are kept.
    """
    _check(extraction, resolution)
    doc = extraction.document
    try:
        with session.begin_nested():
            result, kept = _save_document(session, extraction, run_id)
            result.actors_created, result.actors_updated = _save_actors(
                session, resolution.actors, result.doc_id
            )
            result.mentions = _save_mentions(session, extraction.mentions, resolution, result.doc_id)
            result.facts = _save_facts(session, extraction, resolution, result.doc_id, kept)
            index_document(session, result.doc_id)  # searchable with the transaction that stores it
    except (IntegrityError, sqlite3.IntegrityError) as exc:  # statements of SQLAlchemy, of the driver
        reason = getattr(exc, "orig", exc)
        raise StoreError(
            f"{doc.id}: not saved, the store refused it: {reason}", "a bug: please report it"
        ) from exc
    if commit:
        session.commit()
    return result


def _check(extraction: Extraction, resolution: Resolution) -> None:
    """Refuse spans whose quote is not the text at their offsets (records.md: quote == text[start:end])."""
    doc = extraction.document
    if len(resolution.mention_actor) != len(extraction.mentions):
        raise StoreError(
            f"{doc.id}: {len(resolution.mention_actor)} actor ids for {len(extraction.mentions)} mentions",
            "the resolution must give one actor id per mention, in order",
        )
    spans: list[tuple[str, int, int, str]] = [
        (f"mention {m.text!r}", m.start, m.end, m.text) for m in extraction.mentions
    ]
    for fact in extraction.facts:
        spans += [(f"fact {fact.title!r}", s.start, s.end, s.quote) for s in fact.sources]
        spans += [
            (f"status of {fact.title!r}", c.source.start, c.source.end, c.source.quote)
            for c in fact.status_history
            if c.source
        ]
    for what, start, end, quote in spans:
        if doc.text[start:end] != quote:
            raise StoreError(
                f"{doc.id}: the quote of {what} is not the text at {start}:{end}",
                "extraction must quote exactly text[start:end]",
            )


def _save_document(
    session: Session, extraction: Extraction, run_id: str | None
) -> tuple[SaveResult, dict[str, str]]:
    """Insert the document (or take over the stored one with the same text); returns the result
    so far and, on replacement, the cluster ids of the facts that were there."""
    doc = extraction.document
    fields = {
        "source": doc.source,
        "title": doc.title,
        "published": doc.published,
        "published_basis": doc.published_basis or "none",
        "language": doc.language,
        "text": doc.text,
        "run_id": run_id,
    }
    found = driver.select(session, "SELECT id FROM documents WHERE content_hash = ?", [doc.content_hash])
    existing_id = found[0][0] if found else None
    # the id only: the stored text is not read back for a document that is new (the usual case)
    if existing_id is not None:
        existing = session.get_one(DocumentRow, existing_id)
        kept = _clear_document(session, existing.id)
        for name, value in fields.items():
            if name != "source":  # the stored file keeps its name
                setattr(existing, name, value)
        existing.ingested_at = utcnow()
        session.flush()
        return SaveResult(existing.id, "replaced"), kept
    doc_id, status = doc.id, "new"
    if driver.select(session, "SELECT id FROM documents WHERE id = ?", [doc_id]):
        doc_id, status = f"{doc.id}~{doc.content_hash[:8]}", "renamed"
    # a plain INSERT (the table's defaults apply), not an ORM object the session would track
    driver.insert(session, _DOCUMENTS, [{"id": doc_id, "content_hash": doc.content_hash, **fields}])
    return SaveResult(doc_id, status), {}


def _clear_document(session: Session, doc_id: str) -> dict[str, str]:
    """Delete what was extracted from a document (not the document, nor the actors); returns
    the cluster id of each deleted fact."""
    facts = select(FactRow.id).where(FactRow.doc_id == doc_id)
    kept = dict(
        session.execute(select(FactRow.id, FactRow.canonical_id).where(FactRow.doc_id == doc_id)).all()
    )
    for table in (FactParticipant, FactSource, StatusHistoryRow):
        session.execute(delete(table).where(table.fact_id.in_(facts)))
    session.execute(delete(FactRow).where(FactRow.doc_id == doc_id))
    session.execute(delete(MentionRow).where(MentionRow.doc_id == doc_id))
    return kept


def _save_actors(session: Session, actors: Mapping[str, Actor], doc_id: str) -> tuple[int, int]:
    """Insert new actors; update name/country/category when given; add unseen aliases and roles.

    Plain INSERT and UPDATE statements on rows read as tuples: no ORM object per actor, alias
    or role (for a page's ~20 actors they cost more than SQLite's work)."""
    ids = sorted(actors)
    rows: dict[str, _StoredActor] = {}
    norms: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, set[tuple[str, str | None, str | None]]] = defaultdict(set)
    external = driver.result_processor(session, _ACTORS, "external_ids")
    for part in chunks(ids):
        marks = ", ".join("?" * len(part))
        stored = f"SELECT id, name, country, category, external_ids FROM actors WHERE id IN ({marks})"
        for id_, name, country, category, external_ids in driver.select(session, stored, part):
            rows[id_] = _StoredActor(id_, name, country, category, external(external_ids))
        for actor_id, norm in driver.select(
            session, f"SELECT actor_id, norm FROM actor_aliases WHERE actor_id IN ({marks})", part
        ):
            norms[actor_id].add(norm)
        for actor_id, title, organization, country in driver.select(
            session,
            f"SELECT actor_id, title, organization_id, country FROM actor_roles WHERE actor_id IN ({marks})",
            part,
        ):
            roles[actor_id].add((title, organization, country))
    created = updated = 0
    new_actors: list[dict[str, Any]] = []
    changes: list[tuple[str, dict[str, Any]]] = []
    new_aliases: list[dict[str, Any]] = []
    new_roles: list[dict[str, Any]] = []
    for actor_id in ids:
        actor = actors[actor_id]
        row = rows.get(actor_id)
        if row is None:
            new_actors.append(
                {
                    "id": actor_id,
                    "kind": actor.kind,
                    "name": actor.name,
                    "country": actor.country,
                    "category": actor.category,
                    "external_ids": dict(actor.external_ids),
                }
            )
            created += 1
            changed = False
        else:
            change = _actor_change(row, actor)
            if change:
                changes.append((actor_id, change))
            changed = bool(change)
        for alias in [actor.name, *actor.aliases]:
            norm = fold(alias)
            if norm and norm not in norms[actor_id]:
                norms[actor_id].add(norm)
                new_aliases.append({"actor_id": actor_id, "alias": alias, "norm": norm})
                changed = True
        for role in actor.roles:
            key = (role.title, role.organization, role.country)
            if role.title and key not in roles[actor_id]:
                roles[actor_id].add(key)
                new_roles.append(
                    {
                        "actor_id": actor_id,
                        "title": role.title,
                        "organization_id": role.organization,
                        "country": role.country,
                        "doc_id": doc_id,
                    }
                )
                changed = True
        updated += row is not None and changed
    driver.insert(session, _ACTORS, new_actors)  # actors before their aliases and roles
    for actor_id, change in changes:
        driver.update(session, _ACTORS, "id", actor_id, change)
    driver.insert(session, _ALIASES, new_aliases)
    driver.insert(session, _ROLES, new_roles)
    return created, updated


@dataclass
class _StoredActor:
    """The columns of a stored actor that a new extraction may change."""

    id: str
    name: str
    country: str | None
    category: str | None
    external_ids: dict[str, Any]


def _actor_change(row: Any, actor: Actor) -> dict[str, Any]:
    """The columns of a stored actor (a row of id, name, country, category, external_ids) that
    `actor` changes: name, country and category when given and different; external ids added."""
    change: dict[str, Any] = {}
    for name in ("name", "country", "category"):
        value = getattr(actor, name)
        if value and getattr(row, name) != value:
            change[name] = value
    if any(row.external_ids.get(k) != v for k, v in actor.external_ids.items()):
        change["external_ids"] = {**row.external_ids, **actor.external_ids}
    return change


def _save_mentions(session: Session, mentions: Sequence[Mention], resolution: Resolution, doc_id: str) -> int:
    referenced = {a for a in resolution.mention_actor if a}
    unknown = sorted(referenced - set(resolution.actors))
    if unknown:
        known = set(session.scalars(select(ActorRow.id).where(ActorRow.id.in_(unknown))))
        if missing := [a for a in unknown if a not in known]:
            raise StoreError(
                f"{doc_id}: mentions point to unknown actors {missing[:5]}",
                "the resolution must list every new actor in `actors`",
            )
    rows = [
        {
            "id": make_id("m", doc_id, i, m.start, m.end),
            "doc_id": doc_id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "kind": m.kind,
            "actor_id": actor_id,
        }
        for i, (m, actor_id) in enumerate(zip(mentions, resolution.mention_actor, strict=True))
    ]
    driver.insert(session, _MENTIONS, rows)  # every row at once: no ORM object per row
    return len(mentions)


def _mention_index(mentions: Sequence[Mention]) -> Callable[[Mention, str], int]:
    by_identity = {id(m): i for i, m in enumerate(mentions)}
    by_span = {(m.start, m.end): i for i, m in enumerate(mentions)}

    def index(m: Mention, doc_id: str) -> int:
        found = by_identity.get(id(m), by_span.get((m.start, m.end)))
        if found is None:
            raise StoreError(
                f"{doc_id}: a fact refers to mention {m.text!r} that is not among the mentions",
                "facts must reuse the Mention objects of extraction.mentions",
            )
        return found

    return index


def _save_facts(
    session: Session, extraction: Extraction, resolution: Resolution, doc_id: str, kept: Mapping[str, str]
) -> int:
    facts = extraction.facts
    local_ids = [f.local_id or f"#{i}" for i, f in enumerate(facts)]
    if len(set(local_ids)) != len(local_ids):
        raise StoreError(f"{doc_id}: two facts share a local id", "extract must give unique local ids")
    ids = [make_id("f", doc_id, local) for local in local_ids]
    index = _mention_index(extraction.mentions)

    def related(i: int | None) -> str | None:
        if i is None:
            return None
        if not 0 <= i < len(ids):
            raise StoreError(f"{doc_id}: a fact points to fact #{i}, out of range", "a bug in extract")
        return ids[i]

    rows: list[dict[str, Any]] = []
    children: list[Any] = []
    for i, (fact, fact_id) in enumerate(zip(facts, ids, strict=True)):
        venue_actor = None
        if fact.venue is not None:
            venue_actor = resolution.mention_actor[index(fact.venue, doc_id)] or None
        rows.append(
            {
                "id": fact_id,
                "doc_id": doc_id,
                "position": i,
                "local_id": local_ids[i],
                "type": fact.type,
                "kind": fact.kind,
                "title": fact.title,
                "status": fact.status,
                "date": fact.date,
                "end_date": fact.end_date,
                "place": fact.place,
                "venue_actor_id": venue_actor,
                "venue_name": (fact.venue.name or fact.venue.text) if fact.venue else None,
                "rule": fact.rule,
                "evidence": list(fact.evidence),
                "domains": list(fact.domains),
                "countries": list(fact.countries),
                "within_id": related(fact.within),
                "part_of_id": related(fact.part_of),
                "framework_id": related(fact.framework),
                "canonical_id": kept.get(fact_id, fact_id),
            }
        )
        children += _fact_children(
            fact, fact_id, doc_id, [resolution.mention_actor[index(m, doc_id)] for m in fact.participants]
        )
    driver.insert(session, _FACTS, rows)  # facts before their participants, sources and history
    by_table: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for table, row in children:
        by_table[table].append(row)
    for table, rows in by_table.items():
        driver.insert(session, table.__table__, rows)
    return len(facts)


def _fact_children(
    fact: Fact, fact_id: str, doc_id: str, actor_ids: Iterable[str | None]
) -> list[tuple[Any, dict[str, Any]]]:
    """(table, row) pairs of a fact's participants, sources and status history."""
    children: list[tuple[Any, dict[str, Any]]] = []
    for position, actor_id in enumerate(dict.fromkeys(a for a in actor_ids if a)):
        children.append((FactParticipant, {"fact_id": fact_id, "actor_id": actor_id, "position": position}))
    for position, s in enumerate(fact.sources):
        children.append(
            (
                FactSource,
                {
                    "fact_id": fact_id,
                    "position": position,
                    "doc_id": doc_id,
                    "start": s.start,
                    "end": s.end,
                    "quote": s.quote,
                },
            )
        )
    for position, change in enumerate(fact.status_history):
        src: Source | None = change.source
        children.append(
            (
                StatusHistoryRow,
                {
                    "fact_id": fact_id,
                    "position": position,
                    "status": change.status,
                    "date": change.date,
                    "doc_id": doc_id if src else None,
                    "start": src.start if src else None,
                    "end": src.end if src else None,
                    "quote": src.quote if src else None,
                },
            )
        )
    return children


def set_canonical_ids(session: Session, mapping: Mapping[str, str], *, reset: bool = False) -> None:
    """Store the cluster id of each fact id in `mapping`; `reset` first makes every fact its own."""
    if reset:
        session.execute(update(FactRow).values(canonical_id=FactRow.id))
    if mapping:
        session.execute(update(FactRow), [{"id": k, "canonical_id": v} for k, v in mapping.items()])
    session.flush()
