"""The diagram model: plain data that every builder produces and every renderer reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Visibility(StrEnum):
    PUBLIC = "+"
    PROTECTED = "#"
    PRIVATE = "-"


class RelationKind(StrEnum):
    GENERALIZATION = "generalization"
    REALIZATION = "realization"
    COMPOSITION = "composition"
    AGGREGATION = "aggregation"
    ASSOCIATION = "association"
    DEPENDENCY = "dependency"


@dataclass(frozen=True)
class Attribute:
    name: str
    type: str = ""
    visibility: Visibility = Visibility.PUBLIC
    is_static: bool = False
    read_only: bool = False


@dataclass(frozen=True)
class Method:
    name: str
    parameters: str = ""
    returns: str = ""
    visibility: Visibility = Visibility.PUBLIC
    is_static: bool = False
    is_abstract: bool = False


@dataclass
class ClassNode:
    name: str
    qualname: str
    module: str
    stereotypes: tuple[str, ...] = ()
    is_abstract: bool = False
    attributes: list[Attribute] = field(default_factory=list)
    methods: list[Method] = field(default_factory=list)
    literals: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.module}.{self.qualname}"


@dataclass(frozen=True)
class Relation:
    source: str
    target: str
    kind: RelationKind
    multiplicity: str = ""
    role: str = ""


@dataclass
class ClassModel:
    classes: list[ClassNode]
    relations: list[Relation]
    title: str | None = None
    direction: str = "BT"
    show_attributes: bool = True
    show_methods: bool = True
    cluster: bool = False  # group classes in a frame per module
    legend: bool = False  # explain the arrows

    def node(self, class_id: str) -> ClassNode:
        return next(node for node in self.classes if node.id == class_id)
