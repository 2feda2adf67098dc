"""Use case diagrams: UML notation in the DOT structure, inline actor figures, errors."""

from __future__ import annotations

import re

import pytest
from dot_structure import parse
from uml_checks import assert_renders, assert_valid_plantuml, needs_plantuml

from lld_helpers.diagrams import use_case_diagram
from lld_helpers.diagrams.usecase import UseCaseModel, UseCaseRelation, UseCaseRelationKind

ACTORS = ["Customer", "Clerk", "Person", "Bank"]
USE_CASES = ["Withdraw cash", "Authenticate", "Print receipt", "Refill ATM"]


def atm(**options):
    return use_case_diagram(
        ACTORS, USE_CASES,
        links=[("Customer", "Withdraw cash"), ("Refill ATM", "Clerk"), ("Bank", "Withdraw cash")],
        includes=[("Withdraw cash", "Authenticate")],
        extends=[("Print receipt", "Withdraw cash")],
        generalizations=[("Customer", "Person"), ("Clerk", "Person")],
        **{"system": "ATM", **options})


def test_model():
    model = atm().model
    assert isinstance(model, UseCaseModel)
    assert (model.actors, model.use_cases, model.system) == (ACTORS, USE_CASES, "ATM")
    kind = UseCaseRelationKind
    assert model.of_kind(kind.ASSOCIATION) == [  # actor first, however the pair was written
        UseCaseRelation("Customer", "Withdraw cash", kind.ASSOCIATION),
        UseCaseRelation("Clerk", "Refill ATM", kind.ASSOCIATION),
        UseCaseRelation("Bank", "Withdraw cash", kind.ASSOCIATION)]
    assert model.of_kind(kind.INCLUDE) == [
        UseCaseRelation("Withdraw cash", "Authenticate", kind.INCLUDE)]
    assert model.of_kind(kind.EXTEND) == [
        UseCaseRelation("Print receipt", "Withdraw cash", kind.EXTEND)]
    assert [(r.source, r.target) for r in model.of_kind(kind.GENERALIZATION)] == [
        ("Customer", "Person"), ("Clerk", "Person")]


def test_links_may_be_a_mapping():
    model = use_case_diagram(["A"], ["X", "Y"], {"A": ["X", "Y"]}).model
    assert [(r.source, r.target) for r in model.relations] == [("A", "X"), ("A", "Y")]


def test_use_cases_are_ellipses_inside_the_system_boundary():
    graph = parse(atm().dot)
    assert sorted(graph.clusters["cluster_system"]) == sorted(f"usecase:{u}" for u in USE_CASES)
    assert graph.nodes["usecase:Authenticate"]["shape"] == "ellipse"
    boundary = re.search(r"subgraph cluster_system \{ graph \[([^\]]*)\]", atm().dot)
    assert 'label="ATM"' in boundary.group(1)


def test_without_a_system_there_is_no_boundary():
    graph = parse(atm(system=None).dot)
    assert not [name for name in graph.clusters if name.startswith("cluster")]


def test_actors_are_figure_cells_named_below_and_marked_actor_for_png():
    graph = parse(atm().dot)
    actor = graph.nodes["actor:Customer"]
    assert actor["shape"] == "plain"
    cells = re.findall(r"<td[^>]*>(.*?)</td>", actor["label"])
    assert "«actor»" in cells[0] and cells[1] == "Customer"
    assert 'fixedsize="true"' in actor["label"]
    ranked = [members for members in graph.clusters.values()
              if sorted(members) == sorted(f"actor:{a}" for a in ACTORS)]
    assert ranked  # all actors in one column, left of the system


def test_associations_are_plain_lines():
    edge = parse(atm().dot).edge("actor:Customer", "usecase:Withdraw cash")
    assert edge.attrs["dir"] == "none"


def test_include_is_a_dashed_open_arrow_from_including_to_included():
    edge = parse(atm().dot).edge("usecase:Withdraw cash", "usecase:Authenticate")
    assert (edge.attrs["style"], edge.attrs["arrowhead"], edge.attrs["label"]) == (
        "dashed", "vee", "«include»")
    assert edge.attrs.get("dir", "forward") == "forward"


def test_extend_is_a_dashed_open_arrow_from_extending_to_extended():
    # laid out base -> extension; dir=back puts the arrowhead on the base (the extended case)
    edge = parse(atm().dot).edge("usecase:Withdraw cash", "usecase:Print receipt")
    assert (edge.attrs["style"], edge.attrs["dir"], edge.attrs["arrowtail"],
            edge.attrs["label"]) == ("dashed", "back", "vee", "«extend»")


