"""Structure checks for the design principles (notebook 02): refused and empty methods.

A class that implements an interface it does not really support tends to fill the
methods it cannot do with `raise NotImplementedError` or with an empty body. That is a
*refused bequest*: callers of the interface get a surprise exception, or silence.
"""

from __future__ import annotations

import ast
import inspect

from lld_helpers.source import syntax_tree

_Function = ast.FunctionDef | ast.AsyncFunctionDef


def _own_functions(cls: type) -> list[str]:
    names = []
    for name, value in vars(cls).items():
        if isinstance(value, (staticmethod, classmethod)):
            value = value.__func__
        elif isinstance(value, property):
            value = value.fget
        if inspect.isfunction(value) and value.__qualname__.startswith(cls.__qualname__ + "."):
            names.append(name)
    return names


def _class_node(cls: type) -> ast.ClassDef | None:
    for node in ast.walk(syntax_tree(cls)):
        if isinstance(node, ast.ClassDef) and node.name == cls.__name__:
            return node
    return None


def _is_abstract(func: _Function) -> bool:
    return any((isinstance(d, ast.Name) and d.id == "abstractmethod")
               or (isinstance(d, ast.Attribute) and d.attr == "abstractmethod")
               for d in func.decorator_list)


def _refuses(func: _Function) -> bool:
    """Raises NotImplementedError (called or bare) anywhere in its body."""
    for node in ast.walk(func):
        if isinstance(node, ast.Raise) and node.exc is not None:
            raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(raised, ast.Name) and raised.id in ("NotImplementedError",
                                                              "NotImplemented"):
                return True
    return False


def _does_nothing(func: _Function) -> bool:
    """Only `pass`, `...`, a docstring or a bare `return` / `return None`."""
    for statement in func.body:
        if isinstance(statement, ast.Pass):
            continue
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # a docstring or `...`
        if isinstance(statement, ast.Return) and (
                statement.value is None or (isinstance(statement.value, ast.Constant)
                                            and statement.value.value is None)):
            continue
        return False
    return True


def _is_dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


def stubbed_methods(cls: type, *, empty: bool = True) -> list[str]:
    """The methods written in `cls`'s own body that refuse their job, sorted by name.

    A method refuses when it raises `NotImplementedError` anywhere in its body, or, with
    `empty=True`, when its body does nothing (`pass`, `...`, a docstring, `return None`);
    special methods such as `__exit__` may do nothing on purpose, so only their
    NotImplementedError counts.
    Abstract methods and the members of a `Protocol` are declarations, not stubs: they are
    skipped. Inherited methods are not looked at: check the base class on its own.
    """
    if not inspect.isclass(cls):
        raise TypeError(f"stubbed_methods() takes a class, not {type(cls).__name__}")
    if getattr(cls, "_is_protocol", False) or not _own_functions(cls):
        return []
    node = _class_node(cls)
    if node is None:
        raise TypeError(f"the source of class {cls.__qualname__} could not be read")
    found = {func.name for func in node.body
             if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef))
             and not _is_abstract(func)
             and (_refuses(func) or (empty and not _is_dunder(func.name) and _does_nothing(func)))}
    return sorted(found)
