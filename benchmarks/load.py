"""Load on `bilat serve`: 200 concurrent clients over mixed pages while an ingest writes the store.

    .venv/bin/python benchmarks/load.py [--clients 200] [--seconds 60] [--copies 100] [--json]

A store of the corpus copied N times (benchmarks/throughput.py's copies, default ../shared/seeds
x 100) is built by `bilat ingest`; `bilat serve` (real uvicorn, a process of its own) serves it on
127.0.0.1; a second `bilat ingest` of other copies writes into the same store meanwhile; the clients
(asyncio, one keep-alive connection each) ask for pages, API lists, records and stats for a
bounded time and count of requests. Reports requests, errors by kind, p50/p95/p99 latency and
requests/s, overall and per page. Traffic goes to 127.0.0.1 only. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import EXAMPLES, SEEDS, build_corpus  # the benchmark next to this one

HOST = "127.0.0.1"  # the only address traffic goes to
TIMEOUT_S = 30.0  # a request unanswered this long is an error ("timeout")
START_TIMEOUT_S = 120.0

err = Console(stderr=True)


def _bilat() -> list[str]:
    """The `bilat` command of this interpreter's environment."""
    script = Path(sys.executable).with_name("bilat")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from bilat.cli import main; sys.argv[0] = 'bilat'; main()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children so far (psutil)."""
    import psutil

    process = psutil.Process(pid)
    total = sum(process.cpu_times()[:2])
    for child in process.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            total += sum(child.cpu_times()[:2])
    return float(total)


def _get_json(port: int, path: str) -> Any:
    with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=TIMEOUT_S) as response:
        return json.load(response)


# --- the store, the server, the ingest -----------------------------------------------------------


def build_store(corpus: Path, copies: int, db: Path, work: Path) -> float:
    """`bilat ingest` of `copies` copies of the corpus into `db`; returns the seconds it took."""
    folder = work / "base"
    files = build_corpus(corpus, copies, folder)
    err.print(f"building the store: bilat ingest of {len(files)} documents…")
    began = time.monotonic()
    subprocess.run([*_bilat(), "--db", str(db), "ingest", str(folder)], check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - began


def copy_store(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite store (its WAL included), so a kept store is reused as built."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


@contextlib.contextmanager
def serving(db: Path, port: int, workers: int, log: Path, access_log: bool = True) -> Any:
    """`bilat serve` on 127.0.0.1:port until the block ends (then SIGTERM, then kill)."""
    command = [*_bilat(), "--db", str(db), "serve", "--host", HOST, "--port", str(port)]
    command += ["--workers", str(workers), "--access-log" if access_log else "--no-access-log"]
    with log.open("w") as out:
        server = subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while True:
                if server.poll() is not None:
                    raise SystemExit(f"bilat serve stopped: see {log}")
                try:
                    _get_json(port, "/api/stats")
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise SystemExit(f"bilat serve did not answer in {START_TIMEOUT_S:.0f} s") from None
                    time.sleep(0.2)
            yield server
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


# --- what the clients ask for --------------------------------------------------------------------


@dataclass
class Ids:
    facts: list[str]
    documents: list[str]
    actors: list[str]
    kinds: dict[str, list[str]]
    statuses: dict[str, list[str]]


def discover(port: int) -> Ids:
    """Ids to ask for, from the API itself (before the load starts)."""
    facts = _get_json(port, "/api/facts?limit=500")["items"]
    documents = _get_json(port, "/api/documents?limit=500")["items"]
    actors = _get_json(port, "/api/actors?limit=500")["items"]
    kinds: dict[str, set[str]] = defaultdict(set)
    statuses: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        kinds[fact["type"]].add(fact["kind"])
        if fact.get("status"):
            statuses[fact["type"]].add(fact["status"])
    if not (facts and documents and actors):
        raise SystemExit("the store lists no facts, documents or actors: nothing to ask for")
    return Ids(
        [f["id"] for f in facts],
        [d["id"] for d in documents],
        [a["id"] for a in actors],
        {t: sorted(k) for t, k in kinds.items()},
        {t: sorted(s) for t, s in statuses.items()},
    )


WORDS = ["musée", "accord", "coopération", "culture", "exposition", "kazakhstan", "énergie", "visite"]


def pick(ids: Ids, rng: random.Random) -> tuple[str, str]:
    """One request: (page name, path and query), in the mix the README describes."""
    type_ = rng.choice(sorted(ids.kinds))
    filters: dict[str, Any] = {}
    roll = rng.random()
    if roll < 0.4:
        filters["type"] = type_
    if roll < 0.2:
        filters["kind"] = rng.choice(ids.kinds[type_])
    elif roll < 0.3 and ids.statuses.get(type_):
        filters["status"] = rng.choice(ids.statuses[type_])
    if rng.random() < 0.2:
        filters["q"] = rng.choice(WORDS)
    paging = {"limit": rng.choice([10, 20, 50]), "offset": rng.choice([0, 0, 10, 20, 40])}
    fact, doc, actor = (quote(rng.choice(x), safe="") for x in (ids.facts, ids.documents, ids.actors))
    mix: list[tuple[float, str, str]] = [
        (14, "/ (facts page)", "/?" + urlencode(filters | paging)),
        (14, "/api/facts", "/api/facts?" + urlencode(filters | paging)),
        (12, "/facts/{id}", f"/facts/{fact}"),
        (6, "/api/facts/{id}", f"/api/facts/{fact}"),
        (8, "/documents/{id}", f"/documents/{doc}"),
        (4, "/api/documents/{id}", f"/api/documents/{doc}"),
        (6, "/documents", "/documents?" + urlencode(paging)),
        (6, "/api/documents", "/api/documents?" + urlencode(paging)),
        (8, "/actors/{id}", f"/actors/{actor}"),
        (4, "/api/actors", "/api/actors?" + urlencode({"kind": rng.choice(["city", "country", "person"])})),
        (8, "/api/stats", "/api/stats"),
        (6, "/stats", "/stats"),
        (4, "HEAD /", "/"),
    ]
    weights = [w for w, _n, _p in mix]
    _w, name, path = rng.choices(mix, weights=weights)[0]
    return name, path


# --- the clients -----------------------------------------------------------------------------------


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    requests: int = 0


async def _request(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, method: str, path: str
) -> tuple[int, bool]:
    """One HTTP/1.1 request on a keep-alive connection: (status, whether the server keeps it)."""
    writer.write(f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nAccept: */*\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    fields = (line.partition(":") for line in lines[1:] if line)
    headers = {k.strip().lower(): v.strip() for k, _, v in fields}
    if method != "HEAD":
        if "content-length" in headers:
            await reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while True:
                size = int((await reader.readuntil(b"\r\n")).strip() or b"0", 16)
                await reader.readexactly(size + 2)
                if size == 0:
                    break
    return status, headers.get("connection", "").lower() != "close"


async def client(
    port: int, ids: Ids, seed: int, stop_at: float, budget: list[int], think: float, out: Results
) -> None:
    """One client: one connection (reopened if the server closes it); between two requests it
    waits a random time of mean `think` seconds (uniform on [0, 2 x think]; 0: back to back)."""
    rng = random.Random(seed)
    conn: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    if think:
        await asyncio.sleep(rng.uniform(0, 2 * think))  # clients do not all start at once
    while time.monotonic() < stop_at and budget[0] > 0:
        budget[0] -= 1
        name, path = pick(ids, rng)
        method = "HEAD" if name.startswith("HEAD") else "GET"
        began = time.perf_counter()
        try:
            if conn is None:
                conn = await asyncio.wait_for(asyncio.open_connection(HOST, port), TIMEOUT_S)
            status, keep = await asyncio.wait_for(_request(*conn, method, path), TIMEOUT_S)
            elapsed = time.perf_counter() - began
            out.requests += 1
            if status != 200:
                out.errors[f"HTTP {status}"] += 1
            else:
                out.latencies[name].append(elapsed)
            if not keep:
                conn[1].close()
                conn = None
            if think:
                await asyncio.sleep(min(rng.uniform(0, 2 * think), max(0.0, stop_at - time.monotonic())))
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
            out.requests += 1
            out.errors["timeout" if isinstance(exc, TimeoutError) else type(exc).__name__] += 1
            if conn is not None:
                conn[1].close()
                conn = None
    if conn is not None:
        conn[1].close()


async def run_clients(
    port: int, ids: Ids, clients: int, seconds: float, max_requests: int, think: float = 0.0
) -> Results:
    out = Results()
    stop_at = time.monotonic() + seconds
    budget = [max_requests]
    await asyncio.gather(*(client(port, ids, i, stop_at, budget, think, out) for i in range(clients)))
    return out


# --- the report ------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def summary(results: Results, seconds: float, extra: dict[str, Any]) -> dict[str, Any]:
    every = [x for xs in results.latencies.values() for x in xs]
    ms = 1000.0

    def stats(values: list[float], count: int) -> dict[str, Any]:
        return {
            "requests": count,
            "p50_ms": round(percentile(values, 50) * ms, 1),
            "p95_ms": round(percentile(values, 95) * ms, 1),
            "p99_ms": round(percentile(values, 99) * ms, 1),
            "max_ms": round(max(values, default=float("nan")) * ms, 1),
        }

    return extra | {
        "seconds": round(seconds, 1),
        "requests": results.requests,
        "errors": sum(results.errors.values()),
        "errors_by_kind": dict(sorted(results.errors.items())),
        "requests_per_s": round(results.requests / seconds, 1),
        **{k: v for k, v in stats(every, len(every)).items() if k != "requests"},
        "pages": {name: stats(v, len(v)) for name, v in sorted(results.latencies.items())},
    }


def print_table(report: dict[str, Any]) -> None:
    console = Console()
    pause = f", pauses of {report['think_s']} s on average" if report["think_s"] else ", back to back"
    head = Table(
        title=f"bilat serve --workers {report['workers']}: {report['clients']} clients{pause}, "
        f"{report['seconds']} s"
    )
    for column in ("requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"):
        head.add_column(column, justify="right")
    head.add_row(
        f"{report['requests']:,}",
        str(report["errors"]),
        f"{report['requests_per_s']:,.1f}",
        *(f"{report[k]:,.1f}" for k in ("p50_ms", "p95_ms", "p99_ms", "max_ms")),
    )
    console.print(head)
    pages = Table(title="by page (answered requests)")
    pages.add_column("page")
    for column in ("requests", "p50 ms", "p95 ms", "p99 ms", "max ms"):
        pages.add_column(column, justify="right")
    for name, row in report["pages"].items():
        values = (row[k] for k in ("p50_ms", "p95_ms", "p99_ms", "max_ms"))
        pages.add_row(name, f"{row['requests']:,}", *(f"{v:,.1f}" for v in values))
    console.print(pages)
    if report["errors_by_kind"]:
        console.print("errors: " + ", ".join(f"{k} × {v}" for k, v in report["errors_by_kind"].items()))
    ingest = report["ingest"]
    console.print(
        f"store: {report['store']['documents']:,} documents, {report['store']['facts']:,} facts listed "
        f"before; ingest of {ingest['documents']} more documents "
        f"{'still running at the end (stopped)' if ingest['running_at_end'] else 'finished'} "
        f"after {ingest['seconds']:.1f} s of the {report['seconds']} s"
    )
    console.print(
        f"server CPU per request: {report['server_cpu_ms_per_request']} ms; {report['cpus']} CPUs, "
        f"load average {report['load_average_1min_at_end']} at the end"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=200, help="concurrent clients [200]")
    parser.add_argument("--workers", type=int, default=2, help="bilat serve --workers [2]")
    parser.add_argument("--no-access-log", action="store_true", help="bilat serve --no-access-log")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the clients run [60]")
    parser.add_argument(
        "--think", type=float, default=0.0, help="mean pause of a client between its requests, s [0]"
    )
    parser.add_argument("--max-requests", type=int, default=1_000_000, help="stop after this many [1e6]")
    parser.add_argument("--copies", type=int, default=100, help="copies of each article in the store [100]")
    parser.add_argument(
        "--ingest-copies", type=int, default=100, help="copies ingested while the clients run [100]"
    )
    parser.add_argument("--no-ingest", action="store_true", help="no ingest while the clients run")
    parser.add_argument("--corpus", type=Path, default=None, help="articles [../shared/seeds|examples]")
    parser.add_argument("--store", type=Path, default=None, help="keep the built store here and reuse it")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the clients' choices [7]")
    parser.add_argument("--logs", type=Path, default=None, help="copy the server's and ingest's logs here")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    args = parser.parse_args(argv)
    corpus = args.corpus or (SEEDS if SEEDS.is_dir() else EXAMPLES)

    work = Path(tempfile.mkdtemp(prefix="bilat-load-"))
    try:
        db = work / "bilat.db"
        build_seconds = None
        if args.store is not None and args.store.exists():
            err.print(f"reusing the store {args.store}")
        else:
            base = args.store or work / "base.db"
            build_seconds = build_store(corpus, args.copies, base, work)
            if args.store is None:
                shutil.move(base, db)
        if args.store is not None:
            copy_store(args.store, db)
        port = _free_port()
        with serving(db, port, args.workers, work / "serve.log", not args.no_access_log) as server:
            stats = _get_json(port, "/api/stats")
            ids = discover(port)
            ingest = None
            extra = build_corpus(corpus, args.ingest_copies, work / "extra", first=args.copies)
            if not args.no_ingest:
                err.print(f"ingest of {len(extra)} more documents starts, then {args.clients} clients…")
                ingest = subprocess.Popen(
                    [*_bilat(), "--db", str(db), "ingest", str(work / "extra")],
                    stdout=subprocess.DEVNULL,
                    stderr=(work / "ingest.log").open("w"),
                )
                time.sleep(3)  # the ingest loads its model, then writes while the clients run
            server_cpu = _cpu_seconds(server.pid)
            began = time.monotonic()
            ended: list[float] = []
            if ingest is not None:
                watch = ingest

                def _wait() -> None:
                    watch.wait()
                    ended.append(time.monotonic())

                threading.Thread(target=_wait, daemon=True).start()
            results = asyncio.run(
                run_clients(port, ids, args.clients, args.seconds, args.max_requests, args.think)
            )
            seconds = time.monotonic() - began
            server_cpu = _cpu_seconds(server.pid) - server_cpu
            load_average = os.getloadavg()[0]
            running = ingest is not None and not ended
            ingest_seconds = (min(ended) if ended else time.monotonic()) - began
            if ingest is not None:
                if running:
                    ingest.terminate()
                ingest.wait(timeout=60)
            after = _get_json(port, "/api/stats")
            alive = server.poll() is None
        report = summary(
            results,
            seconds,
            {
                "clients": args.clients,
                "workers": args.workers,
                "access_log": not args.no_access_log,
                "think_s": args.think,
                "store": {"documents": stats["documents"], "facts": stats["facts"], "copies": args.copies},
                "store_after": {"documents": after["documents"], "facts": after["facts"]},
                "ingest": {
                    "documents": 0 if ingest is None else len(extra),
                    "running_at_end": running,
                    "seconds": 0.0 if ingest is None else round(min(ingest_seconds, seconds), 1),
                    "exit_code": None if ingest is None else ingest.returncode,
                },
                "server_alive_at_end": alive,
                "server_cpu_ms_per_request": round(1000 * server_cpu / max(1, results.requests), 2),
                "load_average_1min_at_end": round(load_average, 2),
                "build_seconds": build_seconds,
                "cpus": os.cpu_count(),
            },
        )
    finally:
        if args.logs is not None:
            args.logs.mkdir(parents=True, exist_ok=True)
            for log in work.glob("*.log"):
                shutil.copy(log, args.logs / log.name)
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0 if report["errors"] == 0 and report["server_alive_at_end"] else 1


if __name__ == "__main__":
    sys.exit(main())
