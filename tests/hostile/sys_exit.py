"""sys.exit() after the answer: IPython turns it into an error, the exercise scores 0."""
from hostile_kit import Expect, with_code

EXPECT = Expect("flagged", "sys.exit", zero=["ex01_bank_account"])


def submission(reference):
    return with_code(reference, "ex01_bank_account", after="import sys\nsys.exit(0)")
