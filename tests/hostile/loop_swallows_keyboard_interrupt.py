"""A loop that catches KeyboardInterrupt, so interrupting the kernel does not stop it."""
from hostile_kit import Expect, after, with_code

EXPECT = Expect("flagged", "did not stop when interrupted", zero=after("ex01_composition"))


def submission(reference):
    return with_code(reference, "ex01_composition", after=(
        "while True:\n    try:\n        while True:\n            pass\n"
        "    except KeyboardInterrupt:\n        pass"))
