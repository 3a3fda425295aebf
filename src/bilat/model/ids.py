"""Stable ids hashed from natural keys, so re-ingesting the same content gives the same ids."""

from __future__ import annotations

import hashlib


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_id(prefix: str, *parts: object) -> str:
    """`make_id("f", doc, 12, 40)` -> "f-3a9c0e1b2d4f5a6b": short, stable, prefixed by type."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"
