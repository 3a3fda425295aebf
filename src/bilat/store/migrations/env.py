"""Alembic environment of the store: migrates the connection open_store passes, or a URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from bilat.store.db import make_engine
from bilat.store.search import include_name
from bilat.store.tables import metadata

config = context.config


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # ALTER through table rebuilds
        compare_type=True,
        include_name=include_name,  # the FTS5 search tables are not ORM models
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = config.attributes.get("connection")
    url = config.get_main_option("sqlalchemy.url")
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
    elif connection is not None:
        _configure(connection)
    else:
        if not url:
            raise RuntimeError("bilat migrations need a connection or sqlalchemy.url (see store.db)")
        engine = make_engine(url, foreign_keys=False)
        try:
            with engine.connect() as conn:
                _configure(conn)
                conn.commit()
        finally:
            engine.dispose()


run()
