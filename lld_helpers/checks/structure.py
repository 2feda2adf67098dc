"""Structure checks for tests about design: abstraction, interfaces, size, complexity.

Every check reads the live object and, where it needs the code, its source
through `lld_helpers.source`, so objects defined in notebook cells work.
"""

from __future__ import annotations

import ast
import inspect
import typing
from collections.abc import Iterator
from typing import Any

from lld_helpers.source import syntax_tree

_Function = ast.FunctionDef | ast.AsyncFunctionDef


def is_abstract(cls: type) -> bool:
    """True when `cls` cannot be instantiated: it has abstract methods or is a Protocol."""
    return inspect.isabstract(cls) or bool(getattr(cls, "_is_protocol", False))


def _required_members(interface: type) -> set[str]:
    if getattr(interface, "_is_protocol", False):
        return set(typing._get_protocol_attrs(interface))  # type: ignore[attr-defined]
    return set(getattr(interface, "__abstractmethods__", ()))


def implements(cls: type, interface: type) -> bool:
    """True when `cls` is concrete and provides every member `interface` requires.

    Works structurally, so a class that never names a Protocol still implements it;
    for a plain class without abstract members it falls back to `issubclass`.
    """
    if not inspect.isclass(cls) or is_abstract(cls):
        return False
    required = _required_members(interface)
    if not required and not getattr(interface, "_is_protocol", False):
        return issubclass(cls, interface)
    return all(
        hasattr(cls, name) and not getattr(getattr(cls, name), "__isabstractmethod__", False)
        for name in required
    )


def depends_on(obj: Any, name: str) -> bool:
    """True when the source of `obj` refers to `name` (as a name or an attribute)."""
    for node in ast.walk(syntax_tree(obj)):
        if isinstance(node, ast.Name) and node.id == name:
            return True
        if isinstance(node, ast.Attribute) and node.attr == name:
            return True
    return False


def _functions(*objs: Any) -> Iterator[_Function]:
    for obj in objs:
        for node in ast.walk(syntax_tree(obj)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield node


def _body_lines(func: _Function) -> int:
    body = func.body
    if (
        len(body) > 1
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    ):
        body = body[1:]
    return body[-1].end_lineno - body[0].lineno + 1  # type: ignore[operator]


def function_lengths(*objs: Any) -> dict[str, int]:
    """Lines of body (docstring excluded) of every function and method in `objs`."""
    return {func.name: _body_lines(func) for func in _functions(*objs)}


def max_function_length(*objs: Any) -> int:
    """The longest body, in lines, of any function or method in `objs` (0 if none)."""
    return max(function_lengths(*objs).values(), default=0)


class _Branches(ast.NodeVisitor):
    """Counts the decision points of one function, not of the functions nested in it."""

    def __init__(self) -> None:
        self.count = 0

    def visit_FunctionDef(self, node: ast.AST) -> None:  # nested: measured on its own
        pass

    visit_AsyncFunctionDef = visit_Lambda = visit_FunctionDef

    def generic_visit(self, node: ast.AST) -> None:
        if isinstance(node, (ast.If, ast.For, ast.AsyncFor, ast.While, ast.IfExp,
                             ast.ExceptHandler, ast.Assert, ast.match_case)):
            self.count += 1
        elif isinstance(node, ast.BoolOp):
            self.count += len(node.values) - 1
        elif isinstance(node, ast.comprehension):
            self.count += 1 + len(node.ifs)
        super().generic_visit(node)


def _complexity(func: _Function) -> int:
    counter = _Branches()
    for statement in func.body:
        counter.visit(statement)
    return 1 + counter.count


def max_complexity(*objs: Any) -> int:
    """The largest McCabe cyclomatic complexity of any function or method in `objs`."""
    return max((_complexity(func) for func in _functions(*objs)), default=0)
