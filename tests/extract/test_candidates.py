"""Trigger matching: the one-pass search finds exactly what each trigger's own scan finds."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

from bilat.extract.candidates import (
    _alternation,
    _beginnings,
    _text_matches,
    _text_matches_everywhere,
    _trigger_regexes,
    beginnings_of,
)
from bilat.extract.lexicon import Trigger, load_lexicon

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _each_trigger(text: str) -> list[tuple[int, int, str]]:
    lex = load_lexicon("fr")
    found = [
        (m.start(), m.end(), t.name)
        for t in lex.triggers
        for m in t.regex.finditer(text)
        if m.end() > m.start()
    ]
    return sorted(found)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_one_pass_matches_equal_per_trigger_scans(path: Path) -> None:
    text = path.read_text("utf-8")
    found = sorted((s, e, t.name) for s, e, t in _text_matches(text, load_lexicon("fr")))
    assert found == _each_trigger(text)
    assert found  # the examples do hold triggers


def test_overlapping_triggers_are_all_found() -> None:
    text = "Un accord de coopération et un mémorandum d’entente; la formation des formateurs."
    found = sorted((s, e, t.name) for s, e, t in _text_matches(text, load_lexicon("fr")))
    assert found == _each_trigger(text)
    assert len({s for s, _e, _n in found}) < len(found)  # two triggers start at one place


def _in_both(text: str, lang: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    lex = load_lexicon(lang)
    fast = [(s, e, t.name) for s, e, t in _text_matches(text, lex)]
    everywhere = [(s, e, t.name) for s, e, t in _text_matches_everywhere(text, lex)]
    return fast, everywhere


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_triggers_tried_by_their_beginnings_find_what_trying_all_finds(path: Path, lang: str) -> None:
    text = path.read_text("utf-8")
    for variant in (text, text.upper(), text.title(), text.swapcase(), text.replace("'", "’")):
        fast, everywhere = _in_both(variant, lang)
        assert fast == everywhere  # the same matches, in the same order


@pytest.mark.parametrize(
    "text",
    [
        "The MEMORANDUM OF UNDERSTANDING and the MoU were signed; a State Visit followed.",
        "Un accord a été signé à Lyon lors de la visite d’État; La Déclaration Commune.",
        "Un aſſord: the ſtate viſit and the ſummit",  # 'ſ' is 's' to a case-insensitive pattern
        "İNAUGURATION of the exhibition; İstanbul summit",  # 'İ' lowers to two characters
        "ΣΥΜΦΩΝΙΑ, the summit",  # final sigma lowers by context
        "",
    ],
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_case_folding_and_its_exceptions(text: str, lang: str) -> None:
    fast, everywhere = _in_both(text, lang)
    assert fast == everywhere


def _beginnings_of(pattern: str) -> set[str]:
    parsed = sre_parse.parse(pattern, re.IGNORECASE)
    return {h for h, _ in _beginnings(parsed, {("", True)})}


def test_beginnings_of_a_pattern() -> None:
    found = _beginnings_of(r"(?<![\w-])(?:MoUs?|memorand(?:um|a))\b")
    assert found == {"mou", "mous", "memorandum", "memoranda"}
    # an optional part may be there or not; a class of a few letters is written out
    assert _beginnings_of(r"(?:to\s+)?train") == {"to", "train"}
    assert _beginnings_of(r"d[ée]claration") == {"declaration", "déclaration"}
    # what is not plain letters stops a beginning: a category, a wide class, a repeat
    assert _beginnings_of(r"sister[-\s]cit") == {"sister"}
    assert _beginnings_of(r"co[a-z]+") == {"co"}
    assert _beginnings_of(r"(?:strategic\s+)*partners?") == {"strategic", "partner", "partners"}
    assert _beginnings_of(r"\w+ing") == {""}  # may begin with anything
    assert _beginnings_of("ſtate") == {""}  # sre folds 'ſ' otherwise than str.lower


def test_alternation_finds_where_a_beginning_starts() -> None:
    pattern = re.compile(_alternation({"accord", "accords", "acte", "visite", "a"}))
    assert pattern.pattern == "(?:a|visite)"  # "a" begins "accord" and "acte": they need no looking for
    assert re.compile(_alternation({"mou", "memorandum"})).pattern == "m(?:emorandum|ou)"


def test_a_trigger_that_may_begin_anywhere_is_tried_everywhere() -> None:
    lex = load_lexicon("en")
    anywhere = Trigger(type="event", kind="meeting", regex=re.compile(r"\w+ings?", re.I), name="t")
    other = dataclasses.replace(lex, triggers=(*lex.triggers, anywhere))
    assert not beginnings_of(_trigger_regexes(lex)).anywhere
    assert beginnings_of(_trigger_regexes(other)).anywhere == (len(lex.triggers),)
    text = "The meetings and the signing of the agreement."
    assert _text_matches(text, other) == _text_matches_everywhere(text, other)
    assert any(t is anywhere for _, _, t in _text_matches(text, other))
