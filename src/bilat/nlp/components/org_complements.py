"""Where an organisation's name ends after its head noun: the complement `bilat_orgs` reads.

"Musée national | du Kazakhstan", "Ministry of Culture, Sports and Tourism", "Institut
national des sciences et techniques nucléaires (INSTN)", "Université de Rennes 1", a name in
quotes (« Centre de soutien au cinéma national »); and where it stops: another body begins
("… d’Almaty et | de l’ambassade de Corée"), a person's title ("Ministry of Defence | Lt Gen"),
a country closes it ("… of Japan | on …"). Language data from `lang/<code>/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from bilat.nlp.langdata import LangData, OrgHead
from bilat.nlp.lexicon import Lexicon
from bilat.nlp.text import is_acronym, is_break, is_cap

_MAX_AND_WORDS = 5  # lower-case words after "et" that an acronym in brackets may still cover
_MAX_LIST_WORDS = 6  # capitalised words of a listed part of a name ("Ministry of Culture, Sports and …")
_QUOTES = {"«": "»", "“": "”", '"': '"'}
_MAX_TOKENS = 16


@dataclass
class OrgContext:
    """What `bilat_orgs` knows of a document before it looks for names."""

    folds: list[str]
    places: dict[int, Span]  # by start token
    demonyms: dict[int, list[str]]
    has_pos: bool
    tails: frozenset[int] = frozenset()  # tokens that may end an English-style name ("Opera")


class Complements:
    """The complement readers of one language; each says where a stretch of a name ends."""

    def __init__(self, data: LangData, lexicon: Lexicon) -> None:
        self.data = data
        self.lexicon = lexicon

    def quoted_end(self, doc: Doc, i: int) -> int | None:
        """End of a name written in quotes: « Centre de soutien au cinéma national du Kazakhstan »."""
        if i == 0 or doc[i - 1].text not in _QUOTES:
            return None
        close = _QUOTES[doc[i - 1].text]
        for k in range(i + 1, min(len(doc), i + _MAX_TOKENS)):
            if doc[k].text == close:
                return k
            if is_break(doc[k]) and doc[k].text not in {",", "’", "'"}:
                return None
        return None

    def _connector_group(self, doc: Doc, k: int) -> int:
        """End of "de", "de la", "et de l’", "au", "à la" starting at token k (k if none)."""
        data = self.data
        m = k
        if m < len(doc) and doc[m].lower_ in data.conjunctions:
            m += 1
        if m >= len(doc) or doc[m].lower_ not in data.prepositions:
            return k
        m += 1
        if m < len(doc) and doc[m].lower_ in data.articles and doc[m - 1].lower_ in data.article_prepositions:
            m += 1
        return m

    def extend(self, doc: Doc, k: int, proper_head: bool, ctx: OrgContext, located: bool = True) -> int:
        """End token of the complement after a head noun; `located`: a locative and a place may
        go on with it ("ambassade de France | au Kazakhstan")."""
        end = first = k
        limit = min(len(doc), k + _MAX_TOKENS)
        country_end = -1  # where a complement "of <country>" ended ("… of Japan")
        while k < limit:
            token = doc[k]
            if k in ctx.places:
                place = ctx.places[k]
                end = k = place.end
                if place.label_ == "country" and doc[place.start - 1].lower_ in self.data.connectors:
                    country_end = end  # "of Japan", not the "Suisse" of "Centre Suisse de …"
                continue
            if end == k and self._number_after_name(doc, k):
                end = k = k + 1  # "Université de Rennes 1", "Paris 8"
                continue
            if token.text == "," and (proper_head or self._connector_group(doc, k + 1) > k + 1):
                listed = self._listed_parts(doc, k + 1, ctx)
                if listed is not None:  # "Ministry of Culture, Sports and Tourism"
                    end = k = listed
                    continue
            if is_break(token):
                break
            if token.text == "-" and end == k and self._compound(doc, k):
                end = k = k + 2  # "Conseil du café-cacao"
                continue
            if token.text in {"-", "’", "'"}:
                k += 1
                continue
            if is_cap(token) and token.text not in self.data.title_articles:
                if (
                    k > first
                    and is_cap(doc[k - 1])
                    and self._title_at(doc, k, ctx) is not None
                    and self._title_at(doc, k - 1, ctx) is None  # not the "Minister" of "Prime Minister"
                ):
                    break  # "Ministry of Defence | Lt Gen Zamir Shah": a person's title begins
                end = k = k + 1
                continue
            if token.is_lower and k in ctx.demonyms:
                end = k = k + 1
                continue
            group_end = self._connector_group(doc, k)
            if group_end > k and group_end < len(doc):
                words = {doc[x].lower_ for x in range(k, group_end)}
                if words & self.data.conjunctions and self._head_at(doc, group_end, ctx) is not None:
                    break  # "… d’Almaty et de l’ambassade de Corée": another body begins
                if words & self.data.conjunctions and group_end in ctx.places:
                    break  # "du Conseil du café-cacao et | de Ghana Cocoa Board": a place begins another
                nxt = doc[group_end]
                others = self.data.prepositions - self.data.locatives
                locative = words & self.data.locatives and not words & others
                if not locative and end == k == country_end:
                    break  # "Ministry of Economy … of Japan | on Japan-India …": the country closes it
                if locative:
                    if located and group_end in ctx.places:  # "au Kazakhstan", "à Strasbourg"
                        end = k = ctx.places[group_end].end
                        continue
                    break
                if is_cap(nxt) and not is_break(nxt):
                    k = group_end
                    continue
                capitalised = self.data.capitalised_fields  # not "Department | of the bank"
                if (
                    proper_head
                    and not capitalised
                    and nxt.is_lower
                    and nxt.is_alpha
                    and self._content_word(nxt, ctx)
                ):
                    end = k = group_end + 1  # "Institut français des relations internationales"
                    continue
                break
            conjunction = token.lower_ in self.data.conjunctions
            if proper_head and conjunction and end == k and self._ordinary_caps(doc, k + 1, ctx) > k + 1:
                end = k = self._ordinary_caps(doc, k + 1, ctx)  # "Ministry of Culture and Sports"
                continue
            bracket = self._and_before_acronym(doc, k) if proper_head and conjunction else None
            if bracket is not None:  # "Institut national des sciences et techniques nucléaires (INSTN)"
                end = k = bracket
                continue
            if proper_head and conjunction and k + 2 < len(doc) and doc[k + 1].lower_ in self.data.articles:
                nxt = doc[k + 2]  # "Banque européenne pour la reconstruction et le développement"
                starts_another = (
                    self._head_at(doc, k + 2, ctx) is not None
                )  # "… et le ministère de la Culture"
                # … and only after a complement with a preposition, not "Union européenne | et les pays"
                after_preposition = any(doc[x].lower_ in self.data.prepositions for x in range(first, k))
                if (
                    nxt.is_lower
                    and nxt.is_alpha
                    and self._content_word(nxt, ctx)
                    and not starts_another
                    and after_preposition
                ):
                    end = k = k + 3
                    continue
            if token.is_lower and token.is_alpha and end == k and self._adjective(token, ctx):
                end = k = k + 1
                continue
            if (
                proper_head
                and not self.data.capitalised_fields  # English names are capitalised: "The Embassy | thanks"
                and token.is_lower
                and token.is_alpha
                and self._content_word(token, ctx)
                and end == k
            ):
                end = k = k + 1
                continue
            break
        return end

    @staticmethod
    def _compound(doc: Doc, k: int) -> bool:
        """The hyphen at k glues a lower-case word to the word before it ("café-cacao")."""
        if k == 0 or k + 1 >= len(doc) or doc[k - 1].whitespace_ or doc[k].whitespace_:
            return False
        return doc[k + 1].is_lower and doc[k + 1].is_alpha and doc[k - 1].is_alpha

    def _number_after_name(self, doc: Doc, k: int) -> bool:
        """A one- or two-digit number closing a capitalised name, before punctuation, a line
        break, "and" or the end: the numbered universities ("Lyon 2", "Paris 8"), not a count
        ("Lyon 12 étudiants") or a year."""
        token = doc[k]
        if not (token.text.isdigit() and len(token.text) <= 2 and k > 0 and is_cap(doc[k - 1])):
            return False
        if k + 1 >= len(doc):
            return True
        nxt = doc[k + 1]
        return is_break(nxt) or nxt.is_punct or nxt.lower_ in self.data.conjunctions

    def _ordinary_caps(self, doc: Doc, k: int, ctx: OrgContext) -> int:
        """End of a run of capitalised ordinary words from token k ("Sports", "Climate Change"):
        the fields a ministry's name lists, never a place, a name or another body's head."""
        j = k
        while j < len(doc) and j - k < _MAX_LIST_WORDS:
            token = doc[j]
            if not is_cap(token) or is_break(token) or j in ctx.places or j in ctx.demonyms:
                break
            if j in ctx.tails or self._head_at(doc, j, ctx) is not None or is_acronym(token.text):
                break
            if not self._ordinary(token.lower_):
                break
            j += 1
        return j

    def _ordinary(self, word: str) -> bool:
        """An ordinary word of the language, or the plural of one ("Sports", "Universities")."""
        if self.lexicon.common(word):
            return True
        stems = [word[:-3] + "y"] if word.endswith("ies") else []
        stems += [word[:-1]] if word.endswith("s") else []
        return any(self.lexicon.common(stem) for stem in stems)

    def _listed_parts(self, doc: Doc, k: int, ctx: OrgContext) -> int | None:
        """End of "Sports and Tourism" after the comma of "Ministry of Culture, Sports and Tourism"
        (or of "de la Recherche et de l'Innovation" after the comma of "ministère de
        l'Enseignement supérieur, de la Recherche et de l'Innovation"): runs of capitalised
        ordinary words, each after a preposition or none, separated by commas, the last one
        after "and"."""
        j = k
        while True:
            j = self._connector_group(doc, j)
            run_end = self._ordinary_caps(doc, j, ctx)
            if run_end == j:
                return None
            while run_end < len(doc) and doc[run_end].is_lower and self._adjective(doc[run_end], ctx):
                run_end += 1  # "de l'Enseignement supérieur"
            j = run_end
            if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in self.data.conjunctions:
                j += 1  # ", and": the serial comma
            elif j < len(doc) and doc[j].text == ",":
                j += 1
                continue
            if j < len(doc) and doc[j].lower_ in self.data.conjunctions:
                first = self._connector_group(doc, j + 1)
                last = self._ordinary_caps(doc, first, ctx)
                return last if last > first else None
            return None

    def _title_at(self, doc: Doc, i: int, ctx: OrgContext) -> int | None:
        """End of the person's title starting at token i ("Lt Gen", "Secretary"), if any."""
        return self.data.title_at(doc, ctx.folds, i)

    def _head_at(self, doc: Doc, i: int, ctx: OrgContext) -> tuple[int, OrgHead] | None:
        """The organisation head noun starting at token i ("ministère", "ville de"), if any."""
        return self.data.org_head_at(doc, ctx.folds, i)

    def _and_before_acronym(self, doc: Doc, k: int) -> int | None:
        """Where "et <lower-case words>" at token k ends when an acronym in brackets follows
        them: the acronym shows that the coordinated words belong to the name."""
        for j in range(k + 1, min(len(doc) - 1, k + 1 + _MAX_AND_WORDS)):
            if doc[j].text == "(":
                return j if j > k + 1 and is_acronym(doc[j + 1].text) else None
            if not (doc[j].is_lower and doc[j].is_alpha):
                return None
        return None

    def _adjective(self, token: Any, ctx: OrgContext) -> bool:
        return ctx.has_pos and token.pos_ == "ADJ"

    def _content_word(self, token: Any, ctx: OrgContext) -> bool:
        """A noun or adjective (without tags, no lower-case chains); a loanword the tagger calls an
        adverb counts too when it is no function word ("Institut X de mode et de design")."""
        if not ctx.has_pos:
            return False
        return token.pos_ in {"NOUN", "ADJ", "PROPN"} or (token.pos_ in {"ADV", "X"} and not token.is_stop)
