"""State diagrams: UML notation in the DOT structure, highlighting, exports, errors."""

from __future__ import annotations

from enum import Enum

import pytest
from dot_structure import parse
from uml_checks import assert_renders, assert_valid_plantuml, needs_plantuml

from lld_helpers.diagrams import state_diagram
from lld_helpers.diagrams.state import StateModel, Transition


class Door(Enum):
    OPEN = 1
    CLOSED = 2
    LOCKED = 3


TURNSTILE = {("Locked", "coin"): "Unlocked", ("Unlocked", "push"): "Locked"}
DOOR = [
    (Door.OPEN, "close", Door.CLOSED),
    (Door.CLOSED, "open", Door.OPEN),
    (Door.CLOSED, "lock", Door.LOCKED, "has key", "turn key"),
    (Door.LOCKED, "unlock", Door.CLOSED, "has key"),
    (Door.LOCKED, "kick", Door.LOCKED, "", "hurt foot"),
    (Door.CLOSED, "slam", Door.OPEN, "", "bounce"),
]


def door(**options):
    return state_diagram(DOOR, **options)


def edges(graph, tail, head):
    return [e for e in graph.edges if (e.tail, e.head) == (f"state:{tail}", f"state:{head}")]


def test_model_from_a_mapping():
    model = state_diagram(TURNSTILE).model
    assert isinstance(model, StateModel)
    assert model.states == ["Locked", "Unlocked"]
    assert model.initial == "Locked" and model.finals == [] and model.current is None
    assert model.transitions == [Transition("Locked", "coin", "Unlocked"),
                                 Transition("Unlocked", "push", "Locked")]


def test_model_from_tuples_with_enums_guards_and_actions():
    model = door(finals=[Door.LOCKED], current=Door.CLOSED).model
    assert model.states == ["OPEN", "CLOSED", "LOCKED"]
    lock = model.transitions[2]
    assert (lock.source, lock.event, lock.target, lock.guard, lock.action) == (
        "CLOSED", "lock", "LOCKED", "has key", "turn key")
    assert model.finals == ["LOCKED"] and model.current == "CLOSED"


def test_labels_are_event_guard_action():
    labels = [t.label for t in door().model.transitions]
    assert labels == ["close", "open", "lock [has key] / turn key", "unlock [has key]",
                      "kick / hurt foot", "slam / bounce"]


def test_initial_pseudostate_points_at_the_first_source_or_the_given_state():
    graph = parse(door().dot)
    assert graph.nodes["initial"]["shape"] == "point"
    assert [e.head for e in graph.edges if e.tail == "initial"] == ["state:OPEN"]
    graph = parse(door(initial=Door.LOCKED).dot)
    assert [e.head for e in graph.edges if e.tail == "initial"] == ["state:LOCKED"]


def test_states_are_rounded_rectangles_and_finals_are_bulls_eyes():
    graph = parse(door(finals=[Door.LOCKED, Door.OPEN]).dot)
    for state in ("OPEN", "CLOSED", "LOCKED"):
        node = graph.nodes[f"state:{state}"]
        assert node["shape"] == "box" and "rounded" in node["style"] and node["label"] == state
    for state in ("LOCKED", "OPEN"):
        final = graph.nodes[f"final:{state}"]
        assert (final["shape"], final["peripheries"]) == ("point", "2")
        assert graph.edge(f"state:{state}", f"final:{state}")
    assert "final:CLOSED" not in graph.nodes


def test_self_loops_and_parallel_transitions_stay_distinct():
    graph = parse(door().dot)
    assert [e.attrs["label"] for e in edges(graph, "LOCKED", "LOCKED")] == ["kick / hurt foot"]
    assert sorted(e.attrs["label"] for e in edges(graph, "CLOSED", "OPEN")) == [
        "open", "slam / bounce"]
    assert len(graph.edges) == len(DOOR) + 1  # and the initial arrow


