"""Statements of the store's hot write path run on the driver's own cursor (sqlite3), inside the
session's transaction: the writer's ~25 statements per document cost SQLAlchemy ~0.1 ms each to
build, cache-key and execute, more than SQLite's work on a page's rows.

Values go through the same column types as SQLAlchemy's inserts (JSON serialised, datetimes in
SQLite's text form) and missing columns get the same Python-side defaults, so the rows stored are
those `session.execute(insert(table), rows)` would store. The store's other driver-level writes
(listing, search index) are SQLite's too: the qmark parameters here are sqlite3's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

Processor = Callable[[Any], Any] | None


def cursor(session: Session) -> Any:
    """A driver cursor on the session's connection, in its current transaction (and savepoint)."""
    return session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]


def _dialect(session: Session) -> Dialect:
    bind = session.get_bind()
    return bind.dialect


@lru_cache(maxsize=256)
def _insert_plan(
    table: Table, keys: tuple[str, ...], dialect: Dialect
) -> tuple[str, tuple[Processor, ...], tuple[tuple[int, Callable[[], Any]], ...]]:
    """INSERT of `keys` plus the columns with a Python-side default that `keys` lack; the bind
    processor of each column; where a default goes and how to make it."""
    defaults: list[tuple[str, Callable[[], Any]]] = []
    for column in table.columns:
        if column.key in keys or column.default is None:
            continue
        default = column.default
        if default.is_callable:  # type: ignore[attr-defined]
            fn = default.arg  # type: ignore[attr-defined]
            defaults.append((column.key, lambda fn=fn: fn(None)))
        elif default.is_scalar:  # type: ignore[attr-defined]
            value = default.arg  # type: ignore[attr-defined]
            defaults.append((column.key, lambda value=value: value))
        else:
            raise ValueError(f"{table.name}.{column.key}: no plain insert for a {type(default).__name__}")
    names = [*keys, *(k for k, _ in defaults)]
    procs = tuple(table.columns[k].type._cached_bind_processor(dialect) for k in names)
    columns = ", ".join(f'"{table.columns[k].name}"' for k in names)
    sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(names))})'
    return sql, procs, tuple((len(keys) + i, fn) for i, (_, fn) in enumerate(defaults))


def _bound(values: list[Any], procs: Sequence[Processor]) -> tuple[Any, ...]:
    return tuple(v if p is None else p(v) for v, p in zip(values, procs, strict=True))


def insert(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """`session.execute(insert(table), rows)` (rows with the same keys) in one executemany."""
    if not rows:
        return
    keys = tuple(rows[0])
    sql, procs, defaults = _insert_plan(table, keys, _dialect(session))
    params = []
    for row in rows:
        values = [row[k] for k in keys]
        values += [make() for _position, make in defaults]
        params.append(_bound(values, procs))
    cur = cursor(session)
    try:
        cur.executemany(sql, params)
    finally:
        cur.close()


def update(session: Session, table: Table, key: str, key_value: Any, values: Mapping[str, Any]) -> None:
    """UPDATE table SET values WHERE key = key_value (no onupdate defaults: the store has none)."""
    if not values:
        return
    dialect = _dialect(session)
    names = list(values)
    procs = [table.columns[k].type._cached_bind_processor(dialect) for k in [*names, key]]
    sets = ", ".join(f'"{table.columns[k].name}" = ?' for k in names)
    sql = f'UPDATE "{table.name}" SET {sets} WHERE "{table.columns[key].name}" = ?'
    cur = cursor(session)
    try:
        cur.execute(sql, _bound([*values.values(), key_value], procs))
    finally:
        cur.close()


def select(session: Session, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
    """Rows of a query, as the driver returns them (no result processing: JSON stays text)."""
    cur = cursor(session)
    try:
        return cur.execute(sql, tuple(params)).fetchall()
    finally:
        cur.close()


def result_processor(session: Session, table: Table, key: str) -> Callable[[Any], Any]:
    """How SQLAlchemy turns the driver's value of `table.key` into Python (JSON text -> object)."""
    dialect = _dialect(session)
    column = table.columns[key]
    proc = column.type._cached_result_processor(dialect, None)
    return proc if proc is not None else (lambda v: v)
