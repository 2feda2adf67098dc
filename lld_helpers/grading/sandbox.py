"""A throw-away nbgrader course directory: generate an assignment, autograde notebooks.

Everything nbgrader writes (gradebook, release, submissions, logs) stays in a
temporary directory, so the repository is never touched.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat
import nbgrader.api
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from nbformat import NotebookNode
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.converters import GenerateAssignment
from nbgrader.coursedir import CourseDirectory
from nbgrader.dbutil import ALEMBIC_DIR
from nbgrader.utils import capture_log
from traitlets.config import Config

from lld_helpers.grading.config import check_assignment, load_config, source_dir


class GradingError(RuntimeError):
    """Grading cannot run (nbgrader could not process an assignment, kernels cannot start);
    the message says why."""


@dataclass(frozen=True)
class CellScore:
    grade_id: str
    score: float
    max_score: float

    @property
    def passed(self) -> bool:
        return self.score >= self.max_score


class SandboxCourse:
    """An nbgrader course in a temporary directory holding one generated assignment."""

    def __init__(self, path: Path, config: Config, assignment: str) -> None:
        self.path, self.config, self.assignment = path, config, assignment

    def _coursedir(self, student: str = "*") -> CourseDirectory:
        coursedir = CourseDirectory(config=self.config)
        coursedir.assignment_id, coursedir.student_id = self.assignment, student
        return coursedir

    def run(self, app_class: type, student: str = "*") -> dict:
        """Run an nbgrader converter (generate, autograde...) for this assignment."""
        app = app_class(coursedir=self._coursedir(student), config=self.config)
        app.force = True
        return capture_log(app)

    def generate(self) -> None:
        for _attempt in range(3):  # a parallel run may be creating the same gradebook rows
            result = self.run(GenerateAssignment)
            if result["success"]:
                return
        raise GradingError(f"nbgrader could not generate {self.assignment}:\n"
                           + result.get("log", "") + result.get("error", ""))

    @property
    def release(self) -> Path:
        """The generated (student) folder of the assignment."""
        return self.path / self.config.CourseDirectory.release_directory / self.assignment

    def release_notebook(self) -> NotebookNode:
        return nbformat.read(self.release / f"{self.assignment}.ipynb", as_version=4)

    def autograded_notebook(self, student: str) -> NotebookNode | None:
        """The notebook as nbgrader executed it (hidden tests in place), if it got that far."""
        path = self.path / "autograded" / student / self.assignment / f"{self.assignment}.ipynb"
        return nbformat.read(path, as_version=4) if path.is_file() else None

    def scores(self, gradebook: Gradebook, student: str) -> list[CellScore]:
        """The student's score on every autograded test cell, from the gradebook."""
        try:
            notebook = gradebook.find_submission_notebook(self.assignment, self.assignment,
                                                          student)
        except MissingEntry:
            return []
        return [CellScore(grade.name, grade.score, grade.max_score)
                for grade in notebook.grades if grade.cell.cell_type == "code"]


@functools.cache
def _alembic_head() -> str:
    """The newest revision of nbgrader's gradebook schema, read from its migration scripts."""
    config = AlembicConfig()
    config.set_main_option("script_location", ALEMBIC_DIR)
    return ScriptDirectory.from_config(config).get_current_head()


# A new gradebook records nbgrader's schema revision, which nbgrader asks of a
# subprocess (`alembic heads`: two seconds, and the script must be on PATH).
# alembic gives the same answer in-process.
nbgrader.api.get_alembic_version = _alembic_head


@contextmanager
def sandbox_course(root: Path, assignment: str,
                   db_url: str | None = None) -> Iterator[SandboxCourse]:
    """Generate `assignment` of the course at `root` in a temporary nbgrader course.

    The gradebook is `db_url` when given, else a SQLite file that goes with the folder.
    """
    check_assignment(root, assignment)
    with tempfile.TemporaryDirectory(prefix="lld-course-") as tmp:
        path = Path(tmp)
        config = load_config(root)
        config.CourseDirectory.root = str(path)
        config.CourseDirectory.db_url = db_url or f"sqlite:///{path / 'gradebook.db'}"
        config.Application.log_level = "WARN"
        # Kernels talk over IPC sockets in this private folder: no TCP ports to race for.
        config.KernelManager.transport = "ipc"
        config.KernelManager.ip = str(path / "kernel")
        shutil.copytree(source_dir(root) / assignment,
                        path / config.CourseDirectory.source_directory / assignment,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        course = SandboxCourse(path, config, assignment)
        course.generate()
        yield course
