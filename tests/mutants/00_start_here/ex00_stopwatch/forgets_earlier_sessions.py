# stop() overwrites the total instead of adding the session: sessions do not add up
import time
from collections.abc import Callable


class Stopwatch:
    """Measures elapsed time over one or more start/stop sessions."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._banked = 0.0
        self._started_at: float | None = None

    def start(self) -> None:
        if self._started_at is not None:
            raise RuntimeError("the stopwatch is already running")
        self._started_at = self._clock()

    def stop(self) -> float:
        if self._started_at is None:
            raise RuntimeError("the stopwatch is not running")
        self._banked = self._clock() - self._started_at
        self._started_at = None
        return self._banked

    @property
    def elapsed(self) -> float:
        if self._started_at is None:
            return self._banked
        return self._banked + (self._clock() - self._started_at)

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def reset(self) -> None:
        self._banked = 0.0
        self._started_at = None