def test_actor_generalization_is_a_hollow_triangle_at_the_general_actor():
    edge = parse(atm().dot).edge("actor:Person", "actor:Customer")
    assert (edge.attrs["dir"], edge.attrs["arrowtail"]) == ("back", "empty")


def test_svg_has_an_inline_stick_figure_per_actor_and_no_external_image(tmp_path):
    svg = assert_renders(atm(title="ATM"), tmp_path)
    assert "<image" not in svg and "xlink:href" not in svg
    assert not re.search(r'href="(?!#)', svg)
    assert "«actor»" not in svg and "&#171;actor" not in svg
    groups = re.split(r'(?=<g id="[^"]*" class="(?:node|edge|cluster)">)', svg)
    nodes = [re.match(r'<g[^>]*class="node">\s*<title>(.*?)</title>(.*)', group, re.S)
             for group in groups]
    actors = {n.group(1): n.group(2) for n in nodes if n and n.group(1).startswith("actor:")}
    assert sorted(actors) == sorted(f"actor:{a}" for a in ACTORS)
    for title, body in actors.items():
        figure = re.search(r'<g class="actor-figure"[^>]*>(.*)', body, re.S).group(1)
        assert figure.count("<circle") == 1 and figure.count("<line") == 4  # head, body
        name = re.search(r'<text[^>]*x="([-\d.]+)"[^>]*>([^<]*)</text>', body)
        head = re.search(r'<circle cx="([-\d.]+)"', figure)
        assert name.group(2) == title.removeprefix("actor:")
        assert abs(float(head.group(1)) - float(name.group(1))) < 40  # figure above its name


def test_several_diagrams_on_a_page_keep_distinct_ids():
    ids = [set(re.findall(r'id="([^"]+)"', d.svg())) for d in (atm(), atm(system="Bank"))]
    assert ids[0] and not ids[0] & ids[1]


def test_mermaid_export():
    lines = atm(title="ATM").to_mermaid().splitlines()
    for line in ("flowchart LR", '  a0["«actor»<br/>Customer"]:::actor', '  subgraph system["ATM"]',
                 '    u0(["Withdraw cash"])', "  a0 --- u0", "  a1 --- u3",
                 "  u0 -. «include» .-> u1", "  u2 -. «extend» .-> u0", "  a0 -->|is a| a2"):
        assert line in lines, line


def test_plantuml_export():
    lines = atm(title="ATM").to_plantuml().splitlines()
    for line in ('actor "Customer" as a0', 'rectangle "ATM" {', '  usecase "Authenticate" as u1',
                 "a0 -- u0", "u0 .> u1 : <<include>>", "u2 .> u0 : <<extend>>", "a2 <|-- a0"):
        assert line in lines, line


@needs_plantuml
def test_plantuml_export_is_valid_plantuml(tmp_path):
    assert_valid_plantuml(atm(title="ATM").to_plantuml(), tmp_path)


@pytest.mark.parametrize(("options", "message"), [
    ({"links": [("Robot", "Withdraw cash")]}, r"link .* names unknown .* \['Robot'\]"),
    ({"links": [("Customer", "Fly")]}, r"unknown .* \['Fly'\]"),
    ({"links": [("Customer", "Bank")]}, "must join an actor and a use case"),
    ({"links": [("Customer",)]}, r"link \('Customer',\) is not a pair"),
    ({"links": [], "includes": [("Withdraw cash", "Sing")]}, r"include .* \['Sing'\]"),
    ({"links": [], "includes": [("Customer", "Authenticate")]},
     r"include .* unknown use cases \['Customer'\]"),
    ({"links": [], "extends": [("Dance", "Withdraw cash")]}, r"extend .* \['Dance'\]"),
    ({"links": [], "generalizations": [("Customer", "Authenticate")]},
     "must join two actors or two use cases"),
    ({"links": [], "generalizations": [("Ghost", "Person")]}, r"\['Ghost'\]"),
])
def test_unknown_names_are_named(options, message):
    with pytest.raises(ValueError, match=message):
        use_case_diagram(ACTORS, USE_CASES, **options)


def test_a_name_cannot_be_both_an_actor_and_a_use_case():
    with pytest.raises(ValueError, match=r"\['Pay'\] named both"):
        use_case_diagram(["Pay"], ["Pay"], [])


def test_a_string_is_not_a_list_of_actors():
    with pytest.raises(TypeError, match="actors must be a list of names"):
        use_case_diagram("Customer", USE_CASES, [])
