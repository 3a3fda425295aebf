"""Validate the held-out development gold (tests/quality/dev/gold.jsonl) against its articles.

Run from the repository root:  python3 tests/quality/dev/check_gold.py
Standard library only. Exits 1 and lists the problems when anything is wrong; prints the
record counts per type either way. Vocabularies are those of shared/spec/records.md.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold.jsonl"
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
KINDS = {
    "agreement": {
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
    },
    "initiative": {
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
    },
    "event": {
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
    },
}
STATUSES = {
    "agreement": {
        "proposed",
        "under_negotiation",
        "announced",
        "signed",
        "in_force",
        "suspended",
        "terminated",
    },
    "initiative": {"idea", "proposed", "agreed", "planned", "ongoing", "completed", "stalled", "cancelled"},
    "event": {"planned", "held", "cancelled"},
}
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
WHO = {"agreement": "parties", "initiative": "participants", "event": "participants"}
DATE_FIELDS = {"agreement": ("date",), "initiative": ("start", "end"), "event": ("date", "end_date")}
ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
ISO_COUNTRY = re.compile(r"^[A-Z]{2}$")
ID_LIKE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def main() -> int:
    problems: list[str] = []
    records: list[dict] = []
    for n, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            problems.append(f"line {n}: blank line")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {n}: not JSON ({exc})")
            continue
        if not isinstance(rec, dict) or "type" not in rec or "id" not in rec:
            problems.append(f"line {n}: a record needs 'type' and 'id'")
            continue
        records.append(rec)

    by_id: dict[str, dict] = {}
    for rec in records:
        if rec["id"] in by_id:
            problems.append(f"{rec['id']}: duplicate id")
        by_id[rec["id"]] = rec
    types = {rid: rec["type"] for rid, rec in by_id.items()}

    def is_a(ref: object, *wanted: str) -> bool:
        return isinstance(ref, str) and types.get(ref) in wanted

    texts: dict[str, str] = {}
    files = {p.name for p in ARTICLES.glob("*.txt")}
    for rec in records:
        rid, kind = rec["id"], rec["type"]
        if kind == "document":
            if rec.get("source") != rid:
                problems.append(f"{rid}: document source must equal its id (the file name)")
            if rid not in files:
                problems.append(f"{rid}: no such article file")
            else:
                texts[rid] = (ARTICLES / rid).read_text(encoding="utf-8")
            if not rec.get("language"):
                problems.append(f"{rid}: document without language")
            if "published" in rec and not (
                isinstance(rec["published"], str) and ISO_DATE.match(rec["published"])
            ):
                problems.append(f"{rid}: published {rec['published']!r} is not an ISO (partial) date")
    for name in sorted(files - set(texts)):
        problems.append(f"{name}: article without a document record")

    for rec in records:
        rid, kind = rec["id"], rec["type"]
        if kind == "document":
            continue
        if not isinstance(rec.get("required"), bool):
            problems.append(f"{rid}: 'required' must be true or false")
        if kind == "actor":
            if rec.get("kind") not in ACTOR_KINDS:
                problems.append(f"{rid}: actor kind {rec.get('kind')!r}")
            if not rec.get("name"):
                problems.append(f"{rid}: actor without name")
            if not isinstance(rec.get("aliases", []), list):
                problems.append(f"{rid}: aliases must be a list")
            country = rec.get("country")
            if country is not None and not ISO_COUNTRY.match(str(country)):
                problems.append(f"{rid}: country {country!r} is not ISO 3166-1 alpha-2")
            if rec.get("kind") == "organization" and rec.get("category") not in ORG_CATEGORIES:
                problems.append(f"{rid}: organization category {rec.get('category')!r}")
            for role in rec.get("roles") or []:
                org = role.get("organization")
                if org is not None and not is_a(org, "actor"):
                    problems.append(f"{rid}: role organization {org!r} does not resolve to an actor")
                if role.get("country") is not None and not ISO_COUNTRY.match(str(role["country"])):
                    problems.append(f"{rid}: role country {role['country']!r}")
            continue
        if kind not in KINDS:
            problems.append(f"{rid}: unknown record type {kind!r}")
            continue
        if rec.get("kind") not in KINDS[kind]:
            problems.append(f"{rid}: {kind} kind {rec.get('kind')!r}")
        for alt in rec.get("kind_any", []):
            if alt not in KINDS[kind]:
                problems.append(f"{rid}: kind_any entry {alt!r}")
        if not rec.get("title"):
            problems.append(f"{rid}: no title")
        if rec.get("status") not in STATUSES[kind]:
            problems.append(f"{rid}: {kind} status {rec.get('status')!r}")
        domains = rec.get("domains")
        if not isinstance(domains, list) or not domains:
            problems.append(f"{rid}: domains must be a non-empty list")
        else:
            for d in domains:
                if d not in DOMAINS:
                    problems.append(f"{rid}: domain {d!r}")
        for c in rec.get("countries", []):
            if not ISO_COUNTRY.match(str(c)):
                problems.append(f"{rid}: country {c!r}")
        who = rec.get(WHO[kind])
        if not isinstance(who, list):
            problems.append(f"{rid}: {WHO[kind]} must be a list")
        else:
            for ref in who:
                if not is_a(ref, "actor"):
                    problems.append(f"{rid}: {WHO[kind]} entry {ref!r} does not resolve to an actor")
        for field in DATE_FIELDS[kind]:
            value = rec.get(field)
            if value is not None and not (isinstance(value, str) and ISO_DATE.match(value)):
                problems.append(f"{rid}: {field} {value!r} is not an ISO (partial) date")
        venue = rec.get("venue")
        if venue is not None and ID_LIKE.match(str(venue)) and not is_a(venue, "actor"):
            problems.append(f"{rid}: venue {venue!r} looks like an id but resolves to no actor")
        if rec.get("within") is not None and not is_a(rec["within"], "event"):
            problems.append(f"{rid}: within {rec['within']!r} does not resolve to an event")
        if rec.get("part_of") is not None and not is_a(rec["part_of"], "event"):
            problems.append(f"{rid}: part_of {rec['part_of']!r} does not resolve to an event")
        if rec.get("framework") is not None and not is_a(rec["framework"], "agreement", "initiative"):
            problems.append(
                f"{rid}: framework {rec['framework']!r} does not resolve to an agreement or initiative"
            )
        sources = rec.get("sources")
        if not isinstance(sources, list) or not sources:
            problems.append(f"{rid}: no sources")
            continue
        for src in sources:
            doc, start, end, quote = src.get("doc"), src.get("start"), src.get("end"), src.get("quote")
            if doc not in texts:
                problems.append(f"{rid}: source doc {doc!r} is no document")
                continue
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(texts[doc])):
                problems.append(f"{rid}: bad offsets {start!r}:{end!r} in {doc}")
                continue
            if texts[doc][start:end] != quote:
                problems.append(f"{rid}: quote differs from {doc}[{start}:{end}] = {texts[doc][start:end]!r}")

    counts = Counter(r["type"] for r in records)
    required = Counter(r["type"] for r in records if r.get("required") is True)
    multi = [r["id"] for r in records if len({s["doc"] for s in r.get("sources", [])}) > 1]
    for kind in ("document", "actor", "agreement", "initiative", "event"):
        extra = "" if kind == "document" else f" ({required[kind]} required)"
        print(f"{kind:<11} {counts[kind]:>4}{extra}")
    print(f"{'total':<11} {len(records):>4}")
    print(f"facts reported by several documents: {', '.join(multi) or 'none'}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
