"""Validate the blind gold file against the export contract (shared/spec/records.md).

Usage (from the repository root)::

    python3 tests/quality/blind/check_gold.py [path/to/gold.jsonl]

Checks that every line parses, ids are unique, references resolve, vocabularies
are respected, dates are ISO, and every quote equals the article text at its
offsets. Prints counts per record type; exits 1 on any problem.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"

ACTOR_KINDS = {"country", "city", "region", "organization", "person"}
ORG_CATEGORIES = {
    "government",
    "municipality",
    "museum",
    "cultural_institution",
    "film_body",
    "education",
    "research",
    "company",
    "media",
    "international_organization",
    "ngo",
    "other",
}
AGREEMENT_KINDS = {
    "treaty",
    "intergovernmental_agreement",
    "memorandum_of_understanding",
    "declaration_of_intent",
    "joint_declaration",
    "cooperation_pact",
    "partnership",
    "friendship_agreement",
    "twinning",
    "contract",
    "other",
}
AGREEMENT_STATUS = {
    "proposed",
    "under_negotiation",
    "announced",
    "signed",
    "in_force",
    "suspended",
    "terminated",
}
INITIATIVE_KINDS = {
    "exchange_programme",
    "training",
    "internship",
    "scholarship",
    "joint_exhibition",
    "joint_research",
    "publication",
    "restoration",
    "co_production",
    "distribution",
    "dubbing",
    "promotion",
    "expert_mission",
    "regular_meetings",
    "energy_project",
    "infrastructure",
    "investment",
    "other",
}
INITIATIVE_STATUS = {
    "idea",
    "proposed",
    "agreed",
    "planned",
    "ongoing",
    "completed",
    "stalled",
    "cancelled",
}
EVENT_KINDS = {
    "state_visit",
    "official_visit",
    "working_visit",
    "meeting",
    "talks",
    "signing_ceremony",
    "exhibition",
    "inauguration",
    "film_week",
    "festival",
    "screening",
    "conference",
    "seminar",
    "performance",
    "summit",
    "referendum",
    "other",
}
EVENT_STATUS = {"planned", "held", "cancelled"}
DOMAINS = {
    "culture",
    "museums",
    "heritage",
    "archaeology",
    "restoration",
    "cinema",
    "literature",
    "fashion",
    "children",
    "performing_arts",
    "education",
    "science",
    "language",
    "media",
    "tourism",
    "sport",
    "energy",
    "nuclear",
    "mining",
    "renewables",
    "climate",
    "water",
    "transport",
    "trade",
    "investment",
    "diplomacy",
    "security",
    "health",
    "agriculture",
    "digital",
}
FACT_VOCAB: dict[str, tuple[set[str], set[str], str, tuple[str, ...]]] = {
    "agreement": (AGREEMENT_KINDS, AGREEMENT_STATUS, "parties", ("date",)),
    "initiative": (INITIATIVE_KINDS, INITIATIVE_STATUS, "participants", ("start", "end")),
    "event": (EVENT_KINDS, EVENT_STATUS, "participants", ("date", "end_date")),
}
ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
ISO_COUNTRY = re.compile(r"^[A-Z]{2}$")


class Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def check_str(self, where: str, rec: dict[str, Any], key: str, required: bool = True) -> None:
        value = rec.get(key)
        if value is None and not required:
            return
        if not isinstance(value, str) or not value.strip():
            self.fail(where, f"'{key}' must be a non-empty string")

    def check_bool(self, where: str, rec: dict[str, Any], key: str) -> None:
        if not isinstance(rec.get(key), bool):
            self.fail(where, f"'{key}' must be true or false")

    def check_date(self, where: str, rec: dict[str, Any], key: str) -> None:
        value = rec.get(key)
        if value is not None and (not isinstance(value, str) or not ISO_DATE.match(value)):
            self.fail(where, f"'{key}' is not an ISO date: {value!r}")

    def check_country(self, where: str, value: Any, label: str, nullable: bool = True) -> None:
        if value is None and nullable:
            return
        if not isinstance(value, str) or not ISO_COUNTRY.match(value):
            self.fail(where, f"{label} is not an ISO 3166-1 alpha-2 code: {value!r}")

    def check_list(self, where: str, rec: dict[str, Any], key: str) -> list[Any]:
        value = rec.get(key)
        if not isinstance(value, list):
            self.fail(where, f"'{key}' must be a list")
            return []
        return value


def load(path: Path, chk: Checker) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            chk.fail(f"line {lineno}", "empty line")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            chk.fail(f"line {lineno}", f"invalid JSON ({exc})")
            continue
        if not isinstance(rec, dict):
            chk.fail(f"line {lineno}", "not a JSON object")
            continue
        rec["_line"] = lineno
        records.append(rec)
    return records


def check_document(rec: dict[str, Any], where: str, chk: Checker, texts: dict[str, str]) -> None:
    for key in ("source", "language"):
        chk.check_str(where, rec, key)
    chk.check_date(where, rec, "published")
    if rec.get("published_basis") not in (None, "metadata", "text", "none"):
        chk.fail(where, f"bad published_basis {rec.get('published_basis')!r}")
    path = ARTICLES / str(rec.get("source"))
    if not path.is_file():
        chk.fail(where, f"article file not found: {path.name}")
        return
    texts[rec["id"]] = path.read_text(encoding="utf-8")


def check_actor(rec: dict[str, Any], where: str, chk: Checker, ids: dict[str, str]) -> None:
    kind = rec.get("kind")
    if kind not in ACTOR_KINDS:
        chk.fail(where, f"bad actor kind {kind!r}")
    chk.check_str(where, rec, "name")
    chk.check_bool(where, rec, "required")
    chk.check_country(where, rec.get("country"), "country")
    aliases = chk.check_list(where, rec, "aliases")
    if any(not isinstance(a, str) or not a.strip() for a in aliases):
        chk.fail(where, "aliases must be non-empty strings")
    if kind == "organization" and rec.get("category") not in ORG_CATEGORIES:
        chk.fail(where, f"bad or missing organization category {rec.get('category')!r}")
    if kind != "organization" and "category" in rec:
        chk.fail(where, "'category' is for organizations only")
    roles = rec.get("roles")
    if roles is None:
        return
    if kind != "person" or not isinstance(roles, list):
        chk.fail(where, "'roles' must be a list, on persons only")
        return
    for role in roles:
        if not isinstance(role, dict) or not isinstance(role.get("title"), str):
            chk.fail(where, f"bad role {role!r}")
            continue
        org = role.get("organization")
        if org is not None and ids.get(org) != "actor":
            chk.fail(where, f"role organization {org!r} is no actor id")
        chk.check_country(where, role.get("country"), "role country")


def check_sources(rec: dict[str, Any], where: str, chk: Checker, texts: dict[str, str]) -> None:
    sources = chk.check_list(where, rec, "sources")
    if not sources:
        chk.fail(where, "a fact needs at least one source")
    for i, src in enumerate(sources):
        at = f"{where} source {i}"
        if not isinstance(src, dict):
            chk.fail(at, "not an object")
            continue
        doc, start, end, quote = src.get("doc"), src.get("start"), src.get("end"), src.get("quote")
        if doc not in texts:
            chk.fail(at, f"unknown document {doc!r}")
            continue
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(texts[doc])):
            chk.fail(at, f"bad offsets {start!r}..{end!r}")
            continue
        if not isinstance(quote, str) or texts[doc][start:end] != quote:
            chk.fail(at, f"quote differs from text[{start}:{end}] = {texts[doc][start:end]!r}")


def check_fact(
    rec: dict[str, Any], where: str, chk: Checker, ids: dict[str, str], texts: dict[str, str]
) -> None:
    rtype = rec["type"]
    kinds, statuses, who_key, date_keys = FACT_VOCAB[rtype]
    if rec.get("kind") not in kinds:
        chk.fail(where, f"bad {rtype} kind {rec.get('kind')!r}")
    for alt in rec.get("kind_any", []) or []:
        if alt not in kinds:
            chk.fail(where, f"bad kind_any value {alt!r}")
    if rec.get("status") not in statuses:
        chk.fail(where, f"bad {rtype} status {rec.get('status')!r}")
    chk.check_str(where, rec, "title")
    chk.check_bool(where, rec, "required")
    for actor_id in chk.check_list(where, rec, who_key):
        if ids.get(actor_id) != "actor":
            chk.fail(where, f"{who_key} entry {actor_id!r} is no actor id")
    for code in chk.check_list(where, rec, "countries"):
        chk.check_country(where, code, "countries entry", nullable=False)
    domains = chk.check_list(where, rec, "domains")
    for domain in domains:
        if domain not in DOMAINS:
            chk.fail(where, f"unknown domain {domain!r}")
    for key in date_keys:
        chk.check_date(where, rec, key)
    links = {"within": {"event"}, "part_of": {"event"}, "framework": {"agreement", "initiative"}}
    for key, allowed in links.items():
        target = rec.get(key)
        if target is None:
            continue
        if ids.get(target) not in allowed:
            chk.fail(where, f"'{key}' {target!r} does not resolve to {sorted(allowed)}")
        elif target == rec["id"]:
            chk.fail(where, f"'{key}' points to itself")
    venue = rec.get("venue")
    if venue is not None and (not isinstance(venue, str) or not venue.strip()):
        chk.fail(where, "'venue' must be an actor id or a name")
    check_sources(rec, where, chk, texts)


def main(argv: list[str] | None = None) -> int:
    argv = argv if argv is not None else []
    path = Path(argv[1]) if len(argv) > 1 else HERE / "gold.jsonl"
    chk = Checker()
    records = load(path, chk)
    ids: dict[str, str] = {}
    for rec in records:
        where = f"line {rec['_line']}"
        rid, rtype = rec.get("id"), rec.get("type")
        if rtype not in {"document", "actor", *FACT_VOCAB}:
            chk.fail(where, f"unknown type {rtype!r}")
            continue
        if not isinstance(rid, str) or not rid:
            chk.fail(where, "missing id")
            continue
        if rid in ids:
            chk.fail(where, f"duplicate id {rid!r}")
        ids[rid] = rtype
    texts: dict[str, str] = {}
    for rec in records:
        where = f"line {rec['_line']} ({rec.get('id')})"
        if rec.get("type") == "document":
            check_document(rec, where, chk, texts)
    for rec in records:
        where = f"line {rec['_line']} ({rec.get('id')})"
        if rec.get("type") == "actor":
            check_actor(rec, where, chk, ids)
        elif rec.get("type") in FACT_VOCAB and isinstance(rec.get("id"), str):
            check_fact(rec, where, chk, ids, texts)
    on_disk = {p.name for p in ARTICLES.glob("*.txt")}
    for missing in sorted(on_disk - set(texts)):
        chk.fail("articles", f"{missing} has no document record")
    counts = Counter(str(rec.get("type")) for rec in records)
    required = Counter(str(rec.get("type")) for rec in records if rec.get("required") is True)
    for rtype in ("document", "actor", "agreement", "initiative", "event"):
        extra = f" ({required[rtype]} required)" if rtype != "document" else ""
        print(f"{rtype:<11} {counts[rtype]:>4}{extra}")
    if chk.problems:
        print(f"\n{len(chk.problems)} problem(s):", file=sys.stderr)
        for problem in chk.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
