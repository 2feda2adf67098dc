"""Step through a sequence diagram message by message, with a slider and a play button."""

from __future__ import annotations

import re
from html import escape
from typing import Any

import ipywidgets as widgets

from lld_helpers.diagrams import Diagram, GraphvizError, sequence_diagram
from lld_helpers.diagrams.sequence import Message, SequenceModel
from lld_helpers.diagrams.tracing import SequenceTrace
from lld_helpers.widgets.display import HIGHLIGHT, Interactive, picture

FADED = "0.18"
# A message's arrow (and the earlier segments of a self-call's arrow) and its label, as
# Graphviz writes them: <g id="<prefix>message3" ...>...</g>, <g id="<prefix>label3" ...>.
_PART = re.compile(r'(<g id="[^"]*?(?:message|label)(\d+)(?:_\d+)?"[^>]*)>(.*?)</g>', re.S)


def _sequence(messages_or_trace: Any) -> Diagram:
    if isinstance(messages_or_trace, SequenceTrace):
        return messages_or_trace.diagram()
    if isinstance(messages_or_trace, Diagram):
        if not isinstance(messages_or_trace.model, SequenceModel):
            raise TypeError(f"{messages_or_trace!r} is not a sequence diagram")
        return messages_or_trace
    return sequence_diagram(messages_or_trace)


def _paint(body: str) -> str:
    """An arrow or label drawn in the highlight colour, thicker and bold."""
    body = re.sub(r'(stroke|fill)="(?:black|red)"', rf'\1="{HIGHLIGHT}"', body)
    body = body.replace("<path ", '<path stroke-width="2.2" ')
    body = re.sub(r"<text (?![^>]*\bfill=)", f'<text fill="{HIGHLIGHT}" ', body)
    return body.replace("<text ", '<text font-weight="bold" ')


def highlight(svg: str, step: int) -> str:
    """The SVG of a sequence diagram with message `step` (from 1) highlighted and the
    messages after it faded; step 0 fades them all."""
    def part(match: re.Match[str]) -> str:
        head, number, body = match.group(1), int(match.group(2)) + 1, match.group(3)
        if number > step:
            return f'{head} opacity="{FADED}">{body}</g>'
        return f"{head}>{_paint(body) if number == step else body}</g>"

    return _PART.sub(part, svg)


class SequencePlayer(Interactive):
    """A sequence diagram played message by message: the current one in blue, later ones faded.

    Takes `(sender, receiver, label[, kind])` messages (as `sequence_diagram` does), a
    `trace_sequence(...)` trace, or a sequence `Diagram`. The diagram is laid out once;
    each step only recolours it.

        with trace_sequence(Shop, Order) as trace:
            shop.checkout(cart)
        player = SequencePlayer(trace)
        player.step = 3        # or move the slider, or press play
        player.message         # the third message
    """

    def __init__(self, messages_or_trace: Any, *, interval_ms: int = 900) -> None:
        self.diagram = _sequence(messages_or_trace)
        self.messages: list[Message] = self.diagram.model.messages
        try:
            self._svg = self.diagram.svg()
        except GraphvizError as error:
            self._svg = f"<pre>{escape(str(error))}</pre>"
        count = len(self.messages)
        self.slider = widgets.IntSlider(value=min(1, count), min=0, max=count,
                                        description="Message")
        self.play = widgets.Play(min=0, max=count, interval=interval_ms, description="Play")
        widgets.link((self.slider, "value"), (self.play, "value"))
        self.picture, self.caption = widgets.HTML(), widgets.HTML()
        self.slider.observe(lambda _: self._show(), names="value")
        super().__init__(widgets.VBox([widgets.HBox([self.play, self.slider]), self.caption,
                                       self.picture]))
        self.widget.add_class("lld-sequence-player")
        self._show()

    @property
    def step(self) -> int:
        """How many messages have been played: 0 (none) to `len(messages)`."""
        return self.slider.value

    @step.setter
    def step(self, value: int) -> None:
        if not 0 <= value <= len(self.messages):
            raise ValueError(f"step must be from 0 to {len(self.messages)}, not {value}")
        self.slider.value = value

    @property
    def message(self) -> Message | None:
        """The message of the current step (None at step 0)."""
        return self.messages[self.step - 1] if self.step else None

    def static_html(self) -> str:
        return self.caption.value + self.picture.value

    def __repr__(self) -> str:
        return f"<SequencePlayer step {self.step} of {len(self.messages)}>"

    def _show(self) -> None:
        self.picture.value = picture(highlight(self._svg, self.step))
        m = self.message
        self.caption.value = (
            f"<b>{self.step} of {len(self.messages)}:</b> {escape(m.sender)} → "
            f"{escape(m.receiver)}: <code>{escape(m.caption)}</code> ({m.kind})"
            if m else f"Press play or move the slider: {len(self.messages)} messages.")
