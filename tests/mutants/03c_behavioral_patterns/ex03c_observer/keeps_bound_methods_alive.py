# Holds every listener strongly: a subscribed object is never garbage-collected (a lapsed
# listener).
from collections.abc import Callable


class _Subscription:
    """One listener of one event. A bound method is held weakly, anything else strongly."""

    __slots__ = ("_reference", "active")

    def __init__(self, listener: Callable[[object], object]) -> None:
        self._reference = lambda: listener
        self.active = True

    def listener(self) -> Callable[[object], object] | None:
        """The listener, or None once a weakly held one has been collected."""
        return self._reference()


class EventEmitter:
    """Calls the listeners of an event when it is emitted; safe against changes mid-emit."""

    def __init__(self) -> None:
        self._subscriptions: dict[str, list[_Subscription]] = {}

    def subscribe(self, event: str, listener: Callable[[object], object]) -> Callable[[], None]:
        if not callable(listener):
            raise TypeError(f"a listener must be callable, not {type(listener).__name__}")
        subscription = self._find(event, listener)
        if subscription is None:
            subscription = _Subscription(listener)
            self._subscriptions.setdefault(event, []).append(subscription)
        return lambda: self._remove(event, subscription)

    def unsubscribe(self, event: str, listener: Callable[[object], object]) -> bool:
        subscription = self._find(event, listener)
        if subscription is None:
            return False
        self._remove(event, subscription)
        return True

    def emit(self, event: str, payload: object = None) -> int:
        called, errors = 0, []
        for subscription in list(self._subscriptions.get(event, [])):  # the list at the start
            listener = subscription.listener() if subscription.active else None
            if listener is None:
                continue
            called += 1
            try:
                listener(payload)
            except Exception as error:  # the others still hear about the event
                errors.append(error)
        self._forget_collected(event)
        if errors:
            raise ExceptionGroup(f"{len(errors)} listener(s) of {event!r} failed", errors)
        return called

    def listener_count(self, event: str) -> int:
        return sum(1 for s in self._subscriptions.get(event, []) if s.listener() is not None)

    def _find(self, event: str, listener: Callable[[object], object]) -> _Subscription | None:
        for subscription in self._subscriptions.get(event, []):
            if subscription.listener() == listener:
                return subscription
        return None

    def _remove(self, event: str, subscription: _Subscription) -> None:
        subscription.active = False
        subscriptions = self._subscriptions.get(event, [])
        if subscription in subscriptions:
            subscriptions.remove(subscription)

    def _forget_collected(self, event: str) -> None:
        subscriptions = self._subscriptions.get(event, [])
        subscriptions[:] = [s for s in subscriptions if s.listener() is not None]
