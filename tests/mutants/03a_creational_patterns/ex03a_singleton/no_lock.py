# No lock at all: right with one thread, but concurrent first calls each construct an instance.
import threading  # noqa: F401
from typing import Any


class SingletonMeta(type):
    """A metaclass: every class that uses it has at most one instance at a time."""

    _instances: dict[type, Any] = {}

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        instance = SingletonMeta._instances.get(cls)
        if instance is None:
            instance = super().__call__(*args, **kwargs)
            SingletonMeta._instances[cls] = instance
            return instance
        if args or kwargs:
            raise TypeError(
                f"{cls.__name__} already exists; arguments to a later call would be ignored"
            )
        return instance

    def reset_instance(cls) -> None:
        """Forget the instance (for tests): the next call creates a new one."""
        SingletonMeta._instances.pop(cls, None)
