"""Accounts in the store: users and roles, web sessions, personal API tokens, failed sign-ins.

The store keeps hashes only (argon2 for passwords, made by bilat.auth; SHA-256 for the random
session and API tokens); nothing here hashes or checks a password."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bilat.errors import NotFound, StoreError
from bilat.store.account_tables import ApiToken, LoginFailure, User, WebSession
from bilat.store.tables import utcnow

ROLES = ("viewer", "editor", "admin")  # each role can do what the ones before it can


def _aware(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back: they were written in UTC."""
    from datetime import UTC

    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def check_role(role: str) -> str:
    if role not in ROLES:
        raise StoreError(f"unknown role {role!r}", f"use one of: {', '.join(ROLES)}")
    return role


def user_record(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "name": user.name,
        "role": user.role,
        "created_at": _aware(user.created_at).isoformat(),
        "disabled": user.disabled_at is not None,
    }


def add_user(session: Session, name: str, password_hash: str, role: str) -> User:
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() or ord(c) < 32 for c in name):
        raise StoreError(f"invalid user name {name!r}", "use 1 to 64 characters without spaces")
    check_role(role)
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise StoreError(f"a user named {name!r} exists already", "pick another name, or set its role")
    user = User(name=name, password_hash=password_hash, role=role, created_at=utcnow())
    session.add(user)
    session.flush()
    return user


def get_user(session: Session, name: str) -> User | None:
    return session.scalar(select(User).where(User.name == name))


def need_user(session: Session, name: str) -> User:
    user = get_user(session, name)
    if user is None:
        raise NotFound(f"no user named {name!r}", "list the users with `bilat user list`")
    return user


def list_users(session: Session) -> list[dict[str, Any]]:
    return [user_record(u) for u in session.scalars(select(User).order_by(User.name))]


def set_role(session: Session, name: str, role: str) -> User:
    user = need_user(session, name)
    user.role = check_role(role)
    session.flush()
    return user


def set_password_hash(session: Session, name: str, password_hash: str) -> User:
    user = need_user(session, name)
    user.password_hash = password_hash
    session.execute(delete(WebSession).where(WebSession.user_id == user.id))
    session.flush()
    return user


def set_disabled(session: Session, name: str, disabled: bool = True) -> User:
    """Disable (or enable again) a user: a disabled user's sessions end and its tokens stop working."""
    user = need_user(session, name)
    user.disabled_at = utcnow() if disabled else None
    if disabled:
        session.execute(delete(WebSession).where(WebSession.user_id == user.id))
    session.flush()
    return user


# --- sessions ---------------------------------------------------------------------------------


def add_session(session: Session, user: User, token_hash: str, hours: int) -> WebSession:
    now = utcnow()
    row = WebSession(id=token_hash, user_id=user.id, created_at=now, expires_at=now + timedelta(hours=hours))
    session.add(row)
    session.execute(delete(WebSession).where(WebSession.expires_at < now))  # the expired ones go
    session.flush()
    return row


def session_user(session: Session, token_hash: str) -> User | None:
    """The enabled user of an unexpired session, or None."""
    row = session.get(WebSession, token_hash)
    if row is None or _aware(row.expires_at) <= utcnow():
        return None
    user = session.get(User, row.user_id)
    return user if user is not None and user.disabled_at is None else None


def end_session(session: Session, token_hash: str) -> bool:
    return bool(session.execute(delete(WebSession).where(WebSession.id == token_hash)).rowcount)


# --- API tokens -------------------------------------------------------------------------------


def token_record(token: ApiToken) -> dict[str, Any]:
    return {
        "id": token.id,
        "name": token.name,
        "prefix": token.prefix,
        "created_at": _aware(token.created_at).isoformat(),
        "last_used_at": _aware(token.last_used_at).isoformat() if token.last_used_at else None,
        "revoked": token.revoked_at is not None,
    }


def add_token(session: Session, user: User, name: str, token_hash: str, prefix: str) -> ApiToken:
    name = name.strip() or "token"
    row = ApiToken(
        user_id=user.id, name=name[:100], token_hash=token_hash, prefix=prefix, created_at=utcnow()
    )
    session.add(row)
    session.flush()
    return row


def token_user(session: Session, token_hash: str) -> tuple[User, ApiToken] | None:
    """The enabled user of an unrevoked token, and the token; or None."""
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash))
    if row is None or row.revoked_at is not None:
        return None
    user = session.get(User, row.user_id)
    return (user, row) if user is not None and user.disabled_at is None else None


def used_long_ago(token: ApiToken, every: timedelta) -> bool:
    return token.last_used_at is None or _aware(token.last_used_at) < utcnow() - every


def touch_token(session: Session, token_id: int) -> None:
    """Note when a token was last used (callers do it at most once per `every`: it is a write)."""
    session.execute(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=utcnow()))


def list_tokens(session: Session, user: User) -> list[dict[str, Any]]:
    rows = session.scalars(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id))
    return [token_record(t) for t in rows]


def revoke_token(session: Session, user: User, token_id: int) -> bool:
    """Revoke one of the user's tokens; False when it has no such live token."""
    result = session.execute(
        update(ApiToken)
        .where(ApiToken.id == token_id, ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    return bool(result.rowcount)


# --- failed sign-ins --------------------------------------------------------------------------


def add_failure(session: Session, name: str, address: str) -> None:
    session.add(LoginFailure(name=name[:200], address=address, at=utcnow()))
    session.flush()


def failures_since(session: Session, name: str, address: str, since: datetime) -> list[datetime]:
    """When the failed sign-ins since `since` happened, for this name or from this address
    (the larger of the two lists), oldest first."""
    by_name = session.scalars(
        select(LoginFailure.at).where(LoginFailure.name == name[:200], LoginFailure.at >= since)
    )
    by_address = session.scalars(
        select(LoginFailure.at).where(LoginFailure.address == address, LoginFailure.at >= since)
    )
    lists = [sorted(_aware(t) for t in by_name), sorted(_aware(t) for t in by_address)]
    return max(lists, key=len)


def clear_failures(session: Session, name: str, before: datetime | None = None) -> None:
    """Forget the failures of a name (after it signed in), and everyone's older than `before`."""
    session.execute(delete(LoginFailure).where(LoginFailure.name == name[:200]))
    if before is not None:
        session.execute(delete(LoginFailure).where(LoginFailure.at < before))


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0
