"""Build a class-diagram model from live classes and modules by introspection."""

from __future__ import annotations

import ast
import dataclasses
import enum
import inspect
import types
import typing
from typing import Any

from lld_helpers.checks.structure import implements
from lld_helpers.diagrams.model import (
    Attribute,
    ClassModel,
    ClassNode,
    Method,
    Relation,
    RelationKind,
    Visibility,
)
from lld_helpers.diagrams.types import references, type_text
from lld_helpers.source import source_of

_STRENGTH = [RelationKind.COMPOSITION, RelationKind.AGGREGATION,
             RelationKind.ASSOCIATION, RelationKind.DEPENDENCY]


def collect_classes(targets: tuple[Any, ...]) -> list[type]:
    """The classes named by `targets` (classes or modules), in order, without repeats."""
    found: list[type] = []
    for target in targets:
        if inspect.isclass(target):
            candidates = [target]
        elif isinstance(target, types.ModuleType):
            candidates = [value for value in vars(target).values()
                          if inspect.isclass(value) and value.__module__ == target.__name__]
        else:
            raise TypeError(f"{target!r} is not a class or a module: pass classes or modules")
        found += [c for c in candidates if c not in found]
    return found


def visibility(name: str) -> Visibility:
    if name.startswith("__") and not name.endswith("__"):
        return Visibility.PRIVATE
    return Visibility.PROTECTED if name.startswith("_") else Visibility.PUBLIC


def _is_protocol(cls: type) -> bool:
    return bool(getattr(cls, "_is_protocol", False)) and cls is not typing.Protocol


def _own_functions(cls: type) -> dict[str, Any]:
    return {name: value for name, value in vars(cls).items()
            if isinstance(value, (staticmethod, classmethod)) or inspect.isfunction(value)}


def _is_interface(cls: type) -> bool:
    if _is_protocol(cls):
        return True
    functions = [name for name in _own_functions(cls) if not name.startswith("__")]
    abstract = getattr(cls, "__abstractmethods__", frozenset())
    return bool(functions) and set(functions) <= abstract and not _own_annotations(cls)


def _own_annotations(cls: type) -> dict[str, Any]:
    return dict(vars(cls).get("__annotations__", {}))


def _hints(cls: type) -> dict[str, Any]:
    raw = _own_annotations(cls)
    try:
        resolved = typing.get_type_hints(cls, include_extras=True)
    except Exception:  # unresolvable forward references: keep the strings
        return raw
    return {name: resolved.get(name, value) for name, value in raw.items()}


def _init_assignments(cls: type) -> list[tuple[str, ast.expr | None, ast.expr | None]]:
    """`self.x = value` (or `self.x: T = value`) in `__init__`: name, annotation, value."""
    init = vars(cls).get("__init__")
    source = source_of(init) if inspect.isfunction(init) else None
    if source is None:
        return []
    found = []
    for node in ast.walk(ast.parse(source)):
        targets, annotation = [], None
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets, annotation = [node.target], node.annotation
        for target in targets:
            if (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                    and target.value.id == "self"):
                found.append((target.attr, annotation, getattr(node, "value", None)))
    return found


def _function_hints(function: Any) -> dict[str, Any]:
    """Resolved type hints of a function; the raw (maybe string) ones when they do not resolve."""
    try:
        return typing.get_type_hints(function, include_extras=True)
    except Exception:
        return dict(getattr(function, "__annotations__", {}))


def _signature(function: Any) -> tuple[str, str]:
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return "...", ""
    hints = _function_hints(function)
    parts = []
    for index, (name, parameter) in enumerate(signature.parameters.items()):
        if index == 0 and name in ("self", "cls"):
            continue
        prefix = {inspect.Parameter.VAR_POSITIONAL: "*",
                  inspect.Parameter.VAR_KEYWORD: "**"}.get(parameter.kind, "")
        hint = hints.get(name, parameter.annotation)
        shown = "" if hint is inspect.Parameter.empty else f": {type_text(hint)}"
        parts.append(f"{prefix}{name}{shown}")
    returns = hints.get("return", signature.return_annotation)
    return ", ".join(parts), "" if returns is inspect.Signature.empty else type_text(returns)


