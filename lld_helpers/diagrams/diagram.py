"""`Diagram`: a model plus its renderings, shown inline by Jupyter."""

from __future__ import annotations

import functools
import hashlib
import re
from functools import cached_property
from pathlib import Path
from typing import Any

from lld_helpers.diagrams import graphviz
from lld_helpers.diagrams.dot import to_dot
from lld_helpers.diagrams.text import to_mermaid, to_plantuml

_FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf"}


@functools.singledispatch
def finish_svg(model: object, svg: str) -> str:
    """A hook for models that draw what Graphviz cannot (e.g. UML actor figures) into the SVG."""
    return svg


class Diagram:
    """A diagram: `.model` (structured), `.dot`, `.svg()`, `.save()`, Mermaid, PlantUML."""

    def __init__(self, model: Any) -> None:
        self.model = model

    @property
    def engine(self) -> str:
        """The Graphviz program (and flags) that lays the model out; models may choose."""
        return getattr(self.model, "engine", "dot")

    @cached_property
    def dot(self) -> str:
        """The Graphviz DOT source."""
        return to_dot(self.model)

    def svg(self) -> str:
        """The SVG text; element ids are prefixed so several diagrams on a page never clash."""
        prefix = "d" + hashlib.sha1(self.dot.encode()).hexdigest()[:8] + "_"
        svg = finish_svg(self.model, graphviz.render(self.dot, "svg", self.engine).decode())
        svg = re.sub(r'\bid="', f'id="{prefix}', svg)
        return re.sub(r'(href="#|url\(#)', rf"\1{prefix}", svg)

    def png(self) -> bytes:
        return graphviz.render(self.dot, "png", self.engine)

    def to_mermaid(self) -> str:
        return to_mermaid(self.model)

    def to_plantuml(self) -> str:
        return to_plantuml(self.model)

    def save(self, path: str | Path) -> Path:
        """Write the diagram; the suffix picks the format: .svg, .png, .pdf, .dot, .mmd, .puml."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix in _FORMATS:
            data = self.svg().encode() if suffix == ".svg" else graphviz.render(
                self.dot, _FORMATS[suffix], self.engine)
            path.write_bytes(data)
        elif suffix in (".dot", ".gv", ".mmd", ".puml"):
            text = {".mmd": self.to_mermaid, ".puml": self.to_plantuml}.get(
                suffix, lambda: self.dot)()
            path.write_text(text, encoding="utf-8")
        else:
            raise ValueError(f"cannot save a diagram as {suffix!r}: use .svg, .png, .pdf, "
                             ".dot, .mmd or .puml")
        return path

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        try:
            if include and "image/png" in include:
                return {"image/png": self.png(), "text/plain": repr(self)}
            return {"image/svg+xml": self.svg(), "text/plain": repr(self)}
        except graphviz.GraphvizError as error:
            return {"text/plain": f"{self!r} could not be drawn.\n{error}"}

    def __repr__(self) -> str:
        title = getattr(self.model, "title", None)
        return f"<{type(self.model).__name__} diagram{f' {title!r}' if title else ''}>"
