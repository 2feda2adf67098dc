# Locks around the construction but never checks again inside: threads queue up and each builds.
import threading
from typing import Any


class SingletonMeta(type):
    """A metaclass: every class that uses it has at most one instance at a time."""

    _instances: dict[type, Any] = {}
    _lock = threading.RLock()

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        if cls not in SingletonMeta._instances:
            with SingletonMeta._lock:
                SingletonMeta._instances[cls] = super().__call__(*args, **kwargs)
            return SingletonMeta._instances[cls]
        if args or kwargs:
            raise TypeError(
                f"{cls.__name__} already exists; arguments to a later call would be ignored"
            )
        return SingletonMeta._instances[cls]

    def reset_instance(cls) -> None:
        """Forget the instance (for tests): the next call creates a new one."""
        with SingletonMeta._lock:
            SingletonMeta._instances.pop(cls, None)
