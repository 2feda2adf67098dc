# Thread safe, but a later call's arguments are silently ignored instead of refused.
import threading
from typing import Any


class SingletonMeta(type):
    """A metaclass: every class that uses it has at most one instance at a time."""

    _instances: dict[type, Any] = {}

    def __init__(cls, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> None:
        super().__init__(name, bases, namespace)
        cls._singleton_lock = threading.Lock()

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        instance = SingletonMeta._instances.get(cls)
        if instance is None:
            with cls._singleton_lock:
                instance = SingletonMeta._instances.get(cls)
                if instance is None:
                    instance = super().__call__(*args, **kwargs)
                    SingletonMeta._instances[cls] = instance
        return instance

    def reset_instance(cls) -> None:
        """Forget the instance (for tests): the next call creates a new one."""
        with cls._singleton_lock:
            SingletonMeta._instances.pop(cls, None)
