"""Opening the store: migrations on open, SQLite pragmas, one writer at a time."""

from __future__ import annotations

import multiprocessing
import threading
import time
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

from bilat.errors import StoreError
from bilat.store.db import Store, alembic_config, migrate, open_store
from bilat.store.search import include_name
from bilat.store.tables import DocumentRow, Run, metadata
from bilat.store.write import start_run, stored_hashes

TABLES = {
    "documents",
    "runs",
    "actors",
    "actor_aliases",
    "actor_roles",
    "mentions",
    "facts",
    "fact_participants",
    "fact_sources",
    "status_history",
    "judgements",
}


def _head() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def test_open_creates_every_table_at_head(db_url: str) -> None:
    with open_store(db_url) as store, store.engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) >= TABLES
        assert MigrationContext.configure(conn).get_current_heads() == (_head(),)


def test_reopen_is_idempotent_and_keeps_data(store: Store, db_url: str) -> None:
    with store.session() as session:
        run_id = start_run(session, "test", {}, [])
    assert migrate(db_url) is False  # up to date: nothing applied
    with open_store(db_url) as again, again.reader() as session:
        assert session.get(Run, run_id) is not None


def test_migrations_match_the_models(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})  # FTS5 aside
        assert compare_metadata(context, metadata) == []


def test_pragmas(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000


def test_schema_renders_for_postgresql() -> None:
    for table in metadata.sorted_tables:
        assert "CREATE TABLE" in str(CreateTable(table).compile(dialect=postgresql.dialect()))


def test_migrations_render_offline_for_postgresql(capsys: pytest.CaptureFixture[str]) -> None:
    command.upgrade(alembic_config("postgresql://user@localhost/bilat"), "head", sql=True)
    sql = capsys.readouterr().out
    assert "CREATE TABLE facts" in sql and "ix_facts_canonical_id" in sql


def test_unopenable_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store(f"sqlite:///{tmp_path / 'missing' / 'dir' / 'bilat.db'}")


def test_a_plain_path_is_a_sqlite_file(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "plain.db")):
        pass
    assert (tmp_path / "plain.db").exists()


def test_second_writer_waits_for_the_first(store: Store) -> None:
    """A writer that reads before writing would fail on a stale snapshot without BEGIN IMMEDIATE."""
    locked, order, errors = threading.Event(), [], []

    def first() -> None:
        with store.session() as session:
            start_run(session, "first", {}, [])
            locked.set()
            time.sleep(0.3)
            order.append("first")

    def second() -> None:
        locked.wait()
        try:
            with store.session() as session:
                stored_hashes(session)  # a read, then a write in the same transaction
                start_run(session, "second", {}, [])
                order.append("second")
        except Exception as exc:  # pragma: no cover - the failure this test guards against
            errors.append(exc)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert order == ["first", "second"]
    with store.reader() as session:
        assert sorted(session.scalars(select(Run.version))) == ["first", "second"]


def test_readers_do_not_wait_for_the_writer(store: Store) -> None:
    locked, done = threading.Event(), threading.Event()

    def writer() -> None:
        with store.session() as session:
            start_run(session, "slow", {}, [])
            locked.set()
            done.wait(5)

    thread = threading.Thread(target=writer)
    thread.start()
    locked.wait()
    began = time.monotonic()
    with store.reader() as session:
        assert session.scalars(select(DocumentRow)).all() == []
        assert session.scalars(select(Run)).all() == []  # the writer has not committed
    elapsed = time.monotonic() - began
    done.set()
    thread.join()
    assert elapsed < 1.0


def test_plain_engine_sees_wal_file(store: Store, db_url: str) -> None:
    with store.session() as session:
        start_run(session, "x", {}, [])
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM runs").scalar() == 1
    finally:
        engine.dispose()


def test_in_memory_store_is_migrated_and_shared() -> None:
    with open_store("sqlite://") as store:
        with store.session() as session:
            start_run(session, "memory", {}, [])
        with store.reader() as session:
            assert session.scalars(select(Run.version)).all() == ["memory"]


def _open_and_close(url: str) -> str:
    try:
        open_store(url).close()
    except Exception as exc:  # pragma: no cover - the failure the tests below guard against
        return repr(exc)
    return "ok"


def test_threads_may_create_the_same_store_at_once(db_url: str) -> None:
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(_open_and_close(db_url))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["ok"] * 4


def test_processes_may_create_the_same_store_at_once(db_url: str) -> None:
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        assert pool.map(_open_and_close, [db_url] * 3) == ["ok"] * 3
    with open_store(db_url) as store, store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_heads() == (_head(),)


@pytest.mark.parametrize("theirs_first", [True, False])
def test_a_migration_lost_to_another_process_leaves_their_store(
    db_url: str, monkeypatch: pytest.MonkeyPatch, theirs_first: bool
) -> None:
    """Two processes creating one store: when ours fails because theirs migrated it first, the
    store is at head and ours says nothing was applied; a failure with the store behind is raised."""
    from bilat.store import db

    real_upgrade = command.upgrade

    def racing_upgrade(config: object, revision: str) -> None:
        if theirs_first:  # the other process wins the race...
            other = db.make_engine(db_url, foreign_keys=False)
            with other.connect() as conn:
                real_upgrade(alembic_config(connection=conn), "head")
                conn.commit()
            other.dispose()
        raise RuntimeError("duplicate column name: state")  # ...and ours fails on its schema

    monkeypatch.setattr(db.command, "upgrade", racing_upgrade)
    engine = db.make_engine(db_url, foreign_keys=False)
    try:
        if theirs_first:
            assert db.upgrade(engine) is False
        else:
            with pytest.raises(RuntimeError, match="duplicate column"):
                db.upgrade(engine)
    finally:
        engine.dispose()
