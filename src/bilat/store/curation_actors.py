"""Curation of actors: merge two actors, split a wrongly merged one, undo either; kept across re-ingestion.

A merge moves everything that points to the absorbed actor (mentions, fact participants, venues,
roles, aliases) to the one that stays and deletes the absorbed row; its aliases now lead the
resolver to the actor that stays. A split moves the mentions under some of an actor's names to a
new actor. `apply_actor_decisions` replays the standing decisions after each ingest (in the merge
transaction, bilat.pipeline.merge_facts), for what new articles brought.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bilat.errors import NotFound
from bilat.model.ids import make_id
from bilat.model.names import fold
from bilat.store.audit import AuditEntry, audit_record, write_audit
from bilat.store.curation import Conflict, Decision, InvalidEdit, _active, _rebuild
from bilat.store.tables import ActorAlias, ActorRole, ActorRow, FactParticipant, FactRow, MentionRow, utcnow


def _need_actor(session: Session, id: str) -> ActorRow:
    row = session.get(ActorRow, id)
    if row is None:
        raise NotFound(f"no actor with id {id!r}", "list the actors at /api/actors")
    return row


def _snapshot(session: Session, row: ActorRow) -> dict[str, Any]:
    aliases = session.execute(select(ActorAlias.alias, ActorAlias.norm).where(ActorAlias.actor_id == row.id))
    roles = session.execute(
        select(ActorRole.title, ActorRole.organization_id, ActorRole.country, ActorRole.doc_id).where(
            ActorRole.actor_id == row.id
        )
    )
    return {
        "id": row.id,
        "kind": row.kind,
        "name": row.name,
        "country": row.country,
        "category": row.category,
        "external_ids": dict(row.external_ids or {}),
        "aliases": [list(a) for a in aliases],
        "roles": [list(r) for r in roles],
    }


def _norms(session: Session, actor_id: str) -> set[str]:
    return set(session.scalars(select(ActorAlias.norm).where(ActorAlias.actor_id == actor_id)))


def _move_participants(session: Session, from_id: str, to_id: str, facts: list[str] | None = None) -> None:
    """Fact participants (and venues) `from_id` -> `to_id`, for all facts or only these."""
    where = [FactParticipant.actor_id == from_id]
    if facts is not None:
        where.append(FactParticipant.fact_id.in_(facts))
    rows = list(session.execute(select(FactParticipant.fact_id, FactParticipant.position).where(*where)))
    has_to = set(session.scalars(select(FactParticipant.fact_id).where(FactParticipant.actor_id == to_id)))
    for fact_id, _position in rows:
        if fact_id in has_to:
            session.execute(
                delete(FactParticipant).where(
                    FactParticipant.fact_id == fact_id, FactParticipant.actor_id == from_id
                )
            )
        else:
            session.execute(
                update(FactParticipant)
                .where(FactParticipant.fact_id == fact_id, FactParticipant.actor_id == from_id)
                .values(actor_id=to_id)
            )
    venue = [FactRow.venue_actor_id == from_id] + ([FactRow.id.in_(facts)] if facts is not None else [])
    session.execute(update(FactRow).where(*venue).values(venue_actor_id=to_id))


def _redirect(session: Session, from_id: str, to_id: str) -> None:
    """Everything that points to `from_id` points to `to_id`; `from_id`'s row goes."""
    session.execute(update(MentionRow).where(MentionRow.actor_id == from_id).values(actor_id=to_id))
    _move_participants(session, from_id, to_id)
    session.execute(
        update(ActorRole).where(ActorRole.organization_id == from_id).values(organization_id=to_id)
    )
    session.execute(update(ActorRole).where(ActorRole.actor_id == from_id).values(actor_id=to_id))
    have = _norms(session, to_id)
    for alias in list(session.scalars(select(ActorAlias).where(ActorAlias.actor_id == from_id))):
        if alias.norm in have:
            session.delete(alias)
        else:
            alias.actor_id = to_id
            have.add(alias.norm)
    session.flush()
    session.execute(delete(ActorRow).where(ActorRow.id == from_id))
    session.flush()


