"""Fact merging: facts from several documents that tell the same thing become one record.

`cluster` decides which stored facts are the same (by kind, participants, venue, dates and
title similarity, within blocks of one type); `merge_group` folds a cluster of export-shaped
records into one record with all their sources.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from rapidfuzz import fuzz, process

from bilat.extract.titles import title_likeness
from bilat.model.dates import PartialDate
from bilat.model.vocab import vocab
from bilat.resolve.blocking import ByDate

_LIST_FIELDS = ("participants", "parties", "signatories", "countries", "domains")
_SCALAR_FIELDS = ("place", "venue", "within", "part_of", "framework", "end_date", "end")


def _union(values: Iterable[list[Any]]) -> list[Any]:
    out: list[Any] = []
    for value in values:
        for item in value or []:
            if item not in out:
                out.append(item)
    return out


def _most_precise(dates: Iterable[str | None]) -> str | None:
    parsed = [PartialDate.parse(d) for d in dates if d]
    parsed = [p for p in parsed if p is not None]
    if not parsed:
        return None
    return str(max(parsed, key=lambda p: (p.precision_rank, str(p))))


def _history_key(change: dict[str, Any]) -> tuple[tuple[int, int, int], str, int]:
    source = change.get("source") or {}
    return (PartialDate.sort_key(change.get("date")), source.get("doc") or "", source.get("start") or 0)


def in_date_order(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A status history by date (undated first), then in text order (document, offset)."""
    return sorted(history, key=_history_key)


def merge_group(records: list[dict[str, Any]]) -> dict[str, Any]:
    """One record from several records of the same fact (the first gives id, type, kind, title)."""
    if len(records) == 1:
        return {**records[0], "status_history": in_date_order(records[0].get("status_history") or [])}
    base = dict(records[0])
    # compatible kinds told differently ("visite officielle", "visite d'État"): the most formal,
    # i.e. the first in the vocabulary
    order = vocab().kinds[base["type"]]
    base["kind"] = min(
        (r["kind"] for r in records), key=lambda k: order.index(k) if k in order else len(order)
    )
    for name in _LIST_FIELDS:
        if any(name in r for r in records):
            base[name] = _union(r.get(name, []) for r in records)
    for name in _SCALAR_FIELDS:
        if base.get(name) is None:
            base[name] = next((r[name] for r in records if r.get(name) is not None), None)
    date_field = "start" if base["type"] == "initiative" else "date"
    base[date_field] = _most_precise(r.get(date_field) for r in records)
    base["sources"] = _union(r.get("sources", []) for r in records)
    history = in_date_order(_union(r.get("status_history", []) for r in records))
    base["status_history"] = history
    if history:
        base["status"] = history[-1]["status"]
    base["evidence"] = _union(r.get("evidence", []) for r in records)
    base["merged_from"] = [r["id"] for r in records]
    return base


MERGE_RULES_NAME = "bilat.fact_merge.v1"
_TITLE_SAME = 80  # title likeness (extract.titles.title_likeness) that alone makes two facts one
_TITLE_WITH_ACTOR = 55  # ... when they also share an actor
_VISITS = {"state_visit", "official_visit", "working_visit"}
_MEETINGS = {"meeting", "talks"}
_PLACES = ("country-", "city-")
_SAME_PEOPLE = 0.6  # share of people two meetings must have in common to be one


def _actors(record: dict[str, Any], actor_kinds: dict[str, str]) -> set[str]:
    """Persons and organizations taking part (countries and cities say where, not who)."""
    ids = {a for name in ("participants", "parties", "signatories") for a in record.get(name) or []}
    venue = record.get("venue")
    if venue:
        ids.add(venue)
    return {
        i
        for i in ids
        if actor_kinds.get(i, "organization") in ("person", "organization") and not i.startswith(_PLACES)
    }


def _doc(record: dict[str, Any]) -> str | None:
    sources = record.get("sources") or []
    return sources[0]["doc"] if sources else None


def _date(record: dict[str, Any]) -> str | None:
    return record.get("start") if record["type"] == "initiative" else record.get("date")


@dataclass(frozen=True)
class _Seen:
    """What merging compares of one fact, worked out once per fact (clustering compares each
    fact with many others)."""

    id: str
    doc: str | None
    type: str
    kind: str
    date: str | None
    day: PartialDate | None  # `date` parsed (None: undated or unreadable, which agrees with any)
    countries: frozenset[str]
    actors: frozenset[str]
    persons: frozenset[str]
    venue: str | None
    title: str

    @classmethod
    def of(cls, record: dict[str, Any], actor_kinds: dict[str, str]) -> _Seen:
        actors = frozenset(_actors(record, actor_kinds))
        date = _date(record)
        return cls(
            id=record["id"],
            doc=_doc(record),
            type=record["type"],
            kind=record["kind"],
            date=date,
            day=PartialDate.parse(date),
            countries=frozenset(record.get("countries") or ()),
            actors=actors,
            persons=frozenset(i for i in actors if actor_kinds.get(i) == "person"),
            venue=record.get("venue"),
            title=record.get("title") or "",
        )


