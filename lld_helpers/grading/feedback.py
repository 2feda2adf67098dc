"""Feedback a student may see: their notebook graded, with hidden tests kept out.

nbgrader's own feedback shows hidden tests in the test cells and in tracebacks.
Here each test cell shows only its visible tests and a one-line verdict, and
every output is scrubbed of hidden-test lines.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from nbconvert import HTMLExporter
from nbformat import NotebookNode
from nbformat.v4 import new_markdown_cell, new_output

from lld_helpers.grading.notebooks import error_output, grade_id, is_tests, redact

if TYPE_CHECKING:
    from lld_helpers.grading.engine import Grader, Outcome


def _verdict(cell: NotebookNode, passed: bool, hidden: set[str]) -> list[NotebookNode]:
    if passed:
        return [new_output("stream", name="stdout", text="All tests passed.\n")]
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            message = redact(f"{output.get('evalue', '')}", hidden).strip()
            return [error_output(output.get("ename", "Error"), message[:500])]
    return [error_output("Failed", "the tests did not pass")]


def _scrub(output: NotebookNode, hidden: set[str]) -> NotebookNode:
    output = copy.deepcopy(output)
    if "text" in output:
        output["text"] = redact(output["text"], hidden)
    if output.get("output_type") == "error":
        output["traceback"] = [redact(line, hidden) for line in output.get("traceback", [])]
    for key, value in output.get("data", {}).items():
        if key.startswith("text/") and isinstance(value, str):
            output["data"][key] = redact(value, hidden)
    return output


def feedback_notebook(outcome: Outcome, grader: Grader) -> NotebookNode:
    """The graded notebook as a student may see it, with a summary on top."""
    assert outcome.autograded is not None
    notebook = copy.deepcopy(outcome.autograded)
    visible = {grade_id(c): c.source for c in grader.template.cells if is_tests(c)}
    scores = {s.grade_id: s for s in outcome.scores}
    for cell in notebook.cells:
        if is_tests(cell):
            score = scores.get(grade_id(cell))
            cell.source = visible.get(grade_id(cell), "")
            cell.outputs = _verdict(cell, bool(score and score.passed), grader.hidden)
        elif cell.cell_type == "code":
            cell.outputs = [_scrub(o, grader.hidden) for o in cell.outputs]
    rows = "\n".join(f"| {s.grade_id.removesuffix('_tests')} | {s.score:g} | {s.max_score:g} |"
                     for s in outcome.scores)
    notes = "".join(f"\n- {redact(r, grader.hidden)}" for r in outcome.reasons)
    summary = (f"# Feedback: {grader.course.assignment}\n\n"
               f"**{outcome.score:g} / {sum(s.max_score for s in outcome.scores):g} points** "
               f"({outcome.status})\n\n| exercise | points | max |\n|---|---|---|\n{rows}\n"
               + (f"\n**Flagged for review:**{notes}\n" if notes else ""))
    notebook.cells.insert(0, new_markdown_cell(summary))
    return notebook


def write_feedback(outcome: Outcome, grader: Grader, path: Path) -> Path:
    """Write the feedback as a standalone HTML page."""
    html, _ = HTMLExporter().from_notebook_node(feedback_notebook(outcome, grader))
    path.write_text(html, encoding="utf-8")
    return path