def _move_by_names(session: Session, from_id: str, to_id: str, norms: set[str]) -> None:
    """Mentions of `from_id` written as one of `norms` go to `to_id`; so do the facts of the
    documents where `from_id` is no longer mentioned but `to_id` is."""
    mentions = list(
        session.execute(
            select(MentionRow.id, MentionRow.text, MentionRow.doc_id).where(MentionRow.actor_id == from_id)
        )
    )
    moved = [m for m in mentions if fold(m[1]) in norms]
    if not moved:
        return
    for part in range(0, len(moved), 500):
        ids = [m[0] for m in moved[part : part + 500]]
        session.execute(update(MentionRow).where(MentionRow.id.in_(ids)).values(actor_id=to_id))
    docs = {m[2] for m in moved}
    still = set(
        session.scalars(
            select(MentionRow.doc_id).where(MentionRow.actor_id == from_id, MentionRow.doc_id.in_(docs))
        )
    )
    gone = sorted(docs - still)
    if gone:
        facts = list(session.scalars(select(FactRow.id).where(FactRow.doc_id.in_(gone))))
        _move_participants(session, from_id, to_id, facts)
    session.flush()


def merge_actors(session: Session, user: str, id: str, other: str) -> dict[str, Any]:
    """Merge actor `other` into actor `id` (which stays); returns the audit entry."""
    keep, gone = _need_actor(session, id), _need_actor(session, other)
    if keep.id == gone.id:
        raise Conflict(f"{id} is one actor", "pick two different actors")
    if keep.kind != gone.kind:
        raise Conflict(f"{id} is a {keep.kind}, {other} a {gone.kind}", "merge actors of one kind")
    snapshot = _snapshot(session, gone)
    own = sorted(_norms(session, keep.id))
    # where the absorbed actor took part, to give it back on undo (with whether the kept one did too)
    keep_facts = set(
        session.scalars(select(FactParticipant.fact_id).where(FactParticipant.actor_id == keep.id))
    )
    parts = session.execute(
        select(FactParticipant.fact_id, FactParticipant.position).where(FactParticipant.actor_id == gone.id)
    )
    snapshot["participants"] = [[f, position, f in keep_facts] for f, position in parts]
    snapshot["venues"] = list(session.scalars(select(FactRow.id).where(FactRow.venue_actor_id == gone.id)))
    _redirect(session, gone.id, keep.id)
    decision = Decision(
        target_type="actor",
        target_id=gone.id,
        action="merge",
        value={"into": keep.id},
        author=user,
        created_at=utcnow(),
    )
    session.add(decision)
    session.flush()
    before = {"actors": [keep.id, gone.id], "absorbed": snapshot, "kept_norms": own}
    after = {"actor": keep.id, "decisions": [decision.id]}
    entry = write_audit(session, user, "merge", "actor", keep.id, before, after)
    decision.audit_id = entry.id
    _rebuild(session)
    return audit_record(entry)


def split_actor(session: Session, user: str, id: str, names: list[str]) -> dict[str, Any]:
    """Move the mentions of actor `id` written as one of `names` (its aliases) to a new actor
    named by the first of them; returns the audit entry."""
    row = _need_actor(session, id)
    norms = {fold(n) for n in names if fold(n)}
    own = _norms(session, row.id)
    if not norms or not norms <= own:
        raise InvalidEdit(f"split: names must be aliases of {id}", "name one or more of the actor's aliases")
    if own - norms == set():
        raise Conflict("split: no name would stay with the actor", "leave it at least one of its names")
    name = next(n for n in names if fold(n))
    new_id = make_id("a", row.kind, fold(name))
    if session.get(ActorRow, new_id) is not None:  # the name made the actor's own id
        new_id = make_id("a", row.kind, fold(name), "split from", row.id)
    if session.get(ActorRow, new_id) is not None:
        raise Conflict(
            f"an actor {new_id} exists already", f"merge instead, or split under another name than {name!r}"
        )
    session.add(
        ActorRow(
            id=new_id, kind=row.kind, name=name, country=row.country, category=row.category, external_ids={}
        )
    )
    session.flush()
    session.execute(
        update(ActorAlias)
        .where(ActorAlias.actor_id == row.id, ActorAlias.norm.in_(norms))
        .values(actor_id=new_id)
    )
    _move_by_names(session, row.id, new_id, norms)
    decision = Decision(
        target_type="actor",
        target_id=row.id,
        action="split",
        value={"new_id": new_id, "name": name, "norms": sorted(norms)},
        author=user,
        created_at=utcnow(),
    )
    session.add(decision)
    session.flush()
    before = {"actor": row.id, "names": sorted(own)}
    after = {"actors": [row.id, new_id], "new": new_id, "moved": sorted(norms), "decisions": [decision.id]}
    entry = write_audit(session, user, "split", "actor", row.id, before, after)
    decision.audit_id = entry.id
    _rebuild(session)
    return audit_record(entry)


