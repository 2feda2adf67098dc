"""Grading end to end through the autograde engine (nbgrader underneath), per assignment.

One batch per assignment holds the reference, the untouched release and every
mutant: the reference scores full marks with nothing flagged, the release
scores 0, and each mutant passes its exercise's visible tests but loses points
on the hidden ones. Batches are graded lazily, so `-k <assignment>` grades one.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from submissions import (
    ASSIGNMENTS,
    ROOT,
    errors,
    execute,
    grade_batch,
    mutant_submission,
    mutants,
    reference_answers,
    release,
    submission,
)

from lld_helpers.grading.config import release_dir
from lld_helpers.grading.notebooks import grade_id, is_tests

MUTANTS = [m for a in ASSIGNMENTS for m in mutants(a)]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """assignment -> student -> result (status, reasons, cells), graded on first use."""
    cache: dict[str, dict[str, dict]] = {}

    def get(assignment: str) -> dict[str, dict]:
        if assignment not in cache:
            notebooks = {
                "reference": submission(ROOT, assignment, reference_answers(ROOT, assignment)),
                "stub": release(ROOT, assignment),
                **{m.student: mutant_submission(ROOT, m) for m in mutants(assignment)}}
            cache[assignment] = grade_batch(notebooks, assignment,
                                            tmp_path_factory.mktemp(assignment))
        return cache[assignment]

    return get


@pytest.fixture(scope="module")
def visible(request):
    """Each selected mutant's notebook run with visible tests only, two at a time."""
    selected = [item.callspec.params["mutant"] for item in request.session.items
                if "mutant" in getattr(getattr(item, "callspec", None), "params", {})
                and item.name.startswith("test_mutant_passes_visible_tests")]

    def run(mutant):
        return mutant, execute(mutant_submission(ROOT, mutant),
                               release_dir(ROOT) / mutant.assignment)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, selected))


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_reference_scores_full_marks_without_flags(graded, assignment):
    result = graded(assignment)["reference"]
    assert result["cells"], "the reference could not be graded"
    failed = [s.grade_id for s in result["cells"].values() if not s.passed]
    assert not failed, f"the reference loses points on {failed}"
    assert result["status"] == "graded", result["reasons"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_untouched_release_scores_zero(graded, assignment):
    result = graded(assignment)["stub"]
    assert result["cells"], "the release could not be graded"
    assert sum(s.score for s in result["cells"].values()) == 0


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_exercise_has_a_mutant(assignment):
    tests = [grade_id(c) for c in release(ROOT, assignment).cells if is_tests(c)]
    covered = {m.exercise + "_tests" for m in mutants(assignment)}
    assert set(tests) <= covered, f"exercises without a mutant: {sorted(set(tests) - covered)}"


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: f"{m.assignment}/{m.student}")
def test_mutant_loses_points_on_hidden_tests_only(graded, mutant):
    cells = graded(mutant.assignment)[mutant.student]["cells"]
    assert cells, "the mutant submission could not be graded at all"
    target = cells.get(mutant.exercise + "_tests")
    assert target is not None, f"{mutant.exercise} has no tests cell"
    assert not target.passed, "the hidden tests do not catch this mutant"
    others = [s.grade_id for s in cells.values() if s is not target and not s.passed]
    assert not others, f"the mutant also breaks {others}: mutate one exercise only"


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: f"{m.assignment}/{m.student}")
def test_mutant_passes_visible_tests(visible, mutant):
    executed = visible[mutant]
    target = next(i for i, c in enumerate(executed.cells)
                  if grade_id(c) == mutant.exercise + "_tests")
    assert target not in errors(executed), (
        f"the mutant already fails the visible tests: {errors(executed)[target]}")
