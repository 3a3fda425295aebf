"""The plain functions of accounts, called by the CLI, the pages and the API alike: users, sign-in
and sign-out, who a session or a token belongs to, personal API tokens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bilat.auth import ratelimit
from bilat.auth.errors import Forbidden, Unauthorized
from bilat.auth.passwords import generate_password, hash_password, verify_password
from bilat.auth.tokens import new_api_token, new_token, token_hash
from bilat.store import accounts as store_accounts
from bilat.store.accounts import ROLES, User
from bilat.store.db import Store

RANK = {role: i for i, role in enumerate(ROLES)}


@dataclass(frozen=True)
class Principal:
    """Who makes a request: a user, by session cookie or by personal API token."""

    id: int
    name: str
    role: str
    via: str  # session | token

    def can(self, role: str) -> bool:
        return RANK[self.role] >= RANK[role]

    def record(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "via": self.via}


def _principal(user: User, via: str) -> Principal:
    return Principal(user.id, user.name, user.role, via)


def require(user: Principal | None, role: str) -> Principal:
    """The user, if it has at least `role`; Unauthorized when nobody is signed in, else Forbidden."""
    if user is None:
        raise Unauthorized("sign in first", "sign in at /login, or send `Authorization: Bearer <token>`")
    if not user.can(role):
        raise Forbidden(
            f"{user.name} is a {user.role}; this needs the {role} role",
            "ask an admin: `bilat user role NAME " + role + "`",
        )
    return user


def add_user(
    store: Store, name: str, role: str, password: str | None = None
) -> tuple[dict[str, Any], str | None]:
    """Create a user; with no password one is generated and returned (to be shown once)."""
    generated = None if password is not None else generate_password()
    hashed = hash_password(password if password is not None else generated or "")
    with store.session() as session:
        user = store_accounts.add_user(session, name, hashed, role)
        return store_accounts.user_record(user), generated


def set_password(store: Store, name: str, password: str | None = None) -> str | None:
    """Set a user's password (its sessions end); with none, a generated one is returned."""
    generated = None if password is not None else generate_password()
    hashed = hash_password(password if password is not None else generated or "")
    with store.session() as session:
        store_accounts.set_password_hash(session, name, hashed)
    return generated


def sign_in(store: Store, name: str, password: str, address: str, hours: int) -> tuple[str, Principal]:
    """Check the password (rate limited by name and address) and open a session: (cookie token, user)."""
    name = name.strip()
    with store.session() as session:
        ratelimit.check(session, name, address)
        user = store_accounts.get_user(session, name)
        ok = verify_password(user.password_hash if user else None, password)
        if user is None or not ok or user.disabled_at is not None:
            ratelimit.failed(session, name, address)
            session.commit()
            raise Unauthorized("wrong name or password", "check both and try again")
        ratelimit.succeeded(session, name)
        token = new_token()
        store_accounts.add_session(session, user, token_hash(token), hours)
        return token, _principal(user, "session")


def sign_out(store: Store, token: str) -> None:
    with store.session() as session:
        store_accounts.end_session(session, token_hash(token))


def session_principal(store: Store, token: str) -> Principal | None:
    with store.reader() as session:
        user = store_accounts.session_user(session, token_hash(token))
        return _principal(user, "session") if user else None


TOKEN_USE_EVERY = timedelta(minutes=10)  # how precise a token's `last_used_at` is (each update is a write)


def token_principal(store: Store, token: str) -> Principal | None:
    with store.reader() as session:
        found = store_accounts.token_user(session, token_hash(token))
        if found is None:
            return None
        user, row = found
        principal, stale, token_id = (
            _principal(user, "token"),
            store_accounts.used_long_ago(row, TOKEN_USE_EVERY),
            row.id,
        )
    if stale:
        with store.session() as session:
            store_accounts.touch_token(session, token_id)
    return principal


def create_token(store: Store, user_name: str, name: str) -> tuple[str, dict[str, Any]]:
    """A new personal API token for the user: (the token, shown once; its record)."""
    token = new_api_token()
    with store.session() as session:
        user = store_accounts.need_user(session, user_name)
        if user.disabled_at is not None:
            raise Forbidden(f"{user_name} is disabled", "enable the user first")
        row = store_accounts.add_token(session, user, name, token_hash(token), token[:12])
        return token, store_accounts.token_record(row)


def list_tokens(store: Store, user_name: str) -> list[dict[str, Any]]:
    with store.reader() as session:
        return store_accounts.list_tokens(session, store_accounts.need_user(session, user_name))


def revoke_token(store: Store, user_name: str, token_id: int) -> bool:
    with store.session() as session:
        return store_accounts.revoke_token(session, store_accounts.need_user(session, user_name), token_id)
