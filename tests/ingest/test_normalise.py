"""normalise(): the text every offset points into."""

from __future__ import annotations

import random
import unicodedata

import pytest

from bilat.ingest.normalise import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Muse\u0301e", "Musée"),  # NFD -> NFC
        ("un\r\ndeux\rtrois\u2028quatre", "un\ndeux\ntrois\nquatre"),
        ("\ufeffLe titre", "Le titre"),  # BOM
        ("a\x00b\x07c\x1bd\x7fe\x9bf", "abcdef"),  # C0 / C1 controls
        ("col1\tcol2\n", "col1\tcol2\n"),  # tab and newline kept
        ("fin   \nsuite\u00a0\t\nend ", "fin\nsuite\nend"),  # trailing spaces, NBSP included
        ("  indenté\n\n\nparagraphe", "  indenté\n\n\nparagraphe"),  # leading spaces, blank lines kept
        ("", ""),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_nfd_input_becomes_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Kassym-Jomart Tokaïev, ministre de l’Éducation, à Noël")
    assert nfd != unicodedata.normalize("NFC", nfd)
    out = normalise(nfd)
    assert unicodedata.is_normalized("NFC", out)
    assert out == "Kassym-Jomart Tokaïev, ministre de l’Éducation, à Noël"


def test_idempotent_on_random_text() -> None:
    alphabet = ["a", "é", "e", "\u0301", "\u0308", " ", "\u00a0", "\t", "\n", "\r", "\r\n", "\x00",
                "\x0c", "\ufeff", "\u2029", "ﬁ", "Å", "\u212b", "’", "Ж", "\x85"]  # fmt: skip
    rng = random.Random(20241105)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        once = normalise(text)
        assert normalise(once) == once, repr(text)
        assert "\r" not in once and "\x00" not in once and "\ufeff" not in once
        assert all(line == line.rstrip() for line in once.split("\n"))


def test_lone_surrogates_become_replacement_characters() -> None:
    """Issue 7: neither SQLite nor a UTF-8 terminal accepts lone surrogates."""
    out = normalise("a\udcffb\ud800c")
    assert out == "a\ufffdb\ufffdc"
    out.encode("utf-8")
    assert normalise(out) == out
