"""Sentence guard, before the parser: a line break always starts a sentence, and only a line
break or end punctuation may ("Kassym-Jomart" is one name, "Pour Laurence des Cars," one clause);
after end punctuation the parser decides ("M. Dupont" is not a sentence end). A related-article
headline ("Lire aussi sur X : …", "Read also: …") is a sentence of its own, never glued to the
text around it."""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from bilat.nlp.components.boilerplate import headline_tokens
from bilat.nlp.langdata import load_lang
from bilat.nlp.text import token_texts

_SENTENCE_END = {".", "!", "?", "…", ":", ";", "»", '"', ")"}


class SentenceGuard:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.furniture = load_lang(nlp.lang).boilerplate
        self.stop_words = frozenset(nlp.Defaults.stop_words)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        texts = token_texts(doc)  # no Token objects: fast
        starts = numpy.zeros(len(doc), dtype="int64")  # 1 starts, -1 does not, 0 parser decides
        starts[0] = 1
        for i in range(1, len(texts)):
            prev = texts[i - 1]
            if "\n" in prev:
                starts[i] = 1
            elif prev[-1:] not in _SENTENCE_END:
                starts[i] = -1
        for start, end in headline_tokens(doc, self.furniture, self.stop_words):
            starts[start] = 1
            starts[start + 1 : end] = -1
            if end < len(doc):
                starts[end] = 1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc
