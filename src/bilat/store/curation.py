"""Curation in the store: editors' decisions on facts, the audit log, and undo.

Decisions are keyed by what survives re-ingestion and re-extraction: the ids of the stored facts a
merged fact was made of (`f-…`, hashed from the document and the fact's place in it), not the merged
fact's canonical id, which changes when a new article joins the cluster. They are applied where
merged facts are materialised (`apply_fact_decisions`, called by store.listing.rebuild_listing and
by the export), so pages, API and exports agree: a rejected fact is left out, an edited field keeps
its edit. Fact merges and splits are judgements (store.judgements) that the clustering obeys.
Every action writes one audit row (store.audit) in the transaction of its change; undo is audited too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bilat.errors import BilatError, NotFound
from bilat.model.dates import PartialDate
from bilat.model.vocab import vocab
from bilat.resolve.facts import cluster
from bilat.store.account_tables import Decision
from bilat.store.audit import audit_record, get_audit, write_audit
from bilat.store.judgements import add_judgement, retract_judgement
from bilat.store.rows import load_fact_records, merge_records
from bilat.store.tables import ActorRow, FactRow, Judgement, MentionRow, utcnow

VERDICTS = ("confirmed", "rejected")
EDITABLE = ("kind", "status", "date", "start", "end", "end_date", "parties", "signatories", "participants")
_FIELDS_OF = {
    "agreement": ("kind", "status", "date", "parties", "signatories"),
    "initiative": ("kind", "status", "start", "end", "participants"),
    "event": ("kind", "status", "date", "end_date", "participants"),
}
_DATES = ("date", "start", "end", "end_date")
_ACTOR_LISTS = ("parties", "signatories", "participants")


class Conflict(BilatError):
    """The action cannot apply to the store as it is (undo twice, merge a fact with itself...)."""

    code = "conflict"


class InvalidEdit(BilatError):
    code = "invalid_parameter"


# --- applying decisions to merged facts -------------------------------------------------------


def _members(record: dict[str, Any]) -> list[str]:
    return list(record.get("merged_from") or [record["id"]])


def _active(session: Session, target_type: str) -> list[Decision]:
    query = select(Decision).where(Decision.target_type == target_type, Decision.undone_at.is_(None))
    return list(session.scalars(query.order_by(Decision.id)))


def _fact_state(decisions: Iterable[Decision]) -> tuple[str | None, dict[str, Any]]:
    """The standing verdict and edited fields of the decisions on one fact (later ones win)."""
    verdict: str | None = None
    edits: dict[str, Any] = {}
    for d in sorted(decisions, key=lambda d: d.id):
        if d.action == "verdict":
            verdict = d.value.get("verdict")
        elif d.action == "edit":
            edits.update(d.value.get("fields") or {})
    return verdict, edits


def _by_member(decisions: Iterable[Decision]) -> dict[str, list[Decision]]:
    found: dict[str, list[Decision]] = defaultdict(list)
    for d in decisions:
        for member in d.value.get("members") or [d.target_id]:
            found[member].append(d)
    return found


def _decided(record: dict[str, Any], by_member: dict[str, list[Decision]]) -> list[Decision]:
    seen: dict[int, Decision] = {}
    for member in _members(record):
        for d in by_member.get(member, ()):
            seen[d.id] = d
    return list(seen.values())


def _edited(record: dict[str, Any], edits: dict[str, Any]) -> dict[str, Any]:
    allowed = _FIELDS_OF.get(record["type"], ())
    changed = {k: v for k, v in edits.items() if k in allowed}
    return {**record, **changed} if changed else record


def split_by_decisions(
    session: Session, records: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Merged records with their edits applied: (kept, rejected)."""
    by_member = _by_member(_active(session, "fact"))
    if not by_member:
        return records, []
    kept, rejected = [], []
    for record in records:
        verdict, edits = _fact_state(_decided(record, by_member))
        record = _edited(record, edits)
        (rejected if verdict == "rejected" else kept).append(record)
    return kept, rejected


