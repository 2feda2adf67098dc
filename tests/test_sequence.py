"""Sequence diagrams: the spec builder, the tracer, UML notation in the pinned DOT, exports."""

from __future__ import annotations

import re
import sys
import threading
import types

import pytest
from dot_structure import parse
from uml_checks import assert_renders, assert_valid_plantuml, needs_plantuml

from lld_helpers.diagrams import sequence_diagram, trace_sequence
from lld_helpers.diagrams.sequence import Activation, Frame, Message, SequenceModel
from lld_helpers.diagrams.tracing import MAX_MESSAGES

CHECKOUT = [
    ("user", "shop", "checkout(cart)"),
    ("shop", "order", "Order(items)", "create"),
    ("order", "order", "validate()"),
    ("order", "order", "True", "return"),
    ("shop", "db", "save(order)", "async"),
    ("shop", "order", "total()"),
    ("order", "shop", "42", "return"),
    ("shop", "user", "receipt", "return"),
    ("user", "order", "", "destroy"),
]


def checkout(**options):
    return sequence_diagram(CHECKOUT, actors=["user"], **options)


# --- traced code -----------------------------------------------------------------------


class Item:
    def __init__(self, name: str, price: float) -> None:
        self.name, self.price = name, price


class Inventory:
    def __init__(self) -> None:
        self.stock = {"pen": 5, "ink": 0}

    def reserve(self, item: Item, quantity: int = 1) -> bool:
        if self.stock.get(item.name, 0) < quantity:
            raise ValueError(f"out of {item.name}")
        self.stock[item.name] -= quantity
        return True

    @staticmethod
    def units() -> str:
        return "pcs"

    @classmethod
    def empty(cls) -> Inventory:
        return cls()


class Order:
    def __init__(self, inventory: Inventory) -> None:
        self.inventory = inventory
        self.items: list[Item] = []

    def add(self, item: Item) -> bool:
        self._check(item)
        try:
            self.inventory.reserve(item)
        except ValueError:
            return False
        self.items.append(item)
        return True

    def _check(self, item: Item) -> bool:
        return item.price > 0

    def total(self) -> float:
        return sum(self.price_of(item) for item in self.items)

    def price_of(self, item: Item) -> float:
        return item.price

    def lines(self) -> list[str]:
        return [f"line {n}" for n in range(10)]

    def reorder(self, *items: Item, rush: bool = False) -> int:
        return len(items)


SCOPE = (Item, Inventory, Order)


def traced(block, *scope, **options):
    with trace_sequence(*(scope or SCOPE), **options) as trace:
        block()
    return trace


def shop_block():
    order = Order(Inventory())
    pen = Item("pen", 2.5)
    for _ in range(3):
        order.add(pen)
    order.add(Item("ink", 1.0))
    order.total()


def arrows(messages):
    return [(m.sender, m.receiver, m.label, m.kind) for m in messages]


# --- helpers on the DOT text -------------------------------------------------------------

_POS = re.compile(r'^\s*(n\d+) \[pos="([-\d.]+),([-\d.]+)!"', re.M)


def positions(dot: str) -> dict[str, tuple[float, float]]:
    """Node -> (x, y) in points, y growing downwards, as pinned in the DOT text."""
    return {name: (float(x), -float(y)) for name, x, y in _POS.findall(dot)}


def message_edge(graph, index):
    (edge,) = [e for e in graph.edges if e.attrs.get("id") == f"message{index}"]
    return edge


def of_class(graph, cls):
    return {name: attrs for name, attrs in graph.nodes.items() if attrs.get("class") == cls}


# --- the spec builder --------------------------------------------------------------------


