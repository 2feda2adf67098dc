"""os._exit() kills the kernel: this exercise and every later one cannot be graded."""
from hostile_kit import Expect, after, with_code

EXPECT = Expect("flagged", "kernel died", zero=after("ex01_shapes"))


def submission(reference):
    return with_code(reference, "ex01_shapes", after="import os\nos._exit(0)")
