"""Sentence guard, before the parser: a line break always starts a sentence, and only a line
break or end punctuation may ("Kassym-Jomart" is one name, "Pour Laurence des Cars," one clause);
after end punctuation the parser decides ("M. Dupont" is not a sentence end)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_SENTENCE_END = {".", "!", "?", "…", ":", ";", "»", '"', ")"}


class SentenceGuard:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                token.is_sent_start = True
            elif prev.text[-1:] not in _SENTENCE_END:
                token.is_sent_start = False
        return doc
