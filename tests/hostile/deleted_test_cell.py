"""A test cell deleted: it is put back before grading, and the deletion flagged."""
import copy

from hostile_kit import Expect, cell

EXPECT = Expect("flagged", "ex01_shapes_tests was deleted")


def submission(reference):
    notebook = copy.deepcopy(reference)
    notebook.cells.remove(cell(notebook, "ex01_shapes_tests"))
    return notebook
