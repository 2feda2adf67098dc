"""100 MB of output: the grader stops the flood and keeps its memory."""
from hostile_kit import Expect, after, with_code

EXPECT = Expect("flagged", "printed more than", zero=after("ex01_composition"))


def submission(reference):
    return with_code(reference, "ex01_composition",
                     after="for _ in range(100):\n    print('x' * 1_000_000)")
