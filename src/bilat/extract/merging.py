"""Merging a document's drafts: a reference back ("ce pacte") or a generic word ("l'accord")
joins the fact it refers to, and repeated mentions of one fact (same type and kind, words
coordinated under one head, or kinds that name one event; dates that agree, the same persons and
signatories) become one draft that keeps every mention's sources, status changes and actors."""

from __future__ import annotations

from rapidfuzz import fuzz

from bilat.extract.facts import Draft
from bilat.extract.lexicon import Lexicon
from bilat.model.dates import PartialDate
from bilat.model.names import fold
from bilat.model.records import Fact, Mention
from bilat.model.vocab import vocab
from bilat.nlp.text import is_acronym, is_roman, spells

_VISIT_DAYS = 7  # days of one visit told on different days ("arrivé lundi", "dernier jour, mercredi")
VISITS = {"state_visit", "official_visit", "working_visit"}
# title likeness (rapidfuzz token set ratio: a title inside another is alike) for broad kinds of one
# article to merge; across articles, resolve.facts compares short titles whole
_BROAD_SIMILARITY = 70
_NEW_WINDOW = 40  # characters before an event word where an indefinite article makes it new


def _union(into: list, items: list) -> None:
    for item in items:
        if item not in into:
            into.append(item)


def _absorb(target: Draft, other: Draft) -> None:
    """`other` tells more about `target`. A repeated mention brings everything it says; a
    reference back ("ce pacte") brings its sources, status changes and domains; a generic word
    ("les accords signés") only its sources and status changes."""
    t, o = target.fact, other.fact
    if not other.attach:
        target.retold.append(other)
    _union(t.sources, o.sources)
    _union(t.evidence, o.evidence)
    t.status_history.extend(h for h in o.status_history if h not in t.status_history)
    if other.attach and other.cand.trigger.generic and not other.cand.anaphoric:
        return
    _union(t.domains, o.domains)
    if other.attach:
        if not t.date and o.date and o.status_history:
            t.date = None  # a dated reference back dates a status change, not the fact itself
        return
    _union(t.participants, o.participants)
    t.date = _merged_date(t, o)
    t.place = t.place or o.place
    t.venue = t.venue or o.venue
    if other.extra.get("named"):
        t.title = o.title
        target.extra["named"] = True


def _merged_date(t: Fact, o: Fact) -> str | None:
    """The most precise of two mentions' dates; of two days of one event ("en visite d'Etat
    mardi", "la visite qu'il effectue depuis dimanche"), the earliest, the day it began."""
    dates = [d for d in (PartialDate.parse(t.date), PartialDate.parse(o.date)) if d]
    if not dates:
        return t.date
    best = max(d.precision_rank for d in dates)
    dates = [d for d in dates if d.precision_rank == best]
    return str(min(dates, key=PartialDate.first_day) if t.type == "event" else dates[0])


def _surname(name: str) -> str | None:
    """The last word of a person's name that is no regnal number ("Felipe VI": "Felipe")."""
    words = name.split()
    while len(words) > 1 and is_roman(words[-1]):
        words.pop()
    return words[-1] if words else None


def _surnames(fact: Fact) -> set[str]:
    return {s for m in fact.participants if m.kind == "person" and (s := _surname(m.name))}


def _same_persons(a: Fact, b: Fact) -> bool:
    """No persons on one side, or one in common ("M. Morvan" is "Julien Morvan": by surname)."""
    pa, pb = _surnames(a), _surnames(b)
    return not pa or not pb or bool(pa & pb)


def _same_body(a: Mention, b: Mention) -> bool:
    """Two mentions of one body: a name or known alias in common, or one the acronym the other
    spells out ("CNRS", "Centre National de la Recherche Scientifique")."""
    if {fold(n) for n in (a.name, *a.aliases)} & {fold(n) for n in (b.name, *b.aliases)}:
        return True
    return any(
        is_acronym(short.name) and not is_acronym(long.name) and spells(short.name, long.name.split())
        for short, long in ((a, b), (b, a))
    )


def _names_an_actor_of(reference: Draft, fact: Draft) -> bool:
    """The reference names a body or person that takes part in the fact."""
    named = [m for m in reference.fact.participants if m.kind in ("person", "organization")]
    return any(_same_body(a, b) for a in named for b in fact.fact.participants if b.kind == a.kind)


def _another_fact(word: Draft, fact: Draft) -> bool:
    """A generic word ("un accord avait déjà été signé en 1977 entre X et Y") that names its own
    actors, none of the fact's, and its own date, not the fact's: another fact, not a reference."""
    if word.cand.anaphoric or not word.cand.trigger.generic or not word.fact.date or not fact.fact.date:
        return False
    named = [m for m in word.fact.participants if m.kind in ("person", "organization")]
    return bool(named) and not _names_an_actor_of(word, fact) and not dates_agree(word.fact, fact.fact)


def _same_signatories(a: Fact, b: Fact) -> bool:
    """Two agreements whose organisations are all different are two agreements ("X and Y signed
    a memorandum… Z and W signed a memorandum")."""
    if a.type != "agreement":
        return True
    oa = [m for m in a.participants if m.kind == "organization"]
    ob = [m for m in b.participants if m.kind == "organization"]
    return not oa or not ob or any(_same_body(x, y) for x in oa for y in ob)


def dates_agree(a: Fact, b: Fact) -> bool:
    """Dates that may be one fact's: agreeing at the coarser precision, or days of one visit."""
    pa, pb = PartialDate.parse(a.date), PartialDate.parse(b.date)
    if pa is None or pb is None or pa.agrees(pb):
        return True
    days = days_apart(a.date, b.date)
    return a.kind in VISITS and b.kind in VISITS and days is not None and days <= _VISIT_DAYS