def test_model_participants_messages_depths_and_activations():
    model = checkout().model
    assert isinstance(model, SequenceModel) and model.engine == "neato -n2"
    assert [p.name for p in model.participants] == ["user", "shop", "order", "db"]
    assert [p.actor for p in model.participants] == [True, False, False, False]
    assert [(m.kind, m.depth) for m in model.messages] == [
        ("sync", 1), ("create", 2), ("sync", 3), ("return", 3), ("async", 2), ("sync", 2),
        ("return", 2), ("return", 1), ("destroy", 1)]
    assert model.activations == [
        Activation("shop", 0, 7, 0, True),
        Activation("order", 1, 3, 0, False),  # the constructor's run ends when shop goes on
        Activation("order", 2, 3, 1, True),  # the self-call, nested one level
        Activation("order", 5, 6, 0, True),
    ]
    assert model.frames == []


def test_an_async_signal_from_outside_does_not_end_running_calls():
    model = sequence_diagram([("ui", "api", "post"), ("queue", "ui", "notify", "async"),
                              ("api", "ui", "202", "return")]).model
    assert model.activations == [Activation("api", 0, 2, 0, True)]
    assert [m.depth for m in model.messages] == [1, 1, 1]


def test_given_participants_set_the_order():
    model = sequence_diagram([("a", "b", "x")], participants=["b", "c", "a"]).model
    assert [p.name for p in model.participants] == ["b", "c", "a"]


@pytest.mark.parametrize(("messages", "options", "error"), [
    ([("a", "b")], {}, r"messages\[0\] = \('a', 'b'\): expected \(sender, receiver, label\)"),
    ([("a", "b", "x"), "ab"], {}, r"messages\[1\] = 'ab': expected"),
    ([("a", "b", "x", "call")], {},
     r"messages\[0\] = .*unknown kind 'call'; use one of sync, async, return, create, destroy"),
    ([("a", None, "x")], {}, "sender and receiver must be non-empty strings"),
    ([("a", "a", "new", "create")], {}, "a participant cannot create itself"),
    ([("a", "b", "x"), ("a", "b", "new", "create")], {}, r"messages\[1\].*'b' already appeared"),
    ([("a", "b", "", "destroy"), ("a", "b", "x")], {}, r"messages\[1\].*'b' was destroyed"),
    ([("a", "b", "x")], {"participants": ["a"]}, r"names 'b', which is not in participants"),
    ([("a", "b", "x")], {"participants": ["a", "b", "a"]}, "name someone twice"),
    ([("a", "b", "x")], {"actors": ["c"]}, r"actors \['c'\] are not participants"),
    ([], {}, "at least one message or participant"),
])
def test_bad_specs_are_named(messages, options, error):
    with pytest.raises(ValueError, match=error):
        sequence_diagram(messages, **options)


def test_not_a_list_of_messages_is_a_type_error():
    with pytest.raises(TypeError, match="42 is not a list of messages"):
        sequence_diagram(42)


# --- UML notation in the DOT --------------------------------------------------------------


def test_arrows_in_uml_notation():
    graph = parse(checkout().dot)
    style = {i: (message_edge(graph, i).attrs["style"], message_edge(graph, i).attrs["arrowhead"])
             for i in range(len(CHECKOUT))}
    assert style[0] == ("solid", "normal")  # synchronous: filled head
    assert style[4] == ("solid", "vee")  # asynchronous: open head
    assert style[6] == ("dashed", "vee")  # return
    assert style[1] == ("dashed", "vee")  # create
    lifelines = [e for e in graph.edges if e.attrs.get("class") == "lifeline"]
    assert lifelines and all(e.attrs["style"] == "dashed" for e in lifelines)


def test_heads_bars_and_creation_are_placed_in_time():
    diagram = checkout()
    graph, pos = parse(diagram.dot), positions(diagram.dot)
    heads = {attrs["label"]: name for name, attrs in of_class(graph, "head").items()}
    assert {"user", "shop", "order", "db"} <= set(heads)
    assert pos[heads["shop"]][1] == pos[heads["db"]][1]  # heads on top, in one row
    create = message_edge(graph, 1)
    assert pos[heads["order"]][1] == pos[create.head][1]  # born where it is created
    head_box = graph.nodes[heads["order"]]
    assert pos[create.head][0] == pytest.approx(
        pos[heads["order"]][0] - float(head_box["width"]) * 36, abs=0.2)  # at its left side
    assert len(of_class(graph, "activation")) == 4


