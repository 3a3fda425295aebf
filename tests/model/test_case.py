"""safe_lower: a text lowered only when str.lower lowers it as a case-insensitive pattern folds it."""

from __future__ import annotations

import re

import pytest

from bilat.model.case import lowers_like_patterns, safe_lower


def test_a_text_lowered_one_character_for_one() -> None:
    assert safe_lower("Signé À PARIS en Décembre") == "signé à paris en décembre"


@pytest.mark.parametrize("text", ["la ſignature", "ΣΥΜΦΩΝΙΑ", "İzmir"])
def test_a_text_patterns_fold_otherwise_is_not_lowered(text: str) -> None:
    assert safe_lower(text) is None


def test_what_is_lowered_is_what_a_case_insensitive_pattern_finds() -> None:
    text = "Accord signé en DÉCEMBRE et en Décembre"
    lowered = safe_lower(text)
    assert lowered is not None and lowers_like_patterns("décembre")
    found = [m.span() for m in re.finditer("décembre", lowered)]
    assert found == [m.span() for m in re.finditer("décembre", text, re.IGNORECASE)]
