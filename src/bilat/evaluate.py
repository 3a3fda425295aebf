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
    LanguageScore,
    Pair,
    Provenance,
    render_text,
    report_to_dict,
)
from bilat.model.dates import PartialDate
from bilat.model.names import fold
from bilat.model.vocab import FACT_TYPES, vocab

Record = dict[str, Any]

# The actor references of each fact type. A gold fact's parties, participants and venue must be
# found (when organizations or persons); signatories need not be, but a prediction's count among
# its actors (a gold party that is a person may be a predicted signatory).
_REFS = {
    "agreement": ("parties", "signatories"),
    "initiative": ("participants",),
    "event": ("participants", "venue"),
}
_MUST_FIND = frozenset({"parties", "participants", "venue"})
_DATE = {"agreement": "date", "initiative": "start", "event": "date"}
_NAMED_KINDS = frozenset({"organization", "person"})
_W_SPAN, _W_TITLE, _W_PEOPLE, _W_KIND = 4.0, 2.0, 1.0, 0.5
UNKNOWN = "unknown"  # the language of a fact whose documents give none

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

    def resolve(self, ref: Any) -> tuple[frozenset[str], str | None, str | None]:
        """An actor id's folded names, kind and country; any other string is a literal name of
        unknown kind and country."""
        if not isinstance(ref, str):
            return frozenset(), None, None
        if ref in self.actors:
            actor = self.actors[ref]
            country = actor.get("country")
            return self.names[ref], actor.get("kind"), country.upper() if isinstance(country, str) else None
        folded = fold(ref)
        return (frozenset({folded}) if folded else frozenset()), None, None


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
        # A document's language: the gold's, else the export's (of the predicted document joined to it).
        self.languages: dict[str, str] = {}
        for d in pred.docs:
            if isinstance(d.get("language"), str) and d["language"]:
                self.languages[self.mapping.get(d["id"], d["id"])] = d["language"].lower()
        for d in gold.docs:
            if isinstance(d.get("language"), str) and d["language"]:
                self.languages[d["id"]] = d["language"].lower()

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

    def language(self, doc: str | None) -> str:
        """The language of a (canonical) document, or UNKNOWN."""
        return self.languages.get(doc, UNKNOWN) if doc else UNKNOWN

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
    refs: list[frozenset[str]]  # every resolved reference (parties, signatories, participants, venue)
    named: dict[str, frozenset[str]]  # by display name, those a match must find (records.md, step 2)
    pool: frozenset[str]
    countries: frozenset[str]  # gold: the countries to cover; predicted: its own and its actors'
    spans: list[tuple[str | None, int, int]]
    language: str

    @property
    def kind(self) -> str:
        return str(self.rec.get("kind") or "")


_Canon = Callable[[Any], str | None]


def _fact(side: _Side, rec: Record, ftype: str, join: _DocJoin, gold: bool) -> _Fact:
    refs: list[frozenset[str]] = []
    named: dict[str, frozenset[str]] = {}
    countries = {c.upper() for c in rec.get("countries") or [] if isinstance(c, str)}
    own = set(countries)
    for key in _REFS[ftype]:
        value = rec.get(key)
        for ref in value if isinstance(value, list) else [value]:
            names, kind, country = side.resolve(ref)
            if country:
                countries.add(country)
            if names:
                refs.append(names)
                literal_venue = key == "venue" and kind is None  # a building's name, not an actor
                if key in _MUST_FIND and (kind in _NAMED_KINDS or (kind is None and not literal_venue)):
                    actor = side.actors.get(ref) if isinstance(ref, str) else None
                    named[str(actor.get("name") or ref) if actor else str(ref)] = names
    canon = join.gold_canon if gold else join.canon
    spans = [
        (canon(s.get("doc")), s["start"], s["end"])
        for s in rec.get("sources") or []
        if isinstance(s, dict) and isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
    ]
    # A gold fact's language is its first document's; a prediction's, its first gold document's.
    docs = [d for d, _, _ in spans]
    first = docs[0] if gold or not docs else next((d for d in docs if d in join.gold_ids), docs[0])
    title = fold(rec["title"]) if isinstance(rec.get("title"), str) else ""
    return _Fact(
        rec,
        rec.get("required", True) is not False,
        rec.get(_DATE[ftype]),
        title,
        refs,
        named,
        frozenset().union(*refs),
        frozenset(own if gold else countries),
        spans,
        join.language(first),
    )


