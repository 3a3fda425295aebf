"""The result of `bilat eval`: report records, their stable JSON shape and the rich text table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

SCORER = "bilat.scorer.v2"  # v2: shared source text and gold countries are required; per language


def _ratio(num: float, den: float) -> float:
    """Vacuous ratios are 1.0: nothing predicted means no wrong prediction."""
    return num / den if den else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Counts:
    """TP/FP/FN of one fact type (or of all facts); `neutral` = pairs with optional gold facts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    neutral: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass
class Tally:
    agree: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        return self.agree / self.total if self.total else None


@dataclass
class Attributes:
    """Agreement over matched pairs (optional gold facts included); `place` only for agreements/events."""

    pairs: int = 0
    optional_pairs: int = 0
    status: Tally = field(default_factory=Tally)
    date: Tally = field(default_factory=Tally)
    place: Tally = field(default_factory=Tally)
    domains_sum: float = 0.0

    @property
    def domains(self) -> float | None:
        return self.domains_sum / self.pairs if self.pairs else None

    def add(self, required: bool, checks: dict[str, bool], jaccard: float) -> None:
        """One matched pair: `checks` holds the agreement of status, date and (if it has one) place."""
        self.pairs += 1
        self.optional_pairs += not required
        for name, ok in checks.items():
            tally: Tally = getattr(self, name)
            tally.total += 1
            tally.agree += ok
        self.domains_sum += jaccard


@dataclass
class LanguageScore:
    """The facts of the documents in one language: counts per type and attributes of their pairs."""

    documents: int = 0
    types: dict[str, Counts] = field(default_factory=dict)
    attributes: Attributes = field(default_factory=Attributes)

    @property
    def facts(self) -> Counts:
        return _total(self.types.values())


def _total(counts: Iterable[Counts]) -> Counts:
    """Micro-average: the counts summed."""
    counts = list(counts)
    return Counts(*(sum(getattr(c, f) for c in counts) for f in ("tp", "fp", "fn", "neutral")))


@dataclass(frozen=True)
class FactRef:
    id: str
    type: str
    kind: str | None
    title: str | None
    quote: str | None
    doc: str | None
    language: str
    near: str | None = (
        None  # the most alike fact of the other side sharing its text, and why they did not pair
    )


@dataclass(frozen=True)
class Disagreement:
    field: str
    predicted: Any
    gold: Any


@dataclass
class Pair:
    type: str
    predicted: str
    gold: str
    required: bool
    score: float
    disagreements: list[Disagreement]
    language: str


@dataclass(frozen=True)
class InvalidSource:
    record: str
    doc: str | None
    start: Any
    end: Any
    quote: Any
    actual: str | None
    reason: str


@dataclass
class Provenance:
    total: int = 0
    valid: int = 0
    unchecked: int = 0
    invalid: list[InvalidSource] = field(default_factory=list)
    unchecked_docs: list[str] = field(default_factory=list)
    facts_without_sources: list[str] = field(default_factory=list)

    @property
    def checked(self) -> int:
        return self.total - self.unchecked

    @property
    def rate(self) -> float | None:
        return self.valid / self.checked if self.checked else None


@dataclass(frozen=True)
class ActorRef:
    id: str
    kind: str | None
    name: str | None


@dataclass
class ActorScore:
    """Precision counts predicted actors, recall counts gold actors, so `tp` and `found` may differ."""

    tp: int = 0
    fp: int = 0
    neutral: int = 0
    found: int = 0
    fn: int = 0
    kind: Tally = field(default_factory=Tally)
    missed: list[ActorRef] = field(default_factory=list)
    spurious: list[ActorRef] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.found + self.fn)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass
class Documents:
    gold: int = 0
    predicted: int = 0
    joined: int = 0
    out_of_scope: int = 0
    unjoined_predicted: list[str] = field(default_factory=list)
    gold_not_predicted: list[str] = field(default_factory=list)


