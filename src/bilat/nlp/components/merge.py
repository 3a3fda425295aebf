"""`bilat_mentions`: the final actor mentions, merged from the bilat spans and the NER entities.

Reads `bilat_boilerplate`, `bilat_places`, `bilat_orgs`, `bilat_persons` and `doc.ents`;
writes `doc.spans["bilat_mentions"]` (label = actor kind, `kb_id_` = gazetteer key) with
`span._.bilat = {"name", "key", "country", "category", "roles", "aliases"}`. Order of trust:
organisation patterns, titled persons, gazetteer places, NER persons, NER organisations,
then names already seen in the document ("Tokaïev" after "Kassym-Jomart Tokaïev", "le
Louvre" after "musée du Louvre", "Kazinform" after "le site Kazinform"). NER places
and MISC entities are never taken alone. Nothing inside page furniture is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from bilat.gazetteers import load_gazetteer
from bilat.model.names import fold, word_prefixes
from bilat.nlp.components.agents import Agents, Partner
from bilat.nlp.components.boilerplate import in_boilerplate
from bilat.nlp.components.not_actors import OPEN_QUOTES, NotActors
from bilat.nlp.components.orgs import ORGS
from bilat.nlp.components.persons import PERSONS, TITLES
from bilat.nlp.components.places import DEMONYMS, PLACES
from bilat.nlp.langdata import load_lang
from bilat.nlp.lexicon import lexicon_for
from bilat.nlp.text import (
    acronym_end,
    bracket_acronym,
    clean_bounds,
    drop_cache,
    is_acronym,
    is_cap,
    is_name_part,
    is_roman,
    longest_match,
    span_name,
    starts_upper,
    token_folds,
    token_texts,
)

MENTIONS = "bilat_mentions"
PER_LABELS = frozenset({"PER", "PERSON"})
ORG_LABELS = frozenset({"ORG"})
LOC_LABELS = frozenset({"LOC", "GPE", "FAC"})
_BODY_READINGS = LOC_LABELS | {"MISC"}  # what the NER may call a body it does not know
_POSSESSIVES = frozenset({"’s", "'s"})
_MIXED_CASE = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$")  # "SupAgro", "SciencesPo"
_FOOTNOTE = re.compile(r"^[A-Z][a-z]+[a-z]\d$")  # "Finland1"


@dataclass
class _Candidate:
    start: int
    end: int
    priority: float
    kind: str
    info: dict[str, Any] = field(default_factory=dict)


def _info(name: str, **values: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": name,
        "key": None,
        "country": None,
        "category": None,
        "roles": [],
        "aliases": [],
    }
    base.update(values)
    return base


class MentionMerger:
    """Picks one reading per stretch of text and spreads known names over the document."""

    def __init__(self, nlp: Language, name: str = "bilat_mentions") -> None:
        self.name = name
        self.data = load_lang(nlp.lang)
        self.lexicon = lexicon_for(nlp)
        self.gazetteer = load_gazetteer()
        self.skip = self.data.determiners | self.data.honorifics
        self.checks = NotActors(self.data, self.lexicon)
        self.agents = Agents(self.data, self.checks)

    def __call__(self, doc: Doc) -> Doc:
        folds = token_folds(doc)
        furniture = in_boilerplate(doc)
        demonym_tokens = {s.start for s in doc.spans.get(DEMONYMS, [])}
        ents = doc.ents  # spaCy makes a new Span of each entity on every access: read once
        ner_places = {k for e in ents if e.label_ in LOC_LABELS for k in range(e.start, e.end)}
        ner_place_bounds = {clean_bounds(e, self.skip) for e in ents if e.label_ in LOC_LABELS}
        blocked: set[int] = set()
        cands: list[_Candidate] = []
        for span in doc.spans.get(ORGS, []):
            cands.append(self._org_candidate(span, blocked))
        for span in doc.spans.get(PERSONS, []):
            info = span._.bilat or {}
            name = span_name(doc, span.start, span.end)
            cands.append(_Candidate(span.start, span.end, 2, "person", _info(name, **info)))
        places = list(doc.spans.get(PLACES, []))
        as_place = {fold(p.text) for p in places if all(k in ner_places for k in range(p.start, p.end))}
        ner_other = {(e.start, e.end) for e in ents if e.label_ in PER_LABELS | ORG_LABELS}
        for span in places:
            place = self.gazetteer.get(span.kb_id_)
            if (
                place is not None
                and (span.start, span.end) in ner_other
                and not self._sure_place(span, place, as_place)
            ):
                continue  # "Orano" the company, not Oran the city (whose Italian name it is)
            if place is None or (place.weak and (span.start, span.end) not in ner_place_bounds):
                continue  # a small town or a common word: only where the NER sees exactly this place
            if self._in_surname(doc, span):
                continue  # "Hélène Vasseur de Saint Martin": a piece of her name
            info = _info(place.display(self.data.lang), key=place.key, country=place.country)
            cands.append(_Candidate(span.start, span.end, 3, place.kind, info))
        surnames = self._surnames(doc, folds, ents)
        titles = [(s.start, s.end) for s in doc.spans.get(TITLES, [])]
        for ent in ents:
            if ent.label_ in PER_LABELS and self.checks.quoted_whole(doc, *clean_bounds(ent, self.skip)):
                blocked.update(range(ent.start, ent.end))  # danced “Kara Zhorgo”: a work's title, no one
            if self._titled_body(doc, folds, ent, places):
                ent = Span(doc, ent.start, ent.end, label="ORG")  # "la présidente de l'Embrapa"
            cand = self._ner_candidate(doc, ent, folds, demonym_tokens, places, surnames)
            if cand is None:
                continue
            if not self.checks.portfolio(doc, folds, cand.kind, cand.start, cand.end, titles):
                cands.append(cand)
        for cand in cands:
            if cand.kind == "organization":
                self._to_acronym(doc, cand, blocked)
        cands = self._with_acronyms(doc, folds, cands, places)
        cands = self._without_mechanisms(doc, folds, cands, places)
        cands += self._agent_bodies(doc, folds, cands, places, ents, blocked)
        chosen = self._select(cands, furniture, blocked)
        chosen += self._spread(doc, chosen, folds, furniture, demonym_tokens, blocked)
        chosen.sort(key=lambda c: c.start)
        spans = []
        for c in chosen:
            span = Span(doc, c.start, c.end, label=c.kind, kb_id=c.info.get("key") or "")
            span._.bilat = c.info
            spans.append(span)
        doc.spans[MENTIONS] = spans
        drop_cache(doc)
        return doc

    # -- candidates ---------------------------------------------------------------------
    def _org_candidate(self, span: Span, blocked: set[int]) -> _Candidate:
        info = dict(span._.bilat or {})
        doc = span.doc
        aliases = list(info.get("aliases") or [])
        if aliases:  # the "(CNC)" after its expansion belongs to it
            blocked.update(range(span.end, min(len(doc), span.end + 3)))
        if span.label_ == "city":
            place = self.gazetteer.get(span.kb_id_)
            name = place.display(self.data.lang) if place else span.text
            country = place.country if place else None
            text = span_name(doc, span.start, span.end)
            return _Candidate(
                span.start, span.end, 1, "city", _info(name, key=span.kb_id_, country=country, aliases=[text])
            )
        text = span_name(doc, span.start, span.end)
        name = text[:1].upper() + text[1:]
        values = {"country": info.get("country"), "category": span.label_, "aliases": aliases}
        cand = _Candidate(span.start, span.end, 1, "organization", _info(name, **values))
        cand.info["proper"] = info.get("proper")
        return cand

    def _agent_bodies(
        self,
        doc: Doc,
        folds: list[str],
        cands: list[_Candidate],
        places: list[Span],
        ents: tuple[Span, ...],
        blocked: set[int],
    ) -> list[_Candidate]:
        """Bodies read from what the sentence does with a name (`Agents`): coordinated with a
        body or, as agents, with a country; the proper-noun subject of a signing verb."""
        texts = token_texts(doc)
        partners = [Partner(c.start, c.end, c.kind) for c in cands if c.kind in {"organization", "country"}]
        spans = self.agents.coordinated(doc, folds, texts, ents, places, partners, self.skip)
        out = [self._body(doc, s, e, 2.8) for s, e in spans]
        taken = (
            blocked
            | {k for c in cands for k in range(c.start, c.end)}
            | {k for s, e in spans for k in range(s, e)}
        )
        out += [self._body(doc, s, e, 5) for s, e in self.agents.signers(doc, texts, taken)]
        return out

    @staticmethod
    def _body(doc: Doc, start: int, end: int, priority: float) -> _Candidate:
        name = span_name(doc, start, end)
        return _Candidate(start, end, priority, "organization", _info(name, category="other"))

    def _without_mechanisms(
        self, doc: Doc, folds: list[str], cands: list[_Candidate], places: list[Span]
    ) -> list[_Candidate]:
        """The candidates without the bilateral mechanisms (`NotActors.mechanism`) nor their
        acronyms ("the JMC" after "Joint Ministerial Commission (JMC)")."""
        mechanisms = [
            c
            for c in cands
            if c.kind == "organization" and self.checks.mechanism(doc, folds, c.start, c.end, places)
        ]
        if not mechanisms:
            return cands
        short = {fold(a) for c in mechanisms for a in c.info.get("aliases") or []}
        short |= {fold(a) for c in mechanisms if (a := bracket_acronym(doc, c.start, c.end))}
        inside = {
            (c.start, c.end) for c in cands for m in mechanisms if m.start <= c.start and c.end <= m.end
        }
        return [
            c
            for c in cands
            if c not in mechanisms
            and not (c.kind == "organization" and fold(c.info["name"]) in short)
            and not (c.kind in {"person", "organization"} and (c.start, c.end) in inside)
        ]

    def _titled_body(self, doc: Doc, folds: list[str], ent: Span, places: list[Span]) -> bool:
        """A name the NER calls a place (or MISC) that no gazetteer knows, standing as the
        complement of a person's title, is a body: "la présidente de l'Embrapa", "the director
        general of Rosatom", "Rosatom's director". Not after a title of a territory's office
        ("le maire de Wisznice"), nor over a known place ("l'ambassadeur de France")."""
        if ent.label_ not in _BODY_READINGS or any(p.start < ent.end and ent.start < p.end for p in places):
            return False
        start, end = clean_bounds(ent, self.skip)
        if end <= start:
            return False
        if end + 1 < len(doc) and doc[end].lower_ in _POSSESSIVES:  # "Rosatom's director"
            return self._office_title(folds, end + 1, self.data.title_at(doc, folds, end + 1))
        k, linked = start, False
        while k > 0 and start - k < 3 and doc[k - 1].lower_ in self._complement_links:
            linked = linked or doc[k - 1].lower_ in self.data.prepositions
            k -= 1
        if not linked:
            return False  # "le président Embrapa": no complement
        for a in range(k - 1, max(-1, k - 1 - self.data.max_phrase_words), -1):
            if self.data.title_at(doc, folds, a) == k:
                return self._office_title(folds, a, k)
        return False

    def _in_surname(self, doc: Doc, place: Span | None) -> bool:
        """The place closes a person's name the NER read, after a given name, a family name and a
        surname particle: a piece of the surname ("Hélène Vasseur de Saint Martin"), not where
        the person is from ("Amadou Diallo du Sénégal", "Albert II de Monaco", "Consul Honoraire
        de Mongolie")."""
        if place is None or place.start < 3 or doc[place.start - 1].lower_ not in self.data.surname_particles:
            return False
        for ent in doc.ents:
            start, end = clean_bounds(ent, self.skip)
            if ent.label_ in PER_LABELS and start <= place.start - 3 and end == place.end:
                before = range(start, place.start - 1)
                return len(before) >= 2 and all(
                    is_cap(doc[k])
                    and doc[k].is_alpha
                    and not is_roman(doc[k].text)
                    and not self.checks.ordinary(doc[k].lower_)
                    and fold(doc[k].text) not in self.data.titles
                    for k in before
                )
        return False

    @cached_property
    def _complement_links(self) -> frozenset[str]:
        """Words between a title and its complement: "de l'", "du", "of the" (not "à", "in":
        where the person serves, "ambassadeur au Kazakhstan")."""
        return (self.data.prepositions - self.data.locatives) | self.data.articles

    def _office_title(self, folds: list[str], start: int, end: int | None) -> bool:
        """Tokens start..end are a title whose complement may be a body (not "maire", "mayor")."""
        if end is None:
            return False
        return " ".join(f for f in folds[start:end] if f) not in self.data.territorial_titles

    @staticmethod
    def _before_open_quote(doc: Doc, start: int, end: int) -> int:
        """End of a name before an opening quote it does not close."""
        for k in range(start + 1, end):
            close = OPEN_QUOTES.get(doc[k].text)
            if close is not None and not any(doc[j].text == close for j in range(k + 1, end)):
                return k
        return end

    @staticmethod
    def _to_acronym(doc: Doc, cand: _Candidate, blocked: set[int]) -> None:
        """Stretch a body's name the NER cut short to the acronym in brackets that spells it
        ("la Direction du développement | et de la coopération (DDC)"): the acronym is one of its
        names, and the longer reading wins over the places inside it ("… in Poland (CRASP)")."""
        end = acronym_end(doc, cand.start, cand.end)
        if end > cand.end:
            text = span_name(doc, cand.start, end)
            cand.end = end
            cand.priority = min(cand.priority, 1)
            cand.info["name"] = text[:1].upper() + text[1:]
        short = bracket_acronym(doc, cand.start, end)
        if short is not None and short not in cand.info.get("aliases", []):
            cand.info["aliases"] = [*cand.info.get("aliases", []), short]
            blocked.update(range(end, end + 3))

    @staticmethod
    def _sure_place(span: Span, place: Any, as_place: set[str]) -> bool:
        """A place named the NER calls a person or an organisation: keep it if the name is unambiguous."""
        norm = fold(span.text)
        return place.kind == "country" or norm == fold(place.name) or norm in as_place

    def _single_ok(
        self, doc: Doc, k: int, demonym_tokens: set[int], folds: list[str], strict: bool = True
    ) -> bool:
        """Can this one word stand alone as a name? `strict`: not even an ordinary word."""
        text = doc[k].text
        if is_acronym(text):
            return True
        common = self.checks.ordinary(text.lower()) if strict else text.lower() in self.lexicon.stop_words
        return not (common or k in demonym_tokens or folds[k] in self.data.titles or not is_cap(doc[k]))

    def _named_like_an_org(self, word: str) -> str | None:
        """The category of a one-word name that ends like an organisation's ("…film": film body)."""
        return next(
            (
                category
                for end, category in self.data.name_endings
                if word.endswith(end) and len(word) > len(end) + 2
            ),
            None,
        )

    @staticmethod
    def _surnames(doc: Doc, folds: list[str], ents: tuple[Span, ...]) -> frozenset[str]:
        """Last words of the document's persons named in full ("Hippler" of "Horst Hippler")."""
        spans = [*doc.spans.get(PERSONS, []), *(e for e in ents if e.label_ in PER_LABELS)]
        return frozenset(
            folds[s.end - 1]
            for s in spans
            if s.end - s.start >= 2 and folds[s.end - 1] and is_cap(doc[s.end - 1])
        )

    def _ner_candidate(
        self,
        doc: Doc,
        ent: Span,
        folds: list[str],
        demonym_tokens: set[int],
        places: list[Span],
        surnames: frozenset[str] = frozenset(),
    ) -> _Candidate | None:
        if ent.label_ not in PER_LABELS | ORG_LABELS:
            return None
        start, end = clean_bounds(ent, self.skip)
        opened = next((k for k in range(start, end) if doc[k].text == "("), None)
        if opened is not None and not any(doc[k].text == ")" for k in range(opened, end)):
            end = opened  # "German Rectors' Conference (HRK": the bracket is not the name's
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
        if ent.label_ in PER_LABELS:
            while start < end and (folds[start] in self.data.titles or doc[start].lower_ in self.skip):
                start += 1
            lead = self.data.title_at(doc, folds, start)
            if lead is not None and lead <= end:
                start = lead  # "Lt Gen": a title of several words
            while start >= 2 and self._joined_before(doc, start):
                start -= 2  # "Zamir-ul-Hasan Shah", of which the NER saw "Hasan Shah"
            while end > start and (folds[end - 1] in self.data.titles or not folds[end - 1]):
                end -= 1
        if ent.label_ in PER_LABELS:  # "Amadou Ba du Sénégal": the name ends before "du <place>"
            place_starts = {p.start for p in places}
            cut = next(
                (
                    k
                    for k in range(start + 1, end - 1)
                    if doc[k].lower_ in self.data.particles
                    and not self._in_surname(doc, next((p for p in places if p.start == k + 1), None))
                    and next((j for j in range(k, end) if doc[j].lower_ not in self.data.particles), end)
                    in place_starts
                ),
                None,
            )
            if cut is not None:
                end = cut
        if self.checks.named_thing(doc, folds, start) and not is_acronym(doc[start].text):
            return None  # "operation Zarb-e-Azb", "les projets Erasmus+": a thing's name
        if ent.label_ in ORG_LABELS and self.data.capitalised_fields:  # English names have no lower-case
            lower = (k for k in range(start + 1, end) if doc[k].is_lower and doc[k].is_alpha)
            end = next((k for k in lower if doc[k].lower_ not in self.data.connectors), end)  # "Academy | as"
        if ent.label_ in ORG_LABELS:  # "ISRO’s Oceansat", "CNES’s": the body is the possessor
            end = next((k for k in range(start + 1, end) if doc[k].lower_ in _POSSESSIVES), end)
            end = self._before_open_quote(doc, start, end)  # "Erasmus+ « mobilités …"
            while end > start and (doc[end - 1].lower_ in self.data.connectors or doc[end - 1].is_punct):
                end -= 1  # "Bureau économique et commercial de l’": a name never ends on "de l’"
        if end <= start or not is_cap(doc[start]):
            return None
        shouting = self._shouted(doc, start) or self._shouted(doc, end - 1)
        if (
            ent.label_ in PER_LABELS
            and shouting
            and all(doc[k].is_upper or not folds[k] for k in range(start, end))
        ):
            return None  # "… DU TEMPLE DE ZEUS DE JERASH": a word of a line in capitals
        words = [k for k in range(start, end) if folds[k]]
        if len(words) == 1 and not self._single_ok(doc, words[0], demonym_tokens, folds):
            return None
        inner = [p for p in places if start <= p.start and p.end <= end and (p.end - p.start) < end - start]
        priority = 2.5 if inner else 4
        named_after = all(p.start > start and is_cap(doc[p.start - 1]) for p in inner)
        if ent.label_ in ORG_LABELS and inner and named_after:
            priority = 1.5  # "Air Mauritius", "Business Finland": a body named after its country
            # (not "Science of Ukraine", a piece of "Minister of Education and Science of Ukraine")
        name = span_name(doc, start, end)
        if ent.label_ in PER_LABELS:
            if len(words) == 1 and folds[words[0]] in self.data.non_actor_heads | self.data.not_body_acronyms:
                return None  # "MoU", "RSVP" read as a person
            if self.checks.quoted_whole(doc, start, end) or self.checks.named_place(doc, folds, start, end):
                return None  # danced “Kara Zhorgo”; "the Adjara region", "the city of Mugteppa"
            if len(words) > 5 or any(
                not is_name_part(doc[k]) and doc[k].lower_ not in self.data.particles for k in words
            ):
                return None
            category = self._named_like_an_org(folds[words[-1]]) if len(words) == 1 else None
            if category is not None:  # "Kazakhfilm", "Halykbank": one word, an organisation's ending
                return _Candidate(start, end, priority + 1, "organization", _info(name, category=category))
            return _Candidate(start, end, priority, "person", _info(name))
        if len(words) == 1 and folds[words[0]] in self.data.not_body_acronyms:
            return None  # "STEM", "MOU": an acronym that names no body
        if len(words) == 1 and is_acronym(doc[words[0]].text) and self._glued(doc, words[0]):
            return None  # "MIL" of "MIL-OSI": a piece of a longer name
        if _FOOTNOTE.match(doc[end - 1].text):
            name = name[:-1]  # "Business Finland1": a footnote's number glued to the name
        if len(words) == 1 and folds[words[0]] in surnames:  # the NER's "organisation" is a person
            return _Candidate(start, end, priority, "person", _info(name))
        if self.checks.quoted_fragment(doc, start, end) or folds[words[0]] in self.data.titles:
            return None  # a piece of a title, or a person's title ("ministre de la Culture")
        if (
            folds[words[0]] in self.data.non_actor_heads or folds[words[-1]] in self.data.non_actor_heads
        ) and not self.checks.of_members(folds, words):
            return None
        if self.checks.plain_words(doc, folds, words, demonym_tokens, places):
            return None
        country = next(
            (self._demonym_country(doc, k) for k in range(start, end) if k in demonym_tokens), None
        )
        head = self.data.org_head_at(doc, folds, start)
        category = head[1].category if head else "other"
        return _Candidate(
            start, end, priority + 1, "organization", _info(name, country=country, category=category)
        )

    def _with_acronyms(
        self, doc: Doc, folds: list[str], cands: list[_Candidate], places: list[Span]
    ) -> list[_Candidate]:
        """The candidates without the one-word bodies the text spells out as things ("le projet
        de gazoduc (TCP)", whoever read TCP as a body), plus the acronyms standing alone."""
        texts = token_texts(doc)  # two passes over every token: no Token object each
        found = [k for k, t in enumerate(texts) if 3 <= len(t) <= 7 and t.isalpha() and t.isupper()]
        things = {folds[k] for k in found if self.checks.names_a_thing(doc, k, folds)}
        kept = [
            c
            for c in cands
            if not (c.kind == "organization" and c.end - c.start == 1 and folds[c.start] in things)
        ]
        return kept + self._acronyms(doc, folds, texts, found, things, places)

    def _acronyms(
        self,
        doc: Doc,
        folds: list[str],
        texts: list[str],
        found: list[int],
        things: set[str],
        places: list[Span],
    ) -> list[_Candidate]:
        """Acronyms standing alone that neither the NER nor the patterns read ("JETRO held a
        ceremony", "l'Embrapa et le Cirad"): bodies, last in trust. Not a word of a shouted line
        ("VISITE DU PRÉSIDENT"), an ordinary word, a roman numeral, one the text spells out as a
        thing (`things`) or one of the language's acronyms that name no body (currencies,
        measures, documents)."""
        out = []
        for k in found:
            text = doc[k].text
            if (
                folds[k] in things
                or folds[k] in self.data.not_body_acronyms
                or folds[k] in self.data.non_actor_heads
                or folds[k] in self.data.titles  # "DHM Ms. Dybdahl": a title's acronym
            ):
                continue
            if is_roman(text) or self.lexicon.common(text.lower()) or self._shouted(doc, k):
                continue
            if self._glued(doc, k):
                continue  # "MIL-OSI": one piece of a longer name
            town = self._with_town(doc, k, places)
            if town is not None:
                out.append(town)
                continue
            out.append(_Candidate(k, k + 1, 7, "organization", _info(text, category="other")))
        mixed = (k for k, t in enumerate(texts) if _MIXED_CASE.match(t) and not self.lexicon.common(t))
        out += [town for k in mixed if (town := self._with_town(doc, k, places)) is not None]
        return out

    def _with_town(self, doc: Doc, k: int, places: list[Span]) -> _Candidate | None:
        """A body's short name and its town: "INSA Rennes", "SupAgro Montpellier" (not "BRICS
        Summit", Summit the small town)."""
        city = next((p for p in places if p.start == k + 1 and p.label_ == "city"), None)
        known = self.gazetteer.get(city.kb_id_) if city is not None else None
        if city is None or known is None or known.weak or doc[k].whitespace_ != " ":
            return None
        name = span_name(doc, k, city.end)
        return _Candidate(k, city.end, 2.9, "organization", _info(name, category="other"))

    @staticmethod
    def _glued(doc: Doc, k: int) -> bool:
        """Token k is joined by a hyphen, without spaces, to a word before or after it."""
        after = (
            k + 2 < len(doc)
            and doc[k + 1].text == "-"
            and not doc[k].whitespace_
            and not doc[k + 1].whitespace_
        )
        before = (
            k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ and not doc[k - 1].whitespace_
        )
        return after or before

    @staticmethod
    def _shouted(doc: Doc, k: int) -> bool:
        """A word of a line written in capitals: a neighbour is a capitalised word too."""
        for j in (k - 1, k + 1):
            if 0 <= j < len(doc) and doc[j].is_alpha and doc[j].is_upper and len(doc[j].text) > 1:
                return True
        return False

    @staticmethod
    def _joined_before(doc: Doc, start: int) -> bool:
        """Token `start` is glued by a hyphen, without spaces, to a word before it."""
        hyphen, word = doc[start - 1], doc[start - 2]
        return hyphen.text == "-" and not hyphen.whitespace_ and not word.whitespace_ and word.is_alpha

    def _demonym_country(self, doc: Doc, k: int) -> str | None:
        for span in doc.spans.get(DEMONYMS, []):
            if span.start == k:
                return str(span.label_)
        return None

    # -- choice -------------------------------------------------------------------------
    def _select(self, cands: list[_Candidate], furniture: list[bool], blocked: set[int]) -> list[_Candidate]:
        taken: set[int] = set(blocked)
        chosen = []
        for c in sorted(cands, key=lambda c: (c.priority, -(c.end - c.start), c.start)):
            tokens = range(c.start, c.end)
            if any(furniture[k] or k in taken for k in tokens):
                continue
            taken.update(tokens)
            chosen.append(c)
        return chosen

    def _spread(
        self,
        doc: Doc,
        chosen: list[_Candidate],
        folds: list[str],
        furniture: list[bool],
        demonyms: set[int],
        blocked: set[int],
    ) -> list[_Candidate]:
        """Later mentions of names already recognised: a surname, a bare proper part, a media title."""
        known: dict[str, tuple[str, dict[str, Any]]] = {}
        for c in chosen:
            if c.kind == "person":
                words = [k for k in range(c.start, c.end) if folds[k]]
                for j, k in enumerate(words):
                    last = j == len(words) - 1
                    if (
                        j == 0
                        or (last and self._single_ok(doc, k, demonyms, folds, strict=False))
                        or (not last and is_cap(doc[k]))
                    ):
                        known.setdefault(" ".join(folds[x] for x in words[j:]), ("person", {}))
            elif c.kind == "organization":
                values = {"country": c.info.get("country"), "category": c.info.get("category")}
                known.setdefault(fold(c.info["name"]), ("organization", values))
                proper = c.info.get("proper")
                if proper:
                    known.setdefault(fold(proper), ("organization", values))
                for alias in c.info.get("aliases") or []:  # "(INP)" after its expansion: "l'INP" later
                    if is_acronym(alias):
                        known.setdefault(fold(alias), ("organization", values))
        if not known:
            return []
        taken = blocked | {k for c in chosen for k in range(c.start, c.end)}
        prefixes = word_prefixes(known)
        texts = token_texts(doc)  # no Token object for each token of the document
        extra = []
        i = 0
        while i < len(doc):
            if i in taken or furniture[i] or not starts_upper(texts[i]):
                i += 1
                continue
            hit = longest_match(doc, folds, i, known.get, 6, prefixes)
            if hit is None or any(k in taken or furniture[k] for k in range(i, hit[0])):
                i += 1
                continue
            end, (kind, values) = hit
            name = span_name(doc, i, end)
            extra.append(_Candidate(i, end, 6, kind, _info(name, **values)))
            i = end
        return extra
