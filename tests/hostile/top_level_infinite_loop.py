"""A top-level infinite loop after a correct answer: the class exists, the cell never ends."""
from hostile_kit import Expect, with_code

EXPECT = Expect("flagged", "ran past", zero=["ex01_bank_account"])


def submission(reference):
    return with_code(reference, "ex01_bank_account", after="while True:\n    pass")
