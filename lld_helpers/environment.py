"""Check that this machine can run the course, and say exactly what to fix."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from html import escape
from importlib import metadata

from lld_helpers.diagrams.graphviz import INSTALL_HINT

MIN_PYTHON = (3, 11)
PACKAGES = {  # distribution: lowest major.minor version the course is tested with
    "jupyterlab": (4, 0),
    "nbgrader": (0, 9),
    "ipywidgets": (8, 0),
    "jupyterlab_widgets": (3, 0),
    "graphviz": (0, 20),
    "matplotlib": (3, 7),
    "nbclient": (0, 10),
}
REINSTALL = "run `make lab` again from the course folder (it reinstalls the environment)"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info[:2] >= MIN_PYTHON
    return Check("Python", ok, f"{version} at {sys.executable}",
                 "" if ok else f"install Python {'.'.join(map(str, MIN_PYTHON))} or newer, "
                 "then `make clean lab`")


def _package(name: str, lowest: tuple[int, int]) -> Check:
    try:
        version = metadata.version(name)
    except metadata.PackageNotFoundError:
        return Check(name, False, "not installed", REINSTALL)
    ok = _version_tuple(version) >= lowest
    return Check(name, ok, version,
                 "" if ok else f"needs {'.'.join(map(str, lowest))} or newer: {REINSTALL}")


def _dot() -> Check:
    program = shutil.which("dot")
    if program is None:
        return Check("Graphviz dot", False, "not found on PATH", INSTALL_HINT)
    try:
        done = subprocess.run([program, "-V"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as error:
        return Check("Graphviz dot", False, f"{program} does not run: {error}", INSTALL_HINT)
    return Check("Graphviz dot", done.returncode == 0, done.stderr.strip() or program,
                 "" if done.returncode == 0 else INSTALL_HINT)


@dataclass(frozen=True)
class Report:
    """The result of every check; shows as a table in a notebook."""

    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def __str__(self) -> str:
        lines = [f"{'OK ' if c.ok else 'FIX'} {c.name}: {c.detail}"
                 + (f"\n    -> {c.fix}" if c.fix else "") for c in self.checks]
        verdict = "Everything is ready." if self.ok else "Fix the lines marked FIX, then re-run."
        return "\n".join([*lines, verdict])

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{'✅' if c.ok else '❌'}</td><td>{escape(c.name)}</td>"
            f"<td><code>{escape(c.detail)}</code></td>"
            f"<td><pre style='margin:0'>{escape(c.fix)}</pre></td></tr>" for c in self.checks)
        verdict = ("<b>Everything is ready.</b>" if self.ok
                   else "<b>Fix the rows marked ❌ (last column), then re-run this cell.</b>")
        return (f"<table><tr><th></th><th>what</th><th>found</th><th>how to fix</th></tr>"
                f"{rows}</table><p>{verdict}</p>")


def check_environment() -> Report:
    """Check Python, the course's packages and Graphviz's `dot` program."""
    return Report((_python(), *(_package(n, v) for n, v in PACKAGES.items()), _dot()))
