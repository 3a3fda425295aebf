"""Text normalisation, the first step of ingest: every offset in bilat points into its output.

`normalise` is total and idempotent: NFC, one kind of newline, no BOM, no control
characters other than newline and tab, no lone surrogates (U+FFFD instead: neither SQLite nor
a terminal takes them), no trailing spaces at line ends.
"""

from __future__ import annotations

import re
import unicodedata

_NEWLINES = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# C0 and C1 controls, except \t and \n, plus the BOM / zero-width no-break space
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufeff]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_TRAILING = re.compile(r"[^\S\n]+$", re.MULTILINE)


def normalise(text: str) -> str:
    """`normalise("Cafe\u0301 \r\nfin")` -> "Café\nfin"."""
    text = _NEWLINES.sub("\n", text)
    text = _CONTROLS.sub("", text)
    text = _SURROGATES.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    return _TRAILING.sub("", text)
