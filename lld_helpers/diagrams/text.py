"""Render diagram models as Mermaid and PlantUML text, for docs and other tools."""

from __future__ import annotations

import functools
import re

from lld_helpers.diagrams.model import Attribute, ClassModel, ClassNode, Method, RelationKind

# Both notations write "Whole *-- Part" and "General <|-- Specific".
_ARROW = {
    RelationKind.GENERALIZATION: "<|--",
    RelationKind.REALIZATION: "<|..",
    RelationKind.COMPOSITION: "*--",
    RelationKind.AGGREGATION: "o--",
    RelationKind.ASSOCIATION: "<--",
    RelationKind.DEPENDENCY: "<..",
}


def _ident(name: str) -> str:
    return re.sub(r"\W", "_", name)


@functools.singledispatch
def to_mermaid(model: object) -> str:
    """Mermaid source of a diagram model."""
    raise TypeError(f"no Mermaid renderer for {type(model).__name__}")


@functools.singledispatch
def to_plantuml(model: object) -> str:
    """PlantUML source of a diagram model."""
    raise TypeError(f"no PlantUML renderer for {type(model).__name__}")


def _member_text(member: Attribute | Method) -> str:
    if isinstance(member, Method):
        return (f"{member.visibility.value}{member.name}({member.parameters})"
                + (f" {member.returns}" if member.returns else ""))
    return f"{member.visibility.value}{member.name}" + (f" : {member.type}" if member.type else "")


def _members(model: ClassModel, node: ClassNode) -> list[Attribute | Method]:
    return ((node.attributes if model.show_attributes else [])
            + (node.methods if model.show_methods else []))


def _relation_lines(model: ClassModel) -> list[str]:
    names = {node.id: _ident(node.name) for node in model.classes}
    lines = []
    for r in model.relations:
        multiplicity = f' "{r.multiplicity}"' if r.multiplicity else ""
        role = f" : {r.role}" if r.role else ""
        source, target, arrow = names[r.source], names[r.target], _ARROW[r.kind]
        if r.kind in (RelationKind.COMPOSITION, RelationKind.AGGREGATION):
            lines.append(f"{source} {arrow}{multiplicity} {target}{role}")
        else:
            lines.append(f"{target}{multiplicity} {arrow} {source}{role}")
    return lines


@to_mermaid.register
def _(model: ClassModel) -> str:
    lines = [f"---\ntitle: {model.title}\n---"] if model.title else []
    lines.append("classDiagram")
    for node in model.classes:
        lines.append(f"class {_ident(node.name)} {{")
        lines += [f"  <<{s}>>" for s in node.stereotypes]
        lines += [f"  {literal}" for literal in node.literals]
        for member in _members(model, node):
            abstract = "*" if isinstance(member, Method) and member.is_abstract else ""
            lines.append(f"  {_member_text(member)}{abstract}{'$' if member.is_static else ''}")
        lines.append("}")
    return "\n".join(lines + _relation_lines(model)) + "\n"


@to_plantuml.register
def _(model: ClassModel) -> str:
    lines = ["@startuml"] + ([f"title {model.title}"] if model.title else [])
    for node in model.classes:
        keyword = ("enum" if "enumeration" in node.stereotypes
                   else "interface" if "interface" in node.stereotypes
                   else "abstract class" if node.is_abstract else "class")
        extra = [s for s in node.stereotypes if s not in ("enumeration", "interface", "abstract")]
        lines.append(f"{keyword} {_ident(node.name)}{''.join(f' <<{s}>>' for s in extra)} {{")
        lines += [f"  {literal}" for literal in node.literals]
        for member in _members(model, node):
            modifiers = ("{static} " if member.is_static else "") + (
                "{abstract} " if isinstance(member, Method) and member.is_abstract else "")
            lines.append(f"  {modifiers}{_member_text(member)}")
        lines.append("}")
    return "\n".join(lines + _relation_lines(model) + ["@enduml"]) + "\n"
