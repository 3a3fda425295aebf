"""What looks like an actor's name and is none: the checks `bilat_mentions` runs on its candidates.

Bilateral mechanisms ("Commission mixte Cameroun-Turquie"), a minister's portfolio read as a
body ("ministre de l’Éducation nationale"), things named by a noun before them ("le programme
Erasmus"), places named by a place noun ("the Adjara region"), titles of works in quotes
(« Courants du Monde »), phrases of ordinary words ("Mass Rapid Transit") and acronyms the text
spells out as things ("le projet de gazoduc (TCP)"). Language data from `lang/<code>/`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from bilat.model.names import fold
from bilat.nlp.components.places import DEMONYMS
from bilat.nlp.langdata import LangData
from bilat.nlp.lexicon import Lexicon
from bilat.nlp.text import is_acronym, is_break, is_cap, spells

OPEN_QUOTES = {"«": "»", "“": "”"}
CLOSING_QUOTES = frozenset({"»", "”", '"'})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th|e|er|ème)$")


class NotActors:
    """The checks of one language; each says whether a stretch of text names no actor."""

    def __init__(self, data: LangData, lexicon: Lexicon) -> None:
        self.data = data
        self.lexicon = lexicon

    def mechanism(self, doc: Doc, folds: list[str], start: int, end: int, places: list[Span]) -> bool:
        """A commission or council two countries hold together: a cooperation mechanism, which the
        facts record, not an actor ("Commission mixte Cameroun-Turquie", "Joint Ministerial
        Commission", "Nigeria-Ghana Business Council", "Bi-Lateral Commission")."""
        if not any(folds[k] in self.data.mechanism_heads for k in range(start, end)):
            return False
        text = f" {fold(doc[start:end].text)} "
        if any(f" {word} " in text for word in self.data.mechanism_words):
            return True
        pair = doc.spans.get(DEMONYMS, [])
        after = end + 1 if end < len(doc) and doc[end].text in CLOSING_QUOTES else end
        for k in (after, *range(start, end)):  # "Conseil économique" maroco-espagnol
            if len({s.label_ for s in pair if s.start == k}) >= 2:
                return True
        countries = [p for p in places if p.label_ == "country" and start <= p.start and p.end <= end]
        return any(
            b.start == a.end + 1 and doc[a.end].text in {"-", "–", "‐"} for a in countries for b in countries
        )

    def ordinary(self, word: str) -> bool:
        """An ordinary word of the language, or the plural of one ("Affairs", "Ministers")."""
        stems = [word, word[:-3] + "y"] if word.endswith("ies") else [word]
        stems += [word[:-1]] if word.endswith("s") else []
        stems += [word[:-2], word[:-1]] if word.endswith("ed") and len(word) > 5 else []  # "Heightened"
        return any(self.lexicon.common(stem) for stem in stems)

    def portfolio(
        self, doc: Doc, folds: list[str], kind: str, start: int, end: int, titles: list[tuple[int, int]]
    ) -> bool:
        """A name the NER read in a person's title: the fields of a minister's portfolio ("ministre
        de l’Éducation nationale, de la Formation professionnelle", "International Relations and
        Cooperation Minister"), or the title itself ("Federal Minister for Economic Affairs").
        Ordinary words only, no body's head word, inside a title's complement or just before a
        title; or led by a title."""
        if kind == "organization":
            lead = self.data.title_at(doc, folds, start)
            if lead is not None and lead < end:
                return True
        words = [k for k in range(start, end) if folds[k] and doc[k].lower_ not in self.data.connectors]
        if not words or any(not self.ordinary(doc[k].lower_) for k in words):
            return False
        if folds[end - 1] in self.data.tail_heads:
            return False  # "Economic Relations Division Secretary": a body's name ends in "Division"
        if self.data.org_head_at(doc, folds, start) is not None:
            return False
        inside = any(a <= start and end <= b for a, b in titles)
        before = end < len(doc) and any(a == end for a, _b in titles)
        return inside or before

    def named_thing(self, doc: Doc, folds: list[str], start: int) -> bool:
        """A lower-case noun of a thing just before the name: "operation Zarb-e-Azb", "le
        programme Erasmus", "les projets Erasmus+" (the name is the thing's)."""
        if start == 0 or not doc[start - 1].is_lower:
            return False
        word = folds[start - 1]
        return word in self.data.non_actor_heads or (
            word.endswith("s") and word[:-1] in self.data.non_actor_heads
        )

    @staticmethod
    def quoted_whole(doc: Doc, start: int, end: int) -> bool:
        """The name fills a pair of quotes: the title of a work, a dance, a song, not a person."""
        if start == 0 or end >= len(doc):
            return False
        close = OPEN_QUOTES.get(doc[start - 1].text) or ('"' if doc[start - 1].text == '"' else None)
        return close is not None and doc[end].text == close

    def named_place(self, doc: Doc, folds: list[str], start: int, end: int) -> bool:
        """A place noun calls the name a place: "the Adjara region", "the city of Mugteppa"."""
        after = end < len(doc) and doc[end].is_lower and folds[end] in self.data.place_nouns
        before = (
            start >= 2
            and doc[start - 1].lower_ in self.data.prepositions
            and doc[start - 2].is_lower
            and folds[start - 2] in self.data.place_nouns
        )
        return after or before

    def quoted_fragment(self, doc: Doc, start: int, end: int) -> bool:
        """Inside « … » without filling it: a piece of a title (« Courants du Monde »)."""
        k = start - 1
        while k >= 0 and start - k < 20 and "\n" not in doc[k].text:
            if doc[k].text in OPEN_QUOTES.values():
                return False
            if doc[k].text in OPEN_QUOTES:
                close = OPEN_QUOTES[doc[k].text]
                filled = k == start - 1 and end < len(doc) and doc[end].text == close
                return not filled
            k -= 1
        return False

    def plain_words(
        self, doc: Doc, folds: list[str], words: list[int], demonyms: set[int], places: list[Span]
    ) -> bool:
        """A phrase of ordinary words the NER calls an organisation ("Mass Rapid Transit", "Yen
        Loan", "Ming Dynasty", "Engagements des Parties", "Foreign Ministers"): no proper name,
        place, country adjective, acronym or body's head word in it, so it names no one body.
        Unless it acts, the subject of a verb ("Human Rights Watch said"): a body that does."""
        plain = self.data.not_body_acronyms  # "STEM", "B2B": acronyms of ordinary things
        if any(k in demonyms or (is_acronym(doc[k].text) and folds[k] not in plain) for k in words):
            return False
        if folds[words[0]] in self.data.non_actor_heads and self.of_members(folds, words):
            return False  # "Conference of Rectors of Technical Schools": a body of its members
        if doc.has_annotation("DEP"):
            inside = range(words[0], words[-1] + 1)
            roots = [k for k in inside if doc[k].head.i not in inside or doc[k].head.i == k]
            if any(doc[k].dep_ in _SUBJECTS for k in roots):
                return False
        if any(p.start <= k < p.end for p in places for k in words):
            return False
        if any(folds[k] in self.data.org_heads or folds[k] in self.data.tail_heads for k in words):
            return False
        if self.data.org_head_at(doc, folds, words[0]) is not None:
            return False
        named = [
            k for k in words if not (doc[k].like_num or _ORDINAL.match(doc[k].text))
        ]  # "Argos 4", "43rd"
        return bool(named) and all(
            folds[k] in plain or (doc[k].is_alpha and self.ordinary(doc[k].lower_)) for k in named
        )

    def names_a_thing(self, doc: Doc, k: int, folds: list[str]) -> bool:
        """An acronym the text spells out as no body: in brackets after a project, a route, a
        programme ("le projet de gazoduc transcaspien (TCP)"), or before such an expansion
        ("TITR (Trans-Caspian International Transport Route)"); not "la Direction du
        développement et de la coopération (DDC)"."""
        words: set[str] = set()
        if k >= 2 and k + 1 < len(doc) and doc[k - 1].text == "(" and doc[k + 1].text == ")":
            j = k - 2
            if doc[j].text in CLOSING_QUOTES:
                j -= 1  # the "India-Japan Digital Partnership" (IJDP)
            while j > max(-1, k - 9) and not is_break(doc[j]):
                words.add(folds[j])
                j -= 1
        elif k + 1 < len(doc) and doc[k + 1].text == "(":
            words = set(folds[k + 2 : min(len(doc), k + 14)])
        # "German Rectors' Conference (HRK)": a conference of its members is a body
        if words & self.data.non_actor_heads and not words & self.data.member_nouns:
            return True
        return self.spells_plain_words(doc, k, folds)

    def spells_plain_words(self, doc: Doc, k: int, folds: list[str]) -> bool:
        """The acronym at k, in brackets, spells the capitalised ordinary words before it, no
        body's name: "Authorisation of Return of Overseas Launched Space Object (AROLSO)"."""
        if not (k >= 2 and k + 1 < len(doc) and doc[k - 1].text == "(" and doc[k + 1].text == ")"):
            return False
        j = k - 1
        while j > 0 and k - j < 12 and (is_cap(doc[j - 1]) or doc[j - 1].lower_ in self.data.connectors):
            j -= 1
        words = [x for x in range(j, k - 1) if folds[x] and doc[x].lower_ not in self.data.connectors]
        if len(words) < 2 or not spells(doc[k].text, [doc[x].text for x in words]):
            return False
        heads = self.data.org_heads.keys() | self.data.tail_heads.keys()
        return all(doc[x].is_alpha and self.ordinary(doc[x].lower_) and folds[x] not in heads for x in words)

    def of_members(self, folds: list[str], words: list[int]) -> bool:
        """A conference or assembly of its members is a body: "German Rectors' Conference",
        "Conference of Rectors of Academic Schools", "Conférence des présidents d'université"."""
        return any(folds[k] in self.data.member_nouns for k in words[:3])
