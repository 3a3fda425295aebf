"""Is a word an ordinary word of the language? Read from the pipeline's own lemmatizer tables."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from bilat.model.names import fold

_CACHE: dict[int, Lexicon] = {}


class Lexicon:
    """Common words: stop words, lemmatizer lemmas and inflected forms (folded and not)."""

    def __init__(self, stop_words: set[str], lookup: Any = None, words: set[str] | None = None) -> None:
        self.stop_words = frozenset(stop_words)
        self.lookup = lookup  # spaCy Table of inflected forms (membership by string)
        self.words = frozenset(words or ())
        self.folded = frozenset(fold(w) for w in self.words | self.stop_words)

    def common(self, word: str) -> bool:
        """ "Monde", "Suivra", "Etat" -> True; "Tokaïev", "Louvre" -> False."""
        lower = word.lower()
        if lower in self.stop_words or lower in self.words:
            return True
        if self.lookup is not None and lower in self.lookup:
            return True
        return fold(lower) in self.folded


def lexicon_for(nlp: Language) -> Lexicon:
    """The lexicon of `nlp`: its lemmatizer's tables when it has one, else its stop words."""
    stop = set(nlp.Defaults.stop_words)
    if "lemmatizer" not in nlp.pipe_names:
        return Lexicon(stop)
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.tables:
        return Lexicon(stop)
    key = id(lookups)
    if key not in _CACHE:
        words: set[str] = set()
        if lookups.has_table("lemma_index"):
            index = lookups.get_table("lemma_index")
            for pos in index:
                words.update(index[pos])
        if lookups.has_table("lemma_exc"):
            exc = lookups.get_table("lemma_exc")
            for pos in exc:
                words.update(exc[pos].keys())
        table = lookups.get_table("lemma_lookup") if lookups.has_table("lemma_lookup") else None
        _CACHE[key] = Lexicon(stop, table, words)
    return _CACHE[key]