def undo_actor_action(session: Session, entry: AuditEntry) -> None:
    """Reverse an actor merge or split (its decisions are marked undone by the caller)."""
    before, after = entry.before or {}, entry.after or {}
    if entry.action == "merge":
        gone = before["absorbed"]
        keep = after["actor"]
        if session.get(ActorRow, gone["id"]) is None:
            fields = {k: gone[k] for k in ("id", "kind", "name", "country", "category", "external_ids")}
            session.add(ActorRow(**fields))
            session.flush()
        kept_norms = set(before.get("kept_norms") or [])
        moved = {norm for _alias, norm in gone["aliases"]} - kept_norms
        session.execute(
            update(ActorAlias)
            .where(ActorAlias.actor_id == keep, ActorAlias.norm.in_(sorted(moved)))
            .values(actor_id=gone["id"])
        )
        have = _norms(session, gone["id"])
        for alias, norm in gone["aliases"]:
            if norm not in have:
                session.add(ActorAlias(actor_id=gone["id"], alias=alias, norm=norm))
                have.add(norm)
        for title, organization, country, doc in gone["roles"]:
            session.add(
                ActorRole(
                    actor_id=gone["id"],
                    title=title,
                    organization_id=organization,
                    country=country,
                    doc_id=doc,
                )
            )
        session.flush()
        _move_by_names(session, keep, gone["id"], moved)
        _give_back(session, keep, gone)
    elif entry.action == "split":
        new_id = after["new"]
        if session.get(ActorRow, new_id) is not None:
            _redirect(session, new_id, entry.target_id)
    session.flush()


def _give_back(session: Session, keep: str, gone: dict[str, Any]) -> None:
    """The facts the absorbed actor took part in (or was the venue of) before its merge get it back."""
    for fact_id, position, shared in gone.get("participants") or []:
        if session.get(FactRow, fact_id) is None or session.get(FactParticipant, (fact_id, gone["id"])):
            continue
        if shared or session.get(FactParticipant, (fact_id, keep)) is None:
            session.add(FactParticipant(fact_id=fact_id, actor_id=gone["id"], position=position))
        else:
            row = session.get(FactParticipant, (fact_id, keep))
            assert row is not None
            row.actor_id = gone["id"]
        session.flush()
    venues = gone.get("venues") or []
    if venues:
        session.execute(
            update(FactRow)
            .where(FactRow.id.in_(venues), FactRow.venue_actor_id == keep)
            .values(venue_actor_id=gone["id"])
        )


def apply_actor_decisions(session: Session) -> int:
    """Replay the standing actor decisions on what is stored now (after an ingest): references
    to a merged-away actor move to the one it was merged into; mentions under a split-off name
    move to the split actor. Returns how many decisions were replayed."""
    decisions = _active(session, "actor")
    for d in decisions:
        if d.action == "merge":
            into = d.value["into"]
            if session.get(ActorRow, into) is None:
                continue
            pointing = session.scalar(
                select(MentionRow.id).where(MentionRow.actor_id == d.target_id).limit(1)
            )
            if pointing is not None or session.get(ActorRow, d.target_id) is not None:
                _redirect(session, d.target_id, into)
        elif d.action == "split":
            new_id = d.value["new_id"]
            if session.get(ActorRow, new_id) is not None and session.get(ActorRow, d.target_id) is not None:
                _move_by_names(session, d.target_id, new_id, set(d.value["norms"]))
    return len(decisions)