def test_current_state_and_last_transition_are_highlighted():
    graph = parse(door(current=Door.CLOSED, last=(Door.OPEN, "close", Door.CLOSED)).dot)
    current = graph.nodes["state:CLOSED"]
    assert "filled" in current["style"] and "bold" in current["style"]
    assert current["fillcolor"] and float(current["penwidth"]) >= 2
    assert "filled" not in graph.nodes["state:OPEN"]["style"]
    (last,) = edges(graph, "OPEN", "CLOSED")
    assert float(last.attrs["penwidth"]) >= 2 and last.attrs["color"] == current["color"]
    others = [e for e in graph.edges if e is not last]
    assert not any("penwidth" in e.attrs for e in others)


def test_the_dot_text_is_deterministic():
    first = door(current=Door.OPEN).dot
    assert first == door(current=Door.OPEN).dot
    names = [n for n in parse(first).nodes if n.startswith("state:")]
    assert names == ["state:OPEN", "state:CLOSED", "state:LOCKED"]


def test_every_output_renders(tmp_path):
    diagram = door(finals=[Door.LOCKED], current=Door.CLOSED, title="Door")
    svg = assert_renders(diagram, tmp_path)
    assert "CLOSED" in svg and "lock [has key] / turn key" in svg


def test_mermaid_export():
    text = door(finals=[Door.LOCKED], current=Door.CLOSED, title="Door").to_mermaid()
    lines = text.splitlines()
    assert "stateDiagram-v2" in lines and "title: Door" in lines
    for line in ('state "OPEN" as s0', "[*] --> s0", "s1 --> s2 : lock [has key] / turn key",
                 "s2 --> s2 : kick / hurt foot", "s2 --> [*]", "class s1 current"):
        assert line in lines, line


def test_plantuml_export():
    text = door(finals=[Door.LOCKED], last=(Door.OPEN, "close", Door.CLOSED)).to_plantuml()
    lines = text.splitlines()
    assert lines[0] == "@startuml" and lines[-1] == "@enduml"
    assert "[*] --> s0" in lines and "s2 --> [*]" in lines
    assert any(line.startswith("s0 -[") and line.endswith("-> s1 : close") for line in lines)


@needs_plantuml
def test_plantuml_export_is_valid_plantuml(tmp_path):
    diagram = door(finals=[Door.LOCKED], current=Door.CLOSED,
                   last=(Door.OPEN, "close", Door.CLOSED), title="Door")
    assert_valid_plantuml(diagram.to_plantuml(), tmp_path)


@pytest.mark.parametrize(("transitions", "message"), [
    ({("Locked",): "Unlocked"}, r"transition key \('Locked',\) is not a \(state, event\) pair"),
    ([("a", "go")], r"transition \('a', 'go'\) is not \(source, event, target"),
    ([("a", "go", "b"), "oops"], r"transition 'oops' is not"),
    ([("a", "go", "b", "g", "act", "extra")], r"'extra'\) is not"),
    ([(None, "go", "b")], "empty source or target"),
    ([], "at least one transition"),
])
def test_malformed_transitions_are_named(transitions, message):
    with pytest.raises(ValueError, match=message):
        state_diagram(transitions)


def test_not_transitions_at_all_is_a_type_error():
    with pytest.raises(TypeError, match="42 is not transitions"):
        state_diagram(42)


@pytest.mark.parametrize(("options", "message"), [
    ({"current": "Flying"}, "current state 'Flying' is not among the states"),
    ({"initial": "Nowhere"}, "initial state 'Nowhere' is not among the states"),
    ({"finals": ["Gone"]}, "final state 'Gone' is not among the states"),
    ({"last": ("Locked", "push", "Unlocked")}, "last transition .* is not"),
])
def test_unknown_states_are_named(options, message):
    with pytest.raises(ValueError, match=message):
        state_diagram(TURNSTILE, **options)
