"""The tables of accounts and curation (SQLAlchemy models; migration 0005 creates them), imported
by store.tables so that its metadata holds every table of the store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from bilat.store.tables import Base, utcnow


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('viewer', 'editor', 'admin')", name="role"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    password_hash: Mapped[str]
    role: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    disabled_at: Mapped[datetime | None]


class WebSession(Base):
    """A signed-in browser: `id` is the SHA-256 of the random token in its cookie."""

    __tablename__ = "web_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]


class ApiToken(Base):
    """A personal API token: shown once, stored as the SHA-256 of the token; `prefix` names it."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str]
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class LoginFailure(Base):
    """One failed sign-in, by the name tried and the client address (the rate limit counts them)."""

    __tablename__ = "login_failures"
    __table_args__ = (Index(None, "name", "at"), Index(None, "address", "at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    address: Mapped[str]
    at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """One curation action: who, when, what, on which target, and the state before and after."""

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "target_type", "target_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user: Mapped[str]
    action: Mapped[str]
    target_type: Mapped[str]  # fact | actor
    target_id: Mapped[str]
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)
    undoes: Mapped[int | None]  # the entry this one undid
    undone_by: Mapped[int | None]


class Decision(Base):
    """A standing human decision applied whenever merged facts or actors are materialised."""

    __tablename__ = "curation_decisions"
    __table_args__ = (Index(None, "target_type", "target_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    target_type: Mapped[str]
    target_id: Mapped[str]
    action: Mapped[str]  # fact: verdict | edit; actor: merge | split
    value: Mapped[Any] = mapped_column(JSON)
    author: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    undone_at: Mapped[datetime | None]
    audit_id: Mapped[int | None]
