# Keeps the instance in a class attribute: a subclass finds its base's instance and returns it.
import threading
from typing import Any


class SingletonMeta(type):
    """A metaclass: every class that uses it has at most one instance at a time."""

    _lock = threading.RLock()

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        with SingletonMeta._lock:
            instance = getattr(cls, "_instance", None)
            if instance is None:
                instance = super().__call__(*args, **kwargs)
                cls._instance = instance
                return instance
        if args or kwargs:
            raise TypeError(
                f"{cls.__name__} already exists; arguments to a later call would be ignored"
            )
        return instance

    def reset_instance(cls) -> None:
        """Forget the instance (for tests): the next call creates a new one."""
        with SingletonMeta._lock:
            cls._instance = None
