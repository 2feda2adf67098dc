"""Helpers shared by the state, use-case and layer diagrams: names, DOT and text headers."""

from __future__ import annotations

import enum
from typing import Any

from lld_helpers.diagrams.dot import FONT, quote

__all__ = ["FONT", "digraph_head", "display_name", "mermaid_head", "plantuml_head", "quote"]


def display_name(value: Any) -> str:
    """The text a diagram shows for a name: an Enum member's name, a function's name, str()."""
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, str):
        return value
    return getattr(value, "__name__", None) or str(value)


def digraph_head(name: str, title: str | None, graph: str, node: str = "",
                 edge: str = "") -> list[str]:
    """The opening lines of a DOT digraph: graph, node and edge defaults, the title on top."""
    label = f" label={quote(title)} labelloc=t" if title else ""
    return [f"digraph {name} {{",
            f"  graph [{graph} {FONT}{label}];",
            f"  node [{FONT}{' ' + node if node else ''}];",
            f"  edge [{FONT}{' ' + edge if edge else ''}];"]


def mermaid_head(title: str | None, kind: str) -> list[str]:
    """The first lines of a Mermaid diagram of `kind`, with the title as front matter."""
    return ([f"---\ntitle: {title}\n---"] if title else []) + [kind]


def plantuml_head(title: str | None) -> list[str]:
    return ["@startuml"] + ([f"title {title}"] if title else [])
