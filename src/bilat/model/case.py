"""Case-safe lowering, shared by the scans for dates (model), triggers and status cues (extract):
when `str.lower` lowers a text as a case-insensitive pattern folds it, lower case words are looked
for in the lowered text, case-sensitively, which costs a fraction of a case-insensitive scan."""

from __future__ import annotations

import re

# Characters a case-insensitive pattern folds otherwise than str.lower does: "ſ" is "s" to the
# pattern (sre's extra cases, beyond ASCII), final "Σ" lowers to "ς" or "σ" by context. A text with
# one is scanned case-insensitively, and so is one for words with one.
try:
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]

    _CASE_FIXES: re.Pattern[str] | None = re.compile(
        "["
        + "".join(re.escape(chr(c)) for k, v in _EXTRA_CASES.items() for c in (k, *v) if c >= 128)
        + "\u03a3]"
    )
except ImportError:  # another Python: nothing is lowered, every scan is case-insensitive
    _CASE_FIXES = None


def lowers_like_patterns(text: str) -> bool:
    """Whether no character of `text` is one a case-insensitive pattern folds otherwise than
    `str.lower` lowers it (always False on a Python whose extra cases are unknown)."""
    return _CASE_FIXES is not None and not _CASE_FIXES.search(text)


def safe_lower(text: str) -> str | None:
    """`text.lower()` when it lowers each character as a case-insensitive pattern does (one
    character for one, no character sre folds otherwise), else None."""
    if not lowers_like_patterns(text):
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None
