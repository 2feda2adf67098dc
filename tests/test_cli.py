"""The lld-course command: clear messages and exit code 2 for input it cannot use."""

from __future__ import annotations

import json

import nbformat
import pytest
from submissions import ROOT, release

from lld_helpers.cli import main

pytestmark = pytest.mark.slow


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(ROOT), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b'{"cells": 3}', "not a notebook"),
])
def test_grade_rejects_files_that_are_not_notebooks(capsys, tmp_path, content, message):
    path = tmp_path / "00_start_here.ipynb"
    path.write_bytes(content)
    code, _, err = run(capsys, "grade", str(path))
    assert code == 2 and message in err


def test_grade_rejects_a_notebook_of_no_assignment(capsys, tmp_path):
    path = tmp_path / "mine.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), path)
    code, _, err = run(capsys, "grade", str(path))
    assert code == 2 and "matches no assignment" in err


def test_grade_rejects_a_notebook_of_another_version(capsys, tmp_path):
    notebook = release(ROOT, "00_start_here")
    tests = next(c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade"))
    tests.source += "\nassert True  # an older version had one more line"
    path = tmp_path / "00_start_here.ipynb"
    nbformat.write(notebook, path)
    code, _, err = run(capsys, "grade", str(path))
    assert code == 2 and "another version of the course" in err


def test_grade_prints_a_table_and_json(capsys, tmp_path):
    path = tmp_path / "renamed.ipynb"  # found by its cells, not its name
    nbformat.write(release(ROOT, "00_start_here"), path)
    before = path.read_bytes()
    code, out, _ = run(capsys, "grade", str(path))
    assert code == 0
    assert "ex00_stopwatch" in out and "FAIL" in out and "total" in out
    code, out, _ = run(capsys, "grade", str(path), "--json")
    report = json.loads(out)[0]
    assert report["assignment"] == "00_start_here"
    assert report["max_total"] == 3 and report["exercises"][0]["passed"] is False
    assert path.read_bytes() == before, "grading never changes the learner's file"


def test_autograde_rejects_unknown_assignment_and_missing_folder(capsys, tmp_path):
    code, _, err = run(capsys, "autograde", str(tmp_path), "--assignment", "99_nope")
    assert code == 2 and "unknown assignment '99_nope'" in err
    code, _, err = run(capsys, "autograde", str(tmp_path / "absent"), "--assignment",
                       "00_start_here")
    assert code == 2 and "is not a folder of submissions" in err
    code, _, err = run(capsys, "autograde", str(tmp_path), "--assignment", "00_start_here")
    assert code == 2 and "no submissions in" in err


def test_autograde_rejects_a_bad_shard(capsys, tmp_path):
    (tmp_path / "a.ipynb").write_text("{}")
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "autograde", str(tmp_path), "--assignment", "00_start_here",
            "--shard", "half")
    assert exit_info.value.code == 2
    code, _, err = run(capsys, "autograde", str(tmp_path), "--assignment", "00_start_here",
                       "--shard", "3/2")
    assert code == 2 and "between 1 and 2" in err
