"""Turns trigger candidates into facts: kind, status, participants, venue, place, date, countries,
domains, title and source span, each with the rule and evidence that produced it."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from bilat.extract.candidates import Candidate
from bilat.extract.domains import domains_for, domains_in
from bilat.extract.lexicon import Lexicon
from bilat.extract.places import capital_of, city_in_name
from bilat.extract.status import CueHit, decide_status, has_cue
from bilat.extract.syntax import (
    actor_slots,
    governing_verb,
    in_relative_of_another,
    subtree_bounds,
    tense_of,
    tokens_in,
    tree_distance,
)
from bilat.extract.titles import fact_title
from bilat.model.date_expressions import DateMention, reread, rereadable
from bilat.model.records import Fact, Mention, Source, StatusChange

_MAX_QUOTE = 320
_SHORT_CLAUSE = 25  # a clause this short ("doublés en") is read with its parent
_CUE_GAP = 60  # a quote takes in its status cue when it is this close
_WEAK_CUE_DISTANCE = 2  # weak triggers need a cue this close in the parse
_PERSONS_ORGS = ("person", "organization")
_SIGNING_STAGES = {"done", "launched"}
_VENUE_KINDS = {
    "exhibition",
    "inauguration",
    "screening",
    "performance",
    "festival",
    "film_week",
    "conference",
    "seminar",
}
_CAPITAL_VISITS = {"state_visit", "official_visit"}  # hosted in the capital of the country visited
# a yearless date is read in the future of a future verb; not in the past of a past one (the reading
# nearest the publication is right there: "qui devait se rendre à New Delhi en mars" is this March)
_READING_TENSES = frozenset({"future"})
_FIELD_CHARS = 300  # how far after an event's sentence the date field of its page may come
_NAMED_YEAR_SPREAD = 1  # years between a year a sentence names and the reference, for its yearless dates


@dataclass(frozen=True)
class Naming:
    """What a draft's title and domains are made from, kept until the draft is known to be kept.

    Most drafts the trained decisions weigh are dropped (about two in three), and a title is
    the dearest part of a draft to build; neither the title nor the domains are features, so
    they wait for `name_draft`. Everything here is as `build_draft` saw it: the kind is the
    trigger's (the decisions may change the fact's kind, not the domains it implies)."""

    sent: Span
    title_span: tuple[int, int]  # text[start:end] the title is read from
    head: Token
    dates: list[DateMention]
    named: str | None  # a quoted name ("« Les Routes de la soie »") is the title as it stands
    quote: str  # the draft's own quote, where its domain words are looked for first
    utterance: tuple[int, int]  # else in the utterance around it
    kind: str
    lex: Lexicon


@dataclass
class Draft:
    """A fact being built, with what the document-level passes need to know about it."""

    fact: Fact
    cand: Candidate
    clause: tuple[int, int]
    attach: bool = False  # anaphoric or generic: adds to an earlier fact rather than being one
    within_cue: bool = False  # preceded by "lors de", "à l'occasion de"...: frames its sentence
    extra: dict[str, object] = field(default_factory=dict)
    naming: Naming | None = None  # set until `name_draft` gives the fact its title and domains
    # the drafts of other mentions of this fact merged into it (not references back): their
    # sentences name its actors too
    retold: list[Draft] = field(default_factory=list)


def _within(bounds: tuple[int, int], outer: tuple[int, int]) -> tuple[int, int]:
    start, end = max(bounds[0], outer[0]), min(bounds[1], outer[1])
    return (start, end) if end > start else outer


def _utterance(text: str, s_start: int, s_end: int, start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    """The part of a sentence that one speaker says about the trigger at [start, end)."""
    lo, hi = s_start, s_end
    for opening, closing in lex.quotes:
        if opening == closing:  # straight quotes: inside when an odd number of them comes before
            if len(opening) == 1 and text.count(opening, s_start, start) % 2:  # (a mark of one character)
                lo = max(lo, text.rfind(opening, s_start, start) + 1)
                close = text.find(closing, end, s_end)
                hi = min(hi, close) if close >= 0 else hi
            continue
        opened, closed = text.rfind(opening, s_start, start), text.rfind(closing, s_start, start)
        if opened > closed:  # the trigger is inside a quotation
            lo = max(lo, opened + 1)
            close = text.find(closing, end, s_end)
            hi = min(hi, close) if close >= 0 else hi
        elif opened < 0 and closed < 0:  # a quotation opened in an earlier sentence may end here
            close = text.find(closing, end, s_end)
            if close >= 0 and text.find(opening, end, close) < 0:
                hi = min(hi, close)
    reporting = lex.reporting_after.search(text, end, hi)
    if reporting:
        hi = reporting.start()
    return lo, hi


def _is_place(m: Mention, text: str, lex: Lexicon) -> bool:
    """A city introduced by "à", "au", "dans" ("in", "at") says where, not who ("signé à Lyon")."""
    return m.kind == "city" and bool(lex.place_before.search(text[max(0, m.start - 6) : m.start]))


def _mentions_between(mentions: list[Mention], start: int, end: int, kinds: tuple[str, ...]) -> list[Mention]:
    return [m for m in mentions if m.kind in kinds and start <= m.start and m.end <= end]


def _clip_quote(text: str, start: int, end: int, anchor: tuple[int, int]) -> tuple[int, int]:
    """Keep a quote short and around its trigger, cut at clause punctuation when too long."""
    if end - start <= _MAX_QUOTE:
        return start, end
    left = max(start, anchor[0] - _MAX_QUOTE // 2)
    comma = text.rfind(",", left, anchor[0])
    start = comma + 1 if comma >= 0 else left
    right = min(end, max(anchor[1], start + _MAX_QUOTE))
    comma = text.find(",", anchor[1], right)
    end = comma if comma >= 0 else right
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.«"):
        end -= 1
    return start, end


def _pick_date(cand: Candidate, dates: list[DateMention], text: str, lex: Lexicon) -> DateMention | None:
    """The date the trigger's clause gives: the one closest to the trigger in the parse (not a
    target), a day or month without a year read in the year its sentence names, else in the tense
    of the words it belongs to; for an event, else the date field that follows its sentence."""
    sent = cand.sent
    inside = [
        d
        for d in dates
        if sent.start_char <= d.start
        and d.end <= sent.end_char
        and d.cue != "target"
        and not lex.target_before.search(text[max(0, d.start - 20) : d.start])
    ]  # ("d'ici 2060" is a target, not when the fact happens)
    year = _named_year(inside)
    limit = 3 if cand.type == "initiative" else 6
    near: list[tuple[int, DateMention, Token]] = []
    fronted: tuple[int, DateMention, Token] | None = None
    for d in inside:
        if year is not None and rereadable(d):
            d = reread(d, year=year)
        if d.value is None:
            continue
        toks = tokens_in(sent.doc, d.start, d.end)
        if not toks:
            continue
        dist, tok = min(((tree_distance(t, cand.head), t) for t in toks), key=lambda x: x[0])
        if in_relative_of_another(tok, cand.head):
            continue
        if dist <= limit:
            near.append((dist, d, tok))
        elif _opens(sent, d, text):
            fronted = (dist, d, tok)
    if not near and fronted is not None:  # "En mars 2019, ..." frames its sentence, parsed or not
        near.append(fronted)
    if not near:
        return _field_date(cand, dates) if cand.type == "event" else None
    _, date, tok = min(near, key=lambda n: n[0])  # the closest; the first of equals
    if year is not None or not rereadable(date):
        return date
    tense = tense_of(tok, lex.modals)
    return reread(date, tense=tense) if tense in _READING_TENSES else date


def _opens(sent: Span, date: DateMention, text: str) -> bool:
    """Whether a date opens its sentence, set off by a comma ("Depuis 2019, les deux instituts
    pilotent un programme…"): it frames the whole sentence, however far the parse puts it."""
    before = text[sent.start_char : date.start]
    return not any(c.isalnum() for c in before) and text[date.end : date.end + 2].lstrip().startswith(",")


def _field_date(cand: Candidate, dates: list[DateMention]) -> DateMention | None:
    """The date of a field just after an event's sentence, as event pages give it ("A seminar on
    X.\nWhen: Thursday, September 7th"), when the sentence gives none."""
    end = cand.sent.end_char
    return next((d for d in dates if d.labelled and d.value and end <= d.start < end + _FIELD_CHARS), None)


def _named_year(dates: list[DateMention]) -> int | None:
    """The one year a sentence writes out, when it names one ("l’édition 2015 … du 23 au 26
    avril") not far from the reference the other dates are read against: "créé en 2005, le
    festival a lieu du 23 au 26 avril" in an article of 2024 is not read in 2005."""
    years = {d.value.year for d in dates if not d.relative and d.value is not None}
    if len(years) != 1:
        return None
    year = years.pop()
    references = {d.reference.year for d in dates if d.relative and d.reference is not None}
    return year if all(abs(year - r) <= _NAMED_YEAR_SPREAD for r in references) else None


def _place(
    cand: Candidate,
    kind: str,
    mentions: list[Mention],
    start: int,
    end: int,
    text: str,
    venue: Mention | None,
    lex: Lexicon,
) -> tuple[str | None, str | None]:
    """Where a fact took place and why: a city the clause introduces ("à Lyon"); else the city a
    venue or a taking-part body is named after ("festival de Cannes", "Alliance française de
    Bichkek"); else, for a state or official visit to a country, its capital."""
    for m in _mentions_between(mentions, start, end, ("city",)):
        if _is_place(m, text, lex) or kind in ("festival", "film_week", "conference"):
            return m.name, None
    named = [venue] if venue is not None else []
    named += _mentions_between(mentions, start, end, ("organization",))
    for m in named:
        city = city_in_name(m.name, lex.city_introducers)
        if city is not None:
            return city.display(lex.lang), f"place from the name {m.name!r}"
    if kind in _CAPITAL_VISITS:
        for m in _mentions_between(mentions, start, end, ("country",)):
            if lex.place_before.search(text[max(0, m.start - 6) : m.start]) and m.country:
                capital = capital_of(m.country)
                if capital is not None:
                    return capital.display(lex.lang), f"place: the capital of {m.name}"
    return None, None


def build_draft(
    cand: Candidate,
    hits: list[CueHit],
    mentions: list[Mention],
    dates: list[DateMention],
    lex: Lexicon,
    doc_id: str,
    gates: bool = True,
) -> Draft | None:
    """One fact from one trigger, or None when the trigger's gates (cue, signing, domain) are not
    met; with `gates=False`, a draft all the same, the gate it failed in `extra["gate"]` (for the
    trained decisions, which weigh it)."""
    text = cand.doc_text
    trigger, head, sent = cand.trigger, cand.head, cand.sent
    failed = None
    if not cand.anaphoric:  # a mention of a known fact needs no gate: it only adds to it
        if trigger.needs_cue and not has_cue(head, cand.start, cand.end, hits, max_tree=_WEAK_CUE_DISTANCE):
            failed = "needs_cue"
        elif trigger.needs_signing and not has_cue(head, cand.start, cand.end, hits, _SIGNING_STAGES):
            failed = "needs_signing"
    if failed and gates:
        return None
    decision = decide_status(trigger.type, head, cand.start, cand.end, hits, lex, text)

    # the clause of the trigger: its subtree (a short one: its parent's), cut to the utterance
    # it belongs to (inside « », before "», décrit X"); a verb trigger's clause is its verb's subtree
    utterance = _utterance(text, sent.start_char, sent.end_char, cand.start, cand.end, lex)
    clause = _within(subtree_bounds(head, sent), utterance)
    if clause[1] - clause[0] < _SHORT_CLAUSE and head.head.i != head.i:
        clause = _within(subtree_bounds(head.head, sent), utterance)
    before = text[max(sent.start_char, cand.start - 40) : cand.start]
    framing = bool(lex.within_before.search(before))
    if framing:  # "À l'occasion de la visite de X, ..." : the framing phrase ends at its comma
        comma = text.find(",", cand.end, clause[1])
        clause = (clause[0], comma) if comma > 0 else clause
    verb = governing_verb(head)
    verb_clause = _within(subtree_bounds(verb, sent) if verb is not None else utterance, utterance)

    q_start, q_end = clause
    if decision.explicit and decision.start is not None and decision.end is not None:
        gap = max(decision.start - q_end, q_start - decision.end)
        if gap <= _CUE_GAP and max(q_end, decision.end) - min(q_start, decision.start) <= _MAX_QUOTE:
            q_start, q_end = min(q_start, decision.start), max(q_end, decision.end)
    q_start, q_end = _clip_quote(text, min(q_start, cand.start), max(q_end, cand.end), (cand.start, cand.end))
    q_start, q_end = _trim(text, q_start, q_end)

    # a quote never cuts an actor's name in two
    for m in mentions:
        if m.start < q_end < m.end:
            q_end = m.end
        if m.start < q_start < m.end:
            q_start = m.start
    source = Source(doc_id, q_start, q_end, text[q_start:q_end])

    kind = trigger.kind
    if trigger.kind_by_domain:
        found = domains_in(source.quote, lex)
        by_domain = next((trigger.kind_by_domain[d] for d in found if d in trigger.kind_by_domain), None)
        if by_domain is None and gates:
            return None
        failed = failed or (None if by_domain else "kind_by_domain")
        kind = by_domain or kind

    # participants: who the trigger's clause names, else its verb's clause; media report, they
    # take part only in agreements they sign
    is_agreement = trigger.type == "agreement"
    party_kinds = (*_PERSONS_ORGS, "city") if is_agreement else _PERSONS_ORGS
    participants = [
        m
        for m in _mentions_between(mentions, clause[0], clause[1], party_kinds)
        if (is_agreement or m.category != "media") and not _is_place(m, text, lex)
    ]
    if not any(m.kind in _PERSONS_ORGS for m in participants):
        wider = _mentions_between(mentions, verb_clause[0], verb_clause[1], party_kinds)
        participants += [
            m
            for m in wider
            if m not in participants and m.category != "media" and not _is_place(m, text, lex)
        ]
    if verb is not None and not framing:  # who signs, proposes, organises: the verb's actors too
        for a, b in actor_slots(verb, sent, lex.companions):
            slot = _mentions_between(mentions, max(a, utterance[0]), min(b, utterance[1]), _PERSONS_ORGS)
            participants += [m for m in slot if m not in participants and m.category != "media"]

    venue = None
    if trigger.type == "event" and kind in _VENUE_KINDS:
        venue = next(
            (
                m
                for m in _mentions_between(mentions, *verb_clause, ("organization",))
                if m.category in ("museum", "cultural_institution") and m.start >= cand.start
            ),
            None,
        )
        if venue is not None and venue not in participants:
            participants.append(venue)

    date = _pick_date(cand, dates, text, lex)
    place, place_why = (None, None)
    if trigger.type != "initiative":
        place, place_why = _place(cand, kind, mentions, *verb_clause, text, venue, lex)
    title_from = clause[0] if head.pos_ in ("VERB", "AUX") else cand.start
    titled = lex.title_quoted.search(text, clause[0], min(len(text), clause[1] + 80))
    if titled and titled.start() >= clause[1]:
        titled = None
    naming = Naming(
        sent=sent,
        title_span=_trim(text, title_from, max(cand.end, min(clause[1], q_end))),
        head=head,
        dates=dates,
        named=titled.group(1) if titled else None,
        quote=source.quote,
        utterance=utterance,
        kind=kind,
        lex=lex,
    )
    fact = Fact(
        type=trigger.type,
        kind=kind,
        title="",  # name_draft
        sources=[source],
        status=decision.status,
        participants=participants,
        date=str(date.value) if date else None,
        end_date=str(date.until) if date and date.until else None,
        place=place,
        venue=venue,
        rule=f"{trigger.name}+{decision.rule}",
        evidence=[cand.text, decision.evidence]
        + ([date.text] if date else [])
        + ([place_why] if place_why else []),
        local_id=f"{trigger.type}:{cand.start}",
    )
    if decision.explicit:
        fact.status_history.append(StatusChange(decision.status, fact.date, source))
    return Draft(
        fact=fact,
        cand=cand,
        clause=clause,
        attach=cand.anaphoric or trigger.generic,
        within_cue=framing,
        extra={"named": bool(titled), "gate": failed},
        naming=naming,
    )


def name_draft(draft: Draft) -> Draft:
    """Give a draft's fact its title and domains (once; see `Naming`)."""
    naming = draft.naming
    if naming is None:
        return draft
    fact, cand, lex = draft.fact, draft.cand, naming.lex
    text = cand.doc_text
    if naming.named is not None:
        fact.title = naming.named
    else:
        start, end = naming.title_span
        trigger = (cand.start, cand.end)
        fact.title = fact_title(
            naming.sent, text, start, end, trigger, naming.head, naming.dates, lex.leading_words, lex.lang
        )
    words_in = naming.quote if domains_in(naming.quote, lex) else text[slice(*naming.utterance)]
    fact.domains = domains_for(words_in, naming.kind, lex)
    draft.naming = None
    return draft


def countries_of(sent: Span, fact: Fact, mentions: list[Mention]) -> list[str]:
    found = {
        m.country
        for m in mentions
        if m.kind == "country" and m.country and sent.start_char <= m.start < sent.end_char
    }
    found |= {m.country for m in fact.participants if m.country}
    return sorted(found)
