"""UML state machine diagrams: initial dot, final bull's-eye, `event [guard] / action` labels.

A state-machine explorer redraws the diagram on every click, so the model and its
DOT text are cheap to build and deterministic: states in order of first mention,
transitions in the order given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from lld_helpers.diagrams.common import (
    digraph_head,
    display_name,
    mermaid_head,
    plantuml_head,
    quote,
)
from lld_helpers.diagrams.diagram import Diagram
from lld_helpers.diagrams.dot import to_dot
from lld_helpers.diagrams.text import to_mermaid, to_plantuml

HIGHLIGHT = "#1d4ed8"
HIGHLIGHT_FILL = "#dbeafe"


@dataclass(frozen=True)
class Transition:
    source: str
    event: str
    target: str
    guard: str = ""
    action: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.event, self.target)

    @property
    def label(self) -> str:
        """UML's `event [guard] / action`, leaving out the parts that are empty."""
        parts = (self.event, f"[{self.guard}]" if self.guard else "",
                 f"/ {self.action}" if self.action else "")
        return " ".join(part for part in parts if part)


@dataclass
class StateModel:
    states: list[str]
    transitions: list[Transition]
    initial: str
    finals: list[str] = field(default_factory=list)
    current: str | None = None
    last: tuple[str, str, str] | None = None
    title: str | None = None
    direction: str = "LR"

    def is_last(self, transition: Transition) -> bool:
        return transition.key == self.last


def _rows(transitions: Any) -> list[tuple[Any, ...]]:
    """Transition tuples from `{(state, event): target}` or `(source, event, target, ...)`."""
    if isinstance(transitions, Mapping):
        rows = []
        for key, target in transitions.items():
            if not (isinstance(key, tuple) and len(key) == 2):
                raise ValueError(f"transition key {key!r} is not a (state, event) pair")
            rows.append((*key, target))
        return rows
    if isinstance(transitions, str) or not isinstance(transitions, Iterable):
        raise TypeError(f"{transitions!r} is not transitions: pass {{(state, event): target}} "
                        "or (source, event, target[, guard[, action]]) tuples")
    rows = list(transitions)
    for row in rows:
        if not (isinstance(row, (tuple, list)) and 3 <= len(row) <= 5):
            raise ValueError(f"transition {row!r} is not (source, event, target[, guard"
                             "[, action]])")
    return [tuple(row) for row in rows]


def _transition(row: tuple[Any, ...]) -> Transition:
    transition = Transition(*(display_name(value) for value in row))
    if not (transition.source and transition.target):
        raise ValueError(f"transition {row!r} has an empty source or target state")
    return transition


def _known(states: list[str], value: Any, what: str) -> str:
    name = display_name(value)
    if name not in states:
        raise ValueError(f"{what} {name!r} is not among the states {states}")
    return name


def build_state_model(transitions: Any, initial: Any = None, finals: Iterable[Any] = (),
                      current: Any = None, last: Iterable[Any] | None = None,
                      title: str | None = None) -> StateModel:
    """Check and normalise the arguments of `state_diagram` into a `StateModel`."""
    found = list(dict.fromkeys(_transition(row) for row in _rows(transitions)))
    if not found:
        raise ValueError("a state diagram needs at least one transition")
    states = list(dict.fromkeys(name for t in found for name in (t.source, t.target)))
    model = StateModel(
        states, found,
        initial=_known(states, found[0].source if initial is None else initial, "initial state"),
        finals=list(dict.fromkeys(_known(states, state, "final state") for state in finals)),
        current=None if current is None else _known(states, current, "current state"),
        title=title)
    if last is not None:
        key = tuple(display_name(value) for value in last)
        if not any(t.key == key for t in found):
            raise ValueError(f"last transition {tuple(last)!r} is not a (source, event, target) "
                             "of this diagram")
        model.last = key
    return model


