"""`bilat_persons`: people named next to a title, with the role the title gives them.

Writes `doc.spans["bilat_persons"]` (label `person`, the name without its title) and
`span._.bilat = {"roles": [[title, organisation name or None, ISO code or None]], "country"}`.
Two shapes, titles from `lang/<code>/titles.yaml`:
  before — "la ministre kazakhe de la Culture, Aida Balaïeva", "le président kazakh Kassym-Jomart Tokaïev";
  after  — "Jean Galiev, l’ambassadeur du Kazakhstan en France".
A courtesy title ("M. Dupont") marks a person without a role.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from bilat.gazetteers import load_gazetteer
from bilat.nlp.components.orgs import ORGS
from bilat.nlp.components.places import DEMONYMS, PLACES
from bilat.nlp.langdata import load_lang
from bilat.nlp.lexicon import lexicon_for
from bilat.nlp.text import (
    ent_bounds,
    is_acronym,
    is_break,
    is_cap,
    span_name,
    starts_upper,
    token_folds,
    token_texts,
)

PERSONS = "bilat_persons"
TITLES = "bilat_titles"  # each title with its complement ("ministre de l’Économie, de la Planification")
_MAX_COMPLEMENT = 16
_MAX_NAME_WORDS = 5
RoleData = list[str | None]  # [title, organisation name, ISO code]
_Found = tuple[int, int, RoleData] | None
_NOT_NAMES = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ"})
_CLOSING_PLACES = frozenset({"country", "city"})
_NICKNAME_QUOTES = {"“": "”", '"': '"', "«": "»"}


@dataclass
class _Context:
    folds: list[str]
    places: dict[int, Span]
    demonyms: dict[int, list[str]]
    orgs: list[Span]
    has_pos: bool
    titles: list[tuple[int, int]] = field(default_factory=list)


class PersonFinder:
    """Title + name, name + title, honorific + name."""

    def __init__(self, nlp: Language, name: str = "bilat_persons") -> None:
        self.name = name
        self.data = load_lang(nlp.lang)
        self.lexicon = lexicon_for(nlp)
        self.gazetteer = load_gazetteer()
        self.max_words = self.data.max_phrase_words

    def __call__(self, doc: Doc) -> Doc:
        ctx = _Context(
            folds=token_folds(doc),
            places={s.start: s for s in doc.spans.get(PLACES, [])},
            demonyms={},
            orgs=list(doc.spans.get(ORGS, [])),
            has_pos=doc.has_annotation("POS"),
        )
        for span in doc.spans.get(DEMONYMS, []):
            ctx.demonyms.setdefault(span.start, []).append(span.label_)
        in_org = {k for s in ctx.orgs for k in range(s.start, s.end)}
        texts = token_texts(doc)  # a Token object only for the tokens that may start a name
        found: dict[tuple[int, int], Span] = {}
        i = 0
        while i < len(doc):
            if i in in_org or not ctx.folds[i]:
                i += 1
                continue
            if starts_upper(texts[i]) and doc[i].lower_ in self.data.honorifics:
                end = self._name_run(doc, i + 1, ctx)
                if end is not None:
                    self._add(found, doc, i + 1, end, None)
                    i = end
                    continue
            found_end = self.data.title_at(doc, ctx.folds, i)
            if found_end is None:
                i += 1
                continue
            title_end = found_end
            if i > 0 and doc[i - 1].text == "(" and title_end < len(doc) and doc[title_end].text == ")":
                title_end += 1  # "Lt Gen (Retd) Zamir Shah"
            person = self._before_name(doc, i, title_end, ctx) or self._after_name(doc, i, title_end, ctx)
            if person is not None:
                start, end, role = person
                self._add(found, doc, start, end, role)
            i = title_end
        doc.spans[PERSONS] = sorted(found.values(), key=lambda s: s.start)
        doc.spans[TITLES] = [Span(doc, a, b, label="title") for a, b in sorted(set(ctx.titles))]
        return doc

    def _add(
        self, found: dict[tuple[int, int], Span], doc: Doc, start: int, end: int, role: RoleData | None
    ) -> None:
        for label, e_start, e_end in ent_bounds(doc):  # the NER may see more ("Ursula von der Leyen")
            longer = label in {"PER", "PERSON"} and e_start == start and end < e_end
            if longer and all(doc[k].is_alpha or doc[k].text in "-’'" for k in range(end, e_end)):
                # but not over "du Sénégal": a place after the name says where the person is from
                places = {p.start for p in doc.spans.get(PLACES, [])}
                end = next((k for k in range(end, e_end) if k + 1 in places), e_end)
        key = (start, end)
        if key not in found:
            span = Span(doc, start, end, label="person")
            span._.bilat = {"roles": [], "country": None}
            found[key] = span
        info = found[key]._.bilat
        if role is not None and role not in info["roles"]:
            info["roles"].append(role)
            info["country"] = info["country"] or role[2]
        found[key]._.bilat = info

    # -- names --------------------------------------------------------------------------
    def _name_word(self, doc: Doc, j: int, ctx: _Context) -> bool:
        token = doc[j]
        return (
            is_cap(token)
            and not is_break(token)
            and j not in ctx.demonyms
            and ctx.folds[j] not in self.data.titles
            and token.text not in self.data.title_articles
            and token.lower_ not in self.data.honorifics
            and token.lower_ not in self.lexicon.stop_words  # "Selon Jeanne Martin"
        )

    def _particles_then_name(self, doc: Doc, j: int, ctx: _Context, step: int) -> bool:
        """Tokens from j (going by `step`) are particles ("von der") and then a name word."""
        while 0 <= j < len(doc) and doc[j].lower_ in self.data.particles:
            j += step
        # "Amadou Ba du Sénégal": a particle before a place says where the person is from
        return 0 <= j < len(doc) and self._name_word(doc, j, ctx) and j not in ctx.places

    def _lower_syllable(self, doc: Doc, j: int) -> bool:
        """Tokens j, j+1 are "-gyeom" glued to a name's word: a hyphen and a lower-case syllable
        that is no ordinary word."""
        if j + 1 >= len(doc) or doc[j].text != "-" or doc[j].whitespace_ or doc[j - 1].whitespace_:
            return False
        syllable = doc[j + 1]
        return syllable.is_lower and syllable.is_alpha and not self._ordinary(syllable.lower_)

    def _nickname_end(self, doc: Doc, j: int, ctx: _Context) -> int | None:
        """After a quoted nickname inside a name (“Jokowi” in "Joko “Jokowi” Widodo"), if the name
        goes on: the token after the closing quote."""
        close = _NICKNAME_QUOTES.get(doc[j].text)
        if close is None or j + 3 >= len(doc) or doc[j + 2].text != close:
            return None
        return j + 3 if is_cap(doc[j + 1]) and self._name_word(doc, j + 3, ctx) else None

    @staticmethod
    def _glued_particle(doc: Doc, j: int) -> bool:
        """Tokens j.. are "-ul-" before a capitalised word, without spaces ("Zamir-ul-Hasan")."""
        if j + 3 >= len(doc) or doc[j].text != "-" or doc[j + 2].text != "-":
            return False
        particle = doc[j + 1]
        glued = not (doc[j].whitespace_ or particle.whitespace_ or doc[j + 2].whitespace_)
        return glued and particle.is_lower and particle.is_alpha and len(particle) <= 3 and is_cap(doc[j + 3])

    def _name_run(self, doc: Doc, k: int, ctx: _Context, titled: bool = False) -> int | None:
        """End of a personal name starting at token k, or None. `titled`: right after a title,
        where a small town's name is a surname ("Ambassador Ito", Ito a town of Japan)."""
        if k >= len(doc) or not self._name_word(doc, k, ctx):
            return None
        j, words = k, 0
        while j < len(doc):
            token = doc[j]
            if self._name_word(doc, j, ctx) and (
                words == 0 or doc[j - 1].whitespace_ or doc[j - 1].text == "-"
            ):
                j, words = j + 1, words + 1
            elif self._glued_particle(doc, j):
                j += 3  # "Zamir-ul-Hasan", "Abd-el-Kader"
            elif words > 0 and self._lower_syllable(doc, j):
                j += 2  # "Kim Doo-gyeom", "Son Cheol-ho" (not "Macron-led")
            elif words > 0 and self._nickname_end(doc, j, ctx) is not None:
                j = self._nickname_end(doc, j, ctx) or j  # "Joko “Jokowi” Widodo"
            elif (
                words > 0
                and j + 2 < len(doc)
                and token.lower_ in self.data.particles
                and doc[j + 1].text == "-"
                and not token.whitespace_
                and not doc[j + 1].whitespace_
                and is_cap(doc[j + 2])
            ):
                j += 2  # "Ahmed bin Aqil al-Khateeb"
            elif j + 1 < len(doc) and (
                (token.text == "-" and not token.whitespace_ and is_cap(doc[j + 1]))
                or (token.lower_ in self.data.particles and self._particles_then_name(doc, j + 1, ctx, 1))
            ):
                j += 1
            else:
                break
        if words == 0 or words > _MAX_NAME_WORDS:
            return None
        if k in ctx.places and ctx.places[k].end >= j and not (titled and self._weak_place(ctx.places[k])):
            return None
        if any(s.start <= k < s.end for s in ctx.orgs):
            return None
        if words == 1 and (  # a title makes "Dupont" a name even though "dupont" is a word
            doc[k].lower_ in self.lexicon.stop_words or (ctx.has_pos and doc[k].pos_ in _NOT_NAMES)
        ):
            return None
        return j

    def _weak_place(self, span: Span) -> bool:
        place = self.gazetteer.get(span.kb_id_)
        return place is not None and place.kind == "city" and place.weak

    def _name_start_before(self, doc: Doc, end: int, ctx: _Context) -> int | None:
        """Start of a personal name that ends just before token `end`."""
        k = end - 1
        while k >= 0 and (
            self._name_word(doc, k, ctx)
            or (doc[k].text == "-" and not doc[k].whitespace_)
            or (doc[k].lower_ in self.data.particles and self._particles_then_name(doc, k - 1, ctx, -1))
        ):
            k -= 1
        start = k + 1
        while start < end and not self._name_word(doc, start, ctx):
            start += 1
        if start >= end or self._name_run(doc, start, ctx) != end:
            return None
        return start

    # -- roles --------------------------------------------------------------------------
    def _complement_end(self, doc: Doc, k: int, ctx: _Context, stop_at_comma: bool) -> int:
        limit = min(len(doc), k + _MAX_COMPLEMENT)
        j = k
        while j < limit:
            token = doc[j]
            if token.text == "," and self._listed_field(doc, j + 1, ctx):
                j += 1  # "ministre de l’Économie, de la Planification et …": each field its own length
                limit = min(len(doc), j + _MAX_COMPLEMENT)
                continue
            if token.text == "," and stop_at_comma:
                break
            if is_break(token) or "\n" in token.whitespace_ or token.lower_ in self.data.relatives:
                break
            if token.lower_ in self.data.conjunctions and self._title_follows(doc, j + 1, ctx):
                break  # "du président français et | du ministre de l’Éducation, X": X is the minister
            inside = j in ctx.demonyms or any(o.start <= j < o.end for o in ctx.orgs)
            if ctx.has_pos and token.pos_ in {"VERB", "AUX"} and not inside:  # "kazakh" is tagged VERB
                break
            if self._name_after_country(doc, j, ctx):
                break  # "Ambassador to Bangladesh | Ito Naoki"
            j += 1
        dets = self.data.apposition_determiners
        while j > k and (doc[j - 1].lower_ in self.data.connectors or doc[j - 1].lower_ in dets):
            j -= 1
        return j

    def _title_follows(self, doc: Doc, k: int, ctx: _Context) -> bool:
        """Another person's title opens at token k after its own article or preposition ("et du
        ministre", "and the Minister"; "President and CEO" is one person's)."""
        joiners = self.data.connectors | self.data.apposition_determiners | self.data.articles
        start = k
        while k < len(doc) and doc[k].lower_ in joiners:
            k += 1
        return start < k < len(doc) and self.data.title_at(doc, ctx.folds, k) is not None

    def _ordinary(self, word: str) -> bool:
        """An ordinary word of the language, or the plural of one ("Affairs", "Industries")."""
        stems = [word, word[:-3] + "y"] if word.endswith("ies") else [word]
        stems += [word[:-1]] if word.endswith("s") else []
        return any(self.lexicon.common(stem) for stem in stems)

    def _plain(self, doc: Doc, start: int, end: int, ctx: _Context) -> bool:
        """Every word of start..end is an ordinary word ("Environmental Protection"), but perhaps
        the acronym of a body opening them ("UBC Political Science", "APFC Distinguished Fellow":
        an affiliation after a title, no name)."""
        words = [j for j in range(start, end) if ctx.folds[j]]
        if len(words) > 1 and doc[words[0]].text.isupper() and len(doc[words[0]]) > 1:
            words = words[1:]
        return all(self._ordinary(doc[j].lower_) for j in words)

    def _listed_field(self, doc: Doc, k: int, ctx: _Context) -> bool:
        """After a comma, token k opens one more field of a title's complement, not a name:
        "ministre de l’Économie, | de la Planification et de l’Aménagement du Territoire",
        "Minister of Ecology, | Environmental Protection and Climate Change": a preposition and a
        capitalised word, or capitalised ordinary words up to "and" or another comma."""
        j = k
        while (
            j < len(doc)
            and doc[j].lower_ in self.data.connectors
            and doc[j].lower_ not in self.data.conjunctions
        ):
            j += 1
        if j >= len(doc) or not is_cap(doc[j]) or j in ctx.places or j in ctx.demonyms:
            return False
        if j > k:
            return doc[k].lower_ in self.data.prepositions
        while j < len(doc) and is_cap(doc[j]) and not is_break(doc[j]) and self._ordinary(doc[j].lower_):
            j += 1
        return j > k and j < len(doc) and (doc[j].text == "," or doc[j].lower_ in self.data.conjunctions)

    def _name_after_country(self, doc: Doc, j: int, ctx: _Context) -> bool:
        """Token j opens a name just after "to <country>", "of <city>" closing a title's
        complement ("Ambassador of France to Kazakhstan Didier Canesse", "the mayor of Ulsan Son
        Cheol-Ho")."""
        place = next((p for p in ctx.places.values() if p.end == j and p.label_ in _CLOSING_PLACES), None)
        if place is None or place.start == 0 or doc[place.start - 1].lower_ not in self.data.connectors:
            return False
        here = ctx.places.get(j)
        known = self.gazetteer.get(here.kb_id_) if here is not None else None
        if here is not None and (known is None or not known.weak):
            return False  # "to Kazakhstan Astana": a place, not a name ("Ito" the town may be one)
        return self._name_run(doc, j, ctx) is not None

    def _role(
        self, doc: Doc, title: tuple[int, int], comp: tuple[int, int], country: str | None, ctx: _Context
    ) -> RoleData:
        """[title text, organisation name, country] from a title and its complement."""
        start, end = comp
        ctx.titles.append((title[0], max(title[1], end)))
        organization = None
        while end > start and end - 1 in ctx.demonyms:  # "ministre des Affaires étrangères ouzbek"
            country = country or ctx.demonyms[end - 1][0]
            end -= 1
        cut = end
        for org in ctx.orgs:
            if start <= org.start and org.end <= end:
                info = org._.bilat or {}
                organization = self._org_name(org)
                lead = org.start
                joiners = self.data.connectors | self.data.apposition_determiners
                while lead > start and doc[lead - 1].lower_ in joiners:
                    lead -= 1
                if org.end == end and lead > start and doc[lead].lower_ in self.data.locatives:
                    cut = lead  # "adjoint aux relations internationales … à la mairie de Paris"
                country = country or info.get("country")
                break
        if organization is None:
            for label, e_start, e_end in ent_bounds(doc):
                if label == "ORG" and start <= e_start and e_end <= end:
                    organization = span_name(doc, e_start, e_end)
                    break
        inside_org = {k for o in ctx.orgs for k in range(o.start, o.end)}
        inside_org |= {k for label, s, e in ent_bounds(doc) if label == "ORG" for k in range(s, e)}
        if country is None:
            for k in range(start, end):
                if k in ctx.places and (k not in inside_org or ctx.places[k].label_ == "country"):
                    place = self.gazetteer.get(ctx.places[k].kb_id_)
                    if place is not None:
                        country = place.country
                        break
        text = span_name(doc, *title).removesuffix(")").rstrip()  # "(Retd)"
        text = text[:1].lower() + text[1:] if text[1:2].islower() else text
        if cut > start:
            text = f"{text} {span_name(doc, start, cut)}"
        return [text, organization, country]

    def _org_name(self, org: Span) -> str:
        if org.label_ == "city":
            place = self.gazetteer.get(org.kb_id_)
            return place.display(self.data.lang) if place else org.text
        text = " ".join(org.text.split())
        return text[:1].upper() + text[1:]

    def _adjectives(self, k: int, ctx: _Context) -> tuple[int, str | None]:
        country = None
        while k in ctx.demonyms:
            country = country or ctx.demonyms[k][0]
            k += 1
        return k, country

    def _country_before(self, doc: Doc, i: int, ctx: _Context) -> str | None:
        """Where adjectives precede nouns, the country named just before a title: "Kazakh
        President", "Namibia’s Energy Minister", "Kazakhstan's Ambassador"."""
        if not self.data.adjectives_before or i == 0:
            return None
        k = i - 1
        if k in ctx.demonyms:
            return ctx.demonyms[k][0]
        if k > 0 and doc[k].lower_ in {"’s", "'s"}:
            place = next((p for p in ctx.places.values() if p.end == k and p.label_ == "country"), None)
            known = self.gazetteer.get(place.kb_id_) if place is not None else None
            return known.country if known else None
        return None

    def _past_honorifics(self, doc: Doc, k: int) -> int:
        """The token after the courtesy titles opening at token k ("Prof. Dr." in "the Rector,
        Prof. Dr. Jane Roe"): a name may follow them."""
        while k < len(doc) and doc[k].lower_ in self.data.honorifics:
            k += 2 if k + 1 < len(doc) and doc[k + 1].text == "." and not doc[k].whitespace_ else 1
        return k

    def _before_name(self, doc: Doc, i: int, title_end: int, ctx: _Context) -> _Found:
        k, country = self._adjectives(title_end, ctx)
        country = country or self._country_before(doc, i, ctx)
        if k < len(doc) and self.data.title_at(doc, ctx.folds, k) is not None:
            return None  # "Secretary | Lt Gen Imran Shah": the next title introduces the name
        named = self._past_honorifics(doc, k)  # "Rector Prof. Dr. Jane Roe"
        end = self._name_run(doc, named, ctx) if named > k else None
        if end is not None:
            return named, end, self._role(doc, (i, title_end), (k, k), country, ctx)
        end = self._name_run(doc, k, ctx, titled=True)
        if end is not None and self._plain(doc, k, end, ctx):
            return None  # "Danish Queen | Attends Groundbreaking": a headline's words, no name
        if end is not None:
            return k, end, self._role(doc, (i, title_end), (k, k), country, ctx)
        comp_end = self._complement_end(doc, k, ctx, stop_at_comma=True)
        if comp_end > k and self._name_after_country(doc, comp_end, ctx):
            end = self._name_run(doc, comp_end, ctx)
            if end is not None:
                return comp_end, end, self._role(doc, (i, title_end), (k, comp_end), country, ctx)
        if comp_end < len(doc) - 1 and doc[comp_end].text != ",":
            start = self._trailing_name(doc, k, comp_end, ctx)  # "la ministre de la Culture Rima Abdul Malak"
            if start is None:
                return None
            return start, comp_end, self._role(doc, (i, title_end), (k, start), country, ctx)
        if comp_end >= len(doc) - 1:
            return None
        named = self._past_honorifics(doc, comp_end + 1)  # "the Rector of X, Prof. Dr. Jane Roe"
        end = self._name_run(doc, named, ctx)
        if end is None or self._plain(doc, named, end, ctx):
            # "Minister of Higher Education and Scientific Research Ayman Ashour, who …"
            start = self._trailing_name(doc, k, comp_end, ctx)
            if start is None:
                return None
            return start, comp_end, self._role(doc, (i, title_end), (k, start), country, ctx)
        return named, end, self._role(doc, (i, title_end), (k, comp_end), country, ctx)

    def _trailing_name(self, doc: Doc, start: int, end: int, ctx: _Context) -> int | None:
        """Start of a name closing a title's complement without a comma: two or more words, at most
        one of them an ordinary word ("Culture" in "ministre de la Culture Rima Abdul Malak" is not)."""
        k = end
        if k - 2 > start and self._lower_syllable(doc, k - 2):
            k -= 2  # "… Energy Ahn Duk-geun": a name's last syllable in lower case
        last = doc[k - 1] if k > start else None
        if last is not None and ctx.has_pos and last.pos_ == "PROPN" and self._name_word(doc, k - 1, ctx):
            k -= 1  # the last word may be an ordinary one the tagger reads as a name ("… Kim Tiên")
        while k > start and self._name_word(doc, k - 1, ctx) and not self.lexicon.common(doc[k - 1].text):
            k -= 1
        # one ordinary word may open the name ("Pierre Moscovici", "Rima Abdul Malak"); where a
        # title's fields are capitalised, only a name of two ("… and Scientific Research Ayman Ashour")
        single = sum(1 for j in range(k, end) if ctx.folds[j] and (j == k or doc[j - 1].whitespace_)) == 1
        opener = k > start and self._name_word(doc, k - 1, ctx)
        if (
            (single or not self.data.capitalised_fields)
            and opener
            and doc[k - 2].lower_ not in self.data.connectors
        ):
            k -= 1
        words = [j for j in range(k, end) if ctx.folds[j]]
        if len(words) < 2 or k == start or self._name_run(doc, k, ctx) != end:
            return None
        return (
            None if self.data.title_at(doc, ctx.folds, k) is not None else k
        )  # "… of Defence Lt Gen (Retd)": a rank, no name

    def _after_name(self, doc: Doc, i: int, title_end: int, ctx: _Context) -> _Found:
        p = i - 1
        if p >= 0 and doc[p].lower_ in self.data.apposition_determiners:
            p -= 1
        if p >= 1 and is_acronym(doc[p].text) and doc[p - 1].text == ",":
            p -= 1  # "Jungyeop Woo, MOFA Director-General": the body's acronym before the title
        if p < 1 or doc[p].text != ",":
            return None
        start = self._name_start_before(doc, p, ctx)
        if start is None or self._plain(doc, start, p, ctx):
            return None  # "the Minister for Defence, Chairman …": the words of a title, no name
        for ent in doc.ents:  # "décrit à Novastan Arnaud Ngatcha, adjoint …": trust the NER's start
            if ent.label_ in {"PER", "PERSON"} and ent.end == p and start < ent.start < p:
                start = ent.start
        k, country = self._adjectives(title_end, ctx)
        comp_end = self._complement_end(doc, k, ctx, stop_at_comma=True)
        return start, p, self._role(doc, (i, title_end), (k, comp_end), country, ctx)
