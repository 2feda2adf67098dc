"""Lay a sequence diagram out by hand and write it as DOT with pinned coordinates.

Graphviz cannot lay out sequence diagrams, so every box, text and line end is placed here
(in points, y downwards) and `neato -n2` only draws: lines are edges between invisible
points, boxes and texts are fixed-size nodes. Nodes are painted first and lines on top,
so a lifeline is drawn in pieces around the bars, labels and frame tags it passes.
"""

from __future__ import annotations

from collections import defaultdict

from lld_helpers.diagrams.common import digraph_head, quote
from lld_helpers.diagrams.sequence_model import Activation, Message, MessageKind, SequenceModel

HEAD_H, ROW, GAP, MARGIN = 28.0, 30.0, 30.0, 12.0
BAR_W, NEST = 10.0, 5.0  # activation bar width; sideways shift of a nested bar
SELF_W, SELF_DROP = 28.0, 14.0  # self-call loop
FRAME_GAP, FRAME_TOP, FRAME_BOTTOM, TAG_H = 6.0, 22.0, 10.0, 16.0

_ARROW = {  # (arrowhead, line style): UML's filled head for a call, open ones otherwise
    MessageKind.SYNC: ("normal", "solid"),
    MessageKind.ASYNC: ("vee", "solid"),
    MessageKind.RETURN: ("vee", "dashed"),
    MessageKind.CREATE: ("vee", "dashed"),
    MessageKind.DESTROY: ("normal", "solid"),
}
_NARROW, _WIDE = set("ijlrtfI.,:;'|!()[] "), set("mwMW@%")


def _text_width(text: str) -> float:
    """Roughly how wide `text` is in 10 pt Helvetica."""
    return sum(2.8 if c in _NARROW else 8.3 if c in _WIDE else 5.8 for c in text)


def _message_text(model: SequenceModel, index: int) -> str:
    caption = model.messages[index].caption
    return f"{index + 1}: {caption}" if model.numbered else caption


class _Canvas:
    """Accumulates DOT nodes and edges at fixed positions (y grows downwards), and the
    rectangles that lifelines must not cross."""

    def __init__(self) -> None:
        self.nodes: list[str] = []
        self.edges: list[str] = []
        self.masks: list[tuple[float, float, float, float]] = []

    def node(self, x: float, y: float, attrs: str) -> str:
        name = f"n{len(self.nodes)}"
        self.nodes.append(f'  {name} [pos="{x:.1f},{-y:.1f}!" {attrs}];')
        return name

    def box(self, x0: float, y0: float, x1: float, y1: float, attrs: str, label: str = "",
            mask: bool = False) -> str:
        if mask:
            self.masks.append((x0, y0, x1, y1))
        size = f"width={(x1 - x0) / 72:.3f} height={(y1 - y0) / 72:.3f}"
        return self.node((x0 + x1) / 2, (y0 + y1) / 2,
                         f"shape=box {size} label={quote(label)} {attrs}")

    def text(self, x: float, y: float, text: str, attrs: str = "") -> str:
        half = _text_width(text) / 2 + 2
        self.masks.append((x - half, y - 7, x + half, y + 7))
        return self.node(x, y, f"shape=plaintext fixedsize=false width=0 height=0 margin=0.02 "
                               f"style=filled fillcolor=white label={quote(text)} {attrs}")

    def line(self, points: list[tuple[float, float]], style: str = "solid",
             last: str = "", name: str = "") -> None:
        """A polyline; `last` holds the arrowhead and other attributes of its final segment;
        with a `name`, the segments before it get the ids `name_0`, `name_1`, ..."""
        names = [self.node(x, y, 'shape=point width=0.01 height=0.01 style=invis label=""')
                 for x, y in points]
        for k, (a, b) in enumerate(zip(names[:-2], names[1:-1], strict=True)):
            part = f' id="{name}_{k}"' if name else ""
            self.edges.append(f"  {a} -> {b} [dir=none style={style}{part}];")
        self.edges.append(f"  {names[-2]} -> {names[-1]} [style={style} {last or 'dir=none'}];")


