"""A test cell emptied to `pass`: the original runs instead, and the edit is flagged."""
import copy

from hostile_kit import Expect, cell

EXPECT = Expect("flagged", "ex01_bank_account_tests was edited", zero=["ex01_bank_account"])


def submission(reference):
    notebook = copy.deepcopy(reference)
    cell(notebook, "ex01_bank_account_tests").source = "pass"
    cell(notebook, "ex01_bank_account").source = "class BankAccount:\n    pass"
    return notebook
