"""Bodies read from what a sentence does with a name, for `bilat_mentions`: a name the NER calls
a place (or nothing) that no gazetteer knows, coordinated with a body ("UQ and IITD", "both UQ
and IITD") or, as the agents of a verb, with a country ("la Tunisie et Wallonie-Bruxelles ont
développé"); and the proper noun that signs ("Memorial signed a memorandum with …")."""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import IS_ALPHA, IS_UPPER, LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from bilat.model.names import fold
from bilat.nlp.components.not_actors import NotActors
from bilat.nlp.langdata import LangData
from bilat.nlp.text import clean_bounds, is_cap, sentence_initial, starts_upper

_NAME_LABELS = frozenset({"LOC", "GPE", "FAC", "MISC"})  # what the NER may call a body it does not know
_VERBS = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj"})
_NAME_PARTS = frozenset({"compound", "flat", "flat:name"})


@dataclass(frozen=True)
class Partner:
    """A mention already read, that a name may be coordinated with."""

    start: int
    end: int
    kind: str  # "organization", "country", …


class Agents:
    """Finds the bodies; the merger turns each (start, end) into an organisation candidate."""

    def __init__(self, data: LangData, checks: NotActors) -> None:
        self.data = data
        self.checks = checks
        self.signing_ids = numpy.array(sorted(get_string_id(v) for v in data.signing_verbs), dtype="uint64")
        self.conjunction_ids = numpy.array(
            sorted(get_string_id(c) for c in data.conjunctions), dtype="uint64"
        )

    # -- coordinated with a body or, as agents, with a country ---------------------------------
    def coordinated(
        self,
        doc: Doc,
        folds: list[str],
        texts: list[str],
        ents: tuple[Span, ...],
        places: list[Span],
        partners: list[Partner],
        skip: frozenset[str],
    ) -> list[tuple[int, int]]:
        """Names no gazetteer knows (NER places, bare acronyms) coordinated with a body, or with a
        country when the two are the subject of the verb that follows them; then every other
        place of the document where the NER reads the same name."""
        if not partners:
            return []
        # Most documents have few conjunctions and no unknown name beside one: read from the
        # doc's arrays where a coordinated name may be before looking at any token.
        lower, upper, alpha = doc.to_array([LOWER, IS_UPPER, IS_ALPHA]).T
        conj_at = set(numpy.flatnonzero(numpy.isin(lower, self.conjunction_ids)).tolist())
        if not conj_at:
            return []
        near = conj_at | {k + d for k in conj_at for d in (1, 2, 3)}  # after a conjunction (and determiners)
        place_at = {k for p in places for k in range(p.start, p.end)}
        exact_places = {(p.start, p.end) for p in places}
        names = {
            bounds
            for ent in ents
            if ent.label_ in _NAME_LABELS
            and (ent.start in near or any(k in conj_at for k in range(ent.start, ent.end + 1)))
            and (bounds := clean_bounds(ent, skip))[1] > bounds[0]
            and bounds not in exact_places
        }
        in_ents = {k for s, e in names for k in range(s, e)}
        shouted = numpy.flatnonzero(upper & alpha).tolist()
        names |= {
            (k, k + 1)
            for k in shouted
            if (k in near or k + 1 in conj_at)
            and 2 <= len(texts[k]) <= 7
            and k not in place_at
            and k not in in_ents
        }
        ends = {p.end: p for p in partners}
        starts = {p.start: p for p in partners}
        found = [
            (s, e)
            for s, e in names
            if self._coordinated(doc, s, e, ends, starts) and self._name_like(doc, folds, s, e)
        ]
        if not found:
            return []
        wanted = {tuple(folds[s:e]) for s, e in found}  # then wherever else the NER reads it
        again = {
            b for e in ents if e.label_ in _NAME_LABELS and (b := clean_bounds(e, skip)) not in exact_places
        }
        again |= {(k, k + 1) for k in shouted if k not in place_at}
        return sorted({*found, *(b for b in again if tuple(folds[b[0] : b[1]]) in wanted)})

    def _name_like(self, doc: Doc, folds: list[str], start: int, end: int) -> bool:
        """Capitalised words, none of them a title or an ordinary word alone, no acronym that
        names no body ("MOU", "GDP")."""
        words = [k for k in range(start, end) if folds[k]]
        if not words or not all(is_cap(doc[k]) or doc[k].is_punct for k in range(start, end)):
            return False
        if any(folds[k] in self.data.titles or folds[k] in self.data.non_actor_heads for k in words):
            return False
        if len(words) == 1:
            word = folds[words[0]]
            if word in self.data.not_body_acronyms:
                return False
            text = doc[words[0]].text
            if not text.isupper() and self.checks.ordinary(text.lower()):
                return False
        return True

    def _coordinated(
        self, doc: Doc, start: int, end: int, ends: dict[int, Partner], starts: dict[int, Partner]
    ) -> bool:
        """Tokens start..end are joined by a conjunction to a body, or to a country with a verb
        right after the pair ("la Tunisie et X ont …", "X and India signed …")."""
        conj = self.data.conjunctions
        k = start - 1
        while k > 0 and doc[k].lower_ in self.data.determiners:
            k -= 1  # "et la X": the determiner is X's
        if k >= 1 and doc[k].lower_ in conj:
            partner = ends.get(k)
            if partner is not None and self._agrees(doc, partner, partner.start, end):
                return True
        if end + 1 < len(doc) and doc[end].lower_ in conj:
            k = end + 1
            while k < len(doc) - 1 and doc[k].lower_ in self.data.determiners:
                k += 1
            partner = starts.get(k)
            if partner is not None and self._agrees(doc, partner, start, partner.end):
                return True
        return False

    def _agrees(self, doc: Doc, partner: Partner, first: int, after: int) -> bool:
        """The partner is a body, or a country with which the name acts: a verb follows the
        pair, and no preposition leads it ("entre la Tunisie et X", "between India and X")."""
        if partner.kind == "organization":
            return True
        if partner.kind != "country" or after >= len(doc) or doc[after].pos_ not in _VERBS:
            return False
        k = first - 1
        while (
            k >= 0 and doc[k].lower_ in self.data.determiners and doc[k].lower_ not in self.data.prepositions
        ):
            k -= 1
        return k < 0 or not (doc[k].pos_ == "ADP" or doc[k].lower_ in self.data.prepositions)

    # -- the subject of a signing verb -----------------------------------------------------------
    def signers(self, doc: Doc, texts: list[str], taken: set[int]) -> list[tuple[int, int]]:
        """A proper noun no reading took, subject of a signing verb: a body ("Memorial signed a
        memorandum of understanding with …"). An ordinary word only when the document also
        writes it capitalised inside a sentence."""
        if not len(self.signing_ids) or not len(doc) or not doc.has_annotation("DEP"):
            return []
        verbs = numpy.flatnonzero(numpy.isin(doc.to_array(LEMMA), self.signing_ids)).tolist()
        out = []
        for v in verbs:
            for subj in doc[v].children:
                if subj.dep_ not in _SUBJECTS or subj.pos_ != "PROPN" or subj.i in taken:
                    continue
                parts = [c.i for c in subj.children if c.dep_ in _NAME_PARTS and c.pos_ == "PROPN"]
                start = min([subj.i, *parts])
                end = max([subj.i, *parts]) + 1
                if any(k in taken or not starts_upper(texts[k]) for k in range(start, end)):
                    continue
                if self._plain_word(doc, texts, start, end):
                    continue
                out.append((start, end))
        return out

    def _plain_word(self, doc: Doc, texts: list[str], start: int, end: int) -> bool:
        """One ordinary word ("Officials", "Both") that the document never capitalises inside a
        sentence: no name."""
        if end - start != 1:
            return False
        word = texts[start]
        if fold(word) in self.data.titles or fold(word) in self.data.not_body_acronyms:
            return True
        if not self.checks.ordinary(word.lower()):
            return False
        return not any(t == word and k != start and not sentence_initial(doc[k]) for k, t in enumerate(texts))