def state_diagram(transitions: Any, initial: Any = None, finals: Iterable[Any] = (),
                  current: Any = None, last: Iterable[Any] | None = None,
                  title: str | None = None) -> Diagram:
    """A UML state diagram.

    `transitions` is `{(state, event): target}` or an iterable of `(source, event,
    target)`, `(source, event, target, guard)` or `(source, event, target, guard,
    action)`; states and events may be strings or Enum members (their names are shown).
    `initial` defaults to the first source; every state in `finals` gets an arrow to a
    final state. `current` is highlighted, and so is the `last` `(source, event, target)`.
    """
    return Diagram(build_state_model(transitions, initial, finals, current, last, title))


def _state_node(model: StateModel, state: str) -> str:
    style = (f' style="rounded,filled,bold" fillcolor="{HIGHLIGHT_FILL}" color="{HIGHLIGHT}"'
             " penwidth=2.2" if state == model.current else "")
    return f"  {quote('state:' + state)} [label={quote(state)}{style}];"


def _edge(model: StateModel, transition: Transition) -> str:
    attributes = [f"label={quote(transition.label)}"] if transition.label else []
    if model.is_last(transition):
        attributes.append(f'color="{HIGHLIGHT}" fontcolor="{HIGHLIGHT}" penwidth=2.2')
    source, target = quote("state:" + transition.source), quote("state:" + transition.target)
    return f"  {source} -> {target}" + (f" [{' '.join(attributes)}]" if attributes else "") + ";"


@to_dot.register
def _(model: StateModel) -> str:
    lines = digraph_head("states", model.title, f"rankdir={model.direction} nodesep=0.35 "
                         "ranksep=0.45", "shape=box style=rounded margin=\"0.14,0.06\" height=0.4",
                         "arrowhead=vee arrowsize=0.8")
    lines.append('  "initial" [shape=point width=0.16 height=0.16 label=""];')
    lines += [_state_node(model, state) for state in model.states]
    lines += [f'  {quote("final:" + state)} [shape=point width=0.13 height=0.13 peripheries=2'
              ' label=""];' for state in model.finals]
    lines.append(f'  "initial" -> {quote("state:" + model.initial)};')
    lines += [_edge(model, transition) for transition in model.transitions]
    lines += [f"  {quote('state:' + state)} -> {quote('final:' + state)};"
              for state in model.finals]
    return "\n".join(lines + ["}"]) + "\n"


def _ids(model: StateModel) -> dict[str, str]:
    return {state: f"s{index}" for index, state in enumerate(model.states)}


def _text_transitions(model: StateModel, ids: dict[str, str], last_arrow: str) -> list[str]:
    lines = [f"[*] --> {ids[model.initial]}"]
    for t in model.transitions:
        arrow = last_arrow if model.is_last(t) else "-->"
        lines.append(f"{ids[t.source]} {arrow} {ids[t.target]}"
                     + (f" : {t.label}" if t.label else ""))
    return lines + [f"{ids[state]} --> [*]" for state in model.finals]


@to_mermaid.register
def _(model: StateModel) -> str:
    """Mermaid cannot style one transition: only the current state is highlighted."""
    ids = _ids(model)
    lines = mermaid_head(model.title, "stateDiagram-v2") + [f"direction {model.direction}"]
    lines += [f'state "{state}" as {ids[state]}' for state in model.states]
    lines += _text_transitions(model, ids, "-->")
    if model.current is not None:
        lines += [f"classDef current fill:{HIGHLIGHT_FILL},stroke:{HIGHLIGHT},stroke-width:3px",
                  f"class {ids[model.current]} current"]
    return "\n".join(lines) + "\n"


@to_plantuml.register
def _(model: StateModel) -> str:
    ids = _ids(model)
    lines = plantuml_head(model.title) + ["hide empty description"]
    if model.direction == "LR":
        lines.append("left to right direction")
    for state in model.states:
        color = f" {HIGHLIGHT_FILL} ##[bold]{HIGHLIGHT[1:]}" if state == model.current else ""
        lines.append(f'state "{state}" as {ids[state]}{color}')
    lines += _text_transitions(model, ids, f"-[{HIGHLIGHT},bold]->")
    return "\n".join(lines + ["@enduml"]) + "\n"
