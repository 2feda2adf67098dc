"""Render diagram models as Graphviz DOT, in UML notation with HTML-like labels."""

from __future__ import annotations

import functools
from html import escape

from lld_helpers.diagrams.model import (
    Attribute,
    ClassModel,
    ClassNode,
    Method,
    Relation,
    RelationKind,
)

FONT = 'fontname="Helvetica,Arial,sans-serif" fontsize=10'

# Arrow styles: UML draws the hollow triangle at the general end, the diamond at the whole.
_EDGE_STYLE = {
    RelationKind.GENERALIZATION: 'arrowhead=empty',
    RelationKind.REALIZATION: 'arrowhead=empty style=dashed',
    RelationKind.COMPOSITION: 'dir=both arrowtail=diamond arrowhead=vee',
    RelationKind.AGGREGATION: 'dir=both arrowtail=odiamond arrowhead=vee',
    RelationKind.ASSOCIATION: 'arrowhead=vee',
    RelationKind.DEPENDENCY: 'arrowhead=vee style=dashed',
}


def quote(text: str) -> str:
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


_LEGEND = {
    RelationKind.GENERALIZATION: "is a (inherits)",
    RelationKind.REALIZATION: "implements",
    RelationKind.COMPOSITION: "owns (creates)",
    RelationKind.AGGREGATION: "has (given)",
    RelationKind.ASSOCIATION: "knows",
    RelationKind.DEPENDENCY: "uses",
}
# Past this many classes only inheritance shapes the ranks: dot's layout time otherwise
# grows steeply with association edges (seconds at 100 classes, see benchmarks/).
FULL_LAYOUT_LIMIT = 25


def _node_lines(model: ClassModel) -> list[str]:
    def line(node: ClassNode) -> str:
        label = _class_label(node, model.show_attributes, model.show_methods)
        return f"  {quote(node.id)} [label={label}];"

    if not model.cluster:
        return [line(node) for node in model.classes]
    modules = dict.fromkeys(node.module for node in model.classes)
    lines = []
    for index, module in enumerate(modules):
        lines += [f"  subgraph cluster_{index} {{",
                  f'    graph [label={quote(module)} style="rounded,dashed" color=gray50];']
        lines += ["  " + line(n) for n in model.classes if n.module == module]
        lines.append("  }")
    return lines


def _edge_line(relation: Relation, constrain: bool) -> str:
    label = " ".join(part for part in (relation.role, relation.multiplicity) if part)
    extra = f" headlabel={quote(label)} labeldistance=2.2 labelangle=-30" if label else ""
    if not constrain and relation.kind not in (RelationKind.GENERALIZATION,
                                               RelationKind.REALIZATION):
        extra += " constraint=false"
    return (f"  {quote(relation.source)} -> {quote(relation.target)} "
            f"[{_EDGE_STYLE[relation.kind]}{extra}];")


def _legend_lines() -> list[str]:
    lines = ["  subgraph cluster_legend {",
             '    graph [label="Legend" style=rounded color=gray60 fontsize=9];',
             "    node [shape=point style=invis width=0.01];"]
    for kind, meaning in _LEGEND.items():
        lines.append(f'    "legend_{kind.value}_a" -> "legend_{kind.value}_b" '
                     f"[{_EDGE_STYLE[kind]} label={quote(f'{kind.value}: {meaning}')} "
                     "fontsize=8 minlen=2];")
    return [*lines, "  }"]


@to_dot.register
def _(model: ClassModel) -> str:
    lines = [
        "digraph classes {",
        f"  graph [rankdir={model.direction} {FONT} nodesep=0.5 ranksep=0.6"
        + (f" label={quote(model.title)} labelloc=t" if model.title else "") + "];",
        f"  node [shape=plain {FONT}];",
        f"  edge [{FONT} arrowsize=0.9];",
        *_node_lines(model),
    ]
    constrain = len(model.classes) <= FULL_LAYOUT_LIMIT
    lines += [_edge_line(relation, constrain) for relation in model.relations]
    if model.legend:
        lines += _legend_lines()
    return "\n".join([*lines, "}"]) + "\n"
