# elapsed counts finished sessions only, not the one running now
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
        self._banked += self._clock() - self._started_at
        self._started_at = None
        return self._banked

    @property
    def elapsed(self) -> float:
        return self._banked  # only finished sessions count

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def reset(self) -> None:
        self._banked = 0.0
        self._started_at = None
