"""detect_language(): ISO 639-1 of whole documents, with lingua on a restricted set."""

from __future__ import annotations

import pytest

from bilat.ingest import language
from bilat.ingest.language import detect_language


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("fr", "Le musée accueillera l’an prochain une exposition sur les bijoux des nomades de la steppe."),
        ("en", "The two capitals signed a cooperation pact covering museums, ballet and film festivals."),
        ("ru", "Министр культуры встретилась с директором музея, чтобы обсудить совместную выставку."),
        ("kk", "Мәдениет министрі мұражай директорымен кездесіп, бірлескен көрмені талқылады."),
        ("de", "Die beiden Hauptstädte haben ein Abkommen über kulturelle Zusammenarbeit unterzeichnet."),
    ],
)
def test_detects_sentences(code: str, text: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   \n ", "Newsletter", "Louvre", "Relu par B. L."])
def test_short_text_is_undecided(text: str) -> None:
    assert detect_language(text) is None


def test_detector_is_built_once() -> None:
    assert language._detector() is language._detector()


def test_every_configured_language_is_a_lingua_language() -> None:
    assert len(set(language.LANGUAGES)) == len(language.LANGUAGES)
    assert {"fr", "en", "ru", "kk"} <= set(language.LANGUAGES)
    language._detector()  # raises if a code is not one lingua knows
