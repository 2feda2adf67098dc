"""Run the Graphviz `dot` program: a timeout, a cache, and errors that say what to do."""

from __future__ import annotations

import functools
import shutil
import subprocess

INSTALL_HINT = (
    "Graphviz's 'dot' program is not installed (or not on PATH). Install it, then restart "
    "the kernel:\n"
    "  Debian/Ubuntu: sudo apt-get install -y graphviz\n"
    "  conda:         conda install -c conda-forge graphviz\n"
    "  macOS:         brew install graphviz"
)
TIMEOUT_SECONDS = 20


class GraphvizError(RuntimeError):
    """Graphviz is missing, failed, or took too long."""


@functools.lru_cache(maxsize=256)
def render(dot_source: str, fmt: str = "svg", engine: str = "dot") -> bytes:
    """The bytes Graphviz produces for `dot_source` in `fmt` (svg, png, pdf), cached.

    `engine` is a Graphviz program with its flags, e.g. "dot" or "neato -n2".
    """
    name, *flags = engine.split()
    program = shutil.which(name)
    if program is None:
        raise GraphvizError(INSTALL_HINT)
    try:
        done = subprocess.run([program, *flags, f"-T{fmt}"], input=dot_source.encode(),
                              capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise GraphvizError(f"Graphviz took more than {TIMEOUT_SECONDS} s to lay out this "
                            "diagram; draw fewer classes (focus on one) or hide members") from None
    if done.returncode != 0:
        raise GraphvizError(f"Graphviz failed: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout
