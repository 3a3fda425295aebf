"""`bilat eval`: score an export against a gold file (records.md, "How a gold file is scored"); no store."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from bilat.errors import EvalError
from bilat.evaluate_report import (
    SCORER,
    ActorRef,
    ActorScore,
    Attributes,
    Counts,
    Disagreement,
    Documents,
    EvalReport,
    FactRef,
    InvalidSource,
    Pair,
    Provenance,
    Tally,
    render_text,
    report_to_dict,
)
from bilat.model.dates import PartialDate
from bilat.model.names import fold
from bilat.model.vocab import FACT_TYPES, vocab

Record = dict[str, Any]

_REFS = {"agreement": ("parties",), "initiative": ("participants",), "event": ("participants", "venue")}
_DATE = {"agreement": "date", "initiative": "start", "event": "date"}
_NAMED_KINDS = frozenset({"organization", "person"})
_W_SPAN, _W_DOC, _W_TITLE, _W_PEOPLE, _W_KIND = 4.0, 1.0, 2.0, 1.0, 0.5

__all__ = ["SCORER", "EvalReport", "load_jsonl", "render_text", "report_to_dict", "score"]


def load_jsonl(path: str | Path) -> list[Record]:
    """Read an export or gold file; a malformed line is an EvalError naming the file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read ({exc})", hint="give a UTF-8 JSON lines file") from exc
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(
                f"{path}:{number}: not valid JSON ({exc.msg})", hint="one record per line"
            ) from exc
        if not isinstance(record, dict) or "type" not in record or "id" not in record:
            raise EvalError(
                f"{path}:{number}: not a record", hint='each line is an object with "type" and "id"'
            )
        records.append(record)
    return records


def _basename(ref: str) -> str:
    return ref.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def _names(actor: Mapping[str, Any]) -> frozenset[str]:
    raw = [actor.get("name"), *(actor.get("aliases") or [])]
    return frozenset(f for f in (fold(n) for n in raw if isinstance(n, str)) if f)


class _Side:
    """One file's records: documents, actors by id (with folded name sets), facts by type."""

    def __init__(self, records: Iterable[Record], label: str) -> None:
        self.docs: list[Record] = []
        self.actors: dict[str, Record] = {}
        self.names: dict[str, frozenset[str]] = {}
        self.facts: dict[str, list[Record]] = {t: [] for t in FACT_TYPES}
        seen: set[str] = set()
        for record in records:
            rtype, rid = record.get("type"), record.get("id")
            if not isinstance(rtype, str) or rid is None:
                raise EvalError(f"{label}: record without type or id: {str(record)[:80]}")
            rid = str(rid)
            if rid in seen:
                raise EvalError(
                    f"{label}: duplicate id {rid!r}", hint="ids are unique in an export (records.md)"
                )
            seen.add(rid)
            record = {**record, "id": rid}
            if rtype == "document":
                self.docs.append(record)
            elif rtype == "actor":
                self.actors[rid] = record
                self.names[rid] = _names(record)
            elif rtype in self.facts:
                self.facts[rtype].append(record)

    def resolve(self, ref: Any) -> tuple[frozenset[str], str | None]:
        """An actor id's folded names and kind; any other string is a literal name of unknown kind."""
        if not isinstance(ref, str):
            return frozenset(), None
        if ref in self.actors:
            return self.names[ref], self.actors[ref].get("kind")
        folded = fold(ref)
        return (frozenset({folded}) if folded else frozenset()), None


