"""The leak check: nothing learners see may carry solution code or hidden tests.

A line leaks when it sits inside a solution or hidden-test region of a source
notebook, is long enough to be telling, appears nowhere in the public part of
any source notebook, and yet appears on the student side (course/ and the
lld_helpers package). Marker lines themselves always leak.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lld_helpers.grading.config import assignments, release_dir, source_dir
from lld_helpers.grading.notebooks import HIDDEN, SOLUTION, is_marker, partition, read_notebook

MIN_LENGTH = 24  # shorter lines ("return total", "pass") are too common to tell anything
# Signatures and decorators state an API (which the task states too), not a solution.
_API_LINE = re.compile(r"^(async\s+def|def|class)\s.*:$|^@")
_STUB = {"# YOUR CODE HERE", "raise NotImplementedError()", "YOUR ANSWER HERE"}


@dataclass(frozen=True)
class Leak:
    path: Path
    line: str
    origin: str

    def __str__(self) -> str:
        return f"{self.path}: {self.line!r} (from {self.origin})"


def _secrets(root: Path) -> dict[str, str]:
    secret: dict[str, str] = {}
    public: set[str] = set(_STUB)
    for assignment in assignments(root):
        notebook = read_notebook(source_dir(root) / assignment / f"{assignment}.ipynb")
        for cell in notebook.cells:
            inside, outside = partition(cell.source, SOLUTION, HIDDEN)
            for line in (line.strip() for line in inside):
                if len(line) >= MIN_LENGTH and not _API_LINE.match(line):
                    secret.setdefault(line, f"{assignment}, cell {cell.get('id', '?')}")
            public.update(line.strip() for line in outside)
    for line in public:
        secret.pop(line, None)
    return secret


def _lines(path: Path) -> Iterator[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".ipynb":
        try:
            cells = json.loads(text).get("cells", [])
        except json.JSONDecodeError:
            cells = [{"source": text}]
        for cell in cells:
            source = cell.get("source", "")
            yield from ("".join(source) if isinstance(source, list) else source).splitlines()
    else:
        yield from text.splitlines()


def _student_files(root: Path) -> Iterable[Path]:
    course = release_dir(root)
    yield from (p for p in sorted(course.rglob("*")) if p.is_file()) if course.is_dir() else ()
    yield from sorted((root / "lld_helpers").rglob("*.py"))


def find_leaks(root: Path) -> list[Leak]:
    """Every line of the student side that gives away a solution or a hidden test."""
    secret = _secrets(root)
    leaks = []
    for path in _student_files(root):
        for line in _lines(path):
            stripped = line.strip()
            if is_marker(stripped):
                leaks.append(Leak(path.relative_to(root), stripped, "an nbgrader marker"))
            elif stripped in secret:
                leaks.append(Leak(path.relative_to(root), stripped, secret[stripped]))
    return leaks