def _dates_differ(a: PartialDate | None, b: PartialDate | None) -> bool:
    """model.dates.agree(...) is False, on parsed dates."""
    return a is not None and b is not None and not a.agrees(b)


def _countries_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Each names a country the other does not: France–India and India–Bangladesh are two
    pairs; France–Kazakhstan and France–Kazakhstan–Uzbekistan may be one fact told more or less
    fully."""
    return bool(a and b and not (a <= b or b <= a))


def _same_day(a: PartialDate | None, b: PartialDate | None) -> bool:
    return a is not None and a == b and a.day is not None


def same_fact(a: dict[str, Any], b: dict[str, Any], actor_kinds: dict[str, str]) -> tuple[bool, str]:
    """Whether two facts from different documents tell one thing, and why (for explanations)."""
    return _same(_Seen.of(a, actor_kinds), _Seen.of(b, actor_kinds))


# `_Candidates` below lists, for each fact, the facts these rules can join it with: a change to a
# rule here must keep it listing every pair the rule accepts (tests/resolve/test_blocking.py).
def _same(a: _Seen, b: _Seen) -> tuple[bool, str]:
    if a.type != b.type or not vocab().kinds_compatible(a.kind, b.kind):
        return False, "type or kind differ"
    if _dates_differ(a.day, b.day):
        return False, "dates differ"
    if _countries_differ(a.countries, b.countries):
        return False, "countries differ"
    if a.kind in _VISITS:
        persons = a.persons & b.persons
        return (bool(persons), "same visitor" if persons else "different visitors")
    if a.kind in _MEETINGS:
        pa, pb = a.persons, b.persons
        ok = bool(pa) and (pa == pb or len(pa & pb) / len(pa | pb) >= _SAME_PEOPLE)
        return ok, "same people meet" if ok else "different people"
    if a.type == "event" and a.venue and a.venue == b.venue:
        return True, "same kind at the same venue"
    shared = a.actors & b.actors
    title = title_likeness(a.title, b.title)
    if shared and title >= _TITLE_WITH_ACTOR:
        return True, f"shared actors and alike titles ({title:.0f})"
    if shared and a.type == "agreement" and a.kind == b.kind:
        return True, "same kind of agreement between the same parties"
    same_kind = a.type == "agreement" and a.kind == b.kind and a.kind != "other"
    if same_kind and a.countries and a.countries == b.countries and _same_day(a.day, b.day):
        return True, "same kind of agreement between the same countries on the same day"
    if title >= _TITLE_SAME and not (a.actors and b.actors and not shared):
        return True, f"alike titles ({title:.0f})"
    return False, "nothing in common enough"


TITLE_POOL = 64  # past this many facts left to compare by title alone, rapidfuzz picks the alike ones


class _Candidates:
    """Blocking within one block (one type, compatible kinds): for a fact, the later facts of the
    block `_same` can accept, i.e. those whose date can agree and whose countries do not differ and
    that share a person (visits, meetings), an actor or the venue, or are agreements of the same
    kind between the same countries on the same day, or (when the two facts do not both have
    actors) have a title alike enough to be looked at: a superset of the pairs `_same` accepts,
    so clustering over them is clustering over every pair."""

    def __init__(self, block: list[_Seen]) -> None:
        self.block = block
        self.persons: dict[str, ByDate] = defaultdict(ByDate)
        self.actors: dict[str, ByDate] = defaultdict(ByDate)
        self.venues: dict[str, ByDate] = defaultdict(ByDate)
        self.same_day: dict[tuple[str, frozenset[str], PartialDate], list[int]] = defaultdict(list)
        self.unacted = ByDate(fine=True)  # the facts without actors, for a fact with actors
        for i, f in enumerate(block):
            for person in f.persons:
                self.persons[person].add(i, f.day)
            for actor in f.actors:
                self.actors[actor].add(i, f.day)
            if f.venue:
                self.venues[f.venue].add(i, f.day)
            if f.countries and _same_day(f.day, f.day):
                self.same_day[(f.kind, f.countries, f.day)].append(i)
            if not f.actors:
                self.unacted.add(i, f.day)

    @cached_property
    def titled(self) -> ByDate:
        """Every fact by date, for a fact without actors (built when the block has one)."""
        found = ByDate(fine=True)
        for i, f in enumerate(self.block):
            found.add(i, f.day)
        return found

    def after(self, i: int) -> list[int]:
        """Positions after `i` of the facts `_same(block[i], ...)` may accept, in block order."""
        a = self.block[i]
        lists: list[Sequence[int]] = []
        if a.kind in _VISITS or a.kind in _MEETINGS:
            for person in a.persons:
                lists += self.persons[person].agreeing(a.day)
            return self._kept(i, lists)
        if a.type == "event" and a.venue:
            lists += self.venues[a.venue].agreeing(a.day)
        for actor in a.actors:
            lists += self.actors[actor].agreeing(a.day)
        if a.type == "agreement" and a.kind != "other" and a.countries and _same_day(a.day, a.day):
            lists.append(self.same_day.get((a.kind, a.countries, a.day), ()))
        found = self._kept(i, lists)
        titled = (self.unacted if a.actors else self.titled).agreeing(a.day)
        pool = [j for j in self._kept(i, titled) if not a.actors & self.block[j].actors]
        if len(pool) > TITLE_POOL:
            pool = self._alike(a.title, pool)
        return sorted(set(found).union(pool))

    def _kept(self, i: int, lists: list[Sequence[int]]) -> list[int]:
        """The positions after `i` in `lists`, once each, whose dates can agree with i's and
        whose countries do not differ."""
        a, block = self.block[i], self.block
        found = {j for positions in lists for j in positions if j > i}
        return sorted(
            j
            for j in found
            if not _dates_differ(a.day, block[j].day)
            and not _countries_differ(a.countries, block[j].countries)
        )

    def _alike(self, title: str, pool: list[int]) -> list[int]:
        """The facts of `pool` whose titles may be alike enough (`title_likeness` is one of these
        two rapidfuzz ratios; a point of margin for float rounding)."""
        titles = [self.block[j].title for j in pool]
        found: set[int] = set()
        for scorer in (fuzz.token_sort_ratio, fuzz.token_set_ratio):
            matches = process.extract(title, titles, scorer=scorer, score_cutoff=_TITLE_SAME - 1, limit=None)
            found.update(pool[k] for _title, _score, k in matches)
        return sorted(found)


def _all_after(block: list[_Seen]) -> Iterator[list[int]]:
    """Every later fact of the block, for each fact: the comparison blocking must agree with."""
    for i in range(len(block)):
        yield list(range(i + 1, len(block)))


class _Told:
    """What the members of each cluster say of when and between whom, by cluster root: two
    clusters join only when no date of one differs from a date of the other and no countries of
    one are disjoint from countries of the other. Pairs alone would chain: an undated report of a
    visit joins the 2015 visit and the 2023 one of the same leader, and so one cluster would tell
    two visits eight years apart."""

    def __init__(self) -> None:
        self.days: dict[str, set[PartialDate]] = {}
        self.countries: dict[str, set[frozenset[str]]] = {}

    def add(self, fact: _Seen) -> None:
        self.days.setdefault(fact.id, set()).update([fact.day] if fact.day is not None else [])
        self.countries.setdefault(fact.id, set()).update([fact.countries] if fact.countries else [])

    def may_join(self, a: str, b: str) -> bool:
        days_a, days_b = self.days.get(a, set()), self.days.get(b, set())
        if any(_dates_differ(x, y) for x in days_a for y in days_b):
            return False
        countries_a, countries_b = self.countries.get(a, set()), self.countries.get(b, set())
        return not any(_countries_differ(x, y) for x in countries_a for y in countries_b)

    def joined(self, into: str, other: str) -> None:
        self.days.setdefault(into, set()).update(self.days.pop(other, set()))
        self.countries.setdefault(into, set()).update(self.countries.pop(other, set()))


def cluster(
    records: list[dict[str, Any]],
    actor_kinds: dict[str, str] | None = None,
    *,
    same: Iterable[tuple[str, str]] = (),
    different: Iterable[tuple[str, str]] = (),
    compare_all: bool = False,
) -> dict[str, str]:
    """Cluster id of every fact id: facts of different documents judged the same share the
    smallest id of their cluster (so ids stay stable as documents arrive). Judged pairs join
    their clusters while the clusters' dates and countries stay consistent (`_Told`).

    Human judgements come first: `same` pairs are joined whatever the rules say, and no join
    ever puts the two facts of a `different` pair in one cluster.

    Facts are compared within blocks of one type and compatible kinds, each with the later facts
    of its block that `_Candidates` lists (those the rules may accept), in block order; the pairs
    it leaves out are pairs the rules refuse, so the clusters are those of comparing every pair
    of a block (`compare_all`, for tests and benchmarks), judgements and order included."""
    kinds = actor_kinds or {}
    parent = {r["id"]: r["id"] for r in records}
    facts = [_Seen.of(r, kinds) for r in records]
    told = _Told()
    for seen in facts:
        told.add(seen)
    apart: dict[str, set[str]] = {}
    for a, b in different:
        if a in parent and b in parent:
            apart.setdefault(a, set()).add(b)
            apart.setdefault(b, set()).add(a)
    members: dict[str, set[str]] = {x: {x} for x in apart}  # only tracked when judgements keep facts apart

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(x: str, y: str, judged: bool = False) -> None:
        ra, rb = sorted((root(x), root(y)))
        if ra == rb:
            return
        if not judged and not told.may_join(ra, rb):
            return
        if apart:
            group_a, group_b = members.get(ra, {ra}), members.get(rb, {rb})
            if any(apart.get(m, set()) & group_b for m in group_a):
                return
            members[ra] = group_a | group_b
            members.pop(rb, None)
        parent[rb] = ra
        told.joined(ra, rb)

    for a, b in same:
        if a in parent and b in parent:
            join(a, b, judged=True)
    # blocks: only facts of one type and compatible kinds are compared
    groups = {k: min(g) for g in vocab().compatible_kinds for k in g}
    blocks: dict[tuple[str, str], list[_Seen]] = {}
    for seen in facts:
        blocks.setdefault((seen.type, groups.get(seen.kind, seen.kind)), []).append(seen)
    for block in blocks.values():
        later = _all_after(block) if compare_all else map(_Candidates(block).after, range(len(block)))
        for a, after in zip(block, later, strict=True):
            for j in after:
                b = block[j]
                if a.doc == b.doc or root(a.id) == root(b.id):
                    continue
                if _same(a, b)[0]:
                    join(a.id, b.id)
    return {r["id"]: root(r["id"]) for r in records}


def _inherit_date(record: dict[str, Any], source: dict[str, Any], date: PartialDate) -> None:
    """`record` takes the date of `source` (at month precision: the day may differ) and says so."""
    record["date"] = str(date.truncate("month") if date.precision_rank > 2 else date)
    record["date_from"] = source["id"]
    record.setdefault("evidence", []).append(f"date from {source['id']}")


def source_documents(record: dict[str, Any]) -> int:
    """How many documents (articles) a fact's sources come from; its quotes may be more."""
    return len({s["doc"] for s in record.get("sources") or []})