class _DocJoin:
    """Maps predicted document ids (and bare file names) to gold document ids; finds text."""

    def __init__(self, pred: _Side, gold: _Side, docs_text: Mapping[str, str] | None) -> None:
        self.gold_ids = {d["id"] for d in gold.docs}
        self.keys: dict[str, str] = {}
        for d in gold.docs:
            for key in (d["id"], d.get("source")):
                if isinstance(key, str) and key:
                    self.keys.setdefault(key, d["id"])
                    self.keys.setdefault(_basename(key), d["id"])
        self.docs_text = docs_text or {}
        self.pred_docs = {d["id"]: d for d in pred.docs}
        self.mapping: dict[str, str] = {}
        for d in pred.docs:
            for key in (d.get("source"), d["id"]):
                hit = self._lookup(key)
                if hit:
                    self.mapping[d["id"]] = hit
                    break

    def _lookup(self, key: Any) -> str | None:
        if not isinstance(key, str) or not key:
            return None
        return self.keys.get(key) or self.keys.get(_basename(key))

    def canon(self, ref: Any) -> str | None:
        """A predicted source's document, as a gold document id when it joins."""
        if not isinstance(ref, str):
            return None
        return self.mapping.get(ref) or (None if ref in self.pred_docs else self._lookup(ref)) or ref

    def gold_canon(self, ref: Any) -> str | None:
        """A gold source's document (gold files may cite a document by its source name)."""
        return (self._lookup(ref) or ref) if isinstance(ref, str) else None

    def text(self, ref: str) -> str | None:
        doc = self.pred_docs.get(ref, {})
        if isinstance(doc.get("text"), str) and doc["text"]:
            return str(doc["text"])
        source = doc.get("source")
        keys = [ref, _basename(ref), source, _basename(source) if isinstance(source, str) else None]
        for key in [*keys, self.canon(ref)]:
            if isinstance(key, str) and key in self.docs_text:
                return self.docs_text[key]
        return None


@dataclass
class _Fact:
    rec: Record
    required: bool
    date: str | None
    title: str
    refs: list[frozenset[str]]  # every resolved reference (participants, parties, venue)
    named: list[frozenset[str]]  # the ones a match must find: organizations, persons, bare names
    pool: frozenset[str]
    spans: list[tuple[str | None, int, int]]

    @property
    def kind(self) -> str:
        return str(self.rec.get("kind") or "")


_Canon = Callable[[Any], str | None]


def _fact(side: _Side, rec: Record, ftype: str, canon: _Canon) -> _Fact:
    refs: list[frozenset[str]] = []
    named: list[frozenset[str]] = []
    for key in _REFS[ftype]:
        value = rec.get(key)
        for ref in value if isinstance(value, list) else [value]:
            names, kind = side.resolve(ref)
            if names:
                refs.append(names)
                if key != "venue" and (kind is None or kind in _NAMED_KINDS):
                    named.append(names)
    spans = [
        (canon(s.get("doc")), s["start"], s["end"])
        for s in rec.get("sources") or []
        if isinstance(s, dict) and isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
    ]
    title = fold(rec["title"]) if isinstance(rec.get("title"), str) else ""
    return _Fact(
        rec,
        rec.get("required", True) is not False,
        rec.get(_DATE[ftype]),
        title,
        refs,
        named,
        frozenset().union(*refs),
        spans,
    )


def _compatible(p: _Fact, g: _Fact) -> bool:
    kinds = [g.kind, *(g.rec.get("kind_any") or [])]
    if not any(vocab().kinds_compatible(p.kind, k) for k in kinds):
        return False
    if any(not (names & p.pool) for names in g.named):
        return False
    pd, gd = _pdate(p.date), _pdate(g.date)
    return pd is None or gd is None or pd.agrees(gd)


def _rank(p: _Fact, g: _Fact) -> float:
    """How alike a compatible pair is; only orders candidates, never decides a match."""
    n = len(g.spans) or 1
    span = sum(any(d == gd and min(e, ge) > max(s, gs) for d, s, e in p.spans) for gd, gs, ge in g.spans)
    docs = {d for d, _, _ in p.spans}
    same_doc = sum(gd in docs for gd, _, _ in g.spans)
    title = fuzz.token_set_ratio(p.title, g.title) / 100 if p.title and g.title else 0.0
    people = sum(bool(r & p.pool) for r in g.refs) / len(g.refs) if g.refs else 0.0
    return (
        _W_SPAN * span / n
        + _W_DOC * same_doc / n
        + _W_TITLE * title
        + _W_PEOPLE * people
        + _W_KIND * (p.kind == g.kind)
    )


def _pdate(value: Any) -> PartialDate | None:
    return PartialDate.parse(value) if isinstance(value, str) else None


