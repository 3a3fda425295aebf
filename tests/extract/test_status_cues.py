"""Status cues: trying each cue only where it may begin finds what each cue's own scan finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilat.extract.candidates import beginnings_of
from bilat.extract.lexicon import load_lexicon
from bilat.extract.status import _cue_matches, _cue_matches_everywhere, _cue_regexes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _both(
    text: str, lang: str
) -> tuple[list[tuple[str, tuple[int, int]]], list[tuple[str, tuple[int, int]]]]:
    lex = load_lexicon(lang)
    fast = [(c.name, m.span()) for c, m in _cue_matches(text, lex)]
    everywhere = [(c.name, m.span()) for c, m in _cue_matches_everywhere(text, lex)]
    return fast, everywhere


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_cues_tried_by_their_beginnings_find_what_each_scan_finds(path: Path, lang: str) -> None:
    text = path.read_text("utf-8")
    for variant in (text, text.upper(), text.swapcase(), text.replace("'", "’")):
        for piece in [variant, *re.split(r"(?<=[.!?\n])", variant)]:  # sentences, as cue_hits reads them
            fast, everywhere = _both(piece, lang)
            assert fast == everywhere  # the same matches, cue by cue, in the same order


@pytest.mark.parametrize(
    "text",
    [
        "The agreement was signed; both sides have agreed to continue and will meet.",
        "They  agreed on it. HAS BEEN SIGNED. Were Held.",  # a cue that may begin with a space
        "L’accord a été signé et se tiendra à Lyon; ils ont convenu de poursuivre.",
        "The accord was ſigned",  # 'ſ' is 's' to a case-insensitive pattern
        "İt was signed",  # 'İ' lowers to two characters
        "",
    ],
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_cues_in_sentences(text: str, lang: str) -> None:
    fast, everywhere = _both(text, lang)
    assert fast == everywhere


def test_a_cue_without_beginnings_is_scanned_whole() -> None:
    # "(?:have|has|had)?\s+?agreed": may begin with a space, as far as its parse tells
    starts = beginnings_of(_cue_regexes(load_lexicon("en")))
    assert starts.anywhere
    assert len(starts.beginnings) + len(starts.anywhere) == len(load_lexicon("en").cues)
