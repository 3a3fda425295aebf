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
        ("convention", "agreement", "other"),
        ("jumelage", "agreement", "twinning"),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        (
            "fr",
            "Les deux ministres signeront une convention portant sur un programme d’irrigation.",
            "convention",
        ),
        ("fr", "Les deux pays ont signé un protocole de 40 millions d’euros pour le tramway.", "protocole"),
        ("en", "The two universities signed an exchange protocol last spring.", "protocol"),
    ],
)
def test_a_bare_convention_or_protocol_is_an_agreement_of_kind_other(lang: str, text: str, word: str) -> None:
    """Alone, the word tells that something was agreed, not what: a convention may fund, a protocol
    may lend; the words that say more ("protocole d'accord", "convention de coopération") do."""
    assert (word, "agreement", "other") in _found(lang, text)


def test_a_groundbreaking_ceremony_is_an_inauguration() -> None:
    found = _found("en", "The ambassador attended the groundbreaking ceremony of the new campus.")
    assert ("groundbreaking ceremony", "event", "inauguration") in found


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


def _matches_read_from_tokens(doc, words) -> list:  # type: ignore[no-untyped-def]
    """broad_matches as first written, reading each Token object."""
    tokens = [t for t in doc if not t.is_space]
    parts = [(token, keys) for token in tokens for keys in broad._lookups(token.text, token.lemma_)]
    found = []
    i = 0
    while i < len(parts):
        token, keys = parts[i]
        match = None
        for key in keys:
            for phrase, trigger in words.phrases.get(key, ()):
                n = len(phrase)
                if i + n > len(parts) or (match is not None and n <= match[0]):
                    continue
                if all(phrase[k] in parts[i + k][1] for k in range(1, n)):
                    match = (n, trigger)
        if match is None:
            i += 1
            continue
        n, trigger = match
        last = parts[i + n - 1][0]
        found.append((token.idx, last.idx + len(last.text), trigger))
        i += n
        while i < len(parts) and parts[i][0].i == last.i:
            i += 1
    return found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The  state visit ended with a memorandum of understanding.\n\nA joint  exhibition.",
        ),
        (
            "fr",
            "Des protocoles d’accord,  et une convention de jumelage.\n Un festival.",
        ),
        ("en", ""),
        ("fr", "   "),
    ],
)
def test_matches_read_from_arrays_are_those_read_from_tokens(nlp, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    words = load_broad_words(lang)
    assert words is not None
    for doc in (nlp(text), spacy.blank(lang)(text)):  # with lemmas and without
        assert broad_matches(doc, words) == _matches_read_from_tokens(doc, words)
