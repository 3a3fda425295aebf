"""The French lexicons load and validate; malformed language data is refused with a clear error."""

from __future__ import annotations

import pytest

from bilat.errors import LanguageDataError
from bilat.extract import available_languages
from bilat.extract.domains import domains_for
from bilat.extract.lexicon import _cues, _triggers, compile_pattern, load_lexicon


def test_french_lexicon_loads_with_every_fact_type() -> None:
    lex = load_lexicon("fr")
    assert {t.type for t in lex.triggers} == {"agreement", "initiative", "event"}
    assert lex.cues and lex.domain_words
    assert "fr" in available_languages()


def test_triggers_start_at_word_boundaries() -> None:
    training = [t for t in load_lexicon("fr").triggers if t.kind == "training"]
    assert any(t.regex.search("des formations pour les jeunes") for t in training)
    assert not any(t.regex.search("l’information du public") for t in training)


def test_apostrophes_match_both_forms() -> None:
    regex = compile_pattern("déclaration d'intention", "test")
    assert regex.search("une déclaration d’intention") and regex.search("une déclaration d'intention")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            {
                "agreement": [],
                "initiative": [{"kind": "other", "pattern": "x"}],
                "event": [{"kind": "other", "pattern": "y"}],
            },
            "no agreement triggers",
        ),
        (
            {"agreement": [{"kind": "handshake", "pattern": "x"}], "initiative": [], "event": []},
            "unknown kind",
        ),
        (
            {"agreement": [{"kind": "other", "pattern": "(unclosed"}], "initiative": [], "event": []},
            "bad pattern",
        ),
    ],
)
def test_malformed_triggers_are_refused(raw: dict, message: str) -> None:
    with pytest.raises(LanguageDataError, match=message):
        _triggers("xx", raw)


def test_a_cue_with_an_unknown_stage_is_refused() -> None:
    with pytest.raises(LanguageDataError, match="unknown stage"):
        _cues("xx", {"stages": {"done": {}}, "cues": [{"stage": "maybe", "pattern": "x"}]})


def test_apostrophe_inside_a_character_class_is_refused() -> None:
    with pytest.raises(LanguageDataError, match="inside"):
        compile_pattern("d[e']", "test")


def test_domains_come_from_words_and_kind() -> None:
    lex = load_lexicon("fr")
    assert domains_for("la restauration des manuscrits du musée", "other", lex) == ["museums", "restoration"]
    assert domains_for("un accord", "state_visit", lex) == ["diplomacy"]
    assert "energy" not in domains_for("les pays d’Asie centrale", "other", lex)
