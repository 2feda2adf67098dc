"""Points raised to 1000 and a test cell turned into an ungraded one: ignored and flagged."""
import copy

from hostile_kit import Expect, cell

EXPECT = Expect("flagged", "metadata was changed", zero=["ex01_refactor"])


def submission(reference):
    notebook = copy.deepcopy(reference)
    cell(notebook, "ex01_bank_account_tests").metadata.nbgrader["points"] = 1000
    cell(notebook, "ex01_refactor_tests").metadata.nbgrader["grade"] = False
    cell(notebook, "ex01_refactor").source = "def shipping_cost(*args):\n    return 0"
    return notebook