def test_self_call_loops_back_to_a_nested_bar():
    diagram = checkout()
    graph, pos = parse(diagram.dot), positions(diagram.dot)
    call = message_edge(graph, 2)
    (leg,) = [e for e in graph.edges if e.head == call.tail]
    (first,) = [e for e in graph.edges if e.head == leg.tail]
    start, out, down, end = (pos[first.tail], pos[first.head], pos[call.tail], pos[call.head])
    assert start[1] == out[1] and out[0] == down[0] and down[1] == end[1] > start[1]
    assert out[0] > start[0] and end[0] > start[0]  # out to the right, back into the inner bar


def test_destroy_ends_the_lifeline_with_a_cross():
    diagram = checkout()
    graph, pos = parse(diagram.dot), positions(diagram.dot)
    crosses = [e for e in graph.edges if e.attrs.get("class") == "destroy"]
    assert len(crosses) == 2
    y = pos[message_edge(graph, 8).head][1]
    assert all(min(pos[e.tail][1], pos[e.head][1]) < y < max(pos[e.tail][1], pos[e.head][1])
               for e in crosses)
    x = pos[message_edge(graph, 8).head][0]
    order_lifeline = [e for e in graph.edges
                      if e.attrs.get("class") == "lifeline" and pos[e.head][0] == x]
    assert max(pos[e.head][1] for e in order_lifeline) == y


def test_numbering_and_title():
    diagram = checkout(numbered=True, title="Checkout")
    graph = parse(diagram.dot)
    assert graph.attrs["label"] == "Checkout"
    labels = {attrs["label"] for attrs in graph.nodes.values() if "id" in attrs}
    assert {"1: checkout(cart)", "2: «create» Order(items)", "9: «destroy»"} <= labels


def test_every_output_renders(tmp_path):
    svg = assert_renders(checkout(title="Checkout"), tmp_path)
    assert "checkout(cart)" in svg and "«create» Order(items)" in svg


# --- exports ------------------------------------------------------------------------------

MERMAID = """\
sequenceDiagram
actor user
participant shop
participant db
user->>shop: checkout(cart)
activate shop
create participant order
shop-->>order: «create» Order(items)
activate order
order->>order: validate()
activate order
order-->>order: True
deactivate order
deactivate order
shop-)db: save(order)
shop->>order: total()
activate order
order-->>shop: 42
deactivate order
shop-->>user: receipt
deactivate shop
destroy order
user-xorder: «destroy»
"""

PLANTUML = """\
@startuml
actor "user" as user order 0
participant "shop" as shop order 1
participant "db" as db order 3
user -> shop : checkout(cart)
activate shop
create participant "order" as order order 2
shop --> order : «create» Order(items)
activate order
order -> order : validate()
activate order
order --> order : True
deactivate order
deactivate order
shop ->> db : save(order)
shop -> order : total()
activate order
order --> shop : 42
deactivate order
shop --> user : receipt
deactivate shop
user -> order : «destroy»
destroy order
@enduml
"""


def test_mermaid_export():
    assert checkout().to_mermaid() == MERMAID


def test_plantuml_export():
    assert checkout().to_plantuml() == PLANTUML


def test_exports_escape_and_number():
    diagram = sequence_diagram([("a b", "c", "x; y #1"), ("c", "a b", "", "return")],
                               numbered=True, title="T")
    mermaid = diagram.to_mermaid().splitlines()
    assert mermaid[:5] == ["---", "title: T", "---", "sequenceDiagram", "autonumber"]
    assert "participant p0 as a b" in mermaid and "p0->>c: x#59; y #35;1" in mermaid
    assert "c-->>p0: #32;" in mermaid  # Mermaid needs some text after the colon
    plantuml = diagram.to_plantuml().splitlines()
    assert plantuml[1:3] == ["title T", "autonumber"] and "c --> p0" in plantuml


