"""Broad fact words: every word that may name a fact proposes a candidate for the trained decisions."""

from __future__ import annotations

import pytest
import spacy

from bilat.errors import LanguageDataError
from bilat.extract import broad
from bilat.extract.broad import broad_matches, load_broad_words


def _found(lang: str, text: str) -> list[tuple[str, str, str]]:
    doc = spacy.blank(lang)(text)
    words = load_broad_words(lang)
    assert words is not None
    return [(text[s:e], t.type, t.kind) for s, e, t in broad_matches(doc, words)]


def test_french_words_plurals_and_phrases() -> None:
    found = _found("fr", "Les deux villes préparent des protocoles d’accord et une convention de jumelage.")
    assert found == [
        ("protocoles d’accord", "agreement", "memorandum_of_understanding"),
        ("convention", "agreement", "cooperation_pact"),
        ("jumelage", "agreement", "twinning"),
    ]


def test_longest_phrase_wins_and_nothing_overlaps() -> None:
    found = _found("en", "The state visit ended with a memorandum of understanding on scholarships.")
    assert found == [
        ("state visit", "event", "state_visit"),
        ("memorandum of understanding", "agreement", "memorandum_of_understanding"),
        ("scholarships", "initiative", "scholarship"),
    ]


def test_words_without_lemmas_match_their_forms_only() -> None:
    """A blank pipeline has no lemmatizer: "conclu" is no form of any entry, "accords" is a plural."""
    assert _found("fr", "Ils ont conclu deux accords.") == [("accords", "agreement", "other")]


def test_a_language_without_fact_words_has_none() -> None:
    assert load_broad_words("xx") is None


@pytest.mark.parametrize(
    "content",
    ["agreement: {}\n", "agreement: {other: [x]}\ninitiative: {other: [y]}\nevent: {nope: [z]}\n",
     "agreement: {other: []}\ninitiative: {other: [y]}\nevent: {other: [z]}\n", ": bad: ["],
)  # fmt: skip
def test_bad_fact_words_are_refused(content: str, tmp_path, monkeypatch) -> None:
    (tmp_path / "zz").mkdir()
    (tmp_path / "zz" / "fact_words.yaml").write_text(content, "utf-8")

    class Files:
        @staticmethod
        def joinpath(lang: str):
            return tmp_path / lang

    monkeypatch.setattr(broad.resources, "files", lambda _pkg: Files)
    load_broad_words.cache_clear()
    try:
        with pytest.raises(LanguageDataError):
            load_broad_words("zz")
    finally:
        load_broad_words.cache_clear()
