"""How long introspection plus rendering of a class diagram takes, by module size.

Targets (issue 3): 40 classes at most 100 ms median, 100 classes at most 300 ms;
past about 200 classes the diagram degrades on purpose instead of taking seconds.

    .venv/bin/python benchmarks/class_diagram_speed.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from lld_helpers.diagrams import class_diagram
from lld_helpers.diagrams import graphviz as runner

SIZES = (10, 40, 100, 200, 400)
RUNS = 7


def synthetic_module(classes: int) -> str:
    """Source of a module with layered inheritance, typed fields and collaborators."""
    lines = ["from __future__ import annotations", "from dataclasses import dataclass",
             "from abc import ABC, abstractmethod", ""]
    for i in range(classes):
        base = f"C{i // 3}" if i >= 3 else "ABC"
        lines += [
            f"class C{i}({base}):",
            "    label: str",
            f"    def __init__(self, peer: C{(i * 7) % classes} | None = None) -> None:",
            "        self.peer = peer",
            f"        self.items: list[C{(i + 1) % classes}] = []",
            "        self._count = 0",
            f"    def run(self, times: int) -> C{(i + 2) % classes}: ...",
            "    def _helper(self) -> None: ...",
            "",
        ]
    return "\n".join(lines)


def load(classes: int, folder: Path):
    path = folder / f"synthetic_{classes}.py"
    path.write_text(synthetic_module(classes))
    sys.path.insert(0, str(folder))
    return __import__(path.stem)


def measure(module) -> tuple[float, int]:
    timings = []
    for _ in range(RUNS):
        runner.render.cache_clear()  # measure real layouts, not the cache
        start = time.perf_counter()
        diagram = class_diagram(module)
        diagram.svg()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000, len(diagram.model.classes)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'classes':>8} {'nodes drawn':>12} {'median ms':>10}")
        for size in SIZES:
            milliseconds, nodes = measure(load(size, Path(tmp)))
            print(f"{size:>8} {nodes:>12} {milliseconds:>10.1f}")


if __name__ == "__main__":
    main()
