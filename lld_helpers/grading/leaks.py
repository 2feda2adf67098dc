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
# Signatures, decorators and imports state an API (which the task states too), not a solution.
_API_LINE = re.compile(r"^(async\s+def|def|class)\s.*:$|^@|^(import|from)\s")
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


def _student_files(root: Path) -> Iterable[tuple[Path, int]]:
    """Each file learners see, with how many secret lines in a row make a leak there.

    In course/ one line is enough: it was generated from the very notebook. In the
    package a single line ("self._lock = threading.Lock()") is a coincidence; two
    in a row are a copy.
    """
    course = release_dir(root)
    if course.is_dir():
        yield from ((p, 1) for p in sorted(course.rglob("*")) if p.is_file()
                    and ".ipynb_checkpoints" not in p.parts)
    yield from ((p, 2) for p in sorted((root / "lld_helpers").rglob("*.py")))


def find_leaks(root: Path) -> list[Leak]:
    """Every line of the student side that gives away a solution or a hidden test."""
    secret = _secrets(root)
    leaks = []
    for path, run_needed in _student_files(root):
        run: list[str] = []
        for line in (line.strip() for line in _lines(path)):
            if is_marker(line):
                leaks.append(Leak(path.relative_to(root), line, "an nbgrader marker"))
            if not line:
                continue
            run = [*run, line] if line in secret else []
            if len(run) == run_needed:
                leaks += [Leak(path.relative_to(root), hit, secret[hit]) for hit in run]
            elif len(run) > run_needed:
                leaks.append(Leak(path.relative_to(root), line, secret[line]))
    return leaks
