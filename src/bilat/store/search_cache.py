"""The searches a server process keeps (store.search): paging through results and the search
page's JSON twin read them again without searching again. Pair dossiers are kept the same way
(store.dossiers)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Found:
    """What a search found, whatever the page."""

    match: str | None  # the FTS5 words
    ranked: list[tuple[Any, ...]]  # the first results in order (search.Hit); all of them when complete
    complete: bool
    total: int
    order: str
    facets: dict[str, list[dict[str, Any]]]


class Recent(Generic[T]):
    """The last values a process put, by key (the least recently used go first); threads share it."""

    def __init__(self, size: int) -> None:
        self._found: OrderedDict[tuple[Any, ...], T] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, key: tuple[Any, ...]) -> T | None:
        with self._lock:
            found = self._found.get(key)
            if found is not None:
                self._found.move_to_end(key)
            return found

    def put(self, key: tuple[Any, ...], found: T) -> None:
        with self._lock:
            self._found[key] = found
            self._found.move_to_end(key)
            while len(self._found) > self._size:
                self._found.popitem(last=False)


class Kept(Recent[Found]):
    """The last searches of this process, by a key that holds the state of the index they read: a
    store's index has a random epoch (made with its table, migration 0008) and a version every
    write of the index bumps in the writer's transaction (search_index.touch), so a search reads
    the state of its own snapshot and is never answered from another one."""
