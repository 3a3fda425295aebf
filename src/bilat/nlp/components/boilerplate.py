"""`bilat_boilerplate`: marks page furniture (newsletter appeals, bylines, "Lire aussi" headlines, tags).

Writes `doc.spans["bilat_boilerplate"]`, labels `line`, `byline`, `short` (a tag or rubric
line) and `inline` (a related-article headline inside a paragraph). Nothing inside these
spans becomes a mention. Patterns come from `lang/<code>/boilerplate.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from bilat.nlp.components.places import PLACES
from bilat.nlp.langdata import Boilerplate, load_lang
from bilat.nlp.text import doc_text, is_cap

BOILERPLATE = "bilat_boilerplate"
_FUNCTION_POS = frozenset({"DET", "ADP", "PRON", "ADV", "CCONJ", "SCONJ", "AUX", "VERB"})
_OPENERS = frozenset({"«", "“", '"', ":", "-", "’", "'", "("})
_MAX_HEADLINE = 30  # tokens
_TITLE_WINDOW = 10  # tokens read to tell a Title Case headline


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def line_ranges(text: str, data: Boilerplate) -> list[tuple[int, int, str]]:
    """Character ranges of whole furniture lines, with the rule that matched."""
    out = []
    for start, end in _lines(text):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            continue
        lead = start + len(line) - len(line.lstrip())
        trail = start + len(line.rstrip())
        words = stripped.split()
        if any(p.search(stripped) for p in data.lines):
            out.append((lead, trail, "line"))
        elif len(words) <= data.byline_max_words and any(p.search(stripped) for p in data.bylines):
            out.append((lead, trail, "byline"))
        elif len(words) <= data.short_line_words and stripped[-1] not in '.!?:;»"”':
            out.append((lead, trail, "short"))
    return out


def _lower_adjective(token: Token) -> bool:
    """A lower case adjective ("kazakh": tagged an adjective or, lower case, a proper noun)."""
    return token.is_alpha and not is_cap(token) and token.pos_ in ("ADJ", "PROPN")


# the last text's cues: the sentence guard and the marker both look for them in each doc's text
_LAST_CUES: tuple[str, Boilerplate, list[tuple[int, int]]] | None = None


def inline_cues(text: str, data: Boilerplate) -> list[tuple[int, int]]:
    """Character ranges of the cues opening related-article headlines ("Lire aussi", "À lire
    aussi", "Related:"), in text order; where two overlap, the one starting first (then the longer)."""
    global _LAST_CUES
    last = _LAST_CUES
    if last is not None and last[0] is text and last[1] is data:  # the same objects (kept alive here)
        return list(last[2])
    out = _inline_cues(text, data)
    _LAST_CUES = (text, data, out)
    return list(out)


@lru_cache(maxsize=16)
def _any_cue(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern that matches where any of `patterns` does (None when their flags differ)."""
    flags = {p.flags for p in patterns}
    if len(flags) != 1:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), flags.pop())


def _inline_cues(text: str, data: Boilerplate) -> list[tuple[int, int]]:
    any_cue = _any_cue(data.inline) if data.inline else None
    if any_cue is not None and any_cue.search(text) is None:  # most texts: one scan instead of one a cue
        return []
    found = sorted(
        ((m.start(), m.end()) for pattern in data.inline for m in pattern.finditer(text)),
        key=lambda r: (r[0], -r[1]),
    )
    out: list[tuple[int, int]] = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def _title_case(doc: Doc, first: int, stop_words: frozenset[str]) -> bool:
    """Whether the headline from token `first` is written in Title Case ("France And Kazakhstan
    Sign A Deal"): then a sentence start is no capitalised word among lower case ones."""
    words = []
    for token in doc[first : min(len(doc), first + _TITLE_WINDOW)]:
        if "\n" in token.text:
            break
        if token.is_alpha:
            words.append(token)
    content = [t for t in words if t.lower_ not in stop_words]
    return len(words) >= 3 and len(content) >= 2 and all(is_cap(t) for t in content)


def headline_end(
    doc: Doc, start: int, data: Boilerplate, stop_words: frozenset[str], names: frozenset[int] = frozenset()
) -> int:
    """End token of the related-article headline that follows a cue ending at token `start`: the
    next line break or end punctuation, or the next sentence start: a capitalised function word
    ("… « Abaï-Verne » De son côté, …"), or, in a Title Case headline, the capitalised word that
    opens a run of lower case ones. `names` are tokens known to be names (never a sentence start)."""
    i = start
    if i < len(doc) and doc[i].lower_ in data.inline_sources:  # "Lire aussi sur Novastan :"
        i += 1
        while i < len(doc) and is_cap(doc[i]):
            i += 1
    if i < len(doc) and doc[i].text == ":":
        i += 1
    first = i
    has_pos = doc.has_annotation("POS")
    title_case = _title_case(doc, first, stop_words)
    for j in range(first, min(len(doc), first + _MAX_HEADLINE)):
        token = doc[j]
        if "\n" in token.text:
            return j
        if token.text in {".", "!", "?"}:
            return j + 1
        if title_case:
            if token.is_alpha and not is_cap(token) and token.lower_ not in stop_words:
                k = j - 1
                while k > first and not is_cap(doc[k]):
                    k -= 1
                return k if k > first else j
            continue
        if j == first or not is_cap(token) or doc[j - 1].text in _OPENERS:
            continue
        if token.ent_type_ or j in names:
            continue
        if (has_pos and token.pos_ in _FUNCTION_POS) or token.lower_ in stop_words:
            return j
        following = doc[j + 1] if j + 1 < len(doc) else None
        if has_pos and token.pos_ == "NOUN" and following is not None and _lower_adjective(following):
            return j  # "Côté kazakh, …"
    return min(len(doc), first + _MAX_HEADLINE)


def headline_tokens(
    doc: Doc, data: Boilerplate, stop_words: frozenset[str], names: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """Token ranges [cue start, headline end) of the related-article headlines in `doc`."""
    out = []
    for start, end in inline_cues(doc_text(doc), data):
        cue = doc.char_span(start, end, alignment_mode="expand")
        if cue is None or (out and cue.start < out[-1][1]):
            continue
        out.append((cue.start, max(cue.end, headline_end(doc, cue.end, data, stop_words, names))))
    return out


class BoilerplateMarker:
    """Line rules on the raw text, then "Lire aussi" headlines: each is the sentence the sentence
    guard made of it (so that furniture and sentences agree), else cut at the next sentence start."""

    def __init__(self, nlp: Language, name: str = "bilat_boilerplate") -> None:
        self.name = name
        self.data = load_lang(nlp.lang).boilerplate
        self.stop_words = frozenset(nlp.Defaults.stop_words)

    def _sentence_end(self, doc: Doc, start: int) -> int | None:
        """The end of the sentence a headline's cue opens, when the guard made one of it."""
        if not doc.has_annotation("SENT_START") or not doc[start].is_sent_start:
            return None
        for j in range(start + 1, min(len(doc), start + _MAX_HEADLINE + 8)):
            if doc[j].is_sent_start:
                return j
        return None

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        covered: list[tuple[int, int]] = []
        text = doc_text(doc)
        for start, end, label in line_ranges(text, self.data):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
                covered.append((start, end))
        places = frozenset(i for s in doc.spans.get(PLACES, []) for i in range(s.start, s.end))
        for start, end in headline_tokens(doc, self.data, self.stop_words, places):
            if any(a <= doc[start].idx < b for a, b in covered):
                continue
            end = self._sentence_end(doc, start) or end
            span = Span(doc, start, end, label="inline")
            spans.append(span)
            covered.append((span.start_char, span.end_char))
        doc.spans[BOILERPLATE] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc


def in_boilerplate(doc: Doc) -> list[bool]:
    """Per token: is it inside page furniture?"""
    flags = [False] * len(doc)
    for span in doc.spans.get(BOILERPLATE, []):
        for i in range(span.start, span.end):
            flags[i] = True
    return flags
