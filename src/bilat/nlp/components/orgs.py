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

from typing import Any

from spacy.attrs import IS_LOWER, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from bilat.gazetteers import load_gazetteer
from bilat.model.names import fold
from bilat.nlp.components.org_complements import Complements, OrgContext
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
_MAX_TAIL_WORDS = 4  # capitalised words before an English-style head ("Almaty Management University")


class OrgMatcher:
    """Head noun + complement ("Musée national du Kazakhstan"), or media cue + title."""

    def __init__(self, nlp: Language, name: str = "bilat_orgs") -> None:
        self.name = name
        self.data: LangData = load_lang(nlp.lang)
        self.lexicon: Lexicon = lexicon_for(nlp)
        self.gazetteer = load_gazetteer()
        self.max_words = self.data.max_phrase_words
        self.complements = Complements(self.data, self.lexicon)
        self.before_title_ids = frozenset(get_string_id(w) for w in self.data.before_titles)  # LOWER ids

    def __call__(self, doc: Doc) -> Doc:
        ctx = OrgContext(
            folds=token_folds(doc),
            places={s.start: s for s in doc.spans.get(PLACES, [])},
            demonyms={},
            has_pos=doc.has_annotation("POS"),
        )
        folds = ctx.folds
        ctx.tails = frozenset(k for k, f in enumerate(folds) if f in self.data.tail_heads)
        for span in doc.spans.get(DEMONYMS, []):
            ctx.demonyms.setdefault(span.start, []).append(span.label_)
        # Where each reader may find something, read from the doc's arrays: most tokens begin no
        # head, have no English-style head just ahead, and are neither a media cue nor a word
        # before a title ("dans Le Figaro"); the readers would say so, one call per token.
        heads, cues = self.data.org_head_prefixes, self.data.media_cue_prefixes
        before_tail = {k - d for k in ctx.tails for d in range(1, _MAX_TAIL_WORDS + 1)}
        lower, lowers = doc.to_array([IS_LOWER, LOWER]).T.tolist() if len(doc) else ([], [])
        media = {
            k for k, f in enumerate(folds) if lower[k] and (f in cues or lowers[k] in self.before_title_ids)
        }
        found: list[Span] = []
        i = 0
        while i < len(doc):
            span = (
                (self._org_at(doc, i, ctx) if folds[i] in heads else None)
                or (self._tail_at(doc, i, ctx) if i in before_tail else None)
                or (self._media_at(doc, i, ctx) if i in media else None)
            )
            if span is None:
                i += 1
                continue
            found.append(span)
            i = span.end
        doc.spans[ORGS] = found
        return doc

    # -- head noun + complement -------------------------------------------------------------
    def _org_at(self, doc: Doc, i: int, ctx: OrgContext) -> Span | None:
        hit = self._head_at(doc, i, ctx)
        if hit is None:
            return None
        head_end, head = hit
        proper_head = is_cap(doc[i]) and not sentence_initial(doc[i])
        if head.whole:  # "la cérémonie a eu lieu à l’Élysée"
            return self._make(doc, i, head_end, head_end, head, ctx) if proper_head else None
        if head.cue and not proper_head:
            return self._named_after(doc, head_end, head.category, ctx)
        if (
            not proper_head
            and ctx.folds[i] in self.data.media_cues
            and head_end < len(doc)
            and is_cap(doc[head_end])
        ):
            return self._named_after(doc, head_end, "media", ctx)  # "l’agence Kazinform"
        end = self.complements.quoted_end(doc, i)
        if end is not None:
            proper_head = True
        else:
            located = head.category not in self.data.sited_apart
            end = self.complements.extend(doc, head_end, proper_head, ctx, located)
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

    def _only_where(self, doc: Doc, k: int, end: int, ctx: OrgContext) -> bool:
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

    def _tail_at(self, doc: Doc, i: int, ctx: OrgContext) -> Span | None:
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
                    located = category not in self.data.sited_apart  # "National Museum of Korea"
                    end = max(end, self.complements.extend(doc, end, True, ctx, located))
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

    def _tail_span(self, doc: Doc, i: int, end: int, category: str, ctx: OrgContext) -> Span:
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

    def _possessed(self, doc: Doc, i: int, end: int, ctx: OrgContext, info: dict[str, Any]) -> None:
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

    def _title_at(self, doc: Doc, i: int, ctx: OrgContext) -> int | None:
        """End of the person's title starting at token i ("Lt Gen", "Secretary"), if any."""
        return self.data.title_at(doc, ctx.folds, i)

    def _head_at(self, doc: Doc, i: int, ctx: OrgContext) -> tuple[int, OrgHead] | None:
        """The organisation head noun starting at token i ("ministère", "ville de"), if any."""
        return self.data.org_head_at(doc, ctx.folds, i)

    def _make(self, doc: Doc, i: int, head_end: int, end: int, head: OrgHead, ctx: OrgContext) -> Span:
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

    def _proper_part(self, doc: Doc, start: int, end: int, ctx: OrgContext) -> str | None:
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

    def _named_after(self, doc: Doc, k: int, category: str, ctx: OrgContext) -> Span | None:
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

    def _media_at(self, doc: Doc, i: int, ctx: OrgContext) -> Span | None:
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
