"""Submissions made from the release: the reference, the stub, and each mutant."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode
from nbgrader.api import Gradebook

from lld_helpers.grading import batch
from lld_helpers.grading.config import assignments, release_dir, source_dir
from lld_helpers.grading.notebooks import grade_id, is_answer, read_notebook, without_markers
from lld_helpers.grading.sandbox import CellScore

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENTS = assignments(ROOT)
MUTANTS = Path(__file__).parent / "mutants"


@dataclass(frozen=True)
class Mutant:
    assignment: str
    exercise: str  # the answer cell's grade_id
    path: Path

    @property
    def student(self) -> str:
        return f"mutant-{self.exercise}-{self.path.stem}"


def release(root: Path, assignment: str) -> NotebookNode:
    return read_notebook(release_dir(root) / assignment / f"{assignment}.ipynb")


def reference_answers(root: Path, assignment: str) -> dict[str, str]:
    """Each answer cell's reference, markers removed, by grade_id."""
    source = read_notebook(source_dir(root) / assignment / f"{assignment}.ipynb")
    return {grade_id(c): without_markers(c.source) for c in source.cells if is_answer(c)}


def submission(root: Path, assignment: str, answers: dict[str, str]) -> NotebookNode:
    """The released notebook with the given answer cells filled in (the others untouched)."""
    notebook = copy.deepcopy(release(root, assignment))
    for cell in notebook.cells:
        if is_answer(cell) and grade_id(cell) in answers:
            cell.source = answers[grade_id(cell)]
    return notebook


def mutants(assignment: str) -> list[Mutant]:
    return [Mutant(assignment, path.parent.name, path)
            for path in sorted((MUTANTS / assignment).glob("*/*.py"))]


def mutant_submission(root: Path, mutant: Mutant) -> NotebookNode:
    answers = reference_answers(root, mutant.assignment)
    answers[mutant.exercise] = mutant.path.read_text(encoding="utf-8")
    return submission(root, mutant.assignment, answers)


def execute(notebook: NotebookNode, cwd: Path) -> NotebookNode:
    """Run every cell, errors allowed, and return the executed copy."""
    executed = copy.deepcopy(notebook)
    client = NotebookClient(executed, timeout=30, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return executed


def errors(notebook: NotebookNode) -> dict[int, str]:
    """Index of each cell that raised, with its error line."""
    found = {}
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found[index] = f"{output['ename']}: {output['evalue']}"
    return found


def grade_batch(notebooks: dict[str, NotebookNode | bytes], assignment: str, tmp: Path,
                **options) -> dict[str, dict]:
    """Grade submissions with `lld-course autograde`'s engine (2 workers) into a fresh folder.

    Returns student -> the batch result plus "cells": test grade_id -> CellScore.
    """
    folder, out = tmp / "submitted", tmp / "graded"
    folder.mkdir(parents=True)
    for student, notebook in notebooks.items():
        data = notebook if isinstance(notebook, bytes) else nbformat.writes(notebook).encode()
        (folder / f"{student}.ipynb").write_bytes(data)
    settings = batch.Options(assignment, out, **{"workers": 2, **options})
    results = batch.run(ROOT, batch.jobs(folder, settings), settings)
    with Gradebook(f"sqlite:///{out / 'gradebook.db'}") as gradebook:
        for result in results:
            cells = gradebook.find_submission_notebook(assignment, assignment, result["student"])
            result["cells"] = {g.name: CellScore(g.name, g.score, g.max_score)
                               for g in cells.grades if g.cell.cell_type == "code"}
    return {result["student"]: result for result in results}
