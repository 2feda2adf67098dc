"""Find the source code of live objects, including classes defined in notebook cells.

`inspect.getsource` fails on a class defined in a Jupyter cell (its module,
``__main__``, has no file). Its methods' code objects still point into the
cell's source, which IPython keeps in `linecache`: walk back from the first
method to the ``class`` line and cut out the block.
"""

from __future__ import annotations

import ast
import inspect
import linecache
import re
import textwrap
from collections.abc import Iterator
from typing import Any


def _functions_of(cls: type) -> Iterator[Any]:
    for value in vars(cls).values():
        if isinstance(value, (staticmethod, classmethod)):
            value = value.__func__
        elif isinstance(value, property):
            value = value.fget
        value = inspect.unwrap(value) if callable(value) else value
        if inspect.isfunction(value) and value.__qualname__.startswith(cls.__qualname__ + "."):
            yield value


def _class_source_from_methods(cls: type) -> str | None:
    codes = sorted((f.__code__ for f in _functions_of(cls)), key=lambda c: c.co_firstlineno)
    if not codes:
        return None
    lines = linecache.getlines(codes[0].co_filename)
    header = re.compile(rf"^(\s*)class\s+{re.escape(cls.__name__)}\b")
    for start in range(codes[0].co_firstlineno - 1, -1, -1):
        if start < len(lines) and header.match(lines[start]):
            while start > 0 and lines[start - 1].lstrip().startswith("@"):
                start -= 1
            return textwrap.dedent("".join(inspect.getblock(lines[start:])))
    return None


def source_of(obj: Any) -> str | None:
    """The dedented source of a function, class or module, or None when none exists."""
    try:
        return textwrap.dedent(inspect.getsource(obj))
    except (OSError, TypeError):
        pass
    if inspect.isclass(obj):
        return _class_source_from_methods(obj)
    return None


def syntax_tree(obj: Any) -> ast.Module:
    """The parsed source of `obj`; a TypeError names the object when it has no source."""
    source = source_of(obj)
    if source is None:
        name = getattr(obj, "__qualname__", repr(obj))
        raise TypeError(f"no source code is available for {name}: define it in a cell or a file")
    return ast.parse(source)
