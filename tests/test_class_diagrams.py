"""Class diagrams: the model read from live code, its UML notation, options and exports."""

from __future__ import annotations

import linecache
import shutil
import subprocess
import sys
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Annotated, ClassVar, Generic, Optional, Protocol, TypeVar, Union

import pytest
from dot_structure import parse

from lld_helpers.diagrams import GraphvizError, class_diagram
from lld_helpers.diagrams import graphviz as graphviz_runner
from lld_helpers.diagrams.model import RelationKind, Visibility

T = TypeVar("T")


class Status(Enum):
    OPEN = 1
    CLOSED = 2


class Notifier(Protocol):
    def send(self, message: str) -> None: ...


class Email:  # realizes Notifier structurally, never naming it
    def send(self, message: str) -> None:
        pass


class Shape(ABC):
    @abstractmethod
    def area(self) -> float: ...

    @staticmethod
    def unit() -> str:
        return "m"


class Circle(Shape):
    count: ClassVar[int] = 0

    def __init__(self, radius: float, notifier: Notifier) -> None:
        self.radius = radius
        self._notifier = notifier
        self.__secret = 1
        self.outbox = [Email() for _ in range(2)]

    def area(self) -> float:
        return 3.14 * self.radius**2

    def __repr__(self) -> str:
        return "Circle()"


@dataclass
class Item:
    price: Decimal


@dataclass
class Order:
    items: list[Item] = field(default_factory=list)
    status: Status = Status.OPEN
    shape: Optional[Shape] = None  # noqa: UP045 - the old spelling must work too
    backup: "Shape | None" = None  # noqa: UP037 - a string annotation on purpose
    tags: dict[str, Item] = field(default_factory=dict)
    pair: tuple[Item, ...] = ()
    either: Union[Circle, Email, None] = None  # noqa: UP007
    note: Annotated[Item, "why"] | None = None

    def add(self, item: Item) -> None:
        self.items.append(item)

    @property
    def total(self) -> Decimal:
        return sum((i.price for i in self.items), Decimal(0))


class Repository(Generic[T]):
    def get(self, key: int) -> T: ...


class Exporter:
    def export(self, order: Order) -> Email: ...


def model(**options):
    return class_diagram(sys.modules[__name__], **options).model


def node(m, name):
    return next(c for c in m.classes if c.name.split("<")[0] == name)


def relations(m, source, target):
    ids = {c.name.split("<")[0]: c.id for c in m.classes}
    return [r for r in m.relations if (r.source, r.target) == (ids[source], ids[target])]


def relation(m, source, target):
    found = relations(m, source, target)
    assert len(found) == 1, f"{len(found)} relations {source} -> {target}"
    return found[0]


# --- the model ---------------------------------------------------------------------------

def test_stereotypes():
    m = model()
    assert node(m, "Status").stereotypes == ("enumeration",)
    assert node(m, "Status").literals == ["OPEN", "CLOSED"]
    assert node(m, "Notifier").stereotypes == ("interface",)
    assert node(m, "Shape").is_abstract and node(m, "Shape").stereotypes == ("abstract",)
    assert node(m, "Order").stereotypes == ("dataclass",)
    assert node(m, "Repository").name == "Repository<T>"


def test_members_and_visibility():
    m = model(private=True)
    circle = {a.name: a for a in node(m, "Circle").attributes}
    assert circle["radius"].type == "float" and circle["radius"].visibility is Visibility.PUBLIC
    assert circle["_notifier"].visibility is Visibility.PROTECTED
    assert circle["__secret"].visibility is Visibility.PRIVATE
    assert circle["count"].is_static
    methods = {meth.name: meth for meth in node(m, "Shape").methods}
    assert methods["unit"].is_static and methods["area"].is_abstract
    assert methods["area"].returns == "float"
    total = next(a for a in node(m, "Order").attributes if a.name == "total")
    assert total.read_only and total.type == "Decimal"


def test_private_and_dunder_members_are_hidden_by_default():
    assert {a.name for a in node(model(), "Circle").attributes} == {"count", "radius", "outbox"}
    assert "__repr__" not in {meth.name for meth in node(model(), "Circle").methods}
    assert "__repr__" in {meth.name for meth in node(model(dunder=True), "Circle").methods}


def test_relations_from_every_kind_of_hint():
    m = model()
    assert relation(m, "Circle", "Shape").kind is RelationKind.GENERALIZATION
    assert relation(m, "Email", "Notifier").kind is RelationKind.REALIZATION
    assert relation(m, "Circle", "Notifier").kind is RelationKind.AGGREGATION
    outbox = relation(m, "Circle", "Email")
    assert (outbox.kind, outbox.multiplicity, outbox.role) == (
        RelationKind.COMPOSITION, "0..*", "outbox")
    expected = {"Item": "0..*", "Shape": "0..1", "Status": "1", "Circle": "0..1",
                "Email": "0..1"}
    for target, multiplicity in expected.items():
        r = relation(m, "Order", target)
        assert (r.kind, r.multiplicity) == (RelationKind.ASSOCIATION, multiplicity), target
    assert relation(m, "Exporter", "Order").kind is RelationKind.DEPENDENCY
    assert relation(m, "Exporter", "Email").kind is RelationKind.DEPENDENCY


