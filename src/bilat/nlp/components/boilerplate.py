"""`bilat_boilerplate`: marks page furniture (newsletter appeals, bylines, "Lire aussi" headlines, tags).

Writes `doc.spans["bilat_boilerplate"]`, labels `line`, `byline`, `short` (a tag or rubric
line) and `inline` (a related-article headline inside a paragraph). Nothing inside these
spans becomes a mention. Patterns come from `lang/<code>/boilerplate.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from bilat.nlp.components.places import PLACES
from bilat.nlp.langdata import Boilerplate, load_lang
from bilat.nlp.text import doc_text, is_cap

BOILERPLATE = "bilat_boilerplate"
_FUNCTION_POS = frozenset({"DET", "ADP", "PRON", "ADV", "CCONJ", "SCONJ", "AUX", "VERB"})
_OPENERS = frozenset({"«", "“", '"', ":", "-", "’", "'", "("})
_MAX_HEADLINE = 30  # tokens


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


class BoilerplateMarker:
    """Line rules on the raw text, then "Lire aussi" headlines cut at the next sentence start."""

    def __init__(self, nlp: Language, name: str = "bilat_boilerplate") -> None:
        self.name = name
        self.data = load_lang(nlp.lang).boilerplate
        self.stop_words = frozenset(nlp.Defaults.stop_words)

    def _headline_end(self, doc: Doc, start: int, places: set[int]) -> int:
        """End token of the headline that follows a cue at token `start`."""
        i = start
        if i < len(doc) and doc[i].lower_ == "sur":  # "Lire aussi sur Novastan :"
            i += 1
            while i < len(doc) and is_cap(doc[i]):
                i += 1
        if i < len(doc) and doc[i].text == ":":
            i += 1
        first = i
        has_pos = doc.has_annotation("POS")
        for j in range(first, min(len(doc), first + _MAX_HEADLINE)):
            token = doc[j]
            if "\n" in token.text:
                return j
            if token.text in {".", "!", "?"}:
                return j + 1
            if j == first or not is_cap(token) or doc[j - 1].text in _OPENERS:
                continue
            if token.ent_type_ or j in places:
                continue
            if (has_pos and token.pos_ in _FUNCTION_POS) or token.lower_ in self.stop_words:
                return j
            if has_pos and token.pos_ == "NOUN" and j + 1 < len(doc) and doc[j + 1].pos_ == "ADJ":
                return j  # "Côté kazakh, …"
        return min(len(doc), first + _MAX_HEADLINE)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        covered: list[tuple[int, int]] = []
        text = doc_text(doc)
        for start, end, label in line_ranges(text, self.data):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
                covered.append((start, end))
        places = {i for s in doc.spans.get(PLACES, []) for i in range(s.start, s.end)}
        for pattern in self.data.inline:
            for match in pattern.finditer(text):
                if any(a <= match.start() < b for a, b in covered):
                    continue
                cue = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if cue is None:
                    continue
                end = self._headline_end(doc, cue.end, places)
                spans.append(Span(doc, cue.start, end, label="inline"))
                covered.append((cue.start_char, doc[end - 1].idx + len(doc[end - 1]) if end else 0))
        doc.spans[BOILERPLATE] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc


def in_boilerplate(doc: Doc) -> list[bool]:
    """Per token: is it inside page furniture?"""
    flags = [False] * len(doc)
    for span in doc.spans.get(BOILERPLATE, []):
        for i in range(span.start, span.end):
            flags[i] = True
    return flags
