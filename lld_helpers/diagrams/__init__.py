"""UML diagrams drawn from live Python code: build a model, render it with Graphviz."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from lld_helpers.diagrams import views
from lld_helpers.diagrams.classes import build_class_model
from lld_helpers.diagrams.diagram import Diagram
from lld_helpers.diagrams.graphviz import GraphvizError
from lld_helpers.diagrams.layers import LayerDiagram, LayerViolation, layer_diagram
from lld_helpers.diagrams.model import ClassModel
from lld_helpers.diagrams.sequence import sequence_diagram
from lld_helpers.diagrams.state import state_diagram
from lld_helpers.diagrams.tracing import trace_sequence
from lld_helpers.diagrams.usecase import use_case_diagram

DIRECTIONS = ("BT", "TB", "LR", "RL")
# Past this many classes a diagram degrades on purpose instead of taking seconds to lay out.
MAX_CLASSES = 200


def class_diagram(*targets: Any, methods: bool = True, attributes: bool = True,
                  private: bool = False, dunder: bool = False, focus: Any = None,
                  depth: int = 1, cluster: bool = False, direction: str = "BT",
                  legend: bool = False, title: str | None = None) -> Diagram:
    """A UML class diagram of classes and modules, read from the live objects.

    - `methods`, `attributes`: show those compartments;
    - `private`: also members named `_x`; `dunder`: also `__x__` methods;
    - `focus` (a class or its name) with `depth`: only it and its neighbours;
    - `cluster`: frame the classes of each module; `direction`: BT, TB, LR or RL;
    - `legend`: explain the arrows; `title`: a caption.

    Past 200 classes, modules are drawn as single boxes (or, for one module,
    members are hidden) so that the layout stays fast.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    model = build_class_model(targets, private=private, dunder=dunder)
    if focus is not None:
        model = views.focus(model, focus, depth)
    model = replace(model, title=title, direction=direction, cluster=cluster, legend=legend,
                    show_methods=methods, show_attributes=attributes)
    if len(model.classes) > MAX_CLASSES:
        model = _degraded(model)
    return Diagram(model)


def _degraded(model: ClassModel) -> ClassModel:
    count = len(model.classes)
    if len({node.module for node in model.classes}) > 1:
        note = f"{count} classes, shown by module: pass fewer targets or focus= for details"
        model = views.collapse_to_modules(model)
    else:
        note = f"{count} classes, members hidden: pass focus= for details"
        model = replace(model, show_methods=False, show_attributes=False)
    return replace(model, title=f"{model.title} ({note})" if model.title else note)


__all__ = ["Diagram", "GraphvizError", "LayerDiagram", "LayerViolation", "class_diagram",
           "layer_diagram", "sequence_diagram", "state_diagram", "trace_sequence",
           "use_case_diagram"]
