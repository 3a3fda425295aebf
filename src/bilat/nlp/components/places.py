"""`bilat_places`: gazetteer places and country adjectives, by folded-name lookup over token windows.

Writes `doc.spans["bilat_places"]` (label `country` or `city`, `kb_id_` the gazetteer key)
and `doc.spans["bilat_demonyms"]` (label the ISO code: "kazakhe" -> KZ; "franco-kazakhes"
gives two spans, FR and KZ). A place name must start with a capital letter; weak names
(small towns, names that are also common words) are kept here and judged by
`bilat_mentions`, which wants the NER model to agree.
"""

from __future__ import annotations

from spacy.attrs import IS_ALPHA
from spacy.language import Language
from spacy.tokens import Doc, Span

from bilat.gazetteers import Gazetteer, Place, load_gazetteer
from bilat.nlp.text import longest_match, starts_upper, token_folds, token_texts

PLACES = "bilat_places"
DEMONYMS = "bilat_demonyms"


class PlaceMatcher:
    """Finds places and country adjectives; one dict lookup per candidate window."""

    def __init__(self, nlp: Language, name: str = "bilat_places", gazetteer: Gazetteer | None = None) -> None:
        self.name = name
        self.lang = str(nlp.lang)
        self.gazetteer = gazetteer or load_gazetteer()

    def _place(self, norm: str) -> Place | None:
        found = self.gazetteer.lookup(norm)
        return found[0] if found else None

    @staticmethod
    def _compound_word(doc: Doc, end: int) -> bool:
        """The name ending at `end` is glued by a hyphen to a lower-case word: a word of its own
        ("Agro-industry"), not the place ("Agra")."""
        if end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_ or doc[end].whitespace_:
            return False
        return doc[end + 1].is_lower and doc[end + 1].is_alpha

    def _split_compound(self, doc: Doc, folds: list[str], i: int) -> tuple[str, ...]:
        """The countries of a compound adjective written as three tokens, "maroco", "-",
        "espagnol" (no spaces), if it names two or more; else ()."""
        if i + 2 >= len(doc) or doc[i + 1].text != "-" or doc[i].whitespace_ or doc[i + 1].whitespace_:
            return ()
        if not (doc[i].is_alpha and doc[i + 2].is_alpha):
            return ()
        codes = self.gazetteer.demonym_folded(f"{folds[i]} {folds[i + 2]}", self.lang)
        return tuple(codes) if len(codes) >= 2 else ()

    def __call__(self, doc: Doc) -> Doc:
        texts = token_texts(doc)  # no Token object per token: most tokens are no place
        folds = token_folds(doc)
        alpha = doc.to_array([IS_ALPHA]).tolist() if len(doc) else []
        places: list[Span] = []
        demonyms: list[Span] = []
        max_words = self.gazetteer.max_words
        i = 0
        while i < len(doc):
            if not folds[i]:
                i += 1
                continue
            if starts_upper(texts[i]):
                hit = longest_match(doc, folds, i, self._place, max_words, self.gazetteer.name_prefixes)
                if hit is not None and not self._compound_word(doc, hit[0]):
                    end, place = hit
                    places.append(Span(doc, i, end, label=place.kind, kb_id=place.key))
                    i = end
                    continue
            pair = self._split_compound(doc, folds, i) if texts[i + 1 : i + 2] == ["-"] else ()
            if pair:  # "maroco-espagnol" the tokenizer cut in three: MA and ES
                demonyms += [Span(doc, i, i + 3, label=code) for code in pair]
                i += 3
                continue
            if alpha[i] or "-" in texts[i]:
                for code in self.gazetteer.demonym_folded(folds[i], self.lang):
                    demonyms.append(Span(doc, i, i + 1, label=code))
            i += 1
        doc.spans[PLACES] = places
        doc.spans[DEMONYMS] = demonyms
        return doc
