"""Run a function on many real threads at once, within a bounded time."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def hammer(
    fn: Callable[[], T], threads: int = 16, calls: int = 50, timeout: float = 2.0
) -> list[T]:
    """Call `fn()` `calls` times on each of `threads` threads, all released together.

    Returns every result (in no particular order). The first exception raised in
    any thread is re-raised here; a TimeoutError is raised when the threads have
    not finished within `timeout` seconds (a deadlock or a livelock).
    """
    if threads < 1 or calls < 1:
        raise ValueError("threads and calls must be at least 1")
    start = threading.Barrier(threads)
    results: list[T] = []
    errors: list[BaseException] = []
    guard = threading.Lock()

    def worker() -> None:
        try:
            start.wait(timeout)
            mine = [fn() for _ in range(calls)]
        except BaseException as error:  # noqa: BLE001 - reported to the caller below
            with guard:
                errors.append(error)
            return
        with guard:
            results.extend(mine)

    pool = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout)
    if any(thread.is_alive() for thread in pool):
        raise TimeoutError(f"threads still running after {timeout} s: a deadlock?")
    if errors:
        raise errors[0]
    return results


