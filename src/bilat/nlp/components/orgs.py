"""`bilat_orgs`: organisation names led by a head noun, and news media named after a cue word.

Writes `doc.spans["bilat_orgs"]`: label = category from `lang/<code>/org_patterns.jsonl`
("musée du Louvre" -> museum, "ambassade de France au Kazakhstan" -> government), or
`city` for a city's own body ("mairie de Paris", `kb_id_` the city's gazetteer key).
`span._.bilat` holds {"country", "aliases", "proper"}: the country the text gives (an
adjective, a "de <country>" complement, a city), an acronym in brackets, and the bare
proper part ("Louvre") later mentions may use alone. Media: "le média kazakh Khabar24",
"le site Kazinform", "dans Le Figaro" -> category media.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from bilat.gazetteers import load_gazetteer
from bilat.model.names import fold
from bilat.nlp.components.places import DEMONYMS, PLACES
from bilat.nlp.langdata import LangData, OrgHead, load_lang
from bilat.nlp.lexicon import Lexicon, lexicon_for
from bilat.nlp.text import (
    acronym_end,
    bracket_acronym,
    ent_bounds,
    is_acronym,
    is_break,
    is_cap,
    longest_match,
    sentence_initial,
    token_folds,
)

ORGS = "bilat_orgs"
_MAX_AND_WORDS = 5  # lower-case words after "et" that an acronym in brackets may still cover
_MAX_TAIL_WORDS = 4  # capitalised words before an English-style head ("Almaty Management University")
_MAX_LIST_WORDS = 6  # capitalised words of a listed part of a name ("Ministry of Culture, Sports and …")
_QUOTES = {"«": "»", "“": "”", '"': '"'}
_MAX_TOKENS = 16


@dataclass
class _Context:
    folds: list[str]
    places: dict[int, Span]  # by start token
    demonyms: dict[int, list[str]]
    has_pos: bool
    tails: frozenset[int] = frozenset()  # tokens that may end an English-style name ("Opera")


class OrgMatcher:
    """Head noun + complement ("Musée national du Kazakhstan"), or media cue + title."""

    def __init__(self, nlp: Language, name: str = "bilat_orgs") -> None:
        self.name = name
        self.data: LangData = load_lang(nlp.lang)
        self.lexicon: Lexicon = lexicon_for(nlp)
        self.gazetteer = load_gazetteer()
        self.max_words = self.data.max_phrase_words

    def __call__(self, doc: Doc) -> Doc:
        ctx = _Context(
            folds=token_folds(doc),
            places={s.start: s for s in doc.spans.get(PLACES, [])},
            demonyms={},
            has_pos=doc.has_annotation("POS"),
        )
        folds = ctx.folds
        ctx.tails = frozenset(k for k, f in enumerate(folds) if f in self.data.tail_heads)
        for span in doc.spans.get(DEMONYMS, []):
            ctx.demonyms.setdefault(span.start, []).append(span.label_)
        found: list[Span] = []
        i = 0
        while i < len(doc):
            span = self._org_at(doc, i, ctx) or self._tail_at(doc, i, ctx) or self._media_at(doc, i, ctx)
            if span is None:
                i += 1
                continue
            found.append(span)
            i = span.end
        doc.spans[ORGS] = found
        return doc

    # -- head noun + complement -------------------------------------------------------------
    def _org_at(self, doc: Doc, i: int, ctx: _Context) -> Span | None:
        hit = self._head_at(doc, i, ctx)
        if hit is None:
            return None
        head_end, head = hit
        proper_head = is_cap(doc[i]) and not sentence_initial(doc[i])
        if head.cue and not proper_head:
            return self._named_after(doc, head_end, head.category, ctx)
        if (
            not proper_head
            and ctx.folds[i] in self.data.media_cues
            and head_end < len(doc)
            and is_cap(doc[head_end])
        ):
            return self._named_after(doc, head_end, "media", ctx)  # "l’agence Kazinform"
        end = self._quoted_end(doc, i)
        if end is not None:
            proper_head = True
        else:
            end = self._extend(doc, head_end, proper_head, ctx)
        if head.proper_only and not proper_head:
            return None
        end = acronym_end(doc, i, end)  # "Direction du développement et de la coopération (DDC)"
        has_proper = proper_head or any(is_cap(doc[k]) for k in range(head_end, end))
        if end <= head_end or not has_proper:
            return None
        if any(
            label in {"PER", "PERSON"} and head_end <= s < end and doc[s - 1].lower_ in self.data.connectors
            for label, s, _e in ent_bounds(doc)
        ):
            return None  # "la présidence de Xi Jinping" names a person's office, not a body
        # ("le théâtre Cervantès", "le lycée Victor Hugo": a body named after a person)
        if not proper_head and not head.city_body and self._only_where(doc, head_end, end, ctx):
            return None  # "son ambassade à Yaoundé", "the embassy in Dhaka": whose, the text says elsewhere
        return self._make(doc, i, head_end, end, head, ctx)

    def _only_where(self, doc: Doc, k: int, end: int, ctx: _Context) -> bool:
        """The complement k..end is only where the body sits: a locative and a place ("à Yaoundé")."""
        j = k
        while j < end and doc[j].lower_ in self.data.locatives | self.data.articles:
            j += 1
        return (
            k < j < end
            and j in ctx.places
            and ctx.places[j].end == end
            and doc[k].lower_ in self.data.locatives
        )

    def _quoted_end(self, doc: Doc, i: int) -> int | None:
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

    def _extend(self, doc: Doc, k: int, proper_head: bool, ctx: _Context) -> int:
        """End token of the complement after a head noun."""
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
                    if group_end in ctx.places:  # "au Kazakhstan", "à Strasbourg"
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

    def _ordinary_caps(self, doc: Doc, k: int, ctx: _Context) -> int:
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

    def _listed_parts(self, doc: Doc, k: int, ctx: _Context) -> int | None:
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

    def _tail_at(self, doc: Doc, i: int, ctx: _Context) -> Span | None:
        """A name whose head comes last, English-style: "Astana Opera", "Nazarbayev University",
        "Hanbit Pictures" (capitalised words, then a head word of `tail_heads`)."""

        def name_word(j: int) -> bool:
            return is_cap(doc[j]) and not is_break(doc[j]) and doc[j].lower_ not in self.data.determiners

        if not ctx.tails or not any(k in ctx.tails for k in range(i + 1, i + 1 + _MAX_TAIL_WORDS)):
            return None  # no head word ahead: the common case, decided at once
        if not name_word(i) or (i > 0 and name_word(i - 1)):
            return None
        title = self._title_at(doc, i, ctx)
        if title is not None and (title in ctx.tails or self._head_at(doc, title, ctx) is not None):
            return None  # "Secretary | Ministry of Defence": a title before the body's name
        k = i + 1
        while k < min(len(doc), i + 1 + _MAX_TAIL_WORDS):
            token = doc[k]
            if self._joined(doc, k):  # "Kazakh-German University"
                k += 1
                continue
            category = self.data.tail_heads.get(ctx.folds[k]) if is_cap(token) else None
            if category is not None:
                while k + 1 < len(doc) and is_cap(doc[k + 1]) and ctx.folds[k + 1] in self.data.tail_heads:
                    k += 1  # "Kazakhstan Group Holding"
                end = k + 1
                head = self._head_at(doc, k, ctx)
                if head is not None and head[0] > end and all(is_cap(doc[x]) for x in range(end, head[0])):
                    end = head[0]  # "Korean Consulate General": a head of several words
                if end + 1 < len(doc) and doc[end].lower_ in self.data.tail_complements:
                    end = max(end, self._extend(doc, end, True, ctx))  # "National Museum of Korea"
                end = acronym_end(doc, i, end)
                return self._tail_span(doc, i, end, category, ctx)
            if not is_cap(token) or is_break(token):
                return None
            k += 1
        return None

    @staticmethod
    def _joined(doc: Doc, k: int) -> bool:
        """A hyphen with no space around it between two capitalised words."""
        token = doc[k]
        return (
            token.text in {"-", "‐", "–"}
            and 0 < k < len(doc) - 1
            and not doc[k - 1].whitespace_
            and not token.whitespace_
            and is_cap(doc[k + 1])
        )

    def _tail_span(self, doc: Doc, i: int, end: int, category: str, ctx: _Context) -> Span:
        span = Span(doc, i, end, label=category)
        country = next((ctx.demonyms[j][0] for j in range(i, end) if j in ctx.demonyms), None)
        if country is None:
            places = (self.gazetteer.get(ctx.places[j].kb_id_) for j in range(i, end) if j in ctx.places)
            known = next((p for p in places if p is not None), None)
            country = known.country if known is not None and not known.weak else None  # "Halyk" is no town
        aliases = []
        bracket = end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")"
        if bracket and (is_acronym(doc[end + 1].text) or bracket_acronym(doc, i, end)):
            # "Japan International Cooperation Agency (JICA)"
            aliases.append(doc[end + 1].text)
        span._.bilat = {"country": country, "aliases": aliases, "proper": None}
        self._possessed(doc, i, end, ctx, span._.bilat)
        return span

    def _possessed(self, doc: Doc, i: int, end: int, ctx: _Context, info: dict[str, Any]) -> None:
        """A body named after its country's possessive ("Egypt’s Ministry of Higher Education"):
        the country is the body's, and the whole phrase one of its names."""
        if i < 2 or doc[i - 1].lower_ not in {"'s", "’s"}:
            return
        place = next((p for p in ctx.places.values() if p.end == i - 1 and p.label_ == "country"), None)
        if place is None:
            return
        known = self.gazetteer.get(place.kb_id_)
        if info.get("country") is None and known is not None:
            info["country"] = known.country
        info["aliases"] = [*info.get("aliases", []), doc[place.start : end].text]

    def _title_at(self, doc: Doc, i: int, ctx: _Context) -> int | None:
        """End of the person's title starting at token i ("Lt Gen", "Secretary"), if any."""
        return self.data.title_at(doc, ctx.folds, i)

    def _head_at(self, doc: Doc, i: int, ctx: _Context) -> tuple[int, OrgHead] | None:
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

    def _adjective(self, token: Any, ctx: _Context) -> bool:
        return ctx.has_pos and token.pos_ == "ADJ"

    def _content_word(self, token: Any, ctx: _Context) -> bool:
        """A noun or adjective (without tags, no lower-case chains); a loanword the tagger calls an
        adverb counts too when it is no function word ("Institut X de mode et de design")."""
        if not ctx.has_pos:
            return False
        return token.pos_ in {"NOUN", "ADJ", "PROPN"} or (token.pos_ in {"ADV", "X"} and not token.is_stop)

    def _make(self, doc: Doc, i: int, head_end: int, end: int, head: OrgHead, ctx: _Context) -> Span:
        info: dict[str, Any] = {"country": None, "aliases": [], "proper": None}
        for k in range(head_end, end):
            if k in ctx.demonyms:
                info["country"] = ctx.demonyms[k][0]
                break
        places = [  # where the body sits: places after a preposition ("de France", "à Strasbourg")
            ctx.places[k]
            for k in range(head_end, end)
            if k in ctx.places and doc[k - 1].lower_ in self.data.connectors | self.data.determiners
        ]
        if info["country"] is None:
            countries = [p for p in places if p.label_ == "country"]
            chosen = countries[0] if countries else (places[0] if places else None)
            if chosen is not None:
                place = self.gazetteer.get(chosen.kb_id_)
                info["country"] = place.country if place else None
        after = end
        bracket = after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")"
        if bracket and (is_acronym(doc[after + 1].text) or bracket_acronym(doc, i, after)):
            info["aliases"].append(doc[after + 1].text)
            if info["country"] is None and after + 3 in ctx.demonyms:
                info["country"] = ctx.demonyms[after + 3][0]
        info["proper"] = self._proper_part(doc, head_end, end, ctx)
        self._possessed(doc, i, end, ctx, info)
        label, kb_id = head.category, ""
        if head.city_body and places and places[-1].end == end and places[-1].label_ == "city":
            label, kb_id = "city", places[-1].kb_id_
        elif label == "other" or any(fold(doc[i:head_end].text) in r.heads for r in self.data.keyword_rules):
            label = self._refine(fold(doc[i:head_end].text), f" {fold(doc[i:end].text)} ", label)
        span = Span(doc, i, end, label=label, kb_id=kb_id)
        span._.bilat = info
        return span

    def _refine(self, head: str, text: str, category: str) -> str:
        for rule in self.data.keyword_rules:
            applies = head in rule.heads if rule.heads else category == "other"
            if applies and any(f" {k} " in text for k in rule.keywords):
                return rule.category
        return category

    def _proper_part(self, doc: Doc, start: int, end: int, ctx: _Context) -> str | None:
        """The one capitalised run of a complement that is no place: "Louvre" in "musée du Louvre"."""
        runs: list[tuple[int, int]] = []
        k = start
        while k < end:
            if k in ctx.places:
                return None
            if is_cap(doc[k]):
                j = k
                while j < end and (is_cap(doc[j]) or doc[j].text == "-"):
                    j += 1
                runs.append((k, j))
                k = j
                continue
            if doc[k].is_alpha and doc[k].lower_ not in self.data.connectors and k not in ctx.demonyms:
                return None
            k += 1
        if len(runs) != 1:
            return None
        text = doc[runs[0][0] : runs[0][1]].text
        return None if self.lexicon.common(text) else text

    # -- media --------------------------------------------------------------------------
    def _title_run(self, doc: Doc, k: int) -> int:
        start = k
        while k < len(doc) and k - start < 6:
            token = doc[k]
            word = is_cap(token) and not is_break(token)
            inner = k > start and (token.text[:1].isdigit() or token.text == "-")
            if word or (inner and (token.text != "-" or (k + 1 < len(doc) and is_cap(doc[k + 1])))):
                k += 1
            else:
                break
        return k

    def _named_after(self, doc: Doc, k: int, category: str, ctx: _Context) -> Span | None:
        """The name after a cue word and its country adjectives: "le groupe français Orano"."""
        country = None
        while k < len(doc) and doc[k].is_lower and k in ctx.demonyms:
            country = country or ctx.demonyms[k][0]
            k += 1
        if k < len(doc) and doc[k].text == ":":
            k += 1
        if k >= len(doc) or not is_cap(doc[k]) or (k in ctx.places and self._plain_place(ctx.places[k])):
            return None
        end = self._title_run(doc, k)
        if end == k or any(j in ctx.places and ctx.places[j].end == end for j in range(k + 1, end)):
            return None
        if (end - k == 1 and self.lexicon.common(doc[k].text)) or fold(doc[k].text) in self.data.org_heads:
            return None
        span = Span(doc, k, end, label=category)
        span._.bilat = {"country": country, "aliases": [], "proper": None}
        return span

    def _plain_place(self, span: Span) -> bool:
        """Named by its own name ("Paris"), not by a foreign alias ("Orano" for Oran)."""
        place = self.gazetteer.get(span.kb_id_)
        return place is None or place.kind == "country" or fold(span.text) == fold(place.name)

    def _media_at(self, doc: Doc, i: int, ctx: _Context) -> Span | None:
        """ "le média kazakh Khabar24", "le site Kazinform", "publiée dans Le Figaro"."""
        token = doc[i]
        if not token.is_lower:
            return None
        hit = longest_match(
            doc,
            ctx.folds,
            i,
            lambda n: n in self.data.media_cues or None,
            self.max_words,
            self.data.media_cue_prefixes,
        )
        if hit is not None:
            return self._named_after(doc, hit[0], "media", ctx)
        title = i + 2 < len(doc) and doc[i + 1].text in self.data.title_articles and is_cap(doc[i + 2])
        if token.lower_ in self.data.before_titles and title:
            return self._named_after(doc, i + 1, "media", ctx)
        return None
