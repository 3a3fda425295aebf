"""The date scan runs a pattern that needs a weekday, a year… only on the lines where one is found
(`date_scan.scan_once`): it must find exactly what running every pattern on the whole text finds."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bilat.model import date_anchors, date_patterns, date_scan

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TEXTS = [
    "Astana, 12 octobre 2023\nLe 4 mars, mardi dernier, puis mercredi 5 mars 2024.\n\nHier, en 2019.",
    "Signed on Tuesday, June 17, 2024 in Paris.\nLast Tuesday\nyesterday\nby 2030\n17.06.2024 2024-06-17",
    "du 4 au 10 mars 2024\ncette année\nle mois prochain\nmi-juin, d’ici 2060, en décembre dernier",
    "from 4 to 10 March 2024\nMarch 4-10, 2024\nthis year, earlier this month\nthe next year",
    "Lundi\n2023\nmardi 5\nnovembre\n2024",  # a weekday or year on one line, its day or month on the next
    "SIGNED ON 17 JUNE 2024. Le 5 NOVEMBRE, le 6 Mars\nMay 4, may 4",
    # characters a case-insensitive pattern folds otherwise than str.lower: months found all the same
    "on 17 ſeptember 2024 (the long s), le 5 décembre\nİstanbul, 4 March",
    "İzmir, 4 June 2024\n5 June",  # "İ" lowers into two characters
    "Σ 4 March σ ς 5 April",
    "",
    "\n\n\n",
]


def _whole_text(text: str, lang: str) -> tuple[tuple[int, int, object], ...]:
    data = date_patterns.date_language(lang)
    hits = []
    for rank, pattern in enumerate(data.patterns):
        for m in pattern.finditer(text):
            parts = date_scan._parts(m, data)
            if parts is not None:
                hits.append((m.start(), m.end(), rank, parts))
    hits.sort(key=lambda h: (h[0], h[0] - h[1], h[2]))
    chosen: list[tuple[int, int, object]] = []
    for start, end, _rank, parts in hits:
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, parts))
    return tuple(chosen)


def _texts() -> list[str]:
    texts = list(TEXTS) + [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*")) if p.is_file()]
    rnd = random.Random(7)
    mutated = []
    for text in texts:
        if text:
            i = rnd.randrange(len(text))
            mutated += [text[:i] + "\n" + text[i:], text.replace(" ", "\n", 3), text.upper(), text[i:]]
    return texts + mutated


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_scan_by_lines_finds_what_the_whole_text_scan_finds(lang: str) -> None:
    data = date_patterns.date_language(lang)
    assert any(a is not None for a in data.anchors)  # some patterns are run by lines
    for text in _texts():
        assert date_scan.scan_once(text, lang) == _whole_text(text, lang), text[:80]


def test_required_slots_are_outside_groups_alternatives_and_quantifiers() -> None:
    required = date_anchors._required_slots
    assert required("(?:{this}|{article})?(?:{weekday},?{_})?{month}{_}{day}(?:,?{_}{year})?") == {
        "month",
        "_",
        "day",
    }
    assert required("{year_prefix}{year}") == {"year_prefix", "year"}
    assert required("{relday}|{weekday}") == set()  # either one: neither is needed
    assert required("{weekday}?{year}{month}{2}") == {"year"}
    assert required("[{(]{year}") == {"year"}  # a class is not a group


def test_only_patterns_that_keep_to_a_line_are_run_by_lines() -> None:
    one_line = date_anchors._one_line
    assert one_line(re.compile(r"(?<!\w)(?:mardi[^\S\n]+\d+)(?!\w)", re.IGNORECASE))
    assert not one_line(re.compile(r"mardi\s+\d+"))  # \s takes a line break
    assert not one_line(re.compile(r"mardi.\d+"))  # any character: not known
    assert not one_line(re.compile(r"mardi[^a]\d+"))
    assert not one_line(re.compile(r"mardi$"))  # an end of line is not the end of a text
    assert not one_line(re.compile(r"(?:mardi)?"))  # matches nothing
    assert one_line(re.compile(r"\bmardi[,;]?\b"))