def _shared(p: _Fact, g: _Fact) -> list[str | None]:
    """The documents (in gold source order) where a gold span and a predicted span overlap."""
    return [gd for gd, gs, ge in g.spans if any(d == gd and min(e, ge) > max(s, gs) for d, s, e in p.spans)]


def _why_not(p: _Fact, g: _Fact) -> str | None:
    """The first rule of records.md (step 2) that keeps `p` from matching `g`, or None: it matches."""
    kinds = [g.kind, *(g.rec.get("kind_any") or [])]
    if not any(vocab().kinds_compatible(p.kind, k) for k in kinds):
        return f"kind {p.kind} is not {' or '.join(dict.fromkeys(kinds))}"
    missing = [name for name, names in g.named.items() if not (names & p.pool)]
    if missing:
        return f"actors not found: {', '.join(missing)}"
    if not g.countries <= p.countries:
        return f"countries not covered: {', '.join(sorted(g.countries - p.countries))}"
    pd, gd = _pdate(p.date), _pdate(g.date)
    if pd is not None and gd is not None and not pd.agrees(gd):
        return f"dates differ: {p.date} vs {g.date}"
    return None if _shared(p, g) else "no shared source text"


def _near(fact: _Fact, others: list[_Fact], gold: bool, partner: dict[int, str]) -> str | None:
    """Why an unpaired fact did not pair with the most alike fact of the other side that shares its
    text (for --explain); None when no fact of the other side shares its text."""
    near = [
        (_rank(o, fact) if gold else _rank(fact, o), i)
        for i, o in enumerate(others)
        if (_shared(o, fact) if gold else _shared(fact, o))
    ]
    if not near:
        return None
    _, i = max(near, key=lambda c: (c[0], -c[1]))
    other = others[i]
    why = _why_not(other, fact) if gold else _why_not(fact, other)
    return f"{other.rec['id']}: {why or f'paired with {partner.get(i)}'}"


def _rank(p: _Fact, g: _Fact) -> float:
    """How alike a compatible pair is; only orders candidates, never decides a match."""
    span = len(_shared(p, g)) / (len(g.spans) or 1)
    title = fuzz.token_set_ratio(p.title, g.title) / 100 if p.title and g.title else 0.0
    people = sum(bool(r & p.pool) for r in g.refs) / len(g.refs) if g.refs else 0.0
    return _W_SPAN * span + _W_TITLE * title + _W_PEOPLE * people + _W_KIND * (p.kind == g.kind)


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


def _compare(ftype: str, p: Record, g: Record) -> tuple[dict[str, bool], float, list[Disagreement]]:
    """records.md, step 3: whether status, date and place agree, the domains' Jaccard, and what differs."""
    date_key = _DATE[ftype]
    fields = {
        "kind": p.get("kind") == g.get("kind"),
        "status": p.get("status") == g.get("status"),
        date_key: _date_agrees(p.get(date_key), g.get(date_key)),
    }
    if ftype != "initiative":
        fields["place"] = fold(str(p.get("place") or "")) == fold(str(g.get("place") or ""))
    out = [Disagreement(name, p.get(name), g.get(name)) for name, ok in fields.items() if not ok]
    jaccard = _jaccard(p.get("domains"), g.get("domains"))
    if jaccard < 1.0:
        out.append(Disagreement("domains", sorted(p.get("domains") or []), sorted(g.get("domains") or [])))
    checks = {"status": fields["status"], "date": fields[date_key]}
    if "place" in fields:
        checks["place"] = fields["place"]
    return checks, jaccard, out


def _ref(ftype: str, fact: _Fact, canon: _Canon, near: str | None) -> FactRef:
    rec = fact.rec
    first = next((s for s in rec.get("sources") or [] if isinstance(s, dict)), {})
    doc = canon(first.get("doc"))
    return FactRef(
        rec["id"], ftype, rec.get("kind"), rec.get("title"), first.get("quote"), doc, fact.language, near
    )


def _by_language(report: EvalReport, lang: str) -> LanguageScore:
    return report.languages.setdefault(lang, LanguageScore(types={t: Counts() for t in FACT_TYPES}))


