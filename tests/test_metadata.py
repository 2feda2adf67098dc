"""Every source notebook has valid nbgrader metadata and a consistent structure."""

from __future__ import annotations

import re

import pytest
from submissions import ASSIGNMENTS, ROOT, mutants

from lld_helpers.grading.config import source_dir
from lld_helpers.grading.notebooks import grade_id, is_answer, is_tests, nbgrader, read_notebook
from lld_helpers.syllabus import NOTEBOOKS

GRADE_ID = re.compile(r"^[a-zA-Z0-9_-]+$")


def source(assignment: str):
    return read_notebook(source_dir(ROOT) / assignment / f"{assignment}.ipynb")


def graded_cells():
    for assignment in ASSIGNMENTS:
        for cell in source(assignment).cells:
            if nbgrader(cell):
                yield assignment, cell


def test_grade_ids_are_unique_across_the_course():
    ids = [grade_id(cell) for _, cell in graded_cells()]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_nbgrader_metadata_is_complete(assignment):
    for cell in source(assignment).cells:
        meta = nbgrader(cell)
        if not meta:
            continue
        assert meta.get("schema_version") == 3, grade_id(cell)
        assert GRADE_ID.match(grade_id(cell)), f"bad grade_id {grade_id(cell)!r}"
        if meta.get("grade"):
            assert meta.get("points", 0) > 0, f"{grade_id(cell)} is graded but has no points"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_exercises_follow_the_anatomy(assignment):
    cells = source(assignment).cells
    answers = [grade_id(c) for c in cells if is_answer(c)]
    tests = [grade_id(c) for c in cells if is_tests(c)]
    prefix = "ex" + assignment.split("_")[0] + "_"
    assert answers, "a notebook needs at least one exercise"
    assert tests == [a + "_tests" for a in answers], "each answer cell has its tests cell"
    assert all(a.startswith(prefix) for a in answers), f"grade ids start with {prefix}"
    for cell in cells:
        if is_tests(cell):
            assert "BEGIN HIDDEN TESTS" in cell.source, f"{grade_id(cell)} has no hidden tests"
            assert nbgrader(cell).get("locked"), f"{grade_id(cell)} must be locked"
        if is_answer(cell):
            assert "BEGIN SOLUTION" in cell.source, f"{grade_id(cell)} has no reference"
    assert {m.exercise for m in mutants(assignment)} >= set(answers)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_notebooks_are_saved_without_outputs(assignment):
    notebook = source(assignment)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    stored = [i for i, c in enumerate(notebook.cells)
              if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not stored, f"clear the outputs of cells {stored}"


def test_course_map_marks_exactly_the_written_notebooks():
    written = {nb.id for nb in NOTEBOOKS if nb.written}
    assert written == set(ASSIGNMENTS)
    ids = [nb.id for nb in NOTEBOOKS]
    assert all(req in ids for nb in NOTEBOOKS for req in nb.requires)
