"""Name folding: the one way bilat compares names (lower case, accents and punctuation folded)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """`fold("Musée du Louvre")` -> "musee du louvre"; `fold("l’Élysée")` -> "l elysee".

    Memoised: the same words and names are folded again and again (every token of every doc,
    every alias of an actor each time it is indexed)."""
    text = unicodedata.normalize("NFKD", name.translate(_LIGATURES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text.casefold()).strip()


def word_prefixes(phrases: Iterable[str]) -> frozenset[str]:
    """Every leading run of words of every phrase: "musee du louvre" -> musee, musee du, musee du louvre."""
    out: set[str] = set()
    for phrase in phrases:
        words = phrase.split(" ")
        out.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
    return frozenset(out)
