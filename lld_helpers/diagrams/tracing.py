"""Record a UML sequence diagram from running code.

    with trace_sequence(Shop, Order) as trace:
        shop.checkout(cart)
    trace.diagram()

`sys.settrace` calls a global function on every new Python frame; it answers only for
the code objects of the classes in scope, so every other frame costs one dict lookup
and runs untraced. In-scope frames get a local tracer with line events off: it sees
their return and the exceptions passing through. `sys.settrace` is per thread, so other
threads are never seen. While the block runs only raw events are kept (immutable values
as they are, others summarised at once); names and labels are made when asked for.
"""

from __future__ import annotations

import inspect
import re
import reprlib
import sys
import types
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from lld_helpers.diagrams.classes import collect_classes
from lld_helpers.diagrams.diagram import Diagram
from lld_helpers.diagrams.sequence import (
    Message,
    MessageKind,
    Participant,
    build_model,
    fold_loops,
)
from lld_helpers.diagrams.tracing_scope import TracedCode, scope_codes

CALLER = "caller"  # the lifeline of the code in the with block, outside every traced object
MAX_MESSAGES = 500  # a traced diagram draws at most this many (after loop folding)
_WIDTH, _LABEL_WIDTH = 24, 48  # characters a summarised value, a whole label may take
_IMMUTABLE = frozenset({int, float, complex, bool, str, bytes, type(None), Decimal, Fraction})


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


class _Text(str):
    """A value already summarised while the block ran (it might change later)."""


class _Summary(reprlib.Repr):
    """Short reprs; traced objects by their lifeline name, no memory addresses."""

    def __init__(self, name_of: Callable[[Any], str | None]) -> None:
        super().__init__()
        self.maxlevel, self.maxstring, self.maxother = 2, _WIDTH, _WIDTH
        self.maxlist = self.maxtuple = self.maxset = self.maxfrozenset = self.maxdict = 3
        self.maxdeque = self.maxarray = 3
        self.name_of = name_of

    def repr_instance(self, x: Any, level: int) -> str:
        name = self.name_of(x)
        if name is not None:
            return name
        try:
            text = repr(x)
        except Exception:
            return f":{type(x).__name__}"
        return f":{type(x).__name__}" if " at 0x" in text else _shorten(text, self.maxother)

    def of(self, value: Any) -> str:
        if type(value) is _Text:
            return value
        if type(value) in _IMMUTABLE:
            text = repr(value)
            if len(text) <= _WIDTH:
                return text
        return self.repr(value)


def _snake(name: str) -> str:
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2",
                  re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)).lower()


