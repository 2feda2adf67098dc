"""Which functions `trace_sequence` watches, and what it needs to know of each, fast."""

from __future__ import annotations

import inspect
import operator
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

UNTRACEABLE = inspect.CO_GENERATOR | inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR
SIGNATURE = inspect.CO_VARARGS | inspect.CO_VARKEYWORDS


@dataclass(frozen=True, slots=True)
class TracedCode:
    """What the tracer knows of one in-scope function."""

    code: types.CodeType  # kept so that its id stays unique
    kind: str  # "method", "class" (a classmethod) or "static"
    instance: bool  # kind == "method", the one to test first
    owner: type
    name: str
    hidden: bool  # an __init__ shown only when it creates (other hidden ones are left out)
    init: bool  # an __init__: a call to it may create its object
    plain: bool  # no *args, **kwargs or keyword-only parameters
    parameters: tuple[str, ...]  # the positional parameters after self or cls
    fetch: Callable[[dict[str, Any]], tuple[Any, ...]]  # f_locals -> (self or cls, *arguments)
    skip: int  # how many values `fetch` gives before the arguments


def fetcher(kind: str, code: types.CodeType) -> tuple[Callable[..., tuple[Any, ...]], int]:
    """A fast `fetch` (one C call) for a function's self and plain arguments, and its `skip`."""
    own = 0 if kind == "static" else 1
    names = code.co_varnames[:code.co_argcount] if code.co_flags & SIGNATURE == 0 and (
        not code.co_kwonlyargcount) else code.co_varnames[:own]
    if len(names) > 1:
        return operator.itemgetter(*names), own
    if names:  # itemgetter of one name gives a value, not a tuple: ask for it twice
        return operator.itemgetter(names[0], names[0]), own + 1
    return lambda values: (), 0


def functions(owner: type) -> list[tuple[str, Any]]:
    """(kind, function) for each function defined in `owner`, unwrapped."""
    found = []
    for value in vars(owner).values():
        kind = ("static" if isinstance(value, staticmethod)
                else "class" if isinstance(value, classmethod) else "method")
        functions = ([value.fget, value.fset, value.fdel] if isinstance(value, property)
                     else [getattr(value, "__func__", value)])
        found += [(kind, inspect.unwrap(f)) for f in functions if callable(f)]
    return [(kind, f) for kind, f in found
            if inspect.isfunction(f) and not f.__code__.co_flags & UNTRACEABLE]


def scope_codes(classes: list[type], private: bool) -> dict[int, TracedCode]:
    """id(code) -> TracedCode for the functions of the classes and of their bases.

    Generators and coroutines are left out, as their bodies run later than their calls;
    so are private functions unless `private` (but for `__init__`, which creates).
    """
    codes: dict[int, TracedCode] = {}
    for owner in dict.fromkeys(base for cls in classes for base in cls.__mro__):
        for kind, function in functions(owner):  # built-in bases have no Python functions
            code = function.__code__
            own = 0 if kind == "static" else 1  # self or cls comes first
            init = kind == "method" and code.co_name == "__init__"
            hidden = code.co_name.startswith("_") and not private
            if (hidden and not init) or code.co_argcount < own or (
                    kind == "static" and owner not in classes):
                continue
            codes.setdefault(id(code), TracedCode(
                code, kind, kind == "method", owner, code.co_name, hidden, init,
                not (code.co_flags & SIGNATURE or code.co_kwonlyargcount),
                code.co_varnames[own:code.co_argcount], *fetcher(kind, code)))
    return codes
