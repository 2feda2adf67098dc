"""The hostile corpus, graded in one parallel batch next to honest students.

For every case: its exercises score as expected and it is flagged or failed
with the expected reason; the batch finishes; the honest students keep full
marks; and the gradebook holds one consistent submission per student.
"""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest
from hostile_kit import EXERCISES
from submissions import ROOT, reference_answers, submission

from lld_helpers.grading import batch
from lld_helpers.grading.kernels import bwrap_works

pytestmark = pytest.mark.slow
ASSIGNMENT = "01_fundamentals"
CASES = sorted((Path(__file__).parent / "hostile").glob("*.py"))
HONEST = ["honest-1", "honest-2"]
AUTOGRADED_POINTS = 21  # 01_fundamentals: 23 points, 2 of them graded by hand


def load(path: Path):
    spec = importlib.util.spec_from_file_location(f"hostile_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> tuple[dict[str, dict], Path]:
    folder = tmp_path_factory.mktemp("submissions")
    reference = submission(ROOT, ASSIGNMENT, reference_answers(ROOT, ASSIGNMENT))
    for name in HONEST:
        (folder / f"{name}.ipynb").write_text(__import__("nbformat").writes(reference))
    for path in CASES:
        made = load(path).submission(reference)
        data = made if isinstance(made, bytes) else __import__("nbformat").writes(made).encode()
        (folder / f"{path.stem}.ipynb").write_bytes(data)
    out = tmp_path_factory.mktemp("graded")
    options = batch.Options(ASSIGNMENT, out, workers=2, timeout=3, feedback=True)
    results = batch.run(ROOT, folder, options)
    return {r["student"]: r for r in results}, out


def scores(out: Path, student: str) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{out / 'gradebook.db'}") as gradebook:
        notebook = gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, student)
        return {g.name.removesuffix("_tests"): g.score for g in notebook.grades
                if g.cell.cell_type == "code"}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_hostile_submission_is_contained(graded, case):
    results, out = graded
    expect = load(case).EXPECT
    result = results[case.stem]
    assert result["status"] == expect.status, result["reasons"]
    if expect.reason:
        assert any(expect.reason in r for r in result["reasons"]), result["reasons"]
    else:
        assert result["reasons"] == []
    zero = set(EXERCISES) if expect.zero == ["*"] else set(expect.zero)
    got = scores(out, case.stem)
    assert {e for e in EXERCISES if got[e] == 0} >= zero, got
    assert result["max_score"] == AUTOGRADED_POINTS, "forged points must not count"


def test_honest_students_keep_full_marks(graded):
    results, out = graded
    for name in HONEST:
        assert results[name]["status"] == "graded"
        assert results[name]["score"] == AUTOGRADED_POINTS


def test_gradebook_is_consistent_and_csv_complete(graded):
    results, out = graded
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{out / 'gradebook.db'}") as gradebook:
        students = {s.id for s in gradebook.students}
        assert students == set(results)
        for student in students:
            notebook = gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, student)
            assert len(notebook.grades) == 6  # five autograded exercises, one by hand
            assert notebook.flagged == (results[student]["status"] != "graded")
    rows = list(csv.DictReader((out / "grades.csv").open()))
    assert {row["student_id"] for row in rows} == set(results)
    assert all(row["status"] for row in rows)


def test_no_hidden_test_reaches_feedback(graded):
    _, out = graded
    for page in (out / "feedback").glob("*.html"):
        text = page.read_text()
        assert "BEGIN HIDDEN" not in text and "_refuses" not in text, page.name


@pytest.mark.skipif(not bwrap_works(), reason="bubblewrap is not available: .ci/run installs it")
def test_nothing_was_written_outside_the_sandbox(graded):
    assert not Path("/tmp/lld-hostile-was-here").exists()