def _attach_levels(model: SequenceModel) -> list[tuple[int, int]]:
    """For each message, the bar level its tail and head attach to (-1: the bare lifeline)."""
    starting: dict[int, Activation] = {a.start: a for a in model.activations}
    open_bars: dict[str, list[Activation]] = defaultdict(list)
    levels = []
    for i, m in enumerate(model.messages):
        for who in (m.sender, m.receiver):
            open_bars[who] = [a for a in open_bars[who] if a.end >= i]
        sending = [a.level for a in open_bars[m.sender]]
        receiving = [a.level for a in open_bars[m.receiver]]
        if i in starting:
            head = starting[i].level
        elif m.kind is MessageKind.RETURN and m.receiver == m.sender:
            head = receiving[-2] if len(receiving) > 1 else -1
        else:
            head = receiving[-1] if receiving else -1
        levels.append((sending[-1] if sending else -1, head))
        if i in starting:
            open_bars[m.receiver].append(starting[i])
    return levels


class _Layout:
    """Where everything goes: columns per participant, a row per message, frames around."""

    def __init__(self, model: SequenceModel) -> None:
        self.model = model
        self.index = {p.name: k for k, p in enumerate(model.participants)}
        self.created = {m.receiver: i for i, m in enumerate(model.messages)
                        if m.kind is MessageKind.CREATE}
        self.destroyed = {m.receiver: i for i, m in enumerate(model.messages)
                          if m.kind is MessageKind.DESTROY}
        self.head_w = [max(50.0, _text_width(p.label) + 16) for p in model.participants]
        self.levels = _attach_levels(model)
        self.texts = [_message_text(model, i) for i in range(len(model.messages))]
        self.x = self._columns()
        self.top = MARGIN + HEAD_H / 2
        self.y, self.frame_y, self.bottom = self._rows()

    def _columns(self) -> list[float]:
        """Lifeline x: heads side by side, each label fitting between the lifelines it joins."""
        needs: dict[int, list[tuple[int, float]]] = defaultdict(list)  # right column -> needs
        for m, text in zip(self.model.messages, self.texts, strict=True):
            a, b = sorted((self.index[m.sender], self.index[m.receiver]))
            room = _text_width(text) + 2 * BAR_W + 16
            if a == b:  # a self-call's label runs to the right of its loop
                if b + 1 < len(self.head_w):
                    needs[b + 1].append((a, max(SELF_W, room) + self.head_w[b + 1] / 4))
            else:
                head = self.head_w[b] / 2 if m.kind is MessageKind.CREATE else 0
                needs[b].append((a, room + head))
        x: list[float] = []
        for k, width in enumerate(self.head_w):
            least = (x[k - 1] + (self.head_w[k - 1] + width) / 2 + GAP) if k else MARGIN + width / 2
            x.append(max([least] + [x[a] + room for a, room in needs[k]]))
        return x

    def _rows(self) -> tuple[list[float], dict[int, tuple[float, float]], float]:
        """Message y, one row each; frames (sorted outer first) open above and close below."""
        opening, closing = defaultdict(list), defaultdict(list)
        for f, frame in enumerate(self.model.frames):
            opening[frame.first].append(f)
            closing[frame.last].insert(0, f)  # inner first
        y, rows, spans = self.top + HEAD_H / 2 + 6, [], {}
        for i, m in enumerate(self.model.messages):
            for f in opening[i]:
                spans[f] = (y + FRAME_GAP, 0.0)
                y += FRAME_GAP + FRAME_TOP
            y += ROW
            rows.append(y)
            y += self.extra(m)
            for f in closing[i]:
                y += FRAME_BOTTOM
                spans[f] = (spans[f][0], y)
        return rows, spans, y + 2 * MARGIN

    def extra(self, m: Message) -> float:
        """Room a message takes below its arrow: a self-call's loop, a created head box."""
        if m.sender == m.receiver:
            return SELF_DROP
        return HEAD_H / 2 if m.kind is MessageKind.CREATE else 0.0

    def bar_x(self, who: str, level: int, side: float) -> float:
        """The x where an arrow meets `who`'s bar at `level` on `side` (-1 left, +1 right)."""
        x = self.x[self.index[who]]
        return x if level < 0 else x + level * NEST + side * BAR_W / 2

    def bar_span(self, bar: Activation) -> tuple[float, float]:
        start, end = self.model.messages[bar.start], self.model.messages[bar.end]
        y0 = self.y[bar.start] + self.extra(start)
        y1 = self.y[bar.end] if bar.returns else self.y[bar.end] + self.extra(end) + 8
        return y0, max(y1, y0 + 10)

    def arrow(self, i: int) -> list[tuple[float, float]]:
        m, (tail, head) = self.model.messages[i], self.levels[i]
        y = self.y[i]
        if m.sender == m.receiver:
            x0, x1 = self.bar_x(m.sender, tail, 1), self.bar_x(m.receiver, head, 1)
            out = max(x0, x1) + SELF_W
            return [(x0, y), (out, y), (out, y + SELF_DROP), (x1, y + SELF_DROP)]
        side = 1 if self.index[m.receiver] > self.index[m.sender] else -1
        end = (self.x[self.index[m.receiver]] - side * self.head_w[self.index[m.receiver]] / 2
               if m.kind is MessageKind.CREATE else self.bar_x(m.receiver, head, -side))
        return [(self.bar_x(m.sender, tail, side), y), (end, y)]

    def extent(self, i: int) -> tuple[float, float]:
        """The horizontal span message `i` draws over: its lifelines' bars, label, head box."""
        m = self.model.messages[i]
        xs = [x for x, _ in self.arrow(i)]
        xs += [self.x[self.index[who]] + side * BAR_W for who in (m.sender, m.receiver)
               for side in (-1, 1)]
        if m.sender == m.receiver:
            xs.append(xs[0] + _text_width(self.texts[i]) + 8)
        if m.kind is MessageKind.CREATE:
            k = self.index[m.receiver]
            xs.append(self.x[k] + self.head_w[k] / 2)
        return min(xs), max(xs)


