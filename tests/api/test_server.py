"""The app served by real uvicorn on 127.0.0.1, configured as `bilat serve` does (issue 7,
findings 5 and 6): oversized requests are refused with an answer the client reads, not a reset;
many clients at once all get answers while a writer holds the store's write lock."""

from __future__ import annotations

import asyncio
import http.client
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from unittest.mock import Mock

import pytest
import uvicorn
from uvicorn.server import ServerState

from bilat.api.app import create_app
from bilat.api.server import MAX_REQUEST_HEAD, WORKER_THREADS, Protocol, config
from bilat.store.db import open_store
from bilat.store.runs import start_run

_DEADLINE_S = 20


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(db_url: str) -> Iterator[int]:
    """bilat's uvicorn configuration, in a thread of this process; yields the port."""
    port = _free_port()
    srv = uvicorn.Server(config(create_app(db_url), "127.0.0.1", port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield port
    srv.should_exit = True
    thread.join(timeout=10)


def _raw(port: int, request: bytes) -> bytes:
    """Send `request` whole, then read until the server closes: what the client gets."""
    with socket.create_connection(("127.0.0.1", port), timeout=_DEADLINE_S) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received


@pytest.mark.parametrize(
    ("size", "status"),
    [(1_000_000, b"414"), (5_000_000, b"414"), (MAX_REQUEST_HEAD + 10, b"414"), (20_000, b"414")],
)
def test_a_huge_request_line_gets_an_answer_not_a_reset(server: int, size: int, status: bytes) -> None:
    began = time.monotonic()
    answer = _raw(server, b"GET /api/facts?q=" + b"a" * size + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert answer.split(b"\r\n", 1)[0].split(b" ")[1] == status, answer[:200]
    assert b"x-content-type-options: nosniff" in answer.lower()
    assert time.monotonic() - began < _DEADLINE_S


def test_huge_headers_get_431(server: int) -> None:
    header = b"X-Big: " + b"b" * (2 * MAX_REQUEST_HEAD) + b"\r\n"
    answer = _raw(server, b"GET /api/stats HTTP/1.1\r\nHost: x\r\n" + header + b"\r\n")
    assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]


def test_a_malformed_request_gets_400(server: int) -> None:
    assert _raw(server, b"NOT HTTP AT ALL\r\n\r\n").startswith(b"HTTP/1.1 400 ")


def test_the_server_still_answers_after_refusals(server: int) -> None:
    _raw(server, b"GET /?q=" + b"a" * 1_000_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    conn = http.client.HTTPConnection("127.0.0.1", server, timeout=_DEADLINE_S)
    conn.request("HEAD", "/api/stats")
    response = conn.getresponse()
    assert response.status == 200 and response.read() == b""
    assert response.getheader("server") is None  # no server banner
    conn.close()


def test_many_clients_all_answered_while_a_writer_holds_the_lock(server: int, db_url: str) -> None:
    """More clients than worker threads (and than the old pool of 5 + 10 connections): each gets a
    200, none waits on the writer, which holds BEGIN IMMEDIATE the whole time."""
    clients = WORKER_THREADS * 4
    paths = ["/api/facts", "/", "/api/stats", "/api/documents", "/stats", "/api/facts?type=event"]
    locked, release = threading.Event(), threading.Event()

    def writer() -> None:
        with open_store(db_url) as store, store.session() as session:
            start_run(session, "writer", {}, [])  # BEGIN IMMEDIATE: the write lock is held
            locked.set()
            release.wait(_DEADLINE_S * 2)
            session.rollback()

    def get(i: int) -> int:
        conn = http.client.HTTPConnection("127.0.0.1", server, timeout=_DEADLINE_S)
        try:
            conn.request("GET", paths[i % len(paths)])
            response = conn.getresponse()
            response.read()
            return response.status
        finally:
            conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert locked.wait(10)
        began = time.monotonic()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            statuses = list(pool.map(get, range(clients * 2)))
        elapsed = time.monotonic() - began
    finally:
        release.set()
        thread.join()
    assert statuses == [200] * len(statuses)
    assert elapsed < _DEADLINE_S


def test_bilat_serve_with_two_worker_processes(db_url: str, tmp_path: Path) -> None:
    """`bilat serve --workers 2`: the store named by --db, served by worker processes that build
    the app themselves; SIGTERM stops them all."""
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    bilat = [sys.executable, "-c", "import sys; from bilat.cli import main; sys.argv[0] = 'bilat'; main()"]
    db = db_url.removeprefix("sqlite:///")
    server = subprocess.Popen(
        [*bilat, "--db", db, "serve", "--port", str(port), "--workers", "2"], stdout=log, stderr=log
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=_DEADLINE_S)
                conn.request("GET", "/api/facts?limit=1")
                response = conn.getresponse()
                body = response.read()
                break
            except ConnectionError:
                assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
                time.sleep(0.3)
        assert response.status == 200 and b'"total":5' in body
        assert response.getheader("x-frame-options") == "DENY"
        with ThreadPoolExecutor(max_workers=20) as pool:
            assert set(pool.map(lambda _: _status(port, "/stats"), range(40))) == {200}
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    assert "Started parent process" in (tmp_path / "serve.log").read_text()


def _status(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=_DEADLINE_S)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_answers_are_not_held_back_by_nagle() -> None:
    """With --workers uvicorn binds the socket itself (protocol 0) and asyncio then leaves Nagle on:
    a response's head and body, written apart, waited ~40 ms for the client's delayed ACK."""

    async def app(scope: Any, receive: Any, send: Any) -> None:  # never called
        raise AssertionError

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    with listener, socket.create_connection(listener.getsockname()) as _client:
        accepted, _ = listener.accept()
        with accepted:
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
            extra = {
                "socket": accepted,
                "sockname": accepted.getsockname(),
                "peername": accepted.getpeername(),
            }
            transport = Mock()
            transport.get_extra_info = lambda name, default=None: extra.get(name, default)
            loop = asyncio.new_event_loop()
            try:
                protocol = Protocol(
                    config=uvicorn.Config(app), server_state=ServerState(), app_state={}, _loop=loop
                )
                protocol.connection_made(transport)
            finally:
                loop.close()
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
