"""Reading nbgrader notebooks: cell roles, solution and hidden-test regions."""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions

# nbgrader's own delimiters: a line containing one opens or closes a region.
SOLUTION = (ClearSolutions.begin_solution_delimeter.default_value,
            ClearSolutions.end_solution_delimeter.default_value)
HIDDEN = (ClearHiddenTests.begin_test_delimeter.default_value,
          ClearHiddenTests.end_test_delimeter.default_value)
MARKERS = (*SOLUTION, *HIDDEN)
GRADING = "lld_grading"  # notebook metadata the grader leaves on a graded notebook


class NotebookError(ValueError):
    """A file that is not a usable notebook; the message says what is wrong."""


def read_notebook(path: Path) -> NotebookNode:
    """Read a notebook, or raise NotebookError saying why it cannot be read."""
    try:
        return nbformat.read(path, as_version=4)
    except FileNotFoundError:
        raise NotebookError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise NotebookError(f"{path}: not UTF-8 text, so not a notebook") from None
    except Exception as error:  # nbformat raises several JSON and schema errors
        raise NotebookError(f"{path}: not a valid notebook ({error})") from None


def nbgrader(cell: NotebookNode) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def is_answer(cell: NotebookNode) -> bool:
    """An autograded answer cell: code the learner writes."""
    meta = nbgrader(cell)
    return cell.cell_type == "code" and meta.get("solution", False) and not meta.get("grade")


def is_tests(cell: NotebookNode) -> bool:
    """An autograder tests cell."""
    meta = nbgrader(cell)
    return cell.cell_type == "code" and meta.get("grade", False) and not meta.get("solution")


def grade_id(cell: NotebookNode) -> str:
    return nbgrader(cell).get("grade_id", "")


def is_marker(line: str) -> bool:
    return any(marker in line for marker in MARKERS)


def partition(source: str, *pairs: tuple[str, str]) -> tuple[list[str], list[str]]:
    """The lines inside the regions opened and closed by `pairs`, and the lines outside.

    Marker lines belong to neither.
    """
    inside: list[str] = []
    outside: list[str] = []
    closing: str | None = None
    for line in source.splitlines():
        opening = next((end for begin, end in pairs if begin in line), None)
        if closing is None and opening is not None:
            closing = opening
        elif closing is not None and closing in line:
            closing = None
        elif not is_marker(line):
            (inside if closing else outside).append(line)
    return inside, outside


def without_markers(source: str) -> str:
    """The source with every solution and hidden-test marker line removed."""
    return "\n".join(line for line in source.splitlines() if not is_marker(line))


def error_output(name: str, message: str) -> NotebookNode:
    """An error output, as a kernel would produce it, written by the grader."""
    return new_output("error", ename=name, evalue=message, traceback=[f"{name}: {message}"])


def hidden_lines(source: NotebookNode, release: NotebookNode) -> set[str]:
    """Every non-trivial line of the hidden tests (stripped) that the release does not show."""
    public = {line.strip() for cell in release.cells for line in cell.source.splitlines()}
    return {line.strip() for cell in source.cells if is_tests(cell)
            for line in partition(cell.source, HIDDEN)[0]
            if len(line.strip()) > 3 and line.strip() not in public}


def redact(text: str, hidden: set[str]) -> str:
    """`text` with any line of a hidden test replaced, so messages never show one."""
    return "\n".join("[hidden test]" if line.strip() in hidden else line
                     for line in text.splitlines())


def imported_modules(notebook: NotebookNode) -> list[str]:
    """The modules the notebook's code cells import at top level (absolute imports), in order."""
    found: dict[str, None] = {}
    for cell in notebook.cells:
        try:
            tree = ast.parse(cell.source) if cell.cell_type == "code" else ast.Module([], [])
        except SyntaxError:  # a cell with IPython magics: not worth parsing
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                found.update(dict.fromkeys(alias.name for alias in node.names))
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found[node.module] = None
    return list(found)
