"""UML use case diagrams: stick-figure actors, a system boundary, use case ellipses.

Graphviz cannot draw a stick figure, so an actor node is an empty cell of the
figure's size over the actor's name, holding the text «actor» (which is what PNG
and PDF show). `finish_svg` swaps that text for an inline stick figure drawn with
SVG lines at the cell's position, so the SVG needs no external image.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from html import escape
from typing import Any

from lld_helpers.diagrams.common import (
    digraph_head,
    display_name,
    mermaid_head,
    plantuml_head,
    quote,
)
from lld_helpers.diagrams.diagram import Diagram, finish_svg
from lld_helpers.diagrams.dot import to_dot
from lld_helpers.diagrams.text import to_mermaid, to_plantuml

FIGURE_WIDTH, FIGURE_HEIGHT = 36, 52  # points: the cell an actor's stick figure fills


class UseCaseRelationKind(StrEnum):
    ASSOCIATION = "association"
    INCLUDE = "include"
    EXTEND = "extend"
    GENERALIZATION = "generalization"


@dataclass(frozen=True)
class UseCaseRelation:
    """`source` -> `target` as UML points the arrow: actor -> use case for an association,
    including -> included, extending -> extended, specific -> general."""

    source: str
    target: str
    kind: UseCaseRelationKind


@dataclass
class UseCaseModel:
    actors: list[str]
    use_cases: list[str]
    relations: list[UseCaseRelation]
    system: str | None = None
    title: str | None = None

    def of_kind(self, kind: UseCaseRelationKind) -> list[UseCaseRelation]:
        return [relation for relation in self.relations if relation.kind is kind]


def _names(items: Iterable[Any], what: str) -> list[str]:
    if isinstance(items, str):
        raise TypeError(f"{what} must be a list of names, not the string {items!r}")
    return list(dict.fromkeys(display_name(item) for item in items))


def _pairs(items: Any, what: str) -> list[tuple[str, str]]:
    """`(a, b)` pairs; a mapping `{a: [b, ...]}` is read as the pairs it lists."""
    if isinstance(items, Mapping):
        items = [(key, value) for key, values in items.items()
                 for value in ([values] if isinstance(values, str) else values)]
    pairs = []
    for item in items:
        if not (isinstance(item, (tuple, list)) and len(item) == 2):
            raise ValueError(f"{what} {item!r} is not a pair of names")
        pairs.append((display_name(item[0]), display_name(item[1])))
    return pairs


class _Checker:
    """Names the unknown or mismatched ends of relations in the errors it raises."""

    def __init__(self, actors: list[str], use_cases: list[str]) -> None:
        both = sorted(set(actors) & set(use_cases))
        if both:
            raise ValueError(f"{both} named both as actors and as use cases")
        self.actors, self.use_cases = actors, use_cases

    def unknown(self, pair: tuple[str, str], what: str, allowed: list[str], noun: str) -> None:
        missing = [name for name in pair if name not in allowed]
        if missing:
            raise ValueError(f"{what} {pair!r} names unknown {noun} {missing}: known are "
                             f"{allowed}")

    def link(self, pair: tuple[str, str]) -> UseCaseRelation:
        """An association, actor first whichever order the pair was written in."""
        self.unknown(pair, "link", self.actors + self.use_cases, "actors or use cases")
        actor, use_case = pair if pair[0] in self.actors else pair[::-1]
        if actor not in self.actors or use_case not in self.use_cases:
            raise ValueError(f"link {pair!r} must join an actor and a use case")
        return UseCaseRelation(actor, use_case, UseCaseRelationKind.ASSOCIATION)

    def between_use_cases(self, pair: tuple[str, str], kind: UseCaseRelationKind
                          ) -> UseCaseRelation:
        self.unknown(pair, kind.value, self.use_cases, "use cases")
        return UseCaseRelation(*pair, kind)

    def generalization(self, pair: tuple[str, str]) -> UseCaseRelation:
        self.unknown(pair, "generalization", self.actors + self.use_cases,
                     "actors or use cases")
        if not (set(pair) <= set(self.actors) or set(pair) <= set(self.use_cases)):
            raise ValueError(f"generalization {pair!r} must join two actors or two use cases")
        return UseCaseRelation(*pair, UseCaseRelationKind.GENERALIZATION)


def build_use_case_model(actors: Iterable[Any], use_cases: Iterable[Any], links: Any,
                         includes: Any = (), extends: Any = (), system: str | None = None,
                         generalizations: Any = (), title: str | None = None) -> UseCaseModel:
    """Check the arguments of `use_case_diagram` and gather them into a `UseCaseModel`."""
    checker = _Checker(_names(actors, "actors"), _names(use_cases, "use_cases"))
    relations = [checker.link(pair) for pair in _pairs(links, "link")]
    relations += [checker.between_use_cases(pair, UseCaseRelationKind.INCLUDE)
                  for pair in _pairs(includes, "include")]
    relations += [checker.between_use_cases(pair, UseCaseRelationKind.EXTEND)
                  for pair in _pairs(extends, "extend")]
    relations += [checker.generalization(pair)
                  for pair in _pairs(generalizations, "generalization")]
    return UseCaseModel(checker.actors, checker.use_cases, list(dict.fromkeys(relations)),
                        system, title)


def use_case_diagram(actors: Iterable[Any], use_cases: Iterable[Any], links: Any,
                     includes: Any = (), extends: Any = (), system: str | None = None,
                     generalizations: Any = (), title: str | None = None) -> Diagram:
    """A UML use case diagram.

    `links` are `(actor, use case)` pairs (or `{actor: [use case, ...]}`); `includes`
    are `(including, included)`, `extends` `(extending, extended)` and
    `generalizations` `(specific, general)` pairs. The use cases sit inside a
    boundary named `system`.
    """
    return Diagram(build_use_case_model(actors, use_cases, links, includes, extends, system,
                                        generalizations, title))


def _node_id(model: UseCaseModel, name: str) -> str:
    return quote(("actor:" if name in model.actors else "usecase:") + name)


def _actor_node(name: str) -> str:
    label = (f'<<table border="0" cellborder="0" cellspacing="0" cellpadding="0">'
             f'<tr><td width="{FIGURE_WIDTH}" height="{FIGURE_HEIGHT}" fixedsize="true" '
             f'border="1" color="transparent"><font point-size="8">«actor»</font></td></tr>'
             f'<tr><td cellpadding="2">{escape(name)}</td></tr></table>>')
    return f"    {quote('actor:' + name)} [shape=plain label={label}];"


def _use_case_node(name: str) -> str:
    label = "\n".join(textwrap.wrap(name, 18)) or name
    return f"    {quote('usecase:' + name)} [shape=ellipse label={quote(label)}];"


# DOT writes each edge in the direction that lays it out well; `dir=back` then puts the
# arrowhead where UML wants it (general actors above, extensions right of their base).
_EDGE = {
    UseCaseRelationKind.ASSOCIATION: (False, "dir=none"),
    UseCaseRelationKind.INCLUDE: (False, 'style=dashed arrowhead=vee label="«include»"'),
    UseCaseRelationKind.EXTEND: (True, 'style=dashed dir=back arrowtail=vee label="«extend»"'),
    UseCaseRelationKind.GENERALIZATION: (True, "dir=back arrowtail=empty arrowsize=1.1"),
}


def _edge(model: UseCaseModel, relation: UseCaseRelation) -> str:
    reverse, attributes = _EDGE[relation.kind]
    ends = (relation.target, relation.source) if reverse else (relation.source, relation.target)
    return f"  {_node_id(model, ends[0])} -> {_node_id(model, ends[1])} [{attributes}];"


@to_dot.register
def _(model: UseCaseModel) -> str:
    lines = digraph_head("use_cases", model.title, "rankdir=LR nodesep=0.3 ranksep=0.8",
                         "", "arrowsize=0.8")
    lines += ["  { rank=min;"] + [_actor_node(actor) for actor in model.actors] + ["  }"]
    boundary = (f"  subgraph cluster_system {{ graph [label={quote(model.system)} labelloc=t "
                "margin=14];" if model.system else "  {")
    lines += [boundary] + [_use_case_node(name) for name in model.use_cases] + ["  }"]
    lines += [_edge(model, relation) for relation in model.relations]
    return "\n".join(lines + ["}"]) + "\n"


_ACTOR_NODE = re.compile(r'(<g id="[^"]*" class="node">\s*<title>actor:.*?</title>)(.*?)(</g>)',
                         re.S)
_CELL = re.compile(r'<polygon [^>]*points="([^"]*)"/>\s*')  # the figure's cell, unstroked
_KEYWORD = re.compile(r"<text[^>]*>(?:«|&#171;)actor(?:»|&#187;)</text>\s*")


def stick_figure(left: float, top: float, width: float, height: float) -> str:
    """An SVG stick figure (head, body, arms, legs) filling the given box."""
    x, scale = left + width / 2, height / FIGURE_HEIGHT
    # (dx1, y1, dx2, y2) in points of a FIGURE_HEIGHT-tall figure: body, arms, two legs.
    segments = [(0, 15, 0, 34), (-13, 21, 13, 21), (0, 34, -11, 51), (0, 34, 11, 51)]
    body = "".join(f'<line x1="{x + a * scale:.2f}" y1="{top + b * scale:.2f}" '
                   f'x2="{x + c * scale:.2f}" y2="{top + d * scale:.2f}"/>'
                   for a, b, c, d in segments)
    return (f'<g class="actor-figure" fill="none" stroke="black" stroke-width="1.5" '
            f'stroke-linecap="round"><circle cx="{x:.2f}" cy="{top + 8 * scale:.2f}" '
            f'r="{7 * scale:.2f}"/>{body}</g>')


def _with_figure(match: re.Match[str]) -> str:
    head, body, end = match.groups()
    cell = _CELL.search(body)
    if cell is None:
        return match.group(0)
    xs, ys = zip(*(map(float, point.split(",")) for point in cell.group(1).split()), strict=True)
    figure = stick_figure(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
    return head + _KEYWORD.sub("", _CELL.sub("", body, count=1), count=1) + figure + end


@finish_svg.register
def _(model: UseCaseModel, svg: str) -> str:
    return _ACTOR_NODE.sub(_with_figure, svg)


def _text_ids(model: UseCaseModel) -> dict[str, str]:
    ids = {name: f"a{index}" for index, name in enumerate(model.actors)}
    return ids | {name: f"u{index}" for index, name in enumerate(model.use_cases)}


_MERMAID_EDGE = {
    UseCaseRelationKind.ASSOCIATION: "---",
    UseCaseRelationKind.INCLUDE: "-. «include» .->",
    UseCaseRelationKind.EXTEND: "-. «extend» .->",
    UseCaseRelationKind.GENERALIZATION: "-->|is a|",
}


@to_mermaid.register
def _(model: UseCaseModel) -> str:
    """Mermaid has no use case diagram: a flowchart approximates it, with actors as
    «actor» nodes, use cases as stadiums, the system as a subgraph, and generalization
    as an arrow labelled "is a" (flowcharts have no hollow triangle)."""
    ids = _text_ids(model)
    lines = mermaid_head(model.title, "flowchart LR")
    lines += [f'  {ids[actor]}["«actor»<br/>{actor}"]:::actor' for actor in model.actors]
    cases = [f'    {ids[name]}(["{name}"])' for name in model.use_cases]
    lines += [f'  subgraph system["{model.system}"]', *cases, "  end"] if model.system else [
        case[2:] for case in cases]
    lines += [f"  {ids[r.source]} {_MERMAID_EDGE[r.kind]} {ids[r.target]}"
              for r in model.relations]
    lines.append("  classDef actor fill:none,stroke:none")
    return "\n".join(lines) + "\n"


_PLANTUML_EDGE = {
    UseCaseRelationKind.ASSOCIATION: "{0} -- {1}",
    UseCaseRelationKind.INCLUDE: "{0} .> {1} : <<include>>",
    UseCaseRelationKind.EXTEND: "{0} .> {1} : <<extend>>",
    UseCaseRelationKind.GENERALIZATION: "{1} <|-- {0}",
}


@to_plantuml.register
def _(model: UseCaseModel) -> str:
    ids = _text_ids(model)
    lines = plantuml_head(model.title) + ["left to right direction"]
    lines += [f'actor "{actor}" as {ids[actor]}' for actor in model.actors]
    cases = [f'  usecase "{name}" as {ids[name]}' for name in model.use_cases]
    lines += [f'rectangle "{model.system}" {{', *cases, "}"] if model.system else [
        case[2:] for case in cases]
    lines += [_PLANTUML_EDGE[r.kind].format(ids[r.source], ids[r.target])
              for r in model.relations]
    return "\n".join(lines + ["@enduml"]) + "\n"
