"""A method that never returns: the tests that call it hang."""
from hostile_kit import Expect, with_code

EXPECT = Expect("flagged", "ran past", zero=["ex01_shapes"])


def submission(reference):
    return with_code(reference, "ex01_shapes", after=(
        "def _forever(self):\n    while True:\n        pass\n\n\nCircle.area = _forever"))
