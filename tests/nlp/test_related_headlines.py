"""Related-article headlines ("Lire aussi", "À lire aussi", "Read also", "Related:") are page
furniture and sentences of their own: never glued to the sentence before or after them
(issue 8, finding 2). Texts written for these tests."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.language import Language

from bilat.nlp.components.boilerplate import BOILERPLATE
from bilat.nlp.langdata import load_lang
from bilat.nlp.pipeline import add_bilat_pipes


@pytest.fixture(scope="module")
def blank_en() -> Language:
    return add_bilat_pipes(spacy.blank("en"))


def _inline(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    return [s.text for s in doc.spans[BOILERPLATE] if s.label_ in ("inline", "line")]


def _sentences(nlp: Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


FR = (
    "Le maire de Lyon a signé un accord avec Almaty. Lire aussi sur Le Relais : Un jumelage "
    "scellé entre Tours et Boukhara De son côté, la ville d’Almaty prépare une exposition.\n"
    "À lire aussi : Le musée de Grenoble prête des œuvres à Samarcande\n"
    "Cette exposition ouvrira en mai."
)


def test_french_headlines_are_furniture_and_their_own_sentences(blank: Language) -> None:
    furniture = _inline(blank, FR)
    assert "Lire aussi sur Le Relais : Un jumelage scellé entre Tours et Boukhara" in furniture
    assert "À lire aussi : Le musée de Grenoble prête des œuvres à Samarcande" in furniture
    sentences = _sentences(blank, FR)
    assert "Lire aussi sur Le Relais : Un jumelage scellé entre Tours et Boukhara" in sentences
    assert "De son côté, la ville d’Almaty prépare une exposition." in sentences
    assert not any("Boukhara De" in s or "Almaty. Lire" in s for s in sentences)


EN = (
    "The mayors of Turin and Bishkek met on Tuesday. Read also: Bishkek And Turin Open A Joint "
    "Design School The two cities signed a twinning agreement.\n"
    "Related: Uzbekistan hosts a film week in Tashkent\n"
    "The festival opened with an Italian film. See also on The Courier: Georgia and Chile sign "
    "a memorandum The memorandum covers wine."
)


def test_english_headlines_title_case_or_not(blank_en: Language) -> None:
    furniture = _inline(blank_en, EN)
    assert "Read also: Bishkek And Turin Open A Joint Design School" in furniture
    assert "Related: Uzbekistan hosts a film week in Tashkent" in furniture
    assert "See also on The Courier: Georgia and Chile sign a memorandum" in furniture
    sentences = _sentences(blank_en, EN)
    assert "The two cities signed a twinning agreement." in sentences
    assert "The memorandum covers wine." in sentences
    assert "Read also: Bishkek And Turin Open A Joint Design School" in sentences


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fr", "À lire aussi : un titre"),
        ("fr", "Lire également : un titre"),
        ("en", "Related: a headline"),
        ("en", "Read also: a headline"),
    ],
)
def test_cues_are_language_data(lang: str, line: str) -> None:
    data = load_lang(lang).boilerplate
    assert any(p.match(line) for p in data.inline)
    assert not any(p.search("an unrelated: word") for p in data.inline)  # a word, not part of one


def _cues_one_pattern_at_a_time(text: str, patterns: tuple[re.Pattern[str], ...]) -> list[tuple[int, int]]:
    found = sorted(
        ((m.start(), m.end()) for p in patterns for m in p.finditer(text)), key=lambda r: (r[0], -r[1])
    )
    out: list[tuple[int, int]] = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_cues_of_a_text_are_found_once_and_handed_out_as_copies(lang: str) -> None:
    from bilat.nlp.components import boilerplate

    data = load_lang(lang).boilerplate
    texts = [
        "Un accord. Lire aussi : Le Kazakhstan signe. Suite. À lire aussi : Paris. Read also: Astana.",
        "Lire aussi : rien.",
        "Related: a deal. See  also the news. READ MORE",
        "Aucun renvoi ici, nothing to read, also nothing related.",
        "",
    ]
    for text in texts:
        expected = _cues_one_pattern_at_a_time(text, data.inline)
        first = boilerplate.inline_cues(text, data)
        assert first == expected
        first.clear()  # a caller's copy: the kept one is untouched
        assert boilerplate.inline_cues(text, data) == expected
    assert boilerplate.inline_cues(texts[0], data)  # some cue of each language is in the texts
    mixed = (re.compile("lire aussi"), re.compile("read also", re.IGNORECASE))
    assert boilerplate._any_cue(mixed) is None  # flags differ: each pattern on its own