class SequenceTrace:
    """The context manager `trace_sequence` returns: `.messages` as recorded, `.diagram()`.

    The block records raw events in one list. A call is a 6-tuple: (receiver, TracedCode, index
    of the caller's call or -1, depth, arguments, creates); a return a 3-tuple: (index of
    its call, value or exception, raised).
    """

    def __init__(self, scope: tuple[Any, ...], depth: int | None, private: bool,
                 title: str | None) -> None:
        classes = collect_classes(scope)
        if not classes:
            raise ValueError("trace_sequence needs at least one class, or a module with classes")
        if depth is not None and depth < 1:
            raise ValueError(f"depth must be at least 1 (or None for no limit), got {depth!r}")
        self._scope, self._codes = tuple(classes), scope_codes(classes, private)
        self._depth, self._title = depth or sys.maxsize, title
        self._events: list[tuple[Any, ...]] = []
        self._converted = 0  # how many events are already messages
        self._messages: list[Message] = []
        self._lifelines = {CALLER: Participant(CALLER, actor=True)}
        self._names: dict[int, str] = {}  # id(object) -> lifeline name
        self._alive: list[Any] = []  # named objects, kept so that their ids stay unique
        self._summary = _Summary(self._name_if_traced)
        self._previous: Any = None
        self._used = self._running = False

    def __enter__(self) -> SequenceTrace:
        if self._used:
            raise RuntimeError("a trace records one with block: call trace_sequence again")
        self._used = self._running = True
        self._previous = sys.gettrace()
        sys.settrace(self._recorder())
        return self

    def __exit__(self, *exc_info: object) -> None:
        sys.settrace(self._previous)
        self._previous, self._running = None, False

    def _recorder(self) -> Callable[..., Any]:
        """The global trace function. It runs for every Python call in the block, so all it
        needs is bound to locals, stacks start with a sentinel, and it records raw tuples."""
        codes, scope, events, depth = self._codes.get, self._scope, self._events, self._depth
        frames: list[Any] = [None]  # the traced frames running, innermost last
        parents = [-1]  # the index of their call events
        errors: dict[types.FrameType, BaseException] = {}  # exceptions passing through
        created: set[int] = set()  # ids of the objects whose __init__ was recorded
        kept = _IMMUTABLE | set(scope)  # types whose values can be summarised later
        keep, arguments = self._keep, self._arguments

        def local(frame: types.FrameType, event: str, arg: Any) -> Any:
            if frame is not frames[-1]:
                return None  # a frame still running after the block: stop tracing it
            if event == "return":
                frames.pop()
                if errors and frame in errors:
                    events.append((parents.pop(), errors.pop(frame), True))
                else:
                    events.append((parents.pop(), arg if type(arg) in kept else keep(arg), False))
            elif event == "exception":  # it may yet be caught here: a line event would say so
                errors[frame] = arg[1] if arg[1] is not None else arg[0]
                frame.f_trace_lines = True
            elif event == "line":
                errors.pop(frame, None)
                frame.f_trace_lines = False
            return local

        def trace(frame: types.FrameType, event: str, arg: Any) -> Any:
            code = codes(id(frame.f_code))
            if code is None or len(frames) > depth:
                return None
            values = frame.f_locals
            fetched = code.fetch(values)
            if code.instance:
                receiver = fetched[0]
                if not isinstance(receiver, scope):
                    return None
            else:
                receiver = fetched[0] if code.kind == "class" else code.owner
                if not (isinstance(receiver, type) and issubclass(receiver, scope)):
                    return None
            creates = False
            if code.init:
                creates = id(receiver) not in created
                if creates:
                    created.add(id(receiver))  # alive (events hold it): its id stays unique
                elif code.hidden:
                    return None
            if code.plain:
                given = fetched[code.skip:]
                if not kept.issuperset(map(type, given)):
                    given = tuple(map(keep, given))
            else:
                given = (arguments(code, values),)
            events.append((receiver, code, parents[-1], len(frames), given, creates))
            parents.append(len(events) - 1)
            frames.append(frame)
            frame.f_trace_lines = False
            return local

        return trace

    def _keep(self, value: Any) -> Any:
        """A value as recorded: one that cannot change as it is, others summarised now."""
        return value if self._unchanging(value) else _Text(self._summary.of(value))

    def _unchanging(self, value: Any) -> bool:
        """Immutable, or a traced object (shown by its name): safe to summarise later."""
        return type(value) in _IMMUTABLE or isinstance(value, self._scope) or (
            type(value) in (tuple, frozenset) and all(map(self._unchanging, value)))

    def _arguments(self, code: TracedCode, values: dict[str, Any]) -> _Text:
        """The arguments of a call with *args, keyword-only parameters or **kwargs."""
        of, raw = self._summary.of, code.code
        parts = [of(values.get(name)) for name in code.parameters]
        names, rest = raw.co_varnames, raw.co_argcount + raw.co_kwonlyargcount
        if raw.co_flags & inspect.CO_VARARGS:
            parts += [of(value) for value in values.get(names[rest], ())]
            rest += 1
        keywords = names[raw.co_argcount:raw.co_argcount + raw.co_kwonlyargcount]
        parts += [f"{name}={of(values.get(name))}" for name in keywords]
        if raw.co_flags & inspect.CO_VARKEYWORDS:
            parts += [f"{key}={of(value)}" for key, value in values.get(names[rest], {}).items()]
        return _Text(", ".join(parts))

    def _name(self, obj: Any, kind: str = "method") -> str:
        """The lifeline name of a traced object (`order`, `order2`) or class (`Order`)."""
        name = self._names.get(id(obj))
        if name is None:
            type_name = type(obj).__name__ if kind == "method" else obj.__name__
            base = name = _snake(type_name) if kind == "method" else type_name
            count = 1
            while name in self._lifelines:
                count += 1
                name = f"{base}{count}"
            self._lifelines[name] = Participant(name, type_name if kind == "method" else "")
            self._names[id(obj)] = name
            self._alive.append(obj)
        return name

    def _name_if_traced(self, obj: Any) -> str | None:
        return self._name(obj) if isinstance(obj, self._scope) else None

    def _target(self, index: int) -> str:
        """The lifeline of the call event at `index` (-1: the caller)."""
        if index < 0:
            return CALLER
        receiver, code = self._events[index][:2]
        return self._name(receiver, code.kind)

    def _message(self, index: int) -> Message | None:
        """The message of event `index`; None for the return of a constructor."""
        event = self._events[index]
        if len(event) == 3:
            return self._return(*event)
        receiver, code, parent, depth, arguments, creates = event
        target = self._target(index)  # named before the arguments, in order of appearance
        label = (f"{type(receiver).__name__ if creates else code.name}"
                 f"({', '.join(map(self._summary.of, arguments))})")
        return Message(self._target(parent), target, _shorten(label, _LABEL_WIDTH),
                       MessageKind.CREATE if creates else MessageKind.SYNC, depth)

    def _return(self, call: int, value: Any, raised: bool) -> Message | None:
        _, _, parent, depth, _, creates = self._events[call]
        if raised:
            error = value if isinstance(value, BaseException) else None
            name = type(error).__name__ if error is not None else value.__name__
            detail = self._summary.of(str(error)) if error is not None and error.args else ""
            label = f"raise {name}({detail})" if detail else f"raise {name}"
        elif creates:
            return None
        else:
            label = "" if value is None else self._summary.of(value)
        return Message(self._target(call), self._target(parent), _shorten(label, _LABEL_WIDTH),
                       MessageKind.RETURN, depth, raised)

    @property
    def messages(self) -> list[Message]:
        """The calls, returns and creations recorded, in order (no loop folding)."""
        new = range(self._converted, len(self._events))
        self._messages += filter(None, map(self._message, new))
        self._converted = len(self._events)
        if not self._running:  # all is named: let the traced objects go
            self._events.clear()
            self._names.clear()
            self._alive.clear()
            self._converted = 0
        return self._messages

    def diagram(self, numbered: bool = False) -> Diagram:
        """The recorded calls as a sequence diagram, repeated runs folded into loop frames.

        Past `MAX_MESSAGES` it draws the first ones and says so in the title.
        """
        if not self.messages:
            names = ", ".join(cls.__name__ for cls in self._scope)
            raise ValueError(f"no calls to objects of {names} were recorded: call their "
                             "methods inside the with block")
        messages, frames = fold_loops(self.messages)
        title = self._title
        if len(messages) > MAX_MESSAGES:  # past this a diagram is not read but scrolled
            note = (f"the first {MAX_MESSAGES} of {len(messages)} messages: "
                    "narrow the scope or set depth=")
            title = f"{title} ({note})" if title else note
            messages = messages[:MAX_MESSAGES]
            frames = [frame for frame in frames if frame.last < MAX_MESSAGES]
        names = dict.fromkeys(name for m in messages for name in (m.sender, m.receiver))
        return Diagram(build_model([self._lifelines[name] for name in names], messages, frames,
                                   title, numbered))


def trace_sequence(*scope: Any, depth: int | None = None, private: bool = False,
                   title: str | None = None) -> SequenceTrace:
    """Record, while a `with` block runs, the calls between objects of the classes in scope.

    `scope` holds classes and modules (all their classes). One lifeline per object
    (`order:Order`); the block's own code is the `caller` actor. Calls show summarised
    arguments, returns summarised values, exceptions a red `raise ...` return; `__init__`
    is a «create». `depth` limits the nesting shown; methods starting with an underscore
    are hidden unless `private`. Only the thread that runs the block is recorded.
    The objects met stay referenced by the trace until `.messages` or `.diagram()` is read.
    """
    return SequenceTrace(scope, depth, private, title)
