"""Read type annotations of every shape into display text and the classes they point at.

`list[Item]` points at Item with multiplicity ``0..*``, `Item | None` with
``0..1``, a plain `Item` with ``1``. Annotations may be live objects or strings
(`from __future__ import annotations`, forward references): strings are parsed
with `ast` and resolved against the candidate class names.
"""

from __future__ import annotations

import ast
import types
import typing
from dataclasses import dataclass
from typing import Any

_MANY = {"list", "set", "frozenset", "tuple", "dict", "List", "Set", "FrozenSet", "Tuple",
         "Dict", "Sequence", "MutableSequence", "Iterable", "Iterator", "Collection",
         "Mapping", "MutableMapping", "deque", "Deque", "defaultdict", "OrderedDict"}
_OPTIONAL = {"Optional"}
_TRANSPARENT = {"Annotated", "ClassVar", "Final", "Union"}


@dataclass(frozen=True)
class Reference:
    """A class name an annotation points at, with how many of it."""

    name: str
    multiplicity: str


def _to_expression(annotation: Any) -> ast.expr | None:
    text = annotation if isinstance(annotation, str) else type_text(annotation)
    try:
        return ast.parse(text, mode="eval").body
    except SyntaxError:
        return None


def type_text(annotation: Any) -> str:
    """A short display form: `list[Item]`, `Item | None`, `Decimal`."""
    if annotation is None or annotation is type(None):
        return "None"
    if isinstance(annotation, str):
        return annotation
    if isinstance(annotation, typing.ForwardRef):
        return annotation.__forward_arg__
    if isinstance(annotation, type) and not typing.get_args(annotation):
        return annotation.__name__
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(type_text(arg) for arg in args)
    if origin in (typing.Annotated, typing.ClassVar, typing.Final):
        return type_text(args[0])
    if origin is not None:
        name = getattr(origin, "__name__", None) or str(origin).removeprefix("typing.")
        inner = ", ".join("..." if arg is Ellipsis else type_text(arg) for arg in args)
        return f"{name}[{inner}]" if args else name
    return getattr(annotation, "__name__", str(annotation).removeprefix("typing."))


def _name_of(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return ""


def _walk(node: ast.expr, multiplicity: str, known: set[str]) -> list[Reference]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        inner = _to_expression(node.value)
        return _walk(inner, multiplicity, known) if inner is not None else []
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):  # X | None
        parts = [node.left, node.right]
        optional = any(isinstance(p, ast.Constant) and p.value is None for p in parts)
        found = [r for p in parts for r in _walk(p, multiplicity, known)]
        return _optional(found) if optional else found
    if isinstance(node, ast.Subscript):
        head = _name_of(node.value)
        args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if head in _OPTIONAL:
            return _optional([r for a in args for r in _walk(a, multiplicity, known)])
        if head == "Union":
            optional = any(isinstance(a, ast.Constant) and a.value is None for a in args)
            found = [r for a in args for r in _walk(a, multiplicity, known)]
            return _optional(found) if optional else found
        if head in _TRANSPARENT:
            return _walk(args[0], multiplicity, known)
        if head in _MANY:
            values = args[1:] if head in {"dict", "Dict", "Mapping", "MutableMapping",
                                          "defaultdict", "OrderedDict"} else args
            return [r for a in values for r in _walk(a, "0..*", known)]
        return [r for a in [node.value, *args] for r in _walk(a, multiplicity, known)]
    name = _name_of(node)
    return [Reference(name, multiplicity)] if name in known else []


def _optional(found: list[Reference]) -> list[Reference]:
    return [Reference(r.name, "0..1" if r.multiplicity == "1" else r.multiplicity)
            for r in found]


def references(annotation: Any, known: set[str]) -> list[Reference]:
    """The classes among `known` (by name) that `annotation` points at."""
    expression = _to_expression(annotation)
    return _walk(expression, "1", known) if expression is not None else []
