"""A clock that moves only when a test moves it."""

from __future__ import annotations

import threading


class FakeClock:
    """Call it for the current time in seconds; `advance` moves it forward.

    Inject it wherever the code under test would call `time.monotonic`, so tests
    about timeouts, rates and expiry are exact and take no real time.
    """

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def now(self) -> float:
        """The current time in seconds (the same as calling the clock)."""
        return self()

    def advance(self, seconds: float) -> float:
        """Move the clock forward; returns the new time. Time never goes back."""
        if seconds < 0:
            raise ValueError(f"a clock cannot go back in time (advance by {seconds})")
        with self._lock:
            self._now += seconds
            return self._now

    def __repr__(self) -> str:
        return f"FakeClock(now={self():g})"
