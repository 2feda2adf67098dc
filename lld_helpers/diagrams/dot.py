"""Render diagram models as Graphviz DOT, in UML notation with HTML-like labels."""

from __future__ import annotations

import functools
from html import escape

from lld_helpers.diagrams.model import Attribute, ClassModel, ClassNode, Method, RelationKind

_FONT = 'fontname="Helvetica,Arial,sans-serif" fontsize=10'

# Arrow styles: UML draws the hollow triangle at the general end, the diamond at the whole.
_EDGE_STYLE = {
    RelationKind.GENERALIZATION: 'arrowhead=empty',
    RelationKind.REALIZATION: 'arrowhead=empty style=dashed',
    RelationKind.COMPOSITION: 'dir=both arrowtail=diamond arrowhead=vee',
    RelationKind.AGGREGATION: 'dir=both arrowtail=odiamond arrowhead=vee',
    RelationKind.ASSOCIATION: 'arrowhead=vee',
    RelationKind.DEPENDENCY: 'arrowhead=vee style=dashed',
}


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _attribute(attribute: Attribute) -> str:
    text = escape(f"{attribute.visibility.value} {attribute.name}"
                  + (f": {attribute.type}" if attribute.type else "")
                  + (" {readOnly}" if attribute.read_only else ""))
    return f"<u>{text}</u>" if attribute.is_static else text


def _method(method: Method) -> str:
    text = escape(f"{method.visibility.value} {method.name}({method.parameters})"
                  + (f": {method.returns}" if method.returns else ""))
    if method.is_abstract:
        text = f"<i>{text}</i>"
    return f"<u>{text}</u>" if method.is_static else text


def _compartment(lines: list[str]) -> str:
    body = "".join(f'{line}<br align="left"/>' for line in lines) or " "
    return f'<tr><td align="left" balign="left">{body}</td></tr>'


def _class_label(node: ClassNode, attributes: bool, methods: bool) -> str:
    name = f"<b>{escape(node.name)}</b>"
    if node.is_abstract and "interface" not in node.stereotypes:
        name = f"<i>{name}</i>"
    header = "".join(f"«{escape(s)}»<br/>" for s in node.stereotypes) + name
    rows = [f"<tr><td>{header}</td></tr>"]
    if node.literals:
        rows.append(_compartment([escape(literal) for literal in node.literals]))
    else:
        if attributes:
            rows.append(_compartment([_attribute(a) for a in node.attributes]))
        if methods:
            rows.append(_compartment([_method(m) for m in node.methods]))
    table = "".join(rows)
    return f'<<table border="0" cellborder="1" cellspacing="0" cellpadding="4">{table}</table>>'


@functools.singledispatch
def to_dot(model: object) -> str:
    """The DOT source of a diagram model."""
    raise TypeError(f"no DOT renderer for {type(model).__name__}")


@to_dot.register
def _(model: ClassModel) -> str:
    lines = [
        "digraph classes {",
        f"  graph [rankdir={model.direction} {_FONT} nodesep=0.5 ranksep=0.6"
        + (f" label={_quote(model.title)} labelloc=t" if model.title else "") + "];",
        f"  node [shape=plain {_FONT}];",
        f"  edge [{_FONT} arrowsize=0.9];",
    ]
    for node in model.classes:
        label = _class_label(node, model.show_attributes, model.show_methods)
        lines.append(f"  {_quote(node.id)} [label={label}];")
    for relation in model.relations:
        label = " ".join(part for part in (relation.role, relation.multiplicity) if part)
        extra = f" headlabel={_quote(label)} labeldistance=2.2 labelangle=-30" if label else ""
        lines.append(f"  {_quote(relation.source)} -> {_quote(relation.target)} "
                     f"[{_EDGE_STYLE[relation.kind]}{extra}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
