"""Property and corpus tests: any class hierarchy draws every class and relation exactly once."""

from __future__ import annotations

import collections.abc
import email.message
import enum
import importlib
import inspect
import json.decoder
import logging

import pytest
from dot_structure import parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lld_helpers.diagrams import class_diagram
from lld_helpers.diagrams.model import RelationKind

# Each annotation shape and the multiplicity it means.
SHAPES = {
    "{t}": "1", "'{t}'": "1", "list[{t}]": "0..*", "{t} | None": "0..1",
    "Optional[{t}]": "0..1", "dict[str, {t}]": "0..*", "set[{t}]": "0..*",
    "tuple[{t}, ...]": "0..*", "Annotated[{t}, 'note']": "1", "Union[{t}, None]": "0..1",
    "'list[{t}]'": "0..*",
}
INHERITS = (RelationKind.GENERALIZATION, RelationKind.REALIZATION)


@st.composite
def hierarchies(draw):
    """Source of a module: classes with random bases and typed attributes pointing anywhere."""
    count = draw(st.integers(min_value=1, max_value=8))
    expected_links, expected_parents, lines = {}, set(), [
        "from __future__ import annotations" if draw(st.booleans()) else "",
        "from typing import Annotated, Optional, Union", ""]
    for i in range(count):
        base = draw(st.sampled_from([None, *range(i)]))
        lines.append(f"class C{i}{'' if base is None else f'(C{base})'}:")
        if base is not None:
            expected_parents.add((f"C{i}", f"C{base}"))
        targets = draw(st.lists(st.integers(0, count - 1), unique=True, max_size=3))
        for target in targets:
            shape = draw(st.sampled_from(sorted(SHAPES)))
            lines.append(f"    to_{target}: {shape.format(t=f'C{target}')}")
            expected_links[(f"C{i}", f"C{target}")] = SHAPES[shape]
        lines.append("    pass")
    return "\n".join(lines) + "\n", expected_parents, expected_links


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hierarchies())
def test_every_class_and_relation_exactly_once(case):
    source, parents, links = case
    namespace: dict = {"__name__": "generated"}
    exec(compile(source, "<generated>", "exec"), namespace)
    classes = [v for k, v in namespace.items() if k.startswith("C") and inspect.isclass(v)]
    m = class_diagram(*classes).model
    names = [c.name for c in m.classes]
    assert sorted(names) == sorted(cls.__name__ for cls in classes)

    def short(class_id: str) -> str:
        return class_id.rsplit(".", 1)[-1]

    found_parents = [(short(r.source), short(r.target)) for r in m.relations if r.kind in INHERITS]
    found_links = [(short(r.source), short(r.target), r.multiplicity)
                   for r in m.relations if r.kind not in INHERITS]
    assert sorted(found_parents) == sorted(parents)
    assert sorted(found_links) == sorted((s, t, mult) for (s, t), mult in links.items())
    graph = parse(class_diagram(*classes).dot)  # Graphviz accepts it
    assert len(graph.nodes) == len(classes) and len(graph.edges) == len(m.relations)


CORPUS = [collections.abc, enum, logging, email.message, json.decoder]


@pytest.mark.parametrize("module", CORPUS, ids=lambda m: m.__name__)
def test_standard_library_modules_draw_with_their_bases(module):
    diagram = class_diagram(module, private=True)
    m = diagram.model
    drawn = {c.id for c in m.classes}
    parents = {(r.source, r.target) for r in m.relations if r.kind in INHERITS}
    for value in vars(module).values():
        if inspect.isclass(value) and value.__module__ == module.__name__:
            own = f"{value.__module__}.{value.__qualname__}"
            for base in value.__bases__:
                base_id = f"{base.__module__}.{base.__qualname__}"
                if base_id in drawn:
                    assert (own, base_id) in parents, f"{own} -> {base_id} missing"
    assert diagram.svg().startswith("<?xml")


def test_corpus_modules_are_importable_by_name():
    # the corpus above names modules as the issue lists them
    assert [importlib.import_module(m.__name__) for m in CORPUS] == CORPUS
