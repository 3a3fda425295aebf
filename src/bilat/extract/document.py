"""Document-level passes over drafted facts: the drafts of a document are proposed, merged
(references back and repeated mentions: extract/merging.py), given the actors the text lends
them, related (within, part_of, framework), dated and placed by the lead and the dateline, and
given their countries."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from bilat.extract.broad import broad_matches, load_broad_words
from bilat.extract.candidates import Candidate, find_candidates
from bilat.extract.facts import Draft, build_draft, countries_of, name_draft
from bilat.extract.learned import Decisions, doc_context
from bilat.extract.lexicon import Lexicon
from bilat.extract.merging import VISITS, attach_and_merge, dates_agree, days_apart
from bilat.extract.references import reference_mentions
from bilat.extract.status import cue_hits
from bilat.extract.syntax import sentences
from bilat.model.date_expressions import find_dates
from bilat.model.dates import PartialDate
from bilat.model.publication_dates import dateline_at, leading_lines
from bilat.model.records import Document, Fact, Mention
from bilat.nlp.components.persons import TITLES

_LEAD_CHARS = 400  # facts whose sentence starts in the first characters belong to the lead
_DATELINE_DAYS = 3  # facts dated this close to the dateline happened where it was filed
_DURING_VISIT = {"meeting", "talks", "inauguration", "signing_ceremony"}
_PAST = {"held", "signed", "ongoing", "completed", "in_force"}
_FRAMEWORK_REACH = 250  # characters before an initiative where its framework agreement may be named
_EVENT_BODIES = {"cultural_institution"}  # bodies whose name may be an event's ("Festival de Cannes")
_SESSION_WINDOW = 40  # characters before an event's trigger read for an ordinal ("la 7e Commission mixte")
_SESSION_REACH = 60  # characters each side of a body's name read for the words that hold a session of it
_CLAUSE_BREAK = re.compile(r"[,;:]")  # where the words beside a name stop being its clause's
_FRAMING_REACH = 80  # characters before a trigger read for the words that make it an aim or a topic
_CLAUSE_OPENER = re.compile(r"[,;:()«»\"“”]")  # the words before a trigger after the last of these
_BODY = ("initiative", "regular_meetings")  # a body that meets regularly (its sessions: meetings)
_SESSION = ("event", "meeting")
_MEMBERS_REACH = 3  # sentences before "Ce consortium regroupe A, B et C" where the fact it lists may be
_LIST_ITEM = re.compile(r"\n\s*[-–—•·*▪●◦]\s")  # a line break before a list item's bullet


def _governs(top: Token, low: Token) -> bool:
    """`top` is an ancestor of `low` through modifiers only (not through a coordination)."""
    node = low
    while node.head.i != node.i:
        if node.dep_ == "conj":
            return False
        node = node.head
        if node.i == top.i:
            return True
    return False


def _drop_broad_beside_specific(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """In one phrase, a specific kind wins over a broad one ("la diffusion de films doublés":
    dubbing, not distribution)."""
    out = []
    for d in drafts:
        broad = d.fact.kind in lex.broad_kinds and not d.attach
        shadowed = broad and any(
            o is not d
            and o.fact.type == d.fact.type
            and o.fact.kind not in lex.broad_kinds
            and o.cand.sent.start_char == d.cand.sent.start_char
            and (_governs(o.cand.head, d.cand.head) or _governs(d.cand.head, o.cand.head))
            for o in drafts
        )
        if not shadowed:
            out.append(d)
    return out


def _kind_of_the_object(kept: list[Draft], drafted: list[Draft], lex: Lexicon) -> None:
    """A kept draft of a broad kind read from a verb takes the specific kind of the draft it
    governs or is governed by, kept or not ("signed a Memorandum of Cooperation": a memorandum,
    not an agreement of kind other): the verb tells that it happened, the noun what it is."""
    for d in kept:
        if d.fact.kind not in lex.broad_kinds or d.attach:
            continue
        kinds = {
            o.fact.kind
            for o in drafted
            if o is not d
            and o.fact.type == d.fact.type
            and o.fact.kind not in lex.broad_kinds
            and not _several(o, lex)
            and o.cand.sent.start_char == d.cand.sent.start_char
            and (_governs(d.cand.head, o.cand.head) or _governs(o.cand.head, d.cand.head))
        }
        if len(kinds) == 1:
            d.fact.kind = kinds.pop()
            d.fact.evidence.append(f"kind {d.fact.kind} from the words it governs")


def _several(draft: Draft, lex: Lexicon) -> bool:
    """An agreement named in the plural by a word that names agreements only as a group ("140
    accords de coopération", "signed three bilateral agreements"): several, of kinds the text does
    not tell one by one (`plural_other` in triggers.yaml)."""
    fact = draft.fact
    plural = "Plur" in draft.cand.head.morph.get("Number")
    return fact.type == "agreement" and fact.kind in lex.plural_other and not draft.attach and plural


def _several_are_other(kept: list[Draft], lex: Lexicon) -> None:
    """Agreements named together in the plural are of kind other: the word that names them
    ("accords de coopération", "bilateral agreements") does not tell what each of them is."""
    for d in kept:
        if _several(d, lex):
            d.fact.kind = "other"
            d.fact.evidence.append("kind other: several agreements named together")


def _drop_inside_names(drafts: list[Draft], mentions: list[Mention], lex: Lexicon) -> list[Draft]:
    """A trigger inside an organisation's or a place's name names the body or the place, not a
    fact ("German Rectors' Conference", "Research Center for Education", "à La Réunion"); a
    festival or a theatre's name may be both, and so may a body counted in sessions ("the 12th
    Joint Commission" met: an event)."""
    bodies = [
        (m.start, m.end)
        for m in mentions
        if m.kind != "person" and not (m.kind == "organization" and m.category in _EVENT_BODIES)
    ]
    return [
        d
        for d in drafts
        if not any(a <= d.cand.start and d.cand.end <= b for a, b in bodies) or _a_session(d, lex)
    ]


def _drop_inside_titles(drafts: list[Draft], sdoc: Doc) -> list[Draft]:
    """A trigger inside a person's title names the office, not a fact ("le ministre de la
    Formation professionnelle", "Minister of Trade and Investment")."""
    titles = [(s.start_char, s.end_char) for s in sdoc.spans.get(TITLES, [])]
    if not titles:
        return drafts
    return [d for d in drafts if not any(a <= d.cand.start and d.cand.end <= b for a, b in titles)]


def _a_session(draft: Draft, lex: Lexicon) -> bool:
    """An event's trigger after an ordinal or "session of", or told as held (lang/*/status_cues.yaml)."""
    if draft.fact.type != "event":
        return False
    if draft.extra.get("session"):
        return True
    before = draft.cand.doc_text[max(0, draft.cand.start - _SESSION_WINDOW) : draft.cand.start]
    return lex.session_before.search(before) is not None


def _has_actor(fact: Fact) -> bool:
    return any(m.kind in ("person", "organization") for m in fact.participants)


def _continue_parties(drafts: list[Draft], sents: list, mentions: list[Mention], lex: Lexicon) -> None:
    """ "X et Y ont signé un partenariat. Les deux pays vont collaborer par le biais de A et B":
    the next sentence names the parties the first one only implied."""
    starts = [s.start_char for s in sents]
    for d in drafts:
        if d.fact.type != "agreement" or _has_actor(d.fact):
            continue
        i = starts.index(d.cand.sent.start_char) if d.cand.sent.start_char in starts else -1
        if i < 0 or i + 1 >= len(sents):
            continue
        nxt = sents[i + 1]
        if lex.continuation_openers.search(d.cand.doc_text[nxt.start_char : nxt.end_char].lstrip()):
            d.fact.participants += [
                m
                for m in mentions
                if m.kind == "organization"
                and nxt.start_char <= m.start < nxt.end_char
                and m.category != "media"
            ]


def _listed_members(drafts: list[Draft], sents: list, mentions: list[Mention], lex: Lexicon) -> None:
    """ "…la signature de la convention du consortium. Ce consortium regroupe A, B et C": a sentence
    opened by a group that names its members (lang/*/status_cues.yaml `member_openers`) lists the
    bodies that take part in the agreement or initiative told just before it."""
    index = {s.start_char: i for i, s in enumerate(sents)}
    for j, sent in enumerate(sents):
        if not lex.member_openers.search(sent.text.lstrip()):
            continue
        before = [
            d
            for d in drafts
            if d.fact.type in ("agreement", "initiative")
            and (i := index.get(d.cand.sent.start_char)) is not None
            and j - _MEMBERS_REACH <= i < j
        ]
        if not before:
            continue
        fact = max(before, key=lambda d: d.cand.start).fact
        for m in mentions:
            if (
                m.kind == "organization"
                and m.category != "media"
                and sent.start_char <= m.start < sent.end_char
                and not any(m.start == p.start and m.end == p.end for p in fact.participants)
            ):
                fact.participants.append(m)


def _one_paragraph(text: str, start: int, end: int) -> bool:
    """No paragraph ends between `start` and `end`: no line break, but the breaks of a list
    that a colon opens ("Elle prendra la forme :\n- d'échanges…\n- de projets…")."""
    i = text.find("\n", start, end)
    while i >= 0:
        if not (text[:i].rstrip().endswith(":") or _LIST_ITEM.match(text, i)):
            return False
        i = text.find("\n", i + 1, end)
    return True


def _inherit_participants(drafts: list[Draft], text: str) -> None:
    """An initiative whose sentence names nobody ("Suivra la diffusion de films doublés") is
    carried out by whoever the paragraph's previous fact names."""
    for d in drafts:
        if d.fact.type != "initiative" or _has_actor(d.fact):
            continue
        before = [
            (s.start, o)
            for o in drafts
            if o is not d and _has_actor(o.fact)
            for s in o.fact.sources
            for mine in d.fact.sources
            if s.start < mine.start and _one_paragraph(text, s.start, mine.start)
        ]
        if before:
            previous = max(before, key=lambda b: b[0])[1]
            d.fact.participants += [
                m for m in previous.fact.participants if m.kind in ("person", "organization")
            ]


def _both_sides(drafts: list[Draft], mentions: list[Mention], text: str, lex: Lexicon) -> None:
    """ "The two sides agreed…", "les deux parties…": a fact whose sentence names its actors only
    so is carried out by the actors named before it in its paragraph, or else in the lead."""
    for d in drafts:
        sent = d.cand.sent
        if _has_actor(d.fact) or not lex.both_sides.search(text, sent.start_char, sent.end_char):
            continue
        paragraph = text.rfind("\n", 0, sent.start_char) + 1
        actors = [m for m in mentions if paragraph <= m.start < sent.start_char]
        if not any(m.kind in ("person", "organization") for m in actors):
            actors = [m for m in mentions if m.start < min(_LEAD_CHARS, paragraph)]
        seen = {m.name for m in d.fact.participants}
        for m in actors:
            if m.kind in ("person", "organization") and m.category != "media" and m.name not in seen:
                d.fact.participants.append(m)
                seen.add(m.name)


def _titled_references(drafts: list[Draft], references: list[tuple[Mention, Mention]]) -> None:
    """ "The president was speaking at the meeting", "la visite du président français": a title
    in a fact's sentence, with no name beside it, is the person the text names with it
    (`references`: bilat.extract.references.reference_mentions)."""
    for d in drafts:
        sent = d.cand.sent
        seen = {m.name for m in d.fact.participants}
        for at, person in references:
            if sent.start_char <= at.start < sent.end_char and person.name not in seen:
                d.fact.participants.append(person)
                seen.add(person.name)


def _keep_own_participants(drafts: list[Draft]) -> None:
    """An actor named by another fact's trigger ("le festival de Cannes") is that fact, and one
    named in another fact's phrase ("lors de la visite du président X") takes part in that one,
    not in its neighbours (unless its own phrase names it)."""
    for d in drafts:
        others = [o for o in drafts if o is not d]
        d.fact.participants = [m for m in d.fact.participants if not _elsewhere(m, d, others)]


def _elsewhere(m: Mention, d: Draft, others: list[Draft]) -> bool:
    if any(m.start < o.cand.end and o.cand.start < m.end for o in others):
        return True
    return any(
        o.clause[0] <= m.start and m.end <= o.clause[1] and not o.clause[0] <= d.cand.start < o.clause[1]
        for o in others
    )


def _framework(i: int, drafts: list[Draft], text: str) -> int | None:
    """The agreement an initiative belongs to: one named (or referred back to: "ce pacte sera la
    base d'actions communes") shortly before it in the same paragraph."""
    start = drafts[i].cand.start
    best: tuple[int, int] | None = None
    for j, d in enumerate(drafts):
        if d.fact.type != "agreement":
            continue
        for s in d.fact.sources:
            near = start - _FRAMEWORK_REACH <= s.start < start and _one_paragraph(text, s.start, start)
            if near and (best is None or s.start > best[0]):
                best = (s.start, j)
    return best[1] if best else None


def _relations(drafts: list[Draft], text: str) -> dict[int, tuple[str, int]]:
    """Relations by draft index: ("within" | "part_of" | "framework", target index)."""
    rel: dict[int, tuple[str, int]] = {}
    by_sentence: dict[int, list[int]] = {}
    for i, d in enumerate(drafts):
        by_sentence.setdefault(d.cand.sent.start_char, []).append(i)
    for members in by_sentence.values():
        frames = [i for i in members if drafts[i].within_cue and drafts[i].fact.type == "event"]
        for frame in frames:
            for i in members:
                if i != frame and i not in rel:
                    kind = {"agreement": "within", "event": "part_of", "initiative": "framework"}[
                        drafts[i].fact.type
                    ]
                    if kind != "framework":
                        rel[i] = (kind, frame)
    visits = [i for i, d in enumerate(drafts) if d.fact.kind in VISITS]
    held = [i for i, d in enumerate(drafts) if d.fact.type == "event" and d.fact.status == "held"]
    for i, d in enumerate(drafts):
        if i in rel:
            continue
        f = d.fact
        if f.type == "event" and f.kind in _DURING_VISIT:
            persons = {m.name for m in f.participants if m.kind == "person"}
            hosts = [
                j
                for j in visits
                if j != i and persons & {m.name for m in drafts[j].fact.participants if m.kind == "person"}
            ]
            if hosts:  # the visit told first is the article's own
                rel[i] = ("part_of", hosts[0])
        elif f.type == "initiative":
            framework = _framework(i, drafts, text)
            if framework is not None:
                rel[i] = ("framework", framework)
        elif f.type == "agreement" and f.status == "signed" and not f.date and held:
            meetings = [j for j in held if drafts[j].fact.kind in ("meeting", "talks", "signing_ceremony")]
            rel[i] = ("within", (meetings or held)[0])
    return rel


def _signers_at_ceremonies(drafts: list[Draft], relations: dict[int, tuple[str, int]]) -> None:
    """The people and bodies of an agreement signed at a signing ceremony take part in the
    ceremony. An article's only ceremony is where its signed agreements of the same date were
    signed, when nothing else says where."""
    ceremonies = [
        i for i, d in enumerate(drafts) if d.fact.type == "event" and d.fact.kind == "signing_ceremony"
    ]
    for i, d in enumerate(drafts):
        if d.fact.type != "agreement" or not ceremonies:
            continue
        name, target = relations.get(i, ("", -1))
        if not name and len(ceremonies) == 1 and d.fact.status == "signed":
            if not dates_agree(d.fact, drafts[ceremonies[0]].fact):
                continue
            target = ceremonies[0]
            relations[i] = ("within", target)
        if name not in ("", "within") or target not in ceremonies:
            continue
        ceremony = drafts[target].fact
        for m in d.fact.participants:
            if m.kind in ("person", "organization") and not any(
                m.start == k.start and m.end == k.end for k in ceremony.participants
            ):
                ceremony.participants.append(m)


def _dateline_city(document: Document, mentions: list[Mention], lex: Lexicon) -> Mention | None:
    """The city of the dateline ("Astana, 12 octobre 2023"): where the article was filed from."""
    found = dateline_at(document.text, document.language or lex.lang)
    city = None
    if found is not None:
        start, end, _date = found
        city = next((m for m in mentions if m.kind == "city" and start <= m.start < end), None)
    return city or _wire_dateline_city(document.text, mentions)


def _wire_dateline_city(text: str, mentions: list[Mention]) -> Mention | None:
    """A city in capitals opening one of the first lines, as agencies write it: "SEOUL. KAZINFORM -",
    "ASTANA, June 17 (Reuters) -"."""
    for start, line in leading_lines(text):
        lead = start + len(line) - len(line.lstrip())
        for m in mentions:
            after = text[m.end : m.end + 1]
            if m.kind == "city" and m.start == lead and m.text.isupper() and after in {",", ".", " ", "("}:
                return m
    return None


def _place_from_dateline(
    fact: Fact, city: Mention, published: str | None, places: list[Mention], text: str
) -> None:
    """An event or signing with no place of its own, dated about the day the article was filed
    (or not dated), took place where it was filed, unless its quote sends it to another country."""
    days = days_apart(fact.date, published)
    if fact.date is not None and (days is None or days > _DATELINE_DAYS):
        return
    source = fact.sources[0]
    elsewhere = [
        m
        for m in places
        if m.kind == "country" and source.start <= m.start < source.end and m.country != city.country
    ]
    if elsewhere:
        return
    fact.place = city.name
    fact.evidence.append(f"place from the dateline ({city.text})")


def _session_cue(cand: Candidate, lex: Lexicon) -> str | None:
    """How the text tells that the name of a body that meets regularly names one session of it,
    a meeting: "ordinal" after an ordinal or "session of" ("the 12th Joint Commission"), "held"
    beside words that hold a session in its clause ("the Joint Commission was held in Delhi",
    "co-chair the Joint Commission on Friday"); None when it does not. Read for the body's
    triggers and for the meeting triggers that need a cue."""
    trigger = cand.trigger
    body = (trigger.type, trigger.kind) == _BODY
    if cand.anaphoric or not (body or ((trigger.type, trigger.kind) == _SESSION and trigger.needs_cue)):
        return None
    if "Plur" in cand.head.morph.get("Number"):  # "joint commissions", "des réunions régulières": many
        return None
    text, sent = cand.doc_text, cand.sent
    if lex.session_before.search(text[max(sent.start_char, cand.start - _SESSION_WINDOW) : cand.start]):
        return "ordinal"
    before = _CLAUSE_BREAK.split(text[max(sent.start_char, cand.start - _SESSION_REACH) : cand.start])[-1]
    after = _CLAUSE_BREAK.split(text[cand.end : min(sent.end_char, cand.end + _SESSION_REACH)])[0]
    if lex.session_held.search(before) or lex.session_held.search(after):
        return "held"
    return None


def _as_session(cand: Candidate) -> Candidate:
    """The body's trigger read as naming one session of the body, a meeting."""
    trigger = replace(
        cand.trigger,
        type=_SESSION[0],
        kind=_SESSION[1],
        name=f"{cand.trigger.name}>session",
        needs_cue=False,
        needs_signing=False,
        kind_by_domain={},
    )
    return replace(cand, trigger=trigger)


def framing(cand: Candidate, lex: Lexicon) -> str | None:
    """How the words before a trigger frame it: "aim" when it is what a clause is for ("afin de
    renforcer la coopération", "in order to promote trade"), "topic" when it is what is discussed
    or the domain of another word ("au sujet de la liaison aérienne", "in the field of research"),
    "measure" when it is what a quantity measures ("deux fois plus d'heures de formation", "the
    number of exchanges"); none is a fact of its own. None when the words do not frame it so."""
    before = cand.doc_text[max(cand.sent.start_char, cand.start - _FRAMING_REACH) : cand.start]
    before = _CLAUSE_OPENER.split(before)[-1]
    if lex.aim_before.search(before):
        return "aim"
    if lex.topic_before.search(before):
        return "topic"
    if lex.measure_before.search(before):
        return "measure"
    return None


def candidate_drafts(
    document: Document,
    sdoc: Doc,
    mentions: list[Mention],
    lex: Lexicon,
    masked: list[tuple[int, int]] | None = None,
    broad: bool = False,
    sents: list[Span] | None = None,
    named: bool = True,
) -> list[Draft]:
    """A draft per trigger. The rules alone (`broad=False`) keep the drafts whose gates hold;
    for the trained decisions (`broad=True`) the broad fact words propose drafts too, and gated
    drafts are kept with the gate they failed.

    `sents` are `sentences(sdoc, document.text)` when the caller has them already. With
    `named=False` the facts have no title nor domains yet: `name_draft` gives them to the
    drafts that are kept (the decisions drop most drafts, and a title is their dearest part)."""
    reference = PartialDate.parse(document.published)
    dates = find_dates(document.text, document.language or lex.lang, reference)
    words = load_broad_words(lex.lang) if broad else None
    extra = broad_matches(sdoc, words) if words is not None else None
    candidates = find_candidates(sdoc, lex, list(masked or []), extra, sents)
    hits_by_sent: dict[int, list] = {}
    drafts: list[Draft] = []
    for cand in candidates:
        key = cand.sent.start_char
        if key not in hits_by_sent:
            hits_by_sent[key] = cue_hits(cand.sent, lex, document.text)
        session = _session_cue(cand, lex)
        tellers = [cand]
        if session is not None and cand.trigger.type == _BODY[0]:
            # a session of the body: the rules read the meeting; the trained decisions get both
            tellers = [cand, _as_session(cand)] if broad else [_as_session(cand)]
        for told in tellers:
            # a meeting told as held or numbered needs no other cue
            gates = not broad and not (session is not None and told.trigger.type == _SESSION[0])
            draft = build_draft(told, hits_by_sent[key], mentions, dates, lex, document.id, gates=gates)
            if draft is None:
                continue
            framed = framing(told, lex) if broad else None
            if framed is not None:  # the decisions keep it only when sure (extract/learned.py)
                draft.extra["framed"] = framed
            if session is not None:
                draft.extra["session"] = session
                if told.trigger.type == _SESSION[0] and draft.extra.get("gate") == "needs_cue":
                    del draft.extra["gate"]
                elif told.trigger.type == _BODY[0] and broad:
                    # the rules read a session: the body is a reading only the decisions may keep
                    draft.extra["gate"] = draft.extra.get("gate") or "session"
            drafts.append(name_draft(draft) if named else draft)
    return drafts


def _bilateral(
    drafts: list[Draft], places: list[Mention], doc_countries: list[str], keep_all: bool = False
) -> list[Draft]:
    """The drafts between two countries or more, their countries set: those named in the
    sentence and those of the participants, else the two the document names most, else those of
    the cities, bodies and people it names most. bilat follows bilateral cooperation: what
    happens in one country alone ("a new art museum opens in Astana") is not one of its facts.
    `keep_all`: the rules alone (no trained decisions) keep every draft, their countries set."""
    named = [c for c, _ in Counter(m.country for m in places if m.country).most_common()]
    out = []
    for d in drafts:
        countries = countries_of(d.cand.sent, d.fact, places)
        if len(countries) < 2:
            countries = sorted(set(countries) | set(doc_countries))
        for code in named:  # then those of the cities, bodies and people named ("Strasbourg")
            if len(countries) >= 2:
                break
            countries = sorted({*countries, code})
        d.fact.countries = countries
        if len(countries) >= 2 or keep_all:
            out.append(d)
    return out


def extract_facts(
    document: Document,
    sdoc: Doc,
    mentions: list[Mention],
    lex: Lexicon,
    country_cues: list[Mention] | None = None,
    masked: list[tuple[int, int]] | None = None,
    decisions: Decisions | None = None,
) -> list[Fact]:
    """All facts of one document, in order, with relations as indices into the returned list.

    `country_cues` are country adjectives ("kazakhe") that place facts without being actors;
    `masked` are ranges of page furniture where no fact is read; `decisions`, trained ones
    (bilat.extract.learned), decide which drafts are facts instead of the rules' gates."""
    places = mentions + list(country_cues or [])
    sents = sentences(sdoc, document.text)  # once: candidates, features and passes share them
    trained = decisions is not None
    drafts = candidate_drafts(document, sdoc, mentions, lex, masked, trained, sents, named=not trained)
    references = reference_mentions(sdoc, mentions, list(country_cues or []), lex.lang)  # once
    if decisions is not None:
        context = doc_context(document, places, sents, references)
        drafted = drafts
        drafts = [name_draft(d) for d in decisions.decide(drafts, context)]
        _kind_of_the_object(drafts, drafted, lex)
        _several_are_other(drafts, lex)
    drafts = _drop_broad_beside_specific(drafts, lex)
    drafts = _drop_inside_names(drafts, mentions, lex)
    drafts = _drop_inside_titles(drafts, sdoc)
    _keep_own_participants(drafts)
    drafts = attach_and_merge(drafts, lex, document.text)
    _continue_parties(drafts, sents, mentions, lex)
    _listed_members(drafts, sents, mentions, lex)
    _inherit_participants(drafts, document.text)
    if decisions is not None:
        for draft in drafts:
            decisions.take_part(draft, context)
    _both_sides(drafts, mentions, document.text, lex)
    _titled_references(drafts, references)

    doc_countries = [
        c for c, _ in Counter(m.country for m in places if m.kind == "country" and m.country).most_common(2)
    ]
    drafts = _bilateral(drafts, places, doc_countries, keep_all=decisions is None)
    filed_from = _dateline_city(document, mentions, lex)
    relations = _relations(drafts, document.text)
    _signers_at_ceremonies(drafts, relations)
    for i, d in enumerate(drafts):
        f = d.fact
        explicit = [h for h in f.status_history if h.status]
        if explicit:
            explicit.sort(key=lambda h: PartialDate.sort_key(h.date))
            f.status = explicit[-1].status
            if f.type == "event" and f.status == "planned" and any(h.status == "held" for h in explicit):
                f.status = "held"  # an event told as held is not planned again in the same article
        in_lead = d.cand.sent.start_char < _LEAD_CHARS
        # a past event or signature the article leads with happened about when it was published;
        # an initiative's start is not the day it was reported
        name, frame = relations.get(i, ("", -1))
        framed = name in ("within", "part_of") and drafts[frame].fact.date is not None  # dated by it later
        if (
            not f.date
            and not framed
            and document.published
            and f.type != "initiative"
            and f.status in _PAST
            and (in_lead or f.type == "agreement")
        ):
            f.date = document.published
            f.evidence.append(f"date from publication ({document.published_basis})")
        for h in f.status_history:
            h.date = h.date or f.date or document.published
        # the history in date order, then in text order ("proposé en juillet 2020" before "signé en décembre")
        f.status_history.sort(key=lambda h: (PartialDate.sort_key(h.date), h.source.start if h.source else 0))
        if filed_from is not None and f.place is None and f.type != "initiative":
            _place_from_dateline(f, filed_from, document.published, places, document.text)

    facts = [d.fact for d in drafts]
    for i, (name, target) in relations.items():
        setattr(facts[i], name, target)
    return facts