def finalise(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """After merging, on all merged facts at once (never on a filtered part of them, which could
    miss the fact a date comes from): a fact with no date that happened within a dated one (a
    meeting during a visit, an agreement signed at it) takes that date at month precision, and
    the reverse; `date_from` names the fact an inherited date comes from (None: its own date).
    Each fact also gets `source_documents`, how many articles its sources come from."""
    by_id = {r["id"]: r for r in records}
    for r in records:
        if r["type"] != "initiative":
            r.setdefault("date_from", None)
        r["source_documents"] = source_documents(r)
    for _ in range(3):  # chains: agreement within meeting part_of visit
        changed = False
        for downwards in (True, False):  # an enclosing event's date first, then the reverse
            for r in records:
                target = by_id.get(r.get("within") or r.get("part_of") or "")
                if target is None or r["type"] == "initiative":
                    continue
                mine, theirs = PartialDate.parse(_date(r)), PartialDate.parse(_date(target))
                if downwards and mine is None and theirs is not None:
                    _inherit_date(r, target, theirs)
                    changed = True
                elif not downwards and theirs is None and mine is not None and target["type"] != "initiative":
                    _inherit_date(target, r, mine)
                    changed = True
        if not changed:
            break
    return records


def merge_reasons(members: list[dict[str, Any]], actor_kinds: dict[str, str]) -> list[str]:
    """Why the members of one cluster were judged the same: each member against the first one
    of another document that it matches (or the first, when none does)."""
    reasons = []
    for i, member in enumerate(members[1:], start=1):
        earlier = [m for m in members[:i] if _doc(m) != _doc(member)] or members[:1]
        verdicts = [(m, same_fact(m, member, actor_kinds)) for m in earlier]
        other, (_same, why) = next(((m, v) for m, v in verdicts if v[0]), verdicts[0])
        reasons.append(f"{member['id']} ~ {other['id']}: {why}")
    return reasons
