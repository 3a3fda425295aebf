"""Trigger matching: the one-pass search finds exactly what each trigger's own scan finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.extract.candidates import _text_matches
from bilat.extract.lexicon import load_lexicon

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