def test_string_and_future_annotations_resolve():
    namespace: dict = {"__name__": "future_mod"}
    exec(  # a module written with `from __future__ import annotations`
        "from __future__ import annotations\n"
        "class Node:\n"
        "    children: list[Node]\n"
        "    parent: Node | None\n"
        "    owner: 'Tree'\n"
        "class Tree:\n"
        "    root: Optional[Node]\n", {"Optional": Optional} | namespace, namespace)
    m = class_diagram(namespace["Node"], namespace["Tree"]).model
    kinds = {(r.source.split(".")[-1], r.target.split(".")[-1], r.multiplicity)
             for r in m.relations}
    assert kinds == {("Node", "Node", "0..*"), ("Node", "Tree", "1"), ("Tree", "Node", "0..1")}
    # one relation per pair: the strongest multiplicity of children/parent is kept
    assert len(m.relations) == 3


def _cell(source: str, name: str) -> dict:
    """Run `source` as Jupyter runs a cell: code in linecache, a module with no file."""
    filename = f"/tmp/ipykernel_0/{abs(hash(source))}.py"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = {"__name__": "__main_notebook__"}
    exec(compile(source, filename, "exec"), namespace)
    return namespace


def test_classes_defined_in_a_notebook_cell():
    ns = _cell("class Engine:\n    pass\n\n"
               "class Car:\n"
               "    def __init__(self, engine: Engine) -> None:\n"
               "        self.engine = engine\n"
               "        self.spare = Engine()\n"
               "        self._km = 0\n", "Car")
    m = class_diagram(ns["Car"], ns["Engine"], private=True).model
    assert {a.name for a in node(m, "Car").attributes} == {"engine", "spare", "_km"}
    assert relation(m, "Car", "Engine").kind is RelationKind.COMPOSITION


def test_classes_without_any_source_still_draw():
    ns: dict = {"__name__": "nowhere"}
    exec("class Ghost:\n    size: int\n    def boo(self, times: int) -> str: ...\n", ns)
    m = class_diagram(ns["Ghost"]).model
    assert [a.name for a in node(m, "Ghost").attributes] == ["size"]
    assert [meth.name for meth in node(m, "Ghost").methods] == ["boo"]


# --- UML notation (DOT compared as parsed structure) -------------------------------------

def _dot(*targets, **options):
    return parse(class_diagram(*targets, **options).dot)


def _node_label(graph, cls):
    return graph.nodes[f"{cls.__module__}.{cls.__qualname__}"]["label"]


def test_notation_of_class_boxes():
    g = _dot(Circle, Shape, Status, Notifier, Order, Item, private=True)
    shape = _node_label(g, Shape)
    assert "«abstract»<br/><i><b>Shape</b></i>" in shape
    assert "<i>+ area(): float</i>" in shape and "<u>+ unit(): str</u>" in shape
    circle = _node_label(g, Circle)
    for line in ("+ radius: float", "# _notifier: Notifier", "- __secret", "<u>+ count: int</u>"):
        assert line in circle
    assert circle.count("<tr>") == 3, "name, attributes and methods compartments"
    assert "«enumeration»" in _node_label(g, Status) and "OPEN" in _node_label(g, Status)
    assert "«interface»<br/><b>Notifier</b>" in _node_label(g, Notifier)
    assert "+ total: Decimal {readOnly}" in _node_label(g, Order)
    assert all(n.get("shape", "plain") == "plain" for n in g.nodes.values()), "HTML labels"


@pytest.mark.parametrize(("source", "target", "attrs"), [
    (Circle, Shape, {"arrowhead": "empty"}),
    (Email, Notifier, {"arrowhead": "empty", "style": "dashed"}),
    (Circle, Email, {"dir": "both", "arrowtail": "diamond", "headlabel": "outbox 0..*"}),
    (Circle, Notifier, {"dir": "both", "arrowtail": "odiamond"}),
    (Order, Item, {"arrowhead": "vee", "headlabel": "items 0..*"}),
    (Exporter, Order, {"arrowhead": "vee", "style": "dashed"}),
])
def test_notation_of_relations(source, target, attrs):
    g = _dot(Circle, Shape, Email, Notifier, Order, Item, Exporter, private=True)
    edge = g.edge(f"{source.__module__}.{source.__qualname__}",
                  f"{target.__module__}.{target.__qualname__}")
    assert attrs.items() <= edge.attrs.items()
    if "headlabel" in attrs:
        assert float(edge.attrs["labeldistance"]) >= 2, "labels clear of the arrowhead"


