"""Explore the class diagram of a module: pick classes, members, a focus, a direction; export."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from html import escape
from types import ModuleType
from typing import Any

import ipywidgets as widgets

from lld_helpers.diagrams import DIRECTIONS, Diagram, class_diagram
from lld_helpers.diagrams.classes import collect_classes
from lld_helpers.widgets.display import Interactive, svg_html

FORMATS = ("SVG", "Mermaid", "PlantUML")
MAX_DEPTH = 4


def _labels(classes: list[type]) -> list[str]:
    """Each class's name, or its module-qualified name where two classes share a name."""
    names = [cls.__qualname__ for cls in classes]
    return [name if names.count(name) == 1 else f"{cls.__module__}.{name}"
            for name, cls in zip(names, classes, strict=True)]


class DiagramExplorer(Interactive):
    """A class diagram with controls: which classes, methods, attributes, private members,
    a focus class with its neighbours up to a depth, the direction; and an export.

        import my_shop
        DiagramExplorer(my_shop)                # every class of a module
        DiagramExplorer([Order, LineItem, Shop])

    The controls are attributes (`classes`, `methods`, `attributes`, `private`, `focus`,
    `depth`, `direction`, `export_format`, `export_button`): setting a `.value` redraws, as a
    click does.
    """

    def __init__(self, module_or_classes: ModuleType | type | Iterable[ModuleType | type], *,
                 title: str | None = None) -> None:
        targets = ((module_or_classes,) if isinstance(module_or_classes, type | ModuleType)
                   else tuple(module_or_classes))
        found = collect_classes(targets)
        if not found:
            raise ValueError(f"no classes to draw in {module_or_classes!r}")
        self._title, self._syncing = title, False
        self._choices = list(zip(_labels(found), found, strict=True))
        self.classes = widgets.SelectMultiple(options=self._choices, value=tuple(found),
                                              rows=min(len(found), 8), description="Classes")
        self.methods = widgets.Checkbox(value=True, description="methods", indent=False)
        self.attributes = widgets.Checkbox(value=True, description="attributes", indent=False)
        self.private = widgets.Checkbox(value=False, description="private members",
                                        indent=False)
        self.focus = widgets.Dropdown(options=[("(none)", None), *self._choices], index=0,
                                      description="Focus")
        self.depth = widgets.IntSlider(value=1, min=0, max=MAX_DEPTH, description="Depth",
                                       disabled=True)
        self.direction = widgets.ToggleButtons(options=DIRECTIONS, value="BT",
                                               description="Direction",
                                               style={"button_width": "3.5em"})
        self.export_format = widgets.ToggleButtons(options=FORMATS, description="Export as",
                                                   style={"button_width": "7em"})
        self.export_button = widgets.Button(description="Export", icon="download")
        self.export_button.on_click(lambda _: self._show_export())
        self.exported = widgets.VBox()
        self.picture = widgets.HTML()
        for control in (self.classes, self.methods, self.attributes, self.private, self.focus,
                        self.depth, self.direction):
            control.observe(self._changed, names="value")
        controls = widgets.VBox([
            widgets.HBox([self.classes, widgets.VBox([self.methods, self.attributes,
                                                      self.private])]),
            widgets.HBox([self.focus, self.depth]), self.direction,
            widgets.HBox([self.export_format, self.export_button])])
        super().__init__(widgets.VBox([controls, self.picture, self.exported]))
        self.widget.add_class("lld-diagram-explorer")
        self._redraw()

    @property
    def diagram(self) -> Diagram | None:
        """The class diagram as the controls set it (None when no class is chosen)."""
        return self._diagram

    def export(self, fmt: str = "SVG") -> str:
        """The diagram as SVG, Mermaid or PlantUML text."""
        if fmt not in FORMATS:
            raise ValueError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        if self._diagram is None:
            raise ValueError("no class is chosen: there is nothing to export")
        return {"SVG": self._diagram.svg, "Mermaid": self._diagram.to_mermaid,
                "PlantUML": self._diagram.to_plantuml}[fmt]()

    def static_html(self) -> str:
        return self.picture.value

    def __repr__(self) -> str:
        return f"<DiagramExplorer of {len(self.classes.value)} classes>"

    def _changed(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        if change["owner"] is self.classes:  # only chosen classes can be the focus
            chosen = [(label, cls) for label, cls in self._choices if cls in change["new"]]
            keep = self.focus.value if self.focus.value in change["new"] else None
            options = [("(none)", None), *chosen]
            self._syncing = True
            try:  # by index: a Dropdown shows the value None as no choice at all
                self.focus.options = options
                self.focus.index = next(i for i, (_, cls) in enumerate(options) if cls is keep)
            finally:
                self._syncing = False
        self.depth.disabled = self.focus.value is None
        self._redraw()

    def _redraw(self) -> None:
        self.exported.children = ()
        if not self.classes.value:
            self._diagram = None
            self.picture.value = "<p><i>Choose at least one class.</i></p>"
            return
        self._diagram = class_diagram(
            *self.classes.value, methods=self.methods.value, attributes=self.attributes.value,
            private=self.private.value, focus=self.focus.value, depth=self.depth.value,
            direction=self.direction.value, title=self._title)
        self.picture.value = svg_html(self._diagram)

    def _show_export(self) -> None:
        try:
            text = self.export(self.export_format.value)
        except Exception as error:  # a click has no cell to show it in: show it here
            self.exported.children = (widgets.HTML(f"<pre>{escape(str(error))}</pre>"),)
            return
        if self.export_format.value == "SVG":
            data = base64.b64encode(text.encode()).decode()
            link = (f'<a download="diagram.svg" href="data:image/svg+xml;base64,{data}">'
                    "Download diagram.svg</a>")
            self.exported.children = (widgets.HTML(link),)
        else:
            self.exported.children = (widgets.Textarea(
                value=text, layout={"width": "100%", "height": "12em"}),)
