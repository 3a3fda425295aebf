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
from bilat.nlp.text import longest_match, token_folds, token_texts

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
            if texts[i][:1].isupper():  # is_cap
                hit = longest_match(doc, folds, i, self._place, max_words, self.gazetteer.name_prefixes)
                if hit is not None:
                    end, place = hit
                    places.append(Span(doc, i, end, label=place.kind, kb_id=place.key))
                    i = end
                    continue
            if alpha[i] or "-" in texts[i]:
                for code in self.gazetteer.demonym_folded(folds[i], self.lang):
                    demonyms.append(Span(doc, i, i + 1, label=code))
            i += 1
        doc.spans[PLACES] = places
        doc.spans[DEMONYMS] = demonyms
        return doc
