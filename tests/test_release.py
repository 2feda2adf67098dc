"""Every released notebook runs: each graded test cell fails on the stub, nothing else errors."""

from __future__ import annotations

import pytest
from submissions import ASSIGNMENTS, ROOT, errors, execute, release

from lld_helpers.grading.config import release_dir
from lld_helpers.grading.notebooks import grade_id, is_answer, is_tests

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_fails_only_where_answers_are_missing(assignment):
    notebook = release(ROOT, assignment)
    executed = execute(notebook, release_dir(ROOT) / assignment)
    failed = errors(executed)
    for index, cell in enumerate(notebook.cells):
        if is_tests(cell):
            assert index in failed, f"{grade_id(cell)} passes on the stub: it tests nothing"
        elif is_answer(cell):
            assert failed.get(index, "NotImplementedError").startswith("NotImplementedError"), (
                f"the stub of {grade_id(cell)} fails in an unexpected way: {failed[index]}")
        else:
            assert index not in failed, (
                f"cell {index} ({cell.source[:60]!r}...) fails without answers: {failed[index]}")
