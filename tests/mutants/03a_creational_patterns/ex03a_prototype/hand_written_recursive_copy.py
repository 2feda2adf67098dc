# A hand-written recursive copy: objects are copied shallowly and __deepcopy__ is ignored.
import copy
from collections.abc import Mapping
from typing import Any


class PrototypeRegistry:
    """Keeps configured objects under names and hands out independent copies of them."""

    def __init__(self) -> None:
        self._prototypes: dict[str, Any] = {}

    def register(self, name: str, prototype: Any) -> None:
        """Keep a deep copy of `prototype`: later changes to the caller's object don't leak in."""
        if name in self._prototypes:
            raise ValueError(f"a prototype named {name!r} is already registered")
        self._prototypes[name] = _deep_copy(prototype)

    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._prototypes))

    def clone(self, name: str) -> Any:
        """A deep copy of the prototype: it shares no mutable part with it."""
        return _deep_copy(self._prototype(name))

    def clone_with(self, name: str, changes: Mapping[str, Any]) -> Any:
        """A clone of a dict prototype with values set at dotted paths such as "user.city"."""
        document = self.clone(name)
        for path, value in changes.items():
            _set_at_path(document, path, _deep_copy(value))
        return document

    def _prototype(self, name: str) -> Any:
        try:
            return self._prototypes[name]
        except KeyError:
            known = ", ".join(self.names()) or "none"
            raise KeyError(f"no prototype named {name!r}; registered: {known}") from None


def _set_at_path(document: Any, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target = document
    for key in parents:
        target = target.get(key) if isinstance(target, dict) else None
        if not isinstance(target, dict):
            raise KeyError(f"{path!r}: {key!r} is not a dict in the prototype")
    if not isinstance(target, dict):
        raise KeyError(f"{path!r}: the prototype is not a dict")
    target[last] = value


def _deep_copy(value: Any) -> Any:
    """Copies containers recursively; any other object is copied one level deep."""
    if isinstance(value, dict):
        return {_deep_copy(key): _deep_copy(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return type(value)(_deep_copy(item) for item in value)
    if isinstance(value, (str, bytes, int, float, bool, type(None))):
        return value
    return copy.copy(value)
