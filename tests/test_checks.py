"""lld_helpers.checks: the clock, the thread hammer and the structure checks."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from typing import Protocol

import pytest

from lld_helpers.checks import (
    FakeClock,
    depends_on,
    function_lengths,
    hammer,
    implements,
    is_abstract,
    max_complexity,
    max_function_length,
)


class Speaker(Protocol):
    def speak(self) -> str: ...


class Animal(ABC):
    @abstractmethod
    def speak(self) -> str: ...


class Dog(Animal):
    def speak(self) -> str:
        return "woof"


class Robot:  # never names Speaker: satisfies it structurally
    def speak(self) -> str:
        return "beep"


class HalfDone(Animal):
    pass


def branchy(x: int) -> str:
    """Docstrings do not count as length."""
    if x > 10 and x < 20:
        return "teen"
    for _ in range(x):
        if x % 2:
            return "odd"
    return "other" if x else "zero"


def test_fake_clock_moves_only_when_told():
    clock = FakeClock(start=10)
    assert clock() == 10.0 and clock.now() == 10.0
    assert clock.advance(2.5) == 12.5 and clock() == 12.5
    with pytest.raises(ValueError, match="back in time"):
        clock.advance(-1)


def test_hammer_runs_every_call_on_real_threads():
    seen = set()
    results = hammer(lambda: seen.add(threading.get_ident()) or 1, threads=8, calls=5)
    assert results == [1] * 40
    assert len(seen) == 8


def test_hammer_reraises_the_first_error():
    def boom():
        raise KeyError("x")

    with pytest.raises(KeyError):
        hammer(boom, threads=2, calls=1)


def test_hammer_reports_a_deadlock():
    lock = threading.Lock()
    lock.acquire()
    with pytest.raises(TimeoutError, match="deadlock"):
        hammer(lock.acquire, threads=2, calls=1, timeout=0.2)
    lock.release()


def test_abstract_and_implements():
    assert is_abstract(Animal) and is_abstract(Speaker) and is_abstract(HalfDone)
    assert not is_abstract(Dog)
    assert implements(Dog, Animal) and implements(Dog, Speaker) and implements(Robot, Speaker)
    assert implements(Robot, Animal), "structural: Robot provides speak() without inheriting"
    assert not implements(HalfDone, Animal)
    assert not implements(Animal, Animal)


def test_size_and_complexity_read_the_source():
    assert function_lengths(branchy) == {"branchy": 6}
    assert max_function_length(branchy, Dog) == 6
    # 1 + if + and + for + if + ternary
    assert max_complexity(branchy) == 6
    assert max_complexity(Dog) == 1
    assert depends_on(branchy, "range") and not depends_on(Dog, "range")


def test_source_less_objects_are_named_in_the_error():
    with pytest.raises(TypeError, match="no source code is available for int"):
        max_complexity(int)
