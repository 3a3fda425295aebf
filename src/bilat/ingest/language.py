"""Language identification of a whole document (ingest step after normalisation).

lingua restricted to the languages bilat's press sources are likely to use, in low
accuracy mode, on the first 1,000 characters: about 25 MB and ~1 ms per article. The detector is
built on first use, never at import. Kyrgyz, Uzbek and Tajik are not in lingua 2.1;
texts in them come out as a neighbour language or None.
"""

from __future__ import annotations

from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = (
    "fr", "en", "ru", "kk", "de", "es", "it", "pt", "nl", "pl", "uk",
    "tr", "az", "mn", "zh", "ja", "ko", "ar", "fa",
)  # fmt: skip
MIN_CHARS = 20  # shorter strings (a tag, "Newsletter") are guessed wrong too often
SAMPLE_CHARS = 1_000  # a paragraph or two decide it: measured 0.9 ms per article, 3.1 ms at 2,000 chars


@cache
def _detector() -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short or undecided."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None
