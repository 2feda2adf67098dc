"""Turn whatever a student handed in into a clean notebook to grade, and say what was wrong.

A submission is rebuilt from the released notebook: every cell comes from the
release except the answer cells, which come from the student by grade_id. So
deleted, edited or re-ordered test cells, forged points or metadata, and extra
cells cannot change a grade; each such finding is reported for review.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from lld_helpers.grading.notebooks import grade_id, is_answer, is_tests, nbgrader


class UnusableSubmission(ValueError):
    """The file cannot be graded at all; the message says why."""


@dataclass
class Intake:
    """A notebook ready to grade, and what was found on the way in."""

    notebook: NotebookNode
    flags: list[str] = field(default_factory=list)
    missing_answers: list[str] = field(default_factory=list)


def parse(data: bytes, name: str) -> NotebookNode:
    """The notebook in `data`, or UnusableSubmission saying why it is not one."""
    if not data.strip():
        raise UnusableSubmission(f"{name} is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnusableSubmission(f"{name} is not UTF-8 text (byte {error.start})") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnusableSubmission(f"{name} is not valid JSON (line {error.lineno}: "
                                 f"{error.msg})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("cells"), list):
        raise UnusableSubmission(f"{name} is JSON but not a notebook (no list of cells)")
    try:
        return nbformat.reads(text, as_version=4)
    except Exception as error:  # nbformat raises several schema errors
        raise UnusableSubmission(f"{name} is not a valid notebook ({error})") from None


def _by_id(notebook: NotebookNode, wanted) -> dict[str, NotebookNode]:
    cells: dict[str, NotebookNode] = {}
    for cell in notebook.cells:
        if wanted(cell) and grade_id(cell) and grade_id(cell) not in cells:
            cells[grade_id(cell)] = cell
    return cells


def belongs(template: NotebookNode, submitted: NotebookNode) -> bool:
    """Whether the submission shares any graded cell with the assignment's release."""
    ours = {grade_id(c) for c in template.cells if nbgrader(c)}
    theirs = {grade_id(c) for c in submitted.cells if nbgrader(c)}
    return bool(ours & theirs)


def rebuild(template: NotebookNode, submitted: NotebookNode) -> Intake:
    """The release with the student's answers in it, plus findings for review."""
    answers = _by_id(submitted, is_answer)
    tests = _by_id(submitted, is_tests)
    notebook = copy.deepcopy(template)
    intake = Intake(notebook)
    for cell in notebook.cells:
        gid = grade_id(cell)
        if is_answer(cell):
            if gid in answers:
                cell.source = answers[gid].source
            else:
                intake.missing_answers.append(gid)
        elif is_tests(cell):
            if gid not in tests:
                intake.flags.append(f"test cell {gid} was deleted or renamed (restored)")
            elif tests[gid].source.strip() != cell.source.strip():
                intake.flags.append(f"test cell {gid} was edited (restored)")
    for gid in intake.missing_answers:
        intake.flags.append(f"answer cell {gid} is missing or renamed: that exercise scores 0")
    order = [grade_id(c) for c in submitted.cells if is_tests(c) and grade_id(c) in tests]
    expected = [grade_id(c) for c in template.cells if is_tests(c) and grade_id(c) in tests]
    if order != expected:
        intake.flags.append("test cells were re-ordered (restored)")
    forged = [grade_id(c) for c in submitted.cells if nbgrader(c) and grade_id(c) in
              _by_id(template, nbgrader) and _forged(c, _by_id(template, nbgrader)[grade_id(c)])]
    if forged:
        intake.flags.append(f"nbgrader metadata was changed on {', '.join(sorted(forged))} "
                            "(ignored)")
    return intake


def _forged(theirs: NotebookNode, ours: NotebookNode) -> bool:
    keys = ("grade", "solution", "locked", "points", "grade_id")
    return any(nbgrader(theirs).get(k) != nbgrader(ours).get(k) for k in keys)


def read(path: Path) -> NotebookNode:
    """Read a submission file from disk (see `parse`)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnusableSubmission(f"{path.name} cannot be read ({error.strerror})") from None
    return parse(data, path.name)
