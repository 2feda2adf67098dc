# diagram() leaves out the final states: the terminal states get no bull's-eye.
from collections.abc import Hashable, Mapping
from enum import Enum

from lld_helpers.diagrams import Diagram, state_diagram


class OrderState(Enum):
    """The states of an order, version 2. Given: do not change."""

    PENDING = "pending"
    PAID = "paid"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    RETURN_REQUESTED = "return requested"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"


TRANSITIONS: dict[tuple[OrderState, str], OrderState] = {
    (OrderState.PENDING, "pay"): OrderState.PAID,
    (OrderState.PENDING, "cancel"): OrderState.CANCELLED,
    (OrderState.PENDING, "expire"): OrderState.CANCELLED,
    (OrderState.PAID, "ship"): OrderState.SHIPPED,
    (OrderState.PAID, "cancel"): OrderState.CANCELLED,
    (OrderState.SHIPPED, "deliver"): OrderState.DELIVERED,
    (OrderState.SHIPPED, "lose"): OrderState.REFUNDED,
    (OrderState.DELIVERED, "request_return"): OrderState.RETURN_REQUESTED,
    (OrderState.RETURN_REQUESTED, "accept_return"): OrderState.REFUNDED,
    (OrderState.RETURN_REQUESTED, "reject_return"): OrderState.DELIVERED,
}

Move = tuple[Hashable, str, Hashable]


def _name(state: Hashable) -> str:
    return state.name if isinstance(state, Enum) else str(state)


class IllegalTransition(Exception):
    """An event that the current state does not allow."""

    def __init__(self, state: Hashable, event: str, allowed: tuple[str, ...]) -> None:
        self.state, self.event, self.allowed = state, event, tuple(allowed)
        if self.allowed:
            options = f"allowed: {', '.join(self.allowed)}"
        else:
            options = f"{_name(state)} is terminal, nothing is allowed"
        super().__init__(f"cannot {event!r} in state {_name(state)}; {options}")


class StateMachine:
    """A state machine driven by a transition table {(state, event): next state}."""

    def __init__(self, transitions: Mapping[tuple[Hashable, str], Hashable] = TRANSITIONS,
                 initial: Hashable = OrderState.PENDING) -> None:
        self._table = dict(transitions)
        if not self._table:
            raise ValueError("a state machine needs at least one transition")
        self._initial = initial
        if initial not in self.states:
            raise ValueError(f"the initial state {_name(initial)} is not in the table")
        unreachable = self.states - self._reachable_from(initial)
        if unreachable:
            names = ", ".join(sorted(map(_name, unreachable)))
            raise ValueError(f"not reachable from {_name(initial)}: {names}")
        self._state = initial
        self._history: list[Move] = []

    def _reachable_from(self, start: Hashable) -> set[Hashable]:
        seen, todo = {start}, [start]
        while todo:
            current = todo.pop()
            for (source, _), target in self._table.items():
                if source == current and target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    @property
    def state(self) -> Hashable:
        return self._state

    @property
    def history(self) -> tuple[Move, ...]:
        return tuple(self._history)

    @property
    def states(self) -> frozenset[Hashable]:
        return frozenset(s for (source, _), target in self._table.items()
                         for s in (source, target))

    @property
    def terminal_states(self) -> frozenset[Hashable]:
        return self.states - {source for source, _ in self._table}

    @property
    def is_terminal(self) -> bool:
        return self._state in self.terminal_states

    def allowed_events(self) -> tuple[str, ...]:
        return tuple(sorted(event for source, event in self._table if source == self._state))

    def fire(self, event: str) -> Hashable:
        target = self._table.get((self._state, event))
        if target is None:
            raise IllegalTransition(self._state, event, self.allowed_events())
        self._history.append((self._state, event, target))
        self._state = target
        return target

    def diagram(self) -> Diagram:
        return state_diagram(self._table, initial=self._initial,
                             current=self._state,
                             last=self._history[-1] if self._history else None)
