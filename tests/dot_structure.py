"""Parse DOT with Graphviz itself (`dot -Tdot_json`), so tests compare structure, not bytes."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Edge:
    tail: str
    head: str
    attrs: dict[str, str]


@dataclass
class Graph:
    attrs: dict[str, str]
    nodes: dict[str, dict[str, str]] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    clusters: dict[str, list[str]] = field(default_factory=dict)  # subgraph name -> node names

    def edge(self, tail: str, head: str) -> Edge:
        matches = [e for e in self.edges if (e.tail, e.head) == (tail, head)]
        assert len(matches) == 1, f"{len(matches)} edges {tail} -> {head}"
        return matches[0]


def parse(dot: str) -> Graph:
    """The graph, its nodes (with attributes), edges and subgraphs, as Graphviz reads them."""
    done = subprocess.run(["dot", "-Tdot_json"], input=dot.encode(), capture_output=True,
                          timeout=20, check=False)
    assert done.returncode == 0, f"Graphviz rejects the DOT: {done.stderr.decode()}"
    data = json.loads(done.stdout)
    skip = {"name", "_gvid", "nodes", "edges", "subgraphs", "_subgraph_cnt", "directed",
            "strict"}
    objects = data.get("objects", [])
    names = {o["_gvid"]: o["name"] for o in objects if "nodes" not in o and "subgraphs" not in o}
    graph = Graph({k: v for k, v in data.items() if k not in skip and k != "objects"})
    for obj in objects:
        attrs = {k: v for k, v in obj.items() if k not in skip}
        if "nodes" in obj or "subgraphs" in obj:
            graph.clusters[obj["name"]] = [names[i] for i in obj.get("nodes", [])]
        else:
            graph.nodes[obj["name"]] = attrs
    for edge in data.get("edges", []):
        attrs = {k: v for k, v in edge.items() if k not in {"_gvid", "tail", "head"}}
        graph.edges.append(Edge(names[edge["tail"]], names[edge["head"]], attrs))
    return graph