@needs_plantuml
def test_exports_are_valid_plantuml(tmp_path):
    trace = traced(shop_block)
    text = checkout(title="Checkout").to_plantuml() + trace.diagram(numbered=True).to_plantuml()
    assert_valid_plantuml(text, tmp_path)


# --- the tracer ---------------------------------------------------------------------------


def test_one_lifeline_per_object_and_creation():
    def block():
        first, second = Order(Inventory()), Order(Inventory())
        first.total()
        second.total()

    trace = traced(block)
    assert arrows(trace.messages) == [
        ("caller", "inventory", "Inventory()", "create"),
        ("caller", "order", "Order(inventory)", "create"),
        ("caller", "inventory2", "Inventory()", "create"),
        ("caller", "order2", "Order(inventory2)", "create"),
        ("caller", "order", "total()", "sync"),
        ("order", "caller", "0", "return"),
        ("caller", "order2", "total()", "sync"),
        ("order2", "caller", "0", "return"),
    ]
    model = trace.diagram().model
    assert [p.label for p in model.participants] == [
        "caller", "inventory:Inventory", "order:Order", "inventory2:Inventory", "order2:Order"]
    assert model.participants[0].actor


def test_calls_self_calls_returns_and_loops():
    trace = traced(shop_block)
    model = trace.diagram().model
    assert arrows(model.messages[3:7]) == [
        ("caller", "order", "add(item)", "sync"),
        ("order", "inventory", "reserve(item, 1)", "sync"),
        ("inventory", "order", "True", "return"),
        ("order", "caller", "True", "return"),
    ]
    assert arrows(model.messages[13:15]) == [("order", "order", "price_of(item)", "sync"),
                                             ("order", "order", "2.5", "return")]
    # three identical add calls (with what they sent), and three price_of self-calls, once each
    assert model.frames == [Frame("loop", "3 times", 3, 6), Frame("loop", "3 times", 13, 14)]
    assert len(trace.messages) == len(model.messages) + 2 * 4 + 2 * 2


def test_exceptions_are_red_returns_and_caught_ones_are_not():
    trace = traced(shop_block)
    raised = [m for m in trace.messages if m.raised]
    assert raised == [Message("inventory", "order", "raise ValueError('out of ink')", "return",
                              2, True)]
    after = trace.messages[trace.messages.index(raised[0]) + 1]
    assert (after.sender, after.label, after.raised) == ("order", "False", False)  # caught
    diagram = trace.diagram()
    index = diagram.model.messages.index(raised[0])
    edge = message_edge(parse(diagram.dot), index)
    assert edge.attrs["color"] == "red" and edge.attrs["style"] == "dashed"


def test_an_exception_leaving_the_block_still_restores_and_records():
    previous = sys.gettrace()
    with pytest.raises(ValueError), trace_sequence(*SCOPE) as trace:
        Inventory().reserve(Item("ink", 1))
    assert sys.gettrace() is previous
    assert trace.messages[-1].label == "raise ValueError('out of ink')"


def test_values_are_summarised_short_and_stable():
    def block():
        order = Order(Inventory())
        order.lines()
        order.reorder(Item("a", 1), Item("b", 2), rush=True)
        Inventory.units()
        Inventory.empty()

    messages = traced(block).messages
    lines = next(m for m in messages if m.kind == "return" and m.label.startswith("["))
    assert lines.label == "['line 0', 'line 1', 'line 2', ...]"
    assert ("caller", "order", "reorder(item, item2, rush=True)", "sync") in arrows(messages)
    assert ("caller", "Inventory", "units()", "sync") in arrows(messages)
    assert ("caller", "Inventory", "empty()", "sync") in arrows(messages)
    assert not any("0x" in m.label for m in messages)


def test_depth_limit():
    deep = traced(shop_block).messages
    shallow = traced(shop_block, depth=1).messages
    assert max(m.depth for m in deep) == 2 and {m.depth for m in shallow} == {1}
    assert [m for m in deep if m.depth == 1] == shallow


