"""Views of a class model: focus on one class, or collapse classes into their modules."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from lld_helpers.diagrams.model import ClassModel, ClassNode, Relation, RelationKind


def _find(model: ClassModel, wanted: type | str) -> ClassNode:
    name = wanted if isinstance(wanted, str) else f"{wanted.__module__}.{wanted.__qualname__}"
    for node in model.classes:
        if name in (node.id, node.qualname, node.name.split("<")[0]):
            return node
    raise ValueError(f"cannot focus on {name!r}: it is not among the classes drawn")


def focus(model: ClassModel, wanted: type | str, depth: int) -> ClassModel:
    """Only `wanted` and the classes within `depth` relations of it, in either direction."""
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    kept = {_find(model, wanted).id}
    frontier = set(kept)
    for _ in range(depth):
        frontier = {other for r in model.relations for end, other in
                    ((r.source, r.target), (r.target, r.source)) if end in frontier} - kept
        kept |= frontier
    return replace(model, classes=[n for n in model.classes if n.id in kept],
                   relations=[r for r in model.relations
                              if r.source in kept and r.target in kept])


def collapse_to_modules(model: ClassModel) -> ClassModel:
    """One box per module (with its class count) and one edge per related module pair."""
    module_of = {node.id: node.module for node in model.classes}
    counts = Counter(module_of.values())
    nodes = [ClassNode(f"{module} ({count} classes)", module, module, ("module",))
             for module, count in counts.items()]
    pairs = {}
    for r in model.relations:
        source, target = module_of[r.source], module_of[r.target]
        if source != target:
            pairs.setdefault((source, target), Relation(
                f"{source}.{source}", f"{target}.{target}", RelationKind.DEPENDENCY))
    return replace(model, classes=nodes, relations=list(pairs.values()),
                   show_attributes=False, show_methods=False, cluster=False)
