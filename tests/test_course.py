"""course/ is exactly what nbgrader generates from solutions/, and nothing leaks into it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from submissions import ASSIGNMENTS, ROOT

from lld_helpers.cli import main
from lld_helpers.grading.build import build, generated, stale
from lld_helpers.grading.leaks import find_leaks

pytestmark = pytest.mark.slow


def test_course_is_in_sync_with_solutions():
    assert stale(ROOT) == [], "run `make course` and commit course/"


def test_nothing_leaks_to_the_student_side():
    leaks = find_leaks(ROOT)
    assert not leaks, "\n".join(map(str, leaks))


def test_build_is_deterministic():
    assignment = ASSIGNMENTS[0]
    assert generated(ROOT, assignment) == generated(ROOT, assignment)


@pytest.fixture
def course_copy(tmp_path: Path) -> Path:
    for name in ("nbgrader_config.py", "solutions", "course"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    return tmp_path


def test_check_names_each_stale_notebook_and_build_repairs_it(course_copy, capsys):
    released = course_copy / "course" / ASSIGNMENTS[0] / f"{ASSIGNMENTS[0]}.ipynb"
    released.write_text(released.read_text().replace("# YOUR CODE HERE", "# edited"))
    assert main(["--root", str(course_copy), "build", "--check"]) == 1
    assert f"course/{ASSIGNMENTS[0]}: stale" in capsys.readouterr().out
    assert build(course_copy) == [ASSIGNMENTS[0]]
    assert stale(course_copy) == []
    assert not (course_copy / "gradebook.db").exists(), "build must leave no gradebook behind"


def test_orphaned_release_is_reported(course_copy):
    (course_copy / "course" / "99_gone").mkdir()
    assert stale(course_copy) == ["99_gone: in course/ but not in solutions/"]


def test_leak_check_finds_a_planted_solution_line(course_copy):
    source = (course_copy / "solutions" / "00_start_here" / "00_start_here.ipynb").read_text()
    secret = "self._banked += self._clock() - self._started_at"
    assert secret in source
    released = course_copy / "course" / "00_start_here" / "notes.py"
    released.write_text(f"# copied from a friend\n{secret}\n")
    leaks = find_leaks(course_copy)
    assert [leak.line for leak in leaks] == [secret]


def test_leak_check_tells_a_copy_in_the_package_from_a_coincidence(course_copy):
    package = course_copy / "lld_helpers"
    package.mkdir()
    (package / "coincidence.py").write_text(
        "x = 1\nself._banked += self._clock() - self._started_at\n")
    assert find_leaks(course_copy) == []
    (package / "copy.py").write_text(
        'raise RuntimeError("the stopwatch is already running")\n'
        "self._banked += self._clock() - self._started_at\n")
    assert {leak.path.name for leak in find_leaks(course_copy)} == {"copy.py"}
