"""UML diagrams drawn from live Python code: build a model, render it with Graphviz."""

from __future__ import annotations

from typing import Any

from lld_helpers.diagrams.classes import build_class_model
from lld_helpers.diagrams.diagram import Diagram
from lld_helpers.diagrams.graphviz import GraphvizError


def class_diagram(*targets: Any, methods: bool = True, attributes: bool = True,
                  private: bool = False, title: str | None = None) -> Diagram:
    """A UML class diagram of classes and modules, read from the live objects.

    `methods`/`attributes` show or hide those compartments; `private` also shows
    members whose names start with an underscore.
    """
    model = build_class_model(targets, private=private, title=title)
    model.show_methods, model.show_attributes = methods, attributes
    return Diagram(model)


__all__ = ["Diagram", "GraphvizError", "class_diagram"]