def test_options_direction_title_cluster_legend():
    g = _dot(Circle, Shape, Item, direction="LR", title="Shapes", cluster=True, legend=True)
    assert g.attrs["rankdir"] == "LR" and g.attrs["label"] == "Shapes"
    assert any(name.startswith("cluster_") and len(members) == 3
               for name, members in g.clusters.items())
    legend = [e for e in g.edges if e.tail.startswith("legend_")]
    assert len(legend) == 6 and {e.attrs["label"].split(":")[0] for e in legend} == {
        kind.value for kind in RelationKind}
    with pytest.raises(ValueError, match="direction must be one of"):
        class_diagram(Item, direction="UP")


def test_hidden_compartments():
    label = _node_label(_dot(Order, Item, methods=False), Order)
    assert "add(" not in label and "+ items: list[Item]" in label
    assert "price" not in _node_label(_dot(Item, attributes=False), Item)


def test_focus_keeps_neighbours_to_a_depth():
    everything = sys.modules[__name__]
    near = {c.name for c in class_diagram(everything, focus=Exporter, depth=1).model.classes}
    assert near == {"Exporter", "Order", "Email"}
    far = {c.name for c in class_diagram(everything, focus="Exporter", depth=2).model.classes}
    assert {"Item", "Notifier", "Circle", "Shape", "Status"} <= far
    with pytest.raises(ValueError, match="not among the classes"):
        class_diagram(Item, focus=Order)


def test_large_diagrams_degrade_instead_of_stalling():
    namespace: dict = {"__name__": "big"}
    exec("\n".join(f"class K{i}:\n    other: 'K{(i + 1) % 250}'" for i in range(250)), namespace)
    classes = [v for k, v in namespace.items() if k.startswith("K")]
    m = class_diagram(*classes).model
    assert not m.show_methods and not m.show_attributes and "members hidden" in m.title


# --- rendering and exports ---------------------------------------------------------------

def test_svg_ids_are_unique_per_diagram():
    def ids(svg: str) -> set[str]:
        return {part.split('"')[0] for part in svg.split('id="')[1:]}

    first, second = class_diagram(Item).svg(), class_diagram(Order).svg()
    assert ids(first) and not ids(first) & ids(second)


def test_mermaid_export():
    text = class_diagram(Circle, Shape, Email, Notifier, Order, Item, private=True).to_mermaid()
    for line in ("classDiagram", "Shape <|-- Circle", "Notifier <|.. Email",
                 'Circle *-- "0..*" Email : outbox', "  <<abstract>>", "  +area() float",
                 '  +unit() str$', "  -__secret"):
        assert line in text.splitlines(), line


@pytest.mark.skipif(shutil.which("plantuml") is None,
                    reason="Debian's plantuml is not installed: .ci/run installs it")
def test_plantuml_export_is_valid_plantuml(tmp_path):
    path = tmp_path / "d.puml"
    path.write_text(class_diagram(sys.modules[__name__], private=True).to_plantuml())
    done = subprocess.run(["plantuml", "-checkonly", str(path)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_save_by_suffix(tmp_path):
    d = class_diagram(Item)
    assert d.save(tmp_path / "a.svg").read_text().startswith("<?xml")
    assert d.save(tmp_path / "a.png").read_bytes()[:4] == b"\x89PNG"
    assert "digraph" in d.save(tmp_path / "a.dot").read_text()
    assert d.save(tmp_path / "a.mmd").read_text().startswith("classDiagram")
    with pytest.raises(ValueError, match="cannot save"):
        d.save(tmp_path / "a.jpeg")


def test_png_when_asked():
    bundle = class_diagram(Item)._repr_mimebundle_(include={"image/png"})
    assert bundle["image/png"][:4] == b"\x89PNG"


def test_not_a_class_is_a_type_error():
    with pytest.raises(TypeError, match="42 is not a class or a module"):
        class_diagram(42)


def test_missing_dot_says_how_to_install(monkeypatch):
    monkeypatch.setattr(graphviz_runner.shutil, "which", lambda name: None)
    graphviz_runner.render.cache_clear()
    d = class_diagram(Email)
    with pytest.raises(GraphvizError, match="apt-get install -y graphviz"):
        d.svg()
    bundle = d._repr_mimebundle_()
    assert "image/svg+xml" not in bundle and "brew install graphviz" in bundle["text/plain"]
    graphviz_runner.render.cache_clear()


def test_a_stuck_layout_times_out_with_advice(monkeypatch):
    monkeypatch.setattr(graphviz_runner, "TIMEOUT_SECONDS", 0.001)
    graphviz_runner.render.cache_clear()
    with pytest.raises(GraphvizError, match="took more than"):
        class_diagram(Order, Item).svg()
    graphviz_runner.render.cache_clear()
