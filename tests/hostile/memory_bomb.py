"""Allocating far more memory than the limit: MemoryError, not a machine out of memory."""
from hostile_kit import Expect, with_code

# A broken answer is not a cheat: the exercise scores 0, nothing needs review.
EXPECT = Expect("graded", zero=["ex01_dry"])


def submission(reference):
    return with_code(reference, "ex01_dry", after="hoard = bytearray(64 * 1024**3)")
