"""lld_helpers.checks.stubbed_methods: refused and empty methods, read from the source."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Protocol

import pytest

from lld_helpers.checks import stubbed_methods


class Device(ABC):
    @abstractmethod
    def turn_on(self) -> None:
        """Abstract: a declaration, not a stub."""

    def describe(self) -> str:
        return "a device"


class Switchable(Protocol):
    def turn_on(self) -> None: ...

    def turn_off(self) -> None: ...


class Refuser(Device):
    def turn_on(self) -> None:
        raise NotImplementedError("a sensor cannot be switched")

    def lock(self) -> None:
        raise NotImplementedError

    def maybe(self, flag: bool) -> None:
        if flag:
            raise NotImplementedError()
        print("ok")

    def wrong_constant(self) -> None:
        raise NotImplemented  # noqa: F901 - the classic typo, still a refusal

    @property
    def battery(self) -> int:
        raise NotImplementedError

    @staticmethod
    def helper() -> int:
        return 1


class Silent(Device):
    def turn_on(self) -> None:
        pass

    def turn_off(self) -> None:
        """Does nothing, with a docstring."""

    def dim(self) -> None: ...

    def nothing(self) -> None:
        return None

    def real(self) -> int:
        return 42

    def __exit__(self, *exc: object) -> None:
        return None


class Honest(Device):
    def turn_on(self) -> None:
        self.on = True

    def catches(self) -> str:
        try:
            return self.describe()
        except NotImplementedError:  # handling one is not refusing
            return "?"


class Inherits(Refuser):
    """Adds nothing: inherited methods are the base's business."""


class Empty:
    pass


def test_methods_that_raise_not_implemented_error_are_stubs():
    assert stubbed_methods(Refuser) == ["battery", "lock", "maybe", "turn_on", "wrong_constant"]


def test_empty_bodies_are_stubs_unless_asked_not_to_count_them():
    assert stubbed_methods(Silent) == ["dim", "nothing", "turn_off", "turn_on"]
    assert stubbed_methods(Silent, empty=False) == []


def test_honest_classes_abstract_methods_and_protocols_have_none():
    assert stubbed_methods(Honest) == []
    assert stubbed_methods(Device) == []
    assert stubbed_methods(Switchable) == []
    assert stubbed_methods(Inherits) == []
    assert stubbed_methods(Empty) == []


def test_a_class_defined_at_run_time_is_read_from_its_methods():
    namespace: dict[str, object] = {}
    source = "class Made:\n    def go(self):\n        raise NotImplementedError\n"
    code = compile(source, "<made>", "exec")
    exec(code, namespace)  # no file and no linecache: the source cannot be found
    with pytest.raises(TypeError, match="Made"):
        stubbed_methods(namespace["Made"])


def test_only_classes_are_accepted():
    with pytest.raises(TypeError, match="takes a class"):
        stubbed_methods(len)