def _one_event(a: Draft, b: Draft, lex: Lexicon) -> bool:
    """Two events of kinds that name one event ("talks" and a "meeting", an "official" and a
    "working" visit: records.md's compatible kinds) told in one sentence ("matters were
    discussed during the meeting") or between the same persons."""
    if a.fact.type != "event" or not vocab().kinds_compatible(a.fact.kind, b.fact.kind):
        return False
    if a.cand.sent.start_char == b.cand.sent.start_char or bool(_surnames(a.fact) & _surnames(b.fact)):
        return True
    # one side names no one and is not told as another event ("a meeting between the ministers
    # followed"): "the visit of the Algerian president", "matters were discussed"
    return any(not _surnames(d.fact) and not _told_as_new(d, lex) for d in (a, b))


def _told_as_new(draft: Draft, lex: Lexicon) -> bool:
    """An event word after an indefinite article ("a meeting", "une autre rencontre"): a new event."""
    before = draft.cand.doc_text[max(0, draft.cand.start - _NEW_WINDOW) : draft.cand.start]
    return lex.new_before.search(before) is not None


def _shared_head(a: Draft, b: Draft, lex: Lexicon, text: str) -> bool:
    """`b`'s word is coordinated after one of `a`'s under one head ("une convention de
    partenariat et de jumelage"): one fact, whatever each word's kind."""
    return any(
        t.cand.sent.start_char == b.cand.sent.start_char
        and t.cand.end <= b.cand.start
        and lex.shared_head_between.fullmatch(text[t.cand.end : b.cand.start]) is not None
        for t in (a, *a.retold)
    )


def _told_as(draft: Draft, kind: str) -> bool:
    """The draft's fact was told with a word of this kind too ("convention de partenariat et de
    jumelage": a later "ce jumelage" refers to it)."""
    return draft.fact.kind == kind or kind in draft.extra.get("kinds", ())  # type: ignore[operator]


def attach_and_merge(drafts: list[Draft], lex: Lexicon, text: str) -> list[Draft]:
    broad_kinds = lex.broad_kinds
    kept: list[Draft] = []
    for draft in drafts:
        f = draft.fact
        if draft.attach:
            referred = [k for k in reversed(kept) if k.fact.type == f.type]
            referred = [k for k in referred if _told_as(k, f.kind) or draft.cand.trigger.generic]
            # the latest fact it may refer to; of those, the latest that has an actor it names
            # ("L'accord avec le CNSSH…" after the CNRS–CNSSH accord and a 1977 one)
            target = next((k for k in referred if _names_an_actor_of(draft, k)), None)
            target = target or next(iter(referred), None)
            if target is not None and _another_fact(draft, target):
                target = None
            if target is None and draft.cand.trigger.generic:
                later = [
                    d
                    for d in drafts
                    if d.fact.type == f.type and not d.attach and d.cand.start > draft.cand.start
                ]
                target = later[0] if later else None
                if target is not None:
                    target.extra.setdefault("pending", []).append(draft)  # type: ignore[union-attr]
                    continue
            if target is not None:
                _absorb(target, draft)
                continue
            if draft.cand.anaphoric or not draft.cand.trigger.generic or not f.status_history:
                continue
            # "both countries signed three agreements": a generic word no specific fact takes in,
            # told with its own status, is a fact of its own
        match = next(
            (
                k
                for k in kept
                if k.fact.type == f.type
                and (
                    lex.kinds_related(k.fact.kind, f.kind)
                    or _told_as(k, f.kind)
                    or _one_event(k, draft, lex)
                    or _shared_head(k, draft, lex, text)
                )
                and (
                    f.kind not in broad_kinds
                    or _heading(k, text)
                    or fuzz.token_set_ratio(k.fact.title, f.title) >= _BROAD_SIMILARITY
                )
                and dates_agree(k.fact, f)
                and _same_persons(k.fact, f)
                and _same_signatories(k.fact, f)
                # a body's session named after another event is its own meeting ("l'audience a été
                # l'occasion d'évoquer la prochaine session de la Commission mixte"); a later
                # "the meeting" may tell the session again
                and not (draft.extra.get("session") and not k.extra.get("session"))
                and (
                    f.type != "event"
                    or k.fact.venue is None
                    or f.venue is None
                    or k.fact.venue.name == f.venue.name
                )
            ),
            None,
        )
        if match is not None:
            if match.fact.kind != f.kind and _shared_head(match, draft, lex, text):
                match.extra.setdefault("kinds", set()).add(f.kind)  # type: ignore[union-attr]
            _absorb(match, draft)
            continue
        for pending in draft.extra.pop("pending", []):  # type: ignore[attr-defined]
            _absorb(draft, pending)
        kept.append(draft)
    return kept


def _heading(draft: Draft, text: str) -> bool:
    """A fact read in a heading (a short line without final punctuation) sums up the text below."""
    start = text.rfind("\n", 0, draft.cand.start) + 1
    end = text.find("\n", draft.cand.start)
    line = text[start : end if end >= 0 else len(text)].strip()
    return len(line) < 160 and not line.endswith((".", "!", "?", "»", ":"))


def days_apart(a: str | None, b: str | None) -> int | None:
    da, db = PartialDate.parse(a), PartialDate.parse(b)
    if da is None or db is None or da.day is None or db.day is None:
        return None
    return abs((da.first_day() - db.first_day()).days)
