"""Passwords: argon2id hashes (argon2-cffi), checked in constant time; generated ones for the CLI."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from bilat.errors import BilatError

MIN_LENGTH = 10
_HASHER = PasswordHasher()
# checked against when the user does not exist, so a wrong name takes as long as a wrong password
_DUMMY = _HASHER.hash("no such user: a password nobody has")


class WeakPassword(BilatError):
    code = "invalid_parameter"


def check_strength(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise WeakPassword(
            f"the password has {len(password)} characters; at least {MIN_LENGTH} are needed",
            "choose a longer password, or let bilat generate one",
        )
    return password


def hash_password(password: str) -> str:
    return _HASHER.hash(check_strength(password))


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches the hash (None: no such user, still takes the time of a check)."""
    try:
        return _HASHER.verify(password_hash or _DUMMY, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def generate_password() -> str:
    """A random password of 20 URL-safe characters (~120 bits)."""
    return secrets.token_urlsafe(15)