def _date_agrees(a: Any, b: Any) -> bool:
    if not a and not b:
        return True
    pa, pb = _pdate(a), _pdate(b)
    if pa is None or pb is None:
        return bool(a and b and a == b)
    return pa.agrees(pb)


def _jaccard(a: Any, b: Any) -> float:
    sa, sb = set(a or []), set(b or [])
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


def _compare(ftype: str, p: Record, g: Record, attrs: Attributes) -> list[Disagreement]:
    out: list[Disagreement] = []
    date_key = _DATE[ftype]
    checks: list[tuple[str, bool, Tally | None]] = [
        ("kind", p.get("kind") == g.get("kind"), None),
        ("status", p.get("status") == g.get("status"), attrs.status),
        (date_key, _date_agrees(p.get(date_key), g.get(date_key)), attrs.date),
    ]
    if ftype != "initiative":
        place = fold(str(p.get("place") or "")) == fold(str(g.get("place") or ""))
        checks.append(("place", place, attrs.place))
    for name, ok, tally in checks:
        if tally is not None:
            tally.total += 1
            tally.agree += ok
        if not ok:
            out.append(Disagreement(name, p.get(name), g.get(name)))
    jaccard = _jaccard(p.get("domains"), g.get("domains"))
    attrs.domains_sum += jaccard
    if jaccard < 1.0:
        out.append(Disagreement("domains", sorted(p.get("domains") or []), sorted(g.get("domains") or [])))
    return out


def _ref(ftype: str, rec: Record, canon: _Canon) -> FactRef:
    first = next((s for s in rec.get("sources") or [] if isinstance(s, dict)), {})
    return FactRef(
        rec["id"], ftype, rec.get("kind"), rec.get("title"), first.get("quote"), canon(first.get("doc"))
    )


def _match_type(
    ftype: str, preds: list[_Fact], golds: list[_Fact], join: _DocJoin, report: EvalReport
) -> None:
    candidates = [
        (_rank(p, g), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds) if _compatible(p, g)
    ]
    candidates.sort(key=lambda c: (-c[0], not golds[c[1]].required, c[1], c[2]))
    counts = report.types[ftype]
    used_g: set[int] = set()
    used_p: set[int] = set()
    for rank, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = golds[gi], preds[pi]
        if g.required:
            counts.tp += 1
        else:
            counts.neutral += 1
            report.attributes.optional_pairs += 1
        report.attributes.pairs += 1
        diffs = _compare(ftype, p.rec, g.rec, report.attributes)
        report.pairs.append(Pair(ftype, p.rec["id"], g.rec["id"], g.required, round(rank, 4), diffs))
    for gi, g in enumerate(golds):
        if gi not in used_g and g.required:
            counts.fn += 1
            report.missed[ftype].append(_ref(ftype, g.rec, join.gold_canon))
    for pi, p in enumerate(preds):
        if pi not in used_p:
            counts.fp += 1
            report.spurious[ftype].append(_ref(ftype, p.rec, join.canon))


def _check_sources(pred: _Side, join: _DocJoin) -> Provenance:
    prov, unchecked = Provenance(), set[str]()
    records = [*pred.actors.values(), *(r for t in FACT_TYPES for r in pred.facts[t])]
    for rec in records:
        sources = rec.get("sources")
        if rec["type"] in FACT_TYPES and not sources:
            prov.facts_without_sources.append(rec["id"])
        for entry in sources if isinstance(sources, list) else []:
            prov.total += 1
            s = entry if isinstance(entry, dict) else {}
            doc, start, end, quote = s.get("doc"), s.get("start"), s.get("end"), s.get("quote")
            if not (
                isinstance(doc, str)
                and isinstance(start, int)
                and isinstance(end, int)
                and isinstance(quote, str)
            ):
                prov.invalid.append(InvalidSource(rec["id"], doc, start, end, quote, None, "malformed entry"))
                continue
            text = join.text(doc)
            if text is None:
                prov.unchecked += 1
                unchecked.add(doc)
            elif not 0 <= start <= end <= len(text):
                prov.invalid.append(
                    InvalidSource(rec["id"], doc, start, end, quote, None, "offsets out of range")
                )
            elif text[start:end] != quote:
                actual = text[start:end]
                prov.invalid.append(InvalidSource(rec["id"], doc, start, end, quote, actual, "quote differs"))
            else:
                prov.valid += 1
    prov.unchecked_docs = sorted(unchecked)
    return prov


