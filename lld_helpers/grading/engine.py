"""Grade one submission with nbgrader, hardened: the pipeline every grading command shares.

    bytes on disk -> intake (rebuilt from the release, findings) -> screening
    -> canaries -> nbgrader Autograde (jailed kernel, VerifyGrading) -> gradebook
    -> an Outcome: status, scores, reasons

A submission that cannot be graded still gets a row in the gradebook, with zero
points and a flag, so a failed (re-)grade never leaves an old grade standing.
"""

from __future__ import annotations

import contextlib
import functools
import re
import shutil
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbformat import NotebookNode
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.converters import Autograde
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    IgnorePattern,
    LimitOutput,
    SaveAutoGrades,
)
from sqlalchemy.exc import SAWarning
from traitlets.config import Config

from lld_helpers.grading import intake, screening, verify
from lld_helpers.grading.execute import GradingExecute
from lld_helpers.grading.kernels import KernelPool
from lld_helpers.grading.notebooks import (
    GRADING,
    grade_id,
    hidden_lines,
    imported_modules,
    is_answer,
    read_notebook,
)
from lld_helpers.grading.sandbox import CellScore, SandboxCourse

GRADED, FLAGGED, FAILED = "graded", "flagged", "failed"
# nbgrader's gradebook warns on every new submission (a known, harmless SAWarning).
warnings.filterwarnings("ignore", category=SAWarning, module=r"nbgrader\.")


@dataclass
class Outcome:
    student: str
    status: str
    scores: list[CellScore] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    autograded: NotebookNode | None = None

    @property
    def score(self) -> float:
        return sum(s.score for s in self.scores)


def harden(config: Config, timeout: int) -> None:
    """Configure nbgrader's Autograde to run our executor and checks."""
    config.Autograde.autograde_preprocessors = [
        GradingExecute, verify.VerifyGrading, IgnorePattern, ClearMetadataPreprocessor,
        LimitOutput, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
    config.GradingExecute.timeout = timeout
    config.GradingExecute.interrupt_on_timeout = True


class Grader:
    """Grades submissions of one assignment, one at a time, in kernels from its own pool."""

    def __init__(self, course: SandboxCourse, jail_args: list[str]) -> None:
        self.course = course
        self.template = course.release_notebook()
        self.kernels_root = Path(tempfile.mkdtemp(prefix="lld-kernels-"))
        self.pool = KernelPool(self.kernels_root, jail_args, imported_modules(self.template))
        GradingExecute.pool = self.pool

    def close(self) -> None:
        self.pool.close()
        shutil.rmtree(self.kernels_root, ignore_errors=True)

    def grade(self, student: str, submission: bytes | NotebookNode, name: str = "") -> Outcome:
        """Grade one submission (a notebook or the raw bytes of a file) for `student`."""
        try:
            notebook = (submission if isinstance(submission, NotebookNode)
                        else intake.parse(submission, name or f"{student}'s file"))
        except intake.UnusableSubmission as error:
            return self.fail(student, [str(error)])
        if not intake.belongs(self.template, notebook):
            return self.fail(student, [f"this is not a notebook of {self.course.assignment} "
                                          "(none of its graded cells match)"])
        taken = intake.rebuild(self.template, notebook)
        reasons = list(taken.flags)
        for cell in taken.notebook.cells:
            if is_answer(cell):
                reasons += [str(f) for f in screening.screen(grade_id(cell), cell.source)]
        verify.add_canaries(taken.notebook)
        return self._autograde(student, taken.notebook, reasons)

    def _autograde(self, student: str, notebook: NotebookNode, reasons: list[str]) -> Outcome:
        folder = self.course.path / "submitted" / student / self.course.assignment
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, folder / f"{self.course.assignment}.ipynb")
        result = self.course.run(Autograde, student)
        executed = self.course.autograded_notebook(student)
        if not result["success"] or executed is None:
            return self.fail(student, [*reasons, "nbgrader could not grade it: "
                                          + _last_error(result)])
        reasons += executed.metadata.get(GRADING, {}).get("flags", [])
        reasons += _stops(executed)
        with Gradebook(self.course.config.CourseDirectory.db_url) as gradebook:
            scores = self._record(gradebook, student, reasons)
        return Outcome(student, FLAGGED if reasons else GRADED, scores, reasons, executed)

    @functools.cached_property
    def hidden(self) -> set[str]:
        """Lines of the hidden tests, to keep out of anything students see."""
        name = self.course.assignment
        source = self.course.path / self.course.config.CourseDirectory.source_directory
        return hidden_lines(read_notebook(source / name / f"{name}.ipynb"), self.template)

    def fail(self, student: str, reasons: list[str]) -> Outcome:
        """Zero every grade of the student's submission and flag it, creating it if need be."""
        assignment = self.course.assignment
        with Gradebook(self.course.config.CourseDirectory.db_url) as gradebook:
            gradebook.update_or_create_student(student)
            gradebook.update_or_create_submission(assignment, student)
            notebook = gradebook.find_submission_notebook(assignment, assignment, student)
            for grade in notebook.grades:
                grade.auto_score = 0.0 if grade.cell.cell_type == "code" else None
                grade.needs_manual_grade = grade.cell.cell_type != "code"
            gradebook.db.commit()
            scores = self._record(gradebook, student, reasons)
        return Outcome(student, FAILED, scores, reasons)

    def _record(self, gradebook: Gradebook, student: str, reasons: list[str]) -> list[CellScore]:
        """Flag the submission (or clear an old flag) with the reasons; its scores."""
        assignment = self.course.assignment
        notebook = gradebook.find_submission_notebook(assignment, assignment, student)
        notebook.flagged = bool(reasons)
        first_answer = next((c for c in self.template.cells if is_answer(c)), None)
        if first_answer is not None:
            with contextlib.suppress(MissingEntry):
                comment = gradebook.find_comment(grade_id(first_answer), assignment,
                                                 assignment, student)
                comment.auto_comment = ("Flagged for review: " + "; ".join(reasons)
                                        if reasons else comment.auto_comment)
        gradebook.db.commit()
        return self.course.scores(gradebook, student)


def _stops(executed: NotebookNode) -> list[str]:
    """Why execution went wrong: cells past the time limit, a kernel that stopped."""
    notes = executed.metadata.get(GRADING, {})
    return [*notes.get("timeouts", []), *notes.get("stopped", [])]


def _last_error(result: dict) -> str:
    """The error behind nbgrader's generic "see the traceback" message."""
    text = "\n".join(filter(None, (result.get("log"), result.get("error"))))
    causes = [line.strip() for line in text.splitlines()
              if re.match(r"^\s*[\w.]+(Error|Exception|Exit)\b.*:", line)
              and "NbGraderException" not in line]
    return (causes[-1] if causes else "unknown error")[:300]


def grade_all(course: SandboxCourse, submissions: dict[str, NotebookNode | bytes],
              timeout: int = 10, jail_args: list[str] | None = None) -> dict[str, Outcome]:
    """Grade several submissions one after the other in this process."""
    harden(course.config, timeout)
    grader = Grader(course, jail_args or [])
    try:
        return {student: grader.grade(student, data) for student, data in submissions.items()}
    finally:
        grader.close()
