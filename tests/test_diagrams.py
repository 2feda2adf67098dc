"""lld_helpers.diagrams: the class-diagram model and its renderings."""

from __future__ import annotations

import sys
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Generic, Optional, Protocol, TypeVar

import pytest

from lld_helpers.diagrams import GraphvizError, class_diagram
from lld_helpers.diagrams import graphviz as graphviz_runner
from lld_helpers.diagrams.model import RelationKind, Visibility

T = TypeVar("T")


class Status(Enum):
    OPEN = 1
    CLOSED = 2


class Notifier(Protocol):
    def send(self, message: str) -> None: ...


class Email:  # realizes Notifier structurally
    def send(self, message: str) -> None:
        pass


class Shape(ABC):
    @abstractmethod
    def area(self) -> float: ...

    @staticmethod
    def unit() -> str:
        return "m"


class Circle(Shape):
    def __init__(self, radius: float, notifier: Notifier) -> None:
        self.radius = radius
        self._notifier = notifier
        self.__secret = 1
        self.outbox = [Email() for _ in range(2)]

    def area(self) -> float:
        return 3.14 * self.radius**2


@dataclass
class Item:
    price: Decimal


@dataclass
class Order:
    items: list[Item] = field(default_factory=list)
    status: Status = Status.OPEN
    shape: Optional[Shape] = None  # noqa: UP045 - the old spelling must work too
    backup: Shape | None = None

    def add(self, item: Item) -> None:
        self.items.append(item)


class Repository(Generic[T]):
    def get(self, key: int) -> T: ...


def model(**options):
    return class_diagram(sys.modules[__name__], **options).model


def relation(m, source, target):
    ids = {c.name.split("<")[0]: c.id for c in m.classes}
    return next(r for r in m.relations if (r.source, r.target) == (ids[source], ids[target]))


def node(m, name):
    return next(c for c in m.classes if c.name.split("<")[0] == name)


def test_stereotypes_and_members():
    m = model(private=True)
    assert node(m, "Status").stereotypes == ("enumeration",)
    assert node(m, "Status").literals == ["OPEN", "CLOSED"]
    assert node(m, "Notifier").stereotypes == ("interface",)
    assert node(m, "Shape").is_abstract and "abstract" in node(m, "Shape").stereotypes
    assert "dataclass" in node(m, "Order").stereotypes
    assert node(m, "Repository").name == "Repository<T>"
    circle = {a.name: a for a in node(m, "Circle").attributes}
    assert circle["radius"].type == "float" and circle["radius"].visibility is Visibility.PUBLIC
    assert circle["_notifier"].visibility is Visibility.PROTECTED
    assert circle["__secret"].visibility is Visibility.PRIVATE
    unit = next(meth for meth in node(m, "Shape").methods if meth.name == "unit")
    area = next(meth for meth in node(m, "Shape").methods if meth.name == "area")
    assert unit.is_static and area.is_abstract and area.returns == "float"


def test_private_members_are_hidden_by_default():
    names = {a.name for a in node(model(), "Circle").attributes}
    assert names == {"radius", "outbox"}


def test_relations_and_multiplicities():
    m = model(private=True)
    assert relation(m, "Circle", "Shape").kind is RelationKind.GENERALIZATION
    assert relation(m, "Email", "Notifier").kind is RelationKind.REALIZATION
    assert relation(m, "Circle", "Notifier").kind is RelationKind.AGGREGATION
    outbox = relation(m, "Circle", "Email")
    assert (outbox.kind, outbox.multiplicity, outbox.role) == (
        RelationKind.COMPOSITION, "0..*", "outbox")
    items = relation(m, "Order", "Item")
    assert (items.kind, items.multiplicity) == (RelationKind.ASSOCIATION, "0..*")
    assert relation(m, "Order", "Shape").multiplicity == "0..1"
    assert relation(m, "Order", "Status").multiplicity == "1"


def test_dot_draws_uml_notation():
    dot = class_diagram(Circle, Shape, Email, Notifier, private=True).dot
    assert "«abstract»<br/><i><b>Shape</b></i>" in dot
    assert "<u>+ unit(): str</u>" in dot and "<i>+ area(): float</i>" in dot
    assert "arrowhead=empty style=dashed" in dot  # realization
    assert "arrowtail=diamond" in dot and "arrowtail=odiamond" in dot
    assert "- __secret" in dot


def test_hidden_compartments():
    dot = class_diagram(Order, Item, methods=False).dot
    assert "add(" not in dot and "+ items: list[Item]" in dot


def test_svg_ids_are_unique_per_diagram():
    first, second = class_diagram(Item).svg(), class_diagram(Order).svg()
    ids = lambda svg: {part.split('"')[0] for part in svg.split('id="')[1:]}  # noqa: E731
    assert ids(first) and not ids(first) & ids(second)


def test_text_exports():
    d = class_diagram(Circle, Shape)
    assert "Shape <|-- Circle" in d.to_mermaid()
    assert d.to_plantuml().startswith("@startuml") and "abstract class Shape" in d.to_plantuml()


def test_save_by_suffix(tmp_path):
    d = class_diagram(Item)
    assert d.save(tmp_path / "a.svg").read_text().startswith("<?xml")
    assert d.save(tmp_path / "a.png").read_bytes()[:4] == b"\x89PNG"
    assert "digraph" in d.save(tmp_path / "a.dot").read_text()
    with pytest.raises(ValueError, match="cannot save"):
        d.save(tmp_path / "a.jpeg")


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