def _draw_head(canvas: _Canvas, layout: _Layout, k: int) -> float:
    """The lifeline's head (a box, or a stick figure for an actor); the y where it ends."""
    participant, x = layout.model.participants[k], layout.x[k]
    created = layout.created.get(participant.name)
    y = layout.y[created] if created is not None else layout.top
    if not participant.actor:
        half = layout.head_w[k] / 2
        canvas.box(x - half, y - HEAD_H / 2, x + half, y + HEAD_H / 2,
                   'style=filled fillcolor=white class="head"', participant.label)
        return y + HEAD_H / 2
    top = y - HEAD_H / 2 - 8
    canvas.node(x, top + 4, 'shape=circle width=0.11 height=0.11 label="" class="head"')
    for stroke in ([(x, top + 8), (x, top + 20)], [(x - 7, top + 12), (x + 7, top + 12)],
                   [(x - 6, top + 28), (x, top + 20), (x + 6, top + 28)]):
        canvas.line(stroke)
    canvas.text(x, top + 36, participant.label, 'class="head"')
    return top + 43


def _draw_lifeline(canvas: _Canvas, layout: _Layout, k: int, top: float) -> None:
    """The dashed line below a head, in pieces between the things painted over it."""
    x, name = layout.x[k], layout.model.participants[k].name
    end = layout.y[layout.destroyed[name]] if name in layout.destroyed else layout.bottom
    gaps = sorted((y0, y1) for x0, y0, x1, y1 in canvas.masks if x0 <= x <= x1)
    for y0, y1 in [*gaps, (end, end)]:
        if min(y0, end) > top + 1:
            canvas.line([(x, top), (x, min(y0, end))], "dashed", 'dir=none class="lifeline"')
        top = max(top, y1)