def apply_fact_decisions(session: Session, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The merged records minus the rejected ones, with their edited fields: what is listed and exported."""
    return split_by_decisions(session, records)[0]


def curated_fact(session: Session, id: str) -> dict[str, Any] | None:
    """The merged fact with this canonical (or member) id as curated, rejected or not, with
    `curation`: its verdict, edited fields and members. None when no stored fact has this id."""
    canonical = session.scalar(select(FactRow.canonical_id).where(FactRow.id == id))
    if canonical is None:
        return None
    records = merge_records(load_fact_records(session, FactRow.canonical_id == canonical))
    if not records:
        return None
    record = records[0]
    verdict, edits = _fact_state(_decided(record, _by_member(_active(session, "fact"))))
    record = _edited(record, edits)
    record["curation"] = {"verdict": verdict, "edited": sorted(edits), "members": _members(record)}
    return record


def curation_state(session: Session, record: dict[str, Any]) -> dict[str, Any]:
    """The `curation` of a merged record as listed (verdict, edited fields, members), without
    merging its facts again: for pages that show a listed fact."""
    verdict, edits = _fact_state(_decided(record, _by_member(_active(session, "fact"))))
    return {"verdict": verdict, "edited": sorted(edits), "members": _members(record)}


def rejected_facts(session: Session) -> list[dict[str, Any]]:
    """Summaries of the facts a standing decision rejects (for editors)."""
    decided = [d for d in _active(session, "fact") if d.action == "verdict"]
    members = sorted({m for d in decided for m in d.value.get("members") or [d.target_id]})
    canonical = set()
    for part in range(0, len(members), 500):
        query = select(FactRow.canonical_id).where(FactRow.id.in_(members[part : part + 500]))
        canonical |= set(session.scalars(query))
    out = []
    for cid in sorted(canonical):
        record = curated_fact(session, cid)
        if record is not None and record["curation"]["verdict"] == "rejected":
            keep = ("id", "type", "kind", "title", "status", "date", "start", "countries")
            out.append({k: record.get(k) for k in keep})
    return out


# --- re-clustering with the judgements ----------------------------------------------------------


def fact_judgements(session: Session) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The standing judgements between facts: (same pairs, different pairs); the latest on a pair wins."""
    latest: dict[tuple[str, str], str] = {}
    rows = session.execute(
        select(Judgement.left_id, Judgement.right_id, Judgement.judgement)
        .where(Judgement.deleted_at.is_(None), Judgement.left_id.like("f-%"))
        .order_by(Judgement.id)
    )
    for left, right, judgement in rows:
        latest[(left, right)] = judgement
    same = [pair for pair, j in latest.items() if j == "same"]
    different = [pair for pair, j in latest.items() if j == "different"]
    return same, different


def recluster(session: Session) -> int:
    """Cluster the stored facts again, obeying the judgements, then rebuild the listing (one
    transaction: the caller's). Returns the number of clusters."""
    from bilat.store.listing import rebuild_listing  # listing applies this module's decisions

    rows = load_fact_records(session)
    # the kinds of the actors mentioned, as bilat.pipeline.merge_facts clusters with (queries.list_actors)
    mentioned = (
        select(ActorRow.id, ActorRow.kind).join(MentionRow, MentionRow.actor_id == ActorRow.id).distinct()
    )
    kinds = {id_: kind for id_, kind in session.execute(mentioned)}
    same, different = fact_judgements(session)
    mapping = cluster(rows, kinds, same=same, different=different)
    # what store.write.set_canonical_ids does (not imported: write reads through queries, which
    # applies this module's decisions to the export)
    session.execute(update(FactRow).values(canonical_id=FactRow.id))
    if mapping:
        session.execute(update(FactRow), [{"id": k, "canonical_id": v} for k, v in mapping.items()])
    rebuild_listing(session)
    return len(set(mapping.values()))


# --- actions on facts ----------------------------------------------------------------------------


def _need_fact(session: Session, id: str) -> dict[str, Any]:
    record = curated_fact(session, id)
    if record is None:
        raise NotFound(f"no fact with id {id!r}", "list the facts at /api/facts")
    return record


def _decide(
    session: Session, user: str, record: dict[str, Any], action: str, value: dict[str, Any]
) -> Decision:
    members = record["curation"]["members"]
    decision = Decision(
        target_type="fact",
        target_id=record["id"],
        action=action,
        value={**value, "members": members},
        author=user,
        created_at=utcnow(),
    )
    session.add(decision)
    session.flush()
    return decision


def _rebuild(session: Session) -> None:
    from bilat.store.listing import rebuild_listing

    rebuild_listing(session)


def set_verdict(
    session: Session, user: str, id: str, verdict: str, note: str | None = None
) -> dict[str, Any]:
    """Confirm or reject a fact; returns the audit entry."""
    if verdict not in VERDICTS:
        raise InvalidEdit(f"unknown verdict {verdict!r}", f"use one of: {', '.join(VERDICTS)}")
    record = _need_fact(session, id)
    before = record["curation"]["verdict"]
    decision = _decide(session, user, record, "verdict", {"verdict": verdict})
    action = "confirm" if verdict == "confirmed" else "reject"
    after = {
        "verdict": verdict,
        "note": note,
        "decisions": [decision.id],
        "members": decision.value["members"],
    }
    entry = write_audit(session, user, action, "fact", record["id"], {"verdict": before}, after)
    decision.audit_id = entry.id
    _rebuild(session)
    return audit_record(entry)


def _check_edit(session: Session, record: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    type_ = record["type"]
    allowed = _FIELDS_OF[type_]
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in allowed:
            raise InvalidEdit(f"{name}: not a field of an {type_}", f"edit one of: {', '.join(allowed)}")
        if name == "kind" and value not in vocab().kinds[type_]:
            raise InvalidEdit(
                f"kind: {value!r} is not a kind of {type_}", f"use one of: {', '.join(vocab().kinds[type_])}"
            )
        if name == "status" and value is not None and value not in vocab().statuses[type_]:
            raise InvalidEdit(
                f"status: {value!r} is not a status of {type_}",
                f"use one of: {', '.join(vocab().statuses[type_])}",
            )
        if name in _DATES and value not in (None, "") and PartialDate.parse(str(value)) is None:
            raise InvalidEdit(f"{name}: {value!r} is not a date", "write YYYY, YYYY-MM or YYYY-MM-DD")
        if name in _DATES:
            value = str(PartialDate.parse(str(value))) if value not in (None, "") else None
        if name in _ACTOR_LISTS:
            if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
                raise InvalidEdit(
                    f"{name}: a list of actor ids is expected", 'send actor ids, e.g. ["country-FR"]'
                )
            value = list(dict.fromkeys(value))
            known = set(session.scalars(select(ActorRow.id).where(ActorRow.id.in_(value))))
            if unknown := [a for a in value if a not in known]:
                raise InvalidEdit(f"{name}: unknown actors {unknown[:5]}", "use ids listed at /api/actors")
        clean[name] = value
    if not clean:
        raise InvalidEdit("nothing to edit", f"send one or more of: {', '.join(allowed)}")
    return clean


def edit_fact(session: Session, user: str, id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Edit fields of a fact (kind, status, dates, parties, signatories, participants); the edit
    stands over what extraction says until undone. Returns the audit entry."""
    record = _need_fact(session, id)
    clean = _check_edit(session, record, fields)
    before = {name: record.get(name) for name in clean}
    decision = _decide(session, user, record, "edit", {"fields": clean})
    after = {**clean, "decisions": [decision.id]}
    entry = write_audit(session, user, "edit", "fact", record["id"], before, after)
    decision.audit_id = entry.id
    _rebuild(session)
    return audit_record(entry)


def merge_facts(session: Session, user: str, id: str, other: str) -> dict[str, Any]:
    """Judge two merged facts the same: they become one (judgements between their members)."""
    left, right = _need_fact(session, id), _need_fact(session, other)
    if left["id"] == right["id"]:
        raise Conflict(f"{id} and {other} are one fact already", "pick two different facts")
    if left["type"] != right["type"]:
        raise Conflict(f"{id} is an {left['type']}, {other} an {right['type']}", "merge facts of one type")
    judgement = add_judgement(session, left["id"], right["id"], "same", user)
    # a "different" judgement standing between their members would keep them apart: retract it
    a, b = set(left["curation"]["members"]), set(right["curation"]["members"])
    retracted = []
    for row in session.scalars(
        select(Judgement).where(Judgement.deleted_at.is_(None), Judgement.judgement == "different")
    ):
        if (row.left_id in a and row.right_id in b) or (row.left_id in b and row.right_id in a):
            retract_judgement(session, row.id)
            retracted.append(row.id)
    recluster(session)
    merged = session.scalar(select(FactRow.canonical_id).where(FactRow.id == left["id"]))
    before = {"facts": [left["id"], right["id"]], "members": sorted(a | b)}
    after = {"fact": merged, "judgements": [judgement], "retracted": retracted}
    entry = write_audit(session, user, "merge", "fact", left["id"], before, after)
    return audit_record(entry)


def split_fact(session: Session, user: str, id: str, members: list[str]) -> dict[str, Any]:
    """Take these stored facts out of the merged fact: judged different from the members that stay."""
    record = _need_fact(session, id)
    current = record["curation"]["members"]
    out = [m for m in dict.fromkeys(members)]
    if not out or any(m not in current for m in out):
        raise InvalidEdit(
            f"split: members must be among {current}", "name stored fact ids of this merged fact"
        )
    stay = [m for m in current if m not in out]
    if not stay:
        raise Conflict("split: nothing would stay", "leave at least one member")
    judgements = [add_judgement(session, a, b, "different", user) for a in out for b in stay]
    # "same" judgements linking the two sides would join them again: retract them
    retracted = []
    for row in session.scalars(
        select(Judgement).where(Judgement.deleted_at.is_(None), Judgement.judgement == "same")
    ):
        if {row.left_id, row.right_id} & set(out) and {row.left_id, row.right_id} & set(stay):
            retract_judgement(session, row.id)
            retracted.append(row.id)
    recluster(session)
    canonical = {
        k: v
        for k, v in session.execute(select(FactRow.id, FactRow.canonical_id).where(FactRow.id.in_(current)))
    }
    before = {"fact": record["id"], "members": current}
    after = {
        "facts": sorted(set(canonical.values())),
        "split": out,
        "judgements": judgements,
        "retracted": retracted,
    }
    entry = write_audit(session, user, "split", "fact", record["id"], before, after)
    return audit_record(entry)


# --- undo ----------------------------------------------------------------------------------------


def undo(session: Session, user: str, entry_id: int) -> dict[str, Any]:
    """Undo one curation action (not an undo); the undo is audited and points to what it undid."""
    entry = get_audit(session, entry_id)
    if entry.undone_by is not None:
        raise Conflict(f"audit entry {entry_id} was undone already (by {entry.undone_by})", "nothing to do")
    if entry.action == "undo":
        raise Conflict("an undo cannot be undone", "do the action again instead")
    after = entry.after or {}
    now = utcnow()
    if after.get("decisions"):
        session.execute(update(Decision).where(Decision.id.in_(after["decisions"])).values(undone_at=now))
    for judgement in after.get("judgements") or []:
        retract_judgement(session, judgement)
    for judgement in after.get("retracted") or []:
        restored = session.get(Judgement, judgement)
        if restored is not None:
            restored.deleted_at = None
    if entry.target_type == "actor":
        from bilat.store.curation_actors import undo_actor_action

        undo_actor_action(session, entry)
    if entry.action in ("merge", "split") and entry.target_type == "fact":
        recluster(session)
    else:
        _rebuild(session)
    record = write_audit(session, user, "undo", entry.target_type, entry.target_id, entry.after, entry.before)
    record.undoes = entry.id
    entry.undone_by = record.id
    session.flush()
    return audit_record(record)
