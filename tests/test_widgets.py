"""The widgets, driven from Python: clicks, value changes, the redrawn diagrams, fallbacks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

import pytest

import lld_helpers.diagrams.model as model_module
from lld_helpers.diagrams import class_diagram, sequence_diagram, state_diagram, trace_sequence
from lld_helpers.widgets import (
    DiagramExplorer,
    Question,
    Quiz,
    SequencePlayer,
    StateMachineExplorer,
    Step,
    Timeline,
)
from lld_helpers.widgets.sequence_player import highlight

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
ORDER = [
    ("pending", "pay", "paid"),
    ("pending", "cancel", "cancelled"),
    ("paid", "ship", "shipped"),
    ("paid", "cancel", "cancelled"),
    ("shipped", "deliver", "delivered"),
    ("delivered", "refund", "refunded", "within 30 days"),
]


def assert_fallback(widget, *needles):
    """The bundle carries the live view, an HTML picture of it as it stands, and plain text."""
    bundle = widget._repr_mimebundle_()
    assert bundle[WIDGET_VIEW]["model_id"] == widget.widget.model_id
    assert bundle["text/plain"] == repr(widget)
    for needle in needles:
        assert needle in bundle["text/html"], needle
    return bundle["text/html"]


# --- StateMachineExplorer -------------------------------------------------------------------


def highlighted_state(svg: str) -> str:
    """The text of the one node filled with the highlight colour."""
    nodes = re.findall(r'<g id="[^"]*" class="node">(.*?)</g>', svg, re.S)
    (node,) = [n for n in nodes if 'fill="#dbeafe"' in n]
    return re.search(r"<text[^>]*>([^<]*)</text>", node).group(1)


def order_explorer(**options):
    return StateMachineExplorer(ORDER, "pending", finals=["cancelled", "refunded"], **options)


def test_events_allowed_in_the_current_state_are_enabled_the_others_say_why_not():
    explorer = order_explorer()
    assert explorer.state == "pending" and explorer.history == []
    assert list(explorer.buttons) == ["pay", "cancel", "ship", "deliver", "refund"]
    enabled = {event for event, button in explorer.buttons.items() if not button.disabled}
    assert enabled == {"pay", "cancel"}
    assert explorer.buttons["pay"].tooltip == "pay → paid"
    assert explorer.buttons["ship"].tooltip == "ship: not possible in pending (only in paid)"
    assert explorer.buttons["cancel"].tooltip == "cancel → cancelled"
    assert highlighted_state(explorer.picture.value) == "pending"


def test_a_click_moves_the_state_and_redraws_the_diagram():
    explorer = order_explorer()
    explorer.buttons["pay"].click()
    assert explorer.state == "paid"
    assert explorer.history == [Step("pending", "pay", "paid")]
    model = explorer.diagram.model
    assert model.current == "paid" and model.last == ("pending", "pay", "paid")
    assert highlighted_state(explorer.picture.value) == "paid"
    assert {e for e, b in explorer.buttons.items() if not b.disabled} == {"ship", "cancel"}
    explorer.buttons["ship"].click()
    assert explorer.state == "shipped" and [s.event for s in explorer.history] == ["pay", "ship"]
    assert "pay → ship" in explorer.status.value


def test_reset_starts_over():
    explorer = order_explorer()
    explorer.fire("pay")
    explorer.fire("cancel")
    assert all(b.disabled for b in explorer.buttons.values()), "cancelled is final"
    explorer.reset()
    assert explorer.state == "pending" and explorer.history == []
    assert explorer.diagram.model.last is None
    assert highlighted_state(explorer.picture.value) == "pending"


def test_guards_are_asked_on_every_step_and_on_refresh():
    days = {"since delivery": 10}

    def within_30_days():
        return days["since delivery"] <= 30, f"delivered {days['since delivery']} days ago"

    explorer = order_explorer(guards={("delivered", "refund"): within_30_days,
                                      ("paid", "ship"): lambda: True})
    for event in ("pay", "ship", "deliver"):
        explorer.fire(event)
    assert not explorer.buttons["refund"].disabled
    days["since delivery"] = 45
    explorer.refresh()
    button = explorer.buttons["refund"]
    assert button.disabled
    assert button.tooltip == "refund [within 30 days]: delivered 45 days ago"
    assert "Blocked" in explorer.status.value and "45 days" in explorer.status.value
    with pytest.raises(ValueError, match="delivered 45 days ago"):
        explorer.fire("refund")
    assert explorer.state == "delivered"


def test_a_guard_may_return_a_bare_bool():
    explorer = StateMachineExplorer(ORDER, "pending", guards={("pending", "pay"): lambda: False})
    assert explorer.buttons["pay"].disabled
    assert explorer.buttons["pay"].tooltip == "pay: its guard is false"


def test_on_step_drives_an_object_of_the_notebook_and_may_refuse():
    seen = []

    class Order:
        def pay(self):
            seen.append("paid")

        def ship(self):
            raise RuntimeError("the warehouse is closed")

    order = Order()
    explorer = order_explorer(on_step=lambda source, event, target: (
        seen.append((source, event, target)), getattr(order, event)()))
    explorer.buttons["pay"].click()
    assert seen == [("pending", "pay", "paid"), "paid"]
    explorer.buttons["ship"].click()  # a click shows the error instead of losing it
    assert explorer.state == "paid" and len(explorer.history) == 1
    assert "warehouse is closed" in explorer.status.value
    with pytest.raises(RuntimeError, match="warehouse"):
        explorer.fire("ship")


def test_refused_and_unknown_events_are_errors():
    explorer = order_explorer()
    with pytest.raises(ValueError, match=r"ship: not possible in pending \(only in paid\)"):
        explorer.fire("ship")
    with pytest.raises(ValueError, match="unknown event 'fly'; the events are pay, cancel"):
        explorer.fire("fly")
    assert explorer.state == "pending"


def test_bad_machines_are_refused_at_construction():
    with pytest.raises(ValueError, match="two transitions leave 'a' on 'go'"):
        StateMachineExplorer([("a", "go", "b"), ("a", "go", "c")], "a")
    with pytest.raises(ValueError, match=r"guards \[\('a', 'fly'\)\]"):
        StateMachineExplorer([("a", "go", "b")], "a", guards={("a", "fly"): lambda: True})
    with pytest.raises(ValueError, match="initial state 'z'"):
        StateMachineExplorer([("a", "go", "b")], "z")


class Light(Enum):
    RED = 1
    GREEN = 2


def test_enum_states_and_events_are_shown_and_fired_by_name():
    explorer = StateMachineExplorer({(Light.RED, "go"): Light.GREEN,
                                     (Light.GREEN, "stop"): Light.RED}, Light.RED)
    assert explorer.fire("go") == "GREEN"
    assert highlighted_state(explorer.picture.value) == "GREEN"


def test_state_explorer_fallback_shows_the_diagram_as_it_stands():
    explorer = order_explorer(title="An order")
    explorer.fire("pay")
    html = assert_fallback(explorer, "<svg", "An order", "<b>State:</b> paid")
    assert highlighted_state(html) == "paid"


# --- DiagramExplorer ------------------------------------------------------------------------


class Engine:
    def __init__(self, power: int) -> None:
        self.power = power
        self._serial = "x"

    def start(self) -> None: ...


@dataclass
class Wheel:
    size: int


class Car:
    def __init__(self) -> None:
        self.engine = Engine(100)
        self.wheels = [Wheel(16) for _ in range(4)]

    def drive(self) -> None: ...


class Garage:
    def __init__(self, cars: list[Car]) -> None:
        self.cars = cars


def names(diagram):
    return {node.name for node in diagram.model.classes}


def test_explorer_draws_the_chosen_classes_and_follows_the_toggles():
    explorer = DiagramExplorer([Engine, Wheel, Car, Garage], title="Cars")
    assert names(explorer.diagram) == {"Engine", "Wheel", "Car", "Garage"}
    assert explorer.diagram.model.title == "Cars"
    explorer.methods.value = False
    assert not explorer.diagram.model.show_methods
    explorer.attributes.value = False
    assert not explorer.diagram.model.show_attributes
    engine = lambda: next(n for n in explorer.diagram.model.classes if n.name == "Engine")  # noqa: E731
    assert "_serial" not in {a.name for a in engine().attributes}
    explorer.private.value = True
    assert "_serial" in {a.name for a in engine().attributes}
    explorer.direction.value = "LR"
    assert explorer.diagram.model.direction == "LR" and "rankdir=LR" in explorer.diagram.dot
    assert "<svg" in explorer.picture.value


def test_focus_and_depth_keep_a_class_and_its_neighbours():
    explorer = DiagramExplorer([Engine, Wheel, Car, Garage])
    assert explorer.depth.disabled
    explorer.focus.value = Garage
    assert not explorer.depth.disabled
    assert names(explorer.diagram) == {"Garage", "Car"}
    explorer.depth.value = 2
    assert names(explorer.diagram) == {"Garage", "Car", "Engine", "Wheel"}
    explorer.depth.value = 0
    assert names(explorer.diagram) == {"Garage"}


def test_choosing_classes_limits_the_focus_to_them():
    explorer = DiagramExplorer([Engine, Wheel, Car, Garage])
    explorer.focus.value = Car
    explorer.classes.value = (Engine, Wheel)
    assert explorer.focus.value is None and explorer.depth.disabled
    assert [value for _, value in explorer.focus.options] == [None, Engine, Wheel]
    assert names(explorer.diagram) == {"Engine", "Wheel"}
    explorer.classes.value = ()
    assert explorer.diagram is None and "Choose at least one class" in explorer.picture.value


def test_a_module_gives_all_its_classes():
    explorer = DiagramExplorer(model_module)
    assert names(explorer.diagram) == names(class_diagram(model_module))
    assert repr(explorer) == "<DiagramExplorer of 7 classes>"


def test_export_offers_svg_mermaid_and_plantuml():
    explorer = DiagramExplorer([Car, Engine])
    assert explorer.export("Mermaid").startswith("classDiagram")
    assert explorer.export("PlantUML").startswith("@startuml")
    assert "<svg" in explorer.export("SVG")
    button = explorer.export_button
    button.click()
    (link,) = explorer.exported.children
    assert 'download="diagram.svg" href="data:image/svg+xml;base64,' in link.value
    explorer.export_format.value = "Mermaid"
    button.click()
    (text,) = explorer.exported.children
    assert text.value == explorer.export("Mermaid")
    explorer.methods.value = False
    assert explorer.exported.children == (), "a stale export is cleared"
    with pytest.raises(ValueError, match="must be one of SVG, Mermaid, PlantUML"):
        explorer.export("PNG")


def test_diagram_explorer_fallback_and_bad_input():
    assert_fallback(DiagramExplorer(Car), "<svg", "Car")
    with pytest.raises(TypeError, match="not a class or a module"):
        DiagramExplorer([42])
    with pytest.raises(ValueError, match="no classes to draw"):
        DiagramExplorer([])


# --- SequencePlayer -------------------------------------------------------------------------

CHECKOUT = [("shop", "order", "add(item)"), ("order", "order", "price_of(item)"),
            ("order", "shop", "total", "return"), ("shop", "payments", "charge(10)", "async")]


def painted(svg: str, index: int) -> bool:
    """Whether message `index` (from 0) is drawn in the highlight colour."""
    groups = re.findall(rf'<g id="[^"]*_message{index}(?:_\d+)?"[^>]*>(.*?)</g>', svg, re.S)
    return bool(groups) and all('stroke="#1d4ed8"' in g for g in groups)


def faded(svg: str, index: int) -> bool:
    heads = re.findall(rf'<g id="[^"]*_(?:message|label){index}(?:_\d+)?"[^>]*>', svg)
    return bool(heads) and all('opacity="0.18"' in head for head in heads)


def test_the_player_steps_message_by_message():
    player = SequencePlayer(CHECKOUT)
    assert (player.slider.min, player.slider.max, player.step) == (0, 4, 1)
    assert painted(player.picture.value, 0) and all(faded(player.picture.value, i)
                                                    for i in (1, 2, 3))
    player.slider.value = 2
    svg = player.picture.value
    assert player.message.label == "price_of(item)"
    assert painted(svg, 1) and not painted(svg, 0) and not faded(svg, 0)
    assert len(re.findall(r'_message1(?:_\d+)?"', svg)) == 3, "a self-call's whole loop"
    assert "2 of 4:" in player.caption.value and "price_of(item)" in player.caption.value
    player.play.value = 4  # the play button drives the slider
    assert player.step == 4 and painted(player.picture.value, 3)
    player.step = 0
    assert player.message is None and all(faded(player.picture.value, i) for i in range(4))
    with pytest.raises(ValueError, match="step must be from 0 to 4"):
        player.step = 5


def test_the_player_takes_a_trace_or_a_sequence_diagram():
    class Counter:
        def __init__(self) -> None:
            self.count = 0

        def add(self, n: int) -> int:
            self.count += n
            return self.count

    with trace_sequence(Counter) as trace:
        Counter().add(2)
    from_trace = SequencePlayer(trace)
    assert [m.kind for m in from_trace.messages] == ["create", "sync", "return"]
    diagram = sequence_diagram(CHECKOUT)
    assert SequencePlayer(diagram).diagram is diagram
    with pytest.raises(TypeError, match="is not a sequence diagram"):
        SequencePlayer(state_diagram(ORDER))
    with pytest.raises(ValueError, match="expected"):
        SequencePlayer([("a", "b")])


def test_highlight_recolours_only_the_current_message():
    svg = sequence_diagram(CHECKOUT).svg()
    # 4 arrows, 4 labels and the 2 first segments of the self-call's loop
    assert highlight(svg, 0).count('opacity="0.18"') == 10
    assert highlight(svg, 4).count("opacity=") == 0 and painted(highlight(svg, 4), 3)


def test_sequence_player_fallback():
    player = SequencePlayer(CHECKOUT)
    player.step = 3
    assert_fallback(player, "3 of 4:", "<svg")


# --- Timeline -------------------------------------------------------------------------------


def test_timeline_samples_a_simulation_in_order_and_reads_values_at_the_cursor():
    asked = []

    def simulate(t):
        asked.append(t)
        return {"tokens": min(5.0, t), "waiting": 1.0}

    timeline = Timeline(simulate, duration=3, step=0.5, title="Bucket")
    assert asked == [0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]
    assert timeline.series["tokens"] == [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]
    assert timeline.values == {"tokens": 0.0, "waiting": 1.0}
    before = timeline.image.value
    timeline.slider.value = 2.0
    assert timeline.time == 2.0 and timeline.values["tokens"] == 2.0
    assert "<b>tokens</b> = 2" in timeline.readout.value
    assert timeline.image.value != before and bytes(timeline.image.value).startswith(b"\x89PNG")
    timeline.time = 7  # clamped to the last sample
    assert timeline.time == 3.0 and timeline.at(0.74) == {"tokens": 0.5, "waiting": 1.0}


def test_timeline_of_precomputed_series_and_bad_input():
    timeline = Timeline({"floor": [0, 1, 2, 2, 1]}, step=2.0)
    assert timeline.times == [0, 2.0, 4.0, 6.0, 8.0] and timeline.slider.max == 8.0
    timeline.time = 4
    assert timeline.values == {"floor": 2.0}
    html = assert_fallback(timeline, 'src="data:image/png;base64,', "<b>floor</b> = 2")
    assert "t = 4" in html
    with pytest.raises(ValueError, match="positive duration"):
        Timeline(lambda t: {"x": t})
    with pytest.raises(ValueError, match="equal length"):
        Timeline({"a": [1, 2], "b": [1]})
    with pytest.raises(ValueError, match="step must be positive"):
        Timeline({"a": [1]}, step=0)


# --- Quiz -----------------------------------------------------------------------------------


def questions():
    return [
        Question("Which **pillar** hides `how`?", {
            "Abstraction": "It names a job and hides how it is done.",
            "Inheritance": "It shares behaviour; it hides nothing."}, correct="Abstraction"),
        Question("Which are immutable?", {
            "tuple": "Yes.", "list": "It has append.", "frozenset": "Yes."},
            correct={"tuple", "frozenset"}),
    ]


def test_single_choice_feedback_explains_every_option_and_scores():
    quiz = Quiz(questions(), title="Pillars")
    view = quiz.views[0]
    assert view.radio is not None and view.radio.options == ("Abstraction", "Inheritance")
    assert view.radio.value is None and quiz.score == (0, 2)
    view.radio.value = "Inheritance"
    view.button.click()
    assert "Not quite" in view.feedback.value
    assert "Inheritance</b> <i>(your choice)</i>: It shares behaviour" in view.feedback.value
    assert "hides how it is done" in view.feedback.value
    assert quiz.score == (0, 2) and "0 of 2 right (1 checked)" in quiz.scoreboard.value
    view.radio.value = "Abstraction"
    assert view.feedback.value == "", "a changed answer hides the stale feedback"
    assert quiz.check(0) is True and "Right." in view.feedback.value
    assert quiz.score == (1, 2) and repr(quiz) == "<Quiz 'Pillars': 1 of 2 right>"


def test_multiple_choice_needs_exactly_the_correct_set():
    quiz = Quiz(questions())
    view = quiz.views[1]
    assert view.radio is None and [b.description for b in view.boxes] == [
        "tuple", "list", "frozenset"]
    assert quiz.check(1) is None and "Choose an answer first" in view.feedback.value
    assert quiz.score == (0, 2), "checking nothing is not an attempt"
    view.boxes[0].value = True
    view.button.click()
    assert "Not quite" in view.feedback.value and quiz.score == (0, 2)
    quiz.answer(1, "tuple", "frozenset")
    assert quiz.check(1) is True and quiz.score == (1, 2)
    quiz.answer(1, "tuple", "list", "frozenset")
    assert quiz.check(1) is False and quiz.score == (0, 2), "the score follows the last check"
    with pytest.raises(ValueError, match="cannot choose"):
        quiz.answer(0, "Abstraction", "Inheritance")


@pytest.mark.parametrize(("arguments", "error"), [
    (("Q1?", {"A": "a", "B": "b"}, "C"), r"question 'Q1\?': the correct options \['C'\]"),
    (("Q2?", {"A": "a", "B": "b"}, {"A", "C"}), r"question 'Q2\?'.*\['C'\]"),
    (("Q3?", {"A": "a", "B": "b"}, {"A", "B"}, False), r"question 'Q3\?': a single-choice"),
    (("Q4?", {"A": "a"}, "A"), r"question 'Q4\?': options must be a dict of at least two"),
    (("Q5?", {"A": "a", "B": "b"}, set()), r"question 'Q5\?'.*\(none\)"),
    (("", {"A": "a", "B": "b"}, "A"), "the prompt must be non-empty"),
    (("Q6?", {"A": 1, "B": "b"}, "A"), r"question 'Q6\?': options and their explanations"),
])
def test_questions_are_validated_at_construction(arguments, error):
    with pytest.raises(ValueError, match=error):
        Question(*arguments)


def test_quiz_checks_its_questions_and_stores_nothing(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match="at least one question"):
        Quiz([])
    with pytest.raises(TypeError, match="question 1 is 'Q', not a Question"):
        Quiz(["Q"])
    assert Question("Q?", {"A": "a", "B": "b"}, "A", multiple=True).multiple
    monkeypatch.chdir(tmp_path)
    quiz = Quiz(questions())
    quiz.answer(0, "Abstraction")
    quiz.check(0)
    assert list(tmp_path.iterdir()) == [], "a quiz writes no file"


def test_quiz_fallback_lists_questions_with_answers_hidden():
    html = assert_fallback(Quiz(questions(), title="Pillars"), "<h3>Pillars</h3>",
                           "Which <b>pillar</b> hides <code>how</code>?", "○ Abstraction",
                           "☐ frozenset")
    visible, hidden = html.split("<details>", 1)
    assert "hides how it is done" not in visible and "✔" not in visible
    assert "<summary>Answer</summary>" in hidden and "✔ <b>Abstraction</b>" in hidden
