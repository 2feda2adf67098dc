"""Grading end to end through nbgrader autograde, in a temporary course directory.

For each assignment one batch holds the reference, the untouched release and
every mutant: the reference scores full marks, the release scores 0, and each
mutant passes its exercise's visible tests but loses points on the hidden ones.
"""

from __future__ import annotations

import pytest
from submissions import (
    ASSIGNMENTS,
    ROOT,
    errors,
    execute,
    mutant_submission,
    mutants,
    reference_answers,
    release,
    submission,
)

from lld_helpers.grading.config import release_dir
from lld_helpers.grading.engine import Outcome, grade_all
from lld_helpers.grading.notebooks import grade_id, is_tests
from lld_helpers.grading.sandbox import CellScore, sandbox_course

MUTANTS = [m for a in ASSIGNMENTS for m in mutants(a)]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def outcomes() -> dict[str, dict[str, Outcome]]:
    """assignment -> student -> outcome, each assignment graded as one batch."""
    results = {}
    for assignment in ASSIGNMENTS:
        batch = {"reference": submission(ROOT, assignment, reference_answers(ROOT, assignment)),
                 "stub": release(ROOT, assignment)}
        batch |= {m.student: mutant_submission(ROOT, m) for m in mutants(assignment)}
        with sandbox_course(ROOT, assignment) as course:
            results[assignment] = grade_all(course, batch)
    return results


@pytest.fixture(scope="module")
def graded(outcomes) -> dict[str, dict[str, dict[str, CellScore]]]:
    """assignment -> student -> test cell grade_id -> score."""
    return {assignment: {student: {s.grade_id: s for s in outcome.scores}
                         for student, outcome in batch.items()}
            for assignment, batch in outcomes.items()}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_reference_scores_full_marks_without_flags(graded, outcomes, assignment):
    scores = graded[assignment]["reference"]
    assert scores, "the reference could not be graded"
    failed = [s.grade_id for s in scores.values() if not s.passed]
    assert not failed, f"the reference loses points on {failed}"
    assert outcomes[assignment]["reference"].reasons == []


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_untouched_release_scores_zero(graded, assignment):
    scores = graded[assignment]["stub"]
    assert scores, "the release could not be graded"
    assert sum(s.score for s in scores.values()) == 0


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_exercise_has_a_mutant(assignment):
    tests = [grade_id(c) for c in release(ROOT, assignment).cells if is_tests(c)]
    covered = {m.exercise + "_tests" for m in mutants(assignment)}
    assert set(tests) <= covered, f"exercises without a mutant: {sorted(set(tests) - covered)}"


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: f"{m.assignment}/{m.student}")
def test_mutant_loses_points_on_hidden_tests_only(graded, mutant):
    scores = graded[mutant.assignment][mutant.student]
    assert scores, "the mutant submission could not be graded at all"
    target = scores.get(mutant.exercise + "_tests")
    assert target is not None, f"{mutant.exercise} has no tests cell"
    assert not target.passed, "the hidden tests do not catch this mutant"
    others = [s.grade_id for s in scores.values() if s is not target and not s.passed]
    assert not others, f"the mutant also breaks {others}: mutate one exercise only"


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: f"{m.assignment}/{m.student}")
def test_mutant_passes_visible_tests(mutant):
    notebook = mutant_submission(ROOT, mutant)
    executed = execute(notebook, release_dir(ROOT) / mutant.assignment)
    target = next(i for i, c in enumerate(notebook.cells)
                  if grade_id(c) == mutant.exercise + "_tests")
    assert target not in errors(executed), (
        f"the mutant already fails the visible tests: {errors(executed)[target]}")
