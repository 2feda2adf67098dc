"""UML sequence diagrams from a list of messages, rendered as pinned DOT, Mermaid and PlantUML."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from lld_helpers.diagrams.common import mermaid_head, plantuml_head, quote
from lld_helpers.diagrams.diagram import Diagram
from lld_helpers.diagrams.dot import to_dot
from lld_helpers.diagrams.sequence_layout import sequence_dot
from lld_helpers.diagrams.sequence_model import (
    Activation,
    Frame,
    Message,
    MessageKind,
    Participant,
    SequenceModel,
    build_model,
    fold_loops,
)
from lld_helpers.diagrams.text import to_mermaid, to_plantuml

__all__ = ["Activation", "Frame", "Message", "MessageKind", "Participant", "SequenceModel",
           "build_model", "fold_loops", "sequence_diagram"]

_KINDS = ", ".join(kind.value for kind in MessageKind)
_FORM = "expected (sender, receiver, label) or (sender, receiver, label, kind)"


def _message(index: int, raw: Any) -> Message:
    where = f"messages[{index}] = {raw!r}"
    if not isinstance(raw, tuple | list) or len(raw) not in (3, 4):
        raise ValueError(f"{where}: {_FORM}")
    sender, receiver, label, *kind = raw
    if not all(isinstance(part, str) for part in (sender, receiver, label)) or not (
            sender and receiver):
        raise ValueError(f"{where}: sender and receiver must be non-empty strings, label a string")
    try:
        message = Message(sender, receiver, label, MessageKind(kind[0] if kind else "sync"))
    except ValueError:
        raise ValueError(f"{where}: unknown kind {kind[0]!r}; use one of {_KINDS}") from None
    if sender == receiver and message.kind in (MessageKind.CREATE, MessageKind.DESTROY):
        raise ValueError(f"{where}: a participant cannot {message.kind} itself")
    return message


def _check_lifecycle(messages: list[Message], raw: Sequence[Any]) -> None:
    """A created lifeline starts at its create message; a destroyed one ends at its destroy."""
    seen: set[str] = set()
    gone: set[str] = set()
    for index, message in enumerate(messages):
        where = f"messages[{index}] = {raw[index]!r}"
        if message.kind is MessageKind.CREATE and message.receiver in seen:
            raise ValueError(f"{where}: {message.receiver!r} already appeared, so it cannot be "
                             "created here; a created participant first appears in its create")
        if gone & {message.sender, message.receiver}:
            name = message.sender if message.sender in gone else message.receiver
            raise ValueError(f"{where}: {name!r} was destroyed by an earlier message")
        seen |= {message.sender, message.receiver}
        if message.kind is MessageKind.DESTROY:
            gone.add(message.receiver)


def _participants(messages: list[Message], given: Iterable[str] | None,
                  actors: Iterable[str]) -> list[Participant]:
    names = list(dict.fromkeys(n for m in messages for n in (m.sender, m.receiver)))
    if given is not None:
        order = list(given)
        if not all(isinstance(name, str) and name for name in order):
            raise ValueError(f"participants must be non-empty strings, got {order!r}")
        if len(set(order)) != len(order):
            raise ValueError(f"participants {order!r} name someone twice")
        for index, message in enumerate(messages):
            for name in (message.sender, message.receiver):
                if name not in order:
                    raise ValueError(f"messages[{index}] names {name!r}, which is not in "
                                     f"participants {order!r}; add it, or leave participants out")
        names = order
    actors = set(actors)
    if not actors <= set(names):
        raise ValueError(f"actors {sorted(actors - set(names))!r} are not participants")
    return [Participant(name, actor=name in actors) for name in names]


def sequence_diagram(messages: Iterable[Any], participants: Iterable[str] | None = None,
                     title: str | None = None, *, actors: Iterable[str] = (),
                     numbered: bool = False) -> Diagram:
    """A UML sequence diagram from `(sender, receiver, label[, kind])` messages.

    `kind` is one of sync (the default), async, return, create, destroy. Participants
    appear in order of first mention unless `participants` gives the order; `actors`
    are drawn as stick figures; `numbered` puts a sequence number on every message.
    """
    try:
        raw = list(messages)
    except TypeError:
        raise TypeError(f"{messages!r} is not a list of messages: {_FORM}") from None
    parsed = [_message(index, message) for index, message in enumerate(raw)]
    _check_lifecycle(parsed, raw)
    lifelines = _participants(parsed, participants, actors)
    if not lifelines:
        raise ValueError("a sequence diagram needs at least one message or participant")
    return Diagram(build_model(lifelines, parsed, title=title, numbered=numbered))


@to_dot.register
def _(model: SequenceModel) -> str:
    return sequence_dot(model)


# Words Mermaid's sequence lexer takes as keywords whatever their place (case-insensitive).
_KEYWORDS = frozenset({
    "participant", "actor", "create", "destroy", "box", "loop", "rect", "opt", "alt", "else",
    "par", "par_over", "and", "critical", "option", "break", "end", "left", "right", "of", "over",
    "note", "links", "link", "properties", "details", "activate", "deactivate", "title",
    "autonumber", "off", "as"})


def _ids(model: SequenceModel) -> dict[str, str]:
    """Identifiers for the text notations: the name itself when it is a safe one."""
    return {p.name: p.name if p.name.isidentifier() and p.name.lower() not in _KEYWORDS
            else f"p{k}" for k, p in enumerate(model.participants)}


def _script(model: SequenceModel, header: list[str], declare: Callable[[Participant], str],
            arrow: Callable[[Message], str], destroy_first: bool) -> list[str]:
    """What both notations share: participants, messages, activations, loops.

    `declare` writes a participant line, `arrow` a message line; Mermaid wants `destroy`
    before the message that destroys, PlantUML after it.
    """
    ids = _ids(model)
    created = {m.receiver for m in model.messages if m.kind is MessageKind.CREATE}
    lines = header + (["autonumber"] if model.numbered else [])
    lines += [declare(p) for p in model.participants if p.name not in created]
    loops, activate, deactivate, end = (defaultdict(list) for _ in range(4))  # at message i
    for frame in model.frames:  # outer frames first: they open first and close last
        loops[frame.first].append(f"loop {frame.guard}")
        end[frame.last].append("end")
    for bar in model.activations:  # in order of start; one that ends where it starts is not drawn
        if bar.end > bar.start:
            activate[bar.start].append(f"activate {ids[bar.participant]}")
            deactivate[bar.end].insert(0, f"deactivate {ids[bar.participant]}")
    for i, message in enumerate(model.messages):
        lines += loops[i]
        if message.kind is MessageKind.CREATE:
            lines.append(f"create {declare(model.participant(message.receiver))}")
        destroy = [f"destroy {ids[message.receiver]}"] * (message.kind is MessageKind.DESTROY)
        lines += destroy * destroy_first + [arrow(message)] + destroy * (not destroy_first)
        lines += activate[i] + deactivate[i] + end[i]
    return lines


_MERMAID_ARROW = {MessageKind.SYNC: "->>", MessageKind.ASYNC: "-)", MessageKind.RETURN: "-->>",
                  MessageKind.CREATE: "-->>", MessageKind.DESTROY: "-x"}
_PLANTUML_ARROW = {MessageKind.SYNC: "->", MessageKind.ASYNC: "->>", MessageKind.RETURN: "-->",
                   MessageKind.CREATE: "-->", MessageKind.DESTROY: "->"}


def _mermaid_text(text: str) -> str:
    """Mermaid reads `#` as a comment and `;` as a line break: write them as entity codes."""
    return re.sub(r"[#;]", lambda match: f"#{ord(match.group())};", text)


@to_mermaid.register
def _(model: SequenceModel) -> str:
    ids = _ids(model)

    def declare(p: Participant) -> str:
        alias = f" as {_mermaid_text(p.label)}" if ids[p.name] != p.label else ""
        return f"{'actor' if p.actor else 'participant'} {ids[p.name]}{alias}"

    def arrow(m: Message) -> str:
        text = _mermaid_text(m.caption) or "#32;"  # Mermaid needs some text after the colon
        return f"{ids[m.sender]}{_MERMAID_ARROW[m.kind]}{ids[m.receiver]}: {text}"

    header = mermaid_head(model.title, "sequenceDiagram")
    return "\n".join(_script(model, header, declare, arrow, destroy_first=True)) + "\n"


@to_plantuml.register
def _(model: SequenceModel) -> str:
    ids = _ids(model)
    # A created participant is declared late; `order` keeps the columns in the model's order.
    created = any(m.kind is MessageKind.CREATE for m in model.messages)
    order = {p.name: f" order {k}" if created else "" for k, p in enumerate(model.participants)}

    def declare(p: Participant) -> str:
        keyword = "actor" if p.actor else "participant"
        return f"{keyword} {quote(p.label)} as {ids[p.name]}{order[p.name]}"

    def arrow(m: Message) -> str:
        shaft = "-[#red]->" if m.raised else _PLANTUML_ARROW[m.kind]
        text = f" : {m.caption}" if m.caption else ""
        return f"{ids[m.sender]} {shaft} {ids[m.receiver]}{text}"

    lines = _script(model, plantuml_head(model.title), declare, arrow, destroy_first=False)
    return "\n".join([*lines, "@enduml"]) + "\n"
