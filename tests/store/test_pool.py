"""Connections sized to the server's workers (issue 7, finding 5): many readers hold sessions at
once, none waits for a connection or for the writer, which holds BEGIN IMMEDIATE meanwhile."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from bilat.api.server import WORKER_THREADS
from bilat.store.db import POOL_SIZE, Store
from bilat.store.runs import start_run
from bilat.store.tables import DocumentRow, Run

_WAIT_S = 10


def test_the_pool_keeps_a_connection_per_worker_thread() -> None:
    assert POOL_SIZE >= WORKER_THREADS


def test_readers_past_the_pool_size_all_read_while_the_writer_holds_the_lock(filled: Store) -> None:
    readers = POOL_SIZE + 20  # every session open at once: past the pool, more connections open
    locked, release = threading.Event(), threading.Event()
    together = threading.Barrier(readers + 1, timeout=_WAIT_S)
    results: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def writer() -> None:
        with filled.session() as session:
            start_run(session, "holding the write lock", {}, [])
            locked.set()
            release.wait(_WAIT_S * 3)
            session.rollback()

    def reader() -> None:
        try:
            with filled.reader() as session:
                documents = session.scalar(select(func.count()).select_from(DocumentRow)) or 0
                runs = session.scalar(select(func.count()).select_from(Run)) or 0
                together.wait()  # all sessions (and their connections) are open at this point
                results.append((documents, runs))
        except BaseException as exc:
            errors.append(exc)

    hold = threading.Thread(target=writer)
    hold.start()
    assert locked.wait(_WAIT_S)
    began = time.monotonic()
    threads = [threading.Thread(target=reader) for _ in range(readers)]
    for thread in threads:
        thread.start()
    try:
        together.wait()
    finally:
        for thread in threads:
            thread.join(_WAIT_S)
        release.set()
        hold.join()
    assert errors == []
    assert results == [(2, 0)] * readers  # the writer's uncommitted run is not seen
    assert time.monotonic() - began < _WAIT_S
