"""The sequence-diagram model: lifelines, messages, activation bars and combined fragments."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import ClassVar

MAX_PERIOD = 4  # the longest run of different calls that loop folding repeats


class MessageKind(StrEnum):
    SYNC = "sync"
    ASYNC = "async"
    RETURN = "return"
    CREATE = "create"
    DESTROY = "destroy"


@dataclass(frozen=True)
class Participant:
    """A lifeline: `name` is what messages refer to; the head reads `name:type`."""

    name: str
    type: str = ""
    actor: bool = False

    @property
    def label(self) -> str:
        return f"{self.name}:{self.type}" if self.type else self.name


@dataclass(frozen=True)
class Message:
    """One arrow. `depth` counts the calls open when it is sent (a top-level call is 1,
    a return has its call's depth); `raised` marks a return that is a propagating exception."""

    sender: str
    receiver: str
    label: str
    kind: MessageKind = MessageKind.SYNC
    depth: int = 1
    raised: bool = False

    @property
    def caption(self) -> str:
        """What the arrow reads: the label, after «create» or «destroy» for those kinds."""
        if self.kind in (MessageKind.CREATE, MessageKind.DESTROY):
            return f"«{self.kind}» {self.label}".rstrip()
        return self.label


@dataclass(frozen=True)
class Activation:
    """An execution (activation bar) on `participant`, from message `start` to message `end`.

    `level` is 0 on the lifeline and grows for nested executions (self-calls); `returns`
    says whether message `end` is its return, else the bar just ends below that message.
    """

    participant: str
    start: int
    end: int
    level: int
    returns: bool


@dataclass(frozen=True)
class Frame:
    """A combined fragment such as `loop [3 times]` around messages `first`..`last`."""

    operator: str
    guard: str
    first: int
    last: int


@dataclass
class SequenceModel:
    participants: list[Participant]
    messages: list[Message]
    activations: list[Activation]
    frames: list[Frame]
    title: str | None = None
    numbered: bool = False
    engine: ClassVar[str] = "neato -n2"  # coordinates are pinned: Graphviz only draws

    def participant(self, name: str) -> Participant:
        return next(p for p in self.participants if p.name == name)


class _CallStack:
    """Replays the messages as calls and returns, and records the activations they imply.

    A message from a participant that is not on top of the stack first ends the calls above
    it (they returned without a drawn return); a participant not on the stack starts afresh,
    unless its message is asynchronous (a signal that does not interrupt the calls running).
    """

    def __init__(self) -> None:
        self.entries: list[tuple[str, int]] = []  # (participant, index in `bars` or -1)
        self.bars: list[Activation] = []

    def close_above(self, size: int, end: int, returns: bool = False) -> None:
        while len(self.entries) > size:
            _, bar = self.entries.pop()
            if bar >= 0:
                self.bars[bar] = replace(self.bars[bar], end=end, returns=returns)

    def unwind_to(self, sender: str, index: int) -> None:
        for position in range(len(self.entries) - 1, -1, -1):
            if self.entries[position][0] == sender:
                self.close_above(position + 1, index - 1)
                return
        self.close_above(0, index - 1)
        self.entries.append((sender, -1))

    def send(self, index: int, message: Message) -> int:
        """Apply one message; its depth."""
        if message.kind is MessageKind.ASYNC and all(
                who != message.sender for who, _ in self.entries):
            return 1  # a signal from outside the running calls: they go on
        self.unwind_to(message.sender, index)
        if message.kind is MessageKind.RETURN:
            if self.entries[-1][1] >= 0:
                self.close_above(len(self.entries) - 1, index, returns=True)
                return len(self.entries)
            return len(self.entries) - 1
        depth = len(self.entries)
        if message.kind in (MessageKind.SYNC, MessageKind.CREATE):
            level = sum(1 for who, bar in self.entries if who == message.receiver and bar >= 0)
            self.entries.append((message.receiver, len(self.bars)))
            self.bars.append(Activation(message.receiver, index, index, level, False))
        return depth


def build_model(participants: list[Participant], messages: list[Message],
                frames: list[Frame] | None = None, title: str | None = None,
                numbered: bool = False) -> SequenceModel:
    """The model, with each message's depth and the activation bars worked out."""
    stack = _CallStack()
    messages = [replace(m, depth=stack.send(i, m)) for i, m in enumerate(messages)]
    stack.close_above(0, len(messages) - 1)
    return SequenceModel(participants, messages, stack.bars,
                         sorted(frames or [], key=lambda f: (f.first, -f.last)), title, numbered)


def _blocks(messages: list[Message], start: int, end: int) -> list[tuple[int, int]]:
    """`messages[start:end]` cut into calls, each with what it sent and its return."""
    blocks, i = [], start
    while i < end:
        depth, j = messages[i].depth, i + 1
        while j < end and messages[j].depth > depth:
            j += 1
        if (j < end and messages[j].kind is MessageKind.RETURN and messages[j].depth == depth
                and messages[i].kind is not MessageKind.RETURN):
            j += 1
        blocks.append((i, j))
        i = j
    return blocks


def _repetition(keys: list[int], k: int) -> tuple[int, int]:
    """(period, times): the run of identical groups of blocks starting at `k` that covers most."""
    best = (1, 1)
    for period in range(1, MAX_PERIOD + 1):
        unit, times = keys[k:k + period], 1
        while keys[k + times * period:k + (times + 1) * period] == unit:
            times += 1
        if times > 1 and period * times > best[0] * best[1]:
            best = (period, times)
    return best


def fold_loops(messages: list[Message]) -> tuple[list[Message], list[Frame]]:
    """Fold consecutive identical calls (with all they sent) into `loop [n times]` frames."""
    out: list[Message] = []
    frames: list[Frame] = []
    interned: dict[tuple[Message, ...], int] = {}

    def emit_range(start: int, end: int) -> None:
        blocks = _blocks(messages, start, end)
        keys = [interned.setdefault(tuple(messages[i:j]), len(interned)) for i, j in blocks]
        emit_blocks(blocks, keys)

    def emit_blocks(blocks: list[tuple[int, int]], keys: list[int]) -> None:
        k = 0
        while k < len(blocks):
            period, times = _repetition(keys, k)
            first = len(out)
            if times > 1:
                emit_blocks(blocks[k:k + period], keys[k:k + period])
                frames.append(Frame("loop", f"{times} times", first, len(out) - 1))
            else:
                emit_block(*blocks[k])
            k += period * times

    def emit_block(i: int, j: int) -> None:
        returned = j - i > 1 and messages[j - 1].kind is MessageKind.RETURN and (
            messages[j - 1].depth == messages[i].depth)
        out.append(messages[i])
        emit_range(i + 1, j - 1 if returned else j)
        if returned:
            out.append(messages[j - 1])

    emit_range(0, len(messages))
    return out, frames