@dataclass
class EvalReport:
    documents: Documents
    types: dict[str, Counts]
    attributes: Attributes
    provenance: Provenance
    actors: ActorScore
    pairs: list[Pair]
    missed: dict[str, list[FactRef]]
    spurious: dict[str, list[FactRef]]
    languages: dict[str, LanguageScore] = field(default_factory=dict)
    scorer: str = SCORER

    @property
    def facts(self) -> Counts:
        """Micro-averaged over the three fact types."""
        return _total(self.types.values())


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _prf(c: Counts | ActorScore) -> dict[str, Any]:
    return {"precision": _round(c.precision), "recall": _round(c.recall), "f1": _round(c.f1)}


def _tally(t: Tally) -> dict[str, Any]:
    return {"agree": t.agree, "total": t.total, "rate": _round(t.rate)}


def _counts(c: Counts) -> dict[str, Any]:
    return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "neutral": c.neutral, **_prf(c)}


def _attributes(a: Attributes) -> dict[str, Any]:
    return {
        "pairs": a.pairs,
        "optional_pairs": a.optional_pairs,
        "includes_optional": True,
        "status": _tally(a.status),
        "date": _tally(a.date),
        "place": _tally(a.place),
        "domains": {"mean_jaccard": _round(a.domains), "total": a.pairs},
    }


def report_to_dict(report: EvalReport) -> dict[str, Any]:
    """A JSON-ready dict whose top-level keys do not depend on the data (for `bilat eval --json`).

    `languages` maps each document language (ISO 639-1, or "unknown") to the scores of the facts
    of the documents in that language: `documents`, `types`, `facts` and `attributes`, shaped as
    the totals are.
    """
    counts = {t: _counts(c) for t, c in {**report.types, "facts": report.facts}.items()}
    a, p, actors = report.attributes, report.provenance, report.actors
    return {
        "scorer": report.scorer,
        "documents": asdict(report.documents),
        "types": {t: counts[t] for t in report.types},
        "facts": counts["facts"],
        "actors": {
            "tp": actors.tp,
            "fp": actors.fp,
            "neutral": actors.neutral,
            "found": actors.found,
            "fn": actors.fn,
            **_prf(actors),
            "kind": _tally(actors.kind),
            "missed": [asdict(r) for r in actors.missed],
            "spurious": [asdict(r) for r in actors.spurious],
        },
        "attributes": _attributes(a),
        "languages": {
            lang: {
                "documents": score.documents,
                "types": {t: _counts(c) for t, c in score.types.items()},
                "facts": _counts(score.facts),
                "attributes": _attributes(score.attributes),
            }
            for lang, score in sorted(report.languages.items())
        },
        "provenance": {
            "total": p.total,
            "checked": p.checked,
            "valid": p.valid,
            "rate": _round(p.rate),
            "unchecked": p.unchecked,
            "unchecked_docs": p.unchecked_docs,
            "invalid": [asdict(i) for i in p.invalid],
            "facts_without_sources": p.facts_without_sources,
        },
        "explain": {
            t: {
                "missed": [asdict(r) for r in report.missed[t]],
                "spurious": [asdict(r) for r in report.spurious[t]],
                "pairs": [asdict(pair) for pair in report.pairs if pair.type == t],
            }
            for t in report.types
        },
    }


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.1%}"


def _short(value: Any, width: int = 70) -> str:
    text = "—" if value is None else str(value)
    return escape(text if len(text) <= width else text[: width - 1] + "…")


