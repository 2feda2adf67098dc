"""A learner grades their own notebook against the hidden tests, in a sandbox."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from nbformat import NotebookNode

from lld_helpers.grading import intake
from lld_helpers.grading.config import CourseError, assignments, source_dir
from lld_helpers.grading.engine import grade_all
from lld_helpers.grading.notebooks import (
    grade_id,
    hidden_lines,
    is_tests,
    nbgrader,
    read_notebook,
    redact,
)
from lld_helpers.grading.sandbox import sandbox_course

STUDENT = "you"


@dataclass(frozen=True)
class ExerciseResult:
    exercise: str
    points: float
    max_points: float
    message: str

    @property
    def passed(self) -> bool:
        return self.points >= self.max_points


@dataclass(frozen=True)
class GradeReport:
    notebook: str
    assignment: str
    results: tuple[ExerciseResult, ...]
    notes: tuple[str, ...] = ()

    @property
    def total(self) -> float:
        return sum(r.points for r in self.results)

    @property
    def max_total(self) -> float:
        return sum(r.max_points for r in self.results)

    def as_dict(self) -> dict:
        return {"notebook": self.notebook, "assignment": self.assignment,
                "total": self.total, "max_total": self.max_total, "notes": list(self.notes),
                "exercises": [asdict(r) | {"passed": r.passed} for r in self.results]}

    def table(self) -> str:
        width = max([len(r.exercise) for r in self.results] + [8])
        lines = [f"{self.notebook} ({self.assignment})",
                 f"{'exercise':<{width}}  points   max  result"]
        for r in self.results:
            lines.append(f"{r.exercise:<{width}}  {r.points:>6g}  {r.max_points:>4g}  "
                         + ("pass" if r.passed else f"FAIL  {r.message}"))
        lines.append(f"{'total':<{width}}  {self.total:>6g}  {self.max_total:>4g}")
        lines += [f"note: {note}" for note in self.notes]
        return "\n".join(lines)


def _test_points(notebook: NotebookNode) -> dict[str, float]:
    """The autograded test cells, in notebook order, with their points."""
    return {grade_id(c): float(nbgrader(c).get("points", 0)) for c in notebook.cells
            if is_tests(c)}


def _source(root: Path, assignment: str) -> NotebookNode:
    return read_notebook(source_dir(root) / assignment / f"{assignment}.ipynb")


def identify(root: Path, notebook: NotebookNode, path: Path) -> str:
    """The assignment a notebook belongs to: by file name, else by its test cells."""
    known = assignments(root)
    if path.stem in known:
        return path.stem
    mine = _test_points(notebook).keys()
    overlap = {a: len(mine & _test_points(_source(root, a)).keys()) for a in known}
    best = max(overlap, key=overlap.get, default=None)
    if best is None or overlap[best] == 0:
        raise CourseError(f"{path}: matches no assignment of this course (its graded cells "
                          "are not any notebook's); grade a notebook from course/")
    return best


def _check_version(release: NotebookNode, notebook: NotebookNode, path: Path) -> None:
    changed = [flag for flag in intake.rebuild(release, notebook).flags
               if flag.startswith("test cell")]
    if changed:
        raise CourseError(f"{path}: its test cells differ from the current course "
                          f"({'; '.join(changed)}): it is from another version of the course, "
                          "or its tests were edited. Copy your answers into a fresh copy of "
                          "the notebook from course/ and grade that.")


def _failure(cell: NotebookNode, hidden: set[str]) -> str:
    """The error a test cell raised: its type and message, never hidden-test source."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            message = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"
            return redact(message.strip().rstrip(":"), hidden).splitlines()[0][:300]
    return "failed"


def grade(root: Path, path: Path) -> GradeReport:
    """Autograde the notebook at `path` against its assignment's hidden tests."""
    try:
        notebook = intake.read(path)
    except intake.UnusableSubmission as error:
        raise CourseError(str(error)) from None
    assignment = identify(root, notebook, path)
    source = _source(root, assignment)
    with sandbox_course(root, assignment) as course:
        release = course.release_notebook()
        _check_version(release, notebook, path)
        outcome = grade_all(course, {STUDENT: notebook})[STUDENT]
    executed = outcome.autograded
    cells = {grade_id(c): c for c in executed.cells} if executed is not None else {}
    by_id = {s.grade_id: s for s in outcome.scores}
    hidden = hidden_lines(source, release)
    results = []
    for test_id, points in _test_points(source).items():
        score = by_id.get(test_id)
        passed = score is not None and score.passed and executed is not None
        message = "" if passed else (_failure(cells[test_id], hidden) if test_id in cells
                                     else "not graded: the notebook could not be run")
        results.append(ExerciseResult(test_id.removesuffix("_tests"),
                                      score.score if score and executed else 0.0, points,
                                      message))
    notes = tuple(redact(reason, hidden) for reason in outcome.reasons)
    return GradeReport(str(path), assignment, tuple(results), notes)
