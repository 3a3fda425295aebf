"""Checks a hand-made gold file of a written article set (tests/quality/dev/, tests/quality/blind/)
against records.md and its articles: every line parses, ids are unique, references resolve,
vocabularies are bilat's (bilat.model.vocab), dates are ISO, every quote is the article text at
its offsets.

    .venv/bin/python tests/quality/gold_check.py tests/quality/dev

Prints the record counts per type; exits 1 and lists the problems when anything is wrong.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from bilat.model.vocab import FACT_TYPES, vocab

FACT_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {  # who takes part, date fields
    "agreement": ("parties", ("date",)),
    "initiative": ("participants", ("start", "end")),
    "event": ("participants", ("date", "end_date")),
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


def check_document(
    rec: dict[str, Any], where: str, chk: Checker, texts: dict[str, str], articles: Path
) -> None:
    for key in ("source", "language"):
        chk.check_str(where, rec, key)
    chk.check_date(where, rec, "published")
    if rec.get("published_basis") not in (None, *vocab().published_basis):
        chk.fail(where, f"bad published_basis {rec.get('published_basis')!r}")
    path = articles / str(rec.get("source"))
    if not path.is_file():
        chk.fail(where, f"article file not found: {path.name}")
        return
    texts[rec["id"]] = path.read_text(encoding="utf-8")


def check_actor(rec: dict[str, Any], where: str, chk: Checker, ids: dict[str, str]) -> None:
    kind = rec.get("kind")
    if kind not in vocab().actor_kinds:
        chk.fail(where, f"bad actor kind {kind!r}")
    chk.check_str(where, rec, "name")
    chk.check_bool(where, rec, "required")
    chk.check_country(where, rec.get("country"), "country")
    aliases = chk.check_list(where, rec, "aliases")
    if any(not isinstance(a, str) or not a.strip() for a in aliases):
        chk.fail(where, "aliases must be non-empty strings")
    if kind == "organization" and rec.get("category") not in vocab().organization_categories:
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
    kinds, statuses = vocab().kinds[rtype], vocab().statuses[rtype]
    who_key, date_keys = FACT_FIELDS[rtype]
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
        if domain not in vocab().domains:
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


def check_set(folder: Path) -> tuple[list[str], Counter[str]]:
    """Problems of `folder`/gold.jsonl against `folder`/articles, and the record counts per type."""
    articles = folder / "articles"
    chk = Checker()
    records = load(folder / "gold.jsonl", chk)
    ids: dict[str, str] = {}
    for rec in records:
        where = f"line {rec['_line']}"
        rid, rtype = rec.get("id"), rec.get("type")
        if rtype not in {"document", "actor", *FACT_TYPES}:
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
        if rec.get("type") == "document":
            check_document(rec, f"line {rec['_line']} ({rec.get('id')})", chk, texts, articles)
    for rec in records:
        where = f"line {rec['_line']} ({rec.get('id')})"
        if rec.get("type") == "actor":
            check_actor(rec, where, chk, ids)
        elif rec.get("type") in FACT_TYPES and isinstance(rec.get("id"), str):
            check_fact(rec, where, chk, ids, texts)
    for missing in sorted({p.name for p in articles.glob("*.txt")} - set(texts)):
        chk.fail("articles", f"{missing} has no document record")
    return chk.problems, Counter(str(rec.get("type")) for rec in records)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: gold_check.py FOLDER (with gold.jsonl and articles/)", file=sys.stderr)
        return 2
    problems, counts = check_set(Path(argv[1]))
    for rtype in ("document", "actor", *FACT_TYPES):
        print(f"{rtype:<11} {counts[rtype]:>4}")
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
