"""The utterance around a trigger: straight quotes are counted, not walked character by character."""

from __future__ import annotations

import dataclasses
import random

from bilat.extract.facts import _utterance
from bilat.extract.lexicon import Lexicon, load_lexicon


def _utterance_walked(
    text: str, s_start: int, s_end: int, start: int, end: int, lex: Lexicon
) -> tuple[int, int]:
    """`_utterance` as first written for straight quotes: every character before the trigger looked at."""
    lo, hi = s_start, s_end
    for opening, closing in lex.quotes:
        if opening == closing:
            before = [i for i in range(s_start, start) if text[i] == opening]
            if len(before) % 2:
                lo = max(lo, before[-1] + 1)
                close = text.find(closing, end, s_end)
                hi = min(hi, close) if close >= 0 else hi
            continue
        opened, closed = text.rfind(opening, s_start, start), text.rfind(closing, s_start, start)
        if opened > closed:
            lo = max(lo, opened + 1)
            close = text.find(closing, end, s_end)
            hi = min(hi, close) if close >= 0 else hi
        elif opened < 0 and closed < 0:
            close = text.find(closing, end, s_end)
            if close >= 0 and text.find(opening, end, close) < 0:
                hi = min(hi, close)
    reporting = lex.reporting_after.search(text, end, hi)
    if reporting:
        hi = reporting.start()
    return lo, hi


def test_straight_quotes_counted_as_walked() -> None:
    lex = load_lexicon("en")
    variants = [lex, dataclasses.replace(lex, quotes=(("''", "''"), ("'", "'"), ("«", "»")))]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice("ab \"'“”«» ,.") for _ in range(rng.randint(0, 40)))
        s_start = rng.randint(0, len(text))
        s_end = rng.randint(s_start, len(text))
        start = rng.randint(s_start, s_end)
        end = rng.randint(start, s_end)
        for one in variants:
            assert _utterance(text, s_start, s_end, start, end, one) == _utterance_walked(
                text, s_start, s_end, start, end, one
            )
    text = 'He said "the agreement will be signed" today.'
    at = text.index("agreement")
    assert _utterance(text, 0, len(text), at, at + 9, lex) == (text.index('"') + 1, text.rindex('"'))
