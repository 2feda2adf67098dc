"""Click through a state machine: a button per event, the diagram following every step."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from typing import Any, NamedTuple

import ipywidgets as widgets

from lld_helpers.diagrams import Diagram, state_diagram
from lld_helpers.diagrams.common import display_name
from lld_helpers.diagrams.state import Transition, build_state_model
from lld_helpers.widgets.display import WRONG, Interactive, svg_html

Guard = Callable[[], bool | tuple[bool, str]]
OnStep = Callable[[str, str, str], Any]


class Step(NamedTuple):
    """One transition taken: `(source, event, target)`."""

    source: str
    event: str
    target: str


class StateMachineExplorer(Interactive):
    """A state machine to click through.

    `transitions`, `initial`, `finals` and `title` are those of `state_diagram`. Each event
    gets a button; an event that the current state does not allow is disabled, with the
    reason as its tooltip. `guards` maps `(state, event)` to a function of no arguments that
    returns a bool or `(bool, reason)`; it is asked again after every step and on
    `refresh()`. `on_step(source, event, target)` is called before each step with state and
    event names, so a notebook can drive an object of its own; if it raises, the step is
    refused and the error shown. `reset()` does not call it.

        explorer = StateMachineExplorer(
            [("pending", "pay", "paid"), ("paid", "ship", "shipped")], "pending",
            guards={("paid", "ship"): lambda: (in_stock(), "nothing in stock")})
        explorer.fire("pay")   # or click "pay"
        explorer.state         # 'paid'
    """

    def __init__(self, transitions: Any, initial: Any = None, *, finals: Iterable[Any] = (),
                 guards: dict[tuple[Any, Any], Guard] | None = None,
                 on_step: OnStep | None = None, title: str | None = None) -> None:
        model = build_state_model(transitions, initial, finals)
        self._transitions, self._finals, self._title = transitions, model.finals, title
        self._initial = self._state = model.initial
        self._targets: dict[tuple[str, str], Transition] = {}
        for t in model.transitions:
            if (t.source, t.event) in self._targets:
                raise ValueError(f"two transitions leave {t.source!r} on {t.event!r}: an "
                                 "explorer needs one target per state and event")
            self._targets[t.source, t.event] = t
        self._guards = {(display_name(s), display_name(e)): g for (s, e), g in
                        (guards or {}).items()}
        unknown = sorted(self._guards.keys() - self._targets.keys())
        if unknown:
            raise ValueError(f"guards {unknown}: no transition leaves those states on those events")
        self._on_step = on_step
        self._history: list[Step] = []
        events = dict.fromkeys(t.event for t in model.transitions)
        self.buttons = {event: widgets.Button(description=event, layout={"width": "auto"})
                        for event in events}
        for event, button in self.buttons.items():
            button.on_click(lambda _, event=event: self._click(event))
        restart = widgets.Button(description="Reset", icon="undo", layout={"width": "auto"})
        restart.on_click(lambda _: self.reset())
        self.picture, self.status = widgets.HTML(), widgets.HTML()
        super().__init__(widgets.VBox([self.picture, widgets.HBox([*self.buttons.values(), restart],
                                       layout={"flex_flow": "row wrap"}), self.status]))
        self.widget.add_class("lld-state-explorer")
        self.refresh()

    @property
    def state(self) -> str:
        return self._state

    @property
    def history(self) -> list[Step]:
        """The steps taken since the start or the last reset, oldest first."""
        return list(self._history)

    @property
    def diagram(self) -> Diagram:
        """The state diagram with the current state and the last transition highlighted."""
        return state_diagram(self._transitions, self._initial, self._finals, current=self._state,
                             last=self._history[-1] if self._history else None,
                             title=self._title)

    def allowed(self, event: Any) -> tuple[bool, str]:
        """Whether `event` can fire now, and why (or why not)."""
        event = self._event(event)
        transition = self._targets.get((self._state, event))
        if transition is None:
            sources = ", ".join(s for s, e in self._targets if e == event)
            return False, f"{event}: not possible in {self._state} (only in {sources})"
        guard = self._guards.get((self._state, event))
        if guard is not None:
            verdict = guard()
            ok, reason = verdict if isinstance(verdict, tuple) else (bool(verdict), "")
            if not ok:
                return False, f"{transition.label}: {reason or 'its guard is false'}"
        return True, f"{transition.label} → {transition.target}"

    def fire(self, event: Any) -> str:
        """Take the transition for `event` from the current state; the new state.

        Raises ValueError when the event is unknown or not allowed now.
        """
        event = self._event(event)
        ok, reason = self.allowed(event)
        if not ok:
            raise ValueError(reason)
        t = self._targets[self._state, event]
        if self._on_step is not None:
            self._on_step(t.source, t.event, t.target)
        self._state = t.target
        self._history.append(Step(t.source, t.event, t.target))
        self.refresh()
        return self._state

    def reset(self) -> None:
        """Back to the initial state with an empty history."""
        self._state, self._history = self._initial, []
        self.refresh()

    def refresh(self) -> None:
        """Ask the guards again and redraw: call it when what a guard reads has changed."""
        blocked = []
        for event, button in self.buttons.items():
            ok, reason = self.allowed(event)
            button.disabled, button.tooltip = not ok, reason
            button.button_style = "primary" if ok else ""
            if not ok and (self._state, event) in self._targets:
                blocked.append(reason)
        self.picture.value = svg_html(self.diagram)
        self.status.value = self._summary(blocked)

    def static_html(self) -> str:
        return self.picture.value + self.status.value

    def __repr__(self) -> str:
        return f"<StateMachineExplorer state={self._state!r} steps={len(self._history)}>"

    def _event(self, event: Any) -> str:
        name = display_name(event)
        if name not in self.buttons:
            raise ValueError(f"unknown event {name!r}; the events are {', '.join(self.buttons)}")
        return name

    def _summary(self, blocked: list[str]) -> str:
        steps = " → ".join(escape(step.event) for step in self._history) or "none yet"
        lines = [f"<b>State:</b> {escape(self._state)} &nbsp; <b>Events so far:</b> {steps}"]
        lines += [f"<b>Blocked:</b> {escape(reason)}" for reason in blocked]
        return "<div>" + "<br>".join(lines) + "</div>"

    def _click(self, event: str) -> None:
        try:
            self.fire(event)
        except Exception as error:  # a click has no cell to show it in: show it here
            self.status.value += (f'<div style="color:{WRONG}"><b>{event}</b> refused: '
                                  f"{escape(f'{type(error).__name__}: {error}')}</div>")
