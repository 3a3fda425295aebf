"""Serving the app with uvicorn (h11): worker threads, request-size limits and clean refusals.

`bilat serve` (and so the load benchmark) and the tests that start a real server use `options()`.
"""

from __future__ import annotations

import contextlib
import socket
from http import HTTPStatus
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from bilat.api.middleware import SECURITY_HEADERS

# Sync routes run in AnyIO's thread pool: this many at once per process (AnyIO's default, set
# explicitly at startup). Each holds one store session; store.db.POOL_SIZE is larger.
WORKER_THREADS = 40
# The request line and headers are read up to this size; past it the request is refused with 414
# (line too long) or 431 (headers too large) while its remaining bytes are read and dropped.
MAX_REQUEST_HEAD = 64 * 1024
DRAIN_SECONDS = 2.0  # how long a refused connection's remaining bytes are read before closing
DRAIN_BYTES = 64 * 1024 * 1024  # ...and at most this many
KEEP_ALIVE_SECONDS = 5


class Protocol(H11Protocol):
    """uvicorn's h11 protocol, refusing an oversized or malformed request cleanly.

    uvicorn answers 400 and closes at once: with the client still sending (a 1 MB URL), the
    kernel then resets the connection and the client never reads the answer. Here the answer is
    414/431/400, the connection is half-closed, and what the client still sends is read and
    dropped for a bounded time, so it reads the answer and then sees the connection end.
    """

    _draining = False
    _drained = 0

    def connection_made(self, transport: Any) -> None:
        # No Nagle delay: uvicorn writes a response's head and body apart, and with --workers it
        # binds the socket itself (protocol 0), so asyncio does not set TCP_NODELAY: each answer
        # then waited ~40 ms for the client's delayed ACK (workbench_load, one client, --workers 2).
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)

    def send_400_response(self, msg: str) -> None:
        status, message = 400, "Invalid HTTP request received."
        buffered, _closed = self.conn.trailing_data
        if len(buffered) > MAX_REQUEST_HEAD:
            first_line_done = b"\n" in buffered
            status = 431 if first_line_done else 414
            message = (
                f"request headers larger than {MAX_REQUEST_HEAD} bytes"
                if first_line_done
                else f"URL longer than {MAX_REQUEST_HEAD} bytes: shorten the query"
            )
        body = (message + "\n").encode()
        headers = [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
            *((k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()),
        ]
        try:
            reason = HTTPStatus(status).phrase.encode()
            output = self.conn.send(h11.Response(status_code=status, headers=headers, reason=reason))
            output += self.conn.send(h11.Data(data=body)) or b""
            output += self.conn.send(h11.EndOfMessage()) or b""
        except h11.LocalProtocolError:  # a response had already begun: nothing clean left to send
            self.transport.close()
            return
        self.transport.write(output or b"")
        self._drain()

    def _drain(self) -> None:
        self._draining = True
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(DRAIN_SECONDS, self._close)

    def _close(self) -> None:
        if not self.transport.is_closing():
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        if self._draining:
            self._drained += len(data)
            if self._drained > DRAIN_BYTES:
                self._close()
            return
        super().data_received(data)


def options(host: str, port: int, **overrides: Any) -> dict[str, Any]:
    """uvicorn's settings for bilat (keyword arguments of uvicorn.Config and uvicorn.run)."""
    settings: dict[str, Any] = {
        "host": host,
        "port": port,
        "http": Protocol,
        "h11_max_incomplete_event_size": MAX_REQUEST_HEAD,
        "server_header": False,
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
        "backlog": 2048,
        "log_level": "info",
        "ws": "none",
        "lifespan": "on",
    }
    return settings | overrides


def config(app: Any, host: str, port: int, **overrides: Any) -> uvicorn.Config:
    """The uvicorn configuration bilat serves with (overrides win, e.g. log_level)."""
    return uvicorn.Config(app, **options(host, port, **overrides))


async def set_worker_threads(threads: int = WORKER_THREADS) -> None:
    """Fix AnyIO's thread pool to `threads` (call from the running event loop, at startup)."""
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = threads


def serve(app: Any, host: str, port: int, workers: int = 1, **overrides: Any) -> None:
    """Serve `app` until interrupted. With `workers` > 1, processes that each serve the app that
    `app`, a factory named "module:function", makes (uvicorn's supervisor restarts dead ones)."""
    if workers > 1:
        # a worker that starts slowly or answers the supervisor's ping late (a loaded machine)
        # is not killed for it: uvicorn's default of 5 s restarts busy workers, dropping requests
        overrides |= {"workers": workers, "factory": True, "timeout_worker_healthcheck": 60}
    uvicorn.run(app, **options(host, port, **overrides))
