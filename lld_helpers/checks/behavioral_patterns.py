"""Structure checks for the behavioral patterns (notebook 03c): the strings code spells out.

A State pattern's context should decide nothing about its states. `max_complexity` finds
the `if` chains; a lookup keyed by state names (`{"draft": ...}[self.status]`) has no
branch at all, but it has to write the names down. `string_literals` lists the strings
that a piece of code spells out, so a test can check which names it mentions.
"""

from __future__ import annotations

import ast
from typing import Any

from lld_helpers.source import syntax_tree

_WITH_DOCSTRINGS = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the constant nodes that are docstrings."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, _WITH_DOCSTRINGS) and node.body:
            first = node.body[0]
            if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                    and isinstance(first.value.value, str)):
                found.add(id(first.value))
    return found


def string_literals(*objs: Any) -> set[str]:
    """The string constants in the source of `objs` (functions, classes, modules).

    Docstrings are left out; the literal parts of f-strings count. Each object's source
    is read with `lld_helpers.source`, so classes defined in notebook cells work; an
    object without source raises TypeError.
    """
    found: set[str] = set()
    for obj in objs:
        tree = syntax_tree(obj)
        skipped = _docstrings(tree)
        found.update(node.value for node in ast.walk(tree)
                     if isinstance(node, ast.Constant) and isinstance(node.value, str)
                     and id(node) not in skipped)
    return found