class _Builder:
    def __init__(self, classes: list[type], private: bool, dunder: bool) -> None:
        self.classes = classes
        self.private, self.dunder = private, dunder
        self.ids = {cls: f"{cls.__module__}.{cls.__qualname__}" for cls in classes}
        self.by_name = {cls.__name__: cls for cls in classes}
        # Inheritance and links are kept apart: a Decorator both is and has a Component.
        self.parents: dict[tuple[str, str], Relation] = {}
        self.links: dict[tuple[str, str], Relation] = {}

    def shown(self, name: str) -> bool:
        if name.startswith("__") and name.endswith("__"):
            return self.dunder
        return self.private or not name.startswith("_")

    def relate(self, owner: type, annotation: Any, kind: RelationKind, role: str = "") -> None:
        for ref in references(annotation, set(self.by_name)):
            key = (self.ids[owner], self.ids[self.by_name[ref.name]])
            current = self.links.get(key)
            if current and _STRENGTH.index(current.kind) <= _STRENGTH.index(kind):
                continue
            multiplicity = "" if kind is RelationKind.DEPENDENCY else ref.multiplicity
            self.links[key] = Relation(*key, kind, multiplicity,
                                       "" if kind is RelationKind.DEPENDENCY else role)

    def node(self, cls: type) -> ClassNode:
        node = ClassNode(cls.__name__ + _generic_suffix(cls), cls.__qualname__, cls.__module__,
                         is_abstract=inspect.isabstract(cls) or _is_protocol(cls))
        if issubclass(cls, enum.Enum):
            node.stereotypes = ("enumeration",)
            node.literals = [member.name for member in cls]
            return node
        if _is_interface(cls):
            node.stereotypes = ("interface",)
        elif node.is_abstract:
            node.stereotypes = ("abstract",)
        if dataclasses.is_dataclass(cls):
            node.stereotypes += ("dataclass",)
        node.attributes = self.attributes(cls)
        node.methods = self.methods(cls)
        return node

    def attributes(self, cls: type) -> list[Attribute]:
        attributes: dict[str, Attribute] = {}
        for name, hint in _hints(cls).items():
            static = typing.get_origin(hint) is typing.ClassVar
            attributes[name] = Attribute(name, type_text(hint), visibility(name), static)
            self.relate(cls, hint, RelationKind.ASSOCIATION, name)
        init = vars(cls).get("__init__")
        parameters = _parameter_hints(init) if inspect.isfunction(init) else {}
        for name, annotation, value in _init_assignments(cls):
            hint = ast.unparse(annotation) if annotation is not None else None
            created = _constructed(value, set(self.by_name))
            if hint is None and isinstance(value, ast.Name) and value.id in parameters:
                hint = parameters[value.id]
                self.relate(cls, hint, RelationKind.AGGREGATION, name)
            if hint is None and created:
                hint = created
            if created:
                self.relate(cls, hint, RelationKind.COMPOSITION, name)
            elif hint is not None:
                self.relate(cls, hint, RelationKind.ASSOCIATION, name)
            if name not in attributes:
                shown_hint = hint if isinstance(hint, str) else type_text(hint) if hint else ""
                attributes[name] = Attribute(name, shown_hint, visibility(name))
        for name, value in vars(cls).items():
            if isinstance(value, property) and value.fget is not None:
                returns = _signature(value.fget)[1]
                attributes[name] = Attribute(name, returns, visibility(name),
                                             read_only=value.fset is None)
                self.relate(cls, returns, RelationKind.ASSOCIATION, name)
        return [a for a in attributes.values() if self.shown(a.name)]

    def methods(self, cls: type) -> list[Method]:
        methods = []
        for name, value in _own_functions(cls).items():
            function = value.__func__ if isinstance(value, (staticmethod, classmethod)) else value
            parameters, returns = _signature(function)
            for hint in _function_hints(function).values():
                self.relate(cls, hint, RelationKind.DEPENDENCY)
            if self.shown(name):
                methods.append(Method(name, parameters, returns, visibility(name),
                                      isinstance(value, (staticmethod, classmethod)),
                                      getattr(function, "__isabstractmethod__", False)))
        return methods

    def inheritance(self, cls: type) -> None:
        bases = [typing.get_origin(b) or b for b in getattr(cls, "__orig_bases__", cls.__bases__)]
        for base in bases:
            if base in self.ids:
                kind = (RelationKind.REALIZATION if _is_interface(base)
                        else RelationKind.GENERALIZATION)
                key = (self.ids[cls], self.ids[base])
                self.parents[key] = Relation(*key, kind)


def _parameter_hints(function: Any) -> dict[str, Any]:
    return {name: hint for name, hint in _function_hints(function).items() if name != "return"}


def _constructed(value: ast.expr | None, known: set[str]) -> str | None:
    """`Part(...)`, `[Part(...) ...]`: the class name the value creates, if any."""
    if value is None:
        return None
    for node in ast.walk(value):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in known:
            many = isinstance(value, (ast.List, ast.ListComp, ast.Set, ast.SetComp,
                                      ast.Dict, ast.DictComp))
            return f"list[{node.func.id}]" if many else node.func.id
    return None


def _generic_suffix(cls: type) -> str:
    parameters = getattr(cls, "__parameters__", ())
    if not isinstance(parameters, tuple) or not parameters:  # e.g. a descriptor on GenericAlias
        return ""
    return f"<{', '.join(getattr(p, '__name__', str(p)) for p in parameters)}>"


def build_class_model(targets: tuple[Any, ...], *, private: bool = False,
                      dunder: bool = False) -> ClassModel:
    """Introspect `targets` (classes or modules) into a `ClassModel`."""
    classes = collect_classes(targets)
    builder = _Builder(classes, private, dunder)
    nodes = [builder.node(cls) for cls in classes]
    for cls in classes:
        builder.inheritance(cls)
    for protocol in [cls for cls in classes if _is_protocol(cls) and _own_functions(cls)]:
        for other in classes:
            key = (builder.ids[other], builder.ids[protocol])
            if key not in builder.parents and implements(other, protocol):
                builder.parents[key] = Relation(*key, RelationKind.REALIZATION)
    return ClassModel(nodes, [*builder.parents.values(), *builder.links.values()])
