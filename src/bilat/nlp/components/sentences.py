"""Sentence guard, before the parser: a line break always starts a sentence, and a word glued to
the previous one by a hyphen or apostrophe never does ("Kassym-Jomart" is one name)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_SENTENCE_END = {".", "!", "?", "…", ":"}


class SentenceGuard:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                token.is_sent_start = True
            elif not prev.whitespace_ and prev.text not in _SENTENCE_END and not prev.is_space:
                token.is_sent_start = False
        return doc
