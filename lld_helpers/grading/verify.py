"""Checks made from outside the kernel, after it ran: canaries, broken answers, forged scores.

Everything inside the kernel can be changed by the submission, including how
`assert` and errors behave. So before grading, canary cells the submission
cannot tell from tests go after every test cell, each of which must fail, and
one that must print a secret ends the notebook. If any misbehaves, the kernel
was tampered with and its test results are void. The grader knows the expected
results; the kernel never sees them (cell metadata is not sent to kernels).
"""

from __future__ import annotations

import secrets

from nbformat import NotebookNode
from nbformat.v4 import new_code_cell
from nbgrader.preprocessors import NbGraderPreprocessor

from lld_helpers.grading.notebooks import GRADING, error_output, grade_id, is_answer, is_tests

CANARY = "lld_canary"
NOT_RUN = {"NotRun", "KernelDied"}


def _must_fail(nonce: str) -> str:
    a, b = secrets.randbelow(10**6), 10**6 + secrets.randbelow(10**6)
    return secrets.choice([
        f"assert {a} == {b}, {nonce!r}",
        f"if {a} != {b}:\n    raise AssertionError({nonce!r})",
        f"assert sorted([{b}, {a}]) == [{b}, {a}], {nonce!r}",
    ])


def add_canaries(notebook: NotebookNode) -> None:
    """A must-fail canary after every test cell, and a must-print one at the end."""
    cells = []
    for cell in notebook.cells:
        cells.append(cell)
        if is_tests(cell):
            fail = new_code_cell(_must_fail(secrets.token_hex(8)))
            fail.metadata[CANARY] = {"expect": "error"}
            cells.append(fail)
    token = secrets.token_hex(16)
    shout = new_code_cell(f"print({token!r})")
    shout.metadata[CANARY] = {"expect": token}
    notebook.cells = [*cells, shout]


def _errors(cell: NotebookNode) -> list[NotebookNode]:
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def _canary_holds(cell: NotebookNode) -> bool:
    if any(e.get("ename") in NOT_RUN for e in _errors(cell)):
        return True  # the kernel had stopped: nothing to judge
    expect = cell.metadata[CANARY]["expect"]
    if expect == "error":
        return bool(_errors(cell))
    printed = "".join(o.get("text", "") for o in cell.get("outputs", [])
                      if o.get("output_type") == "stream" and o.get("name") == "stdout")
    return not _errors(cell) and printed.strip() == expect


def _fail(cell: NotebookNode, name: str, message: str) -> None:
    cell.outputs = [error_output(name, message)]


class VerifyGrading(NbGraderPreprocessor):
    """Void test results a tampered kernel produced; zero exercises whose answer broke."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        flags: list[str] = []
        canaries = [c for c in nb.cells if CANARY in c.metadata]
        nb.cells = [c for c in nb.cells if CANARY not in c.metadata]
        tests = [c for c in nb.cells if is_tests(c)]
        broken = [c for c in canaries if not _canary_holds(c)]
        if broken:
            flags.append("the kernel did not report failures honestly (canary cells "
                         "misbehaved): assertions or errors were tampered with; tests voided")
            for cell in tests:
                _fail(cell, "TamperingDetected", "test results voided: see the review flags")
        answers = {grade_id(c): c for c in nb.cells if is_answer(c)}
        for cell in tests:
            # An execute_result would be read by nbgrader as partial credit: tests never
            # end in an expression, so one here was forged.
            cell.outputs = [o for o in cell.get("outputs", [])
                            if o.get("output_type") != "execute_result"]
            answer = answers.get(grade_id(cell).removesuffix("_tests"))
            if answer is not None and _errors(answer) and not broken:
                error = _errors(answer)[0]
                _fail(cell, "AnswerCellFailed", f"the answer cell raised {error.get('ename')}: "
                      f"{error.get('evalue', '')}"[:300])
        nb.metadata.setdefault(GRADING, {})["flags"] = flags
        return nb, resources
