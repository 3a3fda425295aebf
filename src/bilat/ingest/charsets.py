"""Bytes to text for the readers: BOMs, UTF-8, then a guarded charset guess; binary is refused.

charset-normalizer alone is unreliable on short legacy texts (a French cp1252 paragraph
comes out as mac_latin2 or cp1250), so among its guesses that read equally cleanly the
encoding most common in web and press archives wins (the order below).
"""

from __future__ import annotations

import codecs
import unicodedata
from collections import Counter

import charset_normalizer

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings by how common they are in web and news archives; latin-1 reads as cp1252.
_PREFERRED = ("cp1252", "cp1251", "gb18030", "shift_jis", "euc_kr", "cp1250", "cp1256", "cp1254",
              "big5", "cp1253", "cp1255", "koi8_r", "cp1257", "cp874", "cp1258")  # fmt: skip
_CHAOS_MARGIN = 0.05  # guesses this close to the cleanest one count as equally clean
_MAX_ODD = 0.05  # more than 5% control or unassigned characters: not text
_TEXT_CONTROLS = frozenset("\n\r\t\f")
_SAMPLE = 65_536  # characters looked at for noise


def decode(data: bytes) -> str | None:
    """The text in `data`, or None when it is binary (NUL bytes, no clean reading, or noise)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding))
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return None
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _checked(_guess(data))


def _guess(data: bytes) -> str | None:
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    cleanest = min(m.chaos for m in matches)
    for encoding in _PREFERRED:
        for m in matches:
            if m.chaos <= cleanest + _CHAOS_MARGIN and encoding in m.could_be_from_charset:
                return data.decode(encoding)
    return str(matches[0])


def _checked(text: str | None) -> str | None:
    if text is None:
        return None
    sample = text[:_SAMPLE]
    odd = sum(  # each distinct character looked up once
        n
        for ch, n in Counter(sample).items()
        if ch not in _TEXT_CONTROLS and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
    )
    return None if sample and odd / len(sample) > _MAX_ODD else text
