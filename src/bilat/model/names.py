"""Name folding: the one way bilat compares names (lower case, accents and punctuation folded)."""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def fold(name: str) -> str:
    """`fold("Musée du Louvre")` -> "musee du louvre"; `fold("l’Élysée")` -> "l elysee"."""
    text = unicodedata.normalize("NFKD", name.translate(_LIGATURES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text.casefold()).strip()
