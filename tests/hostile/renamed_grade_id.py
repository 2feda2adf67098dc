"""An answer cell's grade_id renamed: the answer is not found, that exercise scores 0."""
import copy

from hostile_kit import Expect, cell

EXPECT = Expect("flagged", "ex01_composition is missing or renamed", zero=["ex01_composition"])


def submission(reference):
    notebook = copy.deepcopy(reference)
    cell(notebook, "ex01_composition").metadata.nbgrader["grade_id"] = "my_answer"
    return notebook
