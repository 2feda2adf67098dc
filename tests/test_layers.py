"""Layer diagrams of a throw-away package: imports read with ast, violations, rendering."""

from __future__ import annotations

import importlib
import itertools
import json.decoder
import sys
import textwrap
from pathlib import Path

import pytest
from dot_structure import parse
from uml_checks import assert_renders, assert_valid_plantuml, needs_plantuml

from lld_helpers.diagrams import LayerDiagram, LayerViolation, layer_diagram
from lld_helpers.diagrams.layers import LayerDependency

LAYERS = ["interface", "application", "domain", "infrastructure"]
PACKAGE = "lld_layers_demo"
FILES = {
    "__init__.py": "",
    "main.py": "from lld_layers_demo.interface import api\n",  # in no layer: ignored
    "interface/__init__.py": "",
    "interface/api.py": """\
        from lld_layers_demo.application import service
        from ..domain.model import Order


        def render(order: Order) -> str:
            return str(order)
        """,
    "application/__init__.py": "",
    "application/service.py": """\
        import lld_layers_demo.infrastructure.db
        from ..domain import model, rules
        from . import helpers
        """,
    "application/helpers.py": "import json\n",
    "domain/__init__.py": "from .model import Order\n",
    "domain/model.py": """\
        from dataclasses import dataclass

        from lld_layers_demo.interface.api import render  # against the rule


        @dataclass
        class Order:
            id: int
        """,
    "domain/rules.py": """\
        raise RuntimeError("layer_diagram must not import the package's code")


        def check():
            from .. import application  # against the rule, inside a function
            from lld_layers_demo.domain import model
        """,
    "infrastructure/__init__.py": "",
    "infrastructure/db.py": "from ..domain.model import Order\n",
}


@pytest.fixture
def package(tmp_path) -> Path:
    root = tmp_path / PACKAGE
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def test_violations_name_the_file_line_module_and_layers(package):
    diagram = layer_diagram(package, LAYERS)
    assert isinstance(diagram, LayerDiagram)
    assert diagram.violations == [
        LayerViolation(package / "domain" / "model.py", 3, f"{PACKAGE}.interface.api",
                       "domain", "interface"),
        LayerViolation(package / "domain" / "rules.py", 5, f"{PACKAGE}.application",
                       "domain", "application"),
        LayerViolation(package / "infrastructure" / "db.py", 1, f"{PACKAGE}.domain.model",
                       "infrastructure", "domain"),
    ]
    assert str(diagram.violations[0]) == (
        f"{package / 'domain' / 'model.py'}:3: imports {PACKAGE}.interface.api "
        "(domain -> interface)")


def test_dependencies_count_the_imports_between_layers(package):
    model = layer_diagram(str(package), LAYERS).model
    assert model.package == PACKAGE
    assert [layer.name for layer in model.layers] == LAYERS
    assert model.layers[1].modules == ("application", "application.helpers",
                                       "application.service")
    assert model.dependencies == [
        LayerDependency("interface", "application", 1, False),
        LayerDependency("interface", "domain", 1, False),
        LayerDependency("application", "domain", 2, False),  # `from ..domain import model, rules`
        LayerDependency("application", "infrastructure", 1, False),
        LayerDependency("domain", "interface", 1, True),
        LayerDependency("domain", "application", 1, True),
        LayerDependency("infrastructure", "domain", 1, True),
    ]


def test_layers_are_stacked_top_down_with_counts_and_red_violations(package):
    graph = parse(layer_diagram(package, LAYERS).dot)
    assert graph.attrs["rankdir"] == "TB"
    assert list(graph.nodes) == [f"layer:{name}" for name in LAYERS]
    assert "<b>domain</b>" in graph.nodes["layer:domain"]["label"]
    assert "model, rules" in graph.nodes["layer:domain"]["label"]
    stack = [(e.tail, e.head) for e in graph.edges if e.attrs.get("style") == "invis"]
    assert stack == [(f"layer:{a}", f"layer:{b}") for a, b in itertools.pairwise(LAYERS)]
    drawn = [e for e in graph.edges if e.attrs.get("style") != "invis"]
    allowed = [e for e in drawn if "dir" not in e.attrs]
    assert {(e.tail, e.head, e.attrs["label"].strip()) for e in allowed} == {
        ("layer:interface", "layer:application", "1 import"),
        ("layer:interface", "layer:domain", "1 import"),
        ("layer:application", "layer:domain", "2 imports"),
        ("layer:application", "layer:infrastructure", "1 import")}
    assert not any("color" in e.attrs for e in allowed)
    # an upward import is written downwards (the stack keeps its order) with its arrowhead
    # at the tail: the upper, imported layer
    against = [e for e in drawn if e.attrs.get("dir") == "back"]
    assert {(e.tail, e.head) for e in against} == {
        ("layer:interface", "layer:domain"), ("layer:application", "layer:domain"),
        ("layer:domain", "layer:infrastructure")}
    for edge in against:
        assert edge.attrs["color"] == "#d62728" and float(edge.attrs["penwidth"]) >= 2
        assert edge.attrs["arrowtail"] == "vee"