def _draw_message(canvas: _Canvas, layout: _Layout, i: int) -> None:
    m, points = layout.model.messages[i], layout.arrow(i)
    head, style = _ARROW[m.kind]
    color, font = (" color=red", " fontcolor=red") if m.raised else ("", "")
    canvas.line(points, style, f'arrowhead={head}{color} id="message{i}" class="message {m.kind}"',
                name=f"message{i}")
    if layout.texts[i]:
        x = ((points[0][0] + points[-1][0]) / 2 if m.sender != m.receiver
             else points[0][0] + 4 + _text_width(layout.texts[i]) / 2)
        canvas.text(x, points[0][1] - 8, layout.texts[i], f'id="label{i}"{font}')
    if m.kind is MessageKind.DESTROY:
        x, y = points[-1]
        canvas.line([(x - 7, y - 7), (x + 7, y + 7)], last='dir=none class="destroy"')
        canvas.line([(x - 7, y + 7), (x + 7, y - 7)], last='dir=none class="destroy"')


def _draw_frame(canvas: _Canvas, layout: _Layout, f: int) -> None:
    """A combined fragment: a rectangle, its operator in a pentagon at the top left."""
    frame, (y0, y1) = layout.model.frames[f], layout.frame_y[f]
    spans = [layout.extent(i) for i in range(frame.first, frame.last + 1)]
    inner = sum(1 for g in layout.model.frames if g != frame
                and frame.first <= g.first and g.last <= frame.last)
    x0 = min(s[0] for s in spans) - 12 - 8 * inner
    x1 = max(s[1] for s in spans) + 12 + 8 * inner
    canvas.box(x0, y0, x1, y1, 'class="frame"')
    tag = f"{frame.operator} [{frame.guard}]"
    width = _text_width(tag) + 12
    canvas.box(x0 + 1, y0 + 1, x0 + width - 1, y0 + TAG_H - 1, "style=filled fillcolor=white "
               "color=white", mask=True)
    canvas.node(x0 + width / 2 - 2, y0 + TAG_H / 2,
                f'shape=plaintext fixedsize=false width=0 height=0 margin=0 label={quote(tag)} '
                'class="frame"')
    canvas.line([(x0, y0 + TAG_H), (x0 + width - 6, y0 + TAG_H), (x0 + width, y0 + TAG_H - 6),
                 (x0 + width, y0)])


def sequence_dot(model: SequenceModel) -> str:
    """DOT for `neato -n2`: every node pinned in points."""
    layout, canvas = _Layout(model), _Canvas()
    tops = [_draw_head(canvas, layout, k) for k in range(len(model.participants))]
    for bar in model.activations:
        if bar.start == bar.end and model.messages[bar.start].kind is MessageKind.CREATE:
            continue  # a constructor that sent nothing: the new head box says it all
        y0, y1 = layout.bar_span(bar)
        x = layout.bar_x(bar.participant, bar.level, 0)
        canvas.box(x - BAR_W / 2, y0, x + BAR_W / 2, y1,
                   'style=filled fillcolor=white class="activation"', mask=True)
    for f in range(len(model.frames)):
        _draw_frame(canvas, layout, f)
    for i in range(len(model.messages)):
        _draw_message(canvas, layout, i)
    for k, top in enumerate(tops):
        _draw_lifeline(canvas, layout, k, top)
    return "\n".join([
        *digraph_head("sequence", model.title, "splines=line outputorder=nodesfirst pad=0.2",
                      node="fixedsize=true", edge="arrowsize=0.8"),
        *canvas.nodes, *canvas.edges, "}"]) + "\n"
