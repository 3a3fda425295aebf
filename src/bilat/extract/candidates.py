"""Finds fact triggers in a parsed document: lexicon matches, minus denied, generic-plural and
masked ones (page furniture), each marked anaphoric or not."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from bilat.extract.lexicon import Lexicon, Trigger
from bilat.extract.syntax import head_of, sentences, tokens_in
from bilat.nlp.text import doc_text

_LOOKBEHIND = 40  # characters before a trigger read for determiners and negation


@dataclass
class Candidate:
    trigger: Trigger
    start: int
    end: int
    sent: Span
    head: Token
    doc_text: str  # the document's text (spaCy rebuilds Doc.text on every access)
    anaphoric: bool = False

    @property
    def type(self) -> str:
        return self.trigger.type

    @property
    def text(self) -> str:
        return self.doc_text[self.start : self.end]


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _text_matches(text: str, lex: Lexicon) -> list[tuple[int, int, Trigger]]:
    """Every trigger match in the whole text, by start: what `finditer` of each trigger finds,
    trying each trigger only where the lexicon says one may begin."""
    starts = [m.start() for m in lex.trigger_starts.finditer(text)]
    found = []
    for trigger in lex.triggers:
        after = 0  # a trigger's matches do not overlap each other, as with finditer
        for start in starts:
            if start < after:
                continue
            m = trigger.regex.match(text, start)
            if m is not None and m.end() > start:
                found.append((start, m.end(), trigger))
                after = m.end()
    found.sort(key=lambda f: f[0])
    return found


def _sentence_matches(
    sent: Span, lex: Lexicon, doc_text: str, in_text: list[tuple[int, int, Trigger]], starts: list[int]
) -> list[tuple[int, int, Trigger]]:
    """The matches inside `sent`, longer ones winning over those they overlap, then earlier
    lexicon entries. A whole-text match running past the sentence end is looked for again in
    the sentence alone, where a shorter form may match."""
    first, last = sent.start_char, sent.end_char
    found = []
    for start, end, trigger in in_text[bisect_left(starts, first) : bisect_left(starts, last)]:
        if end > last:
            return _matches(sent, lex, doc_text)
        found.append((start, end, trigger))
    return _non_overlapping(found, lex)


def _matches(sent: Span, lex: Lexicon, doc_text: str) -> list[tuple[int, int, Trigger]]:
    text, offset = doc_text[sent.start_char : sent.end_char], sent.start_char
    found = []
    for trigger in lex.triggers:
        for m in trigger.regex.finditer(text):
            if m.end() > m.start():
                found.append((offset + m.start(), offset + m.end(), trigger))
    return _non_overlapping(found, lex)


def _non_overlapping(found: list[tuple[int, int, Trigger]], lex: Lexicon) -> list[tuple[int, int, Trigger]]:
    # longer matches win over the ones they overlap; then earlier lexicon entries
    order = lex.trigger_order
    found.sort(key=lambda f: (-(f[1] - f[0]), order[f[2].name]))
    kept: list[tuple[int, int, Trigger]] = []
    for start, end, trigger in found:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, trigger))
    return sorted(kept, key=lambda f: f[0])


def _with_broad(
    found: list[tuple[int, int, Trigger]], broad: list[tuple[int, int, Trigger]]
) -> list[tuple[int, int, Trigger]]:
    """The lexicon's matches, plus the broad words that overlap none of them."""
    extra = [b for b in broad if all(b[1] <= s or b[0] >= e for s, e, _ in found)]
    return sorted(found + extra, key=lambda f: f[0]) if extra else found


def find_candidates(
    doc: Doc,
    lex: Lexicon,
    masked: list[tuple[int, int]],
    broad: list[tuple[int, int, Trigger]] | None = None,
    sents: list[Span] | None = None,
) -> list[Candidate]:
    """Triggers outside `masked` ranges (page furniture: "Lire aussi" headlines, newsletters);
    with `broad` matches (bilat.extract.broad), those the lexicon's triggers do not cover too.
    `sents`: `sentences(doc, its text)`, when the caller has them already."""
    text = doc_text(doc)
    in_text = _text_matches(text, lex)
    starts = [m[0] for m in in_text]
    broad_starts = [b[0] for b in broad or ()]
    out = []
    for sent in sents if sents is not None else sentences(doc, text):
        found = _sentence_matches(sent, lex, text, in_text, starts)
        if broad:
            lo, hi = bisect_left(broad_starts, sent.start_char), bisect_left(broad_starts, sent.end_char)
            found = _with_broad(found, [b for b in broad[lo:hi] if b[1] <= sent.end_char])
        for start, end, trigger in found:
            if _inside(start, end, masked):
                continue
            before = text[max(sent.start_char, start - _LOOKBEHIND) : start]
            if lex.negated_before.search(before):
                continue
            anaphoric = bool(lex.anaphoric_before.search(before))
            generic_plural = not trigger.plural_ok and lex.plural_before.search(before)
            if trigger.type == "event" and not anaphoric and generic_plural:
                continue  # "des expositions": a kind of event, not one event
            head = head_of(tokens_in(doc, start, end))
            if head is None:
                continue
            out.append(Candidate(trigger, start, end, sent, head, text, anaphoric))
    return out
