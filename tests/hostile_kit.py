"""Building blocks for the hostile-submission corpus in tests/hostile/."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from nbformat import NotebookNode

from lld_helpers.grading.notebooks import grade_id

EXERCISES = ["ex01_bank_account", "ex01_shapes", "ex01_composition", "ex01_refactor", "ex01_dry"]


@dataclass(frozen=True)
class Expect:
    status: str  # graded, flagged or failed
    reason: str = ""  # a phrase one of the reasons must contain
    zero: list[str] = field(default_factory=list)  # exercises that must score 0 ("*": all)


def cell(notebook: NotebookNode, gid: str) -> NotebookNode:
    return next(c for c in notebook.cells if grade_id(c) == gid)


def with_code(reference: NotebookNode, gid: str, before: str = "", after: str = "") -> NotebookNode:
    """The reference with code added before and/or after one answer cell's source."""
    notebook = copy.deepcopy(reference)
    target = cell(notebook, gid)
    target.source = "\n".join(part for part in (before, target.source, after) if part)
    return notebook


def after(exercise: str) -> list[str]:
    """`exercise` and every exercise after it (what a dead kernel costs)."""
    return EXERCISES[EXERCISES.index(exercise):]
