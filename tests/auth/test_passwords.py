"""Passwords are argon2id hashes; tokens are random and stored as SHA-256."""

from __future__ import annotations

import pytest

from bilat.auth.passwords import WeakPassword, generate_password, hash_password, verify_password
from bilat.auth.tokens import csrf_for, new_api_token, token_hash


def test_hash_is_argon2id_and_checks() -> None:
    hashed = hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$") and "correct" not in hashed
    assert verify_password(hashed, "correct horse battery")
    assert not verify_password(hashed, "correct horse battery!")
    assert not verify_password(None, "correct horse battery")  # no such user
    assert not verify_password("not a hash", "x")


def test_short_passwords_are_refused() -> None:
    with pytest.raises(WeakPassword, match="at least 10"):
        hash_password("short")


def test_generated_secrets_differ() -> None:
    assert len({generate_password() for _ in range(20)}) == 20
    token = new_api_token()
    assert token.startswith("bilat_") and len(token_hash(token)) == 64 and token_hash(token) != token
    assert csrf_for("a") != csrf_for("b") and csrf_for("a") == csrf_for("a")
