"""Checks shared by the state, use-case and layer diagram tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from lld_helpers.diagrams import Diagram

needs_plantuml = pytest.mark.skipif(shutil.which("plantuml") is None,
                                    reason="Debian's plantuml is not installed")


def assert_renders(diagram: Diagram, tmp_path: Path) -> str:
    """Graphviz draws the diagram as SVG, PNG and PDF; the SVG text is returned."""
    svg = diagram.svg()
    assert svg.lstrip().startswith("<?xml") and "</svg>" in svg
    assert diagram.png()[:4] == b"\x89PNG"
    assert diagram.save(tmp_path / "d.pdf").read_bytes()[:4] == b"%PDF"
    return svg


def assert_valid_plantuml(text: str, tmp_path: Path) -> None:
    path = tmp_path / "d.puml"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(["plantuml", "-checkonly", str(path)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, text + done.stdout + done.stderr
