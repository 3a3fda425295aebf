"""The store's tables (SQLAlchemy 2 typed models); migrations/ creates and evolves them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints, so that Alembic batch migrations (SQLite table rebuilds) can find them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JUDGEMENTS = ("same", "different", "unsure")
RUN_STATES = ("running", "finished", "killed", "interrupted", "failed")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        dict[str, Any]: JSON,
        list[str]: JSON,
        list[Any]: JSON,
        datetime: DateTime(timezone=True),
    }


metadata = Base.metadata


class Run(Base):
    """One extraction run: what version and which rule sets produced the rows."""

    __tablename__ = "runs"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    version: Mapped[str]
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    rules: Mapped[list[Any]] = mapped_column(default=list)  # names of the rule sets used
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # running | finished | interrupted (Ctrl-C, SIGTERM) | failed (an error escaped) | killed (gone
    # without finishing, noticed by a later run)
    state: Mapped[str] = mapped_column(default="running", server_default="running")
    pid: Mapped[int | None]  # the process, and the host it ran on, to tell a live run from a killed one
    host: Mapped[str | None]
    noticed_at: Mapped[datetime | None]  # when a later run found this one killed


class Merge(Base):
    """One cross-document merge of facts, committed with the canonical ids it set.

    `fingerprint` hashes the merge rules and the sorted ids of the facts merged: when the store's
    facts no longer match the last merge's fingerprint, the merge is missing or stale.
    """

    __tablename__ = "merges"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[str | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"), index=True)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime]
    rules: Mapped[str]
    documents: Mapped[int]
    facts: Mapped[int]
    clusters: Mapped[int]
    fingerprint: Mapped[str] = mapped_column(String(64))


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String, primary_key=True)  # the file name, or name~hash8
    source: Mapped[str]
    title: Mapped[str | None]
    published: Mapped[str | None]
    published_basis: Mapped[str] = mapped_column(default="none")
    language: Mapped[str | None]
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    ingested_at: Mapped[datetime] = mapped_column(default=utcnow)
    run_id: Mapped[str | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"), index=True)


class ActorRow(Base):
    __tablename__ = "actors"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    kind: Mapped[str] = mapped_column(index=True)
    name: Mapped[str]
    country: Mapped[str | None]
    category: Mapped[str | None]
    external_ids: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ActorAlias(Base):
    """Every name an actor is known under (its name included), with its folded form for lookup."""

    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "norm"), Index(None, "norm"))
    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    alias: Mapped[str]
    norm: Mapped[str]  # bilat.model.names.fold(alias)


class ActorRole(Base):
    __tablename__ = "actor_roles"
    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    title: Mapped[str]
    organization_id: Mapped[str | None]  # an actor id; no foreign key, the org may come later
    country: Mapped[str | None]
    doc_id: Mapped[str | None]  # the document the role was first seen in


class MentionRow(Base):
    __tablename__ = "mentions"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str]
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("actors.id"), index=True)


class FactRow(Base):
    """One fact as extracted from one document; `canonical_id` groups the same fact across documents."""

    __tablename__ = "facts"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]  # index in the document's fact list
    local_id: Mapped[str]
    type: Mapped[str] = mapped_column(index=True)
    kind: Mapped[str]
    title: Mapped[str] = mapped_column(Text)
    status: Mapped[str | None]
    date: Mapped[str | None]  # agreements/events: date; initiatives: start
    end_date: Mapped[str | None]
    place: Mapped[str | None]
    venue_actor_id: Mapped[str | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))
    venue_name: Mapped[str | None]
    rule: Mapped[str] = mapped_column(default="")
    evidence: Mapped[list[str]] = mapped_column(default=list)
    domains: Mapped[list[str]] = mapped_column(default=list)
    countries: Mapped[list[str]] = mapped_column(default=list)
    # ids of facts of the same document (written in one go, hence no foreign keys)
    within_id: Mapped[str | None]
    part_of_id: Mapped[str | None]
    framework_id: Mapped[str | None]
    canonical_id: Mapped[str] = mapped_column(index=True)


class FactParticipant(Base):
    __tablename__ = "fact_participants"
    fact_id: Mapped[str] = mapped_column(ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), primary_key=True, index=True)
    position: Mapped[int]


class FactSource(Base):
    __tablename__ = "fact_sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    fact_id: Mapped[str] = mapped_column(ForeignKey("facts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int]
    end: Mapped[int]
    quote: Mapped[str] = mapped_column(Text)


class StatusHistoryRow(Base):
    __tablename__ = "status_history"
    id: Mapped[int] = mapped_column(primary_key=True)
    fact_id: Mapped[str] = mapped_column(ForeignKey("facts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    status: Mapped[str]
    date: Mapped[str | None]
    doc_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int | None]
    end: Mapped[int | None]
    quote: Mapped[str | None] = mapped_column(Text)


class Judgement(Base):
    """An analyst's (or the machine's) verdict on two facts or actors; deleting is a soft delete."""

    __tablename__ = "judgements"
    __table_args__ = (CheckConstraint("judgement IN ('same', 'different', 'unsure')", name="judgement"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    left_id: Mapped[str] = mapped_column(index=True)
    right_id: Mapped[str] = mapped_column(index=True)
    judgement: Mapped[str]
    author: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None]


class ListedFact(Base):
    """One merged fact as the pages list it, written with each merge (store/listing.py): read
    pages filter and page these rows instead of merging facts per request."""

    __tablename__ = "fact_listing"
    __table_args__ = (
        Index(None, "type", "position"),
        Index(None, "kind", "position"),
        Index(None, "status", "position"),
        Index(None, "date"),
    )
    id: Mapped[str] = mapped_column(String, primary_key=True)  # the canonical id
    position: Mapped[int] = mapped_column(unique=True)  # export order: agreements, initiatives, events
    type: Mapped[str]
    kind: Mapped[str]
    status: Mapped[str | None]
    title: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None]  # the date it is listed under (an initiative's start)
    countries: Mapped[list[str]] = mapped_column(default=list)
    sources: Mapped[int] = mapped_column(default=0)  # how many documents (articles) tell the merged fact
    search: Mapped[str] = mapped_column(Text)  # fold(title) and fold(quote)s, one per line
    record: Mapped[str] = mapped_column(Text)  # the merged record, JSON
    # the date of the last change of status in its history (None: never changed), for the home page
    status_changed: Mapped[str | None] = mapped_column(index=True)


class ListedTerm(Base):
    """What a listed fact is about, one row per term, for indexed dossiers (store/dossiers.py):
    `country:KZ`, `pair:FR-KZ` (sorted codes), `domain:culture`, `actor:<id>` (parties,
    signatories, participants, venue; countries are listed by `country:`), `within:<id>`,
    `part_of:<id>`, `framework:<id>`. Written with the listing. The fact's type, status and date
    ride along, and the table is clustered by (key, position) (WITHOUT ROWID): a dossier counts,
    ranks and orders a term's facts from these narrow rows, read in one range, and opens the
    listing's wide rows only for the facts it shows."""

    __tablename__ = "fact_listing_terms"
    __table_args__ = (Index(None, "fact_id", "key"), {"sqlite_with_rowid": False})
    key: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)  # the fact's position in the listing
    fact_id: Mapped[str]
    type: Mapped[str]
    status: Mapped[str | None]
    date: Mapped[str | None]  # the date the fact is listed under


class ListingState(Base):
    """When the listing was last written and from how many facts (one row; none before a build)."""

    __tablename__ = "listing_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    built_at: Mapped[datetime] = mapped_column(default=utcnow)
    facts: Mapped[int]  # stored facts (before merging) the listing was built from
    listed: Mapped[int]  # merged facts listed


# the accounts and curation tables are declared beside their code; imported here so that this
# metadata holds every table of the store (migrations are compared with it)
from bilat.store import account_tables as _account_tables  # noqa: E402, F401