def _score_actors(pred: _Side, gold: _Side) -> ActorScore:
    result = ActorScore()
    required = {gid: g.get("required", True) is not False for gid, g in gold.actors.items()}
    for pid, p in pred.actors.items():
        hits = [gid for gid, names in gold.names.items() if names & pred.names[pid]]
        if not hits:
            result.fp += 1
            result.spurious.append(ActorRef(pid, p.get("kind"), p.get("name")))
        elif any(required[gid] for gid in hits):
            result.tp += 1
        else:
            result.neutral += 1
    for gid, g in gold.actors.items():
        kinds = [p.get("kind") for pid, p in pred.actors.items() if pred.names[pid] & gold.names[gid]]
        if kinds:
            result.found += required[gid]
            result.kind.total += 1
            result.kind.agree += g.get("kind") in kinds
        elif required[gid]:
            result.fn += 1
            result.missed.append(ActorRef(gid, g.get("kind"), g.get("name")))
    return result


def score(
    predicted: list[Record],
    gold: list[Record],
    docs_text: Mapping[str, str] | None = None,
    *,
    scope_to_gold_docs: bool = True,
) -> EvalReport:
    """Score an export against a gold file. `docs_text` maps document ids or file names to text.

    The rules are records.md's; the ranking and the counting choices are ours:

    * a predicted fact can match a gold fact of the same type when its kind is compatible with
      gold's `kind` or one of its `kind_any`; every gold party/participant that resolves to an
      organization or a person (or is a bare name) shares a folded name with one of the
      prediction's participants, parties or venue; and the dates (agreement/event `date`,
      initiative `start`) agree at the coarser precision where both exist;
    * compatible pairs are ranked by `_rank`: overlapping source spans in the same document (x4),
      sources in the same document (x1), title similarity (x2), share of gold participants found
      (x1), identical kind (x0.5); then paired greedily, best first; ties go to required gold
      facts, then to file order;
    * a pair with a required gold fact is a TP, with an optional one (`required: false`) neither
      TP nor FP; unmatched predictions are FP, unmatched required gold facts FN;
    * attribute agreement is measured over every matched pair, optional ones included;
    * with `scope_to_gold_docs`, predicted facts whose sources all lie outside the gold documents
      are left out (counted in `documents.out_of_scope`), so a whole-store export can be scored.
    """
    pred_side, gold_side = _Side(predicted, "predicted"), _Side(gold, "gold")
    join = _DocJoin(pred_side, gold_side, docs_text)
    joined = set(join.mapping.values())
    documents = Documents(
        gold=len(gold_side.docs),
        predicted=len(pred_side.docs),
        joined=len(join.mapping),
        unjoined_predicted=sorted(d["id"] for d in pred_side.docs if d["id"] not in join.mapping),
        gold_not_predicted=sorted(join.gold_ids - joined) if pred_side.docs else [],
    )
    report = EvalReport(
        documents=documents,
        types={t: Counts() for t in FACT_TYPES},
        attributes=Attributes(),
        provenance=_check_sources(pred_side, join),
        actors=_score_actors(pred_side, gold_side),
        pairs=[],
        missed={t: [] for t in FACT_TYPES},
        spurious={t: [] for t in FACT_TYPES},
    )
    for ftype in FACT_TYPES:
        golds = [_fact(gold_side, r, ftype, join.gold_canon) for r in gold_side.facts[ftype]]
        preds = [_fact(pred_side, r, ftype, join.canon) for r in pred_side.facts[ftype]]
        if scope_to_gold_docs and join.gold_ids:
            in_scope = [p for p in preds if not p.spans or {d for d, _, _ in p.spans} & join.gold_ids]
            documents.out_of_scope += len(preds) - len(in_scope)
            preds = in_scope
        _match_type(ftype, preds, golds, join, report)
    return report