def test_private_calls_are_hidden_unless_asked_for():
    hidden = traced(shop_block).messages
    shown = traced(shop_block, private=True).messages
    assert not any(m.label.startswith("_") for m in hidden)
    assert ("order", "order", "_check(item)", "sync") in arrows(shown)
    assert len(shown) == len(hidden) + 2 * 4


def test_only_the_tracing_thread_is_recorded():
    def block():
        worker = threading.Thread(target=lambda: Order(Inventory()).total())
        worker.start()
        worker.join(timeout=2)
        Inventory()

    assert arrows(traced(block).messages) == [("caller", "inventory", "Inventory()", "create")]


def test_a_previous_trace_function_is_restored():
    def previous(frame, event, arg):
        return None

    old = sys.gettrace()
    sys.settrace(previous)
    try:
        traced(shop_block)
        assert sys.gettrace() is previous
    finally:
        sys.settrace(old)


def test_classes_defined_by_exec_without_source():
    namespace: dict = {}
    exec("class Counter:\n"
         "    def __init__(self):\n"
         "        self.n = 0\n"
         "    def up(self, by):\n"
         "        self.n += by\n"
         "        return self.n\n", namespace)
    counter_class = namespace["Counter"]

    def block():
        counter = counter_class()
        counter.up(2)

    trace = traced(block, counter_class)
    assert arrows(trace.messages) == [("caller", "counter", "Counter()", "create"),
                                      ("caller", "counter", "up(2)", "sync"),
                                      ("counter", "caller", "2", "return")]
    assert trace.diagram().dot


def test_scope_may_be_a_module_and_must_be_classes():
    module = types.ModuleType("shop_module")
    module.Item, Item.__module__ = Item, "shop_module"
    try:
        assert arrows(traced(lambda: Item("x", 1), module).messages) == [
            ("caller", "item", "Item('x', 1)", "create")]
    finally:
        Item.__module__ = __name__
    with pytest.raises(TypeError, match="42 is not a class or a module"):
        trace_sequence(42)
    with pytest.raises(ValueError, match="at least one class"):
        trace_sequence()
    with pytest.raises(ValueError, match="depth must be at least 1"):
        trace_sequence(Order, depth=0)


def test_nothing_recorded_and_reuse_are_explained():
    trace = traced(lambda: None)
    with pytest.raises(ValueError, match="no calls to objects of Item, Inventory, Order"):
        trace.diagram()
    with pytest.raises(RuntimeError, match="records one with block"), trace:
        pass


def test_traced_diagram_renders(tmp_path):
    diagram = traced(shop_block, title="Shop").diagram(numbered=True)
    svg = assert_renders(diagram, tmp_path)
    assert "raise ValueError" in svg and "loop [3 times]" in svg
    assert diagram.svg() == svg  # deterministic


def test_loop_frames_surround_their_messages_with_a_tag():
    diagram = traced(shop_block).diagram()
    graph, pos = parse(diagram.dot), positions(diagram.dot)
    boxes = [name for name, attrs in of_class(graph, "frame").items() if attrs["shape"] == "box"]
    tags = [attrs["label"] for attrs in of_class(graph, "frame").values()
            if attrs["shape"] == "plaintext"]
    assert tags == ["loop [3 times]", "loop [3 times]"] and len(boxes) == 2
    for box, frame in zip(boxes, diagram.model.frames, strict=True):
        x, y = pos[box]
        half_w = float(graph.nodes[box]["width"]) * 36
        half_h = float(graph.nodes[box]["height"]) * 36
        for index in (frame.first, frame.last):
            edge = message_edge(graph, index)
            for end in (edge.tail, edge.head):
                assert abs(pos[end][0] - x) < half_w and abs(pos[end][1] - y) < half_h


def test_a_long_trace_draws_its_beginning_and_says_so():
    def block():
        order = Order(Inventory())
        for n in range(400):
            order.price_of(Item(str(n), n))

    model = traced(block).diagram().model
    assert len(model.messages) == MAX_MESSAGES
    assert model.title == "the first 500 of 1202 messages: narrow the scope or set depth="
