"""The nlp thread of `bilat.pipeline.ingest`: order kept, errors raised in the caller, early exits
stop it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from bilat.pipeline import _in_background


def test_items_arrive_in_order_from_another_thread() -> None:
    threads: set[str] = set()

    def produce() -> Iterator[int]:
        for i in range(200):
            threads.add(threading.current_thread().name)
            yield i

    assert list(_in_background(produce(), ahead=4, name="t-order")) == list(range(200))
    assert threads == {"t-order"}


def test_an_error_in_the_thread_is_raised_in_the_caller_after_the_items_before_it() -> None:
    def produce() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("broken batch")

    got = []
    with pytest.raises(ValueError, match="broken batch"):
        for item in _in_background(produce(), ahead=2, name="t-error"):
            got.append(item)
    assert got == [1, 2]


def test_leaving_early_stops_the_thread() -> None:
    produced = []

    def produce() -> Iterator[int]:
        for i in range(10_000):
            produced.append(i)
            yield i

    for item in _in_background(produce(), ahead=2, name="t-stop"):
        if item == 3:
            break
    time.sleep(0.3)
    assert len(produced) <= 3 + 2 + 2  # what was read, what was queued, one in hand
    assert not any(t.name == "t-stop" for t in threading.enumerate())
