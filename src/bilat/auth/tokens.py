"""Random tokens (sessions, API tokens, CSRF) and their stored hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets

API_TOKEN_PREFIX = "bilat_"


def new_token() -> str:
    """A random token (256 bits), URL-safe."""
    return secrets.token_urlsafe(32)


def new_api_token() -> str:
    return API_TOKEN_PREFIX + new_token()


def token_hash(token: str) -> str:
    """What the store keeps of a token: its SHA-256 (tokens are random, no slow hash needed)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def csrf_for(session_token: str) -> str:
    """The CSRF token of a session: derived from the session's secret, so nothing more is stored."""
    return hmac.new(session_token.encode("utf-8"), b"bilat csrf", hashlib.sha256).hexdigest()


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two tokens (False when either is missing)."""
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))
