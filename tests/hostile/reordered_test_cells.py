"""Two test cells swapped: the release's order is restored, and flagged."""
import copy

from hostile_kit import Expect, cell

EXPECT = Expect("flagged", "re-ordered")


def submission(reference):
    notebook = copy.deepcopy(reference)
    first, second = cell(notebook, "ex01_shapes_tests"), cell(notebook, "ex01_dry_tests")
    i, j = notebook.cells.index(first), notebook.cells.index(second)
    notebook.cells[i], notebook.cells[j] = second, first
    return notebook