def _match_type(
    ftype: str, preds: list[_Fact], golds: list[_Fact], join: _DocJoin, report: EvalReport
) -> None:
    candidates = [
        (_rank(p, g), gi, pi)
        for gi, g in enumerate(golds)
        for pi, p in enumerate(preds)
        if _why_not(p, g) is None
    ]
    # Required gold facts are served first: an optional one (which counts neither way) never takes a
    # prediction that a required one could have had.
    candidates.sort(key=lambda c: (not golds[c[1]].required, -c[0], c[1], c[2]))
    counts = report.types[ftype]
    used_g: dict[int, str] = {}  # index -> the id of the fact it is paired with
    used_p: dict[int, str] = {}
    for rank, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        g, p = golds[gi], preds[pi]
        used_g[gi], used_p[pi] = p.rec["id"], g.rec["id"]
        lang = join.language(_shared(p, g)[0])  # a pair counts where the two share text
        by_lang = _by_language(report, lang)
        for c in (counts, by_lang.types[ftype]):
            if g.required:
                c.tp += 1
            else:
                c.neutral += 1
        checks, jaccard, diffs = _compare(ftype, p.rec, g.rec)
        for attrs in (report.attributes, by_lang.attributes):
            attrs.add(g.required, checks, jaccard)
        report.pairs.append(Pair(ftype, p.rec["id"], g.rec["id"], g.required, round(rank, 4), diffs, lang))
    for gi, g in enumerate(golds):
        if gi not in used_g and g.required:
            counts.fn += 1
            _by_language(report, g.language).types[ftype].fn += 1
            report.missed[ftype].append(_ref(ftype, g, join.gold_canon, _near(g, preds, True, used_p)))
    for pi, p in enumerate(preds):
        if pi not in used_p:
            counts.fp += 1
            _by_language(report, p.language).types[ftype].fp += 1
            report.spurious[ftype].append(_ref(ftype, p, join.canon, _near(p, golds, False, used_g)))


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

    The rules are records.md's ("How a gold file is scored"); the ranking and the counting choices
    are ours:

    * a predicted fact can match a gold fact of the same type only when (records.md, step 2) its
      kind is compatible with gold's `kind` or one of its `kind_any`; every gold party,
      participant or venue that resolves to an organization or a person (or is a bare party or
      participant name) shares a folded name with one of the prediction's parties, signatories,
      participants or venue (a venue given by name only, a building, is not an actor to find;
      gold `signatories` need not be found); every gold country is among the prediction's own
      `countries` and its actors' `country`; the dates (agreement/event `date`, initiative
      `start`) agree at the coarser precision where both exist; and a gold span and a predicted
      span overlap (share at least one character) in the same document: facts of different
      documents never pair;
    * compatible pairs are ranked by `_rank`: share of gold spans overlapped (x4), title similarity
      (x2), share of gold actors found (x1), identical kind (x0.5); then paired greedily, required
      gold facts first (an optional one never takes a prediction a required one could have), best
      first, ties in file order;
    * a pair with a required gold fact is a TP, with an optional one (`required: false`) neither
      TP nor FP; unmatched predictions are FP, unmatched required gold facts FN;
    * attribute agreement is measured over every matched pair, optional ones included;
    * per language: a document's language is the gold document's `language`, else the exported
      document's; a pair counts in the language of the first document where the two share text,
      a missed gold fact in its first source's, a spurious prediction in its first source's that
      is a gold document (else its first source's); "unknown" when no document says;
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
    for doc in gold_side.docs or pred_side.docs:
        lang = join.language(doc["id"] if gold_side.docs else join.canon(doc["id"]))
        _by_language(report, lang).documents += 1
    for ftype in FACT_TYPES:
        golds = [_fact(gold_side, r, ftype, join, gold=True) for r in gold_side.facts[ftype]]
        preds = [_fact(pred_side, r, ftype, join, gold=False) for r in pred_side.facts[ftype]]
        if scope_to_gold_docs and join.gold_ids:
            in_scope = [p for p in preds if not p.spans or {d for d, _, _ in p.spans} & join.gold_ids]
            documents.out_of_scope += len(preds) - len(in_scope)
            preds = in_scope
        _match_type(ftype, preds, golds, join, report)
    return report