def test_the_package_may_be_an_imported_module_and_its_code_is_never_run(package,
                                                                         monkeypatch):
    monkeypatch.syspath_prepend(str(package.parent))
    module = importlib.import_module(PACKAGE)
    try:
        diagram = layer_diagram(module, LAYERS)
        assert [m for m in sys.modules if m.startswith(f"{PACKAGE}.")] == []
    finally:
        del sys.modules[PACKAGE]
    assert len(diagram.violations) == 3


def test_layers_as_a_mapping_of_module_prefixes(package):
    diagram = layer_diagram(package, {"ui": ["interface"],
                                      "core": ["application", "domain.model"],
                                      "rest": ["domain", "infrastructure"]})
    assert [layer.modules for layer in diagram.model.layers] == [
        ("interface", "interface.api"),
        ("application", "application.helpers", "application.service", "domain.model"),
        ("domain", "domain.rules", "infrastructure", "infrastructure.db")]
    assert [(v.file.name, v.line, v.from_layer, v.to_layer) for v in diagram.violations] == [
        ("__init__.py", 1, "rest", "core"), ("model.py", 3, "core", "ui"),
        ("rules.py", 5, "rest", "core"), ("rules.py", 6, "rest", "core"),
        ("db.py", 1, "rest", "core")]


def test_a_sub_package_keeps_its_dotted_name(package):
    model = layer_diagram(package / "application", ["service", "helpers"]).model
    assert model.package == f"{PACKAGE}.application"
    assert model.dependencies == [LayerDependency("service", "helpers", 1, False)]


def test_every_output_renders(package, tmp_path):
    assert "1 import" in assert_renders(layer_diagram(package, LAYERS, title="Demo"), tmp_path)


def test_mermaid_export(package):
    lines = layer_diagram(package, LAYERS).to_mermaid().splitlines()
    assert lines[0] == "flowchart TB"
    assert '  L2["<b>domain</b><br/>model, rules"]' in lines
    assert "  L0 ~~~ L1" in lines and '  L1 -->|"2 imports"| L2' in lines
    against = lines.index('  L2 -->|"1 import"| L0')
    assert lines[against + 1].startswith("  linkStyle 7 stroke:#d62728")


def test_plantuml_export(package):
    lines = layer_diagram(package, LAYERS).to_plantuml().splitlines()
    assert 'package "domain" as L2 {' in lines and '  component "model" as L2_0' in lines
    assert "L1 -down-> L2 : 2 imports" in lines and "L2 -[#d62728,bold]up-> L0 : 1 import" in lines


@needs_plantuml
def test_plantuml_export_is_valid_plantuml(package, tmp_path):
    assert_valid_plantuml(layer_diagram(package, LAYERS, title="Demo").to_plantuml(), tmp_path)


@pytest.mark.parametrize(("layers", "error", "message"), [
    (["interface", "persistence"], ValueError,
     r"unknown layers \['persistence'\].* it has \['application', 'domain'"),
    (["domain", "domain"], ValueError, r"layers \['domain'\] are listed more than once"),
    ({"core": ["domain.entities"]}, ValueError, "layer 'core': no module .* 'domain.entities'"),
    ({"a": ["domain"], "b": ["domain"]}, ValueError, "'domain' is in both layers 'a' and 'b'"),
    ({}, ValueError, "at least one layer"),
    ("domain", TypeError, "layers must be a list of layer names"),
])
def test_bad_layers_are_named(package, layers, error, message):
    with pytest.raises(error, match=message):
        layer_diagram(package, layers)


def test_a_target_that_is_not_a_package(tmp_path, package):
    with pytest.raises(TypeError, match="42 is not a package module or a path"):
        layer_diagram(42, LAYERS)
    with pytest.raises(ValueError, match="is not a package folder"):
        layer_diagram(tmp_path, LAYERS)
    with pytest.raises(ValueError, match="json.decoder is a module, not a package"):
        layer_diagram(json.decoder, LAYERS)


def test_a_file_that_does_not_parse_is_named(package):
    (package / "domain" / "broken.py").write_text("def (:\n")
    with pytest.raises(ValueError, match=r"cannot read the imports of .*broken\.py"):
        layer_diagram(package, LAYERS)