def render_text(report: EvalReport, explain: bool, console: Console) -> None:
    """Print the scores as one compact table, then attributes, provenance and (with explain) the cases."""
    table = Table(title=f"bilat eval ({report.scorer})", title_justify="left")
    for name in ("", "TP", "FP", "FN", "opt.", "P", "R", "F1"):
        table.add_column(name, justify="left" if not name else "right")
    for t, c in report.types.items():
        table.add_row(
            t,
            str(c.tp),
            str(c.fp),
            str(c.fn),
            str(c.neutral),
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            f"{c.f1:.3f}",
        )
    f = report.facts
    table.add_row(
        "[bold]facts[/]",
        str(f.tp),
        str(f.fp),
        str(f.fn),
        str(f.neutral),
        f"{f.precision:.3f}",
        f"{f.recall:.3f}",
        f"[bold]{f.f1:.3f}[/]",
        end_section=not report.languages,
    )
    for n, (lang, score) in enumerate(sorted(report.languages.items()), 1):
        c = score.facts
        table.add_row(
            f"  {escape(lang)} ({score.documents} doc{'s' if score.documents != 1 else ''})",
            str(c.tp),
            str(c.fp),
            str(c.fn),
            str(c.neutral),
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            f"{c.f1:.3f}",
            end_section=n == len(report.languages),
        )
    ac = report.actors
    table.add_row(
        "actors",
        str(ac.tp),
        str(ac.fp),
        str(ac.fn),
        str(ac.neutral),
        f"{ac.precision:.3f}",
        f"{ac.recall:.3f}",
        f"{ac.f1:.3f}",
    )
    console.print(table)

    a, p, d = report.attributes, report.provenance, report.documents
    console.print(
        f"Attributes over {a.pairs} matched pairs ({a.optional_pairs} optional): "
        f"status {_pct(a.status.rate)}, date {_pct(a.date.rate)}, place {_pct(a.place.rate)}, "
        f"domains Jaccard {_pct(a.domains)}; actor kinds {_pct(ac.kind.rate)}"
    )
    for lang, score in sorted(report.languages.items()):
        la = score.attributes
        per_type = ", ".join(f"{t} F1 {c.f1:.3f}" for t, c in score.types.items())
        console.print(
            f"  {escape(lang)}: {per_type}; over {la.pairs} pairs status {_pct(la.status.rate)}, "
            f"date {_pct(la.date.rate)}, place {_pct(la.place.rate)}, domains Jaccard {_pct(la.domains)}"
        )
    unchecked = f", {p.unchecked} unchecked (no text: {', '.join(p.unchecked_docs)})" if p.unchecked else ""
    console.print(f"Provenance: {p.valid}/{p.checked} quotes valid ({_pct(p.rate)}){escape(unchecked)}")
    if p.facts_without_sources:
        console.print(f"  facts without sources: {_short(', '.join(p.facts_without_sources), 200)}")
    console.print(
        f"Documents: {d.gold} gold, {d.predicted} predicted, {d.joined} joined"
        + (f"; {d.out_of_scope} facts outside the gold documents ignored" if d.out_of_scope else "")
    )
    if not explain:
        cases = [*report.missed.values(), *report.spurious.values(), p.invalid, ac.missed, ac.spurious]
        if any(cases):
            console.print("[dim]--explain lists the misses, spurious records and invalid quotes[/]")
        return
    for t in report.types:
        for label, refs in (("missed", report.missed[t]), ("spurious", report.spurious[t])):
            if refs:
                console.print(f"\n[bold]{t}: {label}[/]")
                for r in refs:
                    kind = escape(f"[{r.kind or '—'}]")
                    console.print(f"  {_short(r.id, 40)} {kind} ({escape(r.language)}) {_short(r.title)}")
                    console.print(f"      « {_short(r.quote, 100)} » ({_short(r.doc, 40)})", style="dim")
                    if r.near:
                        console.print(f"      nearest {_short(r.near, 150)}", style="dim")
        diffs = [pair for pair in report.pairs if pair.type == t and pair.disagreements]
        if diffs:
            console.print(f"\n[bold]{t}: attribute disagreements[/]")
            for pair in diffs:
                fields = "; ".join(f"{x.field}: {x.predicted!r} ≠ {x.gold!r}" for x in pair.disagreements)
                console.print(
                    f"  {_short(pair.predicted, 30)} ~ {_short(pair.gold, 30)}: {_short(fields, 200)}"
                )
    for label, actors in (("actors missed", ac.missed), ("actors spurious", ac.spurious)):
        if actors:
            names = ", ".join(f"{r.name} ({r.kind})" for r in actors)
            console.print(f"\n[bold]{label}[/]: {_short(names, 2000)}")
    if p.invalid:
        console.print("\n[bold]invalid quotes[/]")
        for i in p.invalid:
            console.print(
                f"  {_short(i.record, 40)} {_short(i.doc, 40)}{escape(f'[{i.start}:{i.end}]')} {i.reason}: "
                f"« {_short(i.quote, 60)} » vs « {_short(i.actual, 60)} »"
            )
