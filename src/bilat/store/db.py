"""Opening the store: engine, SQLite discipline (WAL, one writer), migrations applied on open."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool, StaticPool

from bilat.errors import StoreError

BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for the other writer before giving up
MIGRATIONS = Path(__file__).with_name("migrations")
_WRITE = "bilat_write"  # execution option read by the BEGIN hook
_MIGRATING = threading.Lock()  # Alembic's `context` is process-global: one migration at a time
# Connections kept open: at least the server's worker threads (AnyIO's default 40, see
# api/server.py), each holding one session per request. Past this the pool opens more (no
# overflow limit), so a checkout never waits and never fails; SQLite connections are cheap.
POOL_SIZE = 64
# Per connection: a page cache of this many KiB (SQLite's default is 2 MiB) and reads through a
# memory map of up to this many bytes of the file (shared by all connections through the OS page
# cache). On the 50,000-document store (1 GB) they make a warm connection's searches and dossier
# joins cheaper (benchmarks/README.md, workbench_load.py).
CACHE_KIB = 32 * 1024
MMAP_BYTES = 1 << 30


def _wal(cursor: Any) -> None:
    """Switch to WAL. Two connections creating the same new file may race for the switch, and
    the loser gets "database is locked" at once (the busy timeout does not apply): retry."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        except sqlite3.OperationalError:
            mode = None
        if mode in ("wal", "memory") or time.monotonic() > deadline:
            return
        time.sleep(0.02)


def _sqlite_discipline(engine: Engine, *, foreign_keys: bool = True) -> None:
    """WAL, NORMAL sync, foreign keys, a busy timeout; BEGIN IMMEDIATE for writing transactions.

    The sqlite3 driver's own transaction handling is switched off so that SQLAlchemy emits the
    BEGIN: a writing session takes the write lock up front and waits for another writer instead
    of failing halfway with "database is locked".
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        _wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cursor.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(_WRITE, True)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _in_memory(url: str) -> bool:
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


def make_engine(url: str, *, foreign_keys: bool = True) -> Engine:
    """An engine for `url`; SQLite engines follow the one-writer discipline."""
    if _in_memory(url):  # one shared connection, or every connection would see an empty database
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
        _sqlite_discipline(engine, foreign_keys=foreign_keys)
        return engine
    if url.startswith("sqlite"):
        # LIFO: the connections used last (their page caches warm) serve the next requests
        engine = create_engine(
            url, poolclass=QueuePool, pool_size=POOL_SIZE, max_overflow=-1, pool_use_lifo=True
        )
        _sqlite_discipline(engine, foreign_keys=foreign_keys)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE)


def alembic_config(url: str | None = None, connection: Connection | None = None) -> Config:
    """Alembic configured in code (no alembic.ini): for upgrades here, and for new revisions:
    `alembic.command.revision(alembic_config("sqlite:///dev.db"), "message", autogenerate=True)`.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine) -> bool:
    """Bring the schema to the latest revision; True when something was applied.

    The check reads (no write lock); the upgrade runs in one BEGIN IMMEDIATE transaction on
    SQLite, so two processes opening a new store take turns.
    """
    heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
    if _current_heads(engine) == heads:
        return False
    try:
        with _MIGRATING, engine.connect() as conn:
            command.upgrade(alembic_config(connection=conn), "head")
            conn.commit()
    except Exception:
        # another process creating the same store may have migrated it first (seen on SQLite:
        # "duplicate column name"); this transaction rolled back, so the store is theirs, whole
        if _current_heads(engine) == heads:
            return False
        raise
    return True


def _current_heads(engine: Engine) -> set[str]:
    with engine.connect().execution_options(**{_WRITE: False}) as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def migrate(url: str) -> bool:
    """Migrate the store at `url` with an engine of its own: on SQLite with foreign keys off,
    since a batch migration rebuilds tables and must not cascade deletes."""
    engine = make_engine(url, foreign_keys=False)
    try:
        return upgrade(engine)
    finally:
        engine.dispose()


class Store:
    """An opened store: the engine and its sessions. Use as a context manager or call close()."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)
        self._writer = sessionmaker(bind=engine, expire_on_commit=False)
        self._reader = sessionmaker(bind=engine.execution_options(**{_WRITE: False}))

    @contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """A session committed on success and rolled back on error.

        A writing session (the default) begins with BEGIN IMMEDIATE on SQLite; read-only work
        (web pages, exports) should use `reader()`, which never blocks the writer.
        """
        factory = self._writer if write else self._reader
        with factory() as session:
            try:
                yield session
                if write:
                    session.commit()
            except BaseException:
                session.rollback()
                raise

    def reader(self) -> AbstractContextManager[Session]:
        """A read-only session (plain deferred BEGIN on SQLite); nothing is committed."""
        return self.session(write=False)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_store(url: str | None = None, *, migrations: bool = True) -> Store:
    """Open (and create or migrate) the store at `url`, by default the configured one.

    `url` is a SQLAlchemy URL or a plain path to a SQLite file; `sqlite://` is in memory.
    """
    if url is None:
        from bilat.config import settings

        url = settings().db_url
    if "://" not in url:
        url = f"sqlite:///{url}"
    try:
        if _in_memory(url):
            store = Store(make_engine(url))
            if migrations:
                upgrade(store.engine)
        else:
            if migrations:
                migrate(url)
            store = Store(make_engine(url))
        if migrations:
            from bilat.store.listing import ensure_listing  # rows -> resolve: loaded on use

            ensure_listing(store)  # a store written before the listing existed gets one
        return store
    except SQLAlchemyError as exc:
        shown = url.split("@")[-1] if "@" in url else url  # no password in messages
        reason = getattr(exc, "orig", None) or exc
        raise StoreError(
            f"cannot open the store {shown}: {reason}",
            "check --db / BILAT_DB: the directory must exist and be writable",
        ) from exc
