"""What every course widget shares: the live view, a static fallback, and HTML helpers."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from html import escape
from typing import Any

import ipywidgets as widgets

from lld_helpers.diagrams import Diagram, GraphvizError

HIGHLIGHT = "#1d4ed8"  # the blue that the state diagrams highlight with
RIGHT, WRONG = "#15803d", "#b91c1c"


class Interactive(ABC):
    """A course widget: `widget` where a widget front end runs (JupyterLab), and the
    `static_html()` of what it shows now everywhere else (nbconvert, nbval, HTML exports).

    Display the object itself (last line of a cell, or `display(obj)`); put `obj.widget`
    inside other ipywidgets containers.
    """

    def __init__(self, widget: widgets.Widget) -> None:
        self.widget = widget

    @abstractmethod
    def static_html(self) -> str:
        """HTML of what the widget shows now, for front ends that cannot run widgets."""

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = self.widget._repr_mimebundle_()
        bundle["text/html"] = self.static_html()
        bundle["text/plain"] = repr(self)
        return bundle


def svg_html(diagram: Diagram) -> str:
    """The diagram's SVG, ready to sit inside HTML (or why Graphviz could not draw it)."""
    try:
        svg = diagram.svg()
    except GraphvizError as error:
        return f"<pre>{escape(str(error))}</pre>"
    return picture(svg)


def picture(image: str) -> str:
    """An SVG document (or an <img>) as HTML, shrunk to the width of the page if wider."""
    if image.startswith("<?xml"):
        image = image[image.index("<svg"):]
    image = re.sub(r"^<(svg|img) ", r'<\1 style="max-width:100%;height:auto" ', image)
    return f'<div style="max-width:100%">{image}</div>'


def inline_markdown(text: str) -> str:
    """`code`, **bold** and *italic* of one paragraph of Markdown as HTML; the rest escaped."""
    html = escape(text)
    html = re.sub(r"`([^`]+)`", r"<code>\1</code>", html)
    html = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html)
    return re.sub(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])", r"<i>\1</i>", html)
