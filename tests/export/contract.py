"""A checker of export records against records.md: fields, vocabularies, references and quotes."""

from __future__ import annotations

from typing import Any

from bilat.model.dates import PartialDate
from bilat.model.vocab import FACT_TYPES, vocab

COMMON_FACT = {"type", "id", "kind", "title", "status", "sources", "countries", "domains"}
FIELDS = {
    "document": {"type", "id", "source", "title", "published", "language"},
    "actor": {"type", "id", "kind", "name", "aliases", "country"},
    "agreement": COMMON_FACT | {"parties", "signatories", "date", "place", "within"},
    "initiative": COMMON_FACT | {"participants", "start", "end", "framework"},
    "event": COMMON_FACT | {"participants", "date", "end_date", "place", "venue", "part_of"},
}
RELATION = {"agreement": "within", "initiative": "framework", "event": "part_of"}


def _date(value: Any) -> bool:
    return value is None or (PartialDate.parse(value) is not None and len(value) in (4, 7, 10))


def problems(records: list[dict[str, Any]], with_text: bool = True) -> list[str]:
    """Every way the records break the contract (empty when they keep it)."""
    v = vocab()
    found: list[str] = []
    ids = [r["id"] for r in records]
    if len(ids) != len(set(ids)):
        found.append("ids are not unique")
    by_type: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in FIELDS}
    for r in records:
        if r.get("type") not in FIELDS:
            found.append(f"{r.get('id')}: unknown type {r.get('type')!r}")
            continue
        by_type[r["type"]][r["id"]] = r
        missing = FIELDS[r["type"]] - set(r)
        if missing:
            found.append(f"{r['id']}: missing {sorted(missing)}")
    texts = {d: r.get("text") for d, r in by_type["document"].items()}
    for d, r in by_type["document"].items():
        if with_text and not isinstance(r.get("text"), str):
            found.append(f"{d}: no text")
        if r.get("published_basis") not in v.published_basis:
            found.append(f"{d}: published_basis {r.get('published_basis')!r}")
        if not _date(r["published"]):
            found.append(f"{d}: published {r['published']!r}")
    actors = by_type["actor"]
    for a, r in actors.items():
        if r["kind"] not in v.actor_kinds:
            found.append(f"{a}: actor kind {r['kind']!r}")
        if r["kind"] == "organization" and r.get("category") not in (None, *v.organization_categories):
            found.append(f"{a}: category {r.get('category')!r}")
        for role in r.get("roles", []):
            if set(role) != {"title", "organization", "country"}:
                found.append(f"{a}: role fields {sorted(role)}")
    facts = {i: r for t in FACT_TYPES for i, r in by_type[t].items()}
    for i, r in facts.items():
        t = r["type"]
        if r["kind"] not in v.kinds[t]:
            found.append(f"{i}: {t} kind {r['kind']!r}")
        if r["status"] is not None and r["status"] not in v.statuses[t]:
            found.append(f"{i}: {t} status {r['status']!r}")
        for change in r.get("status_history", []):
            if change["status"] not in v.statuses[t]:
                found.append(f"{i}: history status {change['status']!r}")
        found += [f"{i}: domain {d!r}" for d in r["domains"] if d not in v.domains]
        found += [f"{i}: country {c!r}" for c in r["countries"] if not (len(c) == 2 and c.isupper())]
        for name in ("date", "start", "end", "end_date"):
            if name in r and not _date(r[name]):
                found.append(f"{i}: {name} {r[name]!r}")
        for field in ("parties", "signatories", "participants"):
            for actor_id in r.get(field, []):
                if actor_id not in actors:
                    found.append(f"{i}: unknown actor {actor_id!r} in {field}")
                    continue
                person = actors[actor_id]["kind"] == "person"
                if field != "participants" and person != (field == "signatories"):
                    found.append(f"{i}: {field} holds {actors[actor_id]['kind']} {actor_id!r}")
        if t == "event" and r["venue"] is not None and not isinstance(r["venue"], str):
            found.append(f"{i}: venue {r['venue']!r}")
        target = r[RELATION[t]]
        if target is not None and target not in facts:
            found.append(f"{i}: {RELATION[t]} points to unknown fact {target!r}")
        if not r["sources"]:
            found.append(f"{i}: no sources")
        spans = list(r["sources"]) + [c["source"] for c in r.get("status_history", []) if c["source"]]
        for s in spans:
            if set(s) != {"doc", "start", "end", "quote"}:
                found.append(f"{i}: source fields {sorted(s)}")
            elif s["doc"] not in texts:
                found.append(f"{i}: source in unknown document {s['doc']!r}")
            elif with_text and texts[s["doc"]][s["start"] : s["end"]] != s["quote"]:
                found.append(f"{i}: quote {s['quote']!r} is not the text at {s['start']}:{s['end']}")
    return found
