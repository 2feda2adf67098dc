"""The hostile corpus, graded in one parallel batch next to honest students.

For every case: its exercises score as expected and it is flagged or failed
with the expected reason; the batch finishes; the honest students keep full
marks; and the gradebook holds one consistent submission per student.
"""

from __future__ import annotations

import csv
import html
import importlib.util
import re
from pathlib import Path

import pytest
from hostile_kit import EXERCISES
from submissions import ROOT, grade_batch, reference_answers, release, submission

from lld_helpers.grading.kernels import bwrap_works
from lld_helpers.grading.notebooks import hidden_lines, read_notebook

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
    reference = submission(ROOT, ASSIGNMENT, reference_answers(ROOT, ASSIGNMENT))
    notebooks = dict.fromkeys(HONEST, reference)
    notebooks |= {path.stem: load(path).submission(reference) for path in CASES}
    tmp = tmp_path_factory.mktemp("hostile")
    return grade_batch(notebooks, ASSIGNMENT, tmp, timeout=5, feedback=True), tmp / "graded"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_hostile_submission_is_contained(graded, case):
    results, _ = graded
    expect = load(case).EXPECT
    result = results[case.stem]
    assert result["status"] == expect.status, result["reasons"]
    if expect.reason:
        assert any(expect.reason in r for r in result["reasons"]), result["reasons"]
    else:
        assert result["reasons"] == []
    zero = set(EXERCISES) if expect.zero == ["*"] else set(expect.zero)
    got = {gid.removesuffix("_tests"): s.score for gid, s in result["cells"].items()}
    assert {e for e in EXERCISES if got[e] == 0} >= zero, got
    assert result["max_score"] == AUTOGRADED_POINTS, "forged points must not count"


def test_honest_students_keep_full_marks(graded):
    results, _ = graded
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
    source = read_notebook(ROOT / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    hidden = {line for line in hidden_lines(source, release(ROOT, ASSIGNMENT)) if len(line) > 20}
    pages = sorted((out / "feedback").glob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text()))
        shown = {line.strip() for line in text.splitlines()}
        assert not hidden & shown, f"{page.name} shows {sorted(hidden & shown)[:3]}"


@pytest.mark.skipif(not bwrap_works(), reason="bubblewrap is not available: .ci/run installs it")
def test_nothing_was_written_outside_the_sandbox(graded):
    assert not Path("/tmp/lld-hostile-was-here").exists()
