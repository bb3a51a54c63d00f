"""Tools the concurrency tests share: a clock that holds a transaction open at a gate,
a thread that keeps what its work returned or raised, and a race of n threads
released by one barrier."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
T = TypeVar("T")


class GateClock:
    """A clock whose first reading blocks until the test opens the gate: the
    transaction that reads it is held open, with whatever locks it took so far."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.opened = threading.Event()
        self._armed = True

    def __call__(self) -> datetime:
        if self._armed:
            self._armed = False
            self.reached.set()
            assert self.opened.wait(30), "the test never opened the gate"
        return NOW


class Worker(threading.Thread):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__(daemon=True)
        self._work = work
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work()
        except BaseException as error:
            self.error = error


def race(n: int, work: Callable[[int], T]) -> list[T | BaseException]:
    """Run ``work(0)`` … ``work(n - 1)`` in n threads released at one barrier; each
    slot holds what its call returned or raised."""
    barrier = threading.Barrier(n)
    results: list[T | BaseException] = [RuntimeError("not run")] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except BaseException as error:
            results[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results
