"""A simulation over time, plotted with matplotlib, with a time slider moving a cursor."""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

import ipywidgets as widgets

from lld_helpers.widgets.display import HIGHLIGHT, Interactive, picture

if TYPE_CHECKING:
    from matplotlib.figure import Figure

Simulation = Callable[[float], Mapping[str, float]] | Mapping[str, Sequence[float]]


class Timeline(Interactive):
    """Values over time, one line each, and a slider that moves a cursor and reads them.

    `simulate` is either a function of the time `t` returning `{name: value}`, called at
    `0, step, 2*step, ...` up to `duration` in that order (so it may advance a simulation
    as it goes), or precomputed series `{name: [value at 0, at step, ...]}`.

        clock = FakeClock()
        bucket = TokenBucket(capacity=5, rate=1.0, clock=clock)  # a rate limiter of yours

        def simulate(t):
            clock.advance(t - clock())
            if t % 3 == 0:
                bucket.try_take(4)  # a burst every 3 s
            return {"tokens": bucket.tokens}

        Timeline(simulate, duration=12, step=0.5, title="A token bucket")
    """

    def __init__(self, simulate: Simulation, *, duration: float | None = None,
                 step: float = 1.0, title: str | None = None, ylabel: str = "") -> None:
        if not step > 0:
            raise ValueError(f"step must be positive, not {step}")
        self.step = step
        if isinstance(simulate, Mapping):
            self.series = {name: [float(v) for v in values] for name, values in simulate.items()}
            lengths = {len(values) for values in self.series.values()}
            if len(lengths) != 1 or 0 in lengths:
                raise ValueError("precomputed series must be non-empty and of equal length")
            self.times = [i * step for i in range(lengths.pop())]
        else:
            if duration is None or not duration > 0:
                raise ValueError("a simulation needs a positive duration")
            self.times = [i * step for i in range(math.floor(duration / step + 1e-9) + 1)]
            rows = [dict(simulate(t)) for t in self.times]
            names = dict.fromkeys(name for row in rows for name in row)
            self.series = {name: [float(row.get(name, math.nan)) for row in rows]
                           for name in names}
        if not self.series:
            raise ValueError("there is nothing to plot: no series")
        self._figure, self._cursor = self._plot(title, ylabel)
        self.slider = widgets.FloatSlider(value=0.0, min=0.0, max=self.times[-1], step=step,
                                          description="t", readout_format=".2f")
        self.image = widgets.Image(format="png")
        self.readout = widgets.HTML()
        self.slider.observe(lambda _: self._show(), names="value")
        super().__init__(widgets.VBox([self.image, self.slider, self.readout]))
        self.widget.add_class("lld-timeline")
        self._show()

    @property
    def time(self) -> float:
        """The time under the cursor (a sampled time)."""
        return self.times[self._index(self.slider.value)]

    @time.setter
    def time(self, t: float) -> None:
        self.slider.value = self.times[self._index(t)]

    @property
    def values(self) -> dict[str, float]:
        """Each series' value at the cursor."""
        return self.at(self.time)

    def at(self, t: float) -> dict[str, float]:
        """Each series' value at the sampled time nearest `t`."""
        index = self._index(t)
        return {name: values[index] for name, values in self.series.items()}

    def png(self) -> bytes:
        """The plot with the cursor where it is, as PNG."""
        self._cursor.set_xdata([self.time, self.time])
        buffer = io.BytesIO()
        self._figure.savefig(buffer, format="png")
        return buffer.getvalue()

    def static_html(self) -> str:
        data = base64.b64encode(self.image.value).decode()
        return picture(f'<img src="data:image/png;base64,{data}" alt="timeline">') + \
            self.readout.value

    def __repr__(self) -> str:
        return f"<Timeline of {', '.join(self.series)} at t={self.time:g}>"

    def _index(self, t: float) -> int:
        return min(max(round(t / self.step), 0), len(self.times) - 1)

    def _plot(self, title: str | None, ylabel: str) -> tuple[Figure, object]:
        from matplotlib.figure import Figure  # imported on first use: it takes 0.4 s

        figure = Figure(figsize=(7, 2.8), dpi=96, layout="constrained")
        axes = figure.add_subplot()
        for name, values in self.series.items():
            axes.plot(self.times, values, label=name, linewidth=1.6)
        cursor = axes.axvline(0.0, color=HIGHLIGHT, linewidth=1.2, linestyle="--")
        axes.set_xlabel("t")
        axes.set_ylabel(ylabel)
        axes.grid(alpha=0.3)
        axes.legend(loc="upper right", fontsize="small")
        if title:
            axes.set_title(title)
        return figure, cursor

    def _show(self) -> None:
        self.image.value = self.png()
        cells = "".join(f"<td style='padding:0 1em 0 0'><b>{escape(name)}</b> = {value:g}</td>"
                        for name, value in self.values.items())
        self.readout.value = f"<table><tr><td style='padding:0 1em 0 0'>t = {self.time:g}</td>" \
                             f"{cells}</tr></table>"
